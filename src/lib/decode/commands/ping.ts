/** ping (with / without 「IP セキュリティをネゴシエートしています。」), ping -a, and tracert. */
import type { Ctx } from '../context.ts';
import { coverLines, fact } from '../context.ts';
import type { Fact } from '../types.ts';
import { findIPv4, isDigit } from '../text.ts';
import type { LineView } from './util.ts';
import { blockEnd, blockLines, cmdFinding, playbookForRef, spanOf, words } from './util.ts';

const NEGOTIATING = ['Negotiating IP Security.', 'IP セキュリティをネゴシエートしています。'];
const TIMEOUT = ['Request timed out.', '要求がタイムアウトしました。'];
const UNREACHABLE = ['Destination host unreachable', '宛先ホストに到達できません', 'Destination net unreachable', '宛先ネットワークに到達できません'];

export function isPingHeader(t: string): boolean {
  return t.startsWith('Pinging ') || t.includes(' に ping を送信しています');
}

export function isPingStart(t: string): boolean {
  return isPingHeader(t) || t.startsWith('Ping request could not find host') || t.startsWith('ping 要求ではホスト') || t.startsWith('Ping statistics for') || t.endsWith('の ping 統計:');
}

interface Run {
  lines: LineView[];
  target?: string;
  name?: string;
  address?: string;
  replies: number;
  timeouts: number;
  negotiating: number;
  unreachable: number;
  notFound?: string;
  sent?: number;
  received?: number;
  lost?: number;
  facts: Fact[];
}

function newRun(): Run {
  return { lines: [], replies: 0, timeouts: 0, negotiating: 0, unreachable: 0, facts: [] };
}

function numAfter(t: string, key: string): number | undefined {
  const at = t.indexOf(key);
  if (at < 0) return undefined;
  let p = at + key.length;
  while (p < t.length && (t[p] === ' ' || t[p] === '=')) p++;
  let n = '';
  while (p < t.length && isDigit(t.charCodeAt(p))) n += t[p++];
  return n ? Number(n) : undefined;
}

function parseHeader(run: Run, l: LineView) {
  const t = l.text;
  let target = '';
  if (t.startsWith('Pinging ')) {
    const w = t.indexOf(' with ');
    target = t.slice(8, w > 0 ? w : undefined).trim();
  } else {
    target = t.slice(0, t.indexOf(' に ping を送信しています')).trim();
  }
  const br = target.indexOf(' [');
  if (br > 0) {
    run.name = target.slice(0, br);
    const close = target.indexOf(']', br);
    run.address = target.slice(br + 2, close > 0 ? close : undefined);
  } else if (findIPv4(target)) run.address = target;
  else run.name = target;
  run.target = target;
  const off = l.s;
  if (run.name) {
    const at = t.indexOf(run.name);
    run.facts.push(fact('name', '名前', run.name, [off + at, off + at + run.name.length], run.name.includes('.') ? 'fqdn' : 'host'));
  }
  if (run.address) {
    const at = t.indexOf(run.address);
    run.facts.push(fact('address', 'IP アドレス', run.address, [off + at, off + at + run.address.length], 'ip'));
  }
}

