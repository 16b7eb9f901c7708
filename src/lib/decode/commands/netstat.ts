/** netstat -ano / -bov / -nab and portqry -local: who holds UDP 500 and 4500. */
import type { Ctx } from '../context.ts';
import { coverLines, fact } from '../context.ts';
import type { Fact, Span } from '../types.ts';
import { isDigit } from '../text.ts';
import { blockEnd, blockLines, cmdFinding, words } from './util.ts';

export function isNetstatStart(t: string): boolean {
  return t.startsWith('Active Connections') || t.startsWith('アクティブな接続');
}

export function isPortqryStart(t: string): boolean {
  return (
    t.startsWith('Port Statistics') ||
    t.startsWith('PortQry') ||
    t.startsWith('Querying target system') ||
    t.startsWith('Port to Process Mapping') ||
    (t.startsWith('Process ID:') && t.includes('(')) ||
    ((t.startsWith('UDP port ') || t.startsWith('TCP port ')) && (t.includes('LISTENING') || t.includes('FILTERED')))
  );
}

interface Holder {
  proto: string;
  port: number;
  pid?: string;
  image?: string;
  modules: string[];
  span: Span;
}

const IKE_IMAGES = ['lsass.exe', 'svchost.exe'];
const IKE_MODULES = ['oakley.dll', 'ipsecsvc.dll', 'ikeext', 'ikeext.dll', 'policyagent'];

function portOf(endpoint: string): number | undefined {
  const c = endpoint.lastIndexOf(':');
  if (c < 0) return undefined;
  const p = endpoint.slice(c + 1);
  for (let i = 0; i < p.length; i++) if (!isDigit(p.charCodeAt(i))) return undefined;
  return p ? Number(p) : undefined;
}

function judge(ctx: Ctx, holders: Holder[], tool: string, listed: boolean, span: Span) {
  for (const port of [500, 4500]) {
    const hs = holders.filter((h) => h.port === port && h.proto.startsWith('UDP'));
    if (!hs.length) {
      if (port === 500 && listed)
        ctx.emit(
          cmdFinding(ctx, {
            title: `${tool}: UDP 500 を待ち受けているプロセスがありません`,
            meaning: 'IKE は UDP 500 で待ち受けるので、IPsec サービスが止まっているか、起動時にポートを取得できなかった可能性があります。',
            facts: [fact('port', 'ポート', 'UDP 500', span)],
            span,
            severity: 'warning',
            priority: 75,
            guide: 'guides/ipsec-service',
          }),
        );
      continue;
    }
    for (const h of hs) {
      const img = (h.image ?? '').toLowerCase();
      const mods = h.modules.map((m) => m.toLowerCase());
      const ike = (img && IKE_IMAGES.includes(img)) || mods.some((m) => IKE_MODULES.some((x) => m.endsWith(x) || m === x));
      const unknown = !img && !mods.length;
      const facts: Fact[] = [fact('port', 'ポート', `UDP ${port}`, h.span)];
      if (h.pid) facts.push(fact('pid', 'プロセス ID', h.pid, h.span));
      if (h.image) facts.push(fact('image', 'プロセス', h.image, h.span));
      if (h.modules.length) facts.push(fact('modules', 'モジュール', h.modules.join(', '), h.span));
      const who = h.image ?? (h.pid ? `PID ${h.pid}` : '不明なプロセス');
      ctx.emit(
        cmdFinding(ctx, {
          title: ike ? `${tool}: UDP ${port} は ${who} (IKE) が使っています` : unknown ? `${tool}: UDP ${port} は ${who} が使っています` : `${tool}: UDP ${port} を IKE 以外の ${who} が使っています`,
          meaning: ike
            ? 'IKE が想定どおりのプロセスでポートを持っています。'
            : unknown
              ? 'どのプログラムかは出力から分からないので、tasklist /svc でプロセス ID を確かめ、IKE (lsass.exe / IPsec サービス) かどうかを確認します。'
              : 'IKE 以外のプログラムがこのポートを取っていると、IPsec サービスが IKE を開始できません。',
          facts,
          span: h.span,
          severity: ike ? 'info' : unknown ? 'info' : 'error',
          priority: ike ? 15 : unknown ? 40 : 90,
          guide: 'guides/ipsec-service',
        }),
      );
    }
  }
}

