/**
 * Coverage of today's Windows: every Vista-and-later event row of the reference has a playbook (or a
 * section of one, through `successors`), every event row names a page, and every code a help desk meets on
 * IPsec VPNs has its page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/lib/catalogue/types.ts';
import { parseTsv } from '../../src/lib/data/tsv.ts';

const ROOT = join(import.meta.dirname, '../..');
const cat = JSON.parse(readFileSync(join(ROOT, 'src/generated/catalogue.json'), 'utf8')) as Catalogue;
const rows = parseTsv(readFileSync(join(ROOT, 'content/data/event_ids.tsv'), 'utf8'));

/** Ids a page explains: its events, the IDs the chapter gives them, and its successors. */
function claimed(): Map<number, string[]> {
  const m = new Map<number, string[]>();
  const add = (id: number, p: string) => m.set(id, [...(m.get(id) ?? []), p]);
  for (const p of cat.playbooks) {
    for (const e of p.events) add(e.id, p.id);
    for (const s of p.successors) add(s, p.id);
  }
  return m;
}

/** Codes pages explain (codes and signature codes). */
function codePages(): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const p of cat.playbooks) for (const c of [...p.codes, ...p.signatures.flatMap((s) => (s.code !== undefined ? [s.code] : []))]) m.set(c, [...(m.get(c) ?? []), p.id]);
  return m;
}

describe('today\'s Windows is covered', () => {
  const byId = claimed();
  it('every Vista-and-later event row has a page', () => {
    const vista = rows.filter((r) => /Vista/.test(r.os) && /^\d+$/.test(r.event_id) && r.english_title);
    expect(vista.length).toBeGreaterThan(50);
    const missing = vista.filter((r) => !byId.has(Number(r.event_id))).map((r) => `${r.event_id} ${r.english_title.slice(0, 60)}`);
    expect(missing).toEqual([]);
  });
  it('the RasClient, RemoteAccess and Service Control Manager rows have pages', () => {
    for (const id of [20226, 20227, 20111, 7000, 7001, 7023, 7024, 7031, 7034, 5152, 5157]) expect(byId.get(id)?.length, String(id)).toBeGreaterThan(0);
  });
  it('every code of the help-desk VPN set has a VPN page', () => {
    const pages = codePages();
    const vpn = new Set(cat.playbooks.filter((p) => p.domain === 'vpn').map((p) => p.id));
    for (const c of [809, 789, 788, 790, 628, 766, 691, 812, 827, 853, 13801, 13806, 13868, 13843, 87, 1931]) {
      expect((pages.get(c) ?? []).some((p) => vpn.has(p)), `code ${c}: ${pages.get(c)?.join(', ') ?? 'no page'}`).toBe(true);
    }
  });
  it('every code of the set is in the code tables, so the error-code table links it', () => {
    for (const c of [809, 789, 788, 790, 628, 766, 691, 812, 827, 853, 13801, 13806, 13868, 13843, 87, 1931]) {
      expect(cat.errorCodes.some((e) => e.decimal === c), String(c)).toBe(true);
    }
  });
});
