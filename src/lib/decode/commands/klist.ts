/** klist tickets / klist purge output (Windows 2000/XP/2003 resource kit and later). */
import type { Ctx } from '../context.ts';
import { coverLines, fact } from '../context.ts';
import type { Fact, Span } from '../types.ts';
import { isDigit } from '../text.ts';
import { blockEnd, blockLines, cmdFinding, kvAt } from './util.ts';

export function isKlistStart(t: string): boolean {
  return (
    t.startsWith('Current LogonId is') ||
    t.startsWith('Cached Tickets:') ||
    t.startsWith('キャッシュされたチケット:') ||
    t.startsWith('現在のログオン ID は') ||
    t.startsWith('Ticket(s) purged') ||
    t.startsWith('Deleting all tickets') ||
    t.startsWith('Kerberos Tickets') ||
    t.startsWith('klist failed')
  );
}

export function readKlist(ctx: Ctx, i: number, kind: number): number {
  const j = blockEnd(ctx, i, kind);
  const lines = blockLines(ctx, i, j);
  const used: number[] = [];
  const facts: Fact[] = [];
  const servers: Array<{ v: string; span: Span }> = [];
  let count: number | undefined;
  let purged = false;
  let failed: string | undefined;
  for (const l of lines) {
    const t = l.text;
    if (t.startsWith('Cached Tickets:') || t.startsWith('キャッシュされたチケット:')) {
      const open = t.indexOf('(');
      let n = '';
      for (let k = open + 1; open >= 0 && k < t.length && isDigit(t.charCodeAt(k)); k++) n += t[k];
      if (n) count = Number(n);
      used.push(l.i);
      continue;
    }
    if (t.startsWith('Ticket(s) purged') || t.startsWith('Deleting all tickets') || t.includes('チケットを消去') || t.includes('チケットを削除')) {
      purged = true;
      used.push(l.i);
      continue;
    }
    if (t.startsWith('klist failed') || t.startsWith('klist は失敗')) {
      failed = t;
      used.push(l.i);
      continue;
    }
    if (t.startsWith('Current LogonId') || t.startsWith('現在のログオン ID')) {
      used.push(l.i);
      continue;
    }
    const kv = kvAt(ctx.text, l.s, l.e);
    if (!kv) continue;
    used.push(l.i);
    if (kv.norm === 'server' || kv.norm === 'サーバー' || kv.norm.startsWith('#') || kv.norm === 'client' || kv.norm === 'クライアント') {
      if (kv.norm === 'server' || kv.norm === 'サーバー') servers.push({ v: kv.value, span: kv.valueSpan });
      else if (kv.norm.startsWith('#') && kv.value.toLowerCase().startsWith('client:')) {
        /* klist (Vista+) "#0>	Client: user @ REALM" */
      }
    } else if (kv.norm.startsWith('#')) {
      // "#0>     Client: ..." style: the server is on the next line
    }
  }
  for (const k of used) coverLines(ctx, k, k + 1);
  if (!used.length) return j;
  const span: Span = [lines[0].s, lines[lines.length - 1].e];
  for (const s of servers) facts.push(fact('server', 'チケットのサーバー', s.v, s.span, 'principal'));
  const n = count ?? servers.length;
  facts.unshift(fact('count', 'チケット数', String(n), span));
  const hasTgt = servers.some((s) => s.v.toLowerCase().startsWith('krbtgt/'));
  const hostTickets = servers.filter((s) => s.v.toLowerCase().startsWith('host/') || s.v.toLowerCase().startsWith('cifs/'));
  if (failed) {
    ctx.emit(cmdFinding(ctx, { title: `klist: 失敗しました`, meaning: 'klist がチケットを読めなかったので、ログオン セッションと権限を確認します。', facts: [fact('error', 'エラー', failed, span)], span, severity: 'warning', priority: 55, guide: 'guides/domain-controller-kerberos' }));
    return j;
  }
  if (purged && !servers.length) {
    ctx.emit(cmdFinding(ctx, { title: 'klist: チケットを削除しました', meaning: 'Kerberos チケットを消したので、次の通信で新しいチケットが取得されます。', facts, span, severity: 'info', priority: 10, guide: 'guides/domain-controller-kerberos' }));
    return j;
  }
  const bad = n === 0 || !hasTgt;
  ctx.emit(
    cmdFinding(ctx, {
      title: n === 0 ? 'klist: Kerberos チケットがありません' : `klist: チケット ${n} 枚${hasTgt ? '' : ' (krbtgt がありません)'}${hostTickets.length ? `、host/cifs チケット ${hostTickets.length} 枚` : ''}`,
      meaning: bad
        ? 'ドメイン コントローラから Kerberos の TGT を取得できていないため、Kerberos を使う IKE の認証は失敗します。'
        : 'Kerberos の TGT があるのでドメイン コントローラとの認証はできており、相手の host/ チケットがあれば IKE 用のチケットも取得済みです。',
      facts,
      span,
      severity: bad ? 'warning' : 'info',
      priority: bad ? 70 : 15,
      guide: 'guides/domain-controller-kerberos',
      sensitive: ['privileged-accounts'],
    }),
  );
  return j;
}
