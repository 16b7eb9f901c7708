/**
 * Substitution value types of Binary XML ([MS-EVEN6] 3.1.4.7.3 / libevtx "Windows XML Event Log
 * (EVTX)" value types) rendered as text the way Event Viewer's XML view shows them.
 * Type 0x21 (nested Binary XML) is rendered by binxml.ts, which owns the token reader.
 */
import { ansi, filetime, guid, hexUpper, sid, stripNul, systemtime, u16, u32, u64, utf16At } from './bytes.ts';

export const T = {
  Null: 0x00,
  String: 0x01,
  AnsiString: 0x02,
  Int8: 0x03,
  UInt8: 0x04,
  Int16: 0x05,
  UInt16: 0x06,
  Int32: 0x07,
  UInt32: 0x08,
  Int64: 0x09,
  UInt64: 0x0a,
  Real32: 0x0b,
  Real64: 0x0c,
  Bool: 0x0d,
  Binary: 0x0e,
  Guid: 0x0f,
  SizeT: 0x10,
  FileTime: 0x11,
  SysTime: 0x12,
  Sid: 0x13,
  HexInt32: 0x14,
  HexInt64: 0x15,
  EvtHandle: 0x20,
  BinXml: 0x21,
  EvtXml: 0x23,
  ArrayFlag: 0x80,
} as const;

/** Fixed sizes of the scalar types (for arrays of them). */
const FIXED: Record<number, number> = { 3: 1, 4: 1, 5: 2, 6: 2, 7: 4, 8: 4, 9: 8, 10: 8, 11: 4, 12: 8, 13: 4, 15: 16, 17: 8, 18: 16, 20: 4, 21: 8 };

function signed(v: bigint, bits: number): bigint {
  const lim = 1n << BigInt(bits - 1);
  return v >= lim ? v - (1n << BigInt(bits)) : v;
}

function scalar(type: number, b: Uint8Array, at: number, size: number): string {
  const view = () => new DataView(b.buffer, b.byteOffset + at, size);
  switch (type) {
    case T.Null:
      return '';
    case T.String:
      return stripNul(utf16At(b, at, size >> 1));
    case T.AnsiString:
      return ansi(b.subarray(at, at + size));
    case T.Int8:
      return String((b[at] << 24) >> 24);
    case T.UInt8:
      return String(b[at]);
    case T.Int16:
      return String((u16(b, at) << 16) >> 16);
    case T.UInt16:
      return String(u16(b, at));
    case T.Int32:
      return String(u32(b, at) | 0);
    case T.UInt32:
      return String(u32(b, at));
    case T.Int64:
      return signed(u64(b, at), 64).toString();
    case T.UInt64:
      return u64(b, at).toString();
    case T.Real32:
      return size >= 4 ? String(view().getFloat32(0, true)) : '';
    case T.Real64:
      return size >= 8 ? String(view().getFloat64(0, true)) : '';
    case T.Bool:
      return u32(b, at) ? 'true' : 'false';
    case T.Binary:
      return hexUpper(b.subarray(at, at + size));
    case T.Guid:
      return guid(b, at);
    case T.SizeT:
      return size === 4 ? `0x${u32(b, at).toString(16).padStart(8, '0')}` : `0x${u64(b, at).toString(16).padStart(16, '0')}`;
    case T.FileTime:
      return filetime(u64(b, at));
    case T.SysTime:
      return systemtime(b, at);
    case T.Sid:
      return sid(b, at, size);
    case T.HexInt32:
      return `0x${u32(b, at).toString(16)}`;
    case T.HexInt64:
      return `0x${u64(b, at).toString(16)}`;
    case T.EvtHandle:
      return size === 4 ? String(u32(b, at)) : u64(b, at).toString();
    case T.EvtXml:
      return stripNul(utf16At(b, at, size >> 1));
    default:
      return hexUpper(b.subarray(at, at + size));
  }
}

/**
 * Render one substitution value. Arrays (type | 0x80) are shown comma-separated: string arrays are
 * NUL-separated UTF-16, fixed-size arrays are cut by element size.
 */
export function renderValue(type: number, b: Uint8Array, at: number, size: number): string {
  if (size === 0 && type !== T.Null) return '';
  if (!(type & T.ArrayFlag)) return scalar(type, b, at, size);
  const base = type & 0x7f;
  if (base === T.String) {
    const s = utf16At(b, at, size >> 1);
    return s.split('\0').filter((x, i, all) => x !== '' || i < all.length - 1).join(', ');
  }
  if (base === T.AnsiString) return ansi(b.subarray(at, at + size)).split('\0').join(', ');
  const w = base === T.Sid ? 0 : FIXED[base];
  const out: string[] = [];
  if (base === T.Sid) {
    let p = at;
    while (p + 8 <= at + size) {
      const len = 8 + b[p + 1] * 4;
      out.push(sid(b, p, len));
      p += len;
    }
  } else if (base === T.SizeT) {
    // element width is not stored; 8 on 64-bit Windows, the common case
    for (let p = at; p + 8 <= at + size; p += 8) out.push(scalar(base, b, p, 8));
  } else if (w) {
    for (let p = at; p + w <= at + size; p += w) out.push(scalar(base, b, p, w));
  } else return hexUpper(b.subarray(at, at + size));
  return out.join(', ');
}

/** Items of an array value as scalar values (for repeating an element per item, as Windows does). */
export function arrayItems(b: Uint8Array, v: { type: number; at: number; size: number }): { type: number; at: number; size: number }[] {
  const base = v.type & 0x7f;
  const out: { type: number; at: number; size: number }[] = [];
  const end = v.at + v.size;
  if (base === T.String) {
    let s = v.at;
    for (let p = v.at; p + 1 < end; p += 2) {
      if (b[p] === 0 && b[p + 1] === 0) {
        out.push({ type: base, at: s, size: p - s });
        s = p + 2;
      }
    }
    if (s < end - 1) out.push({ type: base, at: s, size: end - s });
    return out;
  }
  if (base === T.Sid) {
    for (let p = v.at; p + 8 <= end; ) {
      const len = 8 + b[p + 1] * 4;
      out.push({ type: base, at: p, size: len });
      p += len;
    }
    return out;
  }
  const w = base === T.SizeT ? 8 : FIXED[base];
  if (!w) return [{ type: T.Binary, at: v.at, size: v.size }];
  for (let p = v.at; p + w <= end; p += w) out.push({ type: base, at: p, size: w });
  return out;
}
