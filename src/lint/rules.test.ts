/**
 * Every lint rule catches its bad fixture (test/fixtures/lint/bad/<rule>.mdx, named after the rule)
 * with a line and a fix, and the good fixture passes every rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { pageIdFromPath } from '../lib/site/page-id.ts';
import { lintSource, parsePage } from './lint-content.ts';
import {
  checkHref,
  commandBlockTagged,
  exampleLines,
  flowchartGraph,
  inlineScripts,
  internalLinks,
  katakanaLongVowel,
  noTodo,
  rawLinks,
  registryPathComplete,
  tier1Box,
  type LintContext,
  type LintPage,
} from './rules.ts';

const dir = 'test/fixtures/lint';
const ctx: LintContext = {
  pageIds: new Set(['guides/path-connectivity', 'index']),
  anchors: new Map([['guides/path-connectivity', new Set(['確認', '対処'])]]),
};
const asPlaybook = (name: string) => `playbooks/ike-main-mode/${name}`;

describe('authoring lint', () => {
  it('passes the good fixture with no problem', () => {
    expect(lintSource(asPlaybook('good.mdx'), readFileSync(`${dir}/good/playbook.mdx`, 'utf8'), ctx)).toEqual([]);
  });

  const bad = readdirSync(`${dir}/bad`).filter((f) => f.endsWith('.mdx'));
  it('has a bad fixture for every rule', () => {
    expect(bad.map((f) => f.replace('.mdx', '')).sort()).toEqual(
      ['code-block-language', 'flowchart-graph', 'frontmatter', 'internal-link', 'no-empty-section', 'no-inline-script', 'no-todo', 'parse', 'registry-path-complete', 'required-sections', 'section-order', 'signature-in-symptom', 'tier1-box', 'katakana-long-vowel'].sort(),
    );
  });

  it.each(bad)('catches %s with a line and a fix', (file) => {
    const rule = file.replace('.mdx', '');
    const problems = lintSource(asPlaybook(file), readFileSync(`${dir}/bad/${file}`, 'utf8'), ctx);
    const hit = problems.find((p) => p.rule === rule);
    expect(hit, `rule ${rule} did not fire; got ${JSON.stringify(problems)}`).toBeDefined();
    expect(hit!.line).toBeGreaterThan(0);
    expect(hit!.fix.length).toBeGreaterThan(10);
  });

  it('reports the line of the offending code block', () => {
    const src = readFileSync(`${dir}/bad/code-block-language.mdx`, 'utf8');
    const lines = src.split('\n');
    const line = lines.findIndex((l, i) => l === '```' && lines[i + 1]?.startsWith('ping')) + 1;
    expect(lintSource(asPlaybook('x.mdx'), src, ctx).find((p) => p.rule === 'code-block-language')!.line).toBe(line);
  });
});

describe('raw HTML in MDX', () => {
  const page = (body: string) => readFileSync(`${dir}/good/playbook.mdx`, 'utf8') + '\n' + body + '\n';
  it('checks <a href> like a Markdown link', () => {
    const src = page('See <a href="/guides/no-such-page/">this</a> and <a href="/guides/path-connectivity/#無い">that</a>.');
    const hits = lintSource(asPlaybook('x.mdx'), src, ctx).filter((p) => p.rule === 'internal-link');
    expect(hits.map((h) => h.message)).toEqual(['link "/guides/no-such-page/" points at no page.', 'anchor "#無い" is not a heading of /guides/path-connectivity/.']);
    expect(hits[0].line).toBe(src.split('\n').length - 1);
  });
  it('refuses <script>, event attributes and javascript: URLs', () => {
    const src = page('<script>alert(1)</script>\n\n<div onClick="x()">a</div>\n\n<a href="javascript:alert(1)">b</a>');
    const hits = lintSource(asPlaybook('x.mdx'), src, ctx).filter((p) => p.rule === 'no-inline-script');
    expect(hits.map((h) => h.message)).toEqual(['<script> element in content.', 'onClick= event attribute on <div> in content.', 'javascript: URL in href= on <a> in content.']);
    // in a .md page the same HTML is an html node
    const md = lintSource('content/guides/x.md', '---\ntitle: x\nkind: guide\ntiers: [1]\n---\n\n<script>alert(1)</script>\n', ctx).filter((p) => p.rule === 'no-inline-script');
    expect(md).toHaveLength(1);
    expect(md[0].line).toBe(7);
  });
});

describe('checkHref', () => {
  it('accepts existing pages and anchors, external links', () => {
    expect(checkHref('/guides/path-connectivity/#確認', ctx)).toBeNull();
    expect(checkHref('/guides/path-connectivity/#%E7%A2%BA%E8%AA%8D', ctx)).toBeNull();
    expect(checkHref('https://example.com/x', ctx)).toBeNull();
  });
  it('rejects missing pages, missing anchors, relative and slash-less links', () => {
    expect(checkHref('/guides/nope/', ctx)).toMatch(/no page/);
    expect(checkHref('/guides/path-connectivity/#無い', ctx)).toMatch(/anchor/);
    expect(checkHref('../x/', ctx)).toMatch(/relative/);
    expect(checkHref('/guides/path-connectivity', ctx)).toMatch(/trailing slash/);
  });
});

describe('authoring guide', () => {
  it('has a page for every lint rule', async () => {
    const { existsSync } = await import('node:fs');
    const rules = readdirSync(`${dir}/bad`).map((f) => f.replace('.mdx', ''));
    const missing = rules.filter((r) => !existsSync(`content/authoring/rules/${r}.mdx`));
    expect(missing).toEqual([]);
  });
});

describe('tier1-box', () => {
  const good = readFileSync(`${dir}/good/playbook.mdx`, 'utf8');
  const hits = (src: string, path = asPlaybook('x.mdx')) => lintSource(path, src, ctx).filter((p) => p.rule === 'tier1-box');
  it('names the missing part and its line', () => {
    const src = good.replace("  dont: ['ファイアウォールを切るよう勧めない']\n", '');
    const h = hits(src);
    expect(h.map((p) => p.message)).toEqual(['tier1.dont (しないこと・言わないこと) is missing or empty.']);
    expect(h[0].line).toBe(src.split('\n').indexOf('tier1:') + 1);
  });
  it('refuses an item too long to read out in one step', () => {
    const long = 'あ'.repeat(121);
    const h = hits(good.replace("'失敗した時刻'", `'${long}'`));
    expect(h).toHaveLength(1);
    expect(h[0].message).toMatch(/^tier1\.collect item is 121 characters \(at most 120\)/);
  });
  it('does not ask flowcharts or guides for the box', () => {
    expect(hits('---\ntitle: x\nkind: guide\ntiers: [1]\n---\n\n本文\n', 'content/guides/x.mdx')).toEqual([]);
    const flow = readFileSync(`${dir}/bad/flowchart-graph.mdx`, 'utf8');
    expect(hits(flow, 'playbooks/flowcharts/x.mdx')).toEqual([]);
  });
});

/** One page as the rules get it: parsed tree, source, frontmatter (from the --- block) and id. */
function lintPage(source: string, path = asPlaybook('x.mdx')): LintPage {
  const fm = /^---\n([\s\S]*?)\n---/.exec(source);
  return { tree: parsePage(source, path.endsWith('.mdx')), source, frontmatter: (fm ? parseYaml(fm[1]) : null) ?? {}, path, id: pageIdFromPath(path) };
}
/** A tree built by hand, as a plugin may hand it over: nodes without `position`. */
const bareTree = (...children: unknown[]) => ({ type: 'root', children }) as unknown as Root;

