/**
 * RasClient (Application log: 20227 failed, 20226 ended, 20221–20225 stages) and RemoteAccess (System log:
 * 20111 demand-dial failure…) events: IPsec-based VPN, a different setup from domain isolation. The code is
 * in the text ("The error code returned on failure is 809." — "which has failed" and "that has failed"
 * both occur) and in the last insertion string; the finding links the page of that code.
 */
import type { Ctx } from '../context.ts';
import { meaningOf, refFor, tierOf } from '../context.ts';
import type { EventRecord } from '../events.ts';
import type { Fact, Finding, Span } from '../types.ts';
import type { GroupTime } from './common.ts';
import { vpnPageByCode } from '../catalogue-index.ts';
import { fact } from '../context.ts';
import { descOf, emit, playbookForEvent } from './common.ts';

const CODE_RES = [
  /(?:error|reason) code returned on (?:failure|termination) is\s+(\d{1,5})/i,
  /(?:エラー|理由)\s*コード(?:は|:)?\s*(\d{1,5})/,
  /返された(?:エラー|理由)\s*コードは\s*(\d{1,5})/,
  /\berror(?: code)?[:\s]+(\d{3,5})\b/i,
  /エラー\s*(\d{3,5})/,
];
const CONN_RES = [/connection named\s+(.+?)\s+(?:which|that) has/i, /接続\s*(?:名)?\s*[「"]?([^「」"\s]+)[」"]?\s*(?:を|の)/];

/** Code carried by a RasClient/RemoteAccess text, with its span. */
export function rasCode(text: string, start: number, data?: EventRecord['data']): { code: number; span: Span } | undefined {
  for (const re of CODE_RES) {
    const m = re.exec(text);
    if (m) {
      const at = m.index + m[0].lastIndexOf(m[1]);
      return { code: Number(m[1]), span: [start + at, start + at + m[1].length] };
    }
  }
  // XML / CSV: the last insertion string holds the code
  const last = data?.length ? data[data.length - 1] : undefined;
  if (last && /^\s*\d{1,5}\s*$/.test(last.value)) return { code: Number(last.value.trim()), span: last.span };
  return undefined;
}

export function rasEvent(ctx: Ctx, rec: EventRecord, facts: () => Fact[], gt: GroupTime): void {
  const id = rec.id;
  const { text, start } = descOf(ctx, rec);
  const f = facts();
  const rc = text ? rasCode(text, start, rec.data) : undefined;
  let conn: string | undefined;
  for (const re of CONN_RES) {
    const m = re.exec(text);
    if (m) {
      conn = m[1];
      const at = start + m.index + m[0].indexOf(m[1]);
      f.push(fact('connection', '接続名', conn, [at, at + conn.length], 'name'));
      break;
    }
  }
  let pbId: string | undefined;
  if (rc) {
    const c = ctx.idx.codesByValue.get(rc.code);
    f.push(fact('rasCode', 'エラー コード', c ? `${rc.code} (${c.name}): ${c.message}` : String(rc.code), rc.span));
    pbId = vpnPageByCode(ctx.idx).get(rc.code);
  }
  const eventPage = playbookForEvent(ctx, id, rec.source);
  if (!pbId) pbId = eventPage;
  const pb = refFor(ctx, pbId);
  const ended = id === 20226;
  const failed = id === 20227 || id === 20220 || id === 20111 || (!!rc && !ended);
  const normalEnd = ended && rc?.code === 631;
  const title = rc
    ? `VPN 接続の${ended ? '終了' : '失敗'} (${rec.source ?? 'RasClient'} ${id ?? ''}): コード ${rc.code}`
    : `VPN 接続の記録 (${rec.source ?? 'RasClient'} ${id ?? ''})`;
  const alts = eventPage && eventPage !== pbId ? [refFor(ctx, eventPage, '症状')].filter((x): x is NonNullable<typeof x> => !!x) : [];
  const finding: Finding = {
    kind: 'event',
    title,
    alternatives: alts.length ? alts : undefined,
    meaning: meaningOf(ctx, pb?.id, 'IPsec を使う VPN 接続 (リモート アクセスまたはサイト間) の記録です。ドメイン分離とは別の構成で、担当も別です。'),
    facts: f,
    playbook: pb,
    tier: tierOf(ctx, pb?.id),
    confidence: rc ? 'exact' : 'partial',
    span: rec.span,
    severity: failed && !normalEnd ? 'error' : 'info',
    priority: failed && !normalEnd ? 85 : 20,
    eventId: id,
    source: rec.source,
    verdict: rc || id === 20227 ? 'vpn' : 'need-data',
    verdictReason: rc ? `VPN 接続がコード ${rc.code} で${ended ? '終了' : '失敗'}しています。` : id === 20227 ? 'VPN 接続の失敗です (コードが読み取れません)。' : 'VPN の記録ですが、コードが読み取れません。',
  };
  emit(ctx, finding, { key: `ras|${id}|${rc?.code ?? ''}`, title, eventId: id, source: rec.source, reason: rc ? String(rc.code) : undefined, playbook: pb, ...gt });
}
