/**
 * Registry values that matter to IPsec troubleshooting, from `reg query` output, .reg exports
 * (REGEDIT4 / version 5.00) or the chapter's "Key\Name=value" notation: value + what it means.
 */
import type { Ctx } from './context.ts';
import { cmdFinding } from './commands/util.ts';
import { coverLines, fact, noteFormat } from './context.ts';
import { content } from './event-sources.ts';
import type { Fact, Severity, Span } from './types.ts';
import { indexIn, isDigit, isHexDigit, isSpace } from './text.ts';

export function isRegistryStart(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(s);
  if (c === 0x48) return text.startsWith('HKEY_', s) || text.startsWith('HKLM\\', s) || text.startsWith('HKCU\\', s);
  if (c === 0x5b) return text.startsWith('[HKEY_', s) || text.startsWith('[HKLM\\', s) || text.startsWith('[-HKEY_', s);
  if (c === 0x57) return text.startsWith('Windows Registry Editor Version', s);
  if (c === 0x52) return text.startsWith('REGEDIT4', s);
  if (c === 0x21) return text.startsWith('! REG.EXE', s);
  if (c === 0x45) return text.startsWith('ERROR: The system was unable to find the specified registry key or value', s);
  if (c === 0x30a8) return text.startsWith('エラー: 指定されたレジストリ キーまたは値が見つかりませんでした', s);
  void e;
  return false;
}

interface Meaning {
  meaning: string;
  severity: Severity;
  priority: number;
  sensitive?: string[];
  guide: string;
}

type Describe = (v: number | undefined, raw: string) => Meaning;

const info = (meaning: string, guide: string, extra: Partial<Meaning> = {}): Meaning => ({ meaning, severity: 'info', priority: 20, guide, ...extra });
const warn = (meaning: string, guide: string, priority = 60, extra: Partial<Meaning> = {}): Meaning => ({ meaning, severity: 'warning', priority, guide, ...extra });

