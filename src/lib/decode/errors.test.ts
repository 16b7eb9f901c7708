import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import type { Catalogue, CatalogueErrorCode, CataloguePlaybook } from '../catalogue/types.ts';
import { getIndex } from './catalogue-index.ts';
import { codeFinding, describeCode, readToken, scanCodes } from './errors.ts';
import type { CodeReading } from './errors.ts';
import type { Span } from './types.ts';

const idx = getIndex(testCatalogue());

/** A code of the test catalogue by its value (throws, so a renamed catalogue entry fails loudly). */
function code(v: number, i = idx): CatalogueErrorCode {
  const c = i.codesByValue.get(v);
  if (!c) throw new Error(`no code ${v} in the catalogue`);
  return c;
}

/** scanCodes over text[s, e), each hit as "token@start-end form=value name" for exact comparison. */
function scan(text: string, s = 0, e = text.length, i = idx): string[] {
  return scanCodes(i, text, s, e).map(
    (h) => `${h.token}@${h.span[0]}-${h.span[1]} ${h.readings.map((r) => `${r.form}=${r.value}${r.code ? ` ${r.code.name}` : ''}`).join(' | ')}`,
  );
}

const fact = (name: string, label: string, value: string, span: Span) => ({ name, label, value, span });

// ---------------------------------------------------------------------------------------------
// Catalogue variants. The test catalogue has no Win32 codes below 10 and no code whose hex
// spelling is letters only, so a few rules can only be seen with extra codes.
// ---------------------------------------------------------------------------------------------
const base = testCatalogue();
const extraCodes: CatalogueErrorCode[] = [
  { table: 'win32', name: 'ERROR_SUCCESS', decimal: 0, hex: '0x00000000', hresult: '0x00000000', message: 'The operation completed successfully.', source: 'winerror.h' },
  { table: 'win32', name: 'ERROR_ACCESS_DENIED', decimal: 5, hex: '0x00000005', hresult: '0x80070005', message: 'Access is denied.', source: 'winerror.h' },
  // fixtures: a value spelled with hex letters only (an English word) and the int32 minimum
  { table: 'win32', name: 'ERROR_FIXTURE_FACE', decimal: 0xface, hex: '0x0000FACE', hresult: '', message: 'Fixture code spelled FACE.', source: 'test' },
  { table: 'win32', name: 'ERROR_FIXTURE_INT32_MIN', decimal: 0x80000000, hex: '0x80000000', hresult: '0x80000000', message: 'Fixture code 0x80000000.', source: 'test' },
];
const ext = getIndex({ ...base, errorCodes: [...base.errorCodes, ...extraCodes] });

/** Playbooks for one event id in a chosen order, to see which one eventPlaybook picks. */
function page(id: string, kind: CataloguePlaybook['kind'], events: number[]): CataloguePlaybook {
  return {
    ...base.playbooks[0],
    id,
    url: `/${id}/`,
    title: `テスト: ${id}`,
    kind,
    events: events.map((e) => ({ id: e, log: 'Security', sources: ['Security'], os: ['2000'] })),
    successors: [],
    codes: [],
    signatures: [],
  };
}
const orderCat: Catalogue = {
  ...base,
  playbooks: [page('guides/main-mode-topic', 'topic', [541, 542]), page('ike-success/sa-overview', 'event', [541, 542]), page('ike-success/event-541', 'event', [541])],
  // 542 stays an IPsec id through the playbooks but has no title in this catalogue
  events: base.events.filter((e) => e.id !== 542),
};
const ord = getIndex(orderCat);

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

describe('readToken: the reading form of each spelling', () => {
  it('13801 reads as decimal 13801 = ERROR_IPSEC_IKE_AUTH_FAIL, and nothing else', () => {
    // its hex spelling 0x13801 is no code, so no second (empty) reading is added
    expect(readToken(idx, '13801', true)).toEqual([{ form: 'decimal', value: 13801, code: code(13801) }]);
  });
  it('0x35E9 reads as hex 0x35E9 = 13801', () => {
    expect(readToken(idx, '0x35E9', false)).toEqual([{ form: 'hex', value: 0x35e9, code: code(13801) }]);
  });
  it('0x800735E9 reads as the HRESULT of 13801 (HRESULT_FROM_WIN32)', () => {
    expect(readToken(idx, '0x800735E9', false)).toEqual([{ form: 'hresult', value: 0x800735e9, code: code(13801) }]);
  });
  it('0x800706BA reads as the HRESULT of 1722 RPC_S_SERVER_UNAVAILABLE', () => {
    expect(readToken(idx, '0x800706BA', false)).toEqual([{ form: 'hresult', value: 0x800706ba, code: code(1722) }]);
  });
  it('an SSPI HRESULT (0x8009030C) is a code of its own, not a Win32 low word', () => {
    expect(readToken(idx, '0x8009030C', false)).toEqual([{ form: 'hex', value: 0x8009030c, code: code(2148074252) }]);
  });
  it('-2147011095 reads as the negative spelling of the HRESULT of 13801', () => {
    expect(readToken(idx, '-2147011095', false)).toEqual([{ form: 'negative', value: -2147011095, code: code(13801) }]);
  });
  it('-2144206847 reads as FWP_E_CALLOUT_NOT_FOUND (0x80320001)', () => {
    expect(readToken(idx, '-2144206847', false)).toEqual([{ form: 'negative', value: -2144206847, code: code(0x80320001) }]);
  });
});

