/**
 * Interpretation of one event (from a dialog copy, an export row, XML or a bare description):
 * identity by log + source + id, field-by-field reading of 541/542/543/544–547, IPsec driver events,
 * Vista+ audits, Policy Agent / IPSec service / PAStore messages, and ID collisions.
 */
import type { CatalogueErrorCode } from '../catalogue/types.ts';
import type { ReasonCandidate } from './catalogue-index.ts';
import { eventTitle, legacyFor, overviewPlaybook, playbookRef } from './catalogue-index.ts';
import type { Ctx, GroupInfo } from './context.ts';
import { fact, gapFacts, lineRanges, meaningOf, refFor, scanTemplates, sensitiveOf, sigJa, tierOf } from './context.ts';
import { describeCode, japaneseText } from './errors.ts';
import type { FieldHit, FieldResult } from './fields.ts';
import { LEGACY_LABELS, LabelSet, VISTA_LABELS, tokenizeFields } from './fields.ts';
import type { Fact, Finding, PlaybookRef, Severity, Span } from './types.ts';
import { findIPv4, isDigit, isIPv4, looseKey, squash } from './text.ts';
import { identify, isKnownId } from './identity.ts';
import { scmEvent } from './families/scm.ts';
import { rasEvent } from './families/rasclient.ts';

export interface EventRecord {
  format: 'event-text' | 'event-xml' | 'event-csv' | 'event-tsv' | 'event-description';
  span: Span;
  id?: number;
  idSpan?: Span;
  source?: string;
  sourceSpan?: Span;
  log?: string;
  logSpan?: Span;
  type?: string;
  typeSpan?: Span;
  category?: string;
  date?: string;
  dateSpan?: Span;
  time?: string;
  timeSpan?: Span;
  user?: string;
  userSpan?: Span;
  computer?: string;
  computerSpan?: Span;
  desc?: Span;
  data?: Array<{ name?: string; value: string; span: Span }>;
  cut?: boolean;
}

/**
 * A record with every field present (undefined until set): all readers then build records of one
 * object shape, so interpretEvent's property reads stay monomorphic and no property store grows.
 */
export function newEventRecord(format: EventRecord['format'], span: Span): EventRecord {
  return {
    format,
    span,
    id: undefined,
    idSpan: undefined,
    source: undefined,
    sourceSpan: undefined,
    log: undefined,
    logSpan: undefined,
    type: undefined,
    typeSpan: undefined,
    category: undefined,
    date: undefined,
    dateSpan: undefined,
    time: undefined,
    timeSpan: undefined,
    user: undefined,
    userSpan: undefined,
    computer: undefined,
    computerSpan: undefined,
    desc: undefined,
    data: undefined,
    cut: undefined,
  };
}

export const legacyLabels = new LabelSet(LEGACY_LABELS);
export const vistaLabels = new LabelSet(VISTA_LABELS);

const WELL_KNOWN_USERS = new Set(['n/a', '-', 'system', 'nt authority\\system', 'nt authority\\network service', 'nt authority\\local service', 'nt authority\\anonymous logon', 'network service', 'local service', '該当なし']);

/**
 * Up to `max` digit groups of s into NUM / LEN; returns how many. Fixed typed arrays: resetting a
 * plain array with `length = 0` drops its storage, which made every call allocate.
 */
function numbers(s: string, max: number): number {
  let count = 0;
  let v = -1;
  let n = 0;
  for (let i = 0; i < s.length && count < max; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      v = v < 0 ? c - 0x30 : v * 10 + (c - 0x30);
      n++;
    } else if (v >= 0) {
      NUM[count] = v;
      LEN[count] = n;
      count++;
      v = -1;
      n = 0;
    }
  }
  if (v >= 0 && count < max) {
    NUM[count] = v;
    LEN[count] = n;
    count++;
  }
  return count;
}

const NUM = new Float64Array(8);
const LEN = new Float64Array(8);

/** Sortable key "YYYY-MM-DD HH:MM:SS" from the many date/time spellings, '' when unknown. */
export function timeKey(date?: string, time?: string): string {
  const d = date ?? '';
  const nd = numbers(d, 6);
  if (nd < 3) return '';
  let y: number;
  let mo: number;
  let da: number;
  // plain assignments (no destructuring: it goes through the iterator protocol until optimised)
  if (LEN[0] === 4) {
    y = NUM[0];
    mo = NUM[1];
    da = NUM[2];
  } else if (d.includes('.') && !d.includes('/')) {
    da = NUM[0];
    mo = NUM[1];
    y = NUM[2];
  } else {
    mo = NUM[0];
    da = NUM[1];
    y = NUM[2];
  }
  if (!y || !mo || !da || mo > 12 || da > 31) return '';
  if (y < 100) y += 2000;
  let h = nd > 3 ? NUM[3] : -1;
  let mi = nd > 4 ? NUM[4] : 0;
  let se = nd > 5 ? NUM[5] : 0;
  const t = time ?? '';
  if (t) {
    const nt = numbers(t, 3);
    h = nt > 0 ? NUM[0] : -1;
    mi = nt > 1 ? NUM[1] : 0;
    se = nt > 2 ? NUM[2] : 0;
  }
  const ap = t || d;
  if (h >= 0 && h < 12 && (ap.includes('午後') || ap.includes('PM') || ap.includes('pm'))) h += 12;
  if (h === 12 && (ap.includes('午前') || ap.includes('AM') || ap.includes('am'))) h = 0;
  const day = `${y}-${p2(mo)}-${p2(da)}`;
  return h < 0 ? day : `${day} ${p2(h)}:${p2(mi)}:${p2(se)}`;
}

function p2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function headerFacts(rec: EventRecord): Fact[] {
  const f: Fact[] = [];
  if (rec.id !== undefined) f.push(fact('eventId', 'イベント ID', String(rec.id), rec.idSpan ?? rec.span));
  if (rec.source) f.push(fact('source', 'ソース', rec.source, rec.sourceSpan ?? rec.span));
  if (rec.log) f.push(fact('log', 'ログ', rec.log, rec.logSpan ?? rec.span));
  if (rec.type) f.push(fact('type', '種類', rec.type, rec.typeSpan ?? rec.span));
  if (rec.date || rec.time) {
    const s: Span = rec.dateSpan ?? rec.timeSpan ?? rec.span;
    const e = rec.timeSpan ?? rec.dateSpan ?? rec.span;
    f.push(fact('time', '日時', [rec.date, rec.time].filter(Boolean).join(' '), [s[0], Math.max(s[1], e[1])]));
  }
  if (rec.computer) f.push(fact('computer', 'コンピューター', rec.computer, rec.computerSpan ?? rec.span, rec.computer.includes('.') ? 'fqdn' : 'host'));
  if (rec.user && !WELL_KNOWN_USERS.has(rec.user.toLowerCase())) f.push(fact('user', 'ユーザー', rec.user, rec.userSpan ?? rec.span, 'user'));
  return f;
}

