/**
 * Turn the answers carried in a link (?chart=…&path=…&prev=…) back into readable steps for the
 * ticket: "Q3 接続先の名前を解決できる? → 解決できる". Only answer keys travel in the URL; the
 * questions and labels come from the flowcharts shipped with the page.
 */
import { parsePath, parsePrev, position, walk, type WizardGraph } from '../flowchart/machine.ts';
import type { EndState } from '../flowchart/types.ts';

/** What the packet page knows about each flowchart (built from the frontmatter at build time). */
export interface PacketChart extends WizardGraph {
  id: string;
  figure: string;
  title: string;
  nodes: Record<string, { tag: string; question: string; answers: { key?: string; label: string; next?: string; outcome?: string; goto?: string }[] }>;
  outcomes: Record<string, { state: EndState; title: string; action: string }>;
}

export interface DescribedStep {
  tag: string;
  question: string;
  answer: string;
}

export interface DescribedPath {
  chart: string;
  figure: string;
  title: string;
  /** The path text as it came in (answers only). */
  path: string;
  steps: DescribedStep[];
  /** How the path ends: an outcome, a hand-over to another flowchart, or still at a question. */
  end: { kind: 'outcome'; state: EndState; title: string; action: string } | { kind: 'goto'; figure: string; title: string } | { kind: 'open'; question: string };
  /** False when part of the path did not fit the flowchart (it was cut there). */
  complete: boolean;
}

export function describePath(charts: Record<string, PacketChart>, chartId: string, pathText: string | null | undefined): DescribedPath | undefined {
  const chart = charts[chartId];
  if (!chart) return undefined;
  const parsed = parsePath(chart, pathText);
  const steps = walk(chart, parsed.state).map((s) => {
    const node = chart.nodes[s.node];
    return { tag: node.tag, question: node.question, answer: node.answers[s.index]?.label ?? s.key };
  });
  const at = position(chart, parsed.state);
  let end: DescribedPath['end'];
  if (at.kind === 'outcome') {
    const o = chart.outcomes[at.outcome];
    end = { kind: 'outcome', state: o.state, title: o.title, action: o.action };
  } else if (at.kind === 'goto') {
    const next = charts[at.goto];
    end = { kind: 'goto', figure: next?.figure ?? '', title: next?.title ?? at.goto };
  } else {
    end = { kind: 'open', question: `${chart.nodes[at.node].tag} ${chart.nodes[at.node].question}` };
  }
  return { chart: chartId, figure: chart.figure, title: chart.title, path: parsed.state.steps.map((s) => `${s.node}_${s.key}`).join('.'), steps, end, complete: parsed.complete };
}

/** Both paths of a link: the earlier flowchart (prev) first, then this one. */
export function describeLink(charts: Record<string, PacketChart>, params: URLSearchParams): DescribedPath[] {
  const out: DescribedPath[] = [];
  const prev = parsePrev(params.get('prev'));
  if (prev) {
    const p = describePath(charts, prev.chart, prev.path);
    if (p) out.push(p);
  }
  const chart = params.get('chart');
  if (chart) {
    const p = describePath(charts, chart, params.get('path'));
    if (p) out.push(p);
  }
  return out;
}
