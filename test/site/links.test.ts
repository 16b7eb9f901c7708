/**
 * No broken internal link or anchor anywhere in the built site; every page reachable from the
 * home page. External links are not followed (isolated network): they are listed in
 * test-results/external-links.txt for a person to review.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBuiltSite } from '../support/built-site.ts';

const base = process.env.BASE_PATH ?? '/';
const pages = readBuiltSite();
const byUrl = new Map(pages.map((p) => [p.url, p]));

function resolveHref(from: string, href: string): URL {
  return new URL(href, `http://site${base.replace(/\/$/, '')}${from}`);
}

function isInternal(u: URL): boolean {
  return u.host === 'site';
}

function pathOf(u: URL): string {
  const p = decodeURIComponent(u.pathname);
  return p.startsWith(base) ? `/${p.slice(base.length)}` : p;
}

describe('links in the built site', () => {
  it('has pages', () => {
    expect(pages.length).toBeGreaterThan(3);
  });

  it('every internal link points at a page, and every anchor at an id on it', () => {
    const broken: string[] = [];
    const external = new Set<string>();
    for (const page of pages) {
      for (const href of page.links) {
        const u = resolveHref(page.url, href);
        if (!isInternal(u)) {
          if (/^https?:/.test(u.protocol)) external.add(`${u.href}\t(from ${page.url})`);
          continue;
        }
        const path = pathOf(u);
        if (path.startsWith('/_astro/') || path.startsWith('/pagefind/') || /\.(svg|png|ico|xml|txt|json|css|js|yml|zip)$/.test(path)) continue;
        const target = byUrl.get(path) ?? byUrl.get(path.endsWith('/') ? path : `${path}/`);
        if (!target) {
          broken.push(`${page.url} → ${href} (no such page)`);
          continue;
        }
        const hash = decodeURIComponent(u.hash.slice(1));
        if (hash && !target.ids.has(hash)) broken.push(`${page.url} → ${href} (no id "${hash}" on ${target.url})`);
      }
    }
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/external-links.txt', [...external].sort().join('\n') + '\n');
    expect(broken, broken.join('\n')).toEqual([]);
  });

  it('every page is reachable by links from the home page', () => {
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    while (queue.length) {
      const page = byUrl.get(queue.shift()!);
      if (!page) continue;
      for (const href of page.links) {
        const u = resolveHref(page.url, href);
        if (!isInternal(u)) continue;
        const path = pathOf(u);
        if (byUrl.has(path) && !seen.has(path)) {
          seen.add(path);
          queue.push(path);
        }
      }
    }
    const unreachable = pages.map((p) => p.url).filter((u) => !seen.has(u) && u !== '/404');
    expect(unreachable, unreachable.join('\n')).toEqual([]);
  });
});
