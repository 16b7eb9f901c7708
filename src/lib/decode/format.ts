/** Plain-text and Markdown renderings of a report, for pasting into a ticket. */
import { VERDICT_LABEL } from './verdict-label.ts';
import { playbookHref } from './catalogue-index.ts';
import { Redactor, redact } from './redact.ts';
import { escapeMarkdown, fence } from './markdown.ts';
import type { BundleReport, DecodeReport, Finding } from './types.ts';

export interface FormatOptions {
  /** Replace addresses and names with placeholders. */
  redact?: boolean;
  /** Use this redactor (to keep placeholders consistent with other redacted text). */
  redactor?: Redactor;
  /** Prefix for links (site origin + base path), default '' (site-relative links). */
  baseUrl?: string;
  /** Findings listed in full (default 50). */
  maxFindings?: number;
  /** formatBundleText only: render each file in Markdown instead of plain text. */
  markdown?: boolean;
}

const CONF: Record<Finding['confidence'], string> = { exact: '完全一致', template: 'テンプレート一致', partial: '部分一致' };
const SEV: Record<Finding['severity'], string> = { error: 'エラー', warning: '警告', info: '情報' };
const FORMAT_JA: Record<string, string> = {
  empty: '空',
  'event-text': 'イベントのテキスト',
  'event-xml': 'イベントの XML',
  'event-csv': 'イベントの CSV',
  'event-tsv': 'イベントのタブ区切りテキスト',
  'event-description': 'イベントの説明文',
  'oakley-log': 'Oakley.log',
  'command-output': 'コマンドの出力',
  registry: 'レジストリ',
  text: 'テキスト',
  mixed: '混在',
};

function prep(report: DecodeReport, o: FormatOptions): DecodeReport {
  return o.redact ? redact(report, o.redactor ?? new Redactor()) : report;
}

function link(f: Finding, base: string): string | undefined {
  if (f.playbook) return `${f.playbook.title} (${playbookHref(f.playbook, base)})`;
  if (f.guide) return `${f.guide.title} (${base}${f.guide.url})`;
  return undefined;
}

export function formatReportText(report: DecodeReport, opts: FormatOptions = {}): string {
  const r = prep(report, opts);
  const base = opts.baseUrl ?? '';
  const max = opts.maxFindings ?? 50;
  const out: string[] = [];
  out.push('IPsec デコード結果');
  if (r.verdictInfo) {
    const v = r.verdictInfo;
    out.push(`判定: ${VERDICT_LABEL[v.verdict]} (${v.verdict})`, `理由: ${v.reason}`);
    if (v.alert) out.push(`セキュリティ担当へ: ${v.alert}`);
    const page = v.playbook ?? v.guide;
    if (page) out.push(`まず開くページ: ${page.title} ${base}${page.url}`);
    for (const n of v.next) out.push(`次に集めるもの: ${n}`);
  }
  out.push(`入力: ${r.input.bytes} バイト / ${r.input.lines} 行 / 形式: ${FORMAT_JA[r.input.format] ?? r.input.format}`);
  for (const n of r.notices) out.push(`注意: ${n}`);
  if (r.firstLook.length) {
    out.push('', 'まず確認すること:');
    r.firstLook.forEach((l, i) => out.push(`  ${i + 1}. ${l}`));
  }
  out.push('', `検出 (${r.findings.length} 件${r.stats.findings > r.findings.length ? `、全体で ${r.stats.findings} 件` : ''}):`);
  r.findings.slice(0, max).forEach((f, i) => {
    out.push(`[${i + 1}] ${f.title}`);
    out.push(`    ${SEV[f.severity]} / 確度: ${CONF[f.confidence]}${f.tier ? ` / 第 ${f.tier} 層` : ''}`);
    out.push(`    意味: ${f.meaning}`);
    for (const x of f.facts.slice(0, 30)) out.push(`    - ${x.label}: ${x.value}`);
    const l = link(f, base);
    if (l) out.push(`    参照: ${l}`);
    if (f.sensitive?.length) out.push(`    取り扱い注意: ${f.sensitive.join(', ')}`);
  });
  if (r.findings.length > max) out.push(`  ほか ${r.findings.length - max} 件`);
  if (r.summary.length) {
    out.push('', '集計:');
    for (const g of r.summary.slice(0, 50)) out.push(`  - ${g.title} × ${g.count}${g.peer ? ` (相手 ${g.peer})` : ''}${g.first ? ` 最初 ${g.first}` : ''}${g.last && g.last !== g.first ? ` 最後 ${g.last}` : ''}`);
  }
  if (r.unrecognised.length) {
    out.push('', `認識できなかったテキスト (${r.stats.unrecognised} 箇所):`);
    for (const u of r.unrecognised.slice(0, 20)) out.push(`  > ${u.text.split('\n').join(' / ').slice(0, 200)}`);
  }
  return out.join('\n') + '\n';
}

/** Values in Markdown are text: escaped, never Markdown of their own (see markdown.ts). */
const mdEscape = escapeMarkdown;

