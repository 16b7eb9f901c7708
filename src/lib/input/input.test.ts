/** Encoding detection, binary refusal and sliced reading of files (one path for CLI, page and worker). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decode } from '../decode/index.ts';
import { decodeBytes, guessEncoding } from './encoding.ts';
import { sniff } from './sniff.ts';
import { decodeFile } from './file.ts';

const cat = testCatalogue();
const hex = (h: string) => Uint8Array.from(h.split(/\s+/).filter(Boolean).map((x) => parseInt(x, 16)));
// 「ピアから応答がありません」 in CP932, byte for byte (ピ 83 73, ア 83 41, か 82 a9, …)
const SJIS_NO_RESPONSE = hex('83 73 83 41 82 a9 82 e7 89 9e 93 9a 82 aa 82 a0 82 e8 82 dc 82 b9 82 f1');
const utf16le = (s: string, bom: boolean) => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) (out[(bom ? 2 : 0) + i * 2] = s.charCodeAt(i) & 0xff), (out[(bom ? 2 : 0) + i * 2 + 1] = s.charCodeAt(i) >> 8);
  return out;
};
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, at), (at += p.length);
  return out;
};
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const mem = (b: Uint8Array) => (o: number, n: number) => b.subarray(o, o + n);

describe('encoding detection', () => {
  it('reads real CP932 bytes as Japanese, not mojibake', () => {
    const r = decodeBytes(concat(ascii('Reason: '), SJIS_NO_RESPONSE, ascii('\r\n')));
    expect(r).toEqual({ ok: true, text: 'Reason: ピアから応答がありません\r\n', encoding: 'shift_jis', notice: expect.stringContaining('Shift_JIS') });
  });

  it('UTF-16LE with BOM (Event Viewer "Save as text", PowerShell 5 Out-File) and without', () => {
    const s = 'ピアから応答がありません\r\nEvent ID: 547\r\n';
    expect(decodeBytes(utf16le(s, true))).toMatchObject({ ok: true, text: s, encoding: 'utf-16le' });
    expect(decodeBytes(utf16le('Event ID: 547\r\nSource: Security\r\n', false))).toMatchObject({ ok: true, text: 'Event ID: 547\r\nSource: Security\r\n', encoding: 'utf-16le' });
  });

  it('UTF-16BE with BOM, UTF-8 with and without BOM', () => {
    const be = concat(hex('fe ff'), Uint8Array.from(utf16le('ok 547', false).reduce<number[]>((a, _, i, b) => (i % 2 ? a : [...a, b[i + 1], b[i]]), [])));
    expect(decodeBytes(be)).toMatchObject({ ok: true, text: 'ok 547', encoding: 'utf-16be' });
    const u8 = new TextEncoder().encode('ピアから応答がありません');
    expect(decodeBytes(concat(hex('ef bb bf'), u8))).toEqual({ ok: true, text: 'ピアから応答がありません', encoding: 'utf-8' });
    expect(decodeBytes(u8)).toEqual({ ok: true, text: 'ピアから応答がありません', encoding: 'utf-8' });
  });

  it('refuses what fits no encoding, naming the encodings tried', () => {
    const r = decodeBytes(ascii('caf\xe9 au lait'), 'menu.txt');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('「menu.txt」');
    expect(!r.ok && r.message).toContain('UTF-8、UTF-16LE/BE (BOM あり・なし)、Shift_JIS (CP932)');
  });

  it('a UTF-8 head is not mistaken for UTF-16', () => {
    expect(guessEncoding(ascii('Event ID: 547\n'))?.encoding).toBe('utf-8');
  });
});

describe('file kind', () => {
  it('evtx, text and binary', () => {
    expect(sniff(ascii('ElfFile\0....'))).toEqual({ kind: 'evtx' });
    expect(sniff(utf16le('Event ID: 547\r\n', true))).toEqual({ kind: 'text' });
    expect(sniff(concat(ascii('x'), SJIS_NO_RESPONSE))).toEqual({ kind: 'text' });
    expect(sniff(hex('50 4b 03 04 00 00'))).toEqual({ kind: 'binary', why: 'ZIP / Office 文書' });
    expect(sniff(Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24))).toMatchObject({ kind: 'binary' });
  });
});

describe('decodeFile (sliced)', () => {
  it('refuses a 10 MB binary after reading only its first 64 KiB', async () => {
    const big = Uint8Array.from({ length: 10 * 1024 * 1024 }, (_, i) => (i * 2654435761) >>> 24);
    let read = 0;
    const r = await decodeFile((o, n) => ((read += n), big.subarray(o, o + n)), big.length, 'dump.bin', cat);
    expect(r.refused).toContain('「dump.bin」(10 MB) はテキストでも .evtx でもない');
    expect(read).toBe(64 * 1024);
  });

  it('a small text file gives exactly decode(text)', async () => {
    const text = fixture('event-4653.xml');
    const bytes = utf16le(text, true);
    const r = await decodeFile(mem(bytes), bytes.length, 'e.xml', cat, { keepTextUpTo: 1e6 });
    const d = decode(text, cat);
    expect(r.encoding).toBe('utf-16le');
    expect(r.text).toBe(text);
    expect(r.report.findings).toEqual(d.findings);
    expect(r.report.summary).toEqual(d.summary);
    expect(r.report.notices).toEqual(['ファイルの文字コードを BOM から UTF-16LE と判断して読みました。', ...d.notices]);
  });

  it('a 2.5 MB Shift_JIS file is read in slices: multi-byte characters split across slices survive', async () => {
    // 「日本語のメモです」 in CP932: two-byte characters only, so slice ends fall inside characters
    const line = concat(ascii('memo: '), hex('93 fa 96 7b 8c ea 82 cc 83 81 83 82 82 c5 82 b7'), ascii('\r\n'));
    const n = Math.ceil((2.5 * 1024 * 1024) / line.length);
    const big = new Uint8Array(n * line.length);
    for (let i = 0; i < n; i++) big.set(line, i * line.length);
    const r = await decodeFile(mem(big), big.length, 'oakley-ja.txt', cat, { keepTextUpTo: 1e9 });
    expect(r.encoding).toBe('shift_jis');
    expect(r.text!.length).toBe(n * 'memo: 日本語のメモです\r\n'.length);
    expect(r.text!.includes('\ufffd')).toBe(false);
    expect(r.text!.endsWith('です\r\nmemo: 日本語のメモです\r\n')).toBe(true);
  }, 60_000);

  it('an .evtx file goes to the EVTX reader', async () => {
    const p = [resolve(import.meta.dirname, '../../../../shared/evtx-samples'), '/work/shared/evtx-samples'].map((d) => join(d, 'new-user-security.evtx')).find((x) => existsSync(x));
    if (!p) throw new Error('evtx sample missing: put shared/evtx-samples beside the clone');
    const b = new Uint8Array(readFileSync(p));
    const r = await decodeFile(mem(b), b.length, 'new-user-security.evtx', cat, { keepTextUpTo: 1e6 });
    expect(r.kind).toBe('evtx');
    expect(r.report.stats.records).toBe(4);
    expect(r.text?.match(/<Event xmlns/g)?.length).toBe(4);
  });
});
