/**
 * The library is framework-free and pure: no Node or DOM APIs outside tests, no JSON imports,
 * and no regular expression with a nested quantifier (which could backtrack badly).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = import.meta.dirname;
function files(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? files(p) : n.endsWith('.ts') && !n.endsWith('.test.ts') ? [p] : [];
  });
}

describe('library purity', () => {
  const src = files(dir).map((f) => [f, readFileSync(f, 'utf8')] as const);
  it('has library files', () => expect(src.length).toBeGreaterThan(10));
  for (const [f, text] of src) {
    it(f.slice(dir.length + 1), () => {
      expect(text).not.toMatch(/from ['"]node:/);
      expect(text).not.toMatch(/require\(/);
      expect(text).not.toMatch(/\b(document|window|localStorage|fetch)\s*[.(]/);
      expect(text).not.toMatch(/from ['"][^'"]+\.json['"]/);
      expect(text).not.toMatch(/\benum\s+\w+\s*\{/);
      expect(text).not.toMatch(/\bnamespace\s+\w+/);
      // regex literals: no (…)+ / (…)* groups followed by a quantifier, no .*.* pairs
      const regexes = text.match(/\/(?:\\.|[^/\n\\])+\/[gimsuy]*\.(?:test|exec)|\.(?:replace|match|split)\(\/(?:\\.|[^/\n\\])+\//g) ?? [];
      for (const r of regexes) {
        expect(r, `${f}: ${r}`).not.toMatch(/\)[+*{]/);
        expect(r, `${f}: ${r}`).not.toMatch(/\.\*.*\.\*/);
      }
    });
  }
});