describe('readToken: HRESULT fallback to the Win32 low word', () => {
  it('only 0x8007xxxx falls back to the Win32 low word: 0x801035E9 is not 13801', () => {
    expect(readToken(idx, '0x801035E9', true)).toEqual([]);
    expect(readToken(idx, '-2146421271', true)).toEqual([]); // = 0x801035E9
  });
  it('0x8007xxxx whose low word is no code is not a code', () => {
    expect(readToken(idx, '0x80071234', true)).toEqual([]);
  });
});

describe('readToken: names', () => {
  it('SEC_E_ and RPC_S_ names read by name, case-insensitively', () => {
    expect(readToken(idx, 'SEC_E_LOGON_DENIED', false)).toEqual([{ form: 'name', value: 2148074252, code: code(2148074252) }]);
    expect(readToken(idx, 'RPC_S_SERVER_UNAVAILABLE', false)).toEqual([{ form: 'name', value: 1722, code: code(1722) }]);
    expect(readToken(idx, 'fwp_e_callout_not_found', false)).toEqual([{ form: 'name', value: 0x80320001, code: code(0x80320001) }]);
  });
  it('an unknown name with a known prefix is no code (and never falls through to other readings)', () => {
    expect(readToken(idx, 'ERROR_IPSEC_NOT_A_REAL_CODE', true)).toEqual([]);
    expect(readToken(idx, 'SEC_E_NOPE', true)).toEqual([]);
  });
  it('a name of exactly 40 characters is still read', () => {
    expect('ERROR_IPSEC_IKE_GENERAL_PROCESSING_ERROR'.length).toBe(40);
    expect(readToken(idx, 'ERROR_IPSEC_IKE_GENERAL_PROCESSING_ERROR', false)).toEqual([{ form: 'name', value: 13804, code: code(13804) }]);
  });
});

describe('names longer than 40 characters (the real catalogue\'s longest is 61)', () => {
  const real = getIndex(JSON.parse(readFileSync(new URL('../../generated/catalogue.json', import.meta.url), 'utf8')) as Catalogue);
  const LONG = 'ERROR_IPSEC_IKE_STRONG_CRED_AUTHORIZATION_AND_CERTMAP_FAILURE';
  it('are read by readToken and found whole by scanCodes in a long line', () => {
    expect(readToken(real, LONG, false).map((r) => [r.form, r.value, r.code?.name])).toEqual([['name', 13908, LONG]]);
    const line = `IKE negotiation on the gateway failed with ${LONG} again`;
    expect(scan(line, 0, line.length, real)).toEqual([`${LONG}@43-104 name=13908 ${LONG}`]);
  });
});

describe('readToken: 0x spellings', () => {
  it('a 0x token longer than 8 hex digits is not a code (0x0000035E9)', () => {
    expect(readToken(idx, '0x0000035E9', true)).toEqual([]);
  });
  it('a 0x token of exactly 8 hex digits is read (0x000035E9)', () => {
    expect(readToken(idx, '0x000035E9', true)).toEqual([{ form: 'hex', value: 0x35e9, code: code(13801) }]);
  });
  it('a 0x token with a non-hex character is not a code (0x35E9Z)', () => {
    expect(readToken(idx, '0x35E9Z', true)).toEqual([]);
    expect(readToken(idx, '0X35G9', true)).toEqual([]);
  });
  it('an unknown 0x value gives no reading', () => {
    expect(readToken(idx, '0x00001234', true)).toEqual([]);
  });
  it('a bare "0x" is not ERROR_SUCCESS even when the catalogue has code 0', () => {
    expect(readToken(ext, '0x00000000', false)).toEqual([{ form: 'hex', value: 0, code: code(0, ext) }]);
    expect(readToken(ext, '0x', true)).toEqual([]);
  });
});

