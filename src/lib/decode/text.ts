/**
 * Low-level text helpers shared by every parser: character folding for matching, a line index with
 * offsets into the original input, terminal-prefix stripping, UTF-8 cutting, address checks.
 * Nothing here uses regular expressions on untrusted input.
 */

/** Marker in FOLD for characters that matching ignores (white space, quotes, zero-width). */
export const SKIP = 0xffff;

/**
 * FOLD[c] = the code a UTF-16 unit is compared as: ASCII lower case, full-width ASCII folded to
 * half width (NFKC for the ranges that matter), dashes unified, white space and quotes skipped.
 */
export const FOLD: Uint16Array = (() => {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 32;
  for (let c = 0xff01; c <= 0xff5e; c++) {
    let a = c - 0xfee0;
    if (a >= 0x41 && a <= 0x5a) a += 32;
    t[c] = a;
  }
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff, 0x200b, 0x200c, 0x200d, 0x2060])
    t[c] = SKIP;
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = SKIP;
  for (const c of [0x22, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x301d, 0x301e, 0x301f, 0xff02]) t[c] = SKIP;
  for (const c of [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0xff07]) t[c] = 0x27;
  for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63, 0xff0d]) t[c] = 0x2d;
  t[0xff61] = 0x3002; // half-width 。
  t[0xff64] = 0x3001; // half-width 、
  return t;
})();

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0x3000 || c === 0xa0 || c === 0x0b || c === 0x0c || c === 0xfeff;
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

export function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Fold a whole string (skipped characters dropped). */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const f = FOLD[s.charCodeAt(i)];
    if (f !== SKIP) out += String.fromCharCode(f);
  }
  return out;
}

/**
 * Key used to compare short values (failure reasons, extra status): folded, digit runs -> '#',
 * sentence punctuation dropped so 「…しました。」 and 「…しました」 compare equal.
 */
export function looseKey(s: string): string {
  // Codes go to a scratch buffer and become one string at the end: appending one character at a
  // time builds a chain of intermediate strings, which was a large share of all allocation.
  if (s.length > KEY_BUF.length) return looseKeySlow(s);
  const buf = KEY_BUF;
  let n = 0;
  let inDigits = false;
  for (let i = 0; i < s.length; i++) {
    const f = FOLD[s.charCodeAt(i)];
    if (f === SKIP) continue;
    if (f >= 0x30 && f <= 0x39) {
      if (!inDigits) buf[n++] = 0x23;
      inDigits = true;
      continue;
    }
    inDigits = false;
    if (f === 0x2e || f === 0x3002 || f === 0x3001 || f === 0x2c || f === 0x21 || f === 0x3f || f === 0x2d || f === 0x7c || f === 0x3a || f === 0x2f) continue;
    buf[n++] = f;
  }
  return n ? String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]) : '';
}

const KEY_BUF = new Uint16Array(2048);

function looseKeySlow(s: string): string {
  let out = '';
  let inDigits = false;
  for (let i = 0; i < s.length; i++) {
    const f = FOLD[s.charCodeAt(i)];
    if (f === SKIP) continue;
    if (f >= 0x30 && f <= 0x39) {
      if (!inDigits) out += '#';
      inDigits = true;
      continue;
    }
    inDigits = false;
    if (f === 0x2e || f === 0x3002 || f === 0x3001 || f === 0x2c || f === 0x21 || f === 0x3f || f === 0x2d || f === 0x7c || f === 0x3a || f === 0x2f) continue;
    out += String.fromCharCode(f);
  }
  return out;
}

/** Line index: start and end (exclusive, without CR/LF) of every line of the input. */
export interface LineIndex {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
}

export function indexLines(text: string): LineIndex {
  let cap = 1024;
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let n = 0;
  let pos = 0;
  const len = text.length;
  while (pos <= len) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    if (n === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(cap);
      e2.set(ends);
      ends = e2;
    }
    starts[n] = pos;
    ends[n] = end;
    n++;
    if (nl >= len) break;
    pos = nl + 1;
  }
  // A trailing newline does not make an extra empty line.
  if (n > 1 && starts[n - 1] === len) n--;
  return { count: n, starts, ends };
}

