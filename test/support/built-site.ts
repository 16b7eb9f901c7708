/**
 * Read the built site (dist/) as parsed HTML: every page with its URL, its ids, its links and
 * the text of each h2 section of the article. Used by the coverage, link and budget suites.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { htmlFiles } from '../../scripts/lib/html-files.ts';
export { htmlFiles };
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';

export interface BuiltPage {
  /** Site path, e.g. /ike-main-mode/no-response/ */
  url: string;
  file: string;
  tree: Root;
  /** Every id attribute on the page (anchors). */
  ids: Set<string>;
  /** href of every <a> in the page. */
  links: string[];
  /** h2 section title → its text (whitespace folded), in the article. */
  sections: Map<string, string>;
}

export const fold = (s: string) => s.replace(/\\n/g, ' ').replace(/\s+/g, ' ').trim();

export function readBuiltSite(dist = process.env.E2E_DIST ?? 'dist'): BuiltPage[] {
  return htmlFiles(dist).map((file) => {
    const rel = relative(dist, file).replace(/\\/g, '/');
    const url = '/' + rel.replace(/index\.html$/, '').replace(/\.html$/, '');
    const tree = fromHtml(readFileSync(file, 'utf8'));
    const ids = new Set(selectAll('[id]', tree).map((e) => String(e.properties.id)));
    const links = selectAll('a[href]', tree).map((e) => String(e.properties.href));
    return { url, file, tree, ids, links, sections: sectionsOf(tree) };
  });
}

/** Starlight wraps each h2 in div.sl-heading-wrapper.level-h2; a section runs to the next one. */
function sectionsOf(tree: Root): Map<string, string> {
  const out = new Map<string, string>();
  const content = select('.sl-markdown-content', tree);
  if (!content) return out;
  let title: string | null = null;
  let parts: string[] = [];
  const flush = () => {
    if (title !== null) out.set(title, fold(parts.join(' ')));
  };
  for (const child of content.children) {
    if (child.type !== 'element') {
      if (child.type === 'text') parts.push(child.value);
      continue;
    }
    const el = child as Element;
    const h2 = el.tagName === 'h2' ? el : isH2Wrapper(el) ? select('h2', el) : null;
    if (h2) {
      flush();
      title = fold(toText(h2));
      parts = [];
    } else parts.push(toText(el, { whitespace: 'pre' }));
  }
  flush();
  return out;
}

function isH2Wrapper(el: Element): boolean {
  const cls = el.properties.className;
  return Array.isArray(cls) && cls.includes('sl-heading-wrapper') && cls.includes('level-h2');
}