describe('readToken: an event ID inside an HRESULT-like message id', () => {
  it('0xC0000223 (severity bits, facility 0) reads as event 547', () => {
    expect(readToken(idx, '0xC0000223', false)).toEqual([{ form: 'event', value: 547, eventTitle: 'IKE security association negotiation failed.' }]);
  });
  it('0x0223 without severity bits is not event 547', () => {
    expect(readToken(idx, '0x0223', true)).toEqual([]);
    expect(readToken(idx, '0x00000223', true)).toEqual([]);
  });
  it('a non-zero facility (0x00100223) is not event 547', () => {
    expect(readToken(idx, '0x00100223', true)).toEqual([]);
    expect(readToken(idx, '0xC0100223', true)).toEqual([]);
  });
  it('a code with a non-zero facility gets no extra event reading (0x800735E9)', () => {
    expect(readToken(idx, '0x800735E9', true).map((r) => r.form)).toEqual(['hresult']);
  });
});

describe('readToken: negative decimal spellings', () => {
  it('a negative token must be all decimal digits: -0x7FF8CA17 is not -2147011095', () => {
    expect(readToken(idx, '-0x7FF8CA17', true)).toEqual([]);
    expect(readToken(idx, '-2147011095.0', true)).toEqual([]);
  });
  it('more than 10 digits after the minus is not a code (-02147011095)', () => {
    expect(readToken(idx, '-02147011095', true)).toEqual([]);
  });
  it('a value below -2^31 is not wrapped round to a code (-4294953495 is not 13801)', () => {
    expect((-4294953495 >>> 0) === 13801).toBe(true);
    expect(readToken(idx, '-4294953495', true)).toEqual([]);
  });
  it('-2147483648 (the int32 minimum) is still a valid HRESULT spelling', () => {
    expect(readToken(ext, '-2147483648', false)).toEqual([{ form: 'negative', value: -2147483648, code: code(0x80000000, ext) }]);
  });
  it('a negative value that is no code gives no reading', () => {
    expect(readToken(idx, '-1', true)).toEqual([]);
  });
  it('a lone minus is not -0 = ERROR_SUCCESS', () => {
    expect(readToken(ext, '-0', false)).toEqual([{ form: 'negative', value: -0, code: code(0, ext) }]);
    expect(readToken(ext, '-', true)).toEqual([]);
  });
});

describe('readToken: bare decimal digits', () => {
  it('3601 is read as hex 0x3601 = 13825 only with context', () => {
    expect(readToken(idx, '3601', true)).toEqual([{ form: 'hex', value: 0x3601, code: code(13825) }]);
    expect(readToken(idx, '3601', false)).toEqual([]);
  });
  it('80070057 with context reads as HRESULT 0x80070057 = ERROR_INVALID_PARAMETER (8 digits is the limit)', () => {
    expect(readToken(idx, '80070057', true)).toEqual([{ form: 'hresult', value: 0x80070057, code: code(87) }]);
    expect(readToken(idx, '00003601', true)).toEqual([{ form: 'hex', value: 0x3601, code: code(13825) }]);
  });
  it('a 9-digit number has no hex reading (000003601)', () => {
    expect(readToken(idx, '000003601', true)).toEqual([]);
  });
  it('error 5 reads once as ERROR_ACCESS_DENIED: decimal and hex are the same code', () => {
    expect(readToken(ext, '5', true)).toEqual([
      { form: 'decimal', value: 5, code: code(5, ext) },
      { form: 'event', value: 5, eventTitle: ext.events.get(5)?.[0].title },
    ]);
    expect(readToken(ext, '0', true)).toEqual([{ form: 'decimal', value: 0, code: code(0, ext) }]);
  });
  it('a number is read as an event ID only with context', () => {
    expect(readToken(idx, '547', true)).toEqual([{ form: 'event', value: 547, eventTitle: 'IKE security association negotiation failed.' }]);
    expect(readToken(idx, '547', false)).toEqual([]);
  });
  it('an event ID has at most 5 digits: 20111 is an event, 000547 is not', () => {
    expect(readToken(idx, '20111', true)).toEqual([{ form: 'event', value: 20111, eventTitle: idx.events.get(20111)?.[0].title }]);
    expect(idx.events.get(20111)?.[0].title).toMatch(/^A demand dial connection/);
    expect(readToken(idx, '000547', true)).toEqual([]);
  });
  it('260 with context is both hex 0x260 (RAS 608) and event 260', () => {
    expect(readToken(idx, '260', true)).toEqual([
      { form: 'hex', value: 0x260, code: code(608) },
      { form: 'event', value: 260, eventTitle: idx.events.get(260)?.[0].title },
    ]);
  });
});

