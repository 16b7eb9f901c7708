/**
 * Search that works for what help desks paste: Pagefind ANDs every word, so a whole pasted
 * event finds nothing. This normalises the query (NFKC: ＩＫＥ → IKE), searches it whole, and
 * when that finds nothing (or the query is long) searches each segment and merges the pages,
 * ranking a page by how many segments hit it, then by its best Pagefind score. Given the
 * catalogue, the playbooks the query names outright (bestMatches) come first.
 */
import type { Catalogue } from '../catalogue/types.ts';

/** The part of Pagefind's JS API used here (pagefind.js `search`). */
export interface PagefindLike {
  search(term: string): Promise<{ results: { id: string; score: number; data: () => Promise<{ url: string; meta: { title?: string } }> }[] } | null>;
}

export interface SmartHit {
  url: string;
  title: string;
  /** Segments that found this page. */
  matched: string[];
  score: number;
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

export async function smartSearch(pf: PagefindLike, query: string, limit = 10, catalogue?: Catalogue): Promise<SmartHit[]> {
  const q = normaliseQuery(query);
  if (!q) return [];
  // Loaded only when asked for: the lookup pulls in the decoder, which pages load on demand.
  const pinned: SmartHit[] = catalogue ? (await import('./best-match.ts')).bestMatches(catalogue, query).map((m) => ({ url: m.url, title: m.title, matched: [m.why], score: Infinity })) : [];
  const ranked = await pagefindHits(pf, query, q, limit);
  const seen = new Set(pinned.map((p) => p.url));
  return [...pinned, ...ranked.filter((h) => !seen.has(h.url))].slice(0, limit);
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

async function hits(pf: PagefindLike, term: string, limit: number): Promise<SmartHit[]> {
  const r = await pf.search(term);
  if (!r) return [];
  return Promise.all(
    r.results.slice(0, limit).map(async (x) => {
      const d = await x.data();
      return { url: d.url, title: d.meta.title ?? d.url, matched: [], score: x.score };
    }),
  );
}
