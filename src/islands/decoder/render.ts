/**
 * Turn decoder reports into DOM. Every string from the input goes in through textContent,
 * never as HTML, so a pasted `<img src=x onerror=…>` is shown as text.
 */
import type { BundleReport, DecodeReport, Finding, ReportVerdict, SummaryGroup } from '../../lib/decode/types.ts';
import { VERDICT_LABEL } from '../../lib/decode/verdict-label.ts';
import sensitive from '../../../content/data/sensitive.json';
import { el } from '../dom.ts';

export interface RenderOptions {
  /** Astro base path, e.g. '/' or '/kb/'. */
  base: string;
  /** Called when the reader asks to see where a fact came from. */
  onShowSpan?: (span: [number, number]) => void;
  /** Called when the reader asks to search the site for unrecognised text. */
  onSearch?: (text: string) => void;
}

const KIND_LABEL: Record<string, string> = {
  event: 'イベント',
  message: 'メッセージ',
  'error-code': 'エラー コード',
  'command-output': 'コマンドの出力',
  registry: 'レジストリ',
  oakley: 'Oakley.log',
  'not-ipsec': 'IPsec のイベントではありません',
  symptom: 'おそらく',
  lookalike: 'Windows 以外の製品',
  anomaly: '異常',
  component: 'IPsec コンポーネント',
};

/** The verdict for the whole paste, first thing the reader sees: word, reason, page, evidence, next steps. */
export function renderVerdict(v: ReportVerdict, opts: RenderOptions): HTMLElement {
  const box = el('section', { className: `dec-verdict dec-verdict-${v.verdict}` });
  box.setAttribute('data-verdict', v.verdict);
  box.setAttribute('aria-label', '判定');
  box.append(el('h3', {}, '判定: ', el('strong', {}, VERDICT_LABEL[v.verdict])));
  if (v.alert) box.append(el('p', { className: 'dec-alert' }, el('strong', {}, 'セキュリティ担当へ: '), v.alert, '。IPsec の対処を進めず、すぐにエスカレーションしてください。'));
  box.append(el('p', {}, v.reason));
  if (v.playbook) box.append(el('p', {}, el('a', { href: href(opts.base, v.playbook.url, v.playbook.anchor) }, `まず開くページ: ${v.playbook.title}`)));
  else if (v.guide) box.append(el('p', {}, el('a', { href: href(opts.base, v.guide.url) }, `まず開くページ: ${v.guide.title}`)));
  if (v.next.length) box.append(el('p', {}, el('strong', {}, '次に集めるもの')), el('ul', {}, ...v.next.map((n) => el('li', {}, n))));
  if (v.evidence.length && opts.onShowSpan) {
    const p = el('p', { className: 'dec-evidence' }, '根拠: ');
    v.evidence.forEach((sp, i) => {
      const b = el('button', { type: 'button', className: 'dec-span' }, `入力の ${i + 1} か所目`);
      // the accessible name contains the visible text (WCAG 2.5.3 label in name)
      b.setAttribute('aria-label', `判定の根拠: 入力の ${i + 1} か所目を入力欄で選択`);
      b.addEventListener('click', () => opts.onShowSpan!(sp));
      p.append(b, ' ');
    });
    box.append(p);
  }
  return box;
}