/** Index of the line that contains offset `pos` (binary search). */
export function lineOf(lines: LineIndex, pos: number): number {
  let lo = 0;
  let hi = lines.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines.starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface LinePrefix {
  /** Where the content starts after any quote marks or prompt. */
  start: number;
  /** True when a command prompt (`C:\>`, `PS C:\>`) was removed: the rest is the command typed. */
  prompt: boolean;
}

/**
 * Remove terminal or mail prefixes from one line: `> ` quote marks (several levels), `C:\…>` and
 * `PS C:\…>` prompts. Bounded: looks at most 260 characters ahead.
 */
export function stripPrefix(text: string, s: number, e: number): LinePrefix {
  const start = prefixStart(text, s, e);
  return { start, prompt: lastPrompt };
}

/** Set by prefixStart: whether the last call removed a command prompt. */
let lastPrompt = false;

/** stripPrefix without the result object (hot paths): returns the start, sets `lastPrompt`. */
function prefixStart(text: string, s: number, e: number): number {
  let p = s;
  let prompt = false;
  // leading blanks before a quote mark or a prompt
  let q = p;
  while (q < e && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x09)) q++;
  // quote marks: "> ", ">> ", "> > "
  let guard = 0;
  while (q < e && text.charCodeAt(q) === 0x3e && guard < 8) {
    const n = q + 1 < e ? text.charCodeAt(q + 1) : 0x20;
    if (n !== 0x20 && n !== 0x3e && n !== 0x09) break;
    q++;
    while (q < e && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x09)) q++;
    p = q;
    guard++;
  }
  // prompt: [PS ]X:\path>
  let r = q;
  if (r + 2 < e && text.charCodeAt(r) === 0x50 && text.charCodeAt(r + 1) === 0x53 && text.charCodeAt(r + 2) === 0x20) r += 3;
  if (r + 2 < e && isAsciiLetter(text.charCodeAt(r)) && text.charCodeAt(r + 1) === 0x3a && text.charCodeAt(r + 2) === 0x5c) {
    const limit = Math.min(e, r + 260);
    let k = r + 3;
    while (k < limit) {
      const c = text.charCodeAt(k);
      if (c === 0x3e) break;
      if (c === 0x3c || c === 0x7c || c === 0x22 || c === 0x3f || c === 0x2a) {
        k = limit;
        break;
      }
      k++;
    }
    if (k < limit && text.charCodeAt(k) === 0x3e) {
      p = k + 1;
      while (p < e && text.charCodeAt(p) === 0x20) p++;
      prompt = true;
    }
  }
  lastPrompt = prompt;
  return p;
}

/**
 * stripPrefix(text, s, le).start where le is the end of the line that starts at s (the first '\n'
 * in [s, end), else end), without searching for that line end first: the scan stops at a '\n' on
 * its own. Used while matching across line breaks, where the next line may be very long.
 */
export function prefixStartToEol(text: string, s: number, end: number): number {
  // Every position below is reached by a forward scan from s over characters that are not '\n',
  // so "x < le" is "x < end" plus "text[x] is not '\n'", and no accepted character is a '\n'.
  let p = s;
  let q = p;
  while (q < end && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x09)) q++;
  let guard = 0;
  while (q < end && text.charCodeAt(q) === 0x3e && guard < 8) {
    const nx = q + 1 < end ? text.charCodeAt(q + 1) : 0x20;
    const n = nx === 0x0a ? 0x20 : nx;
    if (n !== 0x20 && n !== 0x3e && n !== 0x09) break;
    q++;
    while (q < end && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x09)) q++;
    p = q;
    guard++;
  }
  let r = q;
  if (r + 2 < end && text.charCodeAt(r) === 0x50 && text.charCodeAt(r + 1) === 0x53 && text.charCodeAt(r + 2) === 0x20) r += 3;
  if (r + 2 < end && isAsciiLetter(text.charCodeAt(r)) && text.charCodeAt(r + 1) === 0x3a && text.charCodeAt(r + 2) === 0x5c) {
    const limit = Math.min(end, r + 260);
    let k = r + 3;
    while (k < limit) {
      const c = text.charCodeAt(k);
      if (c === 0x3e) break;
      if (c === 0x0a || c === 0x3c || c === 0x7c || c === 0x22 || c === 0x3f || c === 0x2a) {
        k = limit;
        break;
      }
      k++;
    }
    if (k < limit && text.charCodeAt(k) === 0x3e) {
      p = k + 1;
      while (p < end && text.charCodeAt(p) === 0x20) p++;
    }
  }
  return p;
}

/**
 * Content range of every line: prefix (quote marks, prompt) stripped and white space trimmed, and
 * whether a prompt was removed. One pass, no per-line allocation.
 */