describe('code-block-language', () => {
  const fix = 'write ```cmd for Command Prompt, ```powershell for PowerShell, ```text for output and messages.';
  it('reports a fence in another language with the allowed list, and a fence with none, each at its line', () => {
    const src = '本文\n\n```python\nprint(1)\n```\n\n```\nping\n```\n\n```cmd\nping\n```\n';
    expect(commandBlockTagged.check(lintPage(src), ctx)).toEqual([
      { rule: 'code-block-language', line: 3, message: 'code block language "python" is not one of cmd, powershell, text, reg, xml, ini, json, yaml, mdx, md, ts, js, sh.', fix },
      { rule: 'code-block-language', line: 7, message: 'code block has no language.', fix },
    ]);
  });
  it('a code node without a position is reported at line 1', () => {
    expect(commandBlockTagged.check({ ...lintPage(''), tree: bareTree({ type: 'code', lang: null, value: 'ping' }) }, ctx)).toEqual([
      { rule: 'code-block-language', line: 1, message: 'code block has no language.', fix },
    ]);
  });
});

describe('exampleLines (```md / ```mdx examples the rules skip)', () => {
  it('holds every line of md and mdx blocks, fences included, and no other line', () => {
    const tree = parsePage('本文\n\n```md\nTODO\n```\n\n```mdx\nx\ny\n```\n\n```text\nz\n```\n', true);
    expect([...exampleLines(tree)]).toEqual([3, 4, 5, 7, 8, 9, 10]);
  });
  it('an unclosed example block runs to its last line', () => {
    expect([...exampleLines(parsePage('本文\n\n```md\nTODO 例\nFIXME 例', true))]).toEqual([3, 4, 5]);
  });
  it('a block without a position marks no line', () => {
    expect([...exampleLines(bareTree({ type: 'code', lang: 'md', value: 'TODO' }))]).toEqual([]);
  });
});

