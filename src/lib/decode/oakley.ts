/**
 * Oakley.log (IKE debug log of Windows 2000/XP/2003): lines "M-D: hh:mm:ss:ms:tid message".
 * Groups the lines by SA handle (and therefore by peer and cookie pair), picks out failures and
 * their status codes, and summarises the file.
 */
import type { Ctx } from './context.ts';
import { cmdFinding } from './commands/util.ts';
import { fact, noteFormat } from './context.ts';
import { describeCode, japaneseText, codePlaybook } from './errors.ts';
import type { Fact, Span } from './types.ts';
import { indexIn, isHexDigit, isSpace, lineOf, looseKey } from './text.ts';

/** Skip 1..max digits at p; returns the new position or -1 when fewer than `min` digits. */
function digitsAt(text: string, p: number, e: number, min: number, max: number): number {
  let n = 0;
  while (p < e && n < max) {
    const c = text.charCodeAt(p);
    if (c < 0x30 || c > 0x39) break;
    p++;
    n++;
  }
  return n >= min ? p : -1;
}

/** Length of the "M-D: hh:mm:ss:mmm:tid " prefix at s, or 0. */
export function oakleyPrefix(text: string, s: number, e: number): number {
  let p = digitsAt(text, s, e, 1, 2);
  if (p < 0 || text.charCodeAt(p) !== 0x2d) return 0;
  p = digitsAt(text, p + 1, e, 1, 2);
  if (p < 0 || text.charCodeAt(p) !== 0x3a) return 0;
  p++;
  while (p < e && text.charCodeAt(p) === 0x20) p++;
  for (let k = 0; k < 4; k++) {
    p = digitsAt(text, p, e, 1, 3);
    if (p < 0 || text.charCodeAt(p) !== 0x3a) return 0;
    p++;
  }
  let n = 0;
  while (p < e && isHexDigit(text.charCodeAt(p)) && n < 8) {
    p++;
    n++;
  }
  if (n === 0) return 0;
  if (p < e && text.charCodeAt(p) !== 0x20) return 0;
  return p - s + (p < e ? 1 : 0);
}

export function isOakleyLine(text: string, s: number, e: number): boolean {
  return oakleyPrefix(text, s, e) > 0;
}

/** One negotiation (SA handle). A class so every instance has one shape (the scan loop stays monomorphic). */
class Neg {
  sa: string;
  peer: string | undefined = undefined;
  peerSpan: Span | undefined = undefined;
  icookie: string | undefined = undefined;
  rcookie: string | undefined = undefined;
  mode: string | undefined = undefined;
  messageId: string | undefined = undefined;
  /** Offsets of the first and last line (time prefix). */
  first: number;
  last: number;
  start: number;
  end: number;
  errors: Array<{ code: number; text: string; span: Span }> = [];
  reason: { text: string; span: Span } | undefined = undefined;
  ok = false;
  lines = 0;
  constructor(sa: string, time: number, pos: number) {
    this.sa = sa;
    this.first = time;
    this.last = time;
    this.start = pos;
    this.end = pos;
  }
}

function wordAfter(text: string, from: number, e: number): [number, number] {
  const p = wordStart(text, from, e);
  return [p, wordEnd(text, p, e)];
}

/** First non-space at or after `from` (allocation-free half of wordAfter). */
function wordStart(text: string, from: number, e: number): number {
  let p = from;
  while (p < e && isSpace(text.charCodeAt(p))) p++;
  return p;
}

/** End of the word (up to a space or a comma) that starts at p. */
function wordEnd(text: string, p: number, e: number): number {
  let q = p;
  while (q < e && !isSpace(text.charCodeAt(q)) && text.charCodeAt(q) !== 0x2c) q++;
  return q;
}

/** SA handle key of text[a, b): lower case, without 0x and leading zeros (one string, no intermediates). */
function saKey(text: string, a: number, b: number): string {
  if (b - a >= 2 && text.charCodeAt(a) === 0x30 && (text.charCodeAt(a + 1) | 0x20) === 0x78) a += 2;
  while (a < b - 1 && text.charCodeAt(a) === 0x30) a++;
  for (let p = a; p < b; p++) {
    const c = text.charCodeAt(p);
    if ((c >= 0x41 && c <= 0x5a) || c >= 0x80) return text.slice(a, b).toLowerCase();
  }
  return text.slice(a, b);
}

