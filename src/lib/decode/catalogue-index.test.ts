/**
 * One source for page titles: the decoder names a guide or reference page by the title the page gives itself
 * (its frontmatter), collected into the catalogue by the build. The hand-typed table this replaces differed
 * from the real titles for 26 of 28 pages, and those titles went into tickets.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectGuides, readFrontmatter } from '../catalogue/build.ts';
import { fixture, generatedCatalogue, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { getIndex, guideRef } from './catalogue-index.ts';
import { decode } from './index.ts';

const root = join(import.meta.dirname, '../../..');
const titleOf = (id: string) => readFrontmatter(readFileSync(join(root, 'content', `${id}.mdx`), 'utf8'))?.title;

/** Every `guide: '…'` the command decoders name. */
const commandDir = join(import.meta.dirname, 'commands');
const GUIDE_IDS = [...new Set(readdirSync(commandDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).flatMap((f) => [...readFileSync(join(commandDir, f), 'utf8').matchAll(/guide: '([a-z0-9/-]+)'/g)].map((m) => m[1])))].sort();

describe('guide titles come from the pages', () => {
  it('collectGuides reads the frontmatter title of guide and reference pages', () => {
    const guides = collectGuides(root);
    expect(guides).toContainEqual({ id: 'guides/path-connectivity', title: '経路の接続性と通すべきプロトコル' });
    expect(guides).toContainEqual({ id: 'reference/netdiag', title: 'Netdiag の IPsec 機能 (表 7.1)' });
    expect(guides.filter((g) => !g.id.startsWith('guides/') && !g.id.startsWith('reference/'))).toEqual([]);
    const files = ['guides', 'reference'].flatMap((d) => readdirSync(join(root, 'content', d)).filter((f) => f.endsWith('.mdx') && !f.startsWith('_')).map((f) => `${d}/${f.replace('.mdx', '')}`));
    expect(guides.map((g) => g.id).sort()).toEqual(files.sort());
  });

  it('the decoder names every guide it links (16 pages) by the page\'s own title, in the site\'s catalogue', () => {
    expect(GUIDE_IDS.length).toBe(16);
    const idx = getIndex(generatedCatalogue());
    for (const id of GUIDE_IDS) expect(guideRef(id, idx), id).toEqual({ id, url: `/${id}/`, title: titleOf(id) });
  });

  it('a decoded command finding carries that title (ping → the path connectivity guide)', () => {
    const f = decode(fixture('ping-en.txt'), testCatalogue()).findings.find((x) => x.guide);
    expect(f?.guide).toEqual({ id: 'guides/path-connectivity', url: '/guides/path-connectivity/', title: '経路の接続性と通すべきプロトコル' });
  });

  it('an id the catalogue does not list (an old catalogue) is named by its id, never by a made-up title', () => {
    expect(guideRef('guides/not-written', getIndex(generatedCatalogue()))).toEqual({ id: 'guides/not-written', url: '/guides/not-written/', title: 'guides/not-written' });
    expect(guideRef('guides/toolkit')).toEqual({ id: 'guides/toolkit', url: '/guides/toolkit/', title: 'guides/toolkit' });
    expect(getIndex({ generatedFrom: '', playbooks: [], events: [], errorCodes: [] }).guides.size).toBe(0);
  });
});