describe('readToken: bare hex words', () => {
  it('35E9 and 000035E9 read as 13801 even without context', () => {
    expect(readToken(idx, '35E9', false)).toEqual([{ form: 'hex', value: 0x35e9, code: code(13801) }]);
    expect(readToken(idx, '000035E9', false)).toEqual([{ form: 'hex', value: 0x35e9, code: code(13801) }]);
  });
  it('800735E9 reads as the HRESULT of 13801', () => {
    expect(readToken(idx, '800735E9', false)).toEqual([{ form: 'hresult', value: 0x800735e9, code: code(13801) }]);
  });
  it('a bare hex word has 4 to 8 characters: 25A (= RAS 602) and 0000035E9 are not read', () => {
    expect(readToken(idx, '0x25A', false)).toEqual([{ form: 'hex', value: 0x25a, code: code(602) }]);
    expect(readToken(idx, '25A', true)).toEqual([]);
    expect(readToken(idx, '0000035E9', true)).toEqual([]);
  });
  it('a bare hex word with a non-hex character is not read (35E9G)', () => {
    expect(readToken(idx, '35E9G', true)).toEqual([]);
  });
  it('a bare hex word needs both letters and digits: FACE is no code even if 0xFACE were one', () => {
    expect(readToken(ext, '0xFACE', true)).toEqual([{ form: 'hex', value: 0xface, code: code(0xface, ext) }]);
    expect(readToken(ext, 'FACE', true)).toEqual([]);
    expect(readToken(ext, '0000FACE', true)).toEqual([{ form: 'hex', value: 0xface, code: code(0xface, ext) }]);
  });
  it('a bare hex word that is no code gives no reading', () => {
    expect(readToken(idx, '12AB', true)).toEqual([]);
  });
});

describe('describeCode', () => {
  it('a named code: "decimal (hex) NAME: message"', () => {
    expect(describeCode(code(13801))).toBe('13801 (0x000035E9) ERROR_IPSEC_IKE_AUTH_FAIL: IKE authentication credentials are unacceptable');
  });
  it('a code without a public name shows its hex instead, and the message is trimmed', () => {
    const c = code(0x4bad021e);
    expect(c.message.endsWith(' ')).toBe(true);
    const d = describeCode(c);
    expect(d.startsWith('1269629470 (0x4BAD021E) 0x4BAD021E: The IP Security policy for ISAKMP/Oakley specified')).toBe(true);
    expect(d.endsWith('please contact your network administrator.')).toBe(true);
  });
});

