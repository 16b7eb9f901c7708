/**
 * Win32 / HRESULT / SSPI error codes in any spelling: 13801, 0x35E9, 0x000035E9, 0x800735E9,
 * -2147011095, ERROR_IPSEC_IKE_AUTH_FAIL. Like err.exe, an ambiguous number gets every reading.
 */
import type { CatalogueErrorCode } from '../catalogue/types.ts';
import type { CatalogueIndex } from './catalogue-index.ts';
import { eventTitle, playbookRef } from './catalogue-index.ts';
import type { Fact, Finding, PlaybookRef, Span } from './types.ts';
import { isAsciiAlnum, isDigit, isHexDigit } from './text.ts';

export type ReadingForm = 'name' | 'decimal' | 'hex' | 'hresult' | 'negative' | 'event';

export interface CodeReading {
  form: ReadingForm;
  /** The numeric value read (for `event`, the event id). */
  value: number;
  code?: CatalogueErrorCode;
  eventTitle?: string;
}


/** Longest token read as a code: longer than any code name, so a name is never cut. */
const MAX_TOKEN = 80;
/** Prefixes of the code names the catalogue holds (Win32, SSPI, WFP, RPC). */
const NAME_PREFIXES = ['ERROR_', 'SEC_E_', 'FWP_E_', 'RPC_S_'];

/** Look a value up, also as HRESULT_FROM_WIN32 (0x8007xxxx) and as its Win32 low word. */
function lookupValue(idx: CatalogueIndex, v: number): { code?: CatalogueErrorCode; form: ReadingForm } {
  const u = v >>> 0;
  const direct = idx.codesByValue.get(u);
  if (direct) return { code: direct, form: 'hex' };
  if ((u & 0xffff0000) >>> 0 === 0x80070000) {
    const w = idx.codesByValue.get(u & 0xffff);
    if (w) return { code: w, form: 'hresult' };
  }
  return { form: 'hex' };
}

/**
 * Every reading of one token. `context` = true when the token sits next to a word like
 * "error"/"エラー"/"status"/"event" or alone on a short line (then weaker readings are shown too).
 */
export function readToken(idx: CatalogueIndex, token: string, context: boolean): CodeReading[] {
  const out: CodeReading[] = [];
  // the longest code name is 61 characters (ERROR_IPSEC_IKE_STRONG_CRED_AUTHORIZATION_AND_CERTMAP_FAILURE)
  if (token.length === 0 || token.length > MAX_TOKEN) return out;
  const up = token.toUpperCase();
  if (up.startsWith('ERROR_') || up.startsWith('SEC_E_') || up.startsWith('FWP_E_') || up.startsWith('RPC_S_')) {
    const c = idx.codesByName.get(up);
    if (c) out.push({ form: 'name', value: c.decimal, code: c });
    return out;
  }
  if (up.startsWith('0X')) {
    const h = up.slice(2);
    if (h.length === 0 || h.length > 8) return out;
    for (let i = 0; i < h.length; i++) if (!isHexDigit(h.charCodeAt(i))) return out;
    const v = parseInt(h, 16);
    const r = lookupValue(idx, v);
    if (r.code) out.push({ form: r.form, value: v, code: r.code });
    const hi = v >>> 16;
    const low = v & 0xffff;
    if (hi !== 0 && (hi & 0x0fff) === 0 && idx.ipsecIds.has(low)) out.push({ form: 'event', value: low, eventTitle: eventTitle(idx, low) });
    return out;
  }
  if (token.charCodeAt(0) === 0x2d) {
    const d = token.slice(1);
    if (!allDigits(d) || d.length > 10) return out;
    const v = -Number(d);
    if (v < -2147483648) return out;
    const r = lookupValue(idx, v >>> 0);
    if (r.code) out.push({ form: 'negative', value: v, code: r.code });
    return out;
  }
  if (allDigits(token)) {
    const v = Number(token);
    const dec = idx.codesByValue.get(v);
    if (dec) out.push({ form: 'decimal', value: v, code: dec });
    if (token.length <= 8 && context) {
      const hv = parseInt(token, 16);
      const r = lookupValue(idx, hv);
      if (r.code && r.code !== dec) out.push({ form: r.form === 'hresult' ? 'hresult' : 'hex', value: hv, code: r.code });
    }
    if (context && token.length <= 5 && idx.ipsecIds.has(v)) out.push({ form: 'event', value: v, eventTitle: eventTitle(idx, v) });
    return out;
  }
  // bare hex with letters: 35e9, 000035E9, 800735E9
  if (token.length >= 4 && token.length <= 8) {
    let letters = 0;
    let digits = 0;
    for (let i = 0; i < token.length; i++) {
      const c = token.charCodeAt(i);
      if (!isHexDigit(c)) return out;
      if (isDigit(c)) digits++;
      else letters++;
    }
    if (letters === 0 || digits === 0) return out;
    const v = parseInt(token, 16);
    const r = lookupValue(idx, v);
    if (r.code) out.push({ form: r.form, value: v, code: r.code });
  }
  return out;
}

