/**
 * Check a flowchart as a graph, before it is drawn or walked.
 *
 * Input: the flowchart part of a page's frontmatter (start, nodes, outcomes) and, optionally,
 * the ids the build knows (pages, flowchart pages, sensitive-information topics).
 * Output: a list of problems, each naming the node or outcome and saying how to fix it.
 * An empty list means: the start node exists, every node is reachable from it, every answer
 * leads to exactly one existing node, outcome or other flowchart, there are no cycles (so every
 * path ends in an outcome or a hand-over), every outcome is used, and every link resolves.
 *
 * Flowchart.astro calls assertValidFlowchart() while the page is built, so a broken flowchart
 * fails `npm run build` with messages like
 *   playbooks/flowcharts/first-diagnosis.mdx: node "ping-ip", answer 2 ("いいえ"): next "network" is not a node.
 *     Fix: add a node "network" under `nodes:`, or point the answer at an existing node: nslookup, ping-ip, …
 */
import { answerKey, splitLink, type FlowchartData } from './types.ts';

export interface FlowProblem {
  /** Node the problem is in, if any. */
  node?: string;
  /** Outcome the problem is in, if any. */
  outcome?: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix: string;
  /** 'warning' problems are printed but do not fail the build (used for links to pages not written yet). */
  severity: 'error' | 'warning';
}

export interface ValidateContext {
  /** Every page id of the site; when given, `links` must be in it. */
  pageIds?: Set<string>;
  /** Page ids of flowchart pages; when given, `goto` must be in it. */
  flowchartIds?: Set<string>;
  /** Ids of content/data/sensitive.json topics; when given, `sensitive` must use them. */
  sensitiveIds?: Set<string>;
  /** Id of the page being checked (a flowchart must not hand over to itself). */
  selfId?: string;
  /** Report links to missing pages as warnings instead of errors (pages still being written). */
  missingLinksAreWarnings?: boolean;
}

/** Ids appear in URLs and anchors: lowercase ASCII words joined by hyphens, no underscore. */
export const FLOW_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const KEY = /^[a-z0-9][a-z0-9-]*$/;

