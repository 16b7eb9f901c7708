import { describe, expect, it } from 'vitest';
import { assertValidFlowchart, findCycles, formatFlowProblems, validateFlowchart } from './validate.ts';
import { goodChart } from './fixtures.ts';

const ctx = {
  pageIds: new Set(['guides/path-connectivity', 'guides/support-scripts', 'flowcharts/other', 'flowcharts/self']),
  flowchartIds: new Set(['flowcharts/other', 'flowcharts/self']),
  sensitiveIds: new Set(['policy-details', 'exemptions']),
  selfId: 'flowcharts/self',
};

const messages = (chart = goodChart(), c: Parameters<typeof validateFlowchart>[1] = ctx) => validateFlowchart(chart, c).map((p) => p.message);

describe('validateFlowchart', () => {
  it('accepts a good chart', () => {
    expect(validateFlowchart(goodChart(), ctx)).toEqual([]);
  });

  it('names the node whose next is missing, and suggests existing nodes', () => {
    const c = goodChart();
    c.nodes.name.answers[0].next = 'aplication';
    const p = validateFlowchart(c, ctx).find((x) => x.message.includes('aplication'))!;
    expect(p.node).toBe('name');
    expect(p.message).toBe('node "name", answer 1 ("はい"): next "aplication" is not a node.');
    expect(p.fix).toContain('ping, name, app, refresh');
  });

  it('names the unknown outcome', () => {
    const c = goodChart();
    c.nodes.ping.answers[1].outcome = 'netwrk';
    expect(messages(c)).toContain('node "ping", answer 2 ("いいえ"): outcome "netwrk" is not an outcome.');
  });

  it('rejects an answer with no target or two targets', () => {
    const c = goodChart();
    c.nodes.app.answers[0] = { label: 'はい', key: 'ok' };
    c.nodes.ping.answers[1] = { label: 'いいえ', key: 'ng', outcome: 'network', next: 'name' };
    const m = messages(c);
    expect(m).toContain('node "app", answer 1 ("はい"): has no target.');
    expect(m).toContain('node "ping", answer 2 ("いいえ"): has more than one target.');
  });

  it('reports a node that cannot be reached and an outcome no path uses', () => {
    const c = goodChart();
    c.nodes.orphan = { question: '孤立?', answers: [{ label: 'はい', outcome: 'network' }] };
    c.outcomes.unused = { state: 'unfixed', title: '使われない', action: '-' };
    const p = validateFlowchart(c, ctx);
    expect(p.find((x) => x.node === 'orphan')?.message).toBe('node "orphan" cannot be reached from the start node "ping".');
    expect(p.find((x) => x.outcome === 'unused')?.message).toBe('outcome "unused" is not reached by any path.');
  });

  it('reports a cycle naming its nodes', () => {
    const c = goodChart();
    c.nodes.refresh.answers[1] = { label: 'いいえ', key: 'ng', next: 'name' };
    const cycle = validateFlowchart(c, ctx).find((x) => x.message.startsWith('cycle'))!;
    expect(cycle.message).toContain('name → app → refresh → name');
    expect(cycle.fix).toContain('refresh');
    expect(findCycles(c).length).toBeGreaterThanOrEqual(1);
    expect(findCycles(goodChart())).toEqual([]);
  });

  it('reports an answer leading to its own node', () => {
    const c = goodChart();
    c.nodes.app.answers[1].next = 'app';
    expect(messages(c)).toContain('node "app", answer 2 ("いいえ"): leads back to its own node.');
  });

  it('reports a missing start node, a node without answers and duplicate keys', () => {
    const c = goodChart();
    c.start = 'begin';
    expect(messages(c)[0]).toBe('start node "begin" is not a node.');
    const d = goodChart();
    d.nodes.app.answers = [];
    expect(messages(d)).toContain('node "app" has no answers, so its paths end nowhere.');
    const e = goodChart();
    e.nodes.name.answers[1].key = 'ok';
    expect(messages(e)).toContain('node "name", answer 2 ("いいえ"): key "ok" is used twice in this node.');
  });

  it('checks id and key formats (they go into URLs)', () => {
    const c = goodChart();
    c.nodes.ping_ip = c.nodes.ping;
    delete c.nodes.ping;
    c.start = 'ping_ip';
    c.nodes.name.answers[0].key = 'Yes!';
    const m = messages(c);
    expect(m).toContain('node id "ping_ip" is not lowercase ASCII words joined by hyphens.');
    expect(m).toContain('node "name", answer 1 ("はい"): key "Yes!" is not lowercase ASCII.');
  });

  it('checks links, hand-overs and sensitive topics against the site', () => {
    const c = goodChart();
    c.outcomes.network.links = ['guides/no-such-page'];
    c.nodes.refresh.answers[2].goto = 'flowcharts/self';
    c.nodes.refresh.sensitive = ['secrets'];
    c.nodes.app.links = ['/guides/path-connectivity/'];
    const m = messages(c);
    expect(m).toContain('outcome "network": link "guides/no-such-page" points at no page.');
    expect(m).toContain('node "refresh", answer 3 ("連絡者のコンピュータだけ"): goto "flowcharts/self" is this flowchart.');
    expect(m).toContain('node "refresh": sensitive topic "secrets" is not in content/data/sensitive.json.');
    expect(m).toContain('node "app": link "/guides/path-connectivity/" is not a page id.');
  });

  it('can treat links to pages not written yet as warnings', () => {
    const c = goodChart();
    c.outcomes.network.links = ['guides/later'];
    const p = validateFlowchart(c, { ...ctx, missingLinksAreWarnings: true });
    expect(p).toHaveLength(1);
    expect(p[0].severity).toBe('warning');
    expect(assertValidFlowchart('x.mdx', c, { ...ctx, missingLinksAreWarnings: true })).toHaveLength(1);
  });

  it('fails with the file and node named, and a fix', () => {
    const c = goodChart();
    c.nodes.ping.answers[0].next = 'nme';
    expect(() => assertValidFlowchart('playbooks/flowcharts/x.mdx', c, ctx)).toThrow(
      /playbooks\/flowcharts\/x\.mdx: node "ping", answer 1 \("はい"\): next "nme" is not a node\.\n {2}Fix: add a node "nme"/,
    );
  });

  it('formats one problem per entry', () => {
    const text = formatFlowProblems('f.mdx', [{ node: 'a', message: 'm.', fix: 'f.', severity: 'warning' }]);
    expect(text).toBe('f.mdx: warning: m.\n  Fix: f.');
  });
  it('rejects a node and an outcome that share one id, naming the node', () => {
    const c = goodChart();
    c.outcomes.app = { state: 'unfixed', title: '重複', action: '-' };
    c.nodes.app.answers[0] = { label: 'はい', key: 'ok', outcome: 'app' };
    const p = validateFlowchart(c, ctx);
    expect(p).toContainEqual({ node: 'app', severity: 'error', message: '"app" is both a node and an outcome.', fix: 'give the outcome another id, e.g. add "-result".' });
    // the other outcome the node used is no longer reached: that and the clash are the only problems
    expect(p.map((x) => x.message)).toEqual(['"app" is both a node and an outcome.', 'outcome "application" is not reached by any path.']);
  });

  it('rejects an outcome state that is not one of the chapter\'s three end states', () => {
    const c = goodChart();
    (c.outcomes.network as { state: string }).state = 'fixed';
    expect(validateFlowchart(c, ctx)).toEqual([
      { outcome: 'network', severity: 'error', message: 'outcome "network": state "fixed" is not one of the chapter\'s end states.', fix: 'use fixed-identified (修正済/特定済), fixed-unidentified (修正済/未特定) or unfixed (未修正).' },
    ]);
    for (const state of ['fixed-identified', 'fixed-unidentified', 'unfixed'] as const) {
      const d = goodChart();
      d.outcomes.network.state = state;
      expect(validateFlowchart(d, ctx), state).toEqual([]);
    }
  });

  it('rejects a goto that is not a flowchart page, listing the flowcharts', () => {
    const c = goodChart();
    c.nodes.refresh.answers[2].goto = 'guides/path-connectivity';
    expect(validateFlowchart(c, ctx)).toEqual([
      {
        node: 'refresh',
        severity: 'error',
        message: 'node "refresh", answer 3 ("連絡者のコンピュータだけ"): goto "guides/path-connectivity" is not a flowchart page.',
        fix: 'use the page id of another flowchart: flowcharts/other, flowcharts/self.',
      },
    ]);
    // without the list of flowcharts (a unit check with no site), any goto is accepted
    expect(validateFlowchart(c, { pageIds: ctx.pageIds, sensitiveIds: ctx.sensitiveIds })).toEqual([]);
  });

  it('rejects an empty flowchart with one problem and stops there', () => {
    const empty = { figure: '7.9', start: 'ping', nodes: {}, outcomes: {} };
    expect(validateFlowchart(empty, ctx)).toEqual([
      { severity: 'error', message: 'the flowchart has no nodes.', fix: 'add at least one node under `nodes:` with a question and answers.' },
    ]);
    expect(validateFlowchart({ figure: '7.9', start: 'ping' } as unknown as Parameters<typeof validateFlowchart>[0], ctx).map((p) => p.message)).toEqual(['the flowchart has no nodes.']);
    expect(() => assertValidFlowchart('e.mdx', empty, ctx)).toThrow('Invalid flowchart (1 problem):\ne.mdx: the flowchart has no nodes.\n  Fix: add at least one node');
  });

  it('checks outcome id formats and counts several problems in the thrown message', () => {
    const c = goodChart();
    c.outcomes.Network_1 = c.outcomes.network;
    delete c.outcomes.network;
    c.nodes.ping.answers[1].outcome = 'Network_1';
    c.nodes.refresh.answers[1].outcome = 'Network_1';
    expect(messages(c)).toEqual(['outcome id "Network_1" is not lowercase ASCII words joined by hyphens.']);
    c.start = 'begin';
    expect(() => assertValidFlowchart('x.mdx', c, ctx)).toThrow(/^Invalid flowchart \(2 problems\):\nx\.mdx: start node "begin" is not a node\.\n  Fix: set `start:` to one of: ping, name, app, refresh\.\nx\.mdx: outcome id "Network_1"/);
  });

  it('lists at most eight ids in a fix, then an ellipsis; "(none)" when there are none', () => {
    const c = goodChart();
    for (let i = 1; i <= 7; i++) c.nodes.app.answers.push({ label: `a${i}`, key: `k${i}`, next: `n${i}` });
    c.nodes.ping.answers[1] = { label: 'いいえ', key: 'ng', outcome: 'nowhere' };
    const p = validateFlowchart(c, ctx);
    expect(p.find((x) => x.message.includes('next "n1"'))?.fix).toBe('add a node "n1" under `nodes:`, or point the answer at an existing node: ping, name, app, refresh.');
    const d = goodChart();
    d.outcomes = {};
    d.nodes.ping.answers[1].outcome = 'gone';
    expect(validateFlowchart(d, ctx).find((x) => x.message.includes('"gone"'))?.fix).toBe('add an outcome "gone" under `outcomes:`, or use one of: (none).');
    const many = goodChart();
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    many.outcomes = Object.fromEntries(ids.map((id) => [`o-${id}`, { state: 'unfixed' as const, title: id, action: '-' }]));
    many.nodes.ping.answers[1].outcome = 'missing';
    expect(validateFlowchart(many, ctx).find((x) => x.message.includes('"missing"'))?.fix).toBe('add an outcome "missing" under `outcomes:`, or use one of: o-a, o-b, o-c, o-d, o-e, o-f, o-g, o-h, ….');
  });

  it('finds a cycle once, in path order from where it closes', () => {
    const c = goodChart();
    c.nodes.refresh.answers[1] = { label: 'いいえ', key: 'ng', next: 'name' };
    expect(findCycles(c)).toEqual([['name', 'app', 'refresh']]);
    const d = goodChart();
    d.nodes.app.answers[1] = { label: 'いいえ', key: 'ng', next: 'name' };
    d.nodes.refresh.answers[1] = { label: 'いいえ', key: 'ng', next: 'ping' };
    expect(findCycles(d)).toEqual([['name', 'app'], ['ping', 'name', 'refresh']]);
  });
});

