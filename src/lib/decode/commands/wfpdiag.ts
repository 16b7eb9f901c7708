/**
 * `netsh wfp capture start` / `stop` output (wfpdiag.cab): the formatted trace wfpdiag.txt, whose
 * `[ikeext]` lines carry "IKE diagnostic event" records, and the netEvent elements of wfpdiag.xml.
 * On Vista and later these replace Oakley.log. Failures with the same type, code and failure
 * point become ONE finding with a count and the peers; the Win32 code links through the catalogue.
 */
import type { Ctx } from '../context.ts';
import { coverLines, fact } from '../context.ts';
import { codePlaybook, describeCode, readToken } from '../errors.ts';
import { content } from '../event-sources.ts';
import type { Fact, Span } from '../types.ts';
import { isDigit } from '../text.ts';
import { cmdFinding } from './util.ts';
import { peerFacts } from './get-netipsec.ts';

export const WFPDIAG_PREFIXES = ['[0]', '[1]', '[2]', '[3]', '[4]', '[5]', '[6]', '[7]', '[ikeext]', '<netEvent>', '<netEvent '];

/** Offset of the message after "[ikeext] 3038|52.161.24.36|" in t, or -1. */
function ikeextMessage(t: string): number {
  const at = t.indexOf('[ikeext]');
  if (at < 0 || at > 60) return -1;
  let p = at + 8;
  while (p < t.length && t.charCodeAt(p) === 0x20) p++;
  // "<thread>|<peer>|" when present
  let q = p;
  while (q < t.length && isDigit(t.charCodeAt(q))) q++;
  if (q > p && t.charCodeAt(q) === 0x7c) {
    const bar = t.indexOf('|', q + 1);
    if (bar > 0 && bar - q < 60) return bar + 1;
  }
  return p;
}

export function isWfpdiagStart(t: string): boolean {
  if (t.startsWith('<netEvent')) return t.length === 9 || t.charCodeAt(9) === 0x3e || t.charCodeAt(9) === 0x20;
  return ikeextMessage(t) >= 0;
}

interface Failure {
  type: string;
  code?: string;
  codeSpan?: Span;
  point?: string;
  module?: string;
  local?: string;
  remote?: string;
  remoteSpan?: Span;
  span: Span;
}

export function readWfpdiag(ctx: Ctx, i: number, kind: number): number {
  const [s0, e0] = content(ctx, i);
  return ctx.text.startsWith('<netEvent', s0) && e0 > s0 ? readNetEvents(ctx, i, kind) : readIkeext(ctx, i, kind);
}

/** Run of lines of this kind (blank lines inside are allowed). */
function runEnd(ctx: Ctx, i: number, kind: number): number {
  let j = i + 1;
  let blanks = 0;
  while (j < ctx.lines.count && j < i + 200_000) {
    const [s, e] = content(ctx, j);
    if (s >= e) {
      if (++blanks > 2) break;
      j++;
      continue;
    }
    if (ctx.detect(j) !== kind) break;
    blanks = 0;
    j++;
  }
  while (j > i + 1 && content(ctx, j - 1)[0] >= content(ctx, j - 1)[1]) j--;
  return j;
}

function readIkeext(ctx: Ctx, i: number, kind: number): number {
  const j = runEnd(ctx, i, kind);
  const fails: Failure[] = [];
  let cur: Failure | null = null;
  let lines = 0;
  for (let k = i; k < j; k++) {
    const [s, e] = content(ctx, k);
    if (s >= e) continue;
    lines++;
    const t = ctx.text.slice(s, Math.min(e, s + 400));
    const m = ikeextMessage(t);
    if (m < 0) continue;
    const msg = t.slice(m).trim();
    const ms = s + m + (t.length - m - t.slice(m).trimStart().length);
    if (msg.startsWith('IKE diagnostic event')) {
      cur = { type: '', span: [s, e] };
      fails.push(cur);
      continue;
    }
    if (!cur) continue;
    cur.span = [cur.span[0], e];
    const after = (label: string) => msg.slice(label.length).trim();
    const spanAfter = (label: string): Span => {
      const v = after(label);
      const at = ctx.text.indexOf(v, ms + label.length);
      return at >= 0 ? [at, at + v.length] : [s, e];
    };
    if (msg.startsWith('Local address:')) cur.local = after('Local address:');
    else if (msg.startsWith('Remote address:')) {
      cur.remote = after('Remote address:');
      cur.remoteSpan = spanAfter('Remote address:');
    } else if (msg.startsWith('Failure type:')) cur.type = after('Failure type:');
    else if (msg.startsWith('Failure error code:')) {
      cur.code = after('Failure error code:');
      cur.codeSpan = spanAfter('Failure error code:');
      continue;
    } else if (msg.startsWith('Failure point:')) cur.point = after('Failure point:');
    else if (msg.startsWith('Keying module type:')) cur.module = after('Keying module type:');
    // the line after the code is Windows' text for it; the code lookup gives the same text
  }
  coverLines(ctx, i, j);
  const real = fails.filter((f) => f.type || f.code);
  if (!real.length) {
    const span: Span = [content(ctx, i)[0], content(ctx, j - 1)[1]];
    ctx.emit(
      cmdFinding(ctx, {
        title: `wfpdiag.txt: [ikeext] のトレース ${lines} 行 (IKE の失敗イベントなし)`,
        meaning: 'この部分には「IKE diagnostic event」の失敗記録がありません。失敗は「Failure type:」「Failure error code:」の行に出るので、再現中に取ったトレース全体を確かめます。',
        facts: [fact('lines', '行数', String(lines), span)],
        span,
        severity: 'info',
        priority: 15,
        guide: 'guides/wfp-tracing',
        confidence: 'partial',
      }),
    );
    return j;
  }
  emitGroups(ctx, real, 'wfpdiag.txt');
  return j;
}