function isFailureType(type?: string): boolean {
  if (!type) return false;
  const t = type.toLowerCase();
  return t.includes('failure') || t.includes('error') || t.includes('失敗') || t.includes('エラー');
}

function groupTime(rec: EventRecord): { time?: string; timeKey?: string } {
  if (!rec.date && !rec.time) return {};
  return { time: rec.date && rec.time ? rec.date + ' ' + rec.time : (rec.date ?? rec.time), timeKey: timeKey(rec.date, rec.time) };
}

/** Tokenize the description (or the XML data items) with a label set. */
function readFields(ctx: Ctx, rec: EventRecord, labels: LabelSet, dataNames?: string[]): FieldResult {
  if (rec.desc && rec.desc[1] > rec.desc[0]) return tokenizeFields(ctx.text, rec.desc[0], rec.desc[1], labels, 8192, false, ctx);
  const res: FieldResult = { hits: [], leftovers: [], lastEnd: rec.span[0], lastLine: -1 };
  if (!rec.data) return res;
  rec.data.forEach((d, i) => {
    const top = dataNames?.[i];
    if (top && !top.startsWith('§')) {
      res.hits.push({ def: { text: top, name: top, ja: JA_OF[top] ?? top, colon: true, follow: 0 }, name: top, labelSpan: d.span, span: d.span, value: squash(d.value) });
    }
    const sub = tokenizeFields(ctx.text, d.span[0], d.span[1], labels, 8192, false, ctx);
    for (const h of sub.hits) res.hits.push(h);
    if (d.name) {
      const n = DATA_NAMES[d.name];
      if (n) res.hits.push({ def: { text: d.name, name: n[0], ja: n[1], colon: true, follow: 0 }, name: n[0], labelSpan: d.span, span: d.span, value: squash(d.value) });
    }
  });
  return res;
}

const JA_OF: Record<string, string> = { mode: 'モード', failurePoint: '失敗点', reason: '失敗の理由', extraStatus: '追加の状態', filter: 'フィルター', peerIdentity: 'ピアの ID', parameters: 'パラメーター' };

/** Vista+ EventData names -> fact names. */
const DATA_NAMES: Record<string, [string, string]> = {
  LocalAddress: ['local.address', 'ローカル アドレス'],
  RemoteAddress: ['remote.address', 'リモート アドレス'],
  LocalKeyModPort: ['local.port', 'ローカル ポート'],
  RemoteKeyModPort: ['remote.port', 'リモート ポート'],
  LocalMMPrincipalName: ['local.principal', 'ローカル プリンシパル名'],
  RemoteMMPrincipalName: ['remote.principal', 'リモート プリンシパル名'],
  FailureReason: ['reason', '失敗の理由'],
  FailurePoint: ['failurePoint', '失敗点'],
  State: ['state', '状態'],
  Role: ['role', '役割'],
  InitiatorCookie: ['initiatorCookie', '開始側 Cookie'],
  ResponderCookie: ['responderCookie', '応答側 Cookie'],
  KeyModName: ['keyingModule', 'キーイング モジュール'],
  MMAuthMethod: ['authMethod', '認証方法'],
  QMFilterID: ['qmFilterId', 'クイック モード フィルター ID'],
  MMFilterID: ['mmFilterId', 'メイン モード フィルター ID'],
  MessageID: ['messageId', 'メッセージ ID'],
  ErrorCode: ['errorCode', 'エラー コード'],
};

function get(res: FieldResult, ...names: string[]): FieldHit | undefined {
  for (const n of names) for (const h of res.hits) if (h.name === n && h.value) return h;
  return undefined;
}

const PII_OF: Record<string, Fact['pii']> = {
  srcAddr: 'ip',
  dstAddr: 'ip',
  ikeLocal: 'ip',
  ikePeer: 'ip',
  peerPrivate: 'ip',
  peerAddr: 'ip',
  kerberosId: 'principal',
  peerSubject: 'name',
  mySubject: 'name',
  'local.address': 'ip',
  'remote.address': 'ip',
  'local.principal': 'principal',
  'remote.principal': 'principal',
  localAddress: 'ip',
  remoteAddress: 'ip',
};

/** Facts for every field hit that has a value (skipping section headers). */
function fieldFacts(res: FieldResult, skip: Set<string> = new Set()): Fact[] {
  const out: Fact[] = [];
  for (const h of res.hits) {
    if (h.name.startsWith('§') || skip.has(h.name)) continue;
    if (!h.value && !h.def.marker) continue;
    const v = h.def.marker ? h.def.ja : h.value;
    let pii = PII_OF[h.name];
    if (pii === 'ip' && !isIPv4(v.trim())) pii = v.includes('.') ? 'fqdn' : undefined;
    const label = h.name.startsWith('local.') ? `ローカル: ${h.def.ja}` : h.name.startsWith('remote.') ? `リモート: ${h.def.ja}` : h.def.ja;
    out.push(fact(h.name, label, v, h.def.marker ? h.labelSpan : h.span, pii));
  }
  return out;
}

export function modeKind(v?: string): 'main' | 'quick' | undefined {
  if (!v) return undefined;
  const l = v.toLowerCase();
  if (l.includes('quick') || v.includes('クイック') || l.includes('data protection') || v.includes('データ保護')) return 'quick';
  if (l.includes('main') || v.includes('メイン') || l.includes('key exchange') || v.includes('キー交換')) return 'main';
  return undefined;
}

const FAMILY_FOR_MODE: Record<'main' | 'quick', string[]> = { main: ['ike-main-mode', 'ike-auth'], quick: ['ike-quick-mode'] };

interface ReasonResolution {
  playbook?: PlaybookRef;
  alternatives: PlaybookRef[];
  code?: CatalogueErrorCode;
  ja?: string;
  confidence: 'exact' | 'template' | 'partial';
  extraFacts: Fact[];
  /** Span of the template match when the reason was found by scanning. */
  matched?: Span;
}

/** Failure reason (+ extra status, mode) -> playbook, code, Japanese text. */
export function resolveReason(ctx: Ctx, reason: string, extra: string | undefined, mode: 'main' | 'quick' | undefined, scanFrom?: Span): ReasonResolution {
  const idx = ctx.idx;
  const key = looseKey(reason);
  const extraKey = extra ? looseKey(extra) : '';
  const cands: ReasonCandidate[] = idx.reasons.get(key) ?? [];
  const memoKey = `${key}|${extraKey}|${mode ?? ''}`;
  if (cands.length || !scanFrom) {
    const hit = ctx.memo.get(memoKey) as ReasonResolution | undefined;
    if (hit) return { ...hit, alternatives: [...hit.alternatives], extraFacts: [] };
    const r = resolveReasonUncached(ctx, key, extraKey, cands, mode, scanFrom);
    ctx.memo.set(memoKey, r);
    return { ...r, alternatives: [...r.alternatives] };
  }
  return resolveReasonUncached(ctx, key, extraKey, cands, mode, scanFrom);
}

