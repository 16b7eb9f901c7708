import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { headersFile, pageHashes, policyFor, withCspMeta } from './csp.ts';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('CSP for a built page', () => {
  const page = '<html><head><script>a()</script><script src="/x.js"></script><style>p{}</style></head><body><p style="color:red">x</p><script type="application/json">{}</script></body></html>';

  it('hashes inline scripts, styles and style attributes, not external or JSON scripts', () => {
    const h = pageHashes(page);
    expect([...h.scripts]).toEqual([sha('a()')]);
    expect([...h.styles]).toEqual([sha('p{}')]);
    expect([...h.styleAttrs]).toEqual([sha('color:red')]);
  });

  it('puts the policy first in <head>, allowing only self plus those hashes', () => {
    const { html, policy } = withCspMeta(page);
    expect(html.startsWith('<html><head><meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(policy).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha('a()')}`);
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|https?:/);
  });

  it('replaces an existing policy instead of adding a second', () => {
    const once = withCspMeta(page).html;
    expect(withCspMeta(once).html.match(/Content-Security-Policy/g)).toHaveLength(1);
  });
});

describe('_headers', () => {
  it('forbids framing: frame-ancestors none and X-Frame-Options DENY for every page', () => {
    const text = headersFile(pageHashes('<script>a()</script>'));
    const lines = text.split('\n');
    expect(lines[0]).toBe('/*');
    expect(lines).toContain('  X-Frame-Options: DENY');
    const csp = lines.find((l) => l.startsWith('  Content-Security-Policy: '))!;
    expect(csp).toMatch(/; frame-ancestors 'none'$/);
    expect(csp).toContain(sha('a()'));
    // a <meta> policy ignores frame-ancestors, so it is not put there
    expect(withCspMeta('<html><head></head></html>').policy).not.toContain('frame-ancestors');
  });
  it('the README tells IIS and nginx users to send the same headers', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## 公開する'), readme.indexOf('\n## ', readme.indexOf('## 公開する') + 5));
    expect(section).toMatch(/<add name="X-Frame-Options" value="DENY" \/>/);
    expect(section).toMatch(/add_header X-Frame-Options "DENY" always;/);
    expect(section.match(/frame-ancestors 'none'/g)?.length).toBeGreaterThanOrEqual(2);
  });
});

describe('CSP hashes: the exact text the browser hashes', () => {
  it('style-src carries the hash of every <style> element, each once, in page order', () => {
    const h = pageHashes('<head><style>a{}</style><STYLE media="print">b{}</STYLE><style>a{}</style></head>');
    expect([...h.styles]).toEqual([sha('a{}'), sha('b{}')]);
    expect(policyFor(h)).toContain(`; style-src 'self' ${sha('a{}')} ${sha('b{}')}; `);
    expect(policyFor(pageHashes('<p>x</p>'))).toContain("; style-src 'self'; style-src-attr 'none'; ");
  });

  it('a style="…" attribute is hashed after decoding its entities, as the browser reads it', () => {
    const h = pageHashes('<p style="font-family:&quot;A&quot;;content:&#39;&lt;&gt;&#39;;x:&amp;amp;">x</p>');
    expect([...h.styleAttrs]).toEqual([sha('font-family:"A";content:\'<>\';x:&amp;')]);
  });

  it('a single-quoted style=\'…\' attribute is hashed too (decoded the same way)', () => {
    const h = pageHashes("<p style='color:blue'>x</p><p style='a:&quot;b&quot;'>y</p>");
    expect([...h.styleAttrs]).toEqual([sha('color:blue'), sha('a:"b"')]);
    expect(policyFor(h)).toContain(`style-src-attr 'unsafe-hashes' ${sha('color:blue')} ${sha('a:"b"')}; img-src`);
  });

  it('an empty inline script gets no hash; a script with type JSON-LD is data; src= is external', () => {
    const h = pageHashes('<script></script><script type="application/ld+json">{"a":1}</script><script type="module" src="/m.js"></script><SCRIPT type="module">m()</SCRIPT>');
    expect([...h.scripts]).toEqual([sha('m()')]);
  });

  it('the whole policy, directive by directive', () => {
    expect(policyFor({ scripts: new Set(["'sha256-S'"]), styles: new Set(), styleAttrs: new Set(["'sha256-A'"]) })).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-S'; style-src 'self'; style-src-attr 'unsafe-hashes' 'sha256-A'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'",
    );
  });

  it('the meta tag goes right after <head …> with its attributes kept, quotes escaped', () => {
    const { html, policy } = withCspMeta('<html><head lang="ja"><title>t</title></head></html>');
    expect(html).toBe(`<html><head lang="ja"><meta http-equiv="Content-Security-Policy" content="${policy}"><title>t</title></head></html>`);
    expect(withCspMeta('<head><meta http-equiv="Content-Security-Policy" content="old"></head>').html).not.toContain('old');
  });

  it('_headers ends with the header-only lines and a blank line', () => {
    expect(headersFile({ scripts: new Set(), styles: new Set(), styleAttrs: new Set() }).split('\n')).toEqual([
      '/*',
      "  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; style-src-attr 'none'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
      '  X-Frame-Options: DENY',
      '  X-Content-Type-Options: nosniff',
      '  Referrer-Policy: no-referrer',
      '',
    ]);
  });
});

describe('CSP: mutation-test findings', () => {
  it('hashes script and style bodies that span lines and contain spaces', () => {
    const h = pageHashes('<script>\n  a( 1 );\n</script><style>\np { color: red }\n</style>');
    expect([...h.scripts]).toEqual([sha('\n  a( 1 );\n')]);
    expect([...h.styles]).toEqual([sha('\np { color: red }\n')]);
  });

  it('separates several hashes of one directive by a space', () => {
    const h = pageHashes('<script>a()</script><script>b()</script>');
    expect(policyFor(h)).toContain(`script-src 'self' 'wasm-unsafe-eval' ${sha('a()')} ${sha('b()')}; style-src`);
  });

  it('an existing policy meta is removed without a trace', () => {
    expect(withCspMeta('<head><meta http-equiv="Content-Security-Policy" content="old"><title>t</title></head>').html).toBe(
      `<head><meta http-equiv="Content-Security-Policy" content="${policyFor(pageHashes(''))}"><title>t</title></head>`,
    );
  });
});
