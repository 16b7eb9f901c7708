/**
 * Walk an .evtx file chunk by chunk. The file is never needed whole: each 64 KiB chunk carries its
 * own string and template tables, so a caller can read the file in slices (Node fs, Blob.slice in
 * a worker) and memory stays at one chunk plus the records of the current batch.
 */
import { CHUNK_SIZE, HEADER_SIZE, readChunk, readFileHeader, type ChunkResult, type Damage, type EvtxRecord, type FileHeader } from './chunk.ts';

export interface EvtxReadResult {
  header: FileHeader;
  records: EvtxRecord[];
  damaged: Damage[];
  notices: string[];
  bytes: number;
}

/** Offsets of the chunks of a file of `size` bytes (the header's chunk count is not trusted). */
export function chunkOffsets(size: number): number[] {
  const out: number[] = [];
  for (let off = HEADER_SIZE; off < size; off += CHUNK_SIZE) out.push(off);
  return out;
}

/** Read a whole in-memory file (tests, small files). Never throws. */
export function readEvtx(bytes: Uint8Array): EvtxReadResult {
  const header = readFileHeader(bytes.subarray(0, HEADER_SIZE));
  const out: EvtxReadResult = { header, records: [], damaged: [], notices: [...header.notices], bytes: bytes.length };
  for (const off of chunkOffsets(bytes.length)) addChunk(out, safeChunk(bytes.subarray(off, off + CHUNK_SIZE), off));
  return out;
}

/** readChunk with a last guard, so an unexpected bug costs one chunk, not the file. */
export function safeChunk(b: Uint8Array, off: number): ChunkResult {
  try {
    return readChunk(b, off);
  } catch (err) {
    return { records: [], damaged: [{ offset: off, reason: `chunk could not be read: ${err instanceof Error ? err.message : String(err)}` }], notices: [] };
  }
}

function addChunk(out: EvtxReadResult, r: ChunkResult): void {
  for (const x of r.records) out.records.push(x);
  for (const d of r.damaged) out.damaged.push(d);
  for (const n of r.notices) out.notices.push(n);
}
