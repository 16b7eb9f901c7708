/**
 * Authoring-lint rules beyond the playbook structure (which lives in src/remark/playbook-rules.ts).
 * Each rule has an id, a page in the authoring guide (content/authoring/rules/<id>.mdx) and tests
 * with good and bad fixtures in src/lint/rules.test.ts.
 */
import type { Code, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ContentProblem } from '../remark/playbook-rules.ts';
import { validateFlowchart } from '../lib/flowchart/validate.ts';
import type { FlowchartData } from '../lib/flowchart/types.ts';
import sensitive from '../../content/data/sensitive.json' with { type: 'json' };
import { lineOf } from './katakana.ts';
import { pageHits } from './katakana-page.ts';

export interface LintPage {
  tree: Root;
  source: string;
  frontmatter: Record<string, unknown>;
  /** Path relative to the project root. */
  path: string;
  /** Page id. */
  id: string;
}

export interface LintContext {
  /** Every page id of the site. */
  pageIds: Set<string>;
  /** Heading anchors of every page id (slugs as Starlight makes them). */
  anchors: Map<string, Set<string>>;
  /** Problems across playbooks (duplicate signatures, event claims, unknown IDs), by file relative to the root. */
  crossFile?: Map<string, ContentProblem[]>;
}

export interface Rule {
  id: string;
  check(page: LintPage, ctx: LintContext): ContentProblem[];
}

const SHELLS = new Set(['cmd', 'powershell', 'text', 'reg', 'xml', 'ini', 'json', 'yaml', 'mdx', 'md', 'ts', 'js', 'sh']);

/** Every fenced block says what it is: a shell (cmd, powershell) or text, so readers know where to type it. */
export const commandBlockTagged: Rule = {
  id: 'code-block-language',
  check({ tree }) {
    const out: ContentProblem[] = [];
    visit(tree, 'code', (node: Code) => {
      if (!node.lang || !SHELLS.has(node.lang)) {
        out.push({ rule: this.id, line: node.position?.start.line ?? 1, message: node.lang ? `code block language "${node.lang}" is not one of ${[...SHELLS].join(', ')}.` : 'code block has no language.', fix: 'write ```cmd for Command Prompt, ```powershell for PowerShell, ```text for output and messages.' });
      }
    });
    return out;
  },
};

/** Lines inside ```md / ```mdx example blocks (the authoring guide shows bad examples on purpose). */
export function exampleLines(tree: Root): Set<number> {
  const lines = new Set<number>();
  visit(tree, 'code', (node: Code) => {
    if (node.lang !== 'md' && node.lang !== 'mdx') return;
    for (let l = node.position?.start.line ?? 0; l <= (node.position?.end.line ?? -1); l++) lines.add(l);
  });
  return lines;
}