function resolveReasonUncached(ctx: Ctx, key: string, extraKey: string, cands: ReasonCandidate[], mode: 'main' | 'quick' | undefined, scanFrom?: Span): ReasonResolution {
  const idx = ctx.idx;
  const out: ReasonResolution = { alternatives: [], confidence: 'exact', extraFacts: [] };
  if (cands.length) {
    let best: ReasonCandidate | undefined;
    let bestScore = -1;
    const scored = cands.map((c) => {
      let s = 1;
      if (c.extraKey !== undefined) s = c.extraKey && extraKey.startsWith(c.extraKey) ? 6 : 0;
      const fam = c.playbookId.split('/')[0];
      if (mode && FAMILY_FOR_MODE[mode].includes(fam)) s += 2;
      if (ctx.scope && c.playbookId === ctx.scope) s += 8;
      return { c, s };
    });
    for (const { c, s } of scored) if (s > bestScore) (best = c), (bestScore = s);
    if (best) {
      out.playbook = refFor(ctx, best.playbookId);
      const seen = new Set([best.playbookId]);
      for (const { c, s } of scored) {
        if (seen.has(c.playbookId) || s < bestScore - 2) continue;
        seen.add(c.playbookId);
        const r = refFor(ctx, c.playbookId);
        if (r) out.alternatives.push(r);
      }
      // the English message table is authoritative for the code; the signature's code covers Japanese text
      out.code = idx.codesByMessage.get(key);
      const code = best.code ?? cands.find((c) => c.code)?.code;
      if (!out.code && code !== undefined) out.code = idx.codesByValue.get(code);
      const p = idx.playbooks.get(best.playbookId);
      const sig = p?.signatures?.[best.sigIndex];
      if (sig?.ja && hasJapanese(sig.ja)) out.ja = sig.ja.includes('。-') ? sig.ja.slice(0, sig.ja.indexOf('。-')) : sig.ja;
    }
  }
  if (!out.playbook && scanFrom) {
    const matches = scanTemplates(ctx, lineRanges(ctx.text, scanFrom[0], scanFrom[1]));
    const m = matches[0];
    if (m) {
      out.playbook = refFor(ctx, m.best.form.ref.playbookId);
      out.alternatives = m.alts.map((a) => refFor(ctx, a.form.ref.playbookId)).filter((x): x is PlaybookRef => !!x);
      out.confidence = m.best.partial ? 'partial' : m.best.form.tpl.variable ? 'template' : 'exact';
      if (m.best.form.ref.code !== undefined) out.code = idx.codesByValue.get(m.best.form.ref.code);
      out.ja = sigJa(ctx, m.best.form.ref);
      out.extraFacts = gapFacts(ctx, m.best);
      out.matched = [m.best.start, m.best.end];
    }
  }
  if (!out.code) out.code = idx.codesByMessage.get(key);
  if (!out.ja && out.code) out.ja = japaneseText(idx, out.code.decimal);
  if (!out.playbook && out.code?.playbook) out.playbook = refFor(ctx, out.code.playbook);
  if (!out.playbook && !cands.length) out.confidence = 'partial';
  return out;
}

/** The playbook whose signature matches the event's own text (its title line), when no overview page lists the id. */
function titlePlaybook(ctx: Ctx, rec: EventRecord): PlaybookRef | undefined {
  if (!rec.desc) return undefined;
  const end = Math.min(rec.desc[1], rec.desc[0] + 400);
  const m = scanTemplates(ctx, lineRanges(ctx.text, rec.desc[0], end))[0];
  return m && !m.best.partial ? refFor(ctx, m.best.form.ref.playbookId, '症状') : undefined;
}

function hasJapanese(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x3000) return true;
  return false;
}

function reasonDisplay(reason: string, ja?: string): string {
  const r = reason.trim();
  if (!ja || hasJapanese(r)) return r;
  return `${r} (${ja})`;
}

/** Peer for grouping: IKE peer, peer IP, remote address, destination. */
function peerOf(res: FieldResult): string | undefined {
  const h = get(res, 'ikePeer', 'peerAddr', 'remote.address', 'remoteAddress', 'dstAddr');
  const v = h?.value.trim();
  return v && v !== '0.0.0.0' ? v : undefined;
}

function firstToken(v?: string): string {
  if (!v) return '';
  const t = v.trim();
  const sp = t.indexOf(' ');
  return (sp > 0 ? t.slice(0, sp) : t).toLowerCase();
}

function finish(ctx: Ctx, f: Finding, g?: GroupInfo) {
  if (ctx.scope) {
    if (f.playbook?.id === ctx.scope || f.alternatives?.some((a) => a.id === ctx.scope)) f.inScope = true;
  }
  ctx.emit(f, g);
}

/** Main entry: one event record -> one finding (+ summary group). */
export function interpretEvent(ctx: Ctx, rec: EventRecord): void {
  ctx.events++;
  const idx = ctx.idx;
  const id = rec.id;
  const src = rec.source?.trim();
  const facts = () => headerFacts(rec);
  const gt = groupTime(rec);
  const who = identify(ctx, rec);
  if (who.kind === 'scm') return scmEvent(ctx, rec, facts, gt);
  if (who.kind === 'vpn') return rasEvent(ctx, rec, facts, gt);
  if (who.kind === 'foreign') {
    if (id === undefined) return genericEvent(ctx, rec, facts, gt);
    return notIpsec(ctx, rec, facts, who.collision, gt, who.why, who.source);
  }
  if (who.kind === 'component') {
    // An IPsec component with an id or wording the catalogue lacks: IPsec text may still be found.
    const m = rec.desc ? scanTemplates(ctx, lineRanges(ctx.text, rec.desc[0], rec.desc[1])) : [];
    if (!m.length) return componentEvent(ctx, rec, facts, gt);
    return genericEvent(ctx, rec, facts, gt);
  }
  void idx;
  if (id === 547) return event547(ctx, rec, facts, gt);
  if (id === 541) return event541(ctx, rec, facts, gt);
  if (id === 542 || id === 543) return eventEnded(ctx, rec, facts, gt, id);
  if (id === 544 || id === 545 || id === 546) return eventAuthFail(ctx, rec, facts, gt, id);
  if (id !== undefined && isDriverId(ctx.idx.chapterIds.get(id) ?? id)) return driverEvent(ctx, rec, facts, gt, id);
  if (id !== undefined && id >= 4600 && id < 6000) return vistaEvent(ctx, rec, facts, gt, id);
  return genericEvent(ctx, rec, facts, gt);
}

