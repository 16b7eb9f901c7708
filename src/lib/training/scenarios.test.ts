/** The shipped training data: at least 12 calls, each well formed, citing headings that exist. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import GithubSlugger from 'github-slugger';
import data from '../../../content/data/training-scenarios.json';
import sensitive from '../../../content/data/sensitive.json';
import { validateScenarios, type Scenario } from './quiz.ts';

const scenarios = data.scenarios as Scenario[];

function headingSlugs(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const out = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^#{2,6}\s+(.+?)\s*$/.exec(line);
    if (m) out.add(slugger.slug(m[1]));
  }
  return out;
}

function fileOf(id: string): string | undefined {
  return [`playbooks/${id}.mdx`, `content/${id}.mdx`].find((f) => existsSync(f));
}

describe('training scenarios (content/data/training-scenarios.json)', () => {
  it('has at least 12 realistic calls', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(12);
  });

  it('is well formed and cites existing pages and headings', () => {
    const pages = new Set(scenarios.flatMap((s) => s.guidance.map((g) => g.page)));
    const pageIds = new Set([...pages].filter((p) => fileOf(p) || p === 'tools/training'));
    const anchors = new Map([...pageIds].filter((p) => fileOf(p)).map((p) => [p, headingSlugs(fileOf(p)!)]));
    expect(validateScenarios(scenarios, { pageIds, anchors, topics: new Set(Object.keys(sensitive.topics)) })).toEqual([]);
  });

  it('covers the six kinds of information and the connect-to-caller trap', () => {
    const topics = new Set(scenarios.flatMap((s) => s.topics));
    for (const t of ['exemptions', 'untrusted-hosts', 'restricted-servers', 'privileged-accounts', 'subnets', 'other-controls', 'connect-to-caller']) expect(topics, t).toContain(t);
  });

  it('does not always put the right answer in the same place', () => {
    const count = new Map<number, number>();
    for (const s of scenarios) {
      const i = s.choices.findIndex((c) => c.correct);
      count.set(i, (count.get(i) ?? 0) + 1);
    }
    expect(count.size).toBeGreaterThan(2);
    for (const n of count.values()) expect(n).toBeLessThanOrEqual(Math.ceil(scenarios.length / 2));
  });
});
