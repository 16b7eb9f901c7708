/**
 * Search that works for what help desks paste: Pagefind ANDs every word, so a whole pasted
 * event finds nothing. This normalises the query (NFKC: ＩＫＥ → IKE), searches it whole, and
 * when that finds nothing (or the query is long) searches each segment and merges the pages,
 * ranking a page by how many segments hit it, then by its best Pagefind score. Given the
 * catalogue, the playbooks the query names outright (bestMatches) come first.
 */
import type { Catalogue } from '../catalogue/types.ts';
import { KIND_WEIGHT, pageKind, type PageKind } from './ranking.ts';

/** The part of Pagefind's JS API used here (pagefind.js `search`). */
export interface PagefindLike {
  search(term: string): Promise<{ results: { id: string; score: number; data: () => Promise<{ url: string; meta: { title?: string }; excerpt?: string }> }[] } | null>;
}

export interface SmartHit {
  url: string;
  title: string;
  /** Segments that found this page. */
  matched: string[];
  score: number;
  /** What the page is for (playbook, guide, reference…), from its URL. */
  kind: PageKind;
  /** Why it is pinned above the ranked results (a catalogue lookup or an everyday word); absent for ranked hits. */
  pinned?: 'catalogue' | 'synonym';
  /** Pagefind's excerpt as plain text (no markup). */
  excerpt?: string;
}

export interface SmartSearchOptions {
  /** Astro base path ('/kb/'): pinned pages get it, as Pagefind's URLs do. */
  base?: string;
}

/** NFKC plus folding of the characters Japanese Windows and keyboards mix in. */
export function normaliseQuery(text: string): string {
  return text.normalize('NFKC').replace(/[“”"「」『』]/g, ' ').replace(/\s+/g, ' ').trim();
}

const SEGMENT_SPLIT = /\r?\n|。|：|:|\t|\||、(?=\S{8,})/;

/** Segments worth searching on their own: sentences and field values, not labels or noise. */
export function querySegments(text: string, max = 12): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.normalize('NFKC').split(SEGMENT_SPLIT)) {
    const s = normaliseQuery(raw).replace(/^[-–•*>\s]+/, '');
    if (s.length < 2 || seen.has(s)) continue;
    // Bare labels (Mode, Filter, Failure Point…) and pure punctuation carry no meaning on their own.
    if (/^[A-Za-z ]{1,16}$/.test(s) && !/\d/.test(s) && s.split(' ').length < 3) continue;
    seen.add(s);
    out.push(s);
    if (out.length >= max) break;
  }
  return out;
}

export async function smartSearch(pf: PagefindLike, query: string, limit = 10, catalogue?: Catalogue, options: SmartSearchOptions = {}): Promise<SmartHit[]> {
  const q = normaliseQuery(query);
  if (!q) return [];
  const base = (options.base ?? '').replace(/\/$/, '');
  const pinned: SmartHit[] = [];
  let expansions: string[] = [];
  if (catalogue) {
    // Loaded only when asked for: the lookup pulls in the decoder, which pages load on demand.
    const [{ bestMatches }, { matchSynonyms }] = await Promise.all([import('./best-match.ts'), import('./synonyms.ts')]);
    for (const m of bestMatches(catalogue, query)) pinned.push({ url: base + m.url, title: m.title, matched: [m.why], score: Infinity, kind: pageKind(m.url), pinned: 'catalogue' });
    const syn = matchSynonyms(query);
    for (const m of syn.pages) pinned.push({ url: `${base}/${m.page.id}/`, title: m.page.title, matched: [`「${m.word}」`], score: Infinity, kind: pageKind(`/${m.page.id}/`), pinned: 'synonym' });
    expansions = syn.expansions;
  }
  let ranked = await pagefindHits(pf, query, q, limit);
  for (const e of expansions) ranked = mergeHits(ranked, await hits(pf, e, limit));
  const seen = new Set<string>();
  return [...pinned, ...rankForHelpDesk(ranked)].filter((h) => !seen.has(h.url) && seen.add(h.url)).slice(0, limit);
}

/** Pages by segments matched, then by Pagefind's score weighted by what the page is for (KIND_WEIGHT). */
export function rankForHelpDesk(list: SmartHit[]): SmartHit[] {
  const w = (h: SmartHit) => h.score * KIND_WEIGHT[h.kind];
  return [...list].sort((a, b) => b.matched.length - a.matched.length || w(b) - w(a));
}

function mergeHits(a: SmartHit[], b: Omit<SmartHit, 'matched'>[]): SmartHit[] {
  const urls = new Set(a.map((h) => h.url));
  return [...a, ...b.filter((h) => !urls.has(h.url)).map((h) => ({ ...h, matched: [] as string[] }))];
}

async function pagefindHits(pf: PagefindLike, query: string, q: string, limit: number): Promise<SmartHit[]> {
  const long = q.length > 80 || /\n/.test(query);
  if (!long) {
    const whole = await hits(pf, q, limit);
    if (whole.length > 0) return whole.map((h) => ({ ...h, matched: [q] }));
  }
  const merged = new Map<string, SmartHit>();
  for (const seg of querySegments(query)) {
    for (const h of await hits(pf, seg, limit)) {
      const m = merged.get(h.url);
      if (m) {
        m.matched.push(seg);
        m.score = Math.max(m.score, h.score);
      } else merged.set(h.url, { ...h, matched: [seg] });
    }
  }
  return [...merged.values()].sort((a, b) => b.matched.length - a.matched.length || b.score - a.score).slice(0, limit);
}

/** Pagefind's first `limit` results, without `matched`: each caller says which terms found them. */
async function hits(pf: PagefindLike, term: string, limit: number): Promise<Omit<SmartHit, 'matched'>[]> {
  const r = await pf.search(term);
  if (!r) return [];
  return Promise.all(
    r.results.slice(0, limit).map(async (x) => {
      const d = await x.data();
      return { url: d.url, title: d.meta.title ?? d.url, score: x.score, kind: pageKind(d.url), excerpt: d.excerpt ? plainExcerpt(d.excerpt) : undefined };
    }),
  );
}

/** Pagefind's excerpt is HTML (<mark> around hits, entities): keep the text only. */
export function plainExcerpt(html: string): string {
  const ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+\d*);/gi, (m, e: string) => {
      if (ENT[e.toLowerCase()]) return ENT[e.toLowerCase()];
      if (e[0] === '#') {
        const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
      }
      return m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
