/**
 * Event identity: an event is its log + source + ID, judged together with its description.
 * Decides, before any field is read, what a record is:
 * - `ipsec`: an IPsec event the catalogue knows (the family readers in events.ts take it);
 * - `component`: written by an IPsec component, but an ID or wording the catalogue lacks;
 * - `scm`: a Service Control Manager event (IPsec only when its text names an IPsec service);
 * - `vpn`: a RasClient / RemoteAccess event (IPsec VPN: another team's setup);
 * - `foreign`: another product's event, or a description that contradicts the IPsec template.
 * Context carries within a paste: a record with no source that follows another product's event belongs
 * to that product unless its own description says IPsec.
 */
import type { Ctx } from './context.ts';
import type { EventRecord } from './events.ts';
import { lineRanges, scanTemplates } from './context.ts';

export type Identity =
  | { kind: 'ipsec' }
  | { kind: 'component' }
  | { kind: 'scm' }
  | { kind: 'vpn' }
  | { kind: 'foreign'; collision: boolean; why: 'source' | 'carried' | 'description' | 'log'; source?: string };

const SCM = 'service control manager';
const VPN_SOURCES = new Set(['rasclient', 'remoteaccess', 'rasman', 'rasmanager', 'routing and remote access', 'router']);
/** Sources that are IPsec components whatever the ID (the catalogue adds the rest from its events). */
export const COMPONENT_SOURCES = new Set(['ipsec', 'policyagent', 'oakley', 'ikeext', 'bfe', 'ipsecpolicystorage', 'ipsec policy agent', 'microsoft-windows-ikeext', 'microsoft-windows-base-filtering-engine-connections', 'microsoft-windows-base-filtering-engine-resource-flows']);
const AUDITING = 'microsoft-windows-security-auditing';

/**
 * Does a text speak of IPsec / IKE (any Windows release, ja or en)? Short tokens are whole words
 * ("IKE", "ESP", "SPI"), so "like" or "despite" do not count. Used for identity and for the verdict of
 * text nothing else recognised: one list for both.
 */
const IPSEC_TOKENS = /\b(?:ipsec|ike|ikev[12]|ikeext|authip|oakley|isakmp|esp|spi|pastore|policyagent)\b/i;
const IPSEC_PHRASES = ['security association', 'セキュリティ アソシエーション', 'セキュリティアソシエーション', 'main mode', 'quick mode', 'メイン モード', 'クイック モード', 'ネゴシエーション', 'ネゴシエート', 'negotiation', 'policy agent', 'ポリシー エージェント', 'keying module', 'キーイング', 'connection security', '接続セキュリティ', 'domain isolation', 'ドメイン分離', 'サーバー分離'];

export function speaksIpsec(s: string): boolean {
  const t = s.length > 200000 ? s.slice(0, 200000) : s;
  if (IPSEC_TOKENS.test(t)) return true;
  const l = t.toLowerCase();
  return IPSEC_PHRASES.some((w) => l.includes(w));
}

function descText(ctx: Ctx, rec: EventRecord): string {
  if (rec.desc && rec.desc[1] > rec.desc[0]) return ctx.text.slice(rec.desc[0], Math.min(rec.desc[1], rec.desc[0] + 4000));
  if (rec.data?.length) return rec.data.map((d) => d.value).join(' ').slice(0, 4000);
  return '';
}

/** Logs in which the catalogue says an ID is written (empty when it does not say). */
function logsOf(ctx: Ctx, id: number): Set<string> {
  const out = new Set<string>();
  for (const e of ctx.idx.events.get(id) ?? []) if (e.log) out.add(e.log.toLowerCase());
  for (const p of ctx.idx.byEvent.get(id) ?? []) for (const e of p.events) if (e.id === id || e.chapterSays === id) out.add(e.log.toLowerCase());
  return out;
}

/** Is `id` an IPsec event ID (catalogue, the chapter's own numbers, the driver range)? */
export function isKnownId(ctx: Ctx, id: number): boolean {
  // the chapter's own numbers for events (4268 for 4283) come from the catalogue's chapterSays
  return ctx.idx.ipsecIds.has(id) || ctx.idx.chapterIds.has(id) || (id >= 4283 && id <= 4297);
}