describe('codeFinding: one reading', () => {
  it('decimal 13801: name, numbers, HRESULT, message, Japanese text and the playbook', () => {
    const s: Span = [0, 5];
    expect(codeFinding(idx, '13801', s, readToken(idx, '13801', true))).toEqual({
      kind: 'error-code',
      title: 'エラー コード 13801 (0x000035E9) = ERROR_IPSEC_IKE_AUTH_FAIL',
      meaning: '日本語版 Windows では「認証資格情報は受け付けられません」と表示されるエラーです。',
      facts: [
        fact('token', '入力された値', '13801', s),
        fact('reading.decimal', '10 進数として', '13801 (0x000035E9) ERROR_IPSEC_IKE_AUTH_FAIL: IKE authentication credentials are unacceptable', s),
        fact('name', '名前', 'ERROR_IPSEC_IKE_AUTH_FAIL', s),
        fact('decimal', '10 進数', '13801', s),
        fact('hex', '16 進数', '0x000035E9', s),
        fact('hresult', 'HRESULT', '0x800735E9', s),
        fact('message', 'メッセージ (英語)', 'IKE authentication credentials are unacceptable', s),
        fact('ja', '日本語版の表示', '認証資格情報は受け付けられません', s),
      ],
      playbook: { id: 'ike-auth/credentials-unacceptable', url: '/ike-auth/credentials-unacceptable/', anchor: '対処', title: 'テスト: ike-auth/credentials-unacceptable' },
      alternatives: undefined,
      confidence: 'exact',
      span: s,
      severity: 'info',
      priority: 55,
      tier: 2,
    });
  });
  it('a code without Japanese text or playbook: the English message is the meaning (0x800706BA)', () => {
    const s: Span = [3, 13];
    expect(codeFinding(idx, '0x800706BA', s, readToken(idx, '0x800706BA', true))).toEqual({
      kind: 'error-code',
      title: 'エラー コード 1722 (0x000006BA) = RPC_S_SERVER_UNAVAILABLE',
      meaning: 'Windows の説明文は「The RPC server is unavailable.」です。',
      facts: [
        fact('token', '入力された値', '0x800706BA', s),
        fact('reading.hresult', 'HRESULT (0x8007xxxx) として', '1722 (0x000006BA) RPC_S_SERVER_UNAVAILABLE: The RPC server is unavailable.', s),
        fact('name', '名前', 'RPC_S_SERVER_UNAVAILABLE', s),
        fact('decimal', '10 進数', '1722', s),
        fact('hex', '16 進数', '0x000006BA', s),
        fact('hresult', 'HRESULT', '0x800706BA', s),
        fact('message', 'メッセージ (英語)', 'The RPC server is unavailable.', s),
      ],
      playbook: undefined,
      alternatives: undefined,
      confidence: 'exact',
      span: s,
      severity: 'info',
      priority: 35,
      tier: undefined,
    });
  });
  it('a negative spelling is labelled as negative decimal', () => {
    const f = codeFinding(idx, '-2147011095', [0, 11], readToken(idx, '-2147011095', true));
    expect(f.facts[1]).toEqual(fact('reading.negative', '負の 10 進数 (HRESULT) として', describeCode(code(13801)), [0, 11]));
    expect(f.facts.find((x) => x.name === 'decimal')?.value).toBe('13801');
  });
  it('a WFP code is titled by its HRESULT, not the unsigned decimal', () => {
    const f = codeFinding(idx, '0x80320001', [0, 10], readToken(idx, '0x80320001', true));
    expect(f.title).toBe('エラー コード 0x80320001 = FWP_E_CALLOUT_NOT_FOUND');
    expect(f.facts.find((x) => x.name === 'hresult')?.value).toBe('0x80320001');
  });
  it('a code without a public name: hex in title, "(公開された名前なし)", no HRESULT fact, trimmed message', () => {
    const s: Span = [0, 10];
    const c = code(0x4bad021e);
    const msg = c.message.trim();
    expect(msg.endsWith('please contact your network administrator.')).toBe(true);
    expect(codeFinding(idx, '0x4BAD021E', s, readToken(idx, '0x4BAD021E', true))).toEqual({
      kind: 'error-code',
      title: 'エラー コード 1269629470 (0x4BAD021E) = 0x4BAD021E',
      meaning: `Windows の説明文は「${msg}」です。`,
      facts: [
        fact('token', '入力された値', '0x4BAD021E', s),
        fact('reading.hex', '16 進数として', `1269629470 (0x4BAD021E) 0x4BAD021E: ${msg}`, s),
        fact('name', '名前', '(公開された名前なし)', s),
        fact('decimal', '10 進数', '1269629470', s),
        fact('hex', '16 進数', '0x4BAD021E', s),
        fact('message', 'メッセージ (英語)', msg, s),
      ],
      playbook: undefined,
      alternatives: undefined,
      confidence: 'exact',
      span: s,
      severity: 'info',
      priority: 35,
      tier: undefined,
    });
  });
});

describe('codeFinding: event IDs', () => {
  it('event 547 links to its overview playbook (symptoms section)', () => {
    const s: Span = [0, 3];
    expect(codeFinding(idx, '547', s, readToken(idx, '547', true))).toEqual({
      kind: 'error-code',
      title: 'イベント ID 547 (IKE security association negotiation failed.)',
      meaning: 'この番号は IPsec に関係するイベント ID として登録されています。',
      facts: [fact('token', '入力された値', '547', s), fact('reading.event', 'イベント ID として', 'イベント 547: IKE security association negotiation failed.', s)],
      playbook: { id: 'ike-main-mode/event-547', url: '/ike-main-mode/event-547/', anchor: '症状', title: 'テスト: ike-main-mode/event-547' },
      alternatives: undefined,
      confidence: 'exact',
      span: s,
      severity: 'info',
      priority: 55,
      tier: 2,
    });
  });
  it('an IPsec event no playbook mentions has no playbook (4646)', () => {
    const f = codeFinding(idx, '4646', [0, 4], readToken(idx, '4646', true));
    expect(f.title).toBe('イベント ID 4646 (IKE DoS-prevention mode started.)');
    expect(f.playbook).toBeUndefined();
    expect(f.priority).toBe(35);
    expect(f.tier).toBeUndefined();
  });
  it('a Vista+ event only listed as a successor links to a legacy playbook that lists it', () => {
    const f = codeFinding(idx, '4653', [0, 4], readToken(idx, '4653', true));
    expect(f.playbook?.anchor).toBe('症状');
    expect(idx.bySuccessor.get(4653)?.map((p) => p.id)).toContain(f.playbook?.id);
  });
  it('the page whose id ends in event-<id> comes first, before another kind "event" page', () => {
    const f = codeFinding(ord, '541', [0, 3], readToken(ord, '541', true));
    expect(f.playbook).toEqual({ id: 'ike-success/event-541', url: '/ike-success/event-541/', anchor: '症状', title: 'テスト: ike-success/event-541' });
  });
  it('without an event-<id> page, a kind "event" page comes before a topic page listed first', () => {
    const f = codeFinding(ord, '542', [0, 3], readToken(ord, '542', true));
    expect(f.playbook?.id).toBe('ike-success/sa-overview');
  });
  it('an event without a title is shown by number only', () => {
    const r = readToken(ord, '542', true);
    expect(r).toEqual([{ form: 'event', value: 542, eventTitle: undefined }]);
    const f = codeFinding(ord, '542', [0, 3], r);
    expect(f.title).toBe('イベント ID 542');
    expect(f.facts[1].value).toBe('イベント 542');
  });
});