describe('registry-path-complete', () => {
  const fix = 'write it in full: HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\… (or HKLM\\… in commands).';
  const problem = (line: number, path: string) => ({ rule: 'registry-path-complete', line, message: `registry path "${path}" does not start at the hive.`, fix });
  it('reports each path that does not start at the hive, with the path as written and its line', () => {
    const src = [
      '---',
      'title: x',
      '---',
      '',
      'SYSTEM\\CurrentControlSet\\Services\\IPSEC を開きます。',
      'レジストリ SOFTWARE\\CurrentControlSet\\Policies の値。',
      '値は 「CurrentControlSet\\Services\\PolicyAgent」 にあります。',
      'キー (CurrentControlSet\\Control\\Lsa) と `CurrentControlSet\\Services\\IKEEXT` を見ます。',
      '`HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\IPSEC` と `HKLM\\SYSTEM\\CurrentControlSet\\Services\\IPSEC` は正しい書き方です。',
    ].join('\n');
    expect(registryPathComplete.check(lintPage(src), ctx)).toEqual([
      problem(5, 'SYSTEM\\CurrentControlSet\\Services\\IPSEC'),
      problem(6, 'SOFTWARE\\CurrentControlSet\\Policies'),
      problem(7, 'CurrentControlSet\\Services\\PolicyAgent'),
      problem(8, 'CurrentControlSet\\Control\\Lsa'),
      problem(8, 'CurrentControlSet\\Services\\IKEEXT'),
    ]);
  });
  it('a path straight after Japanese text, in quotes or before 。 is caught; HKLM:\\ and Registry:: prefixes complete it', () => {
    const src = [
      'キーはSYSTEM\\CurrentControlSet\\Services\\IPSECです。',
      '"SYSTEM\\CurrentControlSet\\Services\\BFE" と \'CurrentControlSet\\Services\\IKEEXT\'',
      '場所は CurrentControlSet\\Services\\PolicyAgent。',
      '`HKLM:\\SYSTEM\\CurrentControlSet\\Services\\BFE` と `Registry::HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\BFE` と MYSYSTEM\\CurrentControlSet\\x',
    ].join('\n');
    expect(registryPathComplete.check(lintPage(src), ctx)).toEqual([
      problem(1, 'SYSTEM\\CurrentControlSet\\Services\\IPSEC'),
      problem(2, 'SYSTEM\\CurrentControlSet\\Services\\BFE'),
      problem(2, 'CurrentControlSet\\Services\\IKEEXT'),
      problem(3, 'CurrentControlSet\\Services\\PolicyAgent'),
    ]);
  });
  it('a full path earlier on the line, or a hive elsewhere on it, does not complete a later path', () => {
    const src = [
      '`HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\IPSEC` と `SYSTEM\\CurrentControlSet\\Services\\PolicyAgent`',
      '`HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\IPSec` と `SYSTEM\\CurrentControlSet\\Services\\IKEEXT`',
      'HKLM\\ (SYSTEM\\CurrentControlSet\\Services\\BFE)',
      'パス SYSTEM\\CurrentControlSet\\Services\\MpsSvc の頭に付けるのは HKLM\\',
    ].join('\n');
    expect(registryPathComplete.check(lintPage(src), ctx)).toEqual([
      problem(1, 'SYSTEM\\CurrentControlSet\\Services\\PolicyAgent'),
      problem(2, 'SYSTEM\\CurrentControlSet\\Services\\IKEEXT'),
      problem(3, 'SYSTEM\\CurrentControlSet\\Services\\BFE'),
      problem(4, 'SYSTEM\\CurrentControlSet\\Services\\MpsSvc'),
    ]);
  });
  it('skips paths inside ```md / ```mdx examples only', () => {
    const src = '本文\n\n```md\nSYSTEM\\CurrentControlSet\\Services\n```\n\n```mdx\nSYSTEM\\CurrentControlSet\\Services\n```\n\n```text\nSYSTEM\\CurrentControlSet\\Services\n```\n';
    expect(registryPathComplete.check(lintPage(src), ctx)).toEqual([problem(12, 'SYSTEM\\CurrentControlSet\\Services')]);
  });
});

