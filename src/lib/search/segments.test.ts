/**
 * querySegments (the segmenter the site's search actually uses for pastes), normaliseQuery, and the
 * pinning rule of smartSearch: a page the catalogue names comes first even when Pagefind scores another
 * page far higher or returns the pinned page itself.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/types.ts';
import { normaliseQuery, querySegments, smartSearch, type PagefindLike } from './smart-search.ts';

const catalogue = JSON.parse(readFileSync('src/generated/catalogue.json', 'utf8')) as Catalogue;

/** A Pagefind stand-in that answers per term, and records the terms it was asked. */
function pagefind(answers: Record<string, [url: string, score: number][]>) {
  const asked: string[] = [];
  const pf: PagefindLike = {
    search: async (term) => {
      asked.push(term);
      const pages = answers[term];
      if (!pages) return { results: [] };
      return { results: pages.map(([url, score], i) => ({ id: String(i), score, data: async () => ({ url, meta: { title: `T ${url}` } }) })) };
    },
  };
  return { pf, asked };
}

describe('normaliseQuery', () => {
  it('folds full-width letters, quotes and brackets, and runs of white space', () => {
    expect(normaliseQuery('  ＩＫＥ\u3000「ピア」 “x”  "y"『z』\n')).toBe('IKE ピア x y z');
    expect(normaliseQuery('\t \n')).toBe('');
  });
});

describe('querySegments', () => {
  it('splits a pasted 547 into its sentences and field values, dropping bare labels', () => {
    const paste = 'IKE security association negotiation failed.\n Mode: \nKey Exchange Mode (Main Mode)\n\n Failure Reason: \nNo response from peer\n';
    expect(querySegments(paste)).toEqual(['IKE security association negotiation failed.', 'Key Exchange Mode (Main Mode)', 'No response from peer']);
  });

  it('splits on 。, full-width and ASCII colons, tabs and bars; strips list marks; drops duplicates and 1-character pieces', () => {
    expect(querySegments('ピアから応答がありません。- 最初の SA ペイロード：応答側\tデルタ時間 63|x|• ピアから応答がありません')).toEqual([
      'ピアから応答がありません',
      '最初の SA ペイロード',
      '応答側',
      'デルタ時間 63',
    ]);
  });

  it('splits on 、 only before a long run (a list of phrases), not inside a sentence', () => {
    expect(querySegments('ネゴシエーション、タイムアウト')).toEqual(['ネゴシエーション、タイムアウト']);
    expect(querySegments('ネゴシエーション、タイムアウトしました再試行中です')).toEqual(['ネゴシエーション', 'タイムアウトしました再試行中です']);
  });

  it('keeps short labels that carry a digit or three words, and full-width text after NFKC', () => {
    expect(querySegments('Event ID\nEvent 4653\nNo policy configured\nＭａｉｎ Ｍｏｄｅ')).toEqual(['Event 4653', 'No policy configured']);
  });

  it('keeps a two-character segment, drops labels only when they are whole-line letters of at most 16 characters and two words', () => {
    expect(querySegments('応答\nSA\nMode\nFailure Point\nKey Exchange Mode\nExtraordinarily long label\nExtraordinarylong label\n5 Mode\nMode 5')).toEqual(['応答', 'Key Exchange Mode', 'Extraordinarily long label', 'Extraordinarylong label', '5 Mode', 'Mode 5']);
  });

  it('stops at max segments', () => {
    const many = Array.from({ length: 20 }, (_, i) => `文 ${i}`).join('\n');
    expect(querySegments(many)).toHaveLength(12);
    expect(querySegments(many, 3)).toEqual(['文 0', '文 1', '文 2']);
  });
});

describe('smartSearch: whole query, then segments', () => {
  it('a short query is searched whole, and its hits matched by the whole query', async () => {
    const { pf, asked } = pagefind({ 'ピアから応答': [['/ike-main-mode/no-response/', 3]] });
    expect(await smartSearch(pf, ' ピアから応答 ')).toMatchObject([{ url: '/ike-main-mode/no-response/', title: 'T /ike-main-mode/no-response/', matched: ['ピアから応答'], score: 3 }]);
    expect(asked).toEqual(['ピアから応答']);
  });

  it('a paste with line breaks is never searched whole: pages rank by segments matched, then by best score', async () => {
    const { pf, asked } = pagefind({
      'No response from peer': [['/a/one/', 1], ['/b/two/', 9]],
      'Key Exchange Mode (Main Mode)': [['/a/one/', 2]],
    });
    const hits = await smartSearch(pf, 'No response from peer\nKey Exchange Mode (Main Mode)');
    expect(hits.map((h) => [h.url, h.matched, h.score])).toEqual([
      ['/a/one/', ['No response from peer', 'Key Exchange Mode (Main Mode)'], 2],
      ['/b/two/', ['No response from peer'], 9],
    ]);
    expect(asked).toEqual(['No response from peer', 'Key Exchange Mode (Main Mode)']);
  });

  it('a short query that finds nothing whole is searched by segments', async () => {
    const { pf, asked } = pagefind({ 'ピアから応答がありません': [['/ike-main-mode/no-response/', 1]] });
    const hits = await smartSearch(pf, 'ピアから応答がありません。応答側');
    expect(hits.map((h) => h.url)).toEqual(['/ike-main-mode/no-response/']);
    expect(asked).toEqual(['ピアから応答がありません。応答側', 'ピアから応答がありません', '応答側']);
  });

  it('a long one-line query (over 80 characters) goes straight to segments; the limit caps the list', async () => {
    const long = 'あ'.repeat(81);
    const { pf, asked } = pagefind({ [long]: [['/x/y/', 1], ['/x/z/', 1], ['/x/w/', 1]] });
    expect((await smartSearch(pf, long, 2)).map((h) => h.url)).toEqual(['/x/y/', '/x/z/']);
    expect(asked).toEqual([long]);
    expect(await smartSearch(pf, ' \n ')).toEqual([]);
  });
});

// the first lookup loads the decoder and indexes the catalogue: seconds on a busy machine
describe('smartSearch: pinned pages stay first', { timeout: 30_000 }, () => {
  it('the catalogue\'s page comes first although Pagefind scores another page a hundred times higher', async () => {
    const { pf } = pagefind({ '13801': [['/reference/error-codes/', 100], ['/ike-auth/credentials-unacceptable/', 1]] });
    const hits = await smartSearch(pf, '13801', 10, catalogue);
    expect(hits.map((h) => [h.url, h.pinned ?? 'ranked'])).toEqual([
      ['/ike-auth/credentials-unacceptable/', 'catalogue'],
      ['/vpn/error-13801/', 'catalogue'],
      ['/reference/error-codes/', 'ranked'],
    ]);
    expect(hits[0].score).toBe(Infinity);
  });

  it('the chapter\'s 4268 pins the bad-SPI page above a page that only mentions the number', async () => {
    const { pf } = pagefind({ '4268': [['/reference/chapter-errata/', 50]] });
    expect((await smartSearch(pf, '4268', 3, catalogue)).map((h) => h.url)).toEqual(['/ipsec-driver/bad-spi/', '/reference/chapter-errata/']);
  });

  it('without the catalogue nothing is pinned: Pagefind\'s order, weighted for the help desk', async () => {
    const { pf } = pagefind({ '13801': [['/reference/error-codes/', 100], ['/ike-auth/credentials-unacceptable/', 1]] });
    expect((await smartSearch(pf, '13801', 10)).map((h) => [h.url, h.pinned])).toEqual([
      ['/reference/error-codes/', undefined],
      ['/ike-auth/credentials-unacceptable/', undefined],
    ]);
  });
});
