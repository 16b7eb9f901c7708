/**
 * Bytes in → report out, for one file, read in slices: the same path for the CLI (fs reads), the
 * worker (Blob slices) and the tests (an in-memory buffer). The size and kind are checked from
 * the first 64 KiB before anything else is read; .evtx goes to the EVTX reader chunk by chunk;
 * text is decoded with the detected encoding in 1 MiB slices cut at line ends and decoded in
 * batches, so neither the page nor the CLI ever holds a large file as one string.
 */
import type { Catalogue } from '../catalogue/types.ts';
import type { DecodeReport, ParserHint } from '../decode/types.ts';
import { EvtxDecodeSession } from '../evtx/decode.ts';
import { combine } from '../decode/verdict.ts';
import { decodeEvtxSlices, type SliceReader } from '../evtx/index.ts';
import { decodeBytes, encodingNotice, guessEncoding, undecodableMessage, type TextEncodingName } from './encoding.ts';
import { readEvtx } from '../evtx/reader.ts';
import { SNIFF_BYTES, refusalMessage, sniff, type FileKind } from './sniff.ts';

export const TEXT_SLICE = 1024 * 1024;
/** Characters of text per decode batch (the decoder cuts at 5 MB of UTF-8). */
export const TEXT_BATCH = 1_500_000;

export interface FileReadOptions {
  scope?: string;
  /** Parser hint (IPsec_Debug.vbs file names, see decode/bundle.ts classifyFile). */
  hint?: ParserHint;
  onProgress?: (done: number, total: number) => void;
  signal?: { aborted: boolean };
  /** Keep the decoded text when the file is this small or smaller (to show it in the paste box). */
  keepTextUpTo?: number;
}

export interface FileResult {
  name: string;
  kind: FileKind['kind'];
  encoding?: TextEncodingName;
  /** Set when the file was refused or could not be decoded: the report then holds this message. */
  refused?: string;
  report: DecodeReport;
  /** The text (or the .evtx's XML rendering) when small enough to show. */
  text?: string;
}

export function refusedReport(message: string, bytes: number): DecodeReport {
  const v = { ...combine([]), reason: message };
  return { verdict: v.verdict, verdictReason: v.reason, verdictInfo: v, input: { bytes, lines: 0, format: 'empty' }, findings: [], summary: [], unrecognised: [], notices: [message], firstLook: [], stats: { findings: 0, events: 0, unrecognised: 0 } };
}

/** Where to cut a decoded slice: after the last blank line, else after the last line end. */
function cutPoint(s: string): number {
  const blank = Math.max(s.lastIndexOf('\n\n'), s.lastIndexOf('\r\n\r\n'));
  if (blank > s.length / 2) return s.indexOf('\n', blank + 1) + 1 || s.length;
  const nl = s.lastIndexOf('\n');
  return nl >= 0 ? nl + 1 : s.length;
}

/** Read and decode one file. Never throws. */
export async function decodeFile(read: SliceReader, size: number, name: string, cat: Catalogue, opts: FileReadOptions = {}): Promise<FileResult> {
  try {
    const head = await read(0, Math.min(SNIFF_BYTES, size));
    const kind = sniff(head, size <= SNIFF_BYTES);
    const refused = refusalMessage(name, size, kind);
    if (refused) return { name, kind: kind.kind, refused, report: refusedReport(refused, size) };
    if (kind.kind === 'evtx') {
      const keep = size <= (opts.keepTextUpTo ?? 0);
      const session = new EvtxDecodeSession(cat, { scope: opts.scope, keepText: keep });
      const report = await decodeEvtxSlices(read, size, cat, { scope: opts.scope, onProgress: opts.onProgress, signal: opts.signal, keepText: keep }, session);
      return keep ? { name, kind: 'evtx', report, text: session.text } : { name, kind: 'evtx', report };
    }
    const g = guessEncoding(head, size <= SNIFF_BYTES);
    if (!g) {
      const m = undecodableMessage(name);
      return { name, kind: 'text', refused: m, report: refusedReport(m, size) };
    }
    let enc: TextEncodingName = g.encoding;
    let skip = g.bom;
    // a valid-looking UTF-8 head can still hit Shift_JIS bytes later: restart once with Shift_JIS
    for (let attempt = 0; attempt < 2; attempt++) {
      const r = await decodeText(read, size, skip, enc, cat, opts);
      if (r !== 'invalid') {
        const notice = encodingNotice({ ...g, encoding: enc, why: attempt ? 'shift_jis-valid' : g.why });
        if (notice) r.report.notices.unshift(notice);
        return { name, kind: 'text', encoding: enc, report: r.report, ...(r.text !== undefined ? { text: r.text } : {}) };
      }
      if (enc !== 'utf-8') break;
      enc = 'shift_jis';
      skip = 0;
    }
    const m = undecodableMessage(name);
    return { name, kind: 'text', refused: m, report: refusedReport(m, size) };
  } catch (err) {
    const m = `「${name}」を読めませんでした (${err instanceof Error ? err.message : String(err)})。`;
    return { name, kind: 'text', refused: m, report: refusedReport(m, size) };
  }
}