describe('no-todo', () => {
  const problem = (line: number) => ({ rule: 'no-todo', line, message: 'unfinished-work marker in the page.', fix: 'finish the text or remove the marker; open an issue for work left to do.' });
  it('reports each marker line outside ```md / ```mdx examples', () => {
    const src = '---\ntitle: x\n---\n\nTODO: 書く\n\n```md\nTODO (例)\n```\n\n```mdx\nFIXME (例)\n```\n\n未記入\n\n```text\nTBD\n```\n';
    expect(noTodo.check(lintPage(src), ctx)).toEqual([problem(5), problem(15), problem(18)]);
  });
});

describe('internal-link', () => {
  const fix = 'link to an existing page as /family/slug/ (trailing slash) and to a heading as #見出し (its text).';
  const fmFix = 'use the id of an existing page: its path under playbooks/ or content/ without .mdx.';
  it('reports a Markdown link at its own line', () => {
    const src = '---\ntitle: x\n---\n\n本文\n\n[無い](/guides/gone/) と [ある](/guides/path-connectivity/)\n';
    expect(internalLinks.check(lintPage(src), ctx)).toEqual([{ rule: 'internal-link', line: 7, message: 'link "/guides/gone/" points at no page.', fix }]);
  });
  it('a link node without a position is reported at line 1', () => {
    const tree = bareTree({ type: 'paragraph', children: [{ type: 'link', url: '/guides/gone/', children: [] }] });
    expect(internalLinks.check({ ...lintPage(''), tree }, ctx)).toEqual([{ rule: 'internal-link', line: 1, message: 'link "/guides/gone/" points at no page.', fix }]);
  });
  it('checks frontmatter related (a list or one id) and partOf against the page ids', () => {
    const page = (frontmatter: Record<string, unknown>) => ({ ...lintPage(''), frontmatter });
    expect(internalLinks.check(page({ related: ['guides/path-connectivity', 'guides/gone'], partOf: 'flowcharts/gone' }), ctx)).toEqual([
      { rule: 'internal-link', line: 1, message: 'frontmatter related "guides/gone" is not a page id.', fix: fmFix },
      { rule: 'internal-link', line: 1, message: 'frontmatter partOf "flowcharts/gone" is not a page id.', fix: fmFix },
    ]);
    expect(internalLinks.check(page({ related: 'guides/gone', partOf: 'guides/path-connectivity' }), ctx)).toEqual([
      { rule: 'internal-link', line: 1, message: 'frontmatter related "guides/gone" is not a page id.', fix: fmFix },
    ]);
    // absent, or neither a list nor a string: nothing to check
    expect(internalLinks.check(page({}), ctx)).toEqual([]);
    expect(internalLinks.check(page({ related: { id: 'guides/gone' }, partOf: 7 }), ctx)).toEqual([]);
  });
});

