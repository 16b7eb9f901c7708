import { describe, expect, it } from 'vitest';
import { back, backTo, choose, formatPath, formatPrev, initialState, parsePath, parsePrev, position, restart, walk } from './machine.ts';
import { goodChart } from './fixtures.ts';

const g = goodChart();

describe('wizard state machine', () => {
  it('starts at the start node, question 1', () => {
    expect(position(g, initialState())).toEqual({ kind: 'question', node: 'ping', number: 1 });
  });

  it('follows answers by key or index to an outcome', () => {
    let s = choose(g, initialState(), 'ok');
    expect(position(g, s)).toEqual({ kind: 'question', node: 'name', number: 2 });
    s = choose(g, s, 1); // いいえ → refresh
    expect(position(g, s)).toMatchObject({ kind: 'question', node: 'refresh' });
    s = choose(g, s, 'ok');
    expect(position(g, s)).toEqual({ kind: 'outcome', node: 'refresh', outcome: 'refreshed', number: 3 });
    expect(formatPath(s)).toBe('ping_ok.name_ng.refresh_ok');
  });

  it('uses the 1-based position when an answer has no key', () => {
    const s = choose(g, choose(g, choose(g, initialState(), 'ok'), 'ng'), '2');
    expect(formatPath(s)).toBe('ping_ok.name_ng.refresh_2');
    expect(position(g, s)).toMatchObject({ kind: 'outcome', outcome: 'network' });
  });

  it('stops at a hand-over to another flowchart', () => {
    const s = choose(g, choose(g, choose(g, initialState(), 'ok'), 'ng'), 2);
    expect(position(g, s)).toEqual({ kind: 'goto', node: 'refresh', goto: 'flowcharts/other', number: 3 });
  });

  it('ignores unknown answers and answers after the end', () => {
    const s = choose(g, initialState(), 'maybe');
    expect(s.steps).toEqual([]);
    const end = choose(g, initialState(), 'ng');
    expect(choose(g, end, 'ok')).toBe(end);
  });

  it('goes back one step, back to a breadcrumb step, and restarts', () => {
    const s = choose(g, choose(g, choose(g, initialState(), 'ok'), 'ok'), 'ng');
    expect(position(g, back(s))).toMatchObject({ node: 'app' });
    expect(position(g, backTo(s, 2))).toMatchObject({ node: 'name' });
    expect(backTo(s, 1).steps).toEqual([]);
    expect(restart()).toEqual(initialState());
    expect(back(initialState()).steps).toEqual([]);
  });

  it('round-trips a path through the URL', () => {
    const s = choose(g, choose(g, choose(g, initialState(), 'ok'), 'ok'), 'ng');
    const parsed = parsePath(g, formatPath(s));
    expect(parsed).toEqual({ state: s, complete: true });
  });

  it('keeps the longest valid prefix of a damaged path', () => {
    expect(parsePath(g, 'ping_ok.name_maybe.app_ok')).toEqual({ state: { steps: [{ node: 'ping', key: 'ok' }] }, complete: false, rejected: 'name_maybe' });
    expect(parsePath(g, 'name_ok').rejected).toBe('name_ok');
    expect(parsePath(g, 'ping_ng.name_ok').rejected).toBe('name_ok');
    expect(parsePath(g, '')).toEqual({ state: initialState(), complete: true });
    expect(parsePath(g, null).complete).toBe(true);
    expect(parsePath(g, 'garbage').complete).toBe(false);
  });

  it('walks the steps with answer indexes for the breadcrumb', () => {
    const s = choose(g, choose(g, initialState(), 'ok'), 'ng');
    expect(walk(g, s)).toEqual([
      { node: 'ping', key: 'ok', index: 0 },
      { node: 'name', key: 'ng', index: 1 },
    ]);
  });

  it('throws on a state that does not fit the graph (never built by choose)', () => {
    expect(() => position(g, { steps: [{ node: 'name', key: 'ok' }] })).toThrow(/does not follow/);
  });

  it('carries an earlier flowchart path in prev', () => {
    const s = choose(g, initialState(), 'ok');
    expect(formatPrev('flowcharts/first-diagnosis', s)).toBe('flowcharts/first-diagnosis:ping_ok');
    expect(parsePrev('flowcharts/first-diagnosis:ping_ok.name_ng')).toEqual({ chart: 'flowcharts/first-diagnosis', path: 'ping_ok.name_ng' });
    expect(parsePrev('javascript:alert(1)')).toBeUndefined();
    expect(parsePrev('<x>:a')).toBeUndefined();
    expect(parsePrev(null)).toBeUndefined();
  });
});