function notIpsec(ctx: Ctx, rec: EventRecord, facts: () => Fact[], collision: boolean, gt: { time?: string; timeKey?: string }, why: 'source' | 'carried' | 'description' | 'log' = 'source', carried?: string) {
  const id = rec.id as number;
  if (why !== 'source') return notThatEvent(ctx, rec, facts, gt, why, carried);
  const src = rec.source as string;
  const key = `not-ipsec|${src}|${id}`;
  if (ctx.groupFull(key)) return void ctx.countKnown(key, gt.time, gt.timeKey);
  if (!ctx.wantFinding(collision ? 30 : 5)) return void (ctx.countKnown(key, gt.time, gt.timeKey) || ctx.count({ key, title: `${src} ${id} (IPsec 以外)`, eventId: id, source: src, ...gt }, 'not-ipsec'));
  const ipsecTitle = eventTitle(ctx.idx, id);
  const title = collision ? `IPsec のイベントではありません: ソース「${src}」のイベント ${id}` : `IPsec と関係のないイベント: ソース「${src}」のイベント ${id}`;
  const meaning = collision
    ? `ID ${id} は IPsec でも使われる番号ですが、ソースが「${src}」なので${ipsecTitle ? `「${ipsecTitle}」とは` : 'IPsec のイベントとは'}別のイベントです。`
    : `イベントはログ、ソース、ID の組み合わせで決まり、このイベントは IPsec の記録ではありません。`;
  finish(
    ctx,
    { kind: 'not-ipsec', title, meaning, facts: facts(), confidence: 'exact', span: rec.span, severity: 'info', priority: collision ? 30 : 5, eventId: id, source: src },
    { key, title: `${src} ${id} (IPsec 以外)`, eventId: id, source: src, ...gt },
  );
}

function event547(ctx: Ctx, rec: EventRecord, facts: () => Fact[], gt: { time?: string; timeKey?: string }) {
  const res = readFields(ctx, rec, legacyLabels, rec.data && rec.data.length >= 6 ? ['mode', '§filter', '§peer', 'failurePoint', 'reason', 'extraStatus'] : ['mode', '§filter', 'failurePoint', 'reason']);
  const mode = get(res, 'mode');
  const reason = get(res, 'reason');
  const extra = get(res, 'extraStatus');
  const point = get(res, 'failurePoint');
  const mk = modeKind(mode?.value);
  const peer = peerOf(res);
  const key = `547|${reason ? looseKey(reason.value) : '?'}|${peer ?? ''}`;
  if (ctx.groupFull(key)) return void ctx.countKnown(key, gt.time, gt.timeKey);
  if (!ctx.wantFinding(90)) {
    // an existing group only counts the event: its title and playbook are already set
    if (ctx.countKnown(key, gt.time, gt.timeKey)) return;
    const r = reason ? resolveReason(ctx, reason.value, extra?.value, mk) : undefined;
    const rt = reason ? reasonDisplay(reason.value, r?.ja) : '失敗の理由が読み取れません';
    const ov = overviewPlaybook(ctx.idx, 547);
    return ctx.count({ key, title: `547 ${rt}`, eventId: 547, source: rec.source, reason: reason?.value.trim(), peer, playbook: r?.playbook ?? (ov ? playbookRef(ov, '症状') : undefined), ...gt });
  }
  const out: Fact[] = [...facts()];
  if (mode) out.push(fact('mode', 'モード', mode.value, mode.span));
  if (mk) out.push(fact('modeKind', 'ネゴシエーションの段階', mk === 'main' ? 'メイン モード (IKE フェーズ 1)' : 'クイック モード (IKE フェーズ 2)', mode?.span ?? rec.span));
  if (point) {
    const v = point.value.trim();
    const lv = v.toLowerCase();
    const gloss = lv === 'me' || v === '自分' ? 'このコンピュータ側で失敗' : lv === 'peer' || v === 'ピア' ? '相手側で失敗' : '';
    out.push(fact('failurePoint', '失敗点', gloss ? `${v} (${gloss})` : v, point.span));
  }
  let resolution: ReasonResolution | undefined;
  if (reason) {
    resolution = resolveReason(ctx, reason.value, extra?.value, mk, [reason.span[0], rec.desc ? rec.desc[1] : reason.span[1]]);
    // a reason followed by other text on the same line: keep only the part that matched
    if (resolution.matched && resolution.matched[0] - reason.span[0] <= 2 && resolution.matched[1] < reason.span[1]) {
      reason.span = [reason.span[0], resolution.matched[1]];
      reason.value = ctx.text.slice(reason.span[0], reason.span[1]);
    }
    out.push(fact('reason', '失敗の理由', reason.value.trim(), reason.span));
    if (resolution.ja && !hasJapanese(reason.value)) out.push(fact('reasonJa', '日本語版の表示', resolution.ja, reason.span));
    if (resolution.code) out.push(fact('code', 'エラー コード', describeCode(resolution.code), reason.span));
  }
  if (extra) {
    out.push(fact('extraStatus', '追加の状態', extra.value, extra.span));
    const lv = extra.value.toLowerCase();
    const role = lv.includes('initiator') || extra.value.includes('発信側') ? '開始側 (Initiator)' : lv.includes('responder') || extra.value.includes('応答側') ? '応答側 (Responder)' : undefined;
    if (role) out.push(fact('role', '役割', role, extra.span));
  }
  out.push(...fieldFacts(res, new Set(['mode', 'reason', 'extraStatus', 'failurePoint'])));
  if (resolution) out.push(...resolution.extraFacts);
  let playbook = resolution?.playbook;
  let confidence: Finding['confidence'] = resolution?.confidence ?? 'partial';
  if (!playbook) {
    const ov = overviewPlaybook(ctx.idx, 547);
    if (ov) playbook = playbookRef(ov, '症状');
    else playbook = titlePlaybook(ctx, rec);
    confidence = reason ? confidence : 'partial';
  }
  if (rec.cut) confidence = 'partial';
  const reasonText = reason ? reasonDisplay(reason.value, resolution?.ja) : '失敗の理由が読み取れません';
  const title = `IKE ネゴシエーション失敗 (イベント 547): ${reasonText}`;
  const meaning = meaningOf(ctx, resolution?.playbook?.id, reason ? `IKE のネゴシエーションが失敗し、失敗の理由として「${reason.value.trim()}」が記録されています。` : 'IKE のネゴシエーションが失敗したことを示す監査イベントですが、失敗の理由の欄が見つかりません。');
  finish(
    ctx,
    {
      kind: 'event',
      title,
      meaning,
      facts: out,
      playbook,
      alternatives: resolution?.alternatives.length ? resolution.alternatives : undefined,
      tier: tierOf(ctx, playbook?.id),
      sensitive: sensitiveOf(ctx, playbook?.id),
      confidence,
      span: rec.span,
      severity: 'error',
      priority: 90,
      eventId: 547,
      source: rec.source,
    },
    { key, title: `547 ${reasonText}`, eventId: 547, source: rec.source, reason: reason?.value.trim(), peer, playbook, ...gt },
  );
}

