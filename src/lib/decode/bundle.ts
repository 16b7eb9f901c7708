/**
 * The IPsec_Debug.vbs bundle: pick the parser from the file name (table 7.3), decode each file,
 * and build one triage report (per-file findings, merged summary, what to look at first).
 */
import { combine } from './verdict.ts';
import type { Catalogue } from '../catalogue/types.ts';
import { decodeText, firstLook } from './engine.ts';
import type { BundleFile, BundleReport, DecodeOptions, ParserHint, SummaryGroup } from './types.ts';

interface FileKind {
  suffix: string;
  hint: ParserHint;
  description: string;
}

/** Table 7.3 file names (suffix after `<computer>_`). */
export const BUNDLE_FILES: FileKind[] = [
  { suffix: '_ipsec_547_events.txt', hint: 'events', description: 'セキュリティ ログの 547 イベント' },
  { suffix: '_kerberos_events.txt', hint: 'events', description: 'システム ログの Kerberos イベント' },
  { suffix: '_oakley.log', hint: 'oakley', description: 'Oakley.log (IKE のログ) のコピー' },
  { suffix: '_netdiag.txt', hint: 'netdiag', description: 'netdiag の出力' },
  { suffix: '_gpresult.txt', hint: 'gpresult', description: 'gpresult の出力' },
  { suffix: '_ipseccmd_show_all.txt', hint: 'ipsec-cli', description: 'ipseccmd show all の出力 (XP)' },
  { suffix: '_netsh_show_all.txt', hint: 'ipsec-cli', description: 'netsh ipsec の show all の出力 (サーバー)' },
  { suffix: '_netsh_show_gpo.txt', hint: 'ipsec-cli', description: 'netsh ipsec の show gpo の出力 (サーバー)' },
  { suffix: '_klist_purge_mt.txt', hint: 'klist', description: 'klist によるマシン チケットの削除' },
  { suffix: '_ipsec_policy_version.txt', hint: 'text', description: 'IPsec ポリシーのバージョン' },
  { suffix: '_regdefault.txt', hint: 'registry', description: '変更前のレジストリ値' },
  { suffix: '_fileVer.txt', hint: 'text', description: 'ファイルのバージョン' },
  { suffix: '_osinfo.txt', hint: 'text', description: 'OS の情報' },
  { suffix: '_lsass.log', hint: 'text', description: 'lsass.log のコピー' },
  { suffix: '_userenv.log', hint: 'text', description: 'userenv.log のコピー' },
  { suffix: '_winlogon.log', hint: 'text', description: 'winlogon.log のコピー' },
  { suffix: '_netview.txt', hint: 'text', description: 'net view の出力' },
  { suffix: '_ping.txt', hint: 'ping', description: 'ping の出力' },
];

/** Which table 7.3 file a name is, and the computer name in front of the suffix. */
export function classifyFile(name: string): { kind?: FileKind; computer?: string } {
  const base = name.split('/').pop()?.split('\\').pop() ?? name;
  const low = base.toLowerCase();
  for (const k of BUNDLE_FILES) {
    const suf = k.suffix.toLowerCase();
    if (low.endsWith(suf)) {
      let comp = base.slice(0, base.length - suf.length);
      // <computer>_<server>_ping.txt / _netview.txt
      if (k.suffix === '_ping.txt' || k.suffix === '_netview.txt') {
        const us = comp.indexOf('_');
        if (us > 0) comp = comp.slice(0, us);
      }
      return { kind: k, computer: comp || undefined };
    }
  }
  if (low.endsWith('.log') && low.includes('oakley')) return { kind: BUNDLE_FILES[2] };
  if (low.endsWith('.reg')) return { kind: { suffix: '.reg', hint: 'registry', description: 'レジストリのエクスポート' } };
  if (low.endsWith('.xml')) return { kind: { suffix: '.xml', hint: 'events', description: 'イベントの XML' } };
  if (low.endsWith('.csv')) return { kind: { suffix: '.csv', hint: 'events', description: 'イベントの CSV' } };
  return {};
}

const EXPECTED = ['_ipsec_547_events.txt', '_oakley.log', '_netdiag.txt', '_gpresult.txt', '_klist_purge_mt.txt'];

export function decodeBundle(files: BundleFile[], catalogue: Catalogue, opts: DecodeOptions = {}): BundleReport {
  const empty = combine([]);
  const out: BundleReport = { verdict: empty.verdict, verdictReason: empty.reason, verdictInfo: empty, files: [], summary: [], firstLook: [], notices: [], missing: [] };
  try {
    const list = Array.isArray(files) ? files : [];
    for (const f of list) {
      const name = String(f?.name ?? '');
      const { kind, computer } = classifyFile(name);
      const hint = kind?.hint ?? 'text';
      const report = decodeText(String(f?.text ?? ''), catalogue, { ...opts, hint });
      out.files.push({ name, computer, hint, description: kind?.description ?? '不明なファイル (内容から判断しました)', report });
    }
    const names = list.map((f) => String(f?.name ?? '').toLowerCase());
    for (const suf of EXPECTED) if (!names.some((n) => n.endsWith(suf))) out.missing.push(`<コンピュータ名>${suf}`);
    // merged summary: same key across files adds up
    const merged = new Map<string, SummaryGroup>();
    for (const f of out.files) {
      for (const g of f.report.summary) {
        const key = `${f.computer ?? ''}|${g.key}`;
        const m = merged.get(key);
        if (!m) merged.set(key, { ...g, key, title: f.computer ? `${f.computer}: ${g.title}` : g.title });
        else {
          m.count += g.count;
          if (g.first && (!m.first || g.first < m.first)) m.first = g.first;
          if (g.last && (!m.last || g.last > m.last)) m.last = g.last;
        }
      }
    }
    out.summary = [...merged.values()].sort((a, b) => b.count - a.count);
    const all = out.files.flatMap((f) => f.report.findings.map((x) => ({ ...x, title: `${f.name}: ${x.title}` })));
    out.firstLook = firstLook(all, out.summary);
    if (!out.firstLook.length && out.files.length) out.firstLook.push('目立つ失敗は見つかりませんでした。各ファイルの「認識できなかったテキスト」を確認してください。');
    for (const f of out.files) for (const n of f.report.notices) out.notices.push(`${f.name}: ${n}`);
    // evidence spans stay per file: the combined verdict names the file in its reason
    const v = combine(out.files.map((f) => ({ ...f.report.verdictInfo, reason: `${f.name}: ${f.report.verdictInfo.reason}` })));
    out.verdict = v.verdict;
    out.verdictReason = v.reason;
    out.verdictInfo = v;
  } catch (err) {
    out.notices.push(`まとめの作成中に内部エラーが発生しました (${err instanceof Error ? err.message : String(err)})。`);
  }
  return out;
}