/** Text of the first <tag>…</tag> in [s, e), with its span. */
function tag(text: string, s: number, e: number, name: string): { value: string; span: Span } | null {
  const open = `<${name}>`;
  const at = text.indexOf(open, s);
  if (at < 0 || at >= e) return null;
  const vs = at + open.length;
  const close = text.indexOf(`</${name}>`, vs);
  if (close < 0 || close > e || close - vs > 200) return null;
  const value = text.slice(vs, close).trim();
  return { value, span: [vs, close] };
}

const TYPE_NAMES: Record<string, string> = {
  FWPM_NET_EVENT_TYPE_IKEEXT_MM_FAILURE: 'IKE/AuthIP Main Mode Failure',
  FWPM_NET_EVENT_TYPE_IKEEXT_QM_FAILURE: 'IKE/AuthIP Quick Mode Failure',
  FWPM_NET_EVENT_TYPE_IKEEXT_EM_FAILURE: 'AuthIP Extended Mode Failure',
  FWPM_NET_EVENT_TYPE_IPSEC_KERNEL_DROP: 'IPsec kernel drop',
  FWPM_NET_EVENT_TYPE_CLASSIFY_DROP: 'WFP classify drop',
  FWPM_NET_EVENT_TYPE_CLASSIFY_ALLOW: 'WFP classify allow',
};

function readNetEvents(ctx: Ctx, i: number, kind: number): number {
  const text = ctx.text;
  const fails: Failure[] = [];
  const others = new Map<string, { count: number; span: Span; filterIds: Set<string>; peers: Array<{ value: string; span: Span }> }>();
  let k = i;
  let last = i + 1;
  // one netEvent after another (blank lines and wrapper tags between them are allowed)
  while (k < ctx.lines.count) {
    const [s] = content(ctx, k);
    if (!text.startsWith('<netEvent', s)) break;
    const close = text.indexOf('</netEvent>', s);
    if (close < 0 || close > ctx.lines.ends[Math.min(ctx.lines.count - 1, k + 400)]) break;
    const e = close + '</netEvent>'.length;
    const type = tag(text, s, e, 'type')?.value ?? '';
    const remote = tag(text, s, e, 'remoteAddrV4') ?? tag(text, s, e, 'remoteAddrV6.byteArray16');
    const local = tag(text, s, e, 'localAddrV4') ?? tag(text, s, e, 'localAddrV6.byteArray16');
    const failure = tag(text, s, e, 'failureErrorCode') ?? tag(text, s, e, 'failureStatus');
    if (failure || type.includes('IKEEXT')) {
      fails.push({
        type: TYPE_NAMES[type] ?? type,
        code: failure?.value,
        codeSpan: failure?.span,
        point: tag(text, s, e, 'failurePoint')?.value,
        module: tag(text, s, e, 'keyingModuleType')?.value,
        local: local?.value,
        remote: remote?.value,
        remoteSpan: remote?.span,
        span: [s, e],
      });
    } else {
      const key = TYPE_NAMES[type] ?? (type || '種類不明');
      const g = others.get(key) ?? { count: 0, span: [s, e] as Span, filterIds: new Set<string>(), peers: [] };
      g.count++;
      g.span = [g.span[0], e];
      const fid = tag(text, s, e, 'filterId')?.value;
      if (fid) g.filterIds.add(fid);
      if (remote) g.peers.push({ value: remote.value, span: remote.span });
      others.set(key, g);
    }
    // continue on the line after </netEvent>
    let n = k;
    while (n < ctx.lines.count && ctx.lines.ends[n] < e) n++;
    last = n + 1;
    k = n + 1;
    while (k < ctx.lines.count && content(ctx, k)[0] >= content(ctx, k)[1]) k++;
  }
  if (last <= i) last = i + 1;
  coverLines(ctx, i, last);
  if (fails.length) emitGroups(ctx, fails, 'wfpdiag.xml');
  for (const [type, g] of others) {
    const facts: Fact[] = [fact('count', '件数', String(g.count), g.span), ...peerFacts(g.peers)];
    if (g.filterIds.size) facts.push(fact('filterId', 'フィルター ID', [...g.filterIds].join(', '), g.span));
    const drop = type.includes('drop');
    ctx.emit(
      cmdFinding(ctx, {
        title: `wfpdiag.xml: ${type} の netEvent ${g.count} 件`,
        meaning: drop
          ? 'WFP のフィルターがパケットを破棄した記録です。IKE の失敗ではありません。フィルター ID を同じ wfpdiag.xml のフィルター一覧で引くと、どの規則が止めたか分かります。'
          : 'IKE の失敗ではない netEvent です。IPsec の調査では IKEEXT_MM_FAILURE / QM_FAILURE の netEvent を探します。',
        facts,
        span: g.span,
        severity: drop ? 'warning' : 'info',
        priority: drop ? 40 : 10,
        guide: 'guides/wfp-tracing',
      }),
    );
  }
  return last;
}

