/**
 * After `astro build`: give every page its Content-Security-Policy meta tag, and write
 * dist/_headers (Netlify/Cloudflare-style, for hosts that read one) with one policy that
 * covers every page, with frame-ancestors 'none' and X-Frame-Options: DENY. Run by `npm run build`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { htmlFiles } from './lib/html-files.ts';
import { headersFile, pageHashes, withCspMeta, type PageHashes } from '../src/lib/site/csp.ts';
import { listContentFiles } from '../src/lib/catalogue/build.ts';
import { parsePage } from '../src/lint/lint-content.ts';
import { inlineScripts } from '../src/lint/rules.ts';

// The policy hashes every inline script of the built pages, so a script written into content would be
// allowed along with the site's own. Refuse to build such a page instead (the lint says the same earlier).
const root = process.cwd();
const fromContent: string[] = [];
for (const f of [...listContentFiles(join(root, 'playbooks')), ...listContentFiles(join(root, 'content'))]) {
  let found: { line: number; what: string }[] = [];
  try {
    found = inlineScripts(parsePage(readFileSync(f, 'utf8'), f.endsWith('.mdx')));
  } catch {
    continue; // unparsable pages never reach dist/: astro build fails on them first
  }
  for (const s of found) fromContent.push(`${relative(root, f).replace(/\\/g, '/')}:${s.line}: ${s.what} in content.`);
}
if (fromContent.length) {
  console.error(fromContent.join('\n') + `\ncsp: ${fromContent.length} script(s) in content; not hashing them. Move the behaviour into a component (see the rule no-inline-script).`);
  process.exit(1);
}

const dist = process.env.OUT_DIR ?? 'dist';
const all: PageHashes = { scripts: new Set(), styles: new Set(), styleAttrs: new Set() };
const files = htmlFiles(dist);
for (const file of files) {
  const html = readFileSync(file, 'utf8');
  const h = pageHashes(html);
  for (const k of ['scripts', 'styles', 'styleAttrs'] as const) for (const v of h[k]) all[k].add(v);
  writeFileSync(file, withCspMeta(html).html);
}
writeFileSync(join(dist, '_headers'), headersFile(all));
console.log(`csp: ${files.length} pages, ${all.scripts.size} inline scripts, ${all.styles.size} inline styles, ${all.styleAttrs.size} style attributes hashed`);