export function formatReportMarkdown(report: DecodeReport, opts: FormatOptions = {}): string {
  const r = prep(report, opts);
  const base = opts.baseUrl ?? '';
  const max = opts.maxFindings ?? 50;
  const out: string[] = [];
  out.push('## IPsec デコード結果', '');
  if (r.verdictInfo) {
    const v = r.verdictInfo;
    out.push(`- **判定: ${mdEscape(VERDICT_LABEL[v.verdict])}** (${v.verdict})`, `- 理由: ${mdEscape(v.reason)}`);
    if (v.alert) out.push(`- **セキュリティ担当へ: ${mdEscape(v.alert)}**`);
    const page = v.playbook ?? v.guide;
    if (page) out.push(`- まず開くページ: [${mdEscape(page.title)}](${base}${page.url})`);
    for (const n of v.next) out.push(`- 次に集めるもの: ${mdEscape(n)}`);
  }
  out.push(`- 入力: ${r.input.bytes} バイト / ${r.input.lines} 行 / 形式: ${FORMAT_JA[r.input.format] ?? r.input.format}`);
  for (const n of r.notices) out.push(`- 注意: ${mdEscape(n)}`);
  if (r.firstLook.length) {
    out.push('', '### まず確認すること', '');
    r.firstLook.forEach((l, i) => out.push(`${i + 1}. ${mdEscape(l)}`));
  }
  out.push('', `### 検出 (${r.findings.length} 件)`, '');
  r.findings.slice(0, max).forEach((f) => {
    out.push(`#### ${mdEscape(f.title)}`, '');
    out.push(`${mdEscape(f.meaning)}`, '');
    out.push(`- 重要度: ${SEV[f.severity]} / 確度: ${CONF[f.confidence]}${f.tier ? ` / 第 ${f.tier} 層` : ''}`);
    if (f.playbook) out.push(`- プレイブック: [${mdEscape(f.playbook.title)}](${playbookHref(f.playbook, base)})`);
    if (f.guide) out.push(`- ガイド: [${mdEscape(f.guide.title)}](${base}${f.guide.url})`);
    if (f.sensitive?.length) out.push(`- 取り扱い注意: ${f.sensitive.join(', ')}`);
    if (f.facts.length) {
      out.push('', '| 項目 | 値 |', '| --- | --- |');
      for (const x of f.facts.slice(0, 30)) out.push(`| ${mdEscape(x.label)} | ${mdEscape(x.value.split('\n').join(' '))} |`);
    }
    out.push('');
  });
  if (r.summary.length) {
    out.push('### 集計', '', '| 内容 | 件数 | 相手 | 最初 | 最後 |', '| --- | --- | --- | --- | --- |');
    for (const g of r.summary.slice(0, 50)) out.push(`| ${mdEscape(g.title)} | ${g.count} | ${mdEscape(g.peer ?? '')} | ${mdEscape(g.first ?? '')} | ${mdEscape(g.last ?? '')} |`);
    out.push('');
  }
  if (r.unrecognised.length) {
    out.push(`### 認識できなかったテキスト (${r.stats.unrecognised} 箇所)`, '');
    // a fence longer than any backtick run in the text, which is shown as it is
    out.push(fence(r.unrecognised.slice(0, 20).map((u) => u.text.slice(0, 500)).join('\n')), '');
  }
  return out.join('\n');
}

/** Text rendering of a bundle triage report. */
export function formatBundleText(b: BundleReport, opts: FormatOptions = {}): string {
  const redactor = opts.redact ? (opts.redactor ?? new Redactor()) : undefined;
  const o = { ...opts, redactor };
  const md = !!opts.markdown;
  const out: string[] = [md ? '## IPsec_Debug.vbs の結果 (まとめ)' : 'IPsec_Debug.vbs の結果 (まとめ)'];
  // computer names are part of the file names (<computer>_oakley.log): replace them there too
  const computers = redactor ? [...new Set(b.files.map((f) => f.computer).filter((c): c is string => !!c))] : [];
  for (const c of computers) redactor?.learn('host', c);
  const t = (s: string) => {
    if (!redactor) return s;
    let x = s;
    for (const c of computers) x = x.split(c).join(redactor.placeholder('HOST', c));
    return redactor.text(x);
  };
  // the reason names the deciding file, whose name carries the computer name: redacted like the rest
  if (b.verdictInfo) out.push(`${md ? '- **' : ''}判定: ${VERDICT_LABEL[b.verdict]} (${b.verdict})${md ? '**' : ''}`, `${md ? '- ' : ''}理由: ${md ? mdEscape(t(b.verdictReason)) : t(b.verdictReason)}`);
  if (b.firstLook.length) {
    out.push('', md ? '### まず確認すること' : 'まず確認すること:', '');
    b.firstLook.forEach((l, i) => out.push(md ? `${i + 1}. ${mdEscape(t(l))}` : `  ${i + 1}. ${t(l)}`));
  }
  if (b.missing.length) out.push('', `見つからなかったファイル: ${md ? mdEscape(b.missing.join(', ')) : b.missing.join(', ')}`);
  for (const n of b.notices) out.push(md ? `- 注意: ${mdEscape(t(n))}` : `注意: ${t(n)}`);
  for (const f of b.files) {
    out.push('', md ? `### ${mdEscape(t(f.name))} (${f.description})` : `=== ${t(f.name)} (${f.description}) ===`);
    out.push(md ? formatReportMarkdown(f.report, o) : formatReportText(f.report, o));
  }
  return out.join('\n');
}