function allDigits(s: string): boolean {
  if (!s.length) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

const FORM_LABEL: Record<ReadingForm, string> = {
  name: '名前として',
  decimal: '10 進数として',
  hex: '16 進数として',
  hresult: 'HRESULT (0x8007xxxx) として',
  negative: '負の 10 進数 (HRESULT) として',
  event: 'イベント ID として',
};

/** Japanese text of a code when a catalogue signature carries it. */
export function japaneseText(idx: CatalogueIndex, code: number): string | undefined {
  return idx.sigByCode.get(code)?.[0]?.ja;
}

export function codePlaybook(idx: CatalogueIndex, code: CatalogueErrorCode): PlaybookRef | undefined {
  const id = code.playbook ?? idx.sigByCode.get(code.decimal)?.[0]?.playbookId;
  const p = id ? idx.playbooks.get(id) : undefined;
  return p ? playbookRef(p, '対処') : undefined;
}

/** The playbook of an event id (overview page first). */
function eventPlaybook(idx: CatalogueIndex, id: number): PlaybookRef | undefined {
  const list = idx.byEvent.get(id) ?? [];
  const p = list.find((x) => x.id.endsWith(`event-${id}`)) ?? list.find((x) => x.kind === 'event') ?? list[0] ?? idx.bySuccessor.get(id)?.[0];
  return p ? playbookRef(p, '症状') : undefined;
}

/** Short description "13801 (0x000035E9) ERROR_IPSEC_IKE_AUTH_FAIL: message". */
export function describeCode(code: CatalogueErrorCode): string {
  const name = code.name.startsWith('(') ? code.hex : code.name;
  return `${code.decimal} (${code.hex}) ${name}: ${code.message.trim()}`;
}

function readingValue(r: CodeReading): string {
  if (r.form === 'event') return `イベント ${r.value}${r.eventTitle ? `: ${r.eventTitle}` : ''}`;
  const c = r.code as CatalogueErrorCode;
  return describeCode(c);
}

/** Build the error-code finding for one token with one or more readings. */
export function codeFinding(idx: CatalogueIndex, token: string, span: Span, readings: CodeReading[]): Finding {
  const facts: Fact[] = [{ name: 'token', label: '入力された値', value: token, span }];
  for (const r of readings) facts.push({ name: `reading.${r.form}`, label: FORM_LABEL[r.form], value: readingValue(r), span });
  const codes = readings.filter((r) => r.code);
  const first = codes[0]?.code;
  let playbook: PlaybookRef | undefined;
  let playbookForm: ReadingForm | undefined;
  const alternatives: PlaybookRef[] = [];
  for (const r of readings) {
    const pb = r.code ? codePlaybook(idx, r.code) : eventPlaybook(idx, r.value);
    if (!pb) continue;
    if (!playbook) (playbook = pb), (playbookForm = r.form);
    else if (pb.id !== playbook.id && !alternatives.some((a) => a.id === pb.id)) alternatives.push(pb);
  }
  const ambiguous = readings.length > 1;
  if (first) {
    // with several readings, the details are the first code reading's, and say so (the link may be another's)
    const of = ambiguous ? ` (${FORM_LABEL[codes[0].form]}読んだ場合)` : '';
    facts.push({ name: 'name', label: `名前${of}`, value: first.name.startsWith('(') ? '(公開された名前なし)' : first.name, span });
    facts.push({ name: 'decimal', label: `10 進数${of}`, value: String(first.decimal), span });
    facts.push({ name: 'hex', label: `16 進数${of}`, value: first.hex, span });
    if (first.hresult) facts.push({ name: 'hresult', label: `HRESULT${of}`, value: first.hresult, span });
    facts.push({ name: 'message', label: `メッセージ (英語)${of}`, value: first.message.trim(), span });
    const ja = japaneseText(idx, first.decimal);
    if (ja) facts.push({ name: 'ja', label: `日本語版の表示${of}`, value: ja, span });
  }
  let title: string;
  let meaning: string;
  if (ambiguous) {
    title = `「${token}」には ${readings.length} 通りの読み方があります`;
    meaning = `数値だけでは 10 進数・16 進数・イベント ID のどれか決まらないため、当てはまる読み方をすべて並べています。`;
    if (playbookForm) meaning += `リンク先は${FORM_LABEL[playbookForm]}読んだ場合のページです。どの読み方かは、値が出た場面 (イベント ビューアーの列、エラー ダイアログ、ログ) で決まります。`;
  } else if (first) {
    const name = first.name.startsWith('(') ? first.hex : first.name;
    // WFP codes are HRESULTs: people write them in hex, not as the unsigned decimal
    title = first.table === 'wfp' ? `エラー コード ${first.hex} = ${name}` : `エラー コード ${first.decimal} (${first.hex}) = ${name}`;
    const ja = japaneseText(idx, first.decimal);
    meaning = ja ? `日本語版 Windows では「${ja}」と表示されるエラーです。` : `Windows の説明文は「${first.message.trim()}」です。`;
  } else {
    const ev = readings[0];
    title = `イベント ID ${ev.value}${ev.eventTitle ? ` (${ev.eventTitle})` : ''}`;
    meaning = `この番号は IPsec に関係するイベント ID として登録されています。`;
  }
  return {
    kind: 'error-code',
    title,
    meaning,
    facts,
    playbook,
    alternatives: alternatives.length ? alternatives : undefined,
    confidence: ambiguous ? 'partial' : 'exact',
    span,
    severity: 'info',
    priority: playbook ? 55 : 35,
    tier: playbook ? (idx.playbooks.get(playbook.id)?.tiers?.[0] as 1 | 2 | 3 | undefined) : undefined,
  };
}

const CONTEXT_WORDS = ['error', 'エラー', 'status', 'code', 'コード', 'event', 'イベント', 'id', 'win32', 'hresult', '0x', '番号', 'reason', '理由', 'err'];

/** Text that ends in the word error (and "code"), as a short code is read out: "error 87", "エラー コード: 87". */
const ERROR_BEFORE = /(?:\berror|エラー)(?:\s*(?:code|コード))?\s*[:：#]?\s*$/i;

/** Is there a context word within a few characters before `pos`? */
function hasContext(text: string, pos: number, lineStart: number): boolean {
  const s = Math.max(lineStart, pos - 16);
  const before = text.slice(s, pos).toLowerCase();
  for (const w of CONTEXT_WORDS) if (before.includes(w)) return true;
  return false;
}

export interface TokenHit {
  token: string;
  span: Span;
  readings: CodeReading[];
}

/**
 * Scan one line for code-like tokens. A bare number is reported only when one of its readings is
 * a known code or IPsec event, and weaker readings need context (a short line or a word like "error").
 */
export function scanCodes(idx: CatalogueIndex, text: string, s: number, e: number): TokenHit[] {
  const out: TokenHit[] = [];
  let trimmedLen = 0;
  for (let i = s; i < e && trimmedLen <= 24; i++) if (text.charCodeAt(i) > 0x20) trimmedLen++;
  const shortLine = trimmedLen <= 24;
  let i = s;
  while (i < e) {
    const c = text.charCodeAt(i);
    const tokStartOk = isAsciiAlnum(c) || c === 0x5f || (c === 0x2d && i + 1 < e && isDigit(text.charCodeAt(i + 1)));
    if (!tokStartOk) {
      i++;
      continue;
    }
    const prev = i > s ? text.charCodeAt(i - 1) : 0x20;
    let j = i + 1;
    while (j < e && j - i < MAX_TOKEN) {
      const d = text.charCodeAt(j);
      if (isAsciiAlnum(d) || d === 0x5f) j++;
      else break;
    }
    const next = j < e ? text.charCodeAt(j) : 0x20;
    const token = text.slice(i, j);
    i = j;
    if (isAsciiAlnum(prev) || prev === 0x5f) continue;
    // parts of addresses, times, versions, paths
    if (prev === 0x2e || prev === 0x3a || prev === 0x2f || prev === 0x5c || prev === 0x25) continue;
    if ((next === 0x2e || next === 0x3a) && j + 1 < e && isDigit(text.charCodeAt(j + 1))) continue;
    if (next === 0x2f || next === 0x5c) continue;
    const f = token.charCodeAt(0);
    // names in any case, as people type them (error_ipsec_ike_auth_fail, Sec_E_…); readToken looks them up upper-cased
    const isName = token.length > 6 && NAME_PREFIXES.includes(token.slice(0, 6).toUpperCase());
    const isNum = isDigit(f) || f === 0x2d;
    if (!isName && !isNum && !(token.length >= 4 && token.length <= 8 && isHexDigit(f))) continue;
    // one- and two-digit numbers are everywhere (a two-character "0x" has no digits and reads as nothing anyway),
    // except straight after the word error: "error 87", "Error code: 87", "エラー 87" (a decimal code only)
    if (isNum && f !== 0x2d && token.length < 3) {
      const code = ERROR_BEFORE.test(text.slice(Math.max(s, j - token.length - 24), j - token.length)) ? idx.codesByValue.get(Number(token)) : undefined;
      if (code) out.push({ token, span: [j - token.length, j], readings: [{ form: 'decimal', value: code.decimal, code }] });
      continue;
    }
    const ctx = shortLine || hasContext(text, i - token.length, s);
    // bare hex without digits-only and without context is too noisy (words like "face")
    if (!isName && !isNum && !ctx) continue;
    const readings = readToken(idx, token, ctx);
    if (readings.length) out.push({ token, span: [j - token.length, j], readings });
  }
  return out;
}
