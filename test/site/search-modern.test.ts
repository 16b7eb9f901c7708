/**
 * Today's Windows in the search box: every Vista-and-later event ID, every code a VPN page explains and
 * every English message of the modern and VPN pages puts a page that explains it first, through the same
 * step the site's search box runs (smartSearch with the catalogue, src/islands/search/pipeline.ts).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/lib/catalogue/types.ts';
import { smartSearch, type PagefindLike } from '../../src/lib/search/smart-search.ts';
import { loadPagefind } from '../support/pagefind.ts';

const catalogue = JSON.parse(readFileSync('src/generated/catalogue.json', 'utf8')) as Catalogue;
let pf: PagefindLike;
beforeAll(async () => {
  pf = await loadPagefind();
});

const MODERN = ['modern-ike', 'modern-driver', 'modern-services', 'vpn'];
const modern = catalogue.playbooks.filter((p) => MODERN.includes(p.family));

/** Pages that explain an event ID (its events or successors) or a code (codes or signature codes). */
const explainsEvent = (id: number) => new Set(catalogue.playbooks.filter((p) => p.events.some((e) => e.id === id) || p.successors.includes(id)).map((p) => p.url));
const explainsCode = (c: number) => new Set(catalogue.playbooks.filter((p) => p.codes.includes(c) || p.signatures.some((s) => s.code === c)).map((p) => p.url));

describe('modern event IDs, codes and English messages come first in search', () => {
  it('every event ID the modern pages explain', async () => {
    const ids = [...new Set(modern.flatMap((p) => p.events.map((e) => e.id)))];
    expect(ids.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const id of ids) {
      const first = (await smartSearch(pf, String(id), 5, catalogue))[0]?.url;
      if (!first || !explainsEvent(id).has(first)) wrong.push(`${id} → ${first}`);
    }
    expect(wrong).toEqual([]);
  });
  it('every code a VPN page explains, as a decimal', async () => {
    const codes = [...new Set(modern.filter((p) => p.domain === 'vpn').flatMap((p) => [...p.codes, ...p.signatures.flatMap((s) => (s.code !== undefined ? [s.code] : []))]))];
    expect(codes.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const c of codes) {
      const first = (await smartSearch(pf, String(c), 5, catalogue))[0]?.url;
      if (!first || !explainsCode(c).has(first)) wrong.push(`${c} → ${first}`);
    }
    expect(wrong).toEqual([]);
  });
  it('every English message of the modern and VPN pages', async () => {
    const msgs = modern.flatMap((p) => p.signatures.filter((s) => s.en).map((s) => ({ en: (s.en as string).replace(/\\n/g, ' '), page: p })));
    expect(msgs.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const { en, page } of msgs) {
      const q = en.length > 240 ? en.slice(0, 240) : en;
      const hits = await smartSearch(pf, q, 5, catalogue);
      // a page that carries the same text (a shared message) is as right as the page it came from
      const ok = hits[0] && (hits[0].url === page.url || catalogue.playbooks.some((p) => p.url === hits[0].url && p.signatures.some((s) => s.en === en || s.variants.includes(en))));
      if (!ok) wrong.push(`${page.id}: "${q.slice(0, 50)}" → ${hits[0]?.url}`);
    }
    expect(wrong).toEqual([]);
  });
});
