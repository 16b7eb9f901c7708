/**
 * What a file is, from its first bytes, before it is read whole: an .evtx log, text, or binary
 * (refused with a message: a 10 MB binary must not hang the page), and size limits checked
 * before reading.
 */
import { guessEncoding, utf16Pattern } from './encoding.ts';

/** Bytes to read first to decide. */
export const SNIFF_BYTES = 64 * 1024;
/** Text up to this size is read whole in the page (the rest goes to the worker in slices). */
export const INLINE_TEXT_BYTES = 256 * 1024;
/** Largest text file read at all (the decoder works on it in slices). */
export const MAX_TEXT_BYTES = 200 * 1024 * 1024;
/** Largest .evtx file read (chunk by chunk). */
export const MAX_EVTX_BYTES = 2 * 1024 * 1024 * 1024;

/** "ElfFile\0": the .evtx file signature (kept here so the page can sniff without the reader). */
const isEvtx = (b: Uint8Array) => b.length >= 8 && [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00].every((x, i) => b[i] === x);

export type FileKind = { kind: 'evtx' } | { kind: 'text' } | { kind: 'binary'; why: string };

const MAGIC: [string, number[]][] = [
  ['ZIP / Office 文書', [0x50, 0x4b, 0x03, 0x04]],
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['実行ファイル', [0x4d, 0x5a]],
  ['PNG 画像', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG 画像', [0xff, 0xd8, 0xff]],
  ['GIF 画像', [0x47, 0x49, 0x46, 0x38]],
  ['gzip 圧縮', [0x1f, 0x8b]],
  ['7-Zip 圧縮', [0x37, 0x7a, 0xbc, 0xaf]],
  ['CAB 圧縮', [0x4d, 0x53, 0x43, 0x46]],
  ['旧形式のイベント ログ (.evt)', [0x30, 0x00, 0x00, 0x00, 0x4c, 0x66, 0x4c, 0x65]],
  ['ネットワーク キャプチャ (.etl / .pcap)', [0xd4, 0xc3, 0xb2, 0xa1]],
];

/** Decide from the first bytes (`complete` when they are the whole file). */
export function sniff(head: Uint8Array, complete = false): FileKind {
  if (isEvtx(head)) return { kind: 'evtx' };
  for (const [what, m] of MAGIC) if (m.every((x, i) => head[i] === x)) return { kind: 'binary', why: what };
  const g = guessEncoding(head, complete);
  if (!g) return { kind: 'binary', why: 'テキストの文字コード (UTF-8 / UTF-16 / Shift_JIS) に当てはまりません' };
  if (g.encoding === 'utf-8' || g.encoding === 'shift_jis') {
    // control characters other than tab, CR, LF, FF, ESC mean binary data
    let ctl = 0;
    const n = Math.min(head.length, 8192);
    for (let i = 0; i < n; i++) {
      const c = head[i];
      if (c === 0) return { kind: 'binary', why: 'NUL バイトを含みます' };
      if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 0x1b) ctl++;
    }
    if (ctl > n * 0.01) return { kind: 'binary', why: '制御文字が多く含まれます' };
  } else if (!utf16Pattern(head) && g.why !== 'bom') return { kind: 'binary', why: 'UTF-16 として読めません' };
  return { kind: 'text' };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

export function refusalMessage(name: string, size: number, k: FileKind): string | undefined {
  if (k.kind === 'binary') return `「${name}」(${mb(size)}) はテキストでも .evtx でもないため読みませんでした (${k.why})。イベント ログは .evtx のまま、またはテキスト / CSV / XML で保存して選んでください。`;
  if (k.kind === 'text' && size > MAX_TEXT_BYTES) return `「${name}」(${mb(size)}) は大きすぎます。テキストは ${mb(MAX_TEXT_BYTES)} までです。期間やイベント ID で絞り込んで保存し直すか、.evtx のまま選んでください。`;
  if (k.kind === 'evtx' && size > MAX_EVTX_BYTES) return `「${name}」(${mb(size)}) は大きすぎます (.evtx は ${mb(MAX_EVTX_BYTES)} まで)。`;
  return undefined;
}