/** What the record is. Also updates the paste's carried context (`ctx.carry`). */
export function identify(ctx: Ctx, rec: EventRecord): Identity {
  const id = rec.id;
  const src = rec.source?.trim();
  const lsrc = src?.toLowerCase();
  const desc = descText(ctx, rec);
  const ipsecText = desc ? speaksIpsec(desc) : false;
  const known = id !== undefined && isKnownId(ctx, id);
  if (lsrc) {
    if (lsrc === SCM) return remember(ctx, rec, { kind: 'scm' });
    if (VPN_SOURCES.has(lsrc)) return remember(ctx, rec, { kind: 'vpn' });
    if (lsrc === AUDITING || lsrc === 'security' || lsrc === 'microsoft windows security auditing.') {
      // the Security log's own source writes every audit: only IPsec IDs are IPsec
      if (id !== undefined && known) return remember(ctx, rec, logMismatch(ctx, rec, id) ? { kind: 'foreign', collision: true, why: 'log', source: src } : { kind: 'ipsec' });
      return remember(ctx, rec, { kind: 'foreign', collision: false, why: 'source', source: src });
    }
    const component = COMPONENT_SOURCES.has(lsrc) || ctx.idx.ipsecSources.has(lsrc);
    if (component) {
      if (id === undefined) return remember(ctx, rec, { kind: 'ipsec' });
      if (!known) return remember(ctx, rec, { kind: 'component' });
      if (logMismatch(ctx, rec, id)) return remember(ctx, rec, { kind: 'component' });
      return remember(ctx, rec, { kind: 'ipsec' });
    }
    return remember(ctx, rec, { kind: 'foreign', collision: id !== undefined && known, why: 'source', source: src });
  }
  // no source: the description (and the paste's context) decide
  // a Service Control Manager text ("The Print Spooler service failed to start…") is read for its service name
  if (id !== undefined && desc && scmTitleFits(ctx, id, desc)) return remember(ctx, rec, { kind: 'scm' });
  if (ctx.carry && !ipsecText) return { kind: 'foreign', collision: id !== undefined && known, why: 'carried', source: ctx.carry };
  if (id !== undefined && logMismatch(ctx, rec, id) && !ipsecText) return { kind: 'foreign', collision: known, why: 'log' };
  if (rec.format !== 'event-description' && desc.trim().length >= 40 && !ipsecText && id !== undefined && known && !titleSaysIpsec(ctx, id, desc, rec)) {
    return { kind: 'foreign', collision: true, why: 'description' };
  }
  if (ipsecText) ctx.carry = undefined;
  return { kind: 'ipsec' };
}

/** Is `id` a Service Control Manager event whose catalogue title the description follows? */
function scmTitleFits(ctx: Ctx, id: number, desc: string): boolean {
  const l = desc.toLowerCase();
  for (const e of ctx.idx.events.get(id) ?? []) {
    if (e.source?.toLowerCase() !== SCM) continue;
    for (const chunk of (e.title ?? '').toLowerCase().split(/%\d+|%n|\n/)) {
      const c = chunk.trim();
      if (c.length >= 12 && l.includes(c)) return true;
    }
  }
  return false;
}

/** Does the description fit the event's catalogue title or a playbook signature, though it lacks IPsec words? */
function titleSaysIpsec(ctx: Ctx, id: number, desc: string, rec: EventRecord): boolean {
  const l = desc.toLowerCase();
  for (const e of ctx.idx.events.get(id) ?? []) {
    for (const chunk of (e.title ?? '').toLowerCase().split(/%\d+|%n|\n/)) {
      const c = chunk.trim();
      if (c.length >= 12 && l.includes(c)) return true;
    }
  }
  if (rec.desc && rec.desc[1] > rec.desc[0]) {
    const m = scanTemplates(ctx, lineRanges(ctx.text, rec.desc[0], Math.min(rec.desc[1], rec.desc[0] + 4000)));
    if (m.length) return true;
  }
  return false;
}

function logMismatch(ctx: Ctx, rec: EventRecord, id: number): boolean {
  const log = rec.log?.trim().toLowerCase();
  if (!log) return false;
  const logs = logsOf(ctx, id);
  if (!logs.size) return false;
  const norm = log === 'セキュリティ' ? 'security' : log === 'システム' ? 'system' : log === 'アプリケーション' ? 'application' : log;
  if (!['security', 'system', 'application'].includes(norm)) return false;
  return !logs.has(norm);
}

function remember(ctx: Ctx, rec: EventRecord, r: Identity): Identity {
  ctx.carry = r.kind === 'foreign' && r.why === 'source' ? rec.source?.trim() : undefined;
  return r;
}
