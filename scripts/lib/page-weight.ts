/**
 * What one built page costs to load, gzip-compressed: its HTML, the stylesheets it links and
 * the scripts it loads up front (module scripts and their static imports; dynamic imports such
 * as Pagefind's search and lazily loaded widgets are not counted: they load on demand).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  html: number;
  css: number;
  js: number;
}

const gz = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).length;

export function pageWeight(dist: string, htmlFile: string, base = '/'): PageWeight {
  const html = readFileSync(htmlFile, 'utf8');
  const local = (href: string) => join(dist, href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, ''));
  const css = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)) css.add(local(m[1]));
  const js = new Set<string>();
  const queue: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*src="([^"]+)"/g)) queue.push(local(m[1]));
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) queue.push(local(m[1]));
  while (queue.length) {
    const f = queue.shift()!;
    if (js.has(f) || !existsSync(f)) continue;
    js.add(f);
    const src = readFileSync(f, 'utf8');
    // Static imports only: `import … from"./x.js"` and `import"./x.js"`.
    for (const m of src.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) queue.push(posix.normalize(join(dirname(f), m[1])));
  }
  const sum = (files: Set<string>) => [...files].filter(existsSync).reduce((n, f) => n + gz(readFileSync(f)), 0);
  return { html: gz(html), css: sum(css), js: sum(js) };
}
