/**
 * After `astro build`: give every page its Content-Security-Policy meta tag, and write
 * dist/_headers (Netlify/Cloudflare-style, for hosts that read one) with one policy that
 * covers every page. Run by `npm run build`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles } from './lib/html-files.ts';
import { pageHashes, policyFor, withCspMeta, type PageHashes } from '../src/lib/site/csp.ts';

const dist = process.env.OUT_DIR ?? 'dist';
const all: PageHashes = { scripts: new Set(), styles: new Set(), styleAttrs: new Set() };
const files = htmlFiles(dist);
for (const file of files) {
  const html = readFileSync(file, 'utf8');
  const h = pageHashes(html);
  for (const k of ['scripts', 'styles', 'styleAttrs'] as const) for (const v of h[k]) all[k].add(v);
  writeFileSync(file, withCspMeta(html).html);
}
writeFileSync(join(dist, '_headers'), `/*\n  Content-Security-Policy: ${policyFor(all)}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n`);
console.log(`csp: ${files.length} pages, ${all.scripts.size} inline scripts, ${all.styles.size} inline styles, ${all.styleAttrs.size} style attributes hashed`);