export function lineContents(text: string, starts: Int32Array, ends: Int32Array, count: number): { cs: Int32Array; ce: Int32Array; pr: Uint8Array } {
  const cs = new Int32Array(count);
  const ce = new Int32Array(count);
  const pr = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const s = starts[i];
    const e = ends[i];
    let p = s;
    const c = s < e ? text.charCodeAt(s) : 0;
    // fast path: no quote mark, no prompt possible
    if (c === 0x3e || c === 0x20 || c === 0x09 || (s + 2 < e && text.charCodeAt(s + 1) === 0x3a) || c === 0x50) {
      // indented lines (Oakley.log, event text) rarely hold a quote mark or a prompt after the blanks
      let q = s;
      while (q < e && (text.charCodeAt(q) === 0x20 || text.charCodeAt(q) === 0x09)) q++;
      const d = q < e ? text.charCodeAt(q) : 0;
      if (d === 0x3e || d === 0x50 || (q + 2 < e && text.charCodeAt(q + 1) === 0x3a)) {
        p = prefixStart(text, s, e);
        if (lastPrompt) pr[i] = 1;
      }
    }
    let q = e;
    while (p < q && isSpace(text.charCodeAt(p))) p++;
    while (q > p && isSpace(text.charCodeAt(q - 1))) q--;
    cs[i] = p;
    ce[i] = q;
  }
  return { cs, ce, pr };
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Start of the content of a line after quote marks / prompt, without allocating (hot paths). */
export function prefixEnd(text: string, s: number, e: number): number {
  if (s >= e) return s;
  const c = text.charCodeAt(s);
  if (c === 0x3e || c === 0x20 || c === 0x09 || c === 0x50 || (s + 2 < e && text.charCodeAt(s + 1) === 0x3a)) return prefixStart(text, s, e);
  return s;
}

/** [start, end) with white space removed at both ends. */
export function trimRange(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}

const encoder: { encodeInto(s: string, d: Uint8Array): { read: number; written: number } } | undefined = typeof TextEncoder === 'function' ? new TextEncoder() : undefined;

/** Chunk size (UTF-16 units) for counting with encodeInto: a small fixed scratch buffer, no input-sized allocation. */
const CHUNK = 1 << 16;
let scratch: Uint8Array | undefined;

/** UTF-8 length of s[from, to) by a JS loop (lone surrogates count as 3 bytes, as the encoder writes U+FFFD). */
function utf8LengthLoop(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** End of the chunk that starts at i: never between the two halves of a surrogate pair. */
function chunkEnd(s: string, i: number): number {
  let j = i + CHUNK;
  if (j >= s.length) return s.length;
  if ((s.charCodeAt(j - 1) & 0xfc00) === 0xd800) j--;
  return j;
}

/** UTF-8 length of a string (lone surrogates count as 3 bytes, as the encoder writes U+FFFD). */
export function utf8Length(s: string): number {
  if (!encoder || s.length <= 4096) return utf8LengthLoop(s, 0, s.length);
  // the native encoder into a reused buffer is ~10x faster than a charCodeAt loop
  scratch ??= new Uint8Array(CHUNK * 3);
  let n = 0;
  for (let i = 0; i < s.length; ) {
    const j = chunkEnd(s, i);
    n += encoder.encodeInto(s.slice(i, j), scratch).written;
    i = j;
  }
  return n;
}

/**
 * Character index where the UTF-8 encoding of `s` reaches `maxBytes` (never inside a surrogate pair),
 * or -1 when the whole string fits.
 */
export function utf8CutIndex(s: string, maxBytes: number): number {
  // Fast path: even at 3 bytes per UTF-16 unit the string fits.
  if (s.length * 3 <= maxBytes) return -1;
  let n = 0;
  let i = 0;
  if (encoder && s.length > 4096) {
    // whole chunks by the native encoder, then the chunk that crosses the limit character by character
    scratch ??= new Uint8Array(CHUNK * 3);
    while (i < s.length) {
      const j = chunkEnd(s, i);
      const w = encoder.encodeInto(s.slice(i, j), scratch).written;
      if (n + w > maxBytes) break;
      n += w;
      i = j;
    }
    if (i >= s.length) return -1;
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let w = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    let step = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        w = 4;
        step = 2;
      }
    }
    if (n + w > maxBytes) return i;
    n += w;
    i += step - 1;
  }
  return -1;
}

/** True for a dotted-quad IPv4 address (each part 0–255). */
export function isIPv4(s: string): boolean {
  let parts = 0;
  let digits = 0;
  let val = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      digits++;
      if (digits > 3) return false;
      val = val * 10 + (c - 0x30);
      if (val > 255) return false;
    } else if (c === 0x2e) {
      if (digits === 0) return false;
      parts++;
      if (parts > 3) return false;
      digits = 0;
      val = 0;
    } else return false;
  }
  return parts === 3 && digits > 0;
}

