/**
 * Where a page (Markdown/MDX) writes a short katakana form that is not Windows text: the shared core
 * of the katakana-long-vowel rule and scripts/fix-katakana.ts.
 *
 * Exempt, because it is text Windows (or the reader) types or prints exactly: code blocks and inline
 * code, MDX expressions and component attributes (decoder samples), the frontmatter `signatures`
 * block, any signature of the page, and any known Windows string (src/lint/windows-strings.ts) in
 * the text or inside a 「…」 quote that holds one.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { reportable, shortForms, windowsFragments, type KatakanaHit, type Span } from './katakana.ts';
import { knownWindowsStrings, pageSignatures } from './windows-strings.ts';

interface Positioned {
  type: string;
  children?: Positioned[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Code, expressions and component opening tags, by source offset. */
export function codeSpans(tree: Root): Span[] {
  const spans: Span[] = [];
  visit(tree, (n: Positioned) => {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    if (s === undefined || e === undefined) return;
    if (['code', 'inlineCode', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'].includes(n.type)) spans.push([s, e]);
    else if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
      // the opening tag only: attributes are data, the children are prose
      const first = n.children?.[0]?.position?.start.offset;
      spans.push([s, first ?? e]);
    }
  });
  return spans;
}

/** The frontmatter `signatures:` block (to the next top-level key), by source offset. */
export function signatureBlock(source: string): Span[] {
  if (!source.startsWith('---')) return [];
  const end = source.indexOf('\n---', 3);
  if (end < 0) return [];
  const fm = source.slice(0, end);
  const m = /^signatures:.*$/m.exec(fm);
  if (!m) return [];
  const rest = fm.slice(m.index + m[0].length);
  const next = /\n[A-Za-z_][\w-]*:/.exec(rest);
  return [[m.index, next ? m.index + m[0].length + next.index : end]];
}

export function pageHits(source: string, tree: Root, frontmatter: Record<string, unknown>, known: string[] = knownWindowsStrings()): KatakanaHit[] {
  const own = pageSignatures(frontmatter);
  const all = [...known, ...own];
  // the page's own signatures count whole, however short
  const fragments = [...windowsFragments(all), ...own.filter((s) => shortForms(s).length)];
  return reportable(source, [...codeSpans(tree), ...signatureBlock(source)], fragments, all);
}
