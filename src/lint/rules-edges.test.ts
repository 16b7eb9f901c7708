/**
 * Edges of two rules in src/lint/rules.ts: javascript: URLs written as MDX attribute expressions
 * (inlineScripts), and the line the tier1-box rule gives a problem when the frontmatter is laid out
 * in less usual ways (blank lines, folded items, repeated text, Windows line endings).
 */
import { describe, expect, it } from 'vitest';
import { lintSource, parsePage } from './lint-content.ts';
import { inlineScripts, type LintContext } from './rules.ts';

const ctx: LintContext = { pageIds: new Set(['index']), anchors: new Map() };

describe('inlineScripts: attribute values written as expressions', () => {
  const scripts = (mdx: string) => inlineScripts(parsePage(mdx, true));
  it('a string expression whose URL starts after spaces inside the quote is still a javascript: URL', () => {
    // browsers strip the leading spaces of a URL, so " javascript:" runs as script
    expect(scripts("<a href={' javascript:alert(1)'}>a</a>")).toEqual([{ line: 1, what: 'javascript: URL in href= on <a>' }]);
  });
  it('an expression that only mentions a quoted "javascript:" after its start is not a URL', () => {
    expect(scripts("<a title={'例: ' + 'javascript: は使わない'} href='/'>a</a>")).toEqual([]);
  });
  it('an attribute without a value (null in the tree) is neither an event nor a URL', () => {
    expect(scripts('<input disabled />')).toEqual([]);
  });
});

describe('tier1-box: the line each problem is reported at', () => {
  const FIX = 'add `tier1: { tell, collect: [...], dont: [...], escalate }` to the frontmatter: what to tell the caller, what to collect, what not to do or say, when to escalate and to whom (short items; see content/authoring/rules/tier1-box.mdx).';
  const ITEM_FIX = 'keep each item to what the agent says or does in one step; move detail to the 各ティアの対応 section.';
  const NO_BOX = 'playbook has no 「ティア 1 の対応」 box (frontmatter `tier1`).';
  const hits = (src: string) => lintSource('playbooks/ike-main-mode/x.mdx', src, ctx).filter((p) => p.rule === 'tier1-box');
  /** 121 characters: one over the limit; its first 20 are the text the rule looks for. */
  const LONG = 'あいうえおかきくけこ'.repeat(12) + 'さ';
  const tooLong = (key: string, line: number, item = LONG) => ({ rule: 'tier1-box', line, message: `tier1.${key} item is ${item.length} characters (at most 120): "${item.slice(0, 30)}…".`, fix: ITEM_FIX });
  const REST = "  dont: ['切らない']\n  escalate: 'ティア 2 へ'";

  it('a page without the box is reported at its kind line, even right after the opening fence', () => {
    expect(hits('---\nkind: topic\ntitle: x\n---\n\n本文\n')).toEqual([{ rule: 'tier1-box', line: 2, message: NO_BOX, fix: FIX }]);
  });
  it('a page without the box whose kind line is not found (a quoted key) is reported at line 1', () => {
    expect(hits('---\ntitle: x\n"kind": topic\n---\n\n本文\n')).toEqual([{ rule: 'tier1-box', line: 1, message: NO_BOX, fix: FIX }]);
  });
  it('a blank line inside the frontmatter does not end it: the long item is still found on its own line', () => {
    const src = `---\ntitle: x\nkind: topic\n\ntier1:\n  tell: 'はい'\n  collect:\n    - 時刻\n    - ${LONG}\n${REST}\n---\n\n本文\n`;
    expect(hits(src)).toEqual([tooLong('collect', 9)]);
  });
  it('a folded item is reported at the line where it starts, when that line holds its first 20 characters', () => {
    const src = `---\ntitle: x\nkind: topic\ntier1:\n  tell: 'はい'\n  collect:\n    - >-\n      ${LONG.slice(0, 25)}\n      ${LONG.slice(25)}\n${REST}\n---\n\n本文\n`;
    // YAML folds the two lines into one item with a space between them
    expect(hits(src)).toEqual([tooLong('collect', 8, `${LONG.slice(0, 25)} ${LONG.slice(25)}`)]);
  });
  it('frontmatter text before the box that starts like the item is not the item', () => {
    const src = `---\ntitle: x\ndescription: ${LONG.slice(0, 20)}で始まる説明\nkind: topic\ntier1:\n  tell: 'はい'\n  collect: ['時刻', '${LONG}']\n${REST}\n---\n\n本文\n`;
    expect(hits(src)).toEqual([tooLong('collect', 7)]);
  });
  it('an inline box: the item is on the tier1 line, not on a later line that repeats it', () => {
    const src = `---\ntitle: x\nkind: topic\ntier1: { tell: '${LONG}', collect: ['時刻'], dont: ['切らない'], escalate: 'ティア 2 へ' }\nnote: x\nsummary: '${LONG}'\n---\n\n本文\n`;
    expect(hits(src)).toEqual([tooLong('tell', 4)]);
  });
  it('a page with Windows line endings: the long item is still reported at its own line', () => {
    const src = `---\ntitle: x\nkind: topic\ntier1:\n  tell: 'はい'\n  collect:\n    - 時刻\n    - ${LONG}\n${REST}\n---\n\n本文\n`.replace(/\n/g, '\r\n');
    expect(hits(src)).toEqual([tooLong('collect', 8)]);
  });
});