describe('codeFinding: several readings', () => {
  it('260: a RAS code (hex) and an event; the code gives the facts (labelled as that reading), the event the playbook (said so)', () => {
    const s: Span = [0, 3];
    const title260 = idx.events.get(260)?.[0].title;
    expect(codeFinding(idx, '260', s, readToken(idx, '260', true))).toEqual({
      kind: 'error-code',
      title: '「260」には 2 通りの読み方があります',
      meaning:
        '数値だけでは 10 進数・16 進数・イベント ID のどれか決まらないため、当てはまる読み方をすべて並べています。リンク先はイベント ID として読んだ場合のページです。どの読み方かは、値が出た場面 (イベント ビューアーの列、エラー ダイアログ、ログ) で決まります。',
      facts: [
        fact('token', '入力された値', '260', s),
        fact('reading.hex', '16 進数として', '608 (0x00000260) ERROR_DEVICE_DOES_NOT_EXIST: A device was specified that does not exist.', s),
        fact('reading.event', 'イベント ID として', `イベント 260: ${title260}`, s),
        fact('name', '名前 (16 進数として読んだ場合)', 'ERROR_DEVICE_DOES_NOT_EXIST', s),
        fact('decimal', '10 進数 (16 進数として読んだ場合)', '608', s),
        fact('hex', '16 進数 (16 進数として読んだ場合)', '0x00000260', s),
        fact('hresult', 'HRESULT (16 進数として読んだ場合)', '0x80070260', s),
        fact('message', 'メッセージ (英語) (16 進数として読んだ場合)', 'A device was specified that does not exist.', s),
      ],
      playbook: { id: 'policy-agent-2000/agent-start-failed', url: '/policy-agent-2000/agent-start-failed/', anchor: '症状', title: 'テスト: policy-agent-2000/agent-start-failed' },
      alternatives: undefined,
      confidence: 'partial',
      span: s,
      severity: 'info',
      priority: 55,
      tier: 2,
    });
  });
  it('the first reading with a playbook wins; every other playbook is listed once as an alternative', () => {
    const ev = (v: number): CodeReading => ({ form: 'event', value: v, eventTitle: idx.events.get(v)?.[0].title });
    const readings: CodeReading[] = [
      { form: 'decimal', value: 13801, code: code(13801) }, // ike-auth/credentials-unacceptable
      ev(4646), // no playbook: skipped
      { form: 'hex', value: 13805, code: code(13805) }, // ike-main-mode/negotiation-timed-out
      { form: 'hresult', value: 0x800735ed, code: code(13805) }, // same page again: not repeated
      ev(547), // ike-main-mode/event-547
      { form: 'negative', value: -2147011095, code: code(13801) }, // the main page: not an alternative
    ];
    const f = codeFinding(idx, 'x', [0, 1], readings);
    expect(f.playbook?.id).toBe('ike-auth/credentials-unacceptable');
    expect(f.alternatives).toEqual([
      { id: 'ike-main-mode/negotiation-timed-out', url: '/ike-main-mode/negotiation-timed-out/', anchor: '対処', title: 'テスト: ike-main-mode/negotiation-timed-out' },
      { id: 'ike-main-mode/event-547', url: '/ike-main-mode/event-547/', anchor: '症状', title: 'テスト: ike-main-mode/event-547' },
    ]);
    expect(f.title).toBe('「x」には 6 通りの読み方があります');
    expect(f.confidence).toBe('partial');
  });
  it('the facts describe the first code reading even when an event reading comes first', () => {
    const readings: CodeReading[] = [
      { form: 'event', value: 547, eventTitle: 'IKE security association negotiation failed.' },
      { form: 'decimal', value: 13805, code: code(13805) },
    ];
    const f = codeFinding(idx, 'x', [0, 1], readings);
    expect(f.facts.map((x) => `${x.name}=${x.value}`).slice(3)).toEqual([
      'name=ERROR_IPSEC_IKE_TIMED_OUT',
      'decimal=13805',
      'hex=0x000035ED',
      'hresult=0x800735ED',
      'message=Negotiation timed out',
      `ja=${idx.sigByCode.get(13805)?.[0].ja}`,
    ]);
  });
});

