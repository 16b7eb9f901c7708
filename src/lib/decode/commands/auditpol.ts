/**
 * auditpol /get /category:* (or /subcategory:…), plain or /r (CSV), English and Japanese
 * (Windows Vista / Server 2008 and later). Says which IPsec-related subcategories are off, since
 * an IKE or driver failure is only written to the Security log when its subcategory audits it.
 * The subcategory table is content/data/audit-subcategories.tsv, carried by the catalogue (one source).
 */
import type { CatalogueAuditSubcategory } from '../../catalogue/types.ts';
import type { Ctx } from '../context.ts';
import { coverLines, fact } from '../context.ts';
import type { Fact, Span } from '../types.ts';
import { fold } from '../text.ts';
import { K } from '../kinds.ts';
import { blockEnd, blockLines, cmdFinding } from './util.ts';

export type AuditSubcategory = CatalogueAuditSubcategory;

export const AUDITPOL_PREFIXES = ['System audit policy', 'システム監査ポリシー', 'Category/Subcategory', 'カテゴリ/サブカテゴリ', 'Machine Name,Policy Target', 'Policy Target'];

export function isAuditpolStart(t: string): boolean {
  for (const p of AUDITPOL_PREFIXES) if (t.startsWith(p)) return p !== 'Policy Target' || t.includes('Subcategory');
  return false;
}

const keyCache = new WeakMap<object, Map<string, AuditSubcategory>>();

/** English name, Japanese name and GUID → subcategory, built once per catalogue. */
function subcategories(ctx: Ctx): { list: AuditSubcategory[]; byKey: Map<string, AuditSubcategory> } {
  const list = ctx.idx.cat.auditSubcategories ?? [];
  let byKey = keyCache.get(ctx.idx.cat);
  if (!byKey) {
    byKey = new Map();
    for (const s of list) {
      byKey.set(fold(s.en), s);
      if (s.ja) byKey.set(fold(s.ja), s);
      byKey.set(s.guid.toLowerCase(), s);
    }
    keyCache.set(ctx.idx.cat, byKey);
  }
  return { list, byKey };
}

type Setting = { success: boolean; failure: boolean; text: string };

/** English and Japanese setting words (auditpolmsg.dll resources), longest first. */
const SETTINGS: Array<[string, boolean, boolean]> = [
  ['Success and Failure', true, true],
  ['成功および失敗', true, true],
  ['No Auditing', false, false],
  ['監査なし', false, false],
  ['Success', true, false],
  ['成功', true, false],
  ['Failure', false, true],
  ['失敗', false, true],
];

function settingAtEnd(t: string): { setting: Setting; at: number } | null {
  for (const [w, success, failure] of SETTINGS) if (t.endsWith(w)) return { setting: { success, failure, text: w }, at: t.length - w.length };
  return null;
}

interface Row {
  sub: AuditSubcategory;
  setting: Setting;
  name: string;
  span: Span;
  valueSpan: Span;
}

/** "  IPsec Main Mode                         No Auditing" */
function textRow(byKey: Map<string, AuditSubcategory>, t: string, s: number): Row | null {
  const st = settingAtEnd(t);
  if (!st) return null;
  const name = t.slice(0, st.at).trim();
  const sub = byKey.get(fold(name));
  if (!sub) return null;
  return { sub, setting: st.setting, name, span: [s, s + t.length], valueSpan: [s + st.at, s + t.length] };
}

/** "WIN2019,System,IPsec Driver,{0CCE9213-69AE-11D9-BED3-505054503030},No Auditing,,0" */
function csvRow(byKey: Map<string, AuditSubcategory>, t: string, s: number): Row | null {
  const open = t.indexOf('{');
  const close = t.indexOf('}', open);
  if (open < 0 || close - open !== 37) return null;
  const sub = byKey.get(t.slice(open + 1, close).toLowerCase());
  if (!sub) return null;
  const cells = t.slice(close + 2).split(',');
  const code = Number(cells[cells.length - 1]);
  const text = cells[0] ?? '';
  const setting: Setting = Number.isInteger(code) && code >= 0 && code <= 3 ? { success: (code & 1) === 1, failure: (code & 2) === 2, text } : (settingAtEnd(text)?.setting ?? { success: false, failure: false, text });
  const nameStart = t.lastIndexOf(',', open - 2) + 1;
  return { sub, setting, name: t.slice(nameStart, open - 1), span: [s, s + t.length], valueSpan: [s + close + 2, s + close + 2 + text.length] };
}