function event541(ctx: Ctx, rec: EventRecord, facts: () => Fact[], gt: { time?: string; timeKey?: string }) {
  const res = readFields(ctx, rec, legacyLabels, ['mode', '§peer', '§filter', '§params']);
  const mode = get(res, 'mode');
  const mk = modeKind(mode?.value);
  const algs = ['espAlg', 'hmacAlg', 'ahAlg', 'encapsulation'].map((n) => get(res, n)).filter((h): h is FieldHit => !!h);
  const out = get(res, 'outboundSpi');
  const none = (v: string) => {
    const t = firstToken(v);
    return t === 'none' || t === 'なし';
  };
  const soft = !!out && firstToken(out.value) === '0' && algs.length > 0 && algs.every((a) => none(a.value));
  const peer = peerOf(res);
  const key = `541|${soft ? 'soft' : mk ?? ''}|${peer ?? ''}`;
  if (ctx.groupFull(key)) return void ctx.countKnown(key, gt.time, gt.timeKey);
  if (!ctx.wantFinding(soft ? 65 : 15)) {
    if (ctx.countKnown(key, gt.time, gt.timeKey)) return;
    const pb0 = soft ? ctx.idx.playbooks.get('ike-success/soft-sa') ?? overviewPlaybook(ctx.idx, 541) : overviewPlaybook(ctx.idx, 541);
    const mj = mk === 'main' ? 'メイン モード' : mk === 'quick' ? 'クイック モード' : 'SA';
    return ctx.count({ key, title: soft ? '541 ソフト SA' : `541 ${mj} 確立`, eventId: 541, source: rec.source, reason: soft ? 'soft SA' : undefined, peer, playbook: pb0 ? playbookRef(pb0, soft ? '対処' : '症状') : undefined, ...gt });
  }
  const f: Fact[] = [...facts()];
  if (mode) f.push(fact('mode', 'モード', mode.value, mode.span));
  f.push(...fieldFacts(res, new Set(['mode'])));
  if (soft) f.push(fact('softSa', 'ソフト SA', '送信 SPI が 0 で、アルゴリズムがすべて None (暗号化も認証もなし)', out ? out.span : rec.span));
  const softPb = ctx.idx.playbooks.get('ike-success/soft-sa');
  const ov = overviewPlaybook(ctx.idx, 541);
  const ovRef = ov ? playbookRef(ov, '症状') : titlePlaybook(ctx, rec);
  const pb = soft ? (softPb ? playbookRef(softPb, '対処') : ovRef) : ovRef;
  const modeJa = mk === 'main' ? 'メイン モード' : mk === 'quick' ? 'クイック モード' : 'SA';
  const title = soft ? `ソフト SA (イベント 541): ${peer ?? '相手'} との通信が保護されていません` : `IKE ${modeJa} 確立 (イベント 541)${peer ? `: ${peer}` : ''}`;
  const meaning = soft
    ? '相手が IKE に応じなかったため、ポリシーの許可によって暗号化も認証もない「ソフト SA」で通信していることを示します。'
    : meaningOf(ctx, pb?.id, `IKE の${modeJa}が正常に確立したことを示す成功の監査です。`);
  finish(
    ctx,
    {
      kind: 'event',
      title,
      meaning,
      facts: f,
      playbook: pb,
      tier: tierOf(ctx, pb?.id),
      sensitive: sensitiveOf(ctx, pb?.id),
      confidence: rec.cut || (!mode && !algs.length) ? 'partial' : 'exact',
      span: rec.span,
      severity: soft ? 'warning' : 'info',
      priority: soft ? 65 : 15,
      eventId: 541,
      source: rec.source,
    },
    { key, title: soft ? `541 ソフト SA` : `541 ${modeJa} 確立`, eventId: 541, source: rec.source, reason: soft ? 'soft SA' : undefined, peer, playbook: pb, ...gt },
  );
}

function eventEnded(ctx: Ctx, rec: EventRecord, facts: () => Fact[], gt: { time?: string; timeKey?: string }, id: number) {
  const res = readFields(ctx, rec, legacyLabels, id === 542 ? ['§filter', 'inboundSpi', 'outboundSpi'] : ['§filter']);
  const f = [...facts(), ...fieldFacts(res)];
  const ov = overviewPlaybook(ctx.idx, id);
  const pb = ov ? playbookRef(ov, '症状') : titlePlaybook(ctx, rec);
  const peer = peerOf(res);
  const modeJa = id === 542 ? 'クイック モード' : 'メイン モード';
  finish(
    ctx,
    {
      kind: 'event',
      title: `IKE ${modeJa} SA の終了 (イベント ${id})${peer ? `: ${peer}` : ''}`,
      meaning: meaningOf(ctx, pb?.id, `IKE の${modeJa} SA が寿命や削除によって終わったことを示す記録で、これだけでは障害を意味しません。`),
      facts: f,
      playbook: pb,
      tier: tierOf(ctx, pb?.id),
      confidence: rec.cut ? 'partial' : 'exact',
      span: rec.span,
      severity: 'info',
      priority: 10,
      eventId: id,
      source: rec.source,
    },
    { key: `${id}|${peer ?? ''}`, title: `${id} ${modeJa} SA 終了`, eventId: id, source: rec.source, peer, playbook: pb, ...gt },
  );
}

function eventAuthFail(ctx: Ctx, rec: EventRecord, facts: () => Fact[], gt: { time?: string; timeKey?: string }, id: number) {
  const res = readFields(ctx, rec, legacyLabels);
  const f = [...facts(), ...fieldFacts(res)];
  const ov = overviewPlaybook(ctx.idx, id) ?? ctx.idx.byEvent.get(id)?.[0];
  const pb = ov ? playbookRef(ov, '対処') : undefined;
  const peer = peerOf(res);
  const en = eventTitle(ctx.idx, id) ?? '';
  const what = id === 544 ? '証明書の信頼を確立できず認証に失敗' : id === 545 ? 'ピアの認証に失敗' : 'ピアが無効な提案を送信';
  finish(
    ctx,
    {
      kind: 'event',
      title: `IKE ${what} (イベント ${id})${peer ? `: ${peer}` : ''}`,
      meaning: meaningOf(ctx, pb?.id, `IKE のネゴシエーション中に${what}したことを示す失敗の監査です (英語の表題: ${en})。`),
      facts: f,
      playbook: pb,
      tier: tierOf(ctx, pb?.id),
      sensitive: sensitiveOf(ctx, pb?.id),
      confidence: rec.cut ? 'partial' : 'exact',
      span: rec.span,
      severity: 'error',
      priority: 80,
      eventId: id,
      source: rec.source,
    },
    { key: `${id}|${peer ?? ''}`, title: `${id} ${what}`, eventId: id, source: rec.source, peer, playbook: pb, ...gt },
  );
}

