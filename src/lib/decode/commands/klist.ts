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
  // per ticket: start / end / renew times, to catch lifetimes no KDC issues (forged tickets)
  const times: Array<{ start?: string; end?: string; renew?: string; span: Span }> = [];
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
    const tk = TIME_KEYS[kv.norm];
    if (tk) {
      if (!times.length || times[times.length - 1][tk] !== undefined) times.push({ span: kv.valueSpan });
      const cur = times[times.length - 1];
      cur[tk] = kv.value;
      cur.span = [Math.min(cur.span[0], kv.valueSpan[0]), Math.max(cur.span[1], kv.valueSpan[1])];
    }
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
  const forged = times.map((t) => ({ t, why: forgedLifetime(t) })).filter((x) => x.why);
  if (forged.length) {
    const first = forged[0];
    ctx.emit({
      kind: 'anomaly',
      title: 'Kerberos チケットの有効期間が KDC の発行しない長さです (偽造チケットの疑い)',
      meaning: 'ドメインの KDC が発行するチケットの有効期間は通常 10 時間、更新期限は 7 日です。それを大きく超えるチケットは偽造 (ゴールデン チケットなど) の兆候で、IPsec の対処ではなくセキュリティ担当へのエスカレーションが必要です。',
      facts: forged.map((x) => fact('lifetime', 'チケットの期間', x.why as string, x.t.span)),
      confidence: 'template',
      span: first.t.span,
      severity: 'error',
      priority: 99,
      tier: 3,
      sensitive: ['privileged-accounts'],
    });
  }
  const bad = n === 0 || !hasTgt;
  ctx.emit(
    cmdFinding(ctx, {
      title: n === 0 ? 'klist: Kerberos チケットがありません' : `klist: チケット ${n} 枚${hasTgt ? '' : ' (krbtgt がありません)'}${hostTickets.length ? `、host/cifs チケット ${hostTickets.length} 枚` : ''}`,
      meaning: forged.length
        ? 'チケットはありますが、KDC が発行しない有効期間のものが含まれるため、Kerberos が正常に動いているとは判断できません。'
        : bad
        ? 'ドメイン コントローラーから Kerberos の TGT を取得できていないため、Kerberos を使う IKE の認証は失敗します。'
        : 'Kerberos の TGT があるのでドメイン コントローラーとの認証はできており、相手の host/ チケットがあれば IKE 用のチケットも取得済みです。',
      facts,
      span,
      severity: bad || forged.length ? 'warning' : 'info',
      priority: bad || forged.length ? 70 : 15,
      guide: 'guides/domain-controller-kerberos',
      sensitive: ['privileged-accounts'],
    }),
  );
  return j;
}

const TIME_KEYS: Record<string, 'start' | 'end' | 'renew'> = {
  starttime: 'start',
  endtime: 'end',
  renewtime: 'renew',
  '開始時刻': 'start',
  '終了時刻': 'end',
  '更新時刻': 'renew',
  '更新時間': 'renew',
};

/** Milliseconds of a klist time ("3/1/2023 10:00:00 (local)", "2023/03/01 10:00:00 (ローカル)"), or NaN. */
function klistTime(v: string): number {
  const m = /(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(v);
  if (!m) return NaN;
  let [y, mo, d] = m[1].length === 4 ? [+m[1], +m[2], +m[3]] : [+m[3], +m[1], +m[2]];
  if (y < 100) y += 2000;
  return Date.UTC(y, mo - 1, d, +m[4], +m[5], +(m[6] ?? 0));
}

const HOUR = 3600_000;

/** Why a ticket's lifetime is one no KDC issues by default (10 h tickets, 7-day renewal), or undefined. */
export function forgedLifetime(t: { start?: string; end?: string; renew?: string }): string | undefined {
  const s = t.start ? klistTime(t.start) : NaN;
  const e = t.end ? klistTime(t.end) : NaN;
  const r = t.renew ? klistTime(t.renew) : NaN;
  if (Number.isFinite(s) && Number.isFinite(e) && e - s > 7 * 24 * HOUR) return `開始 ${t.start} から終了 ${t.end} まで ${Math.round((e - s) / (24 * HOUR))} 日 (通常は 10 時間)`;
  if (Number.isFinite(s) && Number.isFinite(r) && r - s > 30 * 24 * HOUR) return `開始 ${t.start} から更新期限 ${t.renew} まで ${Math.round((r - s) / (24 * HOUR))} 日 (通常は 7 日)`;
  return undefined;
}