/** True for subnet masks and addresses that identify nobody (0.0.0.0, 255.x masks, loopback). */
export function isNeutralAddress(s: string): boolean {
  if (s === '0.0.0.0' || s === '127.0.0.1' || s === '255.255.255.255') return true;
  if (!isIPv4(s)) return false;
  const parts = s.split('.').map(Number);
  if (parts[0] !== 255) return false;
  const ok = new Set([0, 128, 192, 224, 240, 248, 252, 254, 255]);
  let zeroSeen = false;
  for (const p of parts) {
    if (!ok.has(p)) return false;
    if (zeroSeen && p !== 0) return false;
    if (p !== 255) zeroSeen = true;
  }
  return true;
}

/**
 * True for an IPv6 address in any spelling: full (2001:0db8:0:0:0:0:0:1), compressed (fe80::1,
 * 2001:db8::), or with an IPv4 tail (::ffff:10.0.0.1). No zone index (%12): strip it first.
 */
export function isIPv6(s: string): boolean {
  if (s.length < 2 || s.length > 45 || s.indexOf(':') < 0) return false;
  let head = s;
  let v4Groups = 0;
  const last = s.lastIndexOf(':');
  if (s.indexOf('.', last) >= 0) {
    // an IPv4 tail stands for the last two groups
    if (!isIPv4(s.slice(last + 1))) return false;
    head = s.slice(0, last + 1);
    if (!head.endsWith('::')) head = head.slice(0, -1);
    v4Groups = 2;
  }
  const dbl = head.indexOf('::');
  if (dbl >= 0 && head.indexOf('::', dbl + 1) >= 0) return false;
  let groups = v4Groups;
  // groups on each side of "::" (or of the whole head): 1-4 hex digits each
  const parts = dbl >= 0 ? [head.slice(0, dbl), head.slice(dbl + 2)] : [head];
  for (const part of parts) {
    if (part === '') continue;
    let n = 0;
    for (let i = 0; i <= part.length; i++) {
      const c = i < part.length ? part.charCodeAt(i) : 0x3a;
      if (c === 0x3a) {
        if (n === 0 || n > 4) return false;
        groups++;
        n = 0;
      } else if (isHexDigit(c)) n++;
      else return false;
    }
  }
  return dbl >= 0 ? groups <= 7 : groups === 8;
}

/** Find an IPv4 address inside a short string; returns [start, end) or null. */
export function findIPv4(s: string, from = 0): [number, number] | null {
  const n = s.length;
  let i = from;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isDigit(c) && (i === 0 || !isDigit(s.charCodeAt(i - 1)) && s.charCodeAt(i - 1) !== 0x2e)) {
      let j = i;
      while (j < n && j - i < 15 && (isDigit(s.charCodeAt(j)) || s.charCodeAt(j) === 0x2e)) j++;
      let k = j;
      while (k > i && s.charCodeAt(k - 1) === 0x2e) k--;
      if (isIPv4(s.slice(i, k))) return [i, k];
      i = j + 1;
    } else i++;
  }
  return null;
}

/**
 * indexOf limited to [from, to): never scans past `to` (a plain indexOf would search to the end of
 * the input when the needle is absent, which turns line-by-line parsing quadratic).
 */
export function indexIn(text: string, needle: string, from: number, to: number): number {
  if (from < 0) from = 0;
  if (to > text.length) to = text.length;
  const m = needle.length;
  if (to - from < m) return -1;
  if (m === 0) return from;
  if (to - from > 256) {
    const r = text.slice(from, to).indexOf(needle);
    return r < 0 ? -1 : r + from;
  }
  // short ranges (most calls: within one line): a plain scan, no substring allocation
  const c0 = needle.charCodeAt(0);
  const last = to - m;
  outer: for (let i = from; i <= last; i++) {
    if (text.charCodeAt(i) !== c0) continue;
    for (let k = 1; k < m; k++) if (text.charCodeAt(i + k) !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** Japanese/English text shortened to `max` characters with an ellipsis. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

/** Collapse runs of white space to single spaces and trim. */
export function squash(s: string): string {
  let out = '';
  let sp = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      sp = out.length > 0;
      continue;
    }
    if (sp) out += ' ';
    sp = false;
    out += s[i];
  }
  return out;
}

/** ASCII-case-insensitive "does text at pos start with word". */
export function startsWithCI(text: string, pos: number, word: string, end = text.length): boolean {
  if (pos + word.length > end) return false;
  for (let i = 0; i < word.length; i++) {
    let a = text.charCodeAt(pos + i);
    let b = word.charCodeAt(i);
    if (a === b) continue;
    if (a >= 0x41 && a <= 0x5a) a += 32;
    if (b >= 0x41 && b <= 0x5a) b += 32;
    if (a !== b) return false;
  }
  return true;
}

