import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Catalogue } from '../catalogue/types.ts';
import { pageKind } from './ranking.ts';
import { plainExcerpt, rankForHelpDesk, smartSearch, type PagefindLike, type SmartHit } from './smart-search.ts';

const catalogue = JSON.parse(readFileSync('src/generated/catalogue.json', 'utf8')) as Catalogue;

/** A Pagefind stand-in: every query finds the same pages with the given scores. */
const fakePagefind = (pages: [url: string, score: number][]): PagefindLike => ({
  search: async () => ({ results: pages.map(([url, score], i) => ({ id: String(i), score, data: async () => ({ url, meta: { title: url }, excerpt: `about <mark>${url}</mark> &amp; more` }) })) }),
});

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