describe('checkHref, edge cases', () => {
  it('leaves protocol-relative links, same-page anchors and the home page alone', () => {
    expect(checkHref('//example.com/x', ctx)).toBeNull();
    expect(checkHref('#確認', ctx)).toBeNull();
    expect(checkHref('/', ctx)).toBeNull();
    expect(checkHref('mailto:help@example.com', ctx)).toBeNull();
  });
  it('a colon inside a site path does not make it external', () => {
    expect(checkHref('/reference/netsh:ipsec/', ctx)).toBe('link "/reference/netsh:ipsec/" points at no page.');
  });
  it('gives the exact reason for each broken link', () => {
    expect(checkHref('guides/path-connectivity/', ctx)).toBe('relative link "guides/path-connectivity/" breaks under a sub-path; use /family/slug/.');
    expect(checkHref('/guides/path-connectivity', ctx)).toBe('link "/guides/path-connectivity" has no trailing slash.');
    expect(checkHref('/guides/path-connectivity/#%E7%84%A1%E3%81%84', ctx)).toBe('anchor "#無い" is not a heading of /guides/path-connectivity/.');
    // a page whose headings are unknown is not checked for anchors
    expect(checkHref('/index/#x', { ...ctx })).toBeNull();
  });
});

describe('flowchart-graph', () => {
  const fctx: LintContext = { pageIds: new Set(['flowcharts/main', 'flowcharts/other', 'guides/path-connectivity']), anchors: new Map() };
  /** A flowchart page whose first node's first answer is `answer` (YAML, one line) and whose first node has `links`. */
  const flow = (answer = 'goto: flowcharts/other', links = '[guides/path-connectivity]', start = 'first') => `---
title: x
kind: flowchart
figure: '7.1'
appliesTo: ['XP']
tiers: [1]
start: ${start}
attach: ['a']
nodes:
  first:
    question: ping は届きますか?
    links: ${links}
    answers:
      - label: はい
        ${answer}
      - label: いいえ
        next: second
  second:
    question: 名前は引けますか?
    answers:
      - label: いいえ
        outcome: unfixed
outcomes:
  unfixed:
    state: unfixed
    title: ティア 2 へ
    action: エスカレーションします。
---

本文。
`;
  const check = (src: string) => flowchartGraph.check(lintPage(src, 'playbooks/flowcharts/main.mdx'), fctx);
  it('a sound flowchart that hands over to another flowchart passes', () => {
    expect(check(flow())).toEqual([]);
  });
  it('a goto to a page that is not a flowchart is reported at the node, listing the flowchart pages', () => {
    expect(check(flow('goto: guides/path-connectivity'))).toEqual([
      { rule: 'flowchart-graph', line: 10, message: 'node "first", answer 1 ("はい"): goto "guides/path-connectivity" is not a flowchart page.', fix: 'use the page id of another flowchart: flowcharts/main, flowcharts/other.' },
    ]);
  });
  it('a goto to the page itself and a link to no page are errors at the node line', () => {
    expect(check(flow('goto: flowcharts/main', '[guides/gone]'))).toEqual([
      { rule: 'flowchart-graph', line: 10, message: 'node "first", answer 1 ("はい"): goto "flowcharts/main" is this flowchart.', fix: 'use `next:` to stay in this flowchart.' },
      { rule: 'flowchart-graph', line: 10, message: 'node "first": link "guides/gone" points at no page.', fix: 'use the id of an existing page (its path under playbooks/ or content/ without .mdx), or write that page.' },
    ]);
  });
  it('an outcome problem is reported at the outcome line, a node problem at the node line', () => {
    const src = flow().replace('outcome: unfixed', 'outcome: fixed');
    expect(src.split('\n')[17]).toBe('  second:');
    expect(src.split('\n')[23]).toBe('  unfixed:');
    expect(check(src)).toEqual([
      { rule: 'flowchart-graph', line: 18, message: 'node "second", answer 1 ("いいえ"): outcome "fixed" is not an outcome.', fix: 'add an outcome "fixed" under `outcomes:`, or use one of: unfixed.' },
      { rule: 'flowchart-graph', line: 24, message: 'outcome "unfixed" is not reached by any path.', fix: 'point an answer at it (`outcome: unfixed`), or delete the outcome.' },
    ]);
  });
  it('a problem of the whole chart (a start that is no node) is reported at line 1', () => {
    expect(check(flow('outcome: fixed', '[]', 'nowhere')).map((p) => [p.line, p.message])).toEqual([
      [1, 'start node "nowhere" is not a node.'],
      [10, 'node "first", answer 1 ("はい"): outcome "fixed" is not an outcome.'],
    ]);
  });
  it('checks only flowcharts with nodes (the schema reports a flowchart without them)', () => {
    const noNodes = '---\ntitle: x\nkind: flowchart\nstart: first\n---\n\n本文。\n';
    expect(check(noNodes)).toEqual([]);
    expect(flowchartGraph.check(lintPage(readFileSync(`${dir}/good/playbook.mdx`, 'utf8')), fctx)).toEqual([]);
    // another kind is not a flowchart, even with a (broken) `nodes:` block
    expect(check(flow('goto: guides/path-connectivity').replace('kind: flowchart', 'kind: topic'))).toEqual([]);
  });
});

