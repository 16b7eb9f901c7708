/**
 * auditpol /get /category:* (or /subcategory:…), plain or /r (CSV), English and Japanese
 * (Windows Vista / Server 2008 and later). Says which IPsec-related subcategories are off, since
 * an IKE or driver failure is only written to the Security log when its subcategory audits it.
 * The subcategory table mirrors content/data/audit-subcategories.tsv (a test keeps them equal).
 */
import type { Ctx } from '../context.ts';
import { coverLines, fact } from '../context.ts';
import type { Fact, Span } from '../types.ts';
import { fold } from '../text.ts';
import { K } from '../kinds.ts';
import { blockEnd, blockLines, cmdFinding } from './util.ts';

export interface AuditSubcategory {
  guid: string;
  en: string;
  ja: string;
  /** Events it controls that matter for IPsec troubleshooting. */
  events: string;
  /** Needed to see IPsec failures at all (main/quick mode, driver drops). */
  core: boolean;
}

export const AUDIT_SUBCATEGORIES: AuditSubcategory[] = [
  { guid: '0CCE9218-69AE-11D9-BED3-505054503030', en: 'IPsec Main Mode', ja: 'IPsec メイン モード', events: '4646,4650,4651,4652,4653,4655,4976,5049,5453', core: true },
  { guid: '0CCE9219-69AE-11D9-BED3-505054503030', en: 'IPsec Quick Mode', ja: 'IPsec クイック モード', events: '4654,4977,5451,5452', core: true },
  { guid: '0CCE921A-69AE-11D9-BED3-505054503030', en: 'IPsec Extended Mode', ja: 'IPsec 拡張モード', events: '4978,4979,4980,4981,4982,4983,4984', core: false },
  { guid: '0CCE9213-69AE-11D9-BED3-505054503030', en: 'IPsec Driver', ja: 'IPsec ドライバー', events: '4960,4961,4962,4963,4965,5478,5479,5480,5483,5484,5485', core: true },
  { guid: '0CCE9214-69AE-11D9-BED3-505054503030', en: 'Other System Events', ja: 'その他のシステム イベント', events: '5024,5025,5027,5028,5029,5030,5032,5033,5034,5035,5037', core: false },
  { guid: '0CCE9210-69AE-11D9-BED3-505054503030', en: 'Security State Change', ja: 'セキュリティ状態の変更', events: '4608,4616,4621', core: false },
  { guid: '0CCE9211-69AE-11D9-BED3-505054503030', en: 'Security System Extension', ja: 'セキュリティ システムの拡張', events: '4610,4611,4614,4622,4697', core: false },
  { guid: '0CCE9225-69AE-11D9-BED3-505054503030', en: 'Filtering Platform Packet Drop', ja: 'フィルタリング プラットフォームのパケットのドロップ', events: '5152,5153', core: false },
  { guid: '0CCE9226-69AE-11D9-BED3-505054503030', en: 'Filtering Platform Connection', ja: 'フィルタリング プラットフォームの接続', events: '5154,5155,5156,5157,5158,5159', core: false },
  { guid: '0CCE9233-69AE-11D9-BED3-505054503030', en: 'Filtering Platform Policy Change', ja: 'フィルタリング プラットフォームのポリシーの変更', events: '4709,4710,4711,4712,5440,5441,5442,5443,5444,5446,5447,5448,5449,5450', core: false },
  { guid: '0CCE9232-69AE-11D9-BED3-505054503030', en: 'MPSSVC Rule-Level Policy Change', ja: 'MPSSVC 規則レベル ポリシーの変更', events: '4944,4945,4946,4947,4948,4949,4950,4951,4952,4953,4954,4956,4957,4958', core: false },
  { guid: '0CCE9227-69AE-11D9-BED3-505054503030', en: 'Other Object Access Events', ja: 'その他のオブジェクト アクセス イベント', events: '5148,5149', core: false },
];

export const AUDITPOL_PREFIXES = ['System audit policy', 'システム監査ポリシー', 'Category/Subcategory', 'カテゴリ/サブカテゴリ', 'Machine Name,Policy Target', 'Policy Target'];

export function isAuditpolStart(t: string): boolean {
  for (const p of AUDITPOL_PREFIXES) if (t.startsWith(p)) return p !== 'Policy Target' || t.includes('Subcategory');
  return false;
}

const byKey = new Map<string, AuditSubcategory>();
for (const s of AUDIT_SUBCATEGORIES) {
  byKey.set(fold(s.en), s);
  byKey.set(fold(s.ja), s);
  byKey.set(s.guid.toLowerCase(), s);
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
function textRow(t: string, s: number): Row | null {
  const st = settingAtEnd(t);
  if (!st) return null;
  const name = t.slice(0, st.at).trim();
  const sub = byKey.get(fold(name));
  if (!sub) return null;
  return { sub, setting: st.setting, name, span: [s, s + t.length], valueSpan: [s + st.at, s + t.length] };
}

/** "WIN2019,System,IPsec Driver,{0CCE9213-69AE-11D9-BED3-505054503030},No Auditing,,0" */
function csvRow(t: string, s: number): Row | null {
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
  const rows: Row[] = [];
  let last = i;
  for (const l of lines) {
    const r = l.text.includes('{') ? csvRow(l.text, l.s) : textRow(l.text, l.s);
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
  const missing = AUDIT_SUBCATEGORIES.filter((s) => s.core && !rows.some((r) => r.sub === s));
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