describe('validateFlowchart: every problem with its fix (mutation-test findings)', () => {
  const only = (c: ReturnType<typeof goodChart>, x = ctx) => validateFlowchart(c, x);

  it('start, node id, answers, keys and targets', () => {
    const c = goodChart();
    c.start = 'begin';
    expect(only(c)[0]).toEqual({ severity: 'error', message: 'start node "begin" is not a node.', fix: 'set `start:` to one of: ping, name, app, refresh.' });
    const d = goodChart();
    d.nodes.app.answers = [];
    expect(only(d).find((p) => p.node === 'app' && p.message.includes('no answers'))).toEqual({ node: 'app', severity: 'error', message: 'node "app" has no answers, so its paths end nowhere.', fix: 'add answers, each with `next:` (a node), `outcome:` (an outcome) or `goto:` (another flowchart).' });
    const e = goodChart();
    e.nodes.name.answers[1].key = 'ok';
    e.nodes.name.answers[0].key = 'Yes!';
    e.nodes.name.answers[1].key = 'Yes!';
    expect(only(e)).toEqual([
      { node: 'name', severity: 'error', message: 'node "name", answer 1 ("はい"): key "Yes!" is not lowercase ASCII.', fix: 'use letters, digits and hyphens, e.g. "yes" or "no-reply".' },
      { node: 'name', severity: 'error', message: 'node "name", answer 2 ("いいえ"): key "Yes!" is not lowercase ASCII.', fix: 'use letters, digits and hyphens, e.g. "yes" or "no-reply".' },
      { node: 'name', severity: 'error', message: 'node "name", answer 2 ("いいえ"): key "Yes!" is used twice in this node.', fix: 'give every answer of a node its own `key:`.' },
    ]);
    const f = goodChart();
    f.nodes.ping_ip = { question: '?', answers: [{ label: 'x', outcome: 'network' }] };
    f.nodes.ping.answers[0] = { label: 'はい', key: 'ok', next: 'ping_ip' };
    f.nodes.ping_ip.answers.push({ label: 'y', next: 'name' });
    expect(only(f)).toEqual([{ node: 'ping_ip', severity: 'error', message: 'node id "ping_ip" is not lowercase ASCII words joined by hyphens.', fix: 'rename it, e.g. "ping-ip" (ids appear in links and URLs).' }]);
  });

  it('an empty target is no target: next "" beside an outcome is one target (then named as a missing node), not two', () => {
    const c = goodChart();
    c.nodes.ping.answers[1] = { label: 'いいえ', key: 'ng', outcome: 'network', next: '' };
    expect(only(c)).toEqual([{ node: 'ping', severity: 'error', message: 'node "ping", answer 2 ("いいえ"): next "" is not a node.', fix: 'add a node "" under `nodes:`, or point the answer at an existing node: ping, name, app, refresh.' }]);
    c.nodes.ping.answers[1] = { label: 'いいえ', key: 'ng', next: '' };
    expect(only(c)).toContainEqual({ node: 'ping', severity: 'error', message: 'node "ping", answer 2 ("いいえ"): has no target.', fix: 'give it exactly one of `next:` (a node id), `outcome:` (an outcome id) or `goto:` (a flowchart page id).' });
  });

  it('unreachable nodes and unused outcomes say how to fix them', () => {
    const c = goodChart();
    c.nodes.orphan = { question: '孤立?', answers: [{ label: 'はい', outcome: 'network' }] };
    c.outcomes.unused = { state: 'unfixed', title: '使われない', action: '-' };
    expect(only(c)).toEqual([
      { node: 'orphan', severity: 'error', message: 'node "orphan" cannot be reached from the start node "ping".', fix: 'point an answer of an earlier node at it (`next: orphan`), or delete the node.' },
      { outcome: 'unused', severity: 'error', message: 'outcome "unused" is not reached by any path.', fix: 'point an answer at it (`outcome: unused`), or delete the outcome.' },
    ]);
  });

  it('a node id list of exactly eight has no ellipsis', () => {
    const c = goodChart();
    for (const id of ['e', 'f', 'g', 'h']) c.nodes[id] = { question: '?', answers: [{ label: 'x', outcome: 'network' }] };
    c.nodes.ping.answers.push(...['e', 'f', 'g', 'h'].map((id) => ({ label: id, key: id, next: id })));
    c.start = 'nowhere';
    expect(only(c)[0].fix).toBe('set `start:` to one of: ping, name, app, refresh, e, f, g, h.');
  });

  it('links must be page ids (lowercase path, no slashes at the ends), and name their node or outcome', () => {
    const x = { ...ctx, pageIds: new Set([...ctx.pageIds, 'index', 'guides/a/b']) };
    const c = goodChart();
    c.nodes.app.links = ['index', 'guides/a/b', 'Guides/path-connectivity', 'guides/path-connectivity/'];
    c.outcomes.application.links = ['guides/missing'];
    expect(only(c, x)).toEqual([
      { node: 'app', severity: 'error', message: 'node "app": link "Guides/path-connectivity" is not a page id.', fix: 'write a page id such as "guides/name-resolution" (optionally "#見出し"), not a URL.' },
      { node: 'app', severity: 'error', message: 'node "app": link "guides/path-connectivity/" is not a page id.', fix: 'write a page id such as "guides/name-resolution" (optionally "#見出し"), not a URL.' },
      { outcome: 'application', severity: 'error', message: 'outcome "application": link "guides/missing" points at no page.', fix: 'use the id of an existing page (its path under playbooks/ or content/ without .mdx), or write that page.' },
    ]);
  });

  it('an unknown sensitive topic lists the known ones', () => {
    const c = goodChart();
    c.nodes.refresh.sensitive = ['secrets'];
    expect(only(c)).toEqual([{ node: 'refresh', severity: 'error', message: 'node "refresh": sensitive topic "secrets" is not in content/data/sensitive.json.', fix: 'use one of: policy-details, exemptions.' }]);
  });

  it('a self loop is reported as such, not as a cycle', () => {
    const c = goodChart();
    c.nodes.app.answers[1].next = 'app';
    expect(findCycles(c)).toEqual([]);
  });
  it('says how to fix an outcome id, a self loop and a goto to this flowchart', () => {
    const fixOf = (c: ReturnType<typeof goodChart>, message: string) => validateFlowchart(c, ctx).find((p) => p.message === message)?.fix;
    const a = goodChart();
    a.outcomes.Network_1 = a.outcomes.network;
    delete a.outcomes.network;
    a.nodes.ping.answers[1].outcome = 'Network_1';
    a.nodes.refresh.answers[1].outcome = 'Network_1';
    expect(fixOf(a, 'outcome id "Network_1" is not lowercase ASCII words joined by hyphens.')).toBe('rename it, e.g. "refresh-fixed".');
    const b = goodChart();
    b.nodes.app.answers[1].next = 'app';
    expect(fixOf(b, 'node "app", answer 2 ("いいえ"): leads back to its own node.')).toBe('point it at a later node or an outcome; a question cannot follow itself.');
    const c = goodChart();
    c.nodes.refresh.answers[2].goto = 'flowcharts/self';
    expect(fixOf(c, 'node "refresh", answer 3 ("連絡者のコンピュータだけ"): goto "flowcharts/self" is this flowchart.')).toBe('use `next:` to stay in this flowchart.');
  });

  it('a node whose answers are left out (not an empty list) is a node without answers, and the walk goes on past it', () => {
    const c = goodChart();
    delete (c.nodes.app as { answers?: unknown }).answers;
    const m = messages(c);
    expect(m).toContain('node "app" has no answers, so its paths end nowhere.');
    expect(findCycles(c)).toEqual([]);
  });
});
