/**
 * The reader against real .evtx files (../shared/evtx-samples, MIT) and the reference reader's
 * output (test/fixtures/evtx/*.json, made by scripts/evtx-fixtures.ts from libevtx's evtxexport).
 * The samples folder is required: a missing folder fails here instead of silently skipping.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEvtx } from './reader.ts';
import { eventFields } from './event-fields.ts';
import { decodeEvtx, evtxToXml } from './index.ts';
import { decode } from '../decode/index.ts';
import { testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SAMPLES = [resolve(ROOT, '../shared/evtx-samples'), '/work/shared/evtx-samples'].find((d) => existsSync(d)) ?? resolve(ROOT, '../shared/evtx-samples');

type Row = [number, string, string, number, string, string, [string, string][]];
interface Fixture {
  sample: string;
  records: number;
  events: Row[];
}
const fixture = (name: string): Fixture => JSON.parse(readFileSync(join(ROOT, 'test/fixtures/evtx', `${name.replace(/\.evtx$/, '').replace(/[^A-Za-z0-9_.-]/g, '_')}.json`), 'utf8'));

function sample(name: string): Uint8Array {
  const p = join(SAMPLES, name);
  if (!existsSync(p)) throw new Error(`evtx sample missing: ${p} — the tests need the shared/evtx-samples folder beside the clone (see its README)`);
  return new Uint8Array(readFileSync(p));
}

const rows = (bytes: Uint8Array) =>
  readEvtx(bytes).records.map((r): Row => {
    const f = eventFields(r.xml);
    return [f.recordId, f.provider, f.channel, f.eventId, f.time, f.computer, f.data];
  });

describe('evtx samples', () => {
  it('has the samples folder', () => {
    expect(existsSync(SAMPLES), `missing ${SAMPLES}: put shared/evtx-samples beside the clone`).toBe(true);
  });

  // Clean samples: the same records, field for field, as evtxexport.
  for (const name of ['new-user-security.evtx', 'Security_short_selected.evtx', 'Application_no_crc32.evtx', 'system.evtx', 'security.evtx']) {
    it(`${name}: record for record as the reference`, () => {
      const fx = fixture(name);
      const got = rows(sample(name));
      expect(got.length).toBe(fx.records);
      for (let i = 0; i < fx.events.length; i++) expect(got[i], `record #${i} (id ${fx.events[i][0]})`).toEqual(fx.events[i]);
    });
  }

  it('LanguagePackSetup: 16 records as the reference; the half-written 17th is reported with its offset', () => {
    const name = 'Microsoft-Windows-LanguagePackSetup%4Operational.evtx';
    const fx = fixture(name);
    const r = readEvtx(sample(name));
    expect(r.records.map((x) => eventFields(x.xml))).toEqual(fx.events.map(([recordId, provider, channel, eventId, time, computer, data]) => ({ recordId, provider, channel, eventId, time, computer, data })));
    expect(r.damaged).toEqual([{ offset: 12024, reason: expect.stringContaining('record 17') }]);
  });

  it('bad chunk magic: recovers at least every record the reference reads, and lists the damage with offsets', () => {
    const name = 'sample_with_a_bad_chunk_magic.evtx';
    const fx = fixture(name);
    const r = readEvtx(sample(name));
    expect(fx.records).toBe(267);
    expect(r.records.length).toBeGreaterThanOrEqual(fx.records);
    const byId = new Map(r.records.map((x) => [eventFields(x.xml).recordId, x]));
    for (const row of fx.events) {
      const mine = byId.get(row[0]);
      expect(mine, `record ${row[0]}`).toBeDefined();
      const f = eventFields(mine!.xml);
      expect([f.recordId, f.provider, f.channel, f.eventId, f.time, f.computer, f.data]).toEqual(row);
    }
    expect(r.damaged.length).toBeGreaterThan(0);
    for (const d of r.damaged) expect(d.offset).toBeGreaterThanOrEqual(4096);
    expect(r.notices.some((n) => n.includes('397312'))).toBe(true);
  });

  it('a real log decodes to the same report as its XML rendering pasted as text', () => {
    const b = sample('Application_no_crc32.evtx');
    const cat = testCatalogue();
    const fromFile = decodeEvtx(b, cat);
    const pasted = decode(evtxToXml(b), cat);
    const { records, damaged, ...stats } = fromFile.stats;
    expect([records, damaged]).toEqual([17, []]);
    expect({ ...fromFile, input: null, stats }).toEqual({ ...pasted, input: null });
  });
});