export function readAuditpol(ctx: Ctx, i: number, kind: number): number {
  // "Filtering Platform …" rows look like loose 547 field labels to the line detector
  const j = blockEnd(ctx, i, kind, 400, [K.FIELDS, K.DESC, K.DESC_INLINE]);
  const lines = blockLines(ctx, i, j);
  const { byKey } = subcategories(ctx);
  const rows: Row[] = [];
  let last = i;
  for (const l of lines) {
    const r = l.text.includes('{') ? csvRow(byKey, l.text, l.s) : textRow(byKey, l.text, l.s);
    if (r) rows.push(r);
    // every line of an auditpol listing ends in a setting word, a category, or a header
    last = l.i + 1;
  }
  coverLines(ctx, i, last);
  const span: Span = lines.length ? [lines[0].s, lines[lines.length - 1].e] : [ctx.lines.starts[i], ctx.lines.ends[i]];
  ctx.emit(judge(ctx, rows, span));
  return last;
}

function describe(r: Row): string {
  const on = r.setting.success && r.setting.failure ? '成功と失敗を記録' : r.setting.success ? '成功だけ記録 (失敗は記録しない)' : r.setting.failure ? '失敗だけ記録' : '記録しない';
  return `${r.name}: ${r.setting.text} (${on}、{${r.sub.guid}}、イベント ${r.sub.events})`;
}

function judge(ctx: Ctx, rows: Row[], span: Span) {
  if (!rows.length)
    return cmdFinding(ctx, {
      title: 'auditpol: IPsec の監査サブカテゴリは出力に含まれていません',
      meaning: 'この出力からは IPsec の監査が有効かどうか分かりません。IPsec のサブカテゴリを GUID で指定して取り直してください (どの言語の Windows でも同じ GUID です)。',
      facts: [fact('next', '次に実行するコマンド', 'auditpol /get /subcategory:{0CCE9218-69AE-11D9-BED3-505054503030},{0CCE9219-69AE-11D9-BED3-505054503030},{0CCE9213-69AE-11D9-BED3-505054503030}', span)],
      span,
      severity: 'info',
      priority: 30,
      guide: 'guides/ipsec-auditing',
      confidence: 'partial',
    });
  // a failure-only problem needs failure auditing: core subcategories without Failure hide 4653/4654/4960-4965
  const off = rows.filter((r) => !r.setting.success && !r.setting.failure);
  const noFail = rows.filter((r) => r.sub.core && r.setting.success && !r.setting.failure);
  const on = rows.filter((r) => !off.includes(r) && !noFail.includes(r));
  const facts: Fact[] = [];
  for (const r of off) facts.push(fact('off', '監査していないサブカテゴリ', describe(r), r.span));
  for (const r of noFail) facts.push(fact('noFailure', '失敗を記録しないサブカテゴリ', describe(r), r.span));
  for (const r of on) facts.push(fact('on', '監査しているサブカテゴリ', describe(r), r.span));
  const coreOff = [...off, ...noFail].filter((r) => r.sub.core);
  if (coreOff.length)
    return cmdFinding(ctx, {
      title: `auditpol: IPsec の失敗を記録しないサブカテゴリがあります (${coreOff.map((r) => r.sub.en).join(', ')})`,
      meaning: 'この設定では IKE のネゴシエーションの失敗 (4653 / 4654) や IPsec ドライバーの破棄 (4960〜4965) がセキュリティ ログに残りません。イベントがないことは「問題がない」証拠になりません。',
      facts,
      span,
      severity: 'warning',
      priority: 65,
      guide: 'guides/ipsec-auditing',
    });
  if (off.length)
    return cmdFinding(ctx, {
      title: `auditpol: IPsec の主な監査は有効です (無効: ${off.map((r) => r.sub.en).join(', ')})`,
      meaning: 'メイン モード、クイック モード、ドライバーの失敗は記録されます。無効のサブカテゴリは補助的なもので、必要になったときだけ有効にします。',
      facts,
      span,
      severity: 'info',
      priority: 25,
      guide: 'guides/ipsec-auditing',
    });
  const missing = subcategories(ctx).list.filter((s) => s.core && !rows.some((r) => r.sub === s));
  if (missing.length) facts.push(fact('missing', '出力にない主なサブカテゴリ', missing.map((s) => `${s.en} {${s.guid}}`).join(', '), span));
  return cmdFinding(ctx, {
    title: `auditpol: 出力にある IPsec 関連の監査 ${rows.length} 件はすべて有効です`,
    meaning: missing.length
      ? `出力にあるサブカテゴリは有効ですが、${missing.map((s) => s.en).join(', ')} は出力にないため分かりません。`
      : 'IPsec の失敗はセキュリティ ログに記録される設定です。該当するイベントがなければ、その時間帯に IKE やドライバーの失敗は記録されていません。',
    facts,
    span,
    severity: 'info',
    priority: 15,
    guide: 'guides/ipsec-auditing',
  });
}