export function validateFlowchart(chart: FlowchartData, ctx: ValidateContext = {}): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const error = (p: Omit<FlowProblem, 'severity'>) => problems.push({ ...p, severity: 'error' });
  const nodes = chart.nodes ?? {};
  const outcomes = chart.outcomes ?? {};
  const nodeIds = Object.keys(nodes);
  const outcomeIds = Object.keys(outcomes);
  const listOf = (ids: string[]) => (ids.length ? ids.slice(0, 8).join(', ') + (ids.length > 8 ? ', …' : '') : '(none)');

  if (nodeIds.length === 0) {
    error({ message: 'the flowchart has no nodes.', fix: 'add at least one node under `nodes:` with a question and answers.' });
    return problems;
  }
  if (!nodes[chart.start]) {
    error({ message: `start node "${chart.start}" is not a node.`, fix: `set \`start:\` to one of: ${listOf(nodeIds)}.` });
  }

  for (const id of nodeIds) {
    if (!FLOW_ID.test(id)) error({ node: id, message: `node id "${id}" is not lowercase ASCII words joined by hyphens.`, fix: 'rename it, e.g. "ping-ip" (ids appear in links and URLs).' });
    if (outcomes[id]) error({ node: id, message: `"${id}" is both a node and an outcome.`, fix: 'give the outcome another id, e.g. add "-result".' });
  }
  for (const id of outcomeIds) {
    if (!FLOW_ID.test(id)) error({ outcome: id, message: `outcome id "${id}" is not lowercase ASCII words joined by hyphens.`, fix: 'rename it, e.g. "refresh-fixed".' });
  }

  // Answers: exactly one target each, and the target exists.
  for (const id of nodeIds) {
    const node = nodes[id];
    const answers = node.answers ?? [];
    if (answers.length === 0) {
      error({ node: id, message: `node "${id}" has no answers, so its paths end nowhere.`, fix: 'add answers, each with `next:` (a node), `outcome:` (an outcome) or `goto:` (another flowchart).' });
    }
    const keys = new Set<string>();
    answers.forEach((a, i) => {
      const where = `node "${id}", answer ${i + 1} ("${a.label}")`;
      const key = answerKey(a, i);
      if (a.key !== undefined && !KEY.test(a.key)) error({ node: id, message: `${where}: key "${a.key}" is not lowercase ASCII.`, fix: 'use letters, digits and hyphens, e.g. "yes" or "no-reply".' });
      if (keys.has(key)) error({ node: id, message: `${where}: key "${key}" is used twice in this node.`, fix: 'give every answer of a node its own `key:`.' });
      keys.add(key);
      const targets = [a.next, a.outcome, a.goto].filter((t) => t !== undefined && t !== '');
      if (targets.length !== 1) {
        error({ node: id, message: `${where}: has ${targets.length === 0 ? 'no target' : 'more than one target'}.`, fix: 'give it exactly one of `next:` (a node id), `outcome:` (an outcome id) or `goto:` (a flowchart page id).' });
        return;
      }
      if (a.next !== undefined && !nodes[a.next]) {
        error({ node: id, message: `${where}: next "${a.next}" is not a node.`, fix: `add a node "${a.next}" under \`nodes:\`, or point the answer at an existing node: ${listOf(nodeIds)}.` });
      }
      if (a.next === id) error({ node: id, message: `${where}: leads back to its own node.`, fix: 'point it at a later node or an outcome; a question cannot follow itself.' });
      if (a.outcome !== undefined && !outcomes[a.outcome]) {
        error({ node: id, message: `${where}: outcome "${a.outcome}" is not an outcome.`, fix: `add an outcome "${a.outcome}" under \`outcomes:\`, or use one of: ${listOf(outcomeIds)}.` });
      }
      if (a.goto !== undefined) {
        if (ctx.selfId && a.goto === ctx.selfId) error({ node: id, message: `${where}: goto "${a.goto}" is this flowchart.`, fix: 'use `next:` to stay in this flowchart.' });
        else if (ctx.flowchartIds && !ctx.flowchartIds.has(a.goto)) error({ node: id, message: `${where}: goto "${a.goto}" is not a flowchart page.`, fix: `use the page id of another flowchart: ${listOf([...ctx.flowchartIds])}.` });
      }
    });
  }

  // Reachability from the start.
  const reached = new Set<string>();
  const usedOutcomes = new Set<string>();
  if (nodes[chart.start]) {
    const queue = [chart.start];
    while (queue.length) {
      const id = queue.shift()!;
      if (reached.has(id) || !nodes[id]) continue;
      reached.add(id);
      for (const a of nodes[id].answers ?? []) {
        if (a.next) queue.push(a.next);
        if (a.outcome) usedOutcomes.add(a.outcome);
      }
    }
    for (const id of nodeIds) {
      if (!reached.has(id)) error({ node: id, message: `node "${id}" cannot be reached from the start node "${chart.start}".`, fix: `point an answer of an earlier node at it (\`next: ${id}\`), or delete the node.` });
    }
    for (const id of outcomeIds) {
      if (!usedOutcomes.has(id)) error({ outcome: id, message: `outcome "${id}" is not reached by any path.`, fix: `point an answer at it (\`outcome: ${id}\`), or delete the outcome.` });
    }
  }

  // Cycles: a path that comes back to a node never ends.
  for (const cycle of findCycles(chart)) {
    error({ node: cycle[0], message: `cycle: ${cycle.join(' → ')} → ${cycle[0]}; a path that loops never ends in an outcome.`, fix: `change an answer in the loop (for example in "${cycle[cycle.length - 1]}") to lead to an outcome or a later node.` });
  }

  // Links and sensitive topics.
  const checkLinks = (links: string[] | undefined, where: { node?: string; outcome?: string }, label: string) => {
    for (const link of links ?? []) {
      const { id } = splitLink(link);
      if (!/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(id)) {
        problems.push({ ...where, severity: 'error', message: `${label}: link "${link}" is not a page id.`, fix: 'write a page id such as "guides/name-resolution" (optionally "#見出し"), not a URL.' });
      } else if (ctx.pageIds && !ctx.pageIds.has(id)) {
        problems.push({ ...where, severity: ctx.missingLinksAreWarnings ? 'warning' : 'error', message: `${label}: link "${link}" points at no page.`, fix: 'use the id of an existing page (its path under playbooks/ or content/ without .mdx), or write that page.' });
      }
    }
  };
  for (const id of nodeIds) {
    checkLinks(nodes[id].links, { node: id }, `node "${id}"`);
    for (const s of nodes[id].sensitive ?? []) {
      if (ctx.sensitiveIds && !ctx.sensitiveIds.has(s)) error({ node: id, message: `node "${id}": sensitive topic "${s}" is not in content/data/sensitive.json.`, fix: `use one of: ${listOf([...ctx.sensitiveIds])}.` });
    }
  }
  for (const id of outcomeIds) {
    const o = outcomes[id];
    checkLinks(o.links, { outcome: id }, `outcome "${id}"`);
    if (!['fixed-identified', 'fixed-unidentified', 'unfixed'].includes(o.state)) {
      error({ outcome: id, message: `outcome "${id}": state "${o.state}" is not one of the chapter's end states.`, fix: 'use fixed-identified (修正済/特定済), fixed-unidentified (修正済/未特定) or unfixed (未修正).' });
    }
  }
  return problems;
}

/** Every elementary cycle found by a depth-first search (each reported once, as a list of node ids). */
export function findCycles(chart: FlowchartData): string[][] {
  const nodes = chart.nodes ?? {};
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    state.set(id, 'open');
    stack.push(id);
    for (const a of nodes[id]?.answers ?? []) {
      const next = a.next;
      if (!next || !nodes[next] || next === id) continue;
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        // JSON keeps ids apart even when they contain the separator ("a b" + "c" vs "a" + "b c")
        const sig = JSON.stringify([...cycle].sort());
        if (!seen.has(sig)) {
          seen.add(sig);
          cycles.push(cycle);
        }
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  const roots = [chart.start, ...Object.keys(nodes)].filter((id) => nodes[id]);
  for (const id of roots) if (!state.has(id)) visit(id);
  return cycles;
}

/** `file: where: what` + `Fix: how`, one problem per entry. */
export function formatFlowProblems(file: string, problems: FlowProblem[]): string {
  return problems.map((p) => `${file}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}\n  Fix: ${p.fix}`).join('\n');
}

/**
 * Throw when the flowchart has errors (this fails the Astro build and names the file and node).
 * Returns the warnings so the caller can print them.
 */
export function assertValidFlowchart(file: string, chart: FlowchartData, ctx: ValidateContext = {}): FlowProblem[] {
  const problems = validateFlowchart(chart, ctx);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new Error(`Invalid flowchart (${errors.length} problem${errors.length > 1 ? 's' : ''}):\n${formatFlowProblems(file, errors)}`);
  }
  return problems.filter((p) => p.severity === 'warning');
}