export function readNetstat(ctx: Ctx, i: number, kind: number): number {
  const j = blockEnd(ctx, i, kind);
  const lines = blockLines(ctx, i, j);
  const holders: Holder[] = [];
  let last: Holder | null = null;
  let udpRows = 0;
  const used: number[] = [];
  for (const l of lines) {
    const t = l.text;
    if (isNetstatStart(t) || t.startsWith('Proto') || t.startsWith('プロトコル')) {
      used.push(l.i);
      continue;
    }
    const w = words(t);
    if (w.length >= 3 && (w[0] === 'TCP' || w[0] === 'UDP' || w[0] === 'TCPv6' || w[0] === 'UDPv6')) {
      if (w[0].startsWith('UDP')) udpRows++;
      const port = portOf(w[1]);
      const pid = isDigit(w[w.length - 1].charCodeAt(0)) && !w[w.length - 1].includes(':') ? w[w.length - 1] : undefined;
      last = null;
      if (port === 500 || port === 4500) {
        last = { proto: w[0], port, pid, modules: [], span: [l.s, l.e] };
        holders.push(last);
      }
      used.push(l.i);
      continue;
    }
    if (t.startsWith('[') && t.endsWith(']')) {
      if (last) {
        last.image = t.slice(1, -1);
        last.span = [last.span[0], l.e];
      }
      last = null;
      used.push(l.i);
      continue;
    }
    if (t.includes('\\') || t.toLowerCase().endsWith('.dll') || t.toLowerCase().endsWith('.exe') || (w.length === 1 && /^[A-Za-z][A-Za-z0-9]*$/.test(t))) {
      if (last) {
        const base = t.slice(t.lastIndexOf('\\') + 1);
        last.modules.push(base);
        last.span = [last.span[0], l.e];
        used.push(l.i);
      } else if (t.includes('\\') || t.includes('.')) used.push(l.i);
      continue;
    }
    if (t.startsWith('Can not obtain ownership') || t.includes('所有者情報を取得できません')) {
      used.push(l.i);
      continue;
    }
  }
  for (const k of used) coverLines(ctx, k, k + 1);
  const span: Span = [lines[0]?.s ?? 0, lines[lines.length - 1]?.e ?? 0];
  judge(ctx, holders, 'netstat', udpRows > 0, span);
  return j;
}

export function readPortqry(ctx: Ctx, i: number, kind: number): number {
  const j = blockEnd(ctx, i, kind);
  const lines = blockLines(ctx, i, j);
  const holders: Holder[] = [];
  const used: number[] = [];
  const procs = new Map<string, string>();
  let curPid: string | undefined;
  let anyRow = false;
  for (const l of lines) {
    const t = l.text;
    if (t.startsWith('Process ID:')) {
      const w = words(t.slice('Process ID:'.length));
      curPid = w[0];
      const open = t.indexOf('(');
      const close = t.indexOf(')', open);
      if (curPid && open > 0 && close > open) procs.set(curPid, t.slice(open + 1, close));
      used.push(l.i);
      continue;
    }
    // remote query result: "UDP port 500 (isakmp service): LISTENING or FILTERED"
    if ((t.startsWith('UDP port ') || t.startsWith('TCP port ')) && t.includes(':')) {
      const status = t.slice(t.lastIndexOf(':') + 1).trim();
      const bad = status.includes('NOT LISTENING') || status === 'FILTERED';
      ctx.emit(
        cmdFinding(ctx, {
          title: `portqry: ${t.slice(0, t.lastIndexOf(':'))} は ${status}`,
          meaning: bad ? '相手のポートに届いていないか待ち受けていないので、経路上のフィルタと相手のサービスを確認します。' : status.includes('FILTERED') ? 'UDP では応答がないとき「LISTENING or FILTERED」と表示され、届いたかどうかは断定できません。' : 'ポートは応答しています。',
          facts: [fact('port', 'ポート', t.slice(0, t.indexOf(' (') > 0 ? t.indexOf(' (') : t.lastIndexOf(':')), [l.s, l.e]), fact('status', '状態', status, [l.s, l.e])],
          span: [l.s, l.e],
          severity: bad ? 'warning' : 'info',
          priority: bad ? 60 : 15,
          guide: 'guides/path-connectivity',
        }),
      );
      used.push(l.i);
      continue;
    }
    const w = words(t);
    // "696   UDP 500   0.0.0.0   *:*"
    const pi = w.findIndex((x) => x === 'UDP' || x === 'TCP');
    if (pi >= 0 && pi + 1 < w.length && /^\d+$/.test(w[pi + 1])) {
      anyRow = true;
      const port = Number(w[pi + 1]);
      const pid = pi > 0 && /^\d+$/.test(w[0]) ? w[0] : curPid;
      if (port === 500 || port === 4500) holders.push({ proto: w[pi], port, pid, image: pid ? procs.get(pid) : undefined, modules: [], span: [l.s, l.e] });
      used.push(l.i);
      continue;
    }
    if (t.includes(':') || t.startsWith('PID') || t.startsWith('Port Statistics') || t.startsWith('Port to Process') || t.startsWith('Name resolved') || t.startsWith('querying') || t.startsWith('Querying')) used.push(l.i);
  }
  for (const k of used) coverLines(ctx, k, k + 1);
  const span: Span = [lines[0]?.s ?? 0, lines[lines.length - 1]?.e ?? 0];
  if (anyRow || holders.length) judge(ctx, holders, 'portqry', anyRow, span);
  return j;
}
