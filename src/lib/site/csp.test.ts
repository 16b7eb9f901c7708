import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { headersFile, pageHashes, withCspMeta } from './csp.ts';

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