describe('rawLinks', () => {
  it('takes the href of <a> elements in MDX, whatever attributes come first, and nothing else', () => {
    const src = [
      '本文',
      '',
      '<a title="経路" href="/guides/one/">1</a>',
      '',
      '<div href="/guides/not-a-link/">2</div>',
      '',
      '<a name="top">3</a> <a href={url}>4</a>',
      '',
      '<a href="/guides/two/">5</a>',
    ].join('\n');
    expect(rawLinks(parsePage(src, true))).toEqual([
      { href: '/guides/one/', line: 3 },
      { href: '/guides/two/', line: 9 },
    ]);
  });
  it('takes the href of <a> tags in raw HTML (.md pages), quoted either way, spaces around =', () => {
    const src = ['本文', '', '<a href="/guides/one/">1</a> と <a class="c" href = \'/guides/two/\'>2</a>', '', '<a href= "/guides/three/">3</a>', ''].join('\n');
    expect(rawLinks(parsePage(src, false))).toEqual([
      { href: '/guides/one/', line: 3 },
      { href: '/guides/two/', line: 3 },
      { href: '/guides/three/', line: 5 },
    ]);
  });
  it('elements and html without a position are at line 1', () => {
    const tree = bareTree(
      { type: 'mdxJsxFlowElement', name: 'a', attributes: [{ type: 'mdxJsxAttribute', name: 'href', value: '/guides/one/' }], children: [] },
      { type: 'html', value: '<a href="/guides/two/">' },
    );
    expect(rawLinks(tree)).toEqual([
      { href: '/guides/one/', line: 1 },
      { href: '/guides/two/', line: 1 },
    ]);
  });
});