async function decodeText(read: SliceReader, size: number, from: number, enc: TextEncodingName, cat: Catalogue, opts: FileReadOptions): Promise<{ report: DecodeReport; text?: string } | 'invalid'> {
  const strict = enc === 'utf-8' || enc === 'shift_jis';
  const dec = new TextDecoder(enc, { fatal: strict });
  const session = new EvtxDecodeSession(cat, { scope: opts.scope, hint: opts.hint });
  const keep = size <= (opts.keepTextUpTo ?? 0);
  let kept = '';
  let carry = '';
  let batch = '';
  try {
    for (let off = from; off < size; off += TEXT_SLICE) {
      if (opts.signal?.aborted) {
        session.notice('中断されました: 途中までの結果です。');
        break;
      }
      const last = off + TEXT_SLICE >= size;
      const s = carry + dec.decode(await read(off, Math.min(TEXT_SLICE, size - off)), { stream: !last });
      const cut = last ? s.length : cutPoint(s);
      carry = s.slice(cut);
      batch += s.slice(0, cut);
      if (batch.length >= TEXT_BATCH || last) {
        if (keep) kept += batch;
        session.addText(batch);
        batch = '';
      }
      opts.onProgress?.(Math.min(size, off + TEXT_SLICE), size);
    }
    if (batch || carry) {
      if (keep) kept += batch + carry;
      session.addText(batch + carry);
    }
  } catch (err) {
    if (err instanceof TypeError && strict) return 'invalid';
    throw err;
  }
  const report = session.finish(size, false);
  // one batch: the report is exactly decode(text); keep the decoder's own byte count
  return keep ? { report, text: kept } : { report };
}

/** Characters of text one bundle file may add (the decoder reads 5 MB per file at most). */
export const MAX_BUNDLE_FILE_CHARS = 5_000_000;

/**
 * A file as text for the IPsec_Debug.vbs bundle view: text in its detected encoding, an .evtx as
 * its records' event XML. Too large, binary or undecodable files come back as `refused`.
 */
export async function readFileText(read: SliceReader, size: number, name: string): Promise<{ text: string } | { refused: string }> {
  try {
    const head = await read(0, Math.min(SNIFF_BYTES, size));
    const kind = sniff(head, size <= SNIFF_BYTES);
    const refused = refusalMessage(name, size, kind);
    if (refused) return { refused };
    if (kind.kind === 'evtx') {
      if (size > 4 * 1024 * 1024) return { refused: `「${name}」は一式の表示には大きすぎる .evtx です。1 つずつ選んでください。` };
      const r = readEvtx(await read(0, size));
      return { text: r.records.map((x) => x.xml).join('\n') };
    }
    if (size > MAX_BUNDLE_FILE_CHARS * 2) return { refused: `「${name}」は一式の表示には大きすぎます。1 つずつ選んでください。` };
    const r = decodeBytes(await read(0, size), name);
    return r.ok ? { text: r.text } : { refused: r.message };
  } catch (err) {
    return { refused: `「${name}」を読めませんでした (${err instanceof Error ? err.message : String(err)})。` };
  }
}