/** Known values (lower-case name) -> Japanese label and interpretation. */
export const REGISTRY_VALUES: Record<string, { label: string; describe: Describe; absent?: string }> = {
  operationmode: {
    label: 'IPsec ドライバーの起動時モード (OperationMode)',
    absent: '起動時モードは既定のステートフルです。',
    describe: (v) =>
      v === 3
        ? info('3 = ステートフル (既定): 起動中は自分から始めた通信と起動時の除外だけを通します。', 'guides/policy-stores')
        : warn('既定の 3 (ステートフル) と違う起動時モードなので、netsh ipsec dynamic show config の Bootmode 行で実際の動作 (ブロックまたは許可) を確認します。', 'guides/policy-stores', 65),
  },
  bootexemptlist: {
    label: '起動時の除外一覧 (BootExemptList)',
    describe: (_v, raw) => info(`起動中に IPsec の対象から外す通信の一覧 (${raw.length > 0 ? 'データあり' : '空'}) で、除外の詳細にあたるため電話で読み上げたり外部に渡したりしてはいけません。`, 'guides/policy-stores', { sensitive: ['boot-exemptions', 'exemptions'], priority: 30 }),
  },
  nodefaultexempt: {
    label: '既定の除外 (NoDefaultExempt)',
    absent: 'OS ごとの既定の除外が使われます (2000/XP は 0、Server 2003 は 3 と同じ)。',
    describe: (v) => {
      const m: Record<number, string> = {
        0: '0 = マルチキャスト、ブロードキャスト、RSVP、Kerberos、ISAKMP を IPsec の対象外にする 2000/XP の既定値で、Kerberos の除外は送信元ポート 88 を使った迂回を許します。',
        1: '1 = Kerberos と RSVP を除外しません (マルチキャスト、ブロードキャスト、ISAKMP は除外)。',
        2: '2 = マルチキャストとブロードキャストを除外しません (RSVP、Kerberos、ISAKMP は除外)。',
        3: '3 = ISAKMP だけを除外します (Server 2003 の既定)。',
      };
      return info(v !== undefined && m[v] ? m[v] : '既定の除外の設定です。', 'guides/broadcast-multicast', { sensitive: ['exemptions'], priority: 35 });
    },
  },
  enablepmtudiscovery: {
    label: 'TCP の PMTU 検出 (EnablePMTUDiscovery)',
    absent: 'PMTU 検出は有効です。',
    describe: (v) =>
      v === 0
        ? warn('0 = PMTU 検出が無効なので、IPsec のヘッダーで大きくなったパケットが断片化や破棄の原因になります (両方のコンピューターで 1 か未定義にします)。', 'guides/pmtu-fragmentation', 70)
        : info('1 = PMTU 検出は有効です (既定)。', 'guides/pmtu-fragmentation'),
  },
  disableikeaudits: {
    label: 'IKE 監査の無効化 (DisableIKEAudits)',
    absent: 'IKE の監査は記録されます。',
    describe: (v) =>
      v === 1
        ? warn('1 = IKE の監査が止まっているため 541〜547 のイベントが記録されず、調査中は 0 にする必要があります。', 'guides/ike-troubleshooting', 80)
        : info('0 = IKE の監査は記録されます。', 'guides/ike-troubleshooting'),
  },
  enableoffload: {
    label: 'IPsec タスク オフロード (EnableOffload)',
    describe: (v) =>
      v === 0
        ? info('0 = NIC への IPsec オフロードを使わない設定で、オフロードが原因のパケット損失を切り分けるときに使います。', 'guides/network-devices-nics', { priority: 35 })
        : info('オフロードは既定で使われ、NIC やドライバーの不具合が疑われるときは 0 にして再起動し比較します。', 'guides/network-devices-nics', { priority: 30 }),
  },
  loginterval: {
    label: 'IPsec ドライバーのイベント記録間隔 (LogInterval、秒)',
    describe: (v) =>
      v !== undefined && v <= 60
        ? info(`${v} 秒ごとにドライバーのイベント (4283〜4285 など) をまとめて記録する、調査向けの最小値です。`, 'guides/packet-loss-events')
        : info(`${v ?? '?'} 秒ごとにドライバーのイベントをまとめて記録する設定で、既定は 3600 秒、調査中は 60 にすると早く記録されます。`, 'guides/packet-loss-events'),
  },
  ipsecloginterval: {
    label: 'IPsec ドライバーのイベント記録間隔 (秒)',
    describe: (v) => info(`${v ?? '?'} 秒ごとにドライバーのイベントをまとめて記録します。`, 'guides/packet-loss-events'),
  },
  diagnosticmode: {
    label: 'IPsec ドライバーの診断ログ (DiagnosticMode)',
    describe: (v) => info(v ? `${v} = ドライバーの診断ログが有効で、破棄したパケットがシステム ログに記録されます。` : '0 = ドライバーの診断ログは無効です。', 'guides/packet-loss-events'),
  },
  ipsecdiagnostics: {
    label: 'IPsec ドライバーの診断ログ (IPsecDiagnostics)',
    describe: (v) => info(v ? `${v} = ドライバーの診断ログが有効です。` : '0 = ドライバーの診断ログは無効です。', 'guides/packet-loss-events'),
  },
  extensiondebuglevel: {
    label: 'セキュリティ CSE のデバッグ ログ (ExtensionDebugLevel)',
    describe: (v) =>
      v === 2
        ? info('0x2 = グループ ポリシーの適用を調べるために、詳しいログを %windir%\\Security\\Logs\\Winlogon.log に書きます。', 'guides/policy-delivery', { priority: 30 })
        : info(`${v ?? '?'} = セキュリティ CSE のログ レベルです (詳しく記録するには 0x2)。`, 'guides/policy-delivery'),
  },
  enablelogging: {
    label: 'Oakley.log への IKE ログ (EnableLogging)',
    describe: (v) => info(v === 1 ? '1 = IKE のデバッグ ログを Oakley.log に記録中で、調査が終わったら 0 に戻します。' : '0 = Oakley.log への記録は止まっています。', 'guides/ike-troubleshooting'),
  },
  prohibitipsec: {
    label: 'L2TP の自動 IPsec ポリシーの禁止 (ProhibitIpSec)',
    describe: (v) => info(v === 1 ? '1 = RRAS/L2TP の自動 IPsec フィルタを作らないので、L2TP 用の IPsec ポリシーを自分で用意する必要があります。' : '0 = L2TP の自動 IPsec ポリシーが使われます。', 'guides/rras-l2tp', { priority: 35 }),
  },
  dsipsecpolicypath: {
    label: 'ドメインの IPsec ポリシーのパス (DSIPSECPolicyPath)',
    describe: () => info('グループ ポリシーで届いた IPsec ポリシーの LDAP パスで、ポリシーの詳細にあたります。', 'guides/policy-delivery', { sensitive: ['policy-details'] }),
  },
  dsipsecpolicyname: {
    label: 'ドメインの IPsec ポリシー名 (DSIPSECPolicyName)',
    describe: () => info('グループ ポリシーで届いた IPsec ポリシーの名前です。', 'guides/policy-delivery', { sensitive: ['policy-details'] }),
  },
  activepolicy: {
    label: 'ローカルで割り当てられたポリシー (ActivePolicy)',
    describe: () => info('ローカル (レジストリ) に保存された IPsec ポリシーのうち、割り当て中のものを指します。', 'guides/policy-stores', { sensitive: ['policy-details'] }),
  },
};