export function readPing(ctx: Ctx, i: number, kind: number): number {
  const j = blockEnd(ctx, i, kind);
  const lines = blockLines(ctx, i, j);
  const runs: Run[] = [];
  let run = newRun();
  const used = new Set<number>();
  for (const l of lines) {
    const t = l.text;
    if (isPingHeader(t)) {
      if (run.lines.length) runs.push(run);
      run = newRun();
      parseHeader(run, l);
    } else if (t.startsWith('Ping request could not find host') || t.startsWith('ping 要求ではホスト')) {
      if (run.lines.length) runs.push(run);
      run = newRun();
      const a = t.startsWith('Ping') ? 'Ping request could not find host '.length : 'ping 要求ではホスト '.length;
      let e = t.indexOf('. ', a);
      if (e < 0) e = t.indexOf(' が見つかりません', a);
      if (e < 0) e = t.length;
      run.notFound = t.slice(a, e).trim();
      run.facts.push(fact('name', '名前', run.notFound, [l.s + a, l.s + a + run.notFound.length], run.notFound.includes('.') ? 'fqdn' : 'host'));
    } else if (NEGOTIATING.some((x) => t.startsWith(x))) run.negotiating++;
    else if (TIMEOUT.some((x) => t.startsWith(x))) run.timeouts++;
    else if (UNREACHABLE.some((x) => t.includes(x))) run.unreachable++;
    else if (t.startsWith('Reply from ') || t.includes(' からの応答: ')) run.replies++;
    else if (t.startsWith('Ping statistics for') || t.endsWith('の ping 統計:')) {
      /* header of the statistics */
    } else if (t.startsWith('Packets: ') || t.startsWith('パケット数: ')) {
      run.sent = numAfter(t, t.startsWith('P') ? 'Sent' : '送信');
      run.received = numAfter(t, t.startsWith('P') ? 'Received' : '受信');
      run.lost = numAfter(t, t.startsWith('P') ? 'Lost' : '損失');
    } else if (t.startsWith('Approximate round trip') || t.startsWith('ラウンド トリップ') || t.startsWith('Minimum =') || t.startsWith('最小 =') || t.startsWith('Control-C') || t.startsWith('^C')) {
      /* timing lines */
    } else continue;
    run.lines.push(l);
    used.add(l.i);
  }
  if (run.lines.length) runs.push(run);
  for (const r of runs) emitRun(ctx, r);
  for (const k of used) coverLines(ctx, k, k + 1);
  return j;
}

function emitRun(ctx: Ctx, r: Run) {
  const span = spanOf(r.lines);
  const facts = [...r.facts];
  const received = r.received ?? r.replies;
  const sent = r.sent ?? r.replies + r.timeouts + r.unreachable;
  facts.push(fact('sent', '送信', String(sent), span), fact('received', '受信', String(received), span));
  if (r.timeouts) facts.push(fact('timeouts', 'タイムアウト', String(r.timeouts), span));
  if (r.negotiating) facts.push(fact('negotiating', '「IP セキュリティをネゴシエートしています。」の回数', String(r.negotiating), span));
  const who = r.name && r.address ? `${r.name} (${r.address})` : r.target ?? r.notFound ?? '相手';
  if (r.notFound) {
    ctx.emit(
      cmdFinding(ctx, {
        title: `ping: 名前「${r.notFound}」を解決できません`,
        meaning: 'ping が名前から IP アドレスを引けなかったため、IPsec より手前の名前解決で止まっています。',
        facts,
        span,
        severity: 'warning',
        priority: 65,
        guide: 'guides/name-resolution',
      }),
    );
    return;
  }
  if (r.negotiating) {
    const pid = playbookForRef(ctx, 'c7m001', 'console/ping-negotiating');
    ctx.emit(
      cmdFinding(ctx, {
        title: `ping: ${who} と IPsec をネゴシエート中${received ? ` (その後 ${received} 回応答)` : ' (応答なし)'}`,
        meaning: received
          ? '最初の応答を待つ間に IKE が保護をネゴシエートし、その後は応答が返っています。'
          : 'ping のたびに IPsec のネゴシエーションが始まり、完了しないまま応答がありません。',
        facts,
        span,
        severity: received ? 'info' : 'warning',
        priority: received ? 35 : 75,
        playbookId: pid,
        guide: 'guides/ike-troubleshooting',
      }),
    );
    return;
  }
  if (sent > 0 && received === 0) {
    ctx.emit(
      cmdFinding(ctx, {
        title: `ping: ${who} から応答がありません${r.unreachable ? ' (宛先に到達できません)' : ''}`,
        meaning: r.unreachable ? '経路上のルーターが宛先に届かないと答えており、IPsec より手前の経路の問題です。' : '要求がすべてタイムアウトしたので、経路、相手の状態、ICMP を止めるフィルターを確認します。',
        facts,
        span,
        severity: 'warning',
        priority: 60,
        guide: 'guides/path-connectivity',
      }),
    );
    return;
  }
  ctx.emit(
    cmdFinding(ctx, {
      title: `ping: ${who} は応答しています (${received}/${sent})`,
      meaning: 'ICMP は相手まで届いて返っています。',
      facts,
      span,
      severity: 'info',
      priority: 10,
      guide: 'guides/path-connectivity',
    }),
  );
}

