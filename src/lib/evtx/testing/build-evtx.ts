/**
 * Test-only: build a small .evtx file from scratch, following the format specification (libevtx
 * "Windows XML Event Log (EVTX) format" and [MS-EVEN6] Binary XML), because IPsec events in .evtx
 * form cannot be captured here. Each record is one template instance: a template definition
 * (inline on first use, by offset after) with the System block and EventData, and the values as
 * typed substitutions. Names are inline on first use and referenced by chunk offset afterwards,
 * as Windows writes them.
 */
import { crc32 } from '../crc32.ts';

export interface SynthEvent {
  provider: string;
  providerGuid: string;
  eventId: number;
  /** FILETIME as ISO (ms precision is enough for tests). */
  time: string;
  recordId: number;
  channel: string;
  computer: string;
  data: [string, string][];
}

class W {
  b = new Uint8Array(65536);
  p = 0;
  u8(v: number) {
    this.b[this.p++] = v & 0xff;
  }
  u16(v: number) {
    this.u8(v);
    this.u8(v >> 8);
  }
  u32(v: number) {
    this.u16(v & 0xffff);
    this.u16(v >>> 16);
  }
  u64(v: bigint) {
    this.u32(Number(v & 0xffffffffn));
    this.u32(Number(v >> 32n));
  }
  utf16(s: string) {
    for (let i = 0; i < s.length; i++) this.u16(s.charCodeAt(i));
  }
  set32(at: number, v: number) {
    const p = this.p;
    this.p = at;
    this.u32(v);
    this.p = p;
  }
}

const filetime = (iso: string) => BigInt(Date.parse(iso)) * 10000n + 116444736000000000n;

function guidBytes(g: string): number[] {
  const h = g.replace(/[{}-]/g, '');
  const le = (s: string) => s.match(/../g)!.reverse();
  return [...le(h.slice(0, 8)), ...le(h.slice(8, 12)), ...le(h.slice(12, 16)), ...h.slice(16).match(/../g)!].map((x) => parseInt(x, 16));
}

/** One chunk's writer: names and the template are cached by chunk offset. */
class ChunkWriter {
  w = new W();
  names = new Map<string, number>();
  tplOffset = -1;

  name(s: string) {
    const known = this.names.get(s);
    if (known !== undefined) return this.w.u32(known);
    const at = this.w.p + 4;
    this.names.set(s, at);
    this.w.u32(at);
    this.w.u32(0); // next name in the hash bucket
    this.w.u16(0); // hash (not checked by readers)
    this.w.u16(s.length);
    this.w.utf16(s);
    this.w.u16(0);
  }
  open(name: string, attrs: [string, () => void][]) {
    this.w.u8(attrs.length ? 0x41 : 0x01);
    this.w.u16(0xffff); // dependency identifier
    this.w.u32(0); // data size (not needed to read)
    this.name(name);
    if (attrs.length) {
      this.w.u32(0); // attribute list size
      attrs.forEach(([n, value], i) => {
        this.w.u8(i < attrs.length - 1 ? 0x46 : 0x06);
        this.name(n);
        value();
      });
    }
  }
  text(s: string) {
    this.w.u8(0x05);
    this.w.u8(0x01);
    this.w.u16(s.length);
    this.w.utf16(s);
  }
  sub(i: number, type: number, optional = false) {
    this.w.u8(optional ? 0x0e : 0x0d);
    this.w.u16(i);
    this.w.u8(type);
  }
  leaf(name: string, attrs: [string, () => void][], body?: () => void) {
    this.open(name, attrs);
    if (!body) return this.w.u8(0x03);
    this.w.u8(0x02);
    body();
    this.w.u8(0x04);
  }

