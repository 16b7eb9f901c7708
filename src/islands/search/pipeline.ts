/**
 * What a search box shows for a query, as DOM (loaded on first use: it pulls in the catalogue,
 * and for a paste the decoder). Order, first answer first:
 *   1. a paste: the decoder's verdict (the same options as the decoder page and the CLI);
 *   2. when no page explains the query: that notice, with flowchart 7.1, the decoder and the
 *      nearest family (never under a decoded answer or a pinned result);
 *   3. the pages: pinned ones (the catalogue or an everyday word names them), then Pagefind's,
 *      help-desk pages above authoring and reference pages;
 *   4. a paste: the other findings the decoder made.
 */
import { catalogue } from '../../lib/catalogue/data.ts';
import { smartSearch, type PagefindLike, type SmartHit } from '../../lib/search/smart-search.ts';
import { uncovered, type Uncovered } from '../../lib/search/coverage.ts';
import { loadSitePagefind } from '../decoder/pagefind.ts';
import { el } from '../dom.ts';

/** From this length a query is a paste: decoded, and searched sentence by sentence. */
export const LONG = 40;

const NO_INDEX: PagefindLike = { search: async () => null };

export interface SearchView {
  nodes: Node[];
  /** One line for the live region. */
  status: string;
}

export async function runSearch(text: string, base: string): Promise<SearchView> {
  const root = base.replace(/\/$/, '');
  const long = text.trim().length >= LONG;
  let pf = NO_INDEX;
  try {
    pf = await loadSitePagefind(base);
  } catch {
    // no search index (dev server): the catalogue lookups and the decoder still answer
  }
  const hits = await smartSearch(pf, text, 8, catalogue, { base });
  const nodes: Node[] = [];
  let status = '';

  if (long) {
    const [{ decode }, { renderFinding, renderVerdict }, { VERDICT_LABEL }] = await Promise.all([
      import('../../lib/decode/index.ts'),
      import('../decoder/render.ts'),
      import('../../lib/decode/verdict.ts'),
    ]);
    const report = decode(text, catalogue);
    nodes.push(el('h2', {}, '貼り付けた内容の判定'), renderVerdict(report.verdictInfo, { base }));
    status = `判定: ${VERDICT_LABEL[report.verdictInfo.verdict]}。`;
    if (hits.length) nodes.push(...resultList(hits, '文ごとに検索したページ'));
    const shown = new Set(hits.map((h) => h.url));
    const more = report.findings.filter((f) => (f.playbook && !shown.has(root + f.playbook.url)) || f.kind === 'not-ipsec').slice(0, 3);
    if (more.length) nodes.push(el('h2', {}, '貼り付けた内容の解析'), ...more.map((f) => renderFinding(f, { base }, 'h3')));
  } else {
    const none = uncovered(text, hits, catalogue, base);
    if (none) {
      nodes.push(notice(none, root));
      status = `「${none.query}」を説明するページはありません。ほかの探し方を表示しています。`;
      if (hits.length) nodes.push(...resultList(hits, '語を含むページ (説明しているページではありません)'));
    } else if (hits.length) {
      nodes.push(...resultList(hits, hits[0].pinned ? 'この言葉・番号のページ' : '検索結果'));
      status = `${hits.length} 件見つかりました。`;
    }
  }
  const first = nodes.length ? firstLink(nodes) : undefined;
  if (first) status += ` Enter で「${first}」を開きます。`;
  return { nodes, status: status.trim() };
}

function firstLink(nodes: Node[]): string | undefined {
  for (const n of nodes) {
    const a = n instanceof HTMLAnchorElement ? n : n instanceof Element ? n.querySelector('a[href]') : null;
    if (a) return (a.textContent ?? '').replace(/^まず開くページ: /, '').trim();
  }
  return undefined;
}

function resultList(hits: SmartHit[], heading: string): Node[] {
  const items = hits.map((h) => {
    const li = el('li', {}, el('a', { href: h.url }, h.title));
    if (h.pinned === 'catalogue') li.append(el('span', { className: 'sa-why' }, ` — ${h.matched[0]}`));
    else if (h.pinned === 'synonym') li.append(el('span', { className: 'sa-why' }, ` — ${h.matched[0]} から`));
    if (!h.pinned && h.excerpt) li.append(el('p', { className: 'sa-excerpt' }, h.excerpt.length > 110 ? `${h.excerpt.slice(0, 110)}…` : h.excerpt));
    return li;
  });
  return [el('h2', {}, heading), el('ol', { className: 'sa-results' }, ...items)];
}

/** The honest answer when no page explains the query, with where to go instead. */
function notice(u: Uncovered, root: string): HTMLElement {
  const box = el('section', { className: 'sa-none' });
  box.setAttribute('aria-label', '説明しているページがありません');
  box.append(el('h2', {}, `「${u.query}」を説明するページはありません`));
  if (u.known) box.append(el('p', {}, 'コード表にある意味: ', el('code', {}, u.known)));
  box.append(el('p', {}, 'このサイトのプレイブックは、この言葉や番号を扱っていません。次のどれかから進んでください。'));
  const ul = el(
    'ul',
    {},
    el('li', {}, el('a', { href: `${root}/flowcharts/first-diagnosis/` }, 'フローチャート 7.1: 最初の切り分け'), ' — 電話を受けたらここから'),
    el('li', {}, el('a', { href: `${root}/tools/decoder/` }, 'デコーダー'), ' — イベントやログの全文を貼り付けて調べる'),
  );
  if (u.family) {
    ul.append(el('li', {}, `近いファミリー: ${u.family.label}`, el('ul', {}, ...u.family.pages.map((p) => el('li', {}, el('a', { href: p.url }, p.title))))));
  }
  box.append(ul);
  return box;
}