/** Address "192.168.0.20" from "192.168.0.20.500" / "192.168.0.20:Type 2.500". */
function peerOf(tok: string): string {
  let end = tok.length;
  const colon = tok.indexOf(':');
  if (colon > 0) end = colon;
  // keep at most four dot-separated parts
  let dots = 0;
  for (let i = 0; i < end; i++) {
    if (tok.charCodeAt(i) === 0x2e && ++dots === 4) {
      end = i;
      break;
    }
  }
  return end === tok.length ? tok : tok.slice(0, end);
}

interface OakleyScan {
  /** Negotiations in order of first appearance. */
  order: Neg[];
  /** Line index after the log. */
  k: number;
  lines: number;
  firstTime: number;
  lastTime: number;
}

export function readOakley(ctx: Ctx, i: number, lenient: boolean): number {
  // the per-line scan and the findings are separate functions: the hot loop stays small for the JIT
  const r = scanOakley(ctx, i, lenient);
  oakleyFindings(ctx, i, r);
  return Math.max(r.k, i + 1);
}

/** "M-D: hh:mm:ss:mmm:tid" of the line whose prefix starts at pos ('' when none). */
function timeAt(ctx: Ctx, pos: number): string {
  if (pos < 0) return '';
  const e = ctx.lines.ends[lineOf(ctx.lines, pos)];
  const len = oakleyPrefix(ctx.text, pos, e);
  return len ? ctx.text.slice(pos, pos + len - 1) : '';
}

/** The negotiation of SA handle text[a, b), created on first sight. Top level (not a closure) so optimised callers keep one call target. */
function getNeg(negs: Map<string, Neg>, order: Neg[], text: string, a: number, b: number, time: number, pos: number): Neg {
  const key = saKey(text, a, b);
  let g = negs.get(key);
  if (!g) {
    g = new Neg(key, time, pos);
    negs.set(key, g);
    order.push(g);
  }
  return g;
}

