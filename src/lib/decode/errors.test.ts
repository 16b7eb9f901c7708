import { describe, expect, it } from 'vitest';
import { testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { getIndex } from './catalogue-index.ts';
import { codeFinding, readToken, scanCodes } from './errors.ts';

const idx = getIndex(testCatalogue());

describe('error codes in any spelling', () => {
  for (const spelling of ['13801', '0x35E9', '0x000035E9', '0x800735E9', '-2147011095', 'ERROR_IPSEC_IKE_AUTH_FAIL', 'error_ipsec_ike_auth_fail']) {
    it(spelling, () => {
      const r = readToken(idx, spelling, true);
      expect(r.some((x) => x.code?.name === 'ERROR_IPSEC_IKE_AUTH_FAIL')).toBe(true);
    });
  }
  it('SSPI codes', () => {
    expect(readToken(idx, '0x80090311', false)[0].code?.name).toBe('SEC_E_NO_AUTHENTICATING_AUTHORITY');
    expect(readToken(idx, '2148074252', false)[0].code?.name).toBe('SEC_E_LOGON_DENIED');
  });
  it('shows every reading of an ambiguous number', () => {
    const r = readToken(idx, '3601', true);
    expect(r.map((x) => x.form)).toContain('hex');
    expect(r.find((x) => x.form === 'hex')?.code?.decimal).toBe(13825);
    const ev = readToken(idx, '547', true);
    expect(ev.map((x) => x.form)).toEqual(['event']);
    const both = readToken(idx, '4285', true);
    expect(both.some((x) => x.form === 'event' && x.value === 4285)).toBe(true);
    const f = codeFinding(idx, '13805', [0, 5], readToken(idx, '13805', true));
    expect(f.playbook?.id).toBe('ike-main-mode/negotiation-timed-out');
  });
  it('does not invent codes from addresses, times or versions', () => {
    const t = 'Reply from 192.168.0.20: time 10:05:04 version 5.2.3790.1830 bytes=32';
    expect(scanCodes(idx, t, 0, t.length)).toEqual([]);
  });
  it('finds codes in prose with context', () => {
    const t = 'The service stopped with error 13801 (0x35E9) after boot.';
    const hits = scanCodes(idx, t, 0, t.length);
    expect(hits.map((h) => h.token)).toEqual(['13801', '0x35E9']);
    const f = codeFinding(idx, hits[0].token, hits[0].span, hits[0].readings);
    expect(f.title).toContain('ERROR_IPSEC_IKE_AUTH_FAIL');
    expect(f.facts.find((x) => x.name === 'ja')?.value).toBe('認証資格情報は受け付けられません');
    expect(f.playbook?.id).toBe('ike-auth/credentials-unacceptable');
  });
  it('a bare hex word needs context', () => {
    const t = 'the face of the policy is defined in this long sentence';
    expect(scanCodes(idx, t, 0, t.length)).toEqual([]);
  });
});