describe('inlineScripts', () => {
  it('in MDX: <script>, on… attributes and javascript: URLs (after spaces too), each at its line; other attributes pass', () => {
    const src = [
      '本文',
      '',
      '<script>alert(1)</script>',
      '',
      '<>断片</>',
      '',
      '<Badge icon="star" />',
      '',
      '<a title="危ない javascript: の例" href="/guides/path-connectivity/">x</a>',
      '',
      '<a href=" javascript:alert(1)" onMouseOver="x()">y</a>',
      '',
      '<SCRIPT src="x.js" />',
    ].join('\n');
    expect(inlineScripts(parsePage(src, true))).toEqual([
      { line: 3, what: '<script> element' },
      { line: 11, what: 'javascript: URL in href= on <a>' },
      { line: 11, what: 'onMouseOver= event attribute on <a>' },
      { line: 13, what: '<script> element' },
    ]);
  });
  it('in MDX: a javascript: URL written as a string expression, in any quote; other expressions pass', () => {
    const src = ["<a href={'javascript:alert(1)'}>a</a>", '', '<a href={ "javascript:x()" }>b</a>', '', '<a href={`JavaScript:y()`}>c</a>', '', "<a href={'/guides/path-connectivity/'} title={label}>d</a>"].join('\n');
    expect(inlineScripts(parsePage(src, true))).toEqual([
      { line: 1, what: 'javascript: URL in href= on <a>' },
      { line: 3, what: 'javascript: URL in href= on <a>' },
      { line: 5, what: 'javascript: URL in href= on <a>' },
    ]);
  });
  it('in raw HTML (.md pages): the same three, with spaces and without quotes; other HTML passes', () => {
    const src = [
      '本文',
      '',
      '<div onclick ="x()">a</div>',
      '',
      '<p>safe <b>bold</b></p>',
      '',
      '<span onmouseover="x()">e</span>',
      '',
      'リンク <a href=javascript:alert(1)>b</a>',
      '',
      'リンク <a href= "javascript:alert(2)">c</a>',
      '',
      'リンク <a href=" javascript:alert(3)">d</a>',
      '',
      '<script src="x.js"></script>',
      '',
    ].join('\n');
    expect(inlineScripts(parsePage(src, false))).toEqual([
      { line: 3, what: 'on…= event attribute' },
      { line: 7, what: 'on…= event attribute' },
      { line: 9, what: 'javascript: URL' },
      { line: 11, what: 'javascript: URL' },
      { line: 13, what: 'javascript: URL' },
      { line: 15, what: '<script> element' },
    ]);
  });
  it('elements and html without a position are at line 1', () => {
    const tree = bareTree({ type: 'mdxJsxFlowElement', name: 'script', attributes: [], children: [] }, { type: 'html', value: '<script>x</script>' });
    expect(inlineScripts(tree)).toEqual([
      { line: 1, what: '<script> element' },
      { line: 1, what: '<script> element' },
    ]);
  });
});

