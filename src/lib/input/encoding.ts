/**
 * Which text encoding a file is in, decided the same way in the CLI, the drop zone, the file
 * picker and the worker, with the platform's WHATWG TextDecoder (browsers and Node ship utf-8,
 * utf-16le/be and shift_jis):
 * 1. a BOM (UTF-8, UTF-16LE — Event Viewer "Save as text", PowerShell 5 Out-File —, UTF-16BE);
 * 2. UTF-16 without a BOM when the zero bytes clearly sit in every other position;
 * 3. valid UTF-8 (checked with a fatal decoder);
 * 4. Shift_JIS / CP932 (Japanese console output redirected to a file), also checked fatally.
 * Anything else is refused with a message naming the encodings tried, never shown as mojibake.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

export const ENCODING_LABEL: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  shift_jis: 'Shift_JIS (CP932)',
};

export const TRIED = 'UTF-8、UTF-16LE/BE (BOM あり・なし)、Shift_JIS (CP932)';

export interface EncodingGuess {
  encoding: TextEncodingName;
  /** Bytes of BOM to skip. */
  bom: number;
  /** How it was decided (for notices). */
  why: 'bom' | 'utf16-pattern' | 'utf8-valid' | 'shift_jis-valid' | 'ascii';
}

/** UTF-16 without BOM: zero bytes in (nearly) all odd positions and (almost) none in even ones, or the reverse. */
export function utf16Pattern(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(b.length, 8192) & ~1;
  if (n < 8) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) zeroEven++;
    if (b[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd >= pairs * 0.3 && zeroEven <= pairs * 0.02) return 'utf-16le';
  if (zeroEven >= pairs * 0.3 && zeroOdd <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

function valid(enc: string, b: Uint8Array, complete: boolean): boolean {
  try {
    // stream: true lets a sample end inside a multi-byte character
    new TextDecoder(enc, { fatal: true }).decode(b, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * Guess the encoding from the first bytes of a file (`complete` when they are the whole file).
 * Returns undefined when no encoding fits.
 */
export function guessEncoding(head: Uint8Array, complete = true): EncodingGuess | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3, why: 'bom' };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2, why: 'bom' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2, why: 'bom' };
  const u16 = utf16Pattern(head);
  if (u16) return { encoding: u16, bom: 0, why: 'utf16-pattern' };
  let ascii = true;
  for (let i = 0; i < head.length; i++) if (head[i] > 0x7f) (ascii = false), (i = head.length);
  if (ascii) return { encoding: 'utf-8', bom: 0, why: 'ascii' };
  if (valid('utf-8', head, complete)) return { encoding: 'utf-8', bom: 0, why: 'utf8-valid' };
  if (valid('shift_jis', head, complete)) return { encoding: 'shift_jis', bom: 0, why: 'shift_jis-valid' };
  return undefined;
}

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName; notice?: string } | { ok: false; message: string };

/** A short Japanese note when the encoding was not plain UTF-8 (shown with the report). */
export function encodingNotice(g: EncodingGuess): string | undefined {
  if (g.encoding === 'utf-8') return undefined;
  const how = g.why === 'bom' ? 'BOM から' : g.why === 'utf16-pattern' ? 'バイトの並びから' : '内容から';
  return `ファイルの文字コードを ${how} ${ENCODING_LABEL[g.encoding]} と判断して読みました。`;
}

export function undecodableMessage(name?: string): string {
  return `${name ? `「${name}」は` : 'このファイルは'}テキストとして読めませんでした。試した文字コード: ${TRIED}。保存し直すときは UTF-8 か UTF-16 を選んでください。`;
}

/** Decode a whole file's bytes. Never throws. */
export function decodeBytes(bytes: Uint8Array, name?: string): DecodedText {
  const g = guessEncoding(bytes, true);
  if (!g) return { ok: false, message: undecodableMessage(name) };
  try {
    const text = new TextDecoder(g.encoding, { fatal: g.why !== 'bom' && g.why !== 'utf16-pattern' }).decode(bytes.subarray(g.bom));
    const notice = encodingNotice(g);
    return notice ? { ok: true, text, encoding: g.encoding, notice } : { ok: true, text, encoding: g.encoding };
  } catch {
    // the head looked like UTF-8 but a later byte is not: try Shift_JIS for the whole file
    if (g.encoding === 'utf-8' && valid('shift_jis', bytes, true)) {
      const text = new TextDecoder('shift_jis').decode(bytes);
      return { ok: true, text, encoding: 'shift_jis', notice: encodingNotice({ encoding: 'shift_jis', bom: 0, why: 'shift_jis-valid' }) };
    }
    return { ok: false, message: undecodableMessage(name) };
  }
}
