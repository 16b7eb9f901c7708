/**
 * findCycles (src/lib/flowchart/validate.ts) on small hand-built graphs: two answers of one node leading to the same
 * earlier node, two different cycles whose node ids run together into the same letters ("a"+"bc", "ab"+"c"), and a
 * node whose id is the text "undefined" (findCycles and the reachability check must not confuse it with a missing `next`).
 */
import { describe, expect, it } from 'vitest';
import { findCycles, validateFlowchart } from './validate.ts';
import type { FlowchartData } from './types.ts';

/** A chart whose nodes are given as id → the `next` of each answer. */
function chart(start: string, edges: Record<string, string[]>): FlowchartData {
  const nodes: FlowchartData['nodes'] = {};
  for (const [id, nexts] of Object.entries(edges)) {
    nodes[id] = { question: `${id}?`, answers: nexts.map((next, i) => ({ label: `answer ${i + 1}`, next })) };
  }
  return { start, nodes, outcomes: {} };
}

describe('findCycles edges', () => {
  it('reports a cycle once when two answers of one node lead back to the same node', () => {
    expect(findCycles(chart('a', { a: ['b'], b: ['a', 'a'] }))).toEqual([['a', 'b']]);
  });

  it('keeps two different cycles whose ids joined without a separator spell the same text', () => {
    expect(findCycles(chart('a', { a: ['bc'], bc: ['a'], ab: ['c'], c: ['ab'] }))).toEqual([
      ['a', 'bc'],
      ['ab', 'c'],
    ]);
  });

  it('does not count an answer leading to its own node as a cycle', () => {
    expect(findCycles(chart('a', { a: ['a', 'b'], b: ['b'] }))).toEqual([]);
  });

  it('does not read an answer without `next` as a link to a node named "undefined"', () => {
    // `nodes[undefined]` is `nodes['undefined']`: an outcome answer must not be followed into that node
    const c: FlowchartData = {
      start: 'a',
      nodes: {
        a: { question: 'a?', answers: [{ label: 'はい', outcome: 'done' }] },
        undefined: { question: 'u?', answers: [{ label: 'はい', next: 'a' }] },
      },
      outcomes: { done: { state: 'unfixed', title: '終わり', action: '引き継ぐ' } },
    };
    expect(findCycles(c)).toEqual([]);
  });
});

describe('validateFlowchart reachability edges', () => {
  it('an answer without `next` does not reach a node named "undefined" nor the outcomes behind it', () => {
    const c: FlowchartData = {
      start: 'a',
      nodes: {
        a: { question: 'a?', answers: [{ label: 'はい', outcome: 'done' }] },
        undefined: { question: 'u?', answers: [{ label: 'はい', outcome: 'other' }] },
      },
      outcomes: { done: { state: 'unfixed', title: '終わり', action: '引き継ぐ' }, other: { state: 'unfixed', title: '別', action: '引き継ぐ' } },
    };
    expect(validateFlowchart(c).map((p) => p.message)).toEqual(['node "undefined" cannot be reached from the start node "a".', 'outcome "other" is not reached by any path.']);
  });
});

describe('findCycles: ids with spaces', () => {
  it('"b c" → "a" and "a b" → "c" are two cycles, although their sorted ids joined by spaces are both "a b c"', () => {
    const node = (next: string) => ({ question: '?', answers: [{ label: 'はい', next }] });
    const chart: FlowchartData = { start: 'b c', nodes: { 'b c': node('a'), a: node('b c'), 'a b': node('c'), c: node('a b') }, outcomes: {} };
    expect(findCycles(chart)).toEqual([
      ['b c', 'a'],
      ['a b', 'c'],
    ]);
  });
});
