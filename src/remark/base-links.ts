/**
 * remark plugin: make absolute site links follow Astro's `base`, so authors write one form.
 *
 * Input (base '/kb/'):   [経路](/guides/path-connectivity/#確認)
 * Output:                 [経路](/kb/guides/path-connectivity/#確認)
 *
 * External links, protocol-relative links and same-page anchors are left alone. With base '/'
 * the tree is unchanged.
 */
import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';

export interface BaseLinksOptions {
  /** Astro's base path, e.g. '/' or '/kb/'. */
  base: string;
}

export function withBase(href: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (root === '/' || !href.startsWith('/') || href.startsWith('//') || href.startsWith(root)) return href;
  return root + href.slice(1);
}

export function remarkBaseLinks({ base }: BaseLinksOptions) {
  return (tree: Root) => {
    visit(tree, 'link', (node: Link) => {
      node.url = withBase(node.url, base);
    });
  };
}
