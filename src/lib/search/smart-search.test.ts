import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Catalogue } from '../catalogue/types.ts';
import { pageKind } from './ranking.ts';
import { plainExcerpt, querySegments, rankForHelpDesk, smartSearch, type PagefindLike, type SmartHit } from './smart-search.ts';

const catalogue = JSON.parse(readFileSync('src/generated/catalogue.json', 'utf8')) as Catalogue;

/** A Pagefind stand-in: every query finds the same pages with the given scores. */
const fakePagefind = (pages: [url: string, score: number][]): PagefindLike => ({
  search: async () => ({ results: pages.map(([url, score], i) => ({ id: String(i), score, data: async () => ({ url, meta: { title: url }, excerpt: `about <mark>${url}</mark> &amp; more` }) })) }),
});

/**
 * A Pagefind stand-in that answers per term (null: Pagefind answered nothing at all), recording the terms asked
 * and the results whose data was loaded.
 */
function pagefindByTerm(answers: Record<string, [url: string, score: number][] | null>) {
  const asked: string[] = [];
  const loaded: string[] = [];
  const pf: PagefindLike = {
    search: async (term) => {
      asked.push(term);
      const pages = answers[term] === undefined ? [] : answers[term];
      if (pages === null) return null;
      const data = (url: string) => async () => {
        loaded.push(url);
        return { url, meta: { title: url } };
      };
      return { results: pages.map(([url, score], i) => ({ id: String(i), score, data: data(url) })) };
    },
  };
  return { pf, asked, loaded };
}

describe('pageKind', () => {
  it('reads what a page is for from its URL, with or without a base path', () => {
    expect(pageKind('/ike-main-mode/no-response/')).toBe('playbook');
    expect(pageKind('/kb/flowcharts/first-diagnosis/')).toBe('playbook');
    expect(pageKind('/authoring/guide/')).toBe('authoring');
    expect(pageKind('/kb/authoring/rules/tier1-box/')).toBe('authoring');
    expect(pageKind('/reference/error-codes/')).toBe('reference');
    expect(pageKind('/sigma/')).toBe('reference');
    expect(pageKind('/guides/social-engineering/')).toBe('guide');
    expect(pageKind('/tools/decoder/')).toBe('tool');
    expect(pageKind('/')).toBe('home');
  });
});

describe('ranking for help-desk queries', () => {
  it('puts a playbook above the authoring guide and a reference table that score a little higher', () => {
    const h = (url: string, score: number): SmartHit => ({ url, title: url, matched: ['q'], score, kind: pageKind(url) });
    const order = rankForHelpDesk([h('/authoring/guide/', 10), h('/reference/error-codes/', 8), h('/vpn/error-809/', 6), h('/guides/vpn-clients/', 5)]).map((x) => x.url);
    expect(order).toEqual(['/vpn/error-809/', '/guides/vpn-clients/', '/reference/error-codes/', '/authoring/guide/']);
  });

  it('still lets a page that matches far better win (nothing is hidden)', () => {
    const h = (url: string, score: number): SmartHit => ({ url, title: url, matched: ['q'], score, kind: pageKind(url) });
    expect(rankForHelpDesk([h('/vpn/error-809/', 1), h('/authoring/guide/', 20)])[0].url).toBe('/authoring/guide/');
  });
});

describe('smartSearch', () => {
  const pf = fakePagefind([['/authoring/guide/', 9], ['/ipsec-service/rpc-init/', 5]]);

  it('resolves one code in its Win32 and HRESULT spellings to the same page (0x800706BA = 1722)', async () => {
    for (const q of ['1722', '0x6BA', '0x000006BA', '0x800706BA', '0x800706ba', 'エラー 1722', '-2147023174']) {
      const hits = await smartSearch(pf, q, 5, catalogue);
      expect(hits[0].url, q).toBe('/ipsec-service/rpc-init/');
      expect(hits[0].pinned, q).toBe('catalogue');
    }
  });

  it('pins the pages of everyday words, with the base path, before ranked hits', async () => {
    const hits = await smartSearch(pf, 'なりすまし', 5, catalogue, { base: '/kb/' });
    expect(hits.slice(0, 2).map((h) => [h.url, h.pinned])).toEqual([
      ['/kb/guides/social-engineering/', 'synonym'],
      ['/kb/tools/training/', 'synonym'],
    ]);
    // ranked hits follow, playbook before the authoring guide
    expect(hits.slice(2).map((h) => h.url)).toEqual(['/ipsec-service/rpc-init/', '/authoring/guide/']);
  });

  it('gives excerpts as text', async () => {
    const hits = await smartSearch(pf, 'something', 5);
    expect(hits[0].excerpt).toBe('about /ipsec-service/rpc-init/ & more');
    expect(plainExcerpt('a&lt;b&gt; &#12354; <mark>x</mark>')).toBe('a<b> あ x');
  });
});

