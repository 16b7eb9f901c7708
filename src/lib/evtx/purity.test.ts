/**
 * The file-input libraries (evtx, input, fleet) are pure like the decoder: no Node or DOM APIs
 * outside tests and test helpers, no JSON imports, no regular expression with a nested quantifier.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const lib = resolve(import.meta.dirname, '..');
function files(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    if (statSync(p).isDirectory()) return n === 'testing' ? [] : files(p);
    return n.endsWith('.ts') && !n.endsWith('.test.ts') ? [p] : [];
  });
}

describe('evtx / input / fleet purity', () => {
  const src = ['evtx', 'input', 'fleet'].flatMap((d) => files(join(lib, d))).map((f) => [f, readFileSync(f, 'utf8')] as const);
  it('has the library files', () => expect(src.length).toBeGreaterThanOrEqual(14));
  for (const [f, text] of src) {
    it(f.slice(lib.length + 1), () => {
      expect(text).not.toMatch(/from ['"]node:/);
      expect(text).not.toMatch(/require\(/);
      expect(text).not.toMatch(/\b(document|window|localStorage|fetch)\s*[.(]/);
      expect(text).not.toMatch(/from ['"][^'"]+\.json['"]/);
      for (const r of text.match(/\/(?:\\.|[^/\n\\])+\/[gimsuy]*[;,.)]/g) ?? []) {
        if (!/[*+]/.test(r)) continue;
        expect(r, `${f}: ${r}`).not.toMatch(/\)[+*{]/);
      }
    });
  }
});