const href = (base: string, url: string, anchor?: string) => `${base.replace(/\/$/, '')}${url}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;

function sensitiveCard(ids: string[], base: string): HTMLElement | null {
  const topics = sensitive.topics as Record<string, { label: string; why: string }>;
  const known = ids.map((id) => topics[id]).filter(Boolean);
  if (!known.length) return null;
  return el(
    'aside',
    { className: 'pb-card' },
    el('p', {}, el('strong', {}, '電話やメールで聞かれても答えない情報を含みます。'), ' 相手の本人確認が済むまで読み上げたり送ったりしないでください。'),
    el('ul', {}, ...known.map((t) => el('li', {}, `${t.label} — ${t.why}`))),
    el('a', { href: href(base, `/${sensitive.guidePage}/`) }, 'ソーシャル エンジニアリング対策'),
  );
}

export function renderFinding(f: Finding, opts: RenderOptions, headingLevel: 'h3' | 'h4' = 'h3'): HTMLElement {
  const card = el('article', { className: `dec-finding dec-${f.kind}` });
  card.append(el(headingLevel, {}, el('span', { className: 'dec-kind' }, KIND_LABEL[f.kind] ?? f.kind), ' ', f.title));
  if (f.verdict) card.append(el('p', { className: 'dec-finding-verdict' }, `判定: ${VERDICT_LABEL[f.verdict]}${f.verdictReason ? ` — ${f.verdictReason}` : ''}`));
  card.append(el('p', {}, f.meaning));
  if (f.facts.length) {
    const dl = el('dl', { className: 'dec-facts' });
    for (const fact of f.facts) {
      const dd = el('dd', {}, el('code', {}, fact.value));
      if (opts.onShowSpan) {
        const b = el('button', { type: 'button', className: 'dec-span' }, '入力の該当箇所');
        b.setAttribute('aria-label', `${fact.label} の入力の該当箇所を選択`);
        b.addEventListener('click', () => opts.onShowSpan!(fact.span));
        dd.append(' ', b);
      }
      dl.append(el('div', {}, el('dt', {}, fact.label), dd));
    }
    card.append(dl);
  }
  const links = el('p', { className: 'dec-links' });
  if (f.playbook) links.append(el('a', { href: href(opts.base, f.playbook.url, f.playbook.anchor) }, `対処: ${f.playbook.title}`));
  for (const alt of f.alternatives ?? []) links.append(' / ', el('a', { href: href(opts.base, alt.url, alt.anchor) }, alt.title));
  if (f.guide) links.append(f.playbook ? ' / ' : '', el('a', { href: href(opts.base, f.guide.url) }, f.guide.title));
  if (f.tier) links.append(` (担当: ティア ${f.tier})`);
  if (links.childNodes.length) card.append(links);
  const card2 = f.sensitive?.length ? sensitiveCard(f.sensitive, opts.base) : null;
  if (card2) card.append(card2);
  return card;
}

function summaryTable(groups: SummaryGroup[], base: string): HTMLElement {
  const table = el('table', { className: 'pb-table' });
  table.append(el('caption', {}, 'まとめ (イベント、理由、相手ごとの件数)'));
  const head = el('tr', {}, ...['内容', '相手', '件数', '最初', '最後'].map((h) => el('th', { scope: 'col' }, h)));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  for (const g of groups) {
    const what = g.playbook ? el('a', { href: href(base, g.playbook.url, g.playbook.anchor) }, g.title) : g.title;
    body.append(el('tr', {}, el('td', {}, what), el('td', {}, g.peer ?? '—'), el('td', {}, String(g.count)), el('td', {}, g.first ?? '—'), el('td', {}, g.last ?? '—')));
  }
  table.append(body);
  return table;
}

function unrecognisedList(r: DecodeReport, opts: RenderOptions): HTMLElement | null {
  if (!r.unrecognised.length) return null;
  const box = el('details', { className: 'dec-unrecognised' });
  box.append(el('summary', {}, `認識できなかった部分 (${r.stats.unrecognised} 件)`));
  const ul = el('ul');
  for (const u of r.unrecognised.slice(0, 50)) {
    const li = el('li', {}, el('code', {}, u.text.length > 200 ? `${u.text.slice(0, 200)}…` : u.text));
    if (opts.onSearch) {
      const b = el('button', { type: 'button' }, 'サイト内を検索');
      b.addEventListener('click', () => opts.onSearch!(u.text));
      li.append(' ', b);
    }
    ul.append(li);
  }
  box.append(ul);
  return box;
}

/**
 * 「まず見るところ」: each line names a finding and its page (engine.ts firstLook); the line becomes a
 * link to that page when the finding it was made from is found, and stays text otherwise.
 */
function firstLookSection(lines: string[], findings: Finding[], opts: RenderOptions): HTMLElement {
  const items = lines.map((line) => {
    const f = findings.find((x) => line.startsWith(x.title) && ((x.playbook && line.includes(`「${x.playbook.title}」`)) || (!x.playbook && x.guide && line.includes(`「${x.guide.title}」`))));
    const target = f?.playbook ? href(opts.base, f.playbook.url, f.playbook.anchor) : f?.guide ? href(opts.base, f.guide.url) : undefined;
    return el('li', {}, target ? el('a', { href: target }, line) : line);
  });
  return el('section', { className: 'dec-first' }, el('h3', {}, 'まず見るところ'), el('ol', {}, ...items));
}

export function renderReport(r: DecodeReport, opts: RenderOptions): DocumentFragment {
  const frag = document.createDocumentFragment();
  if (r.verdictInfo) frag.append(renderVerdict(r.verdictInfo, opts));
  if (r.notices.length) frag.append(el('ul', { className: 'dec-notices' }, ...r.notices.map((n) => el('li', {}, n))));
  if (r.firstLook.length) frag.append(firstLookSection(r.firstLook, r.findings, opts));
  if (r.summary.length > 1) frag.append(summaryTable(r.summary, opts.base));
  for (const f of r.findings) frag.append(renderFinding(f, opts));
  if (!r.findings.length) frag.append(el('p', {}, 'IPsec に関係するイベント、メッセージ、エラー コード、コマンドの出力は見つかりませんでした。'));
  const un = unrecognisedList(r, opts);
  if (un) frag.append(un);
  return frag;
}

export function renderBundle(b: BundleReport, opts: RenderOptions): DocumentFragment {
  const frag = document.createDocumentFragment();
  // evidence spans are per file: the combined verdict shows no span buttons
  if (b.verdictInfo) frag.append(renderVerdict(b.verdictInfo, { ...opts, onShowSpan: undefined }));
  if (b.notices.length) frag.append(el('ul', { className: 'dec-notices' }, ...b.notices.map((n) => el('li', {}, n))));
  if (b.firstLook.length) frag.append(firstLookSection(b.firstLook, b.files.flatMap((f) => f.report.findings), opts));
  if (b.summary.length) frag.append(summaryTable(b.summary, opts.base));
  if (b.missing.length) frag.append(el('p', {}, `表 7.3 のうち含まれていないファイル: ${b.missing.join('、')}`));
  for (const f of b.files) {
    const sec = el('details', { className: 'dec-file' });
    sec.append(el('summary', {}, `${f.name} — ${f.description} (${f.report.stats.findings} 件)`));
    for (const finding of f.report.findings) sec.append(renderFinding(finding, { ...opts, onShowSpan: undefined }, 'h4'));
    frag.append(sec);
  }
  return frag;
}