function scanOakley(ctx: Ctx, i: number, lenient: boolean): OakleyScan {
  const text = ctx.text;
  const { starts, ends, count: n } = ctx.lines;
  const covered = ctx.covered;
  const negs = new Map<string, Neg>();
  const order: Neg[] = [];
  let cur: Neg | undefined;
  let pendingPeer: { v: string; span: Span } | undefined;
  let k = i;
  let lines = 0;
  // times are kept as line offsets and read at the end (no string per line)
  let firstTime = -1;
  let lastTime = -1;
  for (; k < n; k++) {
    const s = starts[k];
    const e = ends[k];
    if ((k & 255) === 0 && k > i && ctx.tick(s)) break;
    let p = s;
    while (p < e && text.charCodeAt(p) === 0x20) p++;
    if (p >= e) {
      covered[k] = 1;
      continue;
    }
    const pl = oakleyPrefix(text, p, e);
    if (!pl && !lenient) break;
    if (!pl && lenient && ctx.detect(k) !== 0 && ctx.detect(k) !== 7) break;
    covered[k] = 1;
    lines++;
    const m = p + pl;
    const time = pl ? p : lastTime;
    if (firstTime < 0) firstTime = time;
    lastTime = time;
    const c0 = text.charCodeAt(m);
    // dispatch on the first character of the message
    // a second-character check before each startsWith: most lines then cost no string comparison
    const c1 = text.charCodeAt(m + 1);
    if (c0 === 0x53 /* S */) {
      if (c1 === 0x65 && text.startsWith('Sending: SA = ', m)) {
        const a = wordStart(text, m + 14, e);
        const b = wordEnd(text, a, e);
        const to = indexIn(text, ' to ', b, e);
        cur = getNeg(negs, order, text, a, b, time, p);
        if (to > 0 && to < e) {
          const pa = wordStart(text, to + 4, e);
          const v = peerOf(text.slice(pa, wordEnd(text, pa, e)));
          cur.peer = v;
          cur.peerSpan = [pa, pa + v.length];
        }
      } else if (c1 === 0x41 && (text.startsWith('SA Dead. sa:', m) || text.startsWith('SA Dead sa:', m))) {
        const a = wordStart(text, indexIn(text, ':', m, e) + 1, e);
        const g = getNeg(negs, order, text, a, wordEnd(text, a, e), time, p);
        const st = indexIn(text, 'status:', m, e);
        if (st > 0 && st < e) addStatus(g, text, st + 7, e, [p, e]);
        cur = g;
      } else if (c1 === 0x74 && text.startsWith('Starting Negotiation: src = ', m)) {
        const d = indexIn(text, 'dst = ', m, e);
        if (d > 0 && d < e) {
          const a = wordStart(text, d + 6, e);
          const v = peerOf(text.slice(a, wordEnd(text, a, e)));
          pendingPeer = { v, span: [a, a + v.length] };
        }
      }
    } else if (c0 === 0x52 /* R */) {
      if (text.startsWith('Receive: (get) SA = ', m)) {
        const [a, b] = wordAfter(text, m + 20, e);
        cur = getNeg(negs, order, text, a, b, time, p);
        const from = indexIn(text, ' from ', b, e);
        if (from > 0 && from < e) {
          const [pa, pb] = wordAfter(text, from + 6, e);
          const v = peerOf(text.slice(pa, pb));
          if (!cur.peer) {
            cur.peer = v;
            cur.peerSpan = [pa, pa + v.length];
          }
        }
      }
    } else if (c0 === 0x49 /* I */ || c0 === 0x20) {
      let q = m;
      while (q < e && text.charCodeAt(q) === 0x20) q++;
      const cq = text.charCodeAt(q);
      if (cur && cq === 0x49 && text.startsWith('I-COOKIE ', q)) cur.icookie = text.slice(q + 9, e).trim();
      else if (cur && cq === 0x52 && text.startsWith('R-COOKIE ', q)) cur.rcookie = text.slice(q + 9, e).trim();
      else if (cur && cq === 0x65 && text.startsWith('exchange: ', q)) cur.mode = text.slice(q + 10, e).trim();
      else if (cur && cq === 0x6d && text.startsWith('message ID: ', q)) cur.messageId = text.slice(q + 12, e).trim();
      else if (cq === 0x69 && text.startsWith('isadb_set_status sa:', q)) {
        const a = wordStart(text, q + 20, e);
        const b = wordEnd(text, a, e);
        const g = getNeg(negs, order, text, a, b, time, p);
        const st = indexIn(text, 'status ', b, e);
        if (st > 0 && st < e) addStatus(g, text, st + 7, e, [p, e]);
      }
    } else if (c0 === 0x50 /* P */) {
      if (c1 === 0x72 && text.startsWith('ProcessFailure: sa:', m)) {
        const a = wordStart(text, m + 19, e);
        const b = wordEnd(text, a, e);
        const g = getNeg(negs, order, text, a, b, time, p);
        const st = indexIn(text, 'status:', b, e);
        if (st > 0 && st < e) addStatus(g, text, st + 7, e, [p, e]);
        cur = g;
      } else if (c1 === 0x68 && text.startsWith('Phase 1 SA accepted', m) && cur) cur.ok = true;
    } else if (c0 === 0x51 /* Q */ || c0 === 0x4d /* M */) {
      if (cur && c1 === 0x4d && text.charCodeAt(m + 3) === 0x53 && (text.startsWith('QM SA accepted', m) || text.startsWith('MM SA established', m) || text.startsWith('QM SA established', m))) cur.ok = true;
    }
    // failure reasons written as text ("Negotiation timed out")
    if (cur && e - m < 120 && e - m > 8 && plainText(text, m, e)) {
      const key = looseKey(text.slice(m, e));
      if (ctx.idx.reasons.has(key) || ctx.idx.codesByMessage.has(key)) {
        cur.reason = { text: text.slice(m, e).trim(), span: [m, e] };
      }
    }
    if (cur) {
      cur.last = time;
      cur.end = e;
      cur.lines++;
      if (pendingPeer && !cur.peer) {
        cur.peer = pendingPeer.v;
        cur.peerSpan = pendingPeer.span;
      }
    }
  }
  return { order, k, lines, firstTime, lastTime };
}

