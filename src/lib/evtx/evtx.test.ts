/**
 * The reader on files built from the format specification (testing/build-evtx.ts: IPsec events in
 * .evtx form cannot be captured here), the "same report as the pasted XML" promise, and damaged
 * input: the reader never throws or hangs and lists what it could not read with offsets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decode } from '../decode/index.ts';
import { eventFields } from './event-fields.ts';
import { decodeEvtx, decodeEvtxSlices, evtxToXml, readEvtx } from './index.ts';
import { buildEvtx, type SynthEvent } from './testing/build-evtx.ts';
import { crc32 } from './crc32.ts';

const cat = testCatalogue();
const ROOT = resolve(import.meta.dirname, '../../..');
const SAMPLES = [resolve(ROOT, '../shared/evtx-samples'), '/work/shared/evtx-samples'].find((d) => existsSync(d)) ?? resolve(ROOT, '../shared/evtx-samples');

// The event of test/fixtures/decode/event-4653.xml, as Windows would store it in Security.evtx.
const ref4653 = eventFields(fixture('event-4653.xml'));
const ev = (recordId: number, peer: string, time: string): SynthEvent => ({
  provider: 'Microsoft-Windows-Security-Auditing',
  providerGuid: '{54849625-5478-4994-A5BA-3E3B0328C30D}',
  eventId: 4653,
  time,
  recordId,
  channel: 'Security',
  computer: 'client7.example.com',
  data: ref4653.data.map(([n, v]) => [n, n === 'RemoteAddress' ? peer : v]),
});

describe('crc32', () => {
  it('matches the IEEE check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'), 0, 9)).toBe(0xcbf43926);
  });
});

describe('spec-built .evtx with IPsec events', () => {
  const file = buildEvtx([ev(123456, '192.168.0.20', '2012-07-21T10:05:04.123Z'), ev(123457, '192.168.0.21', '2012-07-21T10:06:00.000Z'), ev(123458, '192.168.0.20', '2012-07-21T10:07:30.500Z')]);

  it('renders each record as the event XML Event Viewer shows', () => {
    const r = readEvtx(file);
    expect(r.damaged).toEqual([]);
    expect(r.notices).toEqual([]);
    expect(r.records.map((x) => x.recordId)).toEqual([123456, 123457, 123458]);
    const f = eventFields(r.records[0].xml);
    expect(f).toEqual({ ...ref4653, time: '2012-07-21T10:05:04.1230000Z' });
    expect(r.records[0].xml).toContain('<Provider Name="Microsoft-Windows-Security-Auditing" Guid="{54849625-5478-4994-A5BA-3E3B0328C30D}"/>');
    expect(r.records[0].xml).toContain('<Security/>'); // optional empty UserID left out
  });

  it('gives the same report as its XML rendering pasted as text', () => {
    const fromFile = decodeEvtx(file, cat);
    const pasted = decode(evtxToXml(file), cat);
    expect(fromFile.findings).toEqual(pasted.findings);
    expect(fromFile.summary).toEqual(pasted.summary);
    expect(fromFile.firstLook).toEqual(pasted.firstLook);
    expect(fromFile.notices).toEqual(pasted.notices);
    expect(fromFile.verdictInfo).toEqual(pasted.verdictInfo);
    expect(fromFile.stats).toEqual({ ...pasted.stats, records: 3, damaged: [] });
    expect(fromFile.findings.map((f) => f.playbook?.id)).toContain('ike-main-mode/no-policy-configured');
    expect(fromFile.summary.reduce((n, g) => n + (g.eventId === 4653 ? g.count : 0), 0)).toBe(3);
  });

  it('merges batches: summary counts add up and first/last span all records', async () => {
    const one = decodeEvtx(file, cat);
    const batched = await decodeEvtxSlices((o, n) => file.subarray(o, o + n), file.length, cat, { batchChars: 10 });
    expect(batched.stats.records).toBe(3);
    expect(batched.stats.events).toBe(one.stats.events);
    expect(batched.summary.map((g) => [g.key, g.count, g.first, g.last])).toEqual(one.summary.map((g) => [g.key, g.count, g.first, g.last]));
  });
});

describe('damaged input never throws or hangs', () => {
  const good = buildEvtx([ev(1, '10.0.0.1', '2020-01-01T00:00:00Z'), ev(2, '10.0.0.2', '2020-01-01T00:00:01Z')]);

  it('empty, tiny, random and non-evtx bytes', () => {
    for (const b of [new Uint8Array(0), new Uint8Array(7), new TextEncoder().encode('hello world'), Uint8Array.from({ length: 70000 }, (_, i) => (i * 2654435761) >>> 24)]) {
      const r = readEvtx(b);
      expect(r.records).toEqual([]);
      expect(decodeEvtx(b, cat).stats.records).toBe(0);
    }
  });

  it('a cut file keeps the records before the cut and reports the rest with its offset', () => {
    const r = readEvtx(good);
    const second = r.records[1].offset;
    const cut = readEvtx(good.subarray(0, second + 40));
    expect(cut.records.map((x) => x.recordId)).toEqual([1]);
    expect(cut.damaged[0].offset).toBe(second);
  });

  it('a broken record is listed with its offset; the next one is still read', () => {
    const b = good.slice();
    const first = readEvtx(good).records[0].offset;
    // break the first record's template instance token
    b[first + 24 + 4] = 0x77;
    const r = readEvtx(b);
    expect(r.damaged).toEqual([{ offset: first, reason: expect.stringMatching(/^record 1: /) }]);
    expect(r.records.map((x) => x.recordId)).toEqual([2]);
  });

  it('random corruption of a real file: every run ends, within time, without throwing', () => {
    const path = join(SAMPLES, 'Security_short_selected.evtx');
    if (!existsSync(path)) throw new Error(`evtx sample missing: ${path}`);
    const base = new Uint8Array(readFileSync(path));
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const t0 = Date.now();
    let damagedRuns = 0;
    for (let run = 0; run < 150; run++) {
      const b = base.slice();
      for (let k = 0; k < 20; k++) b[4096 + 512 + Math.floor(rnd() * 20000)] = Math.floor(rnd() * 256);
      const r = readEvtx(b);
      if (r.damaged.length) damagedRuns++;
      for (const d of r.damaged) expect(d.offset).toBeGreaterThanOrEqual(4096);
    }
    expect(damagedRuns).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});
