import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { remarkBaseLinks, withBase } from './base-links.ts';

async function links(md: string, base: string): Promise<string[]> {
  const p = unified().use(remarkParse).use(remarkBaseLinks, { base });
  const tree = (await p.run(p.parse(md))) as Root;
  const urls: string[] = [];
  visit(tree, 'link', (l: Link) => {
    urls.push(l.url);
  });
  return urls;
}

describe('remark-base-links', () => {
  it('prefixes absolute site links with a sub-path base', async () => {
    expect(await links('[a](/guides/x/#確認) [b](https://example.com/) [c](#here)', '/kb/')).toEqual(['/kb/guides/x/#確認', 'https://example.com/', '#here']);
  });
  it('leaves links alone at the root base and never doubles the prefix', () => {
    expect(withBase('/guides/x/', '/')).toBe('/guides/x/');
    expect(withBase('/kb/guides/x/', '/kb/')).toBe('/kb/guides/x/');
    expect(withBase('//cdn.example/x', '/kb')).toBe('//cdn.example/x');
  });
});