describe('scanCodes: context', () => {
  it('a context word just before the number gives the weak hex reading (any case)', () => {
    expect(scan('The IPsec service logged Error 3601 during startup')).toEqual(['3601@31-35 hex=13825 ERROR_IPSEC_IKE_NO_POLICY']);
  });
  it('a context word more than 16 characters before the number does not count', () => {
    expect(scan('error: the tunnel to the branch office reported 3601')).toEqual([]);
  });
  it('a context word after the number does not count: "3601 errors" is a count', () => {
    expect(scan('the counter showed 3601 errors in the last hour')).toEqual([]);
  });
  it('a long line without any context word gives no weak reading', () => {
    expect(scan('the counter showed 3601 packets in the last hour')).toEqual([]);
  });
  it('a number alone on a short line is read with context', () => {
    expect(scan('3601')).toEqual(['3601@0-4 hex=13825 ERROR_IPSEC_IKE_NO_POLICY']);
  });
  it('a short line counts only non-blank characters: 24 is short, 25 is not', () => {
    // 21 non-blank characters but 26 with the spaces
    expect(scan('the value was 3601 at boot')).toEqual(['3601@14-18 hex=13825 ERROR_IPSEC_IKE_NO_POLICY']);
    expect(scan('the value was 3601 at startup')).toEqual(['3601@14-18 hex=13825 ERROR_IPSEC_IKE_NO_POLICY']);
    expect(scan('the value was 3601 at startup!')).toEqual([]);
  });
  it('only the characters of the window [s, e) count for a short line', () => {
    const line = 'the value was 3601 at startup';
    // the next line starts right at e with a non-blank character
    expect(scan(`${line}Xfollowing text`, 0, line.length)).toEqual(['3601@14-18 hex=13825 ERROR_IPSEC_IKE_NO_POLICY']);
  });
  it('a decimal code needs no context', () => {
    expect(scan('the counter showed 13801 packets in the last hour')).toEqual(['13801@19-24 decimal=13801 ERROR_IPSEC_IKE_AUTH_FAIL']);
  });
});

describe('scanCodes: bare hex words', () => {
  it('a bare hex word on a short line is read (35E9, CBAD01F6)', () => {
    expect(scan('35E9')).toEqual(['35E9@0-4 hex=13801 ERROR_IPSEC_IKE_AUTH_FAIL']);
    expect(scan('CBAD01F6')).toEqual([`CBAD01F6@0-8 hex=${0xcbad01f6} (oakley.dll message, no public symbol)`]);
  });
  it('in a long line without a context word, a hex word starting with a letter is ignored, even a code', () => {
    expect(scan('we saw CBAD01F6 in the list of values today')).toEqual([]);
  });
  it('a hex word starting with a digit counts as a number and needs no context word', () => {
    expect(scan('we saw 35E9 in the list of values today')).toEqual(['35E9@7-11 hex=13801 ERROR_IPSEC_IKE_AUTH_FAIL']);
  });
  it('a bare hex word in a long line after a context word is read', () => {
    expect(scan('in the log the oakley status CBAD01F6 was written')).toEqual([`CBAD01F6@29-37 hex=${0xcbad01f6} (oakley.dll message, no public symbol)`]);
  });
});

