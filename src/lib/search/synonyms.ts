/**
 * Everyday words → the pages that answer them (content/data/search-synonyms.json). Pagefind only
 * finds words a page contains; callers say 「なりすまし」 where the page says
 * 「ソーシャル エンジニアリング」. The data is the whole of the knowledge here: this module only folds
 * and matches.
 */
import data from '../../../content/data/search-synonyms.json' with { type: 'json' };

export interface SynonymPage {
  /** Page id (`guides/social-engineering`). */
  id: string;
  title: string;
}

export interface SynonymEntry {
  words: string[];
  pages: SynonymPage[];
  /** A query in the site's own wording, searched as well. */
  expand?: string;
}

export const SYNONYMS: readonly SynonymEntry[] = (data as { entries: SynonymEntry[] }).entries;

/** Fold for comparison: NFKC (full-width → half-width), lower case, no spaces or brackets. */
export const foldWord = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s「」『』"'。、,.!?！？]/g, '');

/** Synonyms are for typed words: a paste longer than this is decoded and searched sentence by sentence instead. */
export const MAX_SYNONYM_QUERY = 40;

export interface SynonymMatch {
  /** The word of the data that the query contains. */
  word: string;
  page: SynonymPage;
}

/** Pages named by the everyday words the query contains, longest word first; and the expansions to search. */
export function matchSynonyms(query: string, entries: readonly SynonymEntry[] = SYNONYMS): { pages: SynonymMatch[]; expansions: string[] } {
  const q = foldWord(query);
  const pages: (SynonymMatch & { len: number })[] = [];
  const expansions: string[] = [];
  if (!q || query.length > MAX_SYNONYM_QUERY) return { pages: [], expansions: [] };
  for (const e of entries) {
    const hit = e.words.filter((w) => q.includes(foldWord(w))).sort((a, b) => foldWord(b).length - foldWord(a).length)[0];
    if (!hit) continue;
    for (const page of e.pages) pages.push({ word: hit, page, len: foldWord(hit).length });
    if (e.expand && !q.includes(foldWord(e.expand))) expansions.push(e.expand);
  }
  const seen = new Set<string>();
  const out = pages
    .sort((a, b) => b.len - a.len)
    .filter((m) => !seen.has(m.page.id) && seen.add(m.page.id))
    .map(({ word, page }) => ({ word, page }));
  return { pages: out, expansions };
}