  /** Template body: Event/System/... and EventData with one Data per name. */
  templateBody(names: string[]) {
    this.w.u8(0x0f), this.w.u8(1), this.w.u8(1), this.w.u8(0);
    this.open('Event', [['xmlns', () => this.text('http://schemas.microsoft.com/win/2004/08/events/event')]]);
    this.w.u8(0x02);
    this.open('System', []);
    this.w.u8(0x02);
    this.leaf('Provider', [
      ['Name', () => this.sub(0, 0x01)],
      ['Guid', () => this.sub(1, 0x0f)],
    ]);
    this.leaf('EventID', [], () => this.sub(2, 0x06));
    this.leaf('TimeCreated', [['SystemTime', () => this.sub(3, 0x11)]]);
    this.leaf('EventRecordID', [], () => this.sub(4, 0x0a));
    this.leaf('Channel', [], () => this.sub(5, 0x01));
    this.leaf('Computer', [], () => this.sub(6, 0x01));
    this.leaf('Security', [['UserID', () => this.sub(7, 0x13, true)]]);
    this.w.u8(0x04);
    this.open('EventData', []);
    this.w.u8(0x02);
    names.forEach((n, i) => this.leaf('Data', [['Name', () => this.text(n)]], () => this.sub(8 + i, 0x01, true)));
    this.w.u8(0x04);
    this.w.u8(0x04);
    this.w.u8(0x00);
  }

  record(e: SynthEvent) {
    const w = this.w;
    const start = w.p;
    w.u32(0x00002a2a);
    w.u32(0); // size, patched
    w.u64(BigInt(e.recordId));
    w.u64(filetime(e.time));
    w.u8(0x0f), w.u8(1), w.u8(1), w.u8(0);
    w.u8(0x0c);
    w.u8(0x01);
    w.u32(1); // template id
    if (this.tplOffset < 0) {
      this.tplOffset = w.p + 4;
      w.u32(this.tplOffset);
      w.u32(0); // next template
      for (const x of guidBytes('{11111111-2222-3333-4444-555555555555}')) w.u8(x);
      const sizeAt = w.p;
      w.u32(0);
      const bodyStart = w.p;
      this.templateBody(e.data.map(([n]) => n));
      w.set32(sizeAt, w.p - bodyStart);
    } else w.u32(this.tplOffset);
    const utf = (s: string) => {
      const a: number[] = [];
      for (let i = 0; i < s.length; i++) a.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8);
      return a;
    };
    const le = (v: bigint, n: number) => Array.from({ length: n }, (_, i) => Number((v >> BigInt(8 * i)) & 0xffn));
    const values: [number, number[]][] = [
      [0x01, utf(e.provider)],
      [0x0f, guidBytes(e.providerGuid)],
      [0x06, le(BigInt(e.eventId), 2)],
      [0x11, le(filetime(e.time), 8)],
      [0x0a, le(BigInt(e.recordId), 8)],
      [0x01, utf(e.channel)],
      [0x01, utf(e.computer)],
      [0x00, []],
      ...e.data.map(([, v]): [number, number[]] => [0x01, utf(v)]),
    ];
    w.u32(values.length);
    for (const [t, b] of values) {
      w.u16(b.length);
      w.u8(t);
      w.u8(0);
    }
    for (const [, b] of values) for (const x of b) w.u8(x);
    w.u8(0x00); // end of fragment
    w.u32(w.p - start + 4);
    w.set32(start + 4, w.p - start);
    return start;
  }
}

/** An .evtx file with one chunk holding `events` (all with the same EventData names). */
export function buildEvtx(events: SynthEvent[]): Uint8Array {
  const c = new ChunkWriter();
  c.w.p = 512;
  let last = 512;
  for (const e of events) last = c.record(e);
  const chunk = c.w.b;
  const free = c.w.p;
  const h = new W();
  h.b = chunk;
  h.p = 0;
  'ElfChnk\0'.split('').forEach((ch) => h.u8(ch.charCodeAt(0)));
  h.u64(1n);
  h.u64(BigInt(events.length));
  h.u64(BigInt(events[0]?.recordId ?? 1));
  h.u64(BigInt(events.at(-1)?.recordId ?? 1));
  h.u32(128);
  h.u32(last);
  h.u32(free);
  h.u32(crc32(chunk, 512, free));
  h.set32(124, crc32(chunk, 128, 512, crc32(chunk, 0, 120)));
  const file = new Uint8Array(4096 + 65536);
  const f = new W();
  f.b = file;
  'ElfFile\0'.split('').forEach((ch) => f.u8(ch.charCodeAt(0)));
  f.u64(0n);
  f.u64(0n);
  f.u64(BigInt((events.at(-1)?.recordId ?? 0) + 1));
  f.u32(128);
  f.u16(1);
  f.u16(3);
  f.u16(4096);
  f.u16(1);
  f.set32(124, crc32(file, 0, 120));
  file.set(chunk, 4096);
  return file;
}
