/** The list on the decoder page comes from policy.ts, and every example in it is true of the engine. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEPT, REDACTED, Redactor, redact } from './index.ts';

describe('published redaction policy', () => {
  it('every "redacted" example is replaced by a placeholder of its kind', () => {
    for (const row of REDACTED) {
      const kind = row.placeholder!.replace(/^<|-1>$/g, '');
      for (const ex of row.examples) {
        const out = redact(ex, new Redactor());
        expect(out, ex).not.toBe(ex);
        expect(out, `${ex} -> ${out}`).toContain(`<${kind}-`);
      }
    }
  });
  it('every "kept" example is left exactly as it is', () => {
    for (const row of KEPT) for (const ex of row.examples) expect(redact(ex, new Redactor()), ex).toBe(ex);
  });
  it('the decoder page renders the lists from this data (one source)', () => {
    const page = readFileSync('content/tools/decoder.mdx', 'utf8');
    expect(page).toContain("from '../../src/lib/redact/policy.ts'");
    for (const list of ['REDACTED', 'KEPT', 'NOT_DETECTED']) expect(page).toContain(`{${list}.map(`);
  });
});