function oakleyFindings(ctx: Ctx, i: number, r: OakleyScan): void {
  const { order, k, lines, firstTime, lastTime } = r;
  noteFormat(ctx, 'oakley-log');
  const failed = order.filter((g) => g.errors.length || g.reason);
  const span: Span = [ctx.lines.starts[i], ctx.lines.ends[Math.max(i, k - 1)]];
  const peers = new Set(order.map((g) => g.peer).filter(Boolean));
  ctx.emit(
    cmdFinding(ctx, {
      kind: 'oakley',
      title: `Oakley.log: ${lines} 行、ネゴシエーション ${order.length} 件 (失敗 ${failed.length} 件)、相手 ${peers.size} 台`,
      meaning: 'IKE のデバッグ ログで、失敗したネゴシエーションを相手と Cookie ごとにまとめており、相手側のログやトレースとは Cookie とメッセージ ID で突き合わせます。',
      facts: [fact('lines', '行数', String(lines), span), fact('from', '最初の時刻', timeAt(ctx, firstTime), span), fact('to', '最後の時刻', timeAt(ctx, lastTime), span), fact('negotiations', 'ネゴシエーション数', String(order.length), span), fact('failed', '失敗数', String(failed.length), span)],
      span,
      severity: failed.length ? 'warning' : 'info',
      priority: failed.length ? 50 : 15,
      guide: 'guides/ike-troubleshooting',
    }),
  );
  for (const g of failed) {
    const err = g.errors[g.errors.length - 1];
    const code = err?.code !== undefined ? ctx.idx.codesByValue.get(err.code) : undefined;
    const reasonCands = g.reason ? ctx.idx.reasons.get(looseKey(g.reason.text)) : undefined;
    const pbFromReason = reasonCands?.[0]?.playbookId;
    const pb = code ? codePlaybook(ctx.idx, code) : undefined;
    const ja = code ? japaneseText(ctx.idx, code.decimal) : undefined;
    const what = ja ?? g.reason?.text ?? code?.message?.trim() ?? (err ? err.text : '失敗');
    const facts: Fact[] = [];
    if (g.peer) facts.push(fact('peer', '相手', g.peer, g.peerSpan ?? [g.start, g.start], 'ip'));
    if (g.icookie) facts.push(fact('icookie', '開始側 Cookie', g.icookie, [g.start, g.end]));
    if (g.rcookie) facts.push(fact('rcookie', '応答側 Cookie', g.rcookie, [g.start, g.end]));
    if (g.mode) facts.push(fact('mode', '交換', g.mode, [g.start, g.end]));
    if (g.messageId && g.messageId !== '00000000') facts.push(fact('messageId', 'メッセージ ID', g.messageId, [g.start, g.end]));
    facts.push(fact('sa', 'SA ハンドル', g.sa, [g.start, g.end]));
    const t1 = timeAt(ctx, g.first);
    const t2 = timeAt(ctx, g.last);
    facts.push(fact('time', '時刻', t1 === t2 ? t1 : `${t1} 〜 ${t2}`, [g.start, g.end]));
    for (const x of g.errors) facts.push(fact('status', '状態コード', x.text, x.span));
    if (code) facts.push(fact('code', 'エラー コード', describeCode(code), err.span));
    if (g.reason) facts.push(fact('reason', '失敗の理由', g.reason.text, g.reason.span));
    const mode = (g.mode ?? '').toLowerCase().includes('quick') ? 'クイック モード' : 'メイン モード';
    const f = cmdFinding(ctx, {
      kind: 'oakley',
      title: `Oakley.log: ${g.peer ?? '相手不明'} との${mode}が失敗 (${what})`,
      meaning: `SA ${g.sa} のネゴシエーションは「${what}」で終わったので、同じ時刻の 547 イベントや相手側の Oakley.log と照合します。`,
      facts,
      span: [g.start, g.end],
      severity: 'error',
      priority: 80,
      playbookId: pb?.id ?? pbFromReason,
      guide: 'guides/ike-troubleshooting',
    });
    ctx.emit(f, { key: `oakley|${g.peer ?? ''}|${code?.decimal ?? looseKey(what)}`, title: `Oakley.log ${what}`, reason: what, peer: g.peer, time: t1, timeKey: t1, playbook: f.playbook });
  }
}

function addStatus(g: Neg, text: string, from: number, e: number, span: Span) {
  let p = from;
  while (p < e && text.charCodeAt(p) === 0x20) p++;
  let q = p;
  if (text.startsWith('0x', q) || text.startsWith('0X', q)) q += 2;
  const hs = q;
  while (q < e && isHexDigit(text.charCodeAt(q)) && q - hs < 8) q++;
  if (q === hs) return;
  // the status must be a whole token ("status:35ed", not "status:Failure")
  if (q < e) {
    const c = text.charCodeAt(q);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f) return;
  }
  const v = parseInt(text.slice(hs, q), 16);
  if (!v) return;
  if (g.errors.some((x) => x.code === v)) return;
  g.errors.push({ code: v, text: text.slice(p, q), span: [p, q] });
  void span;
}

/** A short message without ':' or '=' that starts with a letter (failure reasons are plain sentences). */
function plainText(text: string, m: number, e: number): boolean {
  const c = text.charCodeAt(m);
  if (!((c >= 0x41 && c <= 0x5a) || c >= 0x3000)) return false;
  for (let p = m; p < e; p++) {
    const d = text.charCodeAt(p);
    if (d === 0x3a || d === 0x3d || d === 0x5b) return false;
  }
  return true;
}