describe('tier1-box, each part and each line', () => {
  const FIX = 'add `tier1: { tell, collect: [...], dont: [...], escalate }` to the frontmatter: what to tell the caller, what to collect, what not to do or say, when to escalate and to whom (short items; see content/authoring/rules/tier1-box.mdx).';
  const ITEM_FIX = 'keep each item to what the agent says or does in one step; move detail to the 各ティアの対応 section.';
  const NO_BOX = 'playbook has no 「ティア 1 の対応」 box (frontmatter `tier1`).';
  const page = (kind: string, tier1: string) => `---\ntitle: x\nkind: ${kind}\nappliesTo: ['XP']\n${tier1}\n---\n\n本文\n`;
  const check = (src: string, path = asPlaybook('x.mdx')) => tier1Box.check(lintPage(src, path), ctx);
  it('an event, message or topic playbook without the box is reported at the kind line', () => {
    for (const kind of ['event', 'message', 'topic']) expect(check(page(kind, '')), kind).toEqual([{ rule: 'tier1-box', line: 3, message: NO_BOX, fix: FIX }]);
    // a box that is not a mapping is no box
    expect(check(page('topic', "tier1: '利用者に伝える'"))).toEqual([{ rule: 'tier1-box', line: 3, message: NO_BOX, fix: FIX }]);
  });
  it('other kinds and pages outside playbooks/ are not asked for it', () => {
    expect(check(page('flowchart', ''), 'playbooks/flowcharts/x.mdx')).toEqual([]);
    expect(check(page('topic', ''), 'content/guides/x.mdx')).toEqual([]);
  });
  it('a part that is absent, empty, not text or shorter than 2 characters (after trimming) is missing; 2 characters is enough', () => {
    const src = page('topic', "tier1:\n  tell: 'はい'\n  collect: ['失敗した時刻', 5]\n  dont: []\n  escalate: '  a '");
    const missing = (key: string, label: string) => ({ rule: 'tier1-box', line: 5, message: `tier1.${key} (${label}) is missing or empty.`, fix: FIX });
    expect(check(src)).toEqual([missing('collect', '聞き取って控えること'), missing('dont', 'しないこと・言わないこと'), missing('escalate', 'エスカレーションするとき')]);
    expect(check(page('topic', "tier1:\n  collect: ['時刻']\n  dont: ['  ']\n  escalate: 'ティア 2 へ'"))).toEqual([missing('tell', '利用者に伝えること'), missing('dont', 'しないこと・言わないこと')]);
  });
  it('an item over 120 characters is reported at its key line with its length and first 30 characters; 120 is allowed', () => {
    const long = 'あいうえおかきくけこ'.repeat(12) + 'さ';
    const src = page('message', `tier1:\n  tell: '${'か'.repeat(120)}'\n  collect: ['時刻', '${long}']\n  dont: ['切らない']\n  escalate: 'ティア 2 へ'`);
    expect(check(src)).toEqual([
      { rule: 'tier1-box', line: 7, message: `tier1.collect item is 121 characters (at most 120): "${'あいうえおかきくけこ'.repeat(3)}…".`, fix: ITEM_FIX },
    ]);
  });
  it('a box written inline on one line: every problem is at the tier1 line', () => {
    const src = page('topic', `tier1: { tell: '${'か'.repeat(121)}', collect: ['時刻'], dont: ['x'], escalate: 'ティア 2 へ' }`);
    expect(check(src)).toEqual([
      { rule: 'tier1-box', line: 5, message: `tier1.tell item is 121 characters (at most 120): "${'か'.repeat(30)}…".`, fix: ITEM_FIX },
      { rule: 'tier1-box', line: 5, message: 'tier1.dont (しないこと・言わないこと) is missing or empty.', fix: FIX },
    ]);
  });
  it('a long list item on its own line is reported at that line; a key before the box is not its key', () => {
    const long = 'く'.repeat(121);
    const src = `---\ntitle: x\ncollect: 1\nkind: topic\ntier1:\n  tell: 'はい'\n  collect:\n    - 時刻\n    - ${long}\n  dont: ['切らない']\n  escalate: 'ティア 2 へ'\n---\n\n本文 ${long.slice(0, 10)} ${long.slice(10, 30)}\n`;
    expect(check(src).map((p) => p.line)).toEqual([9]);
    // written so the item text is on no line of the box (a folded scalar; the body's text does not count): the key line inside the box
    const folded = src.replace(`    - ${long}`, `    - >-\n      ${long.slice(0, 10)}\n      ${long.slice(10)}`);
    expect(check(folded).map((p) => p.line)).toEqual([7]);
  });
  it('a line that only ends in a key (a YAML comment) is not that key', () => {
    const src = `---\ntitle: x\n# 書き方は kind:\n# 下の tier1:\nkind: topic\ntier1:\n  tell: 'はい'\n  collect: ['時刻']\n  dont: ['x']\n  escalate: 'ティア 2 へ'\n---\n`;
    expect(check(src).map((p) => p.line)).toEqual([6]);
    expect(check(src.replace(/tier1:\n(  .*\n)+/, '')).map((p) => p.line)).toEqual([5]);
  });
});

describe('katakana-long-vowel', () => {
  const FIX = 'write the long form, or run `node scripts/fix-katakana.ts <file>`; a Windows message quoted exactly goes in ```text, `code` or a 「…」 quote of the exact string.';
  it('reports each line once, naming each short form once, in order', () => {
    const src = '---\ntitle: x\n---\n\nコンピュータのフィルタとコンピュータを調べます。\n\n本文です。\n\nドライバを更新します。\n';
    expect(katakanaLongVowel.check(lintPage(src), ctx)).toEqual([
      { rule: 'katakana-long-vowel', line: 5, message: 'short katakana form コンピュータ→コンピューター, フィルタ→フィルター (Microsoft style writes the long vowel).', fix: FIX },
      { rule: 'katakana-long-vowel', line: 9, message: 'short katakana form ドライバ→ドライバー (Microsoft style writes the long vowel).', fix: FIX },
    ]);
  });
});