function emitGroups(ctx: Ctx, fails: Failure[], file: string) {
  const groups = new Map<string, Failure[]>();
  for (const f of fails) {
    const key = `${f.type}|${codeValue(ctx, f.code) ?? f.code ?? ''}|${f.point ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  for (const g of groups.values()) {
    const f0 = g[0];
    const span: Span = [f0.span[0], g[g.length - 1].span[1]];
    const facts: Fact[] = [fact('count', '件数', String(g.length), span)];
    if (f0.type) facts.push(fact('failureType', '失敗の種類', f0.type, f0.span));
    let playbookId: string | undefined;
    let codeText = '';
    if (f0.code) {
      const cs = f0.codeSpan ?? f0.span;
      facts.push(fact('failureErrorCode', 'エラー コード', f0.code, cs));
      const r = readToken(ctx.idx, f0.code.toLowerCase().startsWith('0x') ? f0.code : f0.code.trim(), true).find((x) => x.code);
      if (r?.code) {
        codeText = `${r.code.decimal} ${r.code.name.startsWith('(') ? r.code.hex : r.code.name}`;
        facts.push(fact('codeMeaning', 'エラー コードの意味', describeCode(r.code), cs));
        playbookId = codePlaybook(ctx.idx, r.code)?.id;
      }
    }
    if (f0.point) facts.push(fact('failurePoint', '失敗した側 (failurePoint)', f0.point, f0.span));
    if (f0.module) facts.push(fact('keyingModuleType', 'キー モジュール', f0.module, f0.span));
    if (f0.local) facts.push(fact('local', '自分のアドレス', f0.local, f0.span, 'ip'));
    facts.push(...peerFacts(g.filter((f) => f.remote).map((f) => ({ value: f.remote as string, span: f.remoteSpan ?? f.span }))));
    const qm = f0.type.toLowerCase().includes('quick');
    ctx.emit(
      cmdFinding(ctx, {
        title: `${file}: ${f0.type || 'IKE の失敗'}${codeText ? ` ${codeText}` : ''} × ${g.length}`,
        meaning: `${qm ? 'クイック モード' : 'メイン モード'}のネゴシエーションが失敗した記録です (セキュリティ ログの ${qm ? '4654' : '4653'} と同じ出来事)。${f0.point ? `failurePoint が ${f0.point} なので、${/remote|peer/i.test(f0.point) ? '相手側' : '自分の側'}で失敗が判定されています。` : ''}${playbookId ? 'エラー コードのプレイブックで対処を確かめます。' : 'エラー コードがカタログにないため、コードの一覧で意味を確かめます。'}`,
        facts,
        span,
        severity: 'error',
        priority: 80,
        playbookId,
        guide: 'guides/wfp-tracing',
      }),
    );
  }
}

function codeValue(ctx: Ctx, code: string | undefined): number | undefined {
  if (!code) return undefined;
  return readToken(ctx.idx, code.trim(), true).find((x) => x.code)?.code?.decimal;
}
