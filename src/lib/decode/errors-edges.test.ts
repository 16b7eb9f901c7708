// readToken / scanCodes edges: the 80-character token limit (in readToken and in the scanner) and a
// token glued to the end of another word or number, which is never read on its own.
import { describe, expect, it } from 'vitest';
import { testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { getIndex } from './catalogue-index.ts';
import { readToken, scanCodes } from './errors.ts';

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
