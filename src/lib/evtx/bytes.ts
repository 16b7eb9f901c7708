/**
 * Little-endian reads and the value formats Windows uses when it renders event XML
 * (FILETIME, GUID, SID, hex integers). Every read is bounds-checked and throws EvtxError, which
 * the record reader catches and turns into a "damaged record" entry, so no bad offset can make
 * the reader run past its buffer.
 */

export class EvtxError extends Error {}

export function need(buf: Uint8Array, at: number, n: number, what: string): void {
  if (at < 0 || n < 0 || at + n > buf.length) throw new EvtxError(`${what}: ${n} bytes at ${at} run past the end (${buf.length})`);
}

export function u8(buf: Uint8Array, at: number): number {
  need(buf, at, 1, 'u8');
  return buf[at];
}

export function u16(buf: Uint8Array, at: number): number {
  need(buf, at, 2, 'u16');
  return buf[at] | (buf[at + 1] << 8);
}

export function u32(buf: Uint8Array, at: number): number {
  need(buf, at, 4, 'u32');
  return (buf[at] | (buf[at + 1] << 8) | (buf[at + 2] << 16)) + buf[at + 3] * 0x1000000;
}

export function u64(buf: Uint8Array, at: number): bigint {
  return BigInt(u32(buf, at)) | (BigInt(u32(buf, at + 4)) << 32n);
}

/** A u64 that is known to fit (record numbers): as a plain number. */
export function u64n(buf: Uint8Array, at: number): number {
  return u32(buf, at) + u32(buf, at + 4) * 0x100000000;
}

const utf16 = new TextDecoder('utf-16le');
const latin = new TextDecoder('windows-1252');

/** `count` UTF-16LE code units at `at`. */
export function utf16At(buf: Uint8Array, at: number, count: number): string {
  need(buf, at, count * 2, 'utf16');
  return utf16.decode(buf.subarray(at, at + count * 2));
}

export function stripNul(s: string): string {
  const i = s.indexOf('\0');
  return i < 0 ? s : s.slice(0, i);
}

export function ansi(bytes: Uint8Array): string {
  return stripNul(latin.decode(bytes));
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** FILETIME (100 ns since 1601) as Event Viewer writes it: 2013-10-23T16:22:39.9735000Z. */
export function filetime(v: bigint): string {
  const EPOCH_DIFF = 116444736000000000n;
  const ticks = v - EPOCH_DIFF;
  const ms = ticks / 10000n;
  const frac = ((ticks % 10000000n) + 10000000n) % 10000000n;
  const d = new Date(Number(ms - (ticks < 0n && ticks % 10000n !== 0n ? 1n : 0n)));
  if (Number.isNaN(d.getTime())) return `0x${v.toString(16)}`;
  const y = d.getUTCFullYear();
  if (y < 1601 || y > 30827) return `0x${v.toString(16)}`;
  return `${String(y).padStart(4, '0')}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${frac.toString().padStart(7, '0')}Z`;
}

/** SYSTEMTIME (16 bytes): year, month, weekday, day, hour, minute, second, milliseconds. */
export function systemtime(b: Uint8Array, at: number): string {
  const w = (i: number) => u16(b, at + i * 2);
  return `${String(w(0)).padStart(4, '0')}-${p2(w(1))}-${p2(w(3))}T${p2(w(4))}:${p2(w(5))}:${p2(w(6))}.${String(w(7)).padStart(3, '0')}Z`;
}

const hx = (b: Uint8Array, from: number, to: number, rev: boolean) => {
  let s = '';
  if (rev) for (let i = to - 1; i >= from; i--) s += b[i].toString(16).padStart(2, '0');
  else for (let i = from; i < to; i++) s += b[i].toString(16).padStart(2, '0');
  return s;
};

/** GUID in the registry form Windows prints: {54849625-5478-4994-A5BA-3E3B0328C30D}. */
export function guid(b: Uint8Array, at: number): string {
  need(b, at, 16, 'guid');
  return `{${hx(b, at, at + 4, true)}-${hx(b, at + 4, at + 6, true)}-${hx(b, at + 6, at + 8, true)}-${hx(b, at + 8, at + 10, false)}-${hx(b, at + 10, at + 16, false)}}`.toUpperCase();
}

/** SID in S-1-5-21-… form (authority is big-endian, sub-authorities little-endian). */
export function sid(b: Uint8Array, at: number, size: number): string {
  need(b, at, Math.max(8, size), 'sid');
  const rev = b[at];
  const n = b[at + 1];
  need(b, at, 8 + n * 4, 'sid');
  let auth = 0;
  for (let i = 2; i < 8; i++) auth = auth * 256 + b[at + i];
  let s = `S-${rev}-${auth}`;
  for (let i = 0; i < n; i++) s += `-${u32(b, at + 8 + i * 4)}`;
  return s;
}

export function hexUpper(b: Uint8Array): string {
  return hx(b, 0, b.length, false).toUpperCase();
}
