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
});
