/**
 * Microsoft's long-vowel katakana (the katakana-long-vowel lint rule and scripts/fix-katakana.ts).
 *
 * Since 2008 Microsoft writes a katakana word whose English ends in -er, -or or -ar with a final ー
 * (コンピューター, フィルター, ドライバー); words from -y stay short (カテゴリ, メモリ, レジストリ).
 * Windows XP/2003 printed the old short forms, so text Windows prints is left exactly as it is:
 * this module finds the short forms and the spans that are quoted Windows text. Pure: the known
 * Windows strings are passed in (src/lint/windows-strings.ts loads them).
 */

/** Short forms Microsoft now writes with a final ー (English -er/-or/-ar). Longest first. */
export const SHORT_FORMS: readonly string[] = [
  'アクセラレータ', 'エクスプローラ', 'コントローラ', 'イニシエータ', 'インストーラ', 'コンピュータ', 'マネージャ', 'パラメータ',
  'プロバイダ', 'レスポンダ', 'ロケータ', 'アダプタ', 'エディタ', 'カウンタ', 'クラスタ', 'コンテナ', 'スキャナ', 'デコーダ',
  'ドライバ', 'ハンドラ', 'バッファ', 'ビューア', 'フィルタ', 'フォルダ', 'ブラウザ', 'プリンタ', 'ポインタ', 'モニタ', 'ヘッダ',
  'ベンダ', 'ルータ', 'メンバ', 'サーバ', 'ユーザ', 'トリガ',
];

/** Compounds whose short form is followed by more katakana and still takes ー (membership). */
const COMPOUNDS: Record<string, string> = { メンバシップ: 'メンバーシップ' };

export interface KatakanaHit {
  /** Offset in the text (UTF-16). */
  start: number;
  end: number;
  short: string;
  long: string;
}

const KATAKANA = /[\u30a1-\u30fa\u30fc-\u30ff]/;
const PATTERN = new RegExp([...Object.keys(COMPOUNDS), ...SHORT_FORMS].join('|'), 'g');

/**
 * Every short form in `text`. A form followed by ー is already long; followed by more katakana it is
 * another word (フィルタリング, ユーザビリティ, モニタリング), which Microsoft keeps as is.
 */
export function shortForms(text: string): KatakanaHit[] {
  const out: KatakanaHit[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const start = m.index!;
    const end = start + m[0].length;
    const compound = COMPOUNDS[m[0]];
    if (compound) {
      out.push({ start, end, short: m[0], long: compound });
      continue;
    }
    if (KATAKANA.test(text[end] ?? '')) continue;
    out.push({ start, end, short: m[0], long: `${m[0]}ー` });
  }
  return out;
}

export type Span = [number, number];

const inside = (spans: Span[], a: number, b: number) => spans.some(([s, e]) => a >= s && b <= e);

/**
 * Pieces of the known Windows strings that hold a short form, cut where a quoted copy may differ
 * (sentence ends, line breaks, placeholders, numbers), so a page that quotes one sentence of a
 * message, or the message with its own address and count, is still recognised.
 */
export function windowsFragments(known: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const s of known) {
    if (!shortForms(s).length) continue;
    for (const piece of s.split(/\\n|\n|。|<[^>]*>|%\d+|\d+(?:\.\d+)*/)) {
      const p = piece.trim();
      if (p.length >= 8 && shortForms(p).length) out.add(p);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** Spans of `text` that are Windows text: a known fragment, or a 「…」 quote holding (or inside) one. */
export function windowsSpans(text: string, fragments: string[], known: string[]): Span[] {
  const spans: Span[] = [];
  for (const f of fragments) {
    for (let i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) spans.push([i, i + f.length]);
  }
  // File names of table 7.3 (<コンピュータ名>_oakley.log) are written as IPsec_Debug.vbs names them.
  for (const m of text.matchAll(/<[^<>\n]{1,20}>(?=_)|(?<=_)<[^<>\n]{1,20}>/g)) spans.push([m.index!, m.index! + m[0].length]);
  for (const m of text.matchAll(/「([^「」\n]*)」/g)) {
    const body = m[1].trim();
    const s = m.index!;
    const e = s + m[0].length;
    if (spans.some(([a, b]) => a >= s && b <= e) || (body.length >= 8 && known.some((k) => k.includes(body)))) spans.push([s, e]);
  }
  return spans;
}

/** Short forms outside the exempt spans (code, signatures, Windows text). */
export function reportable(text: string, exempt: Span[], fragments: string[], known: string[]): KatakanaHit[] {
  const hits = shortForms(text);
  if (!hits.length) return [];
  const spans = [...exempt, ...windowsSpans(text, fragments, known)];
  return hits.filter((h) => !inside(spans, h.start, h.end));
}

/** `text` with every hit lengthened. */
export function lengthen(text: string, hits: KatakanaHit[]): string {
  let out = '';
  let at = 0;
  for (const h of [...hits].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, h.start) + h.long;
    at = h.end;
  }
  return out + text.slice(at);
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
