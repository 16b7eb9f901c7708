/**
 * The section rules (required-sections, section-order, no-empty-section) for every checked kind, one section
 * at a time: each bad fixture drops the same section (原因), so without these a rule could stop checking any
 * other section, or stop checking `kind: topic` pages, and no test would notice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REQUIRED_SECTIONS } from '../schema/playbook.ts';
import { lintSource } from './lint-content.ts';
import type { LintContext } from './rules.ts';

const ctx: LintContext = {
  pageIds: new Set(['guides/path-connectivity', 'index']),
  anchors: new Map([['guides/path-connectivity', new Set(['確認', '対処'])]]),
};
const good = readFileSync('test/fixtures/lint/good/playbook.mdx', 'utf8');
const ORDER = '症状 → 意味 → 原因 → 確認 → 対処 → 各ティアの対応 → エスカレーション時に添付するもの → 関連';
const SECTION_RULES = new Set(['required-sections', 'section-order', 'no-empty-section']);

/** The good page as another kind (the frontmatter fields of message, event and topic pages are the same here). */
const asKind = (kind: string, src = good) => src.replace(/^kind: message$/m, `kind: ${kind}`);
/** The page without one `## title` section (heading and body up to the next heading). */
function without(src: string, title: string): string {
  const start = src.indexOf(`\n## ${title}\n`);
  const next = src.indexOf('\n## ', start + 1);
  return src.slice(0, start) + (next < 0 ? '\n' : src.slice(next));
}
/** The page with one section's body emptied. */
function emptied(src: string, title: string): string {
  const start = src.indexOf(`\n## ${title}\n`) + `\n## ${title}\n`.length;
  const next = src.indexOf('\n## ', start);
  return src.slice(0, start) + (next < 0 ? '' : src.slice(next));
}
const sectionProblems = (file: string, src: string) => lintSource(file, src, ctx).filter((p) => SECTION_RULES.has(p.rule));

describe('required sections, for each checked kind', () => {
  it('the good page passes as message, event and topic', () => {
    for (const kind of ['message', 'event', 'topic']) expect(sectionProblems(`playbooks/ike-main-mode/${kind}.mdx`, asKind(kind)), kind).toEqual([]);
  });

  it('lists the sections in the brief\'s order', () => {
    expect(REQUIRED_SECTIONS.join(' → ')).toBe(ORDER);
  });

  for (const kind of ['message', 'event', 'topic']) {
    it.each([...REQUIRED_SECTIONS])(`${kind}: a page without 「%s」 fails with that section named`, (title) => {
      const src = without(asKind(kind), title);
      expect(sectionProblems(`playbooks/ike-main-mode/${kind}.mdx`, src)).toEqual([
        { rule: 'required-sections', line: src.split('\n').length, message: `required section "## ${title}" is missing.`, fix: `add "## ${title}" (sections in order: ${ORDER}).` },
      ]);
    });
  }

  it.each([...REQUIRED_SECTIONS])('topic: an empty 「%s」 fails with its heading line', (title) => {
    const src = emptied(asKind('topic'), title);
    const line = src.split('\n').indexOf(`## ${title}`) + 1;
    expect(sectionProblems('playbooks/ike-main-mode/topic.mdx', src)).toEqual([
      { rule: 'no-empty-section', line, message: `section "## ${title}" is empty.`, fix: 'write its content, or ask a tier 3 author to; empty sections do not ship.' },
    ]);
  });

  it('topic: a section moved before an earlier one is out of order, at its heading line', () => {
    const body = '## 原因\n\n経路で UDP 500 が止められています。\n\n';
    const src = without(asKind('topic'), '原因').replace('## 意味', body + '## 意味');
    const line = src.split('\n').indexOf('## 原因') + 1;
    expect(sectionProblems('playbooks/ike-main-mode/topic.mdx', src)).toEqual([
      { rule: 'section-order', line, message: 'section "## 原因" is out of order.', fix: `move it so the sections read ${ORDER}.` },
    ]);
  });

  it('a level-3 heading is part of its section, not a section of its own', () => {
    const src = asKind('topic').replace('## 意味\n', '## 意味\n\n### 補足\n');
    expect(sectionProblems('playbooks/ike-main-mode/topic.mdx', src)).toEqual([]);
    const renamed = asKind('topic').replace('## 原因\n', '### 原因\n');
    expect(sectionProblems('playbooks/ike-main-mode/topic.mdx', renamed).map((p) => p.message)).toEqual(['required section "## 原因" is missing.']);
  });

  it('guides and flowcharts are not held to the playbook sections', () => {
    const src = without(good, '原因');
    expect(sectionProblems('playbooks/ike-main-mode/flow.mdx', asKind('flowchart', src))).toEqual([]);
    expect(sectionProblems('content/guides/x.mdx', '---\ntitle: x\nkind: guide\ntiers: [1]\n---\n\n## 概要\n\n本文。\n')).toEqual([]);
  });
});