describe('querySegments: bare labels', () => {
  it('keeps a short all-letter line of three words and drops one of two', () => {
    expect(querySegments('Main Mode SA\nMain Mode\nQuick Mode SA')).toEqual(['Main Mode SA', 'Quick Mode SA']);
  });
});

describe('plainExcerpt', () => {
  it('decodes the named entities Pagefind writes', () => {
    expect(plainExcerpt('&quot;x&quot; &apos;y&apos; &#39;z&#39; a&nbsp;b &AMP; &LT;')).toBe('"x" \'y\' \'z\' a b & <');
  });

  it('decodes hexadecimal references in either case', () => {
    expect(plainExcerpt('&#x41;&#X42;&#x3042;&#x10FFFF;')).toBe('ABあ\u{10FFFF}');
  });

  it('leaves references that name no character, and unknown names, as written', () => {
    // 0, a non-decimal "#a" and one past U+10FFFF are no code points; "&x41;" lacks its "#"
    expect(plainExcerpt('&#0; &#a; &#x110000; &copy; &x41;')).toBe('&#0; &#a; &#x110000; &copy; &x41;');
  });

  it('collapses runs of white space left by removed markup and trims the ends', () => {
    expect(plainExcerpt('  a \n\t <mark>b</mark>  c ')).toBe('a b c');
  });
});

