/**
 * Every lint rule catches its bad fixture (test/fixtures/lint/bad/<rule>.mdx, named after the rule)
 * with a line and a fix, and the good fixture passes every rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSource } from './lint-content.ts';
import { checkHref, type LintContext } from './rules.ts';

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