describe('scanCodes: names', () => {
  it('SEC_E_, RPC_S_, FWP_E_ and lower-case error_ names are found in a long line', () => {
    expect(scan('the client got SEC_E_LOGON_DENIED then RPC_S_SERVER_UNAVAILABLE and later')).toEqual([
      'SEC_E_LOGON_DENIED@15-33 name=2148074252 SEC_E_LOGON_DENIED',
      'RPC_S_SERVER_UNAVAILABLE@39-63 name=1722 RPC_S_SERVER_UNAVAILABLE',
    ]);
    expect(scan('the filter engine returned FWP_E_CALLOUT_NOT_FOUND again today')).toEqual([`FWP_E_CALLOUT_NOT_FOUND@27-50 name=${0x80320001} FWP_E_CALLOUT_NOT_FOUND`]);
    expect(scan('the agent wrote error_ipsec_ike_auth_fail in the debug log')).toEqual(['error_ipsec_ike_auth_fail@16-41 name=13801 ERROR_IPSEC_IKE_AUTH_FAIL']);
  });
  it('names in mixed case are found too (Sec_E_…, Fwp_E_…)', () => {
    expect(scan('the client got Sec_E_Logon_Denied then Fwp_E_Callout_Not_Found and later')).toEqual([
      'Sec_E_Logon_Denied@15-33 name=2148074252 SEC_E_LOGON_DENIED',
      `Fwp_E_Callout_Not_Found@39-62 name=${0x80320001} FWP_E_CALLOUT_NOT_FOUND`,
    ]);
  });
  it('a dash before a name is punctuation', () => {
    expect(scan('IKE failure -ERROR_IPSEC_IKE_AUTH_FAIL')).toEqual(['ERROR_IPSEC_IKE_AUTH_FAIL@13-38 name=13801 ERROR_IPSEC_IKE_AUTH_FAIL']);
  });
});

describe('scanCodes: numbers that are parts of something else', () => {
  it('a one- or two-digit number is never reported, even on a short line ("13 times")', () => {
    expect(readToken(idx, '13', true).map((r) => r.form)).toEqual(['event']);
    expect(scan('13 times')).toEqual([]);
  });
  it('…except straight after the word error (and "code"), in English or Japanese, and then only its decimal reading', () => {
    const five = '5@{at}-{end} decimal=5 ERROR_ACCESS_DENIED';
    const hit = (t: string) => five.replace('{at}', String(t.lastIndexOf('5'))).replace('{end}', String(t.lastIndexOf('5') + 1));
    for (const t of ['error 5', 'System error 5 has occurred.', 'Error code: 5', 'エラー 5', 'エラー コード：5 が出ます', 'error#5', 'ERROR CODE 5']) expect(scan(t, 0, t.length, ext), t).toEqual([hit(t)]);
    for (const t of ['5 errors', 'terror 5', 'error in step 5', 'errors 5', 'error 55', 'error 5x', 'event 5', 'code 5']) expect(scan(t, 0, t.length, ext), t).toEqual([]);
    // the word must be on the same line
    const t = 'error\n5';
    expect(scan(t, 6, t.length, ext)).toEqual([]);
  });
  it('a number after . : / \\ or % is part of a version, port, path or placeholder', () => {
    expect(scan('build 6.1.13801')).toEqual([]);
    expect(scan('server:13801')).toEqual([]);
    expect(scan('logs/13801')).toEqual([]);
    expect(scan('logs\\13801')).toEqual([]);
    expect(scan('%13801')).toEqual([]);
  });
  it('a number before ".digit" or ":digit" is part of a version or time', () => {
    expect(scan('build 13801.5')).toEqual([]);
    expect(scan('at 13801:45')).toEqual([]);
  });
  it('a number at the end of a sentence or followed by another number is still read', () => {
    expect(scan('error 13801. Then it retried')).toEqual(['13801@6-11 decimal=13801 ERROR_IPSEC_IKE_AUTH_FAIL']);
    expect(scan('error 13801 5 times')).toEqual(['13801@6-11 decimal=13801 ERROR_IPSEC_IKE_AUTH_FAIL']);
  });
  it('a number before / or \\ is a path', () => {
    expect(scan('logs 13801/ike.log')).toEqual([]);
    expect(scan('logs 13801\\ike.log')).toEqual([]);
  });
  it('the tail of a word longer than 48 characters is not a token', () => {
    const hash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934c'; // 48 characters
    expect(hash.length).toBe(48);
    expect(scan(`thumbprint ${hash}13801`)).toEqual([]);
    expect(scan(`${'A'.repeat(47)}_13801`)).toEqual([]);
  });
});

describe('scanCodes: the window [s, e)', () => {
  it('the first token of the window is not glued to the character before s', () => {
    expect(scan('ID13801', 2, 7)).toEqual(['13801@2-7 decimal=13801 ERROR_IPSEC_IKE_AUTH_FAIL']);
  });
  it('a token ends at e even inside a word', () => {
    expect(scan('13801abc', 0, 5)).toEqual(['13801@0-5 decimal=13801 ERROR_IPSEC_IKE_AUTH_FAIL']);
  });
  it('characters after e do not make the number part of a path or version', () => {
    expect(scan('13801/x', 0, 5)).toEqual(['13801@0-5 decimal=13801 ERROR_IPSEC_IKE_AUTH_FAIL']);
    expect(scan('13801.5', 0, 6)).toEqual(['13801@0-5 decimal=13801 ERROR_IPSEC_IKE_AUTH_FAIL']);
  });
});