/** Registry paths are written in full, from the hive. */
export const registryPathComplete: Rule = {
  id: 'registry-path-complete',
  check({ source, tree }) {
    const out: ContentProblem[] = [];
    const skip = exampleLines(tree);
    const lines = source.split('\n');
    lines.forEach((line, i) => {
      if (skip.has(i + 1)) return;
      // a path that is not the tail of a longer one (HKLM\SYSTEM\…, HKLM:\…), after any text, quote or bracket;
      // it ends at a space, quote, bracket or the Japanese text after it (key names here are ASCII)
      for (const m of line.matchAll(/(?<![\\\w])((?:SYSTEM|SOFTWARE)\\CurrentControlSet\\[^\s`)"'\u0080-\uffff]*|CurrentControlSet\\[^\s`)"'\u0080-\uffff]*)/g)) {
        out.push({ rule: 'registry-path-complete', line: i + 1, message: `registry path "${m[1]}" does not start at the hive.`, fix: 'write it in full: HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\… (or HKLM\\… in commands).' });
      }
    });
    return out;
  },
};

/** No TODO / FIXME / TBD markers ship. */
export const noTodo: Rule = {
  id: 'no-todo',
  check({ source, tree }) {
    const out: ContentProblem[] = [];
    const skip = exampleLines(tree);
    source.split('\n').forEach((line, i) => {
      if (skip.has(i + 1)) return;
      if (/\b(TODO|FIXME|TBD|XXX)\b|未記入|要執筆/.test(line)) out.push({ rule: 'no-todo', line: i + 1, message: 'unfinished-work marker in the page.', fix: 'finish the text or remove the marker; open an issue for work left to do.' });
    });
    return out;
  },
};

/** Internal links and anchors point at pages and headings that exist. */
export const internalLinks: Rule = {
  id: 'internal-link',
  check({ tree, frontmatter }, ctx) {
    const out: ContentProblem[] = [];
    const fix = 'link to an existing page as /family/slug/ (trailing slash) and to a heading as #見出し (its text).';
    visit(tree, 'link', (node: Link) => {
      const problem = checkHref(node.url, ctx);
      if (problem) out.push({ rule: 'internal-link', line: node.position?.start.line ?? 1, message: problem, fix });
    });
    // Raw HTML links (<a href> in MDX, <a href> in .md) are links too.
    for (const a of rawLinks(tree)) {
      const problem = checkHref(a.href, ctx);
      if (problem) out.push({ rule: 'internal-link', line: a.line, message: problem, fix });
    }
    for (const key of ['related', 'partOf']) {
      const v = frontmatter[key];
      for (const id of Array.isArray(v) ? v : typeof v === 'string' ? [v] : []) {
        if (!ctx.pageIds.has(String(id))) out.push({ rule: 'internal-link', line: 1, message: `frontmatter ${key} "${id}" is not a page id.`, fix: 'use the id of an existing page: its path under playbooks/ or content/ without .mdx.' });
      }
    }
    return out;
  },
};

/** Why the href is broken, or null. External links are reported elsewhere (test/site/links). */
export function checkHref(href: string, ctx: LintContext): string | null {
  if (/^[a-z]+:/i.test(href) || href.startsWith('//')) return null;
  if (!href.startsWith('/') && !href.startsWith('#')) return `relative link "${href}" breaks under a sub-path; use /family/slug/.`;
  const [path, hash] = href.split('#');
  if (!path) return null; // same-page anchors are checked on the built site
  if (!path.endsWith('/')) return `link "${href}" has no trailing slash.`;
  const id = path.replace(/^\/|\/$/g, '') || 'index';
  if (!ctx.pageIds.has(id)) return `link "${href}" points at no page.`;
  if (hash) {
    const anchors = ctx.anchors.get(id);
    if (anchors && !anchors.has(decodeURIComponent(hash))) return `anchor "#${decodeURIComponent(hash)}" is not a heading of ${path}.`;
  }
  return null;
}

/** A flowchart is a sound graph: reachable nodes, every path ends, no cycles, links resolve. */
export const flowchartGraph: Rule = {
  id: 'flowchart-graph',
  check({ frontmatter, id, source }, ctx) {
    if (frontmatter.kind !== 'flowchart' || !frontmatter.nodes) return [];
    const flowchartIds = new Set([...ctx.pageIds].filter((p) => p.startsWith('flowcharts/')));
    const problems = validateFlowchart(frontmatter as unknown as FlowchartData, { pageIds: ctx.pageIds, flowchartIds, sensitiveIds: new Set(Object.keys(sensitive.topics)), selfId: id });
    return problems
      .filter((p) => p.severity === 'error')
      .map((p) => {
        const where = p.node ?? p.outcome;
        const i = where ? source.split('\n').findIndex((l) => l.trim() === `${where}:`) : -1;
        return { rule: 'flowchart-graph', line: i >= 0 ? i + 1 : 1, message: p.message, fix: p.fix };
      });
  },
};

/** MDX JSX elements (<a href="…">, <script>) as remark-mdx gives them. */
interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  /**
   * A named attribute (remark-mdx never gives one an empty name; value: a string, an expression ({ value: its
   * source }) or null), or a spread ({...props}: value is its source).
   */
  attributes: Array<{ type: 'mdxJsxAttribute'; name: string; value?: string | { value?: string } | null } | { type: 'mdxJsxExpressionAttribute'; value: string }>;
  position?: { start: { line: number } };
}

function jsxElements(tree: Root): JsxNode[] {
  const out: JsxNode[] = [];
  visit(tree, (n) => {
    if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') out.push(n as unknown as JsxNode);
  });
  return out;
}

/** HTML of raw html nodes (.md files, or html the parser kept), with its line. */
function htmlNodes(tree: Root): { value: string; line: number }[] {
  const out: { value: string; line: number }[] = [];
  visit(tree, 'html', (n: { value: string; position?: { start: { line: number } } }) => {
    out.push({ value: n.value, line: n.position?.start.line ?? 1 });
  });
  return out;
}

/** Every raw HTML link: <a href="…"> as an MDX element or in an html node. */
export function rawLinks(tree: Root): { href: string; line: number }[] {
  const out: { href: string; line: number }[] = [];
  for (const el of jsxElements(tree)) {
    if (el.name !== 'a') continue;
    const href = el.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'href');
    if (href && typeof href.value === 'string') out.push({ href: href.value, line: el.position?.start.line ?? 1 });
  }
  for (const h of htmlNodes(tree)) for (const m of h.value.matchAll(/<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) out.push({ href: m[1] ?? m[2], line: h.line });
  return out;
}

/**
 * Where content would run script of its own: a <script> element, an on…= event attribute or a
 * javascript: URL. The site's policy allows only the site's own scripts, so content must not ask
 * for more (scripts/csp.ts refuses to build such a page, too).
 */
export function inlineScripts(tree: Root): { line: number; what: string }[] {
  const out: { line: number; what: string }[] = [];
  for (const el of jsxElements(tree)) {
    const line = el.position?.start.line ?? 1;
    if (el.name?.toLowerCase() === 'script') out.push({ line, what: '<script> element' });
    for (const a of el.attributes) {
      // a spread ({...props}) can set any attribute, an on… handler included, and the lint cannot see which:
      // content has no need of one, so it is reported as a whole
      if (a.type === 'mdxJsxExpressionAttribute') {
        out.push({ line, what: `spread attribute {${a.value}} on <${el.name}>` });
        continue;
      }
      if (/^on/i.test(a.name)) out.push({ line, what: `${a.name}= event attribute on <${el.name}>` });
      // a plain value, or a string literal written as an expression: href={'javascript:…'}
      else if (typeof a.value === 'string' ? /^\s*javascript:/i.test(a.value) : /^\s*[`'"]\s*javascript:/i.test(a.value?.value ?? '')) out.push({ line, what: `javascript: URL in ${a.name}= on <${el.name}>` });
    }
  }
  for (const h of htmlNodes(tree)) {
    if (/<script\b/i.test(h.value)) out.push({ line: h.line, what: '<script> element' });
    if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(h.value)) out.push({ line: h.line, what: 'on…= event attribute' });
    if (/=\s*["']?\s*javascript:/i.test(h.value)) out.push({ line: h.line, what: 'javascript: URL' });
  }
  return out;
}

/** Content carries no script: interactive parts are components (src/islands/), which the policy knows. */
export const noInlineScript: Rule = {
  id: 'no-inline-script',
  check({ tree }) {
    return inlineScripts(tree).map(({ line, what }) => ({ rule: 'no-inline-script', line, message: `${what} in content.`, fix: 'remove it; put interactive behaviour in a component under src/islands/ and use the component in the page.' }));
  },
};

export const RULES: Rule[] = [commandBlockTagged, registryPathComplete, noTodo, internalLinks, flowchartGraph, noInlineScript];

const TIER1_PARTS = { tell: '利用者に伝えること', collect: '聞き取って控えること', dont: 'しないこと・言わないこと', escalate: 'エスカレーションするとき' } as const;
/** Longest item a help-desk agent reads out in one breath (characters); longer text belongs in 各ティアの対応. */
export const TIER1_MAX_ITEM = 120;

/**
 * Every event / message / topic playbook carries the 「ティア 1 の対応」 box (frontmatter `tier1`, rendered
 * by src/components/Tier1Box.astro): the four parts, each item short. Flowcharts are exempt: they are the
 * tier 1 walk-through themselves.
 */
export const tier1Box: Rule = {
  id: 'tier1-box',
  check({ frontmatter, source, path }) {
    if (!/(^|\/)playbooks\//.test(path) || !['event', 'message', 'topic'].includes(String(frontmatter.kind))) return [];
    const lines = source.split('\n');
    /** Line (1-based) of the first `key:` at or after line `from`; `or` when there is none. */
    const at = (key: string, from = 1, or = 1) => {
      const i = lines.findIndex((l, n) => n >= from - 1 && l.trimStart().startsWith(`${key}:`));
      return i >= 0 ? i + 1 : or;
    };
    const boxLine = at('tier1');
    // the closing fence as remark-frontmatter reads it: also `---\r` (Windows line endings) or with trailing spaces
    const fmEnd = lines.findIndex((l, n) => n > 0 && l.trimEnd() === '---');
    /** An item's own line in the box (list items on their own lines, or the one line of an inline box), else its key's. */
    const itemLine = (key: string, item: string) => {
      const head = item.slice(0, 20);
      const i = lines.findIndex((l, n) => n >= boxLine - 1 && (fmEnd < 0 || n < fmEnd) && l.includes(head));
      return i >= 0 ? i + 1 : at(key, boxLine, boxLine);
    };
    const fix = 'add `tier1: { tell, collect: [...], dont: [...], escalate }` to the frontmatter: what to tell the caller, what to collect, what not to do or say, when to escalate and to whom (short items; see content/authoring/rules/tier1-box.mdx).';
    const t = frontmatter.tier1 as Record<string, unknown> | undefined;
    if (!t || typeof t !== 'object') return [{ rule: 'tier1-box', line: at('kind'), message: 'playbook has no 「ティア 1 の対応」 box (frontmatter `tier1`).', fix }];
    const out: ContentProblem[] = [];
    for (const [key, label] of Object.entries(TIER1_PARTS)) {
      const v = t[key];
      const items = Array.isArray(v) ? v : [v];
      if (v === undefined || items.length === 0 || items.some((x) => typeof x !== 'string' || x.trim().length < 2)) {
        out.push({ rule: 'tier1-box', line: boxLine, message: `tier1.${key} (${label}) is missing or empty.`, fix });
        continue;
      }
      for (const x of items as string[]) {
        if (x.length > TIER1_MAX_ITEM) out.push({ rule: 'tier1-box', line: itemLine(key, x), message: `tier1.${key} item is ${x.length} characters (at most ${TIER1_MAX_ITEM}): "${x.slice(0, 30)}…".`, fix: 'keep each item to what the agent says or does in one step; move detail to the 各ティアの対応 section.' });
      }
    }
    return out;
  },
};
RULES.push(tier1Box);

/**
 * Microsoft's long-vowel katakana (コンピューター, フィルター, ドライバー…) in our own words; text Windows
 * prints (code, signatures, known Windows strings and 「…」 quotes of them) stays as Windows wrote it.
 * The words and exemptions: src/lint/katakana.ts, katakana-page.ts; the fixer: scripts/fix-katakana.ts.
 */
export const katakanaLongVowel: Rule = {
  id: 'katakana-long-vowel',
  check({ source, tree, frontmatter }) {
    const byLine = new Map<number, string[]>();
    for (const h of pageHits(source, tree, frontmatter)) {
      const line = lineOf(source, h.start);
      byLine.set(line, [...(byLine.get(line) ?? []), `${h.short}→${h.long}`]);
    }
    return [...byLine].map(([line, words]) => ({
      rule: 'katakana-long-vowel',
      line,
      message: `short katakana form ${[...new Set(words)].join(', ')} (Microsoft style writes the long vowel).`,
      fix: 'write the long form, or run `node scripts/fix-katakana.ts <file>`; a Windows message quoted exactly goes in ```text, `code` or a 「…」 quote of the exact string.',
    }));
  },
};
RULES.push(katakanaLongVowel);
