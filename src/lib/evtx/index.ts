/**
 * .evtx reader (Windows XML Event Log files: Event Viewer "Save All Events As…", `wevtutil epl`,
 * winevt\Logs) in pure TypeScript, for the browser, the worker and Node alike.
 *
 * Why hand-written: no maintained JavaScript library reads .evtx (readers exist in Rust, Python
 * and C — omerbenamram/evtx, python-evtx, libevtx — none usable in a static page without sending
 * the file anywhere), and nothing a user drops may leave the browser.
 *
 * Layers: bytes.ts/values.ts (reads and value formats) → binxml.ts (Binary XML, templates,
 * substitutions, per-chunk string and template caches) → chunk.ts (file header, chunks, records,
 * damage) → reader.ts (whole files) / readEvtxSlices (streamed) → decode.ts (event XML through the
 * ordinary decoder, batched). Checked against libevtx's evtxexport on real files
 * (samples.test.ts, fixtures in test/fixtures/evtx made by scripts/evtx-fixtures.ts).
 */
import type { Catalogue } from '../catalogue/types.ts';
import { CHUNK_SIZE, HEADER_SIZE, isEvtx, readFileHeader } from './chunk.ts';
import { EvtxDecodeSession, type EvtxDecodeOptions, type EvtxReport } from './decode.ts';
import { chunkOffsets, readEvtx, safeChunk } from './reader.ts';

export { isEvtx, readEvtx, chunkOffsets, CHUNK_SIZE, HEADER_SIZE, EvtxDecodeSession };
export type { EvtxReport, EvtxDecodeOptions };
export type { EvtxRecord, Damage } from './chunk.ts';
export { eventFields, splitEvents } from './event-fields.ts';

export interface EvtxStreamOptions extends EvtxDecodeOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: { aborted: boolean };
}

/** Reads `length` bytes at `offset` (Node: fs.readSync; worker: FileReaderSync / Blob.slice). */
export type SliceReader = (offset: number, length: number) => Uint8Array | Promise<Uint8Array>;

/**
 * Decode an .evtx file read slice by slice: one 64 KiB chunk in memory at a time plus the current
 * batch of rendered XML. Never throws; a cancelled run returns what it has with a notice.
 */
export async function decodeEvtxSlices(read: SliceReader, size: number, cat: Catalogue, opts: EvtxStreamOptions = {}, session = new EvtxDecodeSession(cat, opts)): Promise<EvtxReport> {
  try {
    const header = readFileHeader(await read(0, Math.min(HEADER_SIZE, size)));
    for (const n of header.notices) session.notice(n);
    const offs = chunkOffsets(size);
    for (let i = 0; i < offs.length; i++) {
      if (opts.signal?.aborted) {
        session.notice('中断されました: 途中までの結果です。');
        break;
      }
      const bytes = await read(offs[i], Math.min(CHUNK_SIZE, size - offs[i]));
      session.add(safeChunk(bytes, offs[i]));
      opts.onProgress?.(Math.min(size, offs[i] + CHUNK_SIZE), size);
    }
  } catch (err) {
    session.notice(`.evtx の読み取り中にエラーが発生したため、途中までの結果です (${err instanceof Error ? err.message : String(err)})。`);
  }
  return session.finish(size);
}

/** Decode an .evtx file held in memory (synchronous). */
export function decodeEvtx(bytes: Uint8Array, cat: Catalogue, opts: EvtxDecodeOptions = {}): EvtxReport {
  const session = new EvtxDecodeSession(cat, opts);
  const header = readFileHeader(bytes.subarray(0, HEADER_SIZE));
  for (const n of header.notices) session.notice(n);
  for (const off of chunkOffsets(bytes.length)) session.add(safeChunk(bytes.subarray(off, off + CHUNK_SIZE), off));
  return session.finish(bytes.length);
}

/** The event XML of every record, as one text (what "paste the XML rendering" means). */
export function evtxToXml(bytes: Uint8Array): string {
  return readEvtx(bytes)
    .records.map((r) => r.xml)
    .join('\n');
}