describe('smartSearch: queries and Pagefind answers', () => {
  it('searches nothing for a query that is only brackets and spaces', async () => {
    const { pf, asked } = pagefindByTerm({ '': [['/ike-main-mode/no-response/', 1]] });
    expect(await smartSearch(pf, ' 「」 ')).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('finds nothing, without failing, when Pagefind answers null', async () => {
    const { pf } = pagefindByTerm({ 'ピアから応答': null });
    expect(await smartSearch(pf, 'ピアから応答')).toEqual([]);
  });

  it('loads the data of only the first `limit` results Pagefind returns', async () => {
    const { pf, loaded } = pagefindByTerm({ 'ピアから応答': [['/authoring/guide/', 10], ['/ike-main-mode/no-response/', 6], ['/reference/error-codes/', 5]] });
    expect((await smartSearch(pf, 'ピアから応答', 2)).map((h) => h.url)).toEqual(['/ike-main-mode/no-response/', '/authoring/guide/']);
    expect(loaded).toEqual(['/authoring/guide/', '/ike-main-mode/no-response/']);
  });

  it('searches a one-line query of exactly 80 characters whole, and one of 81 by segments only', async () => {
    const at80 = `${'あ'.repeat(40)}。${'い'.repeat(39)}`;
    const at81 = `${'あ'.repeat(40)}。${'い'.repeat(40)}`;
    const a = pagefindByTerm({ [at80]: [['/x/y/', 1]] });
    expect((await smartSearch(a.pf, at80)).map((h) => h.matched)).toEqual([[at80]]);
    expect(a.asked).toEqual([at80]);
    const b = pagefindByTerm({ [at81]: [['/x/y/', 1]] });
    await smartSearch(b.pf, at81);
    expect(b.asked).toEqual(['あ'.repeat(40), 'い'.repeat(40)]);
  });

  it('with a limit, keeps the page with the best score among pages found by as many segments', async () => {
    const { pf } = pagefindByTerm({ 'ピアから応答がありません': [['/a/one/', 1]], '応答側': [['/b/two/', 5]] });
    expect((await smartSearch(pf, 'ピアから応答がありません\n応答側', 1)).map((h) => [h.url, h.matched, h.score])).toEqual([['/b/two/', ['応答側'], 5]]);
  });

  it('with a limit, keeps the page found by more segments over one that scores higher', async () => {
    const { pf } = pagefindByTerm({ 'ピアから応答がありません': [['/a/one/', 9]], '応答側': [['/b/two/', 1]], '最初の SA ペイロード': [['/b/two/', 2]] });
    const hits = await smartSearch(pf, 'ピアから応答がありません\n応答側\n最初の SA ペイロード', 1);
    expect(hits.map((h) => [h.url, h.matched, h.score])).toEqual([['/b/two/', ['応答側', '最初の SA ペイロード'], 2]]);
  });
});

describe('smartSearch: pinned pages and expansions', { timeout: 30_000 }, () => {
  it('says why a catalogue page is pinned', async () => {
    const { pf } = pagefindByTerm({});
    expect(await smartSearch(pf, '4268', 5, catalogue)).toEqual([
      { url: '/ipsec-driver/bad-spi/', title: 'イベント 4283 (章の表記は 4268): 不正な SPI の付いたパケットを受信', matched: ['イベント 4268'], score: Infinity, kind: 'playbook', pinned: 'catalogue' },
    ]);
  });

  it('counts pinned pages within the limit', async () => {
    const { pf } = pagefindByTerm({ 'なりすまし': [['/ike-main-mode/no-response/', 6], ['/authoring/guide/', 10]] });
    expect((await smartSearch(pf, 'なりすまし', 3, catalogue)).map((h) => h.url)).toEqual(['/guides/social-engineering/', '/tools/training/', '/ike-main-mode/no-response/']);
  });

  it('adds the pages each expansion finds once, unmatched, after the pages the query found', async () => {
    // two words, two expansions: a page found by both keeps its first score (1), not the later 9
    const { pf, asked } = pagefindByTerm({
      'なりすまし clock skew': [['/reference/glossary/', 4]],
      'ソーシャル エンジニアリング': [['/guides/support-tiers/', 1], ['/reference/glossary/', 8]],
      '時刻': [['/guides/support-tiers/', 9], ['/guides/name-resolution/', 5]],
    });
    const hits = await smartSearch(pf, 'なりすまし clock skew', 10, catalogue);
    expect(hits.map((h) => [h.url, h.pinned ?? 'ranked', h.matched, h.score, h.kind])).toEqual([
      ['/guides/domain-controller-kerberos/', 'synonym', ['「clock skew」'], Infinity, 'guide'],
      ['/guides/social-engineering/', 'synonym', ['「なりすまし」'], Infinity, 'guide'],
      ['/tools/training/', 'synonym', ['「なりすまし」'], Infinity, 'tool'],
      ['/reference/glossary/', 'ranked', ['なりすまし clock skew'], 4, 'reference'],
      ['/guides/name-resolution/', 'ranked', [], 5, 'guide'],
      ['/guides/support-tiers/', 'ranked', [], 1, 'guide'],
    ]);
    expect(asked).toEqual(['なりすまし clock skew', 'ソーシャル エンジニアリング', '時刻']);
  });
});

describe('smartSearch: the limit and the help-desk weighting', () => {
  // the weighting reorders the pages Pagefind scores best, it does not bring in pages Pagefind put below the limit
  it('keeps Pagefind\'s top `limit` pages, for a whole query and for segments alike', async () => {
    const whole = pagefindByTerm({ 'ピアから応答': [['/authoring/guide/', 10], ['/ike-main-mode/no-response/', 6]] });
    expect((await smartSearch(whole.pf, 'ピアから応答', 1)).map((h) => h.url)).toEqual(['/authoring/guide/']);
    const segs = pagefindByTerm({ 'ピアから応答がありません': [['/authoring/guide/', 10]], '応答側': [['/ike-main-mode/no-response/', 6]] });
    expect((await smartSearch(segs.pf, 'ピアから応答がありません\n応答側', 1)).map((h) => h.url)).toEqual(['/authoring/guide/']);
  });
});