const DRIVER_WHAT: Record<number, string> = {
  4283: '不正な SPI のパケットを受信',
  4284: '保護されるべきパケットをクリア テキストで受信',
  4285: 'パケットのハッシュを認証できない',
  4286: '構文が不正なパケットを受信',
  4287: 'プロトコル識別子が不正なパケットを受信',
  4288: '不明な理由で IPsec 処理に失敗したパケット',
  4289: '保護するフィルターがなく oakley ネゴシエーションに失敗',
  4290: '受信パケットを破棄',
  4291: '送信パケットを破棄',
  4292: 'IPsec ドライバーがブロック モードに移行',
  4293: 'IPsec ドライバーがバイパス モードに移行',
  4294: 'IPsec ドライバーがセキュア モードに移行',
  4295: 'IPsec ドライバーがバイパス モードで起動',
  4296: 'IPsec ドライバーがブロック モードで起動',
  4297: 'IPsec ドライバーがステートフル モードで起動',
};

const isDriverId = (id: number) => id >= 4283 && id <= 4297;

/** What a driver event records; a number only the chapter uses (its `chapterSays`, 4268) reads as the event it means. */
function driverWhat(ctx: Ctx, id: number): string | undefined {
  const real = ctx.idx.chapterIds.get(id);
  return real !== undefined && DRIVER_WHAT[real] ? `${DRIVER_WHAT[real]} (章の番号)` : DRIVER_WHAT[id];
}

function driverEvent(ctx: Ctx, rec: EventRecord, facts: () => Fact[], gt: { time?: string; timeKey?: string }, id: number) {
  // group key from the first address in the description (cheap), so repeated events are only counted
  let keyAddr = '';
  if (rec.desc) {
    const d = ctx.text.slice(rec.desc[0], Math.min(rec.desc[1], rec.desc[0] + 600));
    const a = findIPv4(d);
    if (a) keyAddr = d.slice(a[0], a[1]);
  }
  const key = `${id}|${keyAddr}`;
  if (ctx.groupFull(key)) return void ctx.countKnown(key, gt.time, gt.timeKey);
  const prio = id === 4292 ? 85 : id <= 4289 ? 70 : 25;
  if (!ctx.wantFinding(prio)) {
    if (ctx.countKnown(key, gt.time, gt.timeKey)) return;
    const p0 = ctx.idx.byEvent.get(id)?.[0];
    return ctx.count({ key, title: `${id} ${driverWhat(ctx, id) ?? 'IPsec ドライバーのイベント'}`, eventId: id, source: rec.source, peer: keyAddr || undefined, reason: driverWhat(ctx, id), playbook: p0 ? playbookRef(p0, '対処') : undefined, ...gt });
  }
  const f: Fact[] = [...facts()];
  let count: string | undefined;
  let address: string | undefined;
  let pb: PlaybookRef | undefined;
  let alts: PlaybookRef[] = [];
  let confidence: Finding['confidence'] = 'exact';
  if (rec.desc) {
    const matches = scanTemplates(ctx, lineRanges(ctx.text, rec.desc[0], rec.desc[1]));
    const m = matches.find((x) => (ctx.idx.playbooks.get(x.best.form.ref.playbookId)?.events ?? []).some((e) => e.id === id || e.chapterSays === id)) ?? matches[0];
    if (m) {
      pb = refFor(ctx, m.best.form.ref.playbookId);
      alts = m.alts.map((a) => refFor(ctx, a.form.ref.playbookId)).filter((x): x is PlaybookRef => !!x);
      if (m.best.partial) confidence = 'partial';
      for (const g of gapFacts(ctx, m.best)) {
        if (g.name === 'count') count = g.value;
        if (g.name === 'address') address = g.value;
        f.push(g);
      }
    }
    if (!count || !address) {
      // fallback: first address and the number before "packet(s)" / "個"
      const d = ctx.text.slice(rec.desc[0], Math.min(rec.desc[1], rec.desc[0] + 2000));
      if (!address) {
        const a = findIPv4(d);
        if (a) {
          address = d.slice(a[0], a[1]);
          f.push(fact('address', 'IP アドレス', address, [rec.desc[0] + a[0], rec.desc[0] + a[1]], 'ip'));
        }
      }
      if (!count) {
        const c = numberBefore(d, ' packet') ?? numberBefore(d, ' 個') ?? numberBefore(d, '個');
        if (c) {
          count = d.slice(c[0], c[1]);
          f.push(fact('count', 'パケット数', count, [rec.desc[0] + c[0], rec.desc[0] + c[1]]));
        }
      }
    }
  }
  const byEvent = ctx.idx.byEvent.get(id) ?? [];
  if (!pb && byEvent.length) pb = playbookRef(byEvent[0], '対処');
  if (pb && !alts.length) alts = byEvent.filter((p) => p.id !== pb?.id).map((p) => playbookRef(p, '対処'));
  const realId = ctx.idx.chapterIds.get(id);
  const chapterNo = ctx.idx.chapterSays.get(id);
  if (realId !== undefined) f.push(fact('chapterNote', '番号の注意', `章は ${id} と書いていますが、Windows のメッセージ テーブルではこの内容は ${realId} です。`, rec.idSpan ?? rec.span));
  else if (chapterNo !== undefined) f.push(fact('chapterNote', '番号の注意', `章ではこのイベントを ${chapterNo} と呼んでいます。`, rec.idSpan ?? rec.span));
  const what = driverWhat(ctx, id) ?? 'IPsec ドライバーのイベント';
  const severe = id === 4292 ? 'error' : id <= 4291 ? 'warning' : 'info';
  const detail = [address ? `${address} から` : '', count ? `${count} 個` : ''].filter(Boolean).join(' ');
  finish(
    ctx,
    {
      kind: 'event',
      title: `IPsec ドライバー (イベント ${id}): ${what}${detail ? ` (${detail})` : ''}`,
      meaning: meaningOf(ctx, pb?.id, `IPsec ドライバーが「${what}」ことを記録したシステム ログのイベントです。`),
      facts: f,
      playbook: pb,
      alternatives: alts.length ? alts : undefined,
      tier: tierOf(ctx, pb?.id),
      sensitive: sensitiveOf(ctx, pb?.id),
      confidence: rec.cut ? 'partial' : confidence,
      span: rec.span,
      severity: severe as Severity,
      priority: id === 4292 ? 85 : id <= 4289 ? 70 : 25,
      eventId: id,
      source: rec.source,
    },
    { key, title: `${id} ${what}`, eventId: id, source: rec.source, peer: address ?? (keyAddr || undefined), reason: what, playbook: pb, ...gt },
  );
}

/** [start, end) of the integer just before `word` in s. */
function numberBefore(s: string, word: string): [number, number] | null {
  const at = s.indexOf(word);
  if (at <= 0) return null;
  let e = at;
  while (e > 0 && s.charCodeAt(e - 1) === 0x20) e--;
  let b = e;
  while (b > 0 && isDigit(s.charCodeAt(b - 1)) && e - b < 10) b--;
  return b < e ? [b, e] : null;
}

/**
 * WFP drops (5152 packet, 5157 connection) are IPsec's only with IPsec's protocols or ports, or a filter of
 * an IPsec callout; most are ordinary firewall drops, so without those signs the finding asks for them.
 */
