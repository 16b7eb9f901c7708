/**
 * Every message of the chapter is found by the site search from its Japanese and from its
 * English text: through the search box's own step (catalogue lookup + Pagefind) the page that
 * quotes it comes first, and Pagefind alone still lists that page among its first results.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTsv } from '../../src/lib/data/tsv.ts';
import { smartSearch, type PagefindLike } from '../../src/lib/search/smart-search.ts';
import type { Catalogue } from '../../src/lib/catalogue/types.ts';
import { loadPagefind } from '../support/pagefind.ts';
import { fold, readBuiltSite } from '../support/built-site.ts';

const rows = parseTsv(readFileSync('content/data/messages.tsv', 'utf8'));
const catalogue = JSON.parse(readFileSync('src/generated/catalogue.json', 'utf8')) as Catalogue;
const symptoms = readBuiltSite().map((p) => ({ url: p.url, text: p.sections.get('症状') ?? '' }));
const quoting = (s: string) => new Set(symptoms.filter((p) => p.text.includes(fold(s))).map((p) => p.url));
// What a person types: the message with Windows' placeholders (%2, <IP アドレス>) and line breaks left out.
const typed = (s: string) => s.replace(/\\n/g, ' ').replace(/%\d+/g, ' ').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

let pf: PagefindLike;
beforeAll(async () => {
  pf = await loadPagefind();
});

const queries = rows.flatMap((r) => [
  { id: r.id, lang: 'ja', text: r.ja_text },
  ...r.en_text.split(' | ').filter(Boolean).map((en) => ({ id: r.id, lang: 'en', text: en })),
]);

describe('every chapter message is found by the site search', () => {
  it(`through the search box: a page quoting it comes first (${queries.length} queries)`, async () => {
    const misses: string[] = [];
    for (const q of queries) {
      const hits = await smartSearch(pf, typed(q.text), 5, catalogue);
      if (!hits[0] || !quoting(q.text).has(hits[0].url)) misses.push(`${q.id} ${q.lang} "${q.text.slice(0, 40)}" → ${hits[0]?.url ?? 'nothing'}`);
    }
    expect(misses, misses.join('\n')).toEqual([]);
  });

  it('through Pagefind alone: a page quoting it is among the first ten results', async () => {
    const misses: string[] = [];
    for (const q of queries) {
      const hits = await smartSearch(pf, typed(q.text), 10);
      const want = quoting(q.text);
      if (!hits.some((h) => want.has(h.url))) misses.push(`${q.id} ${q.lang} "${q.text.slice(0, 40)}"`);
    }
    expect(misses, misses.join('\n')).toEqual([]);
  });
});
