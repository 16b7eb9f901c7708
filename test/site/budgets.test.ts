/**
 * Weight budgets, enforced on every built page: gzip sizes of HTML, CSS and up-front JS stay
 * under test/budgets.json. Pages with a widget get the stated allowance on top. Figures for
 * every page are written to test-results/page-weights.tsv.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../../scripts/lib/html-files.ts';
import { pageWeight } from '../../scripts/lib/page-weight.ts';

interface Budgets {
  page: { html: number; css: number; js: number };
  widget: { patterns: string[]; html: number; css: number; js: number };
}
const budgets = JSON.parse(readFileSync('test/budgets.json', 'utf8')) as Budgets;
const dist = process.env.E2E_DIST ?? 'dist';

const isWidget = (url: string) => budgets.widget.patterns.some((p) => new RegExp(`^${p.replace(/\*/g, '.*')}$`).test(url));

describe('page weight budgets (gzip bytes)', () => {
  const rows = htmlFiles(dist).map((f) => {
    const url = '/' + f.slice(dist.length + 1).replace(/\\/g, '/').replace(/index\.html$/, '');
    return { url, widget: isWidget(url), ...pageWeight(dist, f, process.env.BASE_PATH ?? '/') };
  });

  it('every page is within its budget', () => {
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/page-weights.tsv', ['url\twidget\thtml\tcss\tjs', ...rows.map((r) => `${r.url}\t${r.widget}\t${r.html}\t${r.css}\t${r.js}`)].join('\n') + '\n');
    const over = rows.flatMap((r) =>
      (['html', 'css', 'js'] as const)
        .map((k) => ({ k, limit: budgets.page[k] + (r.widget ? budgets.widget[k] : 0) }))
        .filter(({ k, limit }) => r[k] > limit)
        .map(({ k, limit }) => `${r.url}: ${k} ${r[k]} > ${limit}`),
    );
    expect(over, over.join('\n')).toEqual([]);
  });

  it('widget patterns match real pages (a stale pattern would hide an allowance)', () => {
    const unused = budgets.widget.patterns.filter((p) => !rows.some((r) => new RegExp(`^${p.replace(/\*/g, '.*')}$`).test(r.url)));
    expect(unused).toEqual([]);
  });
});
