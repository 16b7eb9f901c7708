/**
 * The flowchart data model as plain TypeScript types, with no dependency on zod or Astro,
 * so the same code runs in the build (validation, SVG layout) and in the browser (the wizard).
 * The zod schema that checks frontmatter is FlowchartPlaybook in src/schema/playbook.ts;
 * these types accept anything that schema produces.
 */

/** One of the chapter's three end states. */
export type EndState = 'fixed-identified' | 'fixed-unidentified' | 'unfixed';

export interface FlowTestData {
  command: string;
  shell?: 'cmd' | 'powershell' | 'text';
  ok: string;
  bad: string;
  where?: 'caller' | 'agent' | 'target';
}

export interface FlowAnswerData {
  label: string;
  key?: string;
  short?: string;
  next?: string;
  outcome?: string;
  goto?: string;
}

export interface FlowNodeData {
  question: string;
  short?: string;
  why?: string;
  test?: FlowTestData;
  note?: string;
  links?: string[];
  sensitive?: string[];
  answers: FlowAnswerData[];
}

export interface FlowOutcomeData {
  state: EndState;
  title: string;
  action: string;
  links?: string[];
}

/** The part of a flowchart page's frontmatter that describes the graph. */
export interface FlowchartData {
  figure?: string;
  start: string;
  nodes: Record<string, FlowNodeData>;
  outcomes: Record<string, FlowOutcomeData>;
}

/** Japanese labels of the end states, as the chapter names them, and what they mean for the agent. */
export const END_STATE_LABEL: Record<EndState, string> = {
  'fixed-identified': '修正済 / 特定済',
  'fixed-unidentified': '修正済 / 未特定',
  unfixed: '未修正',
};

export const END_STATE_HINT: Record<EndState, string> = {
  'fixed-identified': '直り、原因も分かった状態です。',
  'fixed-unidentified': '直ったものの、原因ははっきりしない状態です。',
  unfixed: '直っていません。ティア 2 へエスカレーションします。',
};

/** The key of an answer in links: its `key`, or its 1-based position. */
export function answerKey(answer: FlowAnswerData, index: number): string {
  return answer.key ?? String(index + 1);
}

/**
 * Node ids in reading order: a topological order (every question comes before the questions it
 * leads to) that keeps a chain together: after a question, its first follow-up question comes
 * next when nothing else has to come first. The diagram draws the questions top to bottom in
 * this order and numbers them Q1, Q2, … the same way as the text alternative.
 */
export function nodeOrder(chart: FlowchartData): string[] {
  const ids = Object.keys(chart.nodes);
  // Breadth-first discovery index: the tie-breaker.
  const bfs: string[] = [];
  const queue = [chart.start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (bfs.includes(id) || !chart.nodes[id]) continue;
    bfs.push(id);
    for (const a of chart.nodes[id].answers) if (a.next) queue.push(a.next);
  }
  const reachable = new Set(bfs);
  const indeg = new Map<string, number>(bfs.map((id) => [id, 0]));
  const edges = (id: string) => [...new Set(chart.nodes[id].answers.flatMap((a) => (a.next && reachable.has(a.next) && a.next !== id ? [a.next] : [])))];
  for (const id of bfs) for (const n of edges(id)) indeg.set(n, (indeg.get(n) ?? 0) + 1);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < bfs.length) {
    const ready = bfs.filter((id) => !placed.has(id) && indeg.get(id) === 0);
    const last = order[order.length - 1];
    const preferred = last ? edges(last).find((n) => ready.includes(n)) : undefined;
    // With a cycle nothing is ready: take the earliest unplaced node (validate.ts reports the cycle).
    const pick = preferred ?? ready[0] ?? bfs.find((id) => !placed.has(id))!;
    order.push(pick);
    placed.add(pick);
    for (const n of edges(pick)) indeg.set(n, (indeg.get(n) ?? 0) - 1);
  }
  // Unreachable nodes last (validation reports them; the text alternative still lists them).
  for (const id of ids) if (!placed.has(id)) order.push(id);
  return order;
}

/** Outcome ids in the order a reader meets them. */
export function outcomeOrder(chart: FlowchartData): string[] {
  const order: string[] = [];
  for (const id of nodeOrder(chart)) {
    for (const a of chart.nodes[id].answers) if (a.outcome && !order.includes(a.outcome)) order.push(a.outcome);
  }
  for (const id of Object.keys(chart.outcomes)) if (!order.includes(id)) order.push(id);
  return order;
}

/** Split `guides/name-resolution#確認` into page id and anchor. */
export function splitLink(link: string): { id: string; anchor?: string } {
  const i = link.indexOf('#');
  return i < 0 ? { id: link } : { id: link.slice(0, i), anchor: link.slice(i + 1) || undefined };
}
