/**
 * Property-based robustness: random strings, mutated fixtures and huge lines never make the
 * decoder throw, and its work stays linear in the input (checked against a generous bound
 * calibrated in the same run, not against fixed wall-clock thresholds).
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, fixture, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decode, redact, searchSegments } from './index.ts';
import type { DecodeReport } from './types.ts';

const cat = testCatalogue();
const fixtures = readdirSync(FIXTURE_DIR).filter((f) => /\.(txt|csv|xml|reg|log)$/.test(f)).map((f) => fixture(f));
// Vista-and-later command outputs (netsh advfirewall, auditpol, wfpdiag) are mutated too
fixtures.push(...readdirSync(`${FIXTURE_DIR}/modern`).filter((f) => /\.(txt|xml)$/.test(f)).map((f) => fixture(`modern/${f}`)));

function wellFormed(r: DecodeReport, text: string) {
  expect(Array.isArray(r.findings)).toBe(true);
  for (const f of r.findings) {
    expect(f.span[0]).toBeGreaterThanOrEqual(0);
    expect(f.span[1]).toBeLessThanOrEqual(text.length);
    for (const x of f.facts) expect(x.span[1]).toBeLessThanOrEqual(text.length);
    expect(typeof f.title).toBe('string');
  }
  for (const u of r.unrecognised) expect(u.span[1]).toBeLessThanOrEqual(text.length);
  expect(r.notices.filter((n) => n.includes('内部エラー'))).toEqual([]);
}

const pieces = [
  'Event ID: 547\n', 'Failure Reason:', ' Mode: ', 'IKE security association negotiation failed.', '<Event>', '</Event>', '<EventID>547</EventID>',
  '<Data Name="FailureReason">', '"', ',', '\t', '\r\n', '\n', '0x35E9', '13801', '-2147011095', '192.168.0.1', ' 7-21: 10:43:17:281:c0 ', 'SA Dead. sa:', 'status:',
  'Received ', ' packet(s) with a bad Security Parameters Index from ', 'ネゴシエーションがタイムアウトしました。- ', '失敗の理由:', 'モード:', 'C:\\>', '> ', 'HKEY_LOCAL_MACHINE\\', 'REG_DWORD', '"x"=dword:1',
  'Pinging ', 'Request timed out.', 'SERVICE_NAME: ', 'Main Mode SA at ', 'Rule Name:', 'Endpoint1:', 'Name                   : ', 'LocalEndpoint : ', 'System audit policy\n', '  IPsec Main Mode   No Auditing', ',{0CCE9218-69AE-11D9-BED3-505054503030},', '[0]0368.03A4::02/02/2017-17:36:01.496 [ikeext] 3038|', 'Failure error code:0x', '<netEvent>', '</netEvent>', '<failureErrorCode>', '<type>', 'Failure Audit,7/21/2005,', 'IPsec Statistics', ' : ', '。', 'PAStore Engine は', '<IP アドレス>', '\u0000', '\ud800', '😀',
];

// generous wall-clock limits: the bounds that matter are asserted inside (time per byte is calibrated in the run)
describe('property: never throws', { timeout: 30_000 }, () => {
  it('random unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        wellFormed(decode(s, cat), s);
        expect(() => searchSegments(s)).not.toThrow();
        expect(() => redact(s)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
  it('strings built from IPsec-looking pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), (parts) => {
        const s = parts.join('');
        const r = decode(s, cat);
        wellFormed(r, s);
        expect(() => redact(r)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });
  it('mutated fixtures (cut, spliced, characters replaced)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.nat(), fc.nat(), fc.string({ maxLength: 20 }), (text, a, b, ins) => {
        const i = a % (text.length + 1);
        const j = b % (text.length + 1);
        const mutated = text.slice(0, Math.min(i, j)) + ins + text.slice(Math.max(i, j));
        wellFormed(decode(mutated, cat), mutated);
        const cut = text.slice(0, i);
        wellFormed(decode(cut, cat), cut);
      }),
      { numRuns: 300 },
    );
  });
});

describe('property: linear work', { timeout: 30_000 }, () => {
  it('huge lines and repeated partial labels finish, and time per byte stays bounded', () => {
    const base = fixture('messy-547.txt') + fixture('events-export.csv');
    // calibrate on ~100 KB of ordinary input in this run
    const small = base.repeat(Math.ceil(100_000 / base.length)).slice(0, 100_000);
    decode(small, cat);
    const t0 = performance.now();
    decode(small, cat);
    const perByte = Math.max((performance.now() - t0) / small.length, 1e-5);
    const adversarial = [
      'a'.repeat(1_000_000),
      'Failure Reason: '.repeat(60_000),
      '<Event><Event><EventID>'.repeat(40_000),
      '1234567890 0x35E9 '.repeat(50_000),
      ('IKE security association negotiation ' + 'Received 5 packet(s) from ').repeat(15_000),
      ' 7-21: 10:43:17:281:c0 SA Dead. sa:000E1A48 status:35ed\n'.repeat(18_000),
      '"Failure Audit","7/21/2005",'.repeat(35_000),
      ('Mode:\n'.repeat(5) + 'Failure Point:\n').repeat(20_000),
    ];
    for (const text of adversarial) {
      const t = performance.now();
      const r = decode(text, cat);
      const ms = performance.now() - t;
      wellFormed(r, text);
      // generous linear bound: 100x the per-byte cost of ordinary input, plus a constant
      expect(ms).toBeLessThan(perByte * text.length * 100 + 2000);
    }
  });
  it('output size is bounded for pathological input', () => {
    const r = decode('13801\n'.repeat(100_000), cat);
    expect(r.findings.length).toBeLessThanOrEqual(1000);
    expect(r.stats.findings).toBe(100_000);
    const u = decode('x\n\n'.repeat(100_000), cat);
    expect(u.unrecognised.length).toBeLessThanOrEqual(200);
    expect(u.stats.unrecognised).toBe(100_000);
    expect(u.notices.some((n) => n.includes('100000'))).toBe(true);
  });
});
