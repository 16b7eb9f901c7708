/**
 * PowerShell NetSecurity cmdlets (Windows 8 / Server 2012 and later), Format-List output:
 * Get-NetIPsecRule, Get-NetIPsecMainModeSA, Get-NetIPsecQuickModeSA. Property names are the same
 * on every display language (PowerShell does not translate them), so one parser serves English
 * and Japanese Windows. Repeated records become ONE finding with a count and the peers.
 */
import type { Ctx } from '../context.ts';
import { coverLines, fact } from '../context.ts';
import { K } from '../kinds.ts';
import type { Fact, Span } from '../types.ts';
import { isIPv4, isIPv6 } from '../text.ts';
import type { KV } from './util.ts';
import { cmdFinding, kvAt } from './util.ts';
import { content } from '../event-sources.ts';

/** Kinds that end a key/value run: every block kind except free text, noise and loose field lines. */
const SOFT = new Set<number>([K.FREE, K.NOISE, K.FIELDS, K.DESC, K.DESC_INLINE]);

export interface KvLine {
  i: number;
  s: number;
  e: number;
  kv: KV | null;
}

/**
 * Lines of a "Key: value" run that starts at line i: blank lines are allowed, a single line
 * without a colon is tolerated, two in a row (or another block kind) end the run.
 * Returns the lines up to the last one that held a key/value pair.
 */
export function kvRun(ctx: Ctx, i: number, kind: number, max = 4000, stop?: (t: string) => boolean): { lines: KvLine[]; end: number } {
  const out: KvLine[] = [];
  const n = ctx.lines.count;
  let miss = 0;
  let end = i + 1;
  for (let j = i; j < n && j < i + max; j++) {
    const k = j > i ? ctx.detect(j) : kind;
    if (k !== kind && !SOFT.has(k)) break;
    const [s, e] = content(ctx, j);
    if (s >= e) continue;
    if (j > i && stop && stop(ctx.text.slice(s, Math.min(e, s + 80)))) break;
    const kv = kvAt(ctx.text, s, e);
    // a heading of the same output ("Main Mode SA at …") continues the run
    if (!kv && k === kind) {
      miss = 0;
      out.push({ i: j, s, e, kv: null });
      end = j + 1;
      continue;
    }
    if (!kv) {
      if (++miss >= 2) break;
      out.push({ i: j, s, e, kv: null });
      continue;
    }
    miss = 0;
    out.push({ i: j, s, e, kv });
    end = j + 1;
  }
  while (out.length && out[out.length - 1].i >= end) out.pop();
  return { lines: out, end };
}

/** Distinct values with their counts, most frequent first: "ComputerKerb ×3, ComputerPSK". */
export function tally(values: string[]): string {
  const m = new Map<string, number>();
  for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([v, c]) => (c > 1 ? `${v} ×${c}` : v))
    .join(', ');
}

/** One fact per distinct peer address (first span kept), at most `cap`, plus a "more" fact. */
export function peerFacts(peers: Array<{ value: string; span: Span }>, cap = 20): Fact[] {
  const seen = new Map<string, Span>();
  for (const p of peers) if (p.value && !seen.has(p.value)) seen.set(p.value, p.span);
  const out: Fact[] = [];
  for (const [v, span] of seen) {
    if (out.length >= cap) break;
    out.push(fact('peer', '相手のアドレス', v, span, isIPv4(v) || isIPv6(v) ? 'ip' : undefined));
  }
  if (seen.size > cap) out.push(fact('peersMore', 'ほかの相手', `${seen.size - cap} 件`, out[out.length - 1].span));
  return out;
}

const RECORD_KEYS = ['localendpoint', 'remoteendpoint', 'displayname', 'ipsecrulename', 'localfirstididentity', 'remotefirstididentity', 'inboundsecurity', 'outboundsecurity'];

/** "Name                  : 1" (Format-List pads the key, so a space comes before the colon). */
function padded(t: string, key: string): boolean {
  if (!t.startsWith(key)) return false;
  const c = t.indexOf(':');
  return c > key.length && t.charCodeAt(c - 1) === 0x20 && t.slice(key.length, c).trim() === '';
}

export function isGetNetIpsecStart(ctx: Ctx, i: number, t: string): boolean {
  if (padded(t, 'IPsecRuleName')) return true;
  if (!padded(t, 'Name')) return false;
  // nslookup also prints "Name:"; a Format-List record has one of these keys right below
  for (let k = i + 1; k < ctx.lines.count && k <= i + 6; k++) {
    const [s, e] = content(ctx, k);
    if (s >= e) continue;
    const kv = kvAt(ctx.text, s, e);
    if (kv && RECORD_KEYS.includes(kv.norm)) return true;
  }
  return false;
}

interface Rec {
  kind: 'rule' | 'mm' | 'qm';
  values: Map<string, KV>;
  span: Span;
}

function classify(values: Map<string, KV>): Rec['kind'] | null {
  if (values.has('ipsecrulename') || (values.has('displayname') && (values.has('inboundsecurity') || values.has('mode')))) return 'rule';
  if (!values.has('localendpoint') && !values.has('remoteendpoint')) return null;
  // quick mode SAs carry ports and a transport protocol; main mode SAs carry the IKE identities
  for (const k of ['localport', 'remoteport', 'transportlayerprotocol', 'encapsulationmode', 'spi']) if (values.has(k)) return 'qm';
  return 'mm';
}

