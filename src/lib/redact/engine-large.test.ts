/**
 * A learned name repeated past the engine's mark limits (2^20 marks, and a former loop guard at 10^6 matches): every
 * occurrence is still replaced. About two million characters, so it runs with the unit tests but not under Stryker.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from './engine.ts';

describe('very many matches of one learned name', () => {
  it('a learned name that appears more than a million times is replaced every time', () => {
    // a 2-million-character paste (the site takes up to 5 million): the loop guard stopped marking names after
    // 10^6 matches, and the rest was left to the scan, which does not see names in other scripts. 2^20 + 1
    // occurrences: one more than there are marks, so every occurrence must share its name's mark (markOf)
    const n = 2 ** 20 + 1;
    const r = new Redactor();
    r.learn('user', '山田');
    expect(r.text('山田'.repeat(n))).toBe('<USER-1>'.repeat(n));
  }, 120_000);
});