// ---------------------------------------------------------------- tracert

export function isTracertStart(t: string): boolean {
  return t.startsWith('Tracing route to ') || t.includes('へのルートをトレースしています');
}

export function readTracert(ctx: Ctx, i: number, kind: number): number {
  const j = blockEnd(ctx, i, kind);
  const lines = blockLines(ctx, i, j);
  const used: number[] = [];
  let target = '';
  let targetAddr: string | undefined;
  const hops: Array<{ n: number; stars: number; host: string; l: LineView }> = [];
  let complete = false;
  const facts: Fact[] = [];
  for (const l of lines) {
    const t = l.text;
    if (isTracertStart(t)) {
      target = t.startsWith('Tracing') ? t.slice('Tracing route to '.length) : t.slice(0, t.indexOf('へのルートをトレースしています'));
      const over = target.indexOf(' over a maximum');
      if (over > 0) target = target.slice(0, over);
      target = target.trim();
      const a = findIPv4(target);
      if (a) targetAddr = target.slice(a[0], a[1]);
      const at = t.indexOf(target);
      facts.push(fact('target', '宛先', target, [l.s + at, l.s + at + target.length], targetAddr && target === targetAddr ? 'ip' : 'fqdn'));
      used.push(l.i);
      continue;
    }
    if (t.startsWith('over a maximum') || t.startsWith('経由するホップ数')) {
      used.push(l.i);
      continue;
    }
    if (t.startsWith('Trace complete') || t.startsWith('トレースを完了しました')) {
      complete = true;
      used.push(l.i);
      continue;
    }
    const w = words(t);
    if (w.length >= 2 && /^\d{1,2}$/.test(w[0])) {
      let stars = 0;
      let k = 1;
      let cols = 0;
      while (k < w.length && cols < 3) {
        if (w[k] === '*') {
          stars++;
          cols++;
          k++;
        } else if (w[k + 1] === 'ms' || w[k].endsWith('ms')) {
          cols++;
          k += w[k].endsWith('ms') ? 1 : 2;
        } else break;
      }
      const host = w.slice(k).join(' ');
      hops.push({ n: Number(w[0]), stars, host, l });
      used.push(l.i);
    }
  }
  for (const k of used) coverLines(ctx, k, k + 1);
  if (!target && !hops.length) return j;
  const span = spanOf(lines.filter((l) => used.includes(l.i)));
  const answered = hops.filter((h) => h.stars < 3);
  const last = answered[answered.length - 1];
  const reached = !!last && !!targetAddr && last.host.includes(targetAddr);
  facts.push(fact('hops', 'ホップ数', String(hops.length), span));
  if (last) {
    const a = findIPv4(last.host);
    const addr = a ? last.host.slice(a[0], a[1]) : last.host;
    const at = last.l.text.indexOf(addr);
    facts.push(fact('lastHop', '最後に応答したホップ', `${last.n}: ${last.host}`, at >= 0 ? [last.l.s + at, last.l.s + at + addr.length] : [last.l.s, last.l.e], 'ip'));
  }
  const silentTail = hops.length && hops[hops.length - 1].stars === 3;
  ctx.emit(
    cmdFinding(ctx, {
      title: reached ? `tracert: ${target} まで届いています (${hops.length} ホップ)` : `tracert: ${target || '宛先'} まで届いていません${last ? ` (ホップ ${last.n} が最後の応答)` : ''}`,
      meaning: reached
        ? '経路上のすべてのルーターを経由して宛先まで到達しています。'
        : silentTail
          ? '途中から応答が途切れており、その先のルーターやフィルターで ICMP が止まっている可能性があります。'
          : `トレースは宛先に到達しないまま${complete ? '終わりました' : '途中で終わっています'}。`,
      facts,
      span,
      severity: reached ? 'info' : 'warning',
      priority: reached ? 10 : 55,
      guide: 'guides/path-connectivity',
    }),
  );
  return j;
}