function wfpDrop(ctx: Ctx, rec: EventRecord, facts: () => Fact[], gt: { time?: string; timeKey?: string }, id: number) {
  const d = rec.desc ? ctx.text.slice(rec.desc[0], Math.min(rec.desc[1], rec.desc[0] + 4000)) : (rec.data ?? []).map((x) => `${x.name ?? ''}: ${x.value}`).join('\n');
  const f: Fact[] = [...facts()];
  const proto = /Protocol:\s*(\d+)/i.exec(d)?.[1];
  const ports = [...d.matchAll(/(?:Source|Destination) Port:\s*(\d+)|(?:SourcePort|DestPort):\s*(\d+)/gi)].map((m) => m[1] ?? m[2]);
  const signs: string[] = [];
  if (proto === '50' || proto === '51') signs.push(`プロトコル ${proto} (${proto === '50' ? 'ESP' : 'AH'})`);
  if (proto === '17' && ports.some((p) => p === '500' || p === '4500')) signs.push('UDP 500/4500 (IKE)');
  if (/ipsec|ikeext|authip/i.test(d)) signs.push('IPsec のフィルター/レイヤー名');
  if (proto) f.push(fact('protocol', 'プロトコル', proto, rec.desc ?? rec.span));
  if (ports.length) f.push(fact('ports', 'ポート', ports.join(', '), rec.desc ?? rec.span));
  const pb = refFor(ctx, overviewPlaybook(ctx.idx, id)?.id ?? ctx.idx.byEvent.get(id)?.[0]?.id, signs.length ? '対処' : '症状');
  const ipsec = signs.length > 0;
  if (ipsec) f.push(fact('ipsecSigns', 'IPsec が原因である印', signs.join('、'), rec.desc ?? rec.span));
  finish(
    ctx,
    {
      kind: 'event',
      title: `WFP がパケット/接続を破棄 (イベント ${id})${ipsec ? `: ${signs.join('、')}` : ''}`,
      meaning: ipsec
        ? 'Windows フィルタリング プラットフォームの破棄のうち、IPsec のプロトコル・ポート・フィルターにかかわるものです。'
        : 'Windows フィルタリング プラットフォームの破棄ですが、IPsec が原因である印 (プロトコル 50/51、UDP 500/4500、IPsec のフィルター名) が見当たりません。多くはファイアウォールの規則による通常の破棄です。',
      facts: f,
      playbook: pb,
      tier: tierOf(ctx, pb?.id),
      confidence: rec.cut ? 'partial' : 'exact',
      span: rec.span,
      severity: ipsec ? 'error' : 'warning',
      priority: ipsec ? 75 : 35,
      eventId: id,
      source: rec.source,
      ...(ipsec ? {} : { verdict: 'need-data' as const, verdictReason: 'WFP の破棄ですが、IPsec が原因である印がありません。プロトコル、ポート、フィルター名 (netsh wfp show filters) を確認してください。' }),
    },
    { key: `${id}|${ipsec ? 'ipsec' : 'other'}`, title: `${id} WFP の破棄${ipsec ? ' (IPsec)' : ''}`, eventId: id, source: rec.source, playbook: pb, ...gt },
  );
}

function vistaEvent(ctx: Ctx, rec: EventRecord, facts: () => Fact[], gt: { time?: string; timeKey?: string }, id: number) {
  if (id === 5152 || id === 5157) return wfpDrop(ctx, rec, facts, gt, id);
  const res = readFields(ctx, rec, vistaLabels);
  const en = eventTitle(ctx.idx, id, rec.source) ?? eventTitle(ctx.idx, id) ?? '';
  const legacy = legacyFor(ctx.idx, id);
  const reason = get(res, 'reason');
  const f: Fact[] = [...facts()];
  if (en) f.push(fact('title', '英語の表題', en, rec.desc ? [rec.desc[0], Math.min(rec.desc[1], rec.desc[0] + en.length)] : rec.span));
  let resolution: ReasonResolution | undefined;
  if (reason) {
    resolution = resolveReason(ctx, reason.value, undefined, id === 4654 ? 'quick' : id === 4652 || id === 4653 ? 'main' : undefined);
    if (resolution.ja && !hasJapanese(reason.value)) f.push(fact('reasonJa', '日本語版の表示', resolution.ja, reason.span));
    if (resolution.code) f.push(fact('code', 'エラー コード', describeCode(resolution.code), reason.span));
  }
  f.push(...fieldFacts(res));
  if (legacy.length) f.push(fact('legacy', '従来の Windows での相当イベント', legacy.map((p) => p.title).join(' / '), rec.idSpan ?? rec.span));
  let pb = resolution?.playbook;
  const alts: PlaybookRef[] = [...(resolution?.alternatives ?? [])];
  if (!pb) {
    // a page that claims this Vista+ event itself beats the legacy page it succeeds
    const direct = titlePlaybook(ctx, rec);
    const own = direct && (ctx.idx.playbooks.get(direct.id)?.events ?? []).some((e) => e.id === id) ? direct : undefined;
    const ov = own ? undefined : overviewPlaybook(ctx.idx, id) ?? ctx.idx.byEvent.get(id)?.[0];
    pb = own ?? (ov ? playbookRef(ov, reason ? '対処' : '症状') : undefined);
  }
  // the event's own overview page (the 4653 hub…) stays one click away from the reason's page
  const hub = overviewPlaybook(ctx.idx, id);
  if (pb && hub && hub.id !== pb.id && !alts.some((a) => a.id === hub.id)) alts.push(playbookRef(hub, '症状'));
  if (!pb && legacy.length) {
    pb = playbookRef(legacy[0], reason ? '対処' : '症状');
    for (const p of legacy.slice(1, 6)) if (!alts.some((a) => a.id === p.id)) alts.push(playbookRef(p, '症状'));
  }
  const failed = /failed|dropped|invalid|incorrect|critical|not started|could not|failure/i.test(en) || isFailureType(rec.type);
  const peer = peerOf(res);
  const reasonText = reason ? reasonDisplay(reason.value, resolution?.ja) : undefined;
  finish(
    ctx,
    {
      kind: 'event',
      title: `Vista 以降の IPsec 監査 (イベント ${id})${reasonText ? `: ${reasonText}` : en ? `: ${en}` : ''}`,
      meaning: legacy.length
        ? `Windows Vista 以降で記録されるイベントで、従来の Windows の「${legacy[0].title}」に相当します。`
        : `Windows Vista 以降で記録される IPsec の監査イベントです${en ? ` (英語の表題: ${en})` : ''}。`,
      facts: f,
      playbook: pb,
      alternatives: alts.length ? alts : undefined,
      tier: tierOf(ctx, pb?.id),
      sensitive: sensitiveOf(ctx, pb?.id),
      confidence: rec.cut ? 'partial' : resolution?.confidence ?? (en ? 'exact' : 'partial'),
      span: rec.span,
      severity: failed ? 'error' : 'info',
      priority: failed ? 80 : 15,
      eventId: id,
      source: rec.source,
    },
    { key: `${id}|${reason ? looseKey(reason.value) : ''}|${peer ?? ''}`, title: `${id} ${reasonText ?? en}`, eventId: id, source: rec.source, reason: reason?.value.trim(), peer, playbook: pb, ...gt },
  );
}

