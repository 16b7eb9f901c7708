/**
 * File header and 64 KiB chunks of an .evtx file, and the event records inside a chunk.
 *
 * File header (4096 bytes): "ElfFile\0", first/last chunk number, next record id, header size 128,
 * minor/major version (1/3), header block size 4096, chunk count, flags at 120 (1 dirty, 2 full,
 * 4 no CRC32), CRC32 of bytes 0–119 at 124.
 * Chunk header (512 bytes): "ElfChnk\0", first/last record number and id, header size 128, last
 * record offset, free space offset at 48, records CRC32 at 52, flags at 120, header CRC32 at 124
 * (over 0–119 and 128–511), then the 64-entry string table and 32-entry template table.
 * Record: 0x00002a2a, size, record id (u64), written FILETIME, Binary XML, size again.
 */
import { EvtxError, filetime, u32, u64, u64n } from './bytes.ts';
import { newChunkCtx, parseRecordXml, renderXml } from './binxml.ts';
import { crc32 } from './crc32.ts';

export const HEADER_SIZE = 4096;
export const CHUNK_SIZE = 65536;

export interface EvtxRecord {
  /** Byte offset of the record in the file. */
  offset: number;
  recordId: number;
  /** When the record was written (FILETIME in the record header), ISO form. */
  written: string;
  /** The event as Event Viewer's XML view shows it. */
  xml: string;
}

export interface Damage {
  offset: number;
  reason: string;
}

export interface FileHeader {
  ok: boolean;
  chunkCount: number;
  major: number;
  minor: number;
  dirty: boolean;
  noCrc: boolean;
  notices: string[];
}

const sig = (b: Uint8Array, at: number, s: string) => {
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
};

/** Is this the start of an .evtx file? (8-byte signature "ElfFile\0") */
export function isEvtx(head: Uint8Array): boolean {
  return head.length >= 8 && sig(head, 0, 'ElfFile\0');
}

export function readFileHeader(b: Uint8Array): FileHeader {
  const h: FileHeader = { ok: false, chunkCount: 0, major: 0, minor: 0, dirty: false, noCrc: false, notices: [] };
  if (b.length < 128 || !isEvtx(b)) {
    h.notices.push('ファイルの先頭が .evtx の形式ではありません (ElfFile の署名がありません)。チャンクを探して読める所だけ読みます。');
    return h;
  }
  h.ok = true;
  h.minor = b[36] | (b[37] << 8);
  h.major = b[38] | (b[39] << 8);
  h.chunkCount = b[42] | (b[43] << 8);
  const flags = u32(b, 120);
  h.dirty = (flags & 1) !== 0;
  h.noCrc = (flags & 4) !== 0;
  if (!h.noCrc && crc32(b, 0, 120) !== u32(b, 124)) h.notices.push('ファイル ヘッダーのチェックサムが合いません。チャンクごとに読める所を読みます。');
  if (h.dirty) h.notices.push('ログは閉じられていない状態 (dirty) で保存されています。最後のレコードが欠けていることがあります。');
  return h;
}

const allZero = (b: Uint8Array) => {
  for (let i = 0; i < b.length; i += 64) if (b[i] !== 0) return false;
  return b.every((x) => x === 0);
};

export interface ChunkResult {
  records: EvtxRecord[];
  damaged: Damage[];
  notices: string[];
}

/** A record header that looks right: signature, sane size, same size at the end. */
function recordAt(b: Uint8Array, p: number, end: number): number {
  if (p + 28 > end || b[p] !== 0x2a || b[p + 1] !== 0x2a || b[p + 2] !== 0 || b[p + 3] !== 0) return 0;
  const size = u32(b, p + 4);
  if (size < 28 || p + size > end || u32(b, p + size - 4) !== size) return 0;
  return size;
}

/** Why a record signature is there but the record is not usable (undefined: no signature). */
function brokenHeader(b: Uint8Array, p: number, end: number): string | undefined {
  if (p + 28 > end || b[p] !== 0x2a || b[p + 1] !== 0x2a || b[p + 2] !== 0 || b[p + 3] !== 0) return undefined;
  const size = u32(b, p + 4);
  const id = u64n(b, p + 8);
  if (size < 28 || p + size > end) return `record ${id}: size ${size} does not fit in the chunk`;
  return `record ${id}: size ${size} is not repeated at its end (the record was not completely written)`;
}

/**
 * Read every record of one chunk. Never throws: a record that cannot be read becomes a Damage
 * entry, and the reader looks for the next record signature after it.
 */
export function readChunk(b: Uint8Array, fileOffset: number): ChunkResult {
  const res: ChunkResult = { records: [], damaged: [], notices: [] };
  if (b.length < 512) {
    if (!allZero(b)) res.damaged.push({ offset: fileOffset, reason: `chunk cut short (${b.length} bytes)` });
    return res;
  }
  const goodSig = sig(b, 0, 'ElfChnk\0');
  if (!goodSig) {
    if (allZero(b)) return res; // never-used space at the end of a file
    res.notices.push(`チャンク (オフセット ${fileOffset}) の署名が壊れています。中のレコードを個別に確かめて読みます。`);
  }
  const free = u32(b, 48);
  const headerOk = goodSig && u32(b, 40) === 128 && free >= 512 && free <= b.length;
  const flags = u32(b, 120);
  const noCrc = (flags & 4) !== 0;
  if (goodSig && !noCrc) {
    const headerCrc = crc32(b, 128, 512, crc32(b, 0, 120));
    if (headerCrc !== u32(b, 124)) res.notices.push(`チャンク (オフセット ${fileOffset}) のヘッダーのチェックサムが合いません。レコードを個別に確かめて読みます。`);
    else if (headerOk && crc32(b, 512, free) !== u32(b, 52)) res.notices.push(`チャンク (オフセット ${fileOffset}) のレコードのチェックサムが合いません。レコードを個別に確かめて読みます。`);
  }
  const end = headerOk ? free : b.length;
  const ctx = newChunkCtx(b);
  let p = 512;
  while (p + 28 <= end) {
    const size = recordAt(b, p, end);
    if (!size) {
      if (!headerOk && allZero(b.subarray(p, Math.min(end, p + 64)))) break;
      // look for the next record signature; the gap is reported once
      const why = brokenHeader(b, p, end);
      let q = p + 1;
      while (q + 28 <= end && !recordAt(b, q, end)) q++;
      if (q + 28 > end) {
        if (headerOk || !allZero(b.subarray(p, end))) res.damaged.push({ offset: fileOffset + p, reason: why ?? `no readable record in the remaining ${end - p} bytes of the chunk` });
        break;
      }
      res.damaged.push({ offset: fileOffset + p, reason: why ?? `${q - p} bytes without a valid record header skipped` });
      p = q;
      continue;
    }
    try {
      const nodes = parseRecordXml(ctx, p + 24, p + size - 4);
      const xml = renderXml(ctx, nodes);
      if (!xml.trim()) throw new EvtxError('record renders to no XML');
      res.records.push({ offset: fileOffset + p, recordId: u64n(b, p + 8), written: filetime(u64(b, p + 16)), xml });
    } catch (err) {
      res.damaged.push({ offset: fileOffset + p, reason: `record ${u64n(b, p + 8)}: ${err instanceof Error ? err.message : String(err)}` });
    }
    p += size;
  }
  return res;
}