export function readGetNetIpsec(ctx: Ctx, i: number, kind: number): number {
  const { lines, end } = kvRun(ctx, i, kind);
  const recs: Rec[] = [];
  let cur: Map<string, KV> | null = null;
  let span: Span = [0, 0];
  let lastLine = -1;
  const flush = () => {
    if (!cur) return;
    const k = classify(cur);
    if (k) recs.push({ kind: k, values: cur, span });
    cur = null;
  };
  for (const l of lines) {
    // Format-List separates records with a blank line
    if (lastLine >= 0 && l.i > lastLine + 1) flush();
    lastLine = l.i;
    if (!l.kv) continue;
    if (!cur) {
      cur = new Map();
      span = [l.s, l.e];
    }
    if (!cur.has(l.kv.norm)) cur.set(l.kv.norm, l.kv);
    span = [span[0], l.e];
  }
  flush();
  coverLines(ctx, i, end);
  if (!recs.length) return end;
  for (const k of ['mm', 'qm', 'rule'] as const) {
    const rs = recs.filter((r) => r.kind === k);
    if (rs.length) ctx.emit(k === 'rule' ? ruleFinding(ctx, rs) : saFinding(ctx, rs, k));
  }
  return end;
}

const v = (r: Rec, key: string) => r.values.get(key)?.value ?? '';

function saFinding(ctx: Ctx, rs: Rec[], k: 'mm' | 'qm') {
  const span: Span = [rs[0].span[0], rs[rs.length - 1].span[1]];
  const cmd = k === 'mm' ? 'Get-NetIPsecMainModeSA' : 'Get-NetIPsecQuickModeSA';
  const what = k === 'mm' ? 'メイン モード SA' : 'クイック モード SA';
  const facts: Fact[] = [fact('count', `${what}の数`, String(rs.length), span)];
  facts.push(...peerFacts(rs.map((r) => ({ value: v(r, 'remoteendpoint'), span: r.values.get('remoteendpoint')?.valueSpan ?? r.span }))));
  const locals = tally(rs.map((r) => v(r, 'localendpoint')));
  if (locals) facts.push(fact('local', '自分のアドレス', locals, rs[0].values.get('localendpoint')?.valueSpan ?? span));
  if (k === 'mm') {
    const ids = tally(rs.map((r) => v(r, 'remotefirstididentity')));
    if (ids) facts.push(fact('remoteId', '相手の ID (1 番目の認証)', ids, rs[0].values.get('remotefirstididentity')?.valueSpan ?? span, 'principal'));
    const auth = tally(rs.map((r) => v(r, 'localfirstidauthenticationmethod') || v(r, 'authenticationmethod')));
    if (auth) facts.push(fact('auth', '認証方法', auth, span));
  } else {
    const enc = tally(rs.map((r) => v(r, 'encapsulationmode')));
    if (enc) facts.push(fact('encapsulation', 'カプセル化', enc, span));
    const proto = tally(rs.map((r) => v(r, 'transportlayerprotocol')));
    if (proto) facts.push(fact('protocol', 'プロトコル', proto, span));
  }
  return saSummary(ctx, cmd, k, rs.length, facts, span);
}

/** One finding for a whole list of SAs (netsh or PowerShell): count, peers and what was negotiated. */
export function saSummary(ctx: Ctx, cmd: string, k: 'mm' | 'qm', count: number, facts: Fact[], span: Span) {
  const what = k === 'mm' ? 'メイン モード SA' : 'クイック モード SA';
  const peers = facts.filter((f) => f.name === 'peer').length;
  return cmdFinding(ctx, {
    title: `${cmd}: ${what} が ${count} 件 (相手 ${peers} 台)`,
    meaning:
      k === 'mm'
        ? 'これらの相手とは IKE のメイン モード (認証) まで成立しています。届かない相手がこの一覧にないなら、その相手とのネゴシエーションを調べます。'
        : 'これらの相手とはデータを保護するクイック モード SA ができています。一覧にない相手との通信が IPsec の問題の候補です。',
    facts,
    span,
    severity: 'info',
    priority: 25,
    guide: 'guides/consec-monitoring',
  });
}

function ruleFinding(ctx: Ctx, rs: Rec[]) {
  const span: Span = [rs[0].span[0], rs[rs.length - 1].span[1]];
  const facts: Fact[] = [fact('count', '接続セキュリティ規則の数', String(rs.length), span)];
  for (const r of rs.slice(0, 30)) {
    const name = r.values.get('displayname') ?? r.values.get('ipsecrulename');
    if (name) facts.push(fact('rule', '規則', `${name.value} (Enabled=${v(r, 'enabled') || '?'}, In=${v(r, 'inboundsecurity') || '?'}, Out=${v(r, 'outboundsecurity') || '?'})`, name.valueSpan));
  }
  const off = rs.filter((r) => v(r, 'enabled').toLowerCase() === 'false');
  if (off.length) facts.push(fact('disabled', '無効の規則', String(off.length), off[0].values.get('enabled')?.valueSpan ?? span));
  const req = rs.filter((r) => v(r, 'inboundsecurity').toLowerCase() === 'require');
  return cmdFinding(ctx, {
    title: `Get-NetIPsecRule: 接続セキュリティ規則が ${rs.length} 件${off.length ? ` (うち無効 ${off.length} 件)` : ''}`,
    meaning: req.length
      ? `受信に IPsec を必須 (Require) にしている規則が ${req.length} 件あります。相手が同じ規則を持たないと、その相手からの通信は受け付けられません。`
      : '規則の一覧です。どの規則も受信を必須にしていないので、IPsec がなくても通信そのものは許されます。',
    facts,
    span,
    severity: 'info',
    priority: 20,
    guide: 'guides/consec-tools',
    sensitive: ['policy-details'],
  });
}