describe('tier1-box: the closing fence read as remark-frontmatter reads it', () => {
  const long = 'く'.repeat(121);
  // the item is folded in the box (its text is on no line of it), and the body repeats its start
  const src = `---\ntitle: x\nkind: topic\ntier1:\n  tell: 'はい'\n  collect:\n    - >-\n      ${long.slice(0, 10)}\n      ${long.slice(10)}\n  dont: ['切らない']\n  escalate: 'ティア 2 へ'\n---\n\n本文 ${long.slice(0, 10)} ${long.slice(10, 30)}\n`;
  const lines = (s: string) => lintSource('playbooks/ike-main-mode/x.mdx', s, { pageIds: new Set(), anchors: new Map() }).filter((p) => p.rule === 'tier1-box').map((p) => p.line);
  it('with Unix line endings: the collect key line', () => {
    expect(lines(src)).toEqual([6]);
  });
  it('with Windows line endings: still the collect key line, not the body line 14', () => {
    expect(lines(src.replace(/\n/g, '\r\n'))).toEqual([6]);
  });
  it('with trailing spaces after the closing fence: still the collect key line, not the body line 14', () => {
    expect(lines(src.replace('\n---\n\n', '\n---  \n\n'))).toEqual([6]);
  });
});

describe('inlineScripts: spread attributes', () => {
  const scripts = (mdx: string) => inlineScripts(parsePage(mdx, true));
  it('a spread that sets an event handler is reported, with the spread as written', () => {
    expect(scripts('<a {...{onClick: go}} href="/x/">x</a>\n')).toEqual([{ line: 1, what: 'spread attribute {...{onClick: go}} on <a>' }]);
  });
  it('a spread that sets a javascript: URL is reported on its own line', () => {
    expect(scripts('本文\n\n<a {...{href: "javascript:go()"}}>x</a>\n')).toEqual([{ line: 3, what: 'spread attribute {...{href: "javascript:go()"}} on <a>' }]);
  });
});


describe('inlineScripts: attribute names', () => {
  const scripts = (mdx: string) => inlineScripts(parsePage(mdx, true));
  it('every named attribute is checked under the name remark-mdx gives it, namespaced or with - _ $ in it', () => {
    // remark-mdx never gives an attribute an empty name, so none is skipped for lack of one
    expect(scripts("<svg><a xlink:href='javascript:go()' on-x='1' _on='2' data$x=' javascript:y()'>a</a></svg>\n")).toEqual([
      { line: 1, what: 'javascript: URL in xlink:href= on <a>' },
      { line: 1, what: 'on-x= event attribute on <a>' },
      { line: 1, what: 'javascript: URL in data$x= on <a>' },
    ]);
  });
});