function genericEvent(ctx: Ctx, rec: EventRecord, facts: () => Fact[], gt: { time?: string; timeKey?: string }) {
  const id = rec.id;
  const f: Fact[] = [...facts()];
  const matches = rec.desc ? scanTemplates(ctx, lineRanges(ctx.text, rec.desc[0], rec.desc[1])) : [];
  const m = matches[0];
  let pb: PlaybookRef | undefined;
  let alts: PlaybookRef[] = [];
  let confidence: Finding['confidence'] = 'partial';
  let what: string | undefined;
  if (m) {
    pb = refFor(ctx, m.best.form.ref.playbookId);
    alts = m.alts.map((a) => refFor(ctx, a.form.ref.playbookId)).filter((x): x is PlaybookRef => !!x);
    confidence = m.best.partial ? 'partial' : m.best.form.tpl.variable ? 'template' : 'exact';
    f.push(fact('message', 'メッセージ', squash(ctx.text.slice(m.best.start, m.best.end)), [m.best.start, m.best.end]));
    f.push(...gapFacts(ctx, m.best));
    what = pb?.title;
  }
  if (!pb && id !== undefined) {
    const list = ctx.idx.byEvent.get(id) ?? [];
    const src = rec.source?.toLowerCase();
    const hit = list.find((p) => p.events.some((e) => e.id === id && (!src || e.sources.some((s) => s.toLowerCase() === src)))) ?? list[0];
    if (hit) {
      pb = playbookRef(hit, '症状');
      confidence = 'partial';
    }
  }
  const en = id !== undefined ? eventTitle(ctx.idx, id, rec.source) : undefined;
  if (en) f.push(fact('title', '英語の表題', en, rec.idSpan ?? rec.span));
  if (!what) what = en ?? '内容を特定できませんでした';
  const failed = isFailureType(rec.type);
  const label = id !== undefined ? `イベント ${id}${rec.source ? ` (${rec.source})` : ''}` : 'イベント';
  finish(
    ctx,
    {
      kind: 'event',
      title: `${label}: ${what}`,
      meaning: meaningOf(
        ctx,
        pb?.id,
        m
          ? 'IPsec コンポーネントが記録したメッセージです。'
          : id !== undefined && !isKnownId(ctx, id)
            ? 'IPsec のイベントとして知られている ID ではありません。ソースが分からないため、どの製品のイベントかは判断できません。'
            : 'IPsec に関係するイベント ID ですが、説明文からは詳しい内容を特定できませんでした。',
      ),
      facts: f,
      playbook: pb,
      alternatives: alts.length ? alts : undefined,
      tier: tierOf(ctx, pb?.id),
      sensitive: sensitiveOf(ctx, pb?.id),
      confidence: rec.cut ? 'partial' : confidence,
      span: rec.span,
      severity: failed ? 'warning' : 'info',
      priority: m ? 60 : 25,
      eventId: id,
      source: rec.source,
    },
    { key: `${id ?? '?'}|${rec.source ?? ''}|${pb?.id ?? ''}`, title: `${id ?? ''} ${what}`, eventId: id, source: rec.source, playbook: pb, ...gt },
  );
}

/** A record whose description, log or context says it is not the IPsec event its number suggests. */
function notThatEvent(ctx: Ctx, rec: EventRecord, facts: () => Fact[], gt: { time?: string; timeKey?: string }, why: 'carried' | 'description' | 'log', carried?: string) {
  const id = rec.id as number;
  const ipsecTitle = eventTitle(ctx.idx, id);
  const f = facts();
  if (carried) f.push(fact('carriedSource', '文脈から推定したソース', carried, rec.span));
  const meaning =
    why === 'carried'
      ? `ソースの書かれていない ID ${id} ですが、直前のイベントが「${carried}」のものなので、同じ製品の記録と判断しました。IPsec の「${ipsecTitle ?? id}」とは限りません。`
      : why === 'log'
        ? `IPsec のイベント ${id} は「${rec.log}」ログには記録されません。ログ名と ID が合わないので、別の製品の同じ番号のイベントです。`
        : `説明文が IPsec のイベント ${id}${ipsecTitle ? ` (${ipsecTitle})` : ''} の内容と合わないため、同じ番号の別のイベントと判断しました。`;
  const key = `not-that|${why}|${id}`;
  finish(
    ctx,
    { kind: 'not-ipsec', title: `IPsec のイベント ${id} ではありません`, meaning, facts: f, confidence: 'template', span: rec.span, severity: 'info', priority: 30, eventId: id, source: rec.source ?? carried },
    { key, title: `${id} (IPsec 以外)`, eventId: id, source: rec.source ?? carried, ...gt },
  );
}

/** An event from an IPsec component whose id the catalogue does not know: never "not IPsec". */
function componentEvent(ctx: Ctx, rec: EventRecord, facts: () => Fact[], gt: { time?: string; timeKey?: string }) {
  const id = rec.id;
  const src = rec.source ?? '';
  const fam = COMPONENT_FAMILY[src.toLowerCase()];
  const pb = fam ? familyPage(ctx, fam) : undefined;
  const f = facts();
  finish(
    ctx,
    {
      kind: 'component',
      title: `IPsec のコンポーネント「${src}」のイベント ${id ?? ''} (カタログにない ID)`,
      meaning: `「${src}」は IPsec の一部ですが、このイベント ID または文言はこのサイトのカタログにありません。同じファミリーのページと検索で調べてください。`,
      facts: f,
      playbook: pb,
      confidence: 'partial',
      span: rec.span,
      severity: isFailureType(rec.type) ? 'warning' : 'info',
      priority: 45,
      eventId: id,
      source: rec.source,
    },
    { key: `component|${src}|${id ?? ''}`, title: `${src} ${id ?? ''} (カタログにない ID)`, eventId: id, source: rec.source, playbook: pb, ...gt },
  );
}

/** Family page for a component source: its overview playbook. */
const COMPONENT_FAMILY: Record<string, string> = {
  policyagent: 'policy-agent-2000',
  oakley: 'policy-agent-2000',
  ipsec: 'ipsec-driver',
  ipsecpolicystorage: 'pastore',
  ikeext: 'modern-services',
  bfe: 'modern-services',
  'microsoft-windows-ikeext': 'modern-services',
};

function familyPage(ctx: Ctx, family: string): PlaybookRef | undefined {
  for (const p of ctx.idx.playbooks.values()) if (p.family === family) return playbookRef(p, '症状');
  return undefined;
}
