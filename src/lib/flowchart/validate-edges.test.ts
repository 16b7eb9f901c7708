/**
 * findCycles (src/lib/flowchart/validate.ts) on small hand-built graphs: two answers of one node leading to the same
 * earlier node, and two different cycles whose node ids run together into the same letters ("a"+"bc", "ab"+"c").
 */
import { describe, expect, it } from 'vitest';
import { findCycles } from './validate.ts';
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
});
