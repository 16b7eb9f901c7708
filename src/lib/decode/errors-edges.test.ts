// readToken / scanCodes / codeFinding edges: the 80-character token limit (in readToken and in the scanner), a
// token glued to the end of another word or number (never read on its own), the window searched for "error"
// before a short number, and the meaning of an ambiguous number without a page.
import { describe, expect, it } from 'vitest';
import { testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { getIndex } from './catalogue-index.ts';
import { codeFinding, readToken, scanCodes } from './errors.ts';

const idx = getIndex(testCatalogue());
const AUTH_FAIL = idx.codesByValue.get(13801);
const scan = (text: string) =>
  scanCodes(idx, text, 0, text.length).map((h) => `${h.token.length > 12 ? `${h.token.length} chars` : h.token}@${h.span[0]}-${h.span[1]} ${h.readings.map((r) => `${r.form}=${r.value} ${r.code?.name}`).join(' | ')}`);

describe('readToken: tokens up to 80 characters are read', () => {
  it('an 80-character number (zeros, then 13801) is still read as 13801', () => {
    expect(AUTH_FAIL?.name).toBe('ERROR_IPSEC_IKE_AUTH_FAIL');
    expect(readToken(idx, '0'.repeat(75) + '13801', false)).toEqual([{ form: 'decimal', value: 13801, code: AUTH_FAIL }]);
  });
  it('an 81-character token is not read at all', () => {
    expect(readToken(idx, '0'.repeat(76) + '13801', false)).toEqual([]);
  });
});

describe('scanCodes: the scanner cuts tokens at 80 characters', () => {
  it('a run of 85 digits gives its first 80 as a token, and the rest (glued to it) is not read', () => {
    expect(scan('0'.repeat(75) + '13801' + '99999')).toEqual(['80 chars@0-80 decimal=13801 ERROR_IPSEC_IKE_AUTH_FAIL']);
  });
});

describe('scanCodes: a token glued to the end of another is not read', () => {
  it('"v1-2147011095" (a hyphen after a letter or digit) is no negative HRESULT', () => {
    expect(scan('v1-2147011095')).toEqual([]);
  });
  it('with a space before it, the same number is read', () => {
    expect(scan('v1 -2147011095')).toEqual(['-2147011095@3-14 negative=-2147011095 ERROR_IPSEC_IKE_AUTH_FAIL']);
  });
});

describe('scanCodes: a token that follows an 80-character cut', () => {
  it('a number glued by "_" to the end of a cut word is the rest of that word, not a code', () => {
    expect(scan('A'.repeat(79) + '_13801')).toEqual([]);
  });
});

describe('scanCodes: a short number after "error" in aligned columns', () => {
  it('the 24 characters before the number are searched for the word error ("Error code:" padded to 21)', () => {
    expect(scan(`Error code:${' '.repeat(10)}87`)).toEqual(['87@21-23 decimal=87 ERROR_INVALID_PARAMETER']);
  });
});

describe('codeFinding: a number with several readings and no page', () => {
  it('the meaning lists the readings and names no linked page', () => {
    const f = codeFinding(idx, '613', [0, 3], readToken(idx, '613', true));
    expect([f.title, f.meaning, f.playbook]).toEqual(['「613」には 2 通りの読み方があります', '数値だけでは 10 進数・16 進数・イベント ID のどれか決まらないため、当てはまる読み方をすべて並べています。', undefined]);
  });
});
