/**
 * The site's own flowcharts (playbooks/flowcharts/*.mdx) pass the schema and the graph check.
 * Links to pages are checked by the build (Flowchart.astro), where every page id is known.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FlowchartPlaybook } from '../../schema/playbook.ts';
import sensitive from '../../../content/data/sensitive.json';
import { validateFlowchart } from './validate.ts';
import { initialState, choose, position } from './machine.ts';
import { nodeOrder } from './types.ts';

const dir = join(process.cwd(), 'playbooks/flowcharts');
const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
const charts = files.map((f) => {
  const source = readFileSync(join(dir, f), 'utf8');
  const fm = parse(/^---\n([\s\S]*?)\n---/.exec(source)![1]);
  return { id: `flowcharts/${f.replace(/\.mdx$/, '')}`, fm, data: FlowchartPlaybook.parse(fm) };
});

describe('the flowcharts of chapter 7', () => {
  it('has figures 7.1, 7.2 and 7.3', () => {
    expect(charts.map((c) => c.data.figure).sort()).toEqual(['7.1', '7.2', '7.3']);
  });

  for (const c of charts) {
    it(`${c.id}: is a valid graph`, () => {
      const problems = validateFlowchart(c.data, {
        flowchartIds: new Set(charts.map((x) => x.id)),
        sensitiveIds: new Set(Object.keys(sensitive.topics)),
        selfId: c.id,
      });
      expect(problems.map((p) => p.message)).toEqual([]);
    });

    it(`${c.id}: every step that runs the policy refresh script explains it`, () => {
      for (const [id, node] of Object.entries(c.data.nodes)) {
        if (node.test?.command.includes('Refresh_IPsec_Policy.vbs')) {
          expect(node.note, id).toMatch(/Kerberos/);
          expect(node.note, id).toMatch(/グループ ポリシー/);
        }
      }
    });

    it(`${c.id}: every path can be walked to an ending by always taking the first or last answer`, () => {
      for (const pick of ['first', 'last'] as const) {
        let s = initialState();
        for (let i = 0; i < 50; i++) {
          const at = position(c.data, s);
          if (at.kind !== 'question') break;
          const n = c.data.nodes[at.node].answers.length;
          s = choose(c.data, s, pick === 'first' ? 0 : n - 1);
        }
        expect(position(c.data, s).kind).not.toBe('question');
      }
      expect(nodeOrder(c.data)[0]).toBe(c.data.start);
    });
  }

  it('7.1 hands over to 7.2 and 7.3, and every end state of the chapter is used somewhere', () => {
    const first = charts.find((c) => c.data.figure === '7.1')!;
    const gotos = Object.values(first.data.nodes).flatMap((n) => n.answers.flatMap((a) => (a.goto ? [a.goto] : [])));
    expect(gotos.sort()).toEqual(['flowcharts/callers-computer', 'flowcharts/target-computer']);
    const states = new Set(charts.flatMap((c) => Object.values(c.data.outcomes).map((o) => o.state)));
    expect([...states].sort()).toEqual(['fixed-identified', 'fixed-unidentified', 'unfixed']);
  });
});