function parseNumber(type: string, raw: string): number | undefined {
  const r = raw.trim();
  if (!r) return undefined;
  if (type === 'dword' || type === 'reg_dword' || type === 'reg_qword') {
    let h = r.toLowerCase().startsWith('0x') ? r.slice(2) : r;
    if (type === 'dword' || r.toLowerCase().startsWith('0x')) {
      let n = '';
      for (const ch of h) if (isHexDigit(ch.charCodeAt(0))) n += ch;
      else break;
      return n ? parseInt(n, 16) : undefined;
    }
    h = r;
  }
  let n = '';
  for (const ch of r) if (isDigit(ch.charCodeAt(0))) n += ch;
  else break;
  return n ? Number(n) : undefined;
}

interface Value {
  name: string;
  type: string;
  raw: string;
  nameSpan: Span;
  valueSpan: Span;
  key?: string;
}

export function readRegistry(ctx: Ctx, i: number): number {
  const n = ctx.lines.count;
  let j = i + 1;
  while (j < n) {
    const k = ctx.detect(j);
    if (k !== 0 && k !== 8 && k !== 10) break;
    j++;
  }
  const values: Value[] = [];
  const errors: Array<{ t: string; span: Span }> = [];
  let key: string | undefined;
  const text = ctx.text;
  for (let li = i; li < j; li++) {
    const [s, e] = content(ctx, li);
    if (s >= e) {
      ctx.covered[li] = 1;
      continue;
    }
    const c = text.charCodeAt(s);
    if (text.startsWith('ERROR: The system was unable', s) || text.startsWith('エラー: 指定されたレジストリ', s)) {
      errors.push({ t: text.slice(s, e), span: [s, e] });
      ctx.covered[li] = 1;
      continue;
    }
    if (isRegistryStart(text, s, e)) {
      // key line, possibly "Key\Name=value" in the chapter's notation
      let ke = e;
      if (c === 0x5b) ke = text.lastIndexOf(']', e) > s ? text.lastIndexOf(']', e) : e;
      let line = text.slice(c === 0x5b ? s + 1 : s, ke);
      const eq = line.indexOf('=');
      if (eq > 0 && c !== 0x5b) {
        const bs = line.lastIndexOf('\\', eq);
        const name = line.slice(bs + 1, eq).trim();
        const vs = (c === 0x5b ? s + 1 : s) + eq + 1;
        values.push({ name, type: 'chapter', raw: text.slice(vs, e).trim(), nameSpan: [(c === 0x5b ? s + 1 : s) + bs + 1, (c === 0x5b ? s + 1 : s) + eq], valueSpan: [vs, e], key: line.slice(0, bs) });
        line = line.slice(0, bs);
      }
      if (!line.startsWith('Windows Registry') && !line.startsWith('REGEDIT') && !line.startsWith('!')) key = line;
      ctx.covered[li] = 1;
      continue;
    }
    // .reg: "Name"=dword:00000003
    if (c === 0x22 || c === 0x40) {
      let ne: number;
      let name: string;
      if (c === 0x40) {
        name = '(既定)';
        ne = s + 1;
      } else {
        ne = indexIn(text, '"', s + 1, e);
        if (ne < 0 || ne > e) continue;
        name = text.slice(s + 1, ne);
        ne++;
      }
      if (text.charCodeAt(ne) !== 0x3d) continue;
      let vs = ne + 1;
      let type = 'sz';
      const colon = indexIn(text, ':', vs, e);
      if (text.charCodeAt(vs) !== 0x22 && colon > 0 && colon < e) {
        type = text.slice(vs, colon).toLowerCase();
        vs = colon + 1;
      }
      let ve = e;
      // continuation lines of hex data end with a backslash
      let lj = li;
      while (text.charCodeAt(ve - 1) === 0x5c && lj + 1 < j) {
        lj++;
        ctx.covered[lj] = 1;
        ve = content(ctx, lj)[1];
      }
      values.push({ name, type, raw: text.slice(vs, ve).split('"').join('').trim(), nameSpan: [c === 0x40 ? s : s + 1, c === 0x40 ? s + 1 : ne - 1], valueSpan: [vs, ve], key });
      ctx.covered[li] = 1;
      li = lj;
      continue;
    }
    // reg query: "    Name    REG_DWORD    0x3"
    const rt = indexIn(text, 'REG_', s, e);
    if (rt > s && rt < e) {
      let ne = rt;
      while (ne > s && isSpace(text.charCodeAt(ne - 1))) ne--;
      let te = rt;
      while (te < e && !isSpace(text.charCodeAt(te))) te++;
      let vs = te;
      while (vs < e && isSpace(text.charCodeAt(vs))) vs++;
      values.push({ name: text.slice(s, ne), type: text.slice(rt, te).toLowerCase(), raw: text.slice(vs, e), nameSpan: [s, ne], valueSpan: [vs, e], key });
      ctx.covered[li] = 1;
      continue;
    }
    // chapter notation on its own line: "OperationMode=3 (ステートフル)"
    const eq = indexIn(text, '=', s, e);
    if (eq > s && eq < e && eq - s < 64) {
      const name = text.slice(s, eq).trim();
      if (REGISTRY_VALUES[name.toLowerCase()]) {
        values.push({ name, type: 'chapter', raw: text.slice(eq + 1, e).trim(), nameSpan: [s, s + name.length], valueSpan: [eq + 1, e], key });
        ctx.covered[li] = 1;
      }
    }
  }
  noteFormat(ctx, 'registry');
  const known = values.filter((v) => REGISTRY_VALUES[v.name.toLowerCase()]);
  for (const v of known) {
    const def = REGISTRY_VALUES[v.name.toLowerCase()];
    const num = v.type === 'reg_binary' || v.type === 'hex' ? undefined : parseNumber(v.type === 'chapter' ? 'chapter' : v.type, v.raw);
    const m = def.describe(num, v.raw);
    const facts: Fact[] = [fact('name', '値の名前', v.name, v.nameSpan), fact('value', '値', v.raw, v.valueSpan)];
    if (v.key) facts.push(fact('key', 'キー', v.key, v.nameSpan));
    if (v.type && v.type !== 'chapter') facts.push(fact('type', '種類', v.type.toUpperCase(), v.valueSpan));
    ctx.emit(
      cmdFinding(ctx, {
        kind: 'registry',
        title: `レジストリ: ${def.label} = ${v.raw.length > 40 ? v.raw.slice(0, 39) + '…' : v.raw}`,
        meaning: m.meaning,
        facts,
        span: [v.nameSpan[0], v.valueSpan[1]],
        severity: m.severity,
        priority: m.priority,
        guide: m.guide,
        sensitive: m.sensitive,
      }),
    );
  }
  const other = values.filter((v) => !REGISTRY_VALUES[v.name.toLowerCase()]);
  if (other.length) {
    ctx.emit(
      cmdFinding(ctx, {
        kind: 'registry',
        title: `レジストリ: その他の値 ${other.length} 個`,
        meaning: 'このデコーダーが意味を登録していない値なので、値の一覧ページで確認してください。',
        facts: other.slice(0, 50).map((v) => fact(v.name, v.name, v.raw.length > 200 ? v.raw.slice(0, 199) + '…' : v.raw, v.valueSpan)),
        span: [other[0].nameSpan[0], other[other.length - 1].valueSpan[1]],
        severity: 'info',
        priority: 5,
        guide: 'reference/registry',
      }),
    );
  }
  for (const er of errors) {
    // the value asked for: "reg query … /v Name"
    const cmd = ctx.lastCommand ?? '';
    const vAt = cmd.toLowerCase().indexOf('/v ');
    const asked = vAt >= 0 ? cmd.slice(vAt + 3).trim().split(' ')[0] : '';
    const def = asked ? REGISTRY_VALUES[asked.toLowerCase()] : undefined;
    ctx.emit(
      cmdFinding(ctx, {
        kind: 'registry',
        title: asked ? `レジストリ: ${def ? def.label : asked} は定義されていません` : 'レジストリ: 値またはキーがありません',
        meaning: def ? `値が定義されていないので既定の動作です${def.absent ? ` (${def.absent.endsWith('。') ? def.absent.slice(0, -1) : def.absent})` : ''}。` : '問い合わせた値は存在せず、多くの値は存在しないときに既定の動作になります。',
        facts: [fact('error', 'メッセージ', er.t, er.span), ...(asked ? [fact('name', '値の名前', asked, er.span)] : [])],
        span: er.span,
        severity: 'info',
        priority: 15,
        guide: 'reference/registry',
      }),
    );
  }
  coverLines(ctx, i, i + 1);
  return j;
}
