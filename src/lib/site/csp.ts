/**
 * Content-Security-Policy for a built page: only the site's own files, plus the exact inline
 * scripts, styles and style attributes the page ships (by SHA-256 hash). Pagefind needs
 * 'wasm-unsafe-eval' for its WebAssembly search and a worker.
 *
 * Input:  <html><head><script>a()</script></head><body><p style="color:red">x</p></body></html>
 * Output: the same page with <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'
 *         'wasm-unsafe-eval' 'sha256-…'; style-src 'self'; style-src-attr 'unsafe-hashes' 'sha256-…'; …"> first in <head>.
 */
import { createHash } from 'node:crypto';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

export interface PageHashes {
  scripts: Set<string>;
  styles: Set<string>;
  styleAttrs: Set<string>;
}

const decodeAttr = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Hashes of a page's inline scripts (not src=, not JSON data), <style> elements and style="" attributes. */
export function pageHashes(html: string): PageHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const styleAttrs = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    if (/\bsrc=/.test(attrs) || /type="application\/(ld\+)?json"/.test(attrs) || m[2] === '') continue;
    scripts.add(sha(m[2]));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) styles.add(sha(m[1]));
  for (const m of html.matchAll(/\sstyle="([^"]*)"/gi)) styleAttrs.add(sha(decodeAttr(m[1])));
  for (const m of html.matchAll(/\sstyle='([^']*)'/gi)) styleAttrs.add(sha(decodeAttr(m[1])));
  return { scripts, styles, styleAttrs };
}

export function policyFor(h: PageHashes): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...h.scripts].join(' ')}`.trim(),
    `style-src 'self' ${[...h.styles].join(' ')}`.trim(),
    h.styleAttrs.size ? `style-src-attr 'unsafe-hashes' ${[...h.styleAttrs].join(' ')}` : "style-src-attr 'none'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The page with its policy as the first element of <head> (a meta CSP only covers what follows it). */
export function withCspMeta(html: string): { html: string; policy: string } {
  const policy = policyFor(pageHashes(html));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
  const cleaned = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
  return { html: cleaned.replace(/<head([^>]*)>/i, `<head$1>${meta}`), policy };
}

/**
 * dist/_headers for hosts that read one (Netlify, Cloudflare Pages; `npm start` too): the union policy
 * plus what only a header can say. `frame-ancestors` is ignored in a <meta> policy, so the header is
 * the only place that stops another site from framing ours (clickjacking); X-Frame-Options covers
 * browsers that predate frame-ancestors.
 */
export function headersFile(all: PageHashes): string {
  return [
    '/*',
    `  Content-Security-Policy: ${policyFor(all)}; frame-ancestors 'none'`,
    '  X-Frame-Options: DENY',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '',
  ].join('\n');
}
