/**
 * Service Control Manager events (System log, 7000/7001/7023/7024/7031/7034…). They are IPsec events only
 * when their text names an IPsec service (IKEEXT, BFE, PolicyAgent, MpsSvc); RasMan / RemoteAccess make
 * them VPN events; any other service makes them another product's event.
 */
import type { Catalogue } from '../../catalogue/types.ts';
import type { Ctx } from '../context.ts';
import { meaningOf, refFor, tierOf } from '../context.ts';
import type { EventRecord } from '../events.ts';
import type { Fact, Finding } from '../types.ts';
import type { GroupTime } from './common.ts';
import { fact } from '../context.ts';
import { descOf, emit, playbookForEvent } from './common.ts';

interface Service {
  /** Service (key) name. */
  name: string;
  /** Names as event texts print them, lower case: the English display names per release (from the
   * catalogue's service-names data), the key, and the Japanese forms seen in Japanese-edition texts. */
  names: string[];
  vpn?: boolean;
  role: string;
}

/** What the decoder says of each service; the English display names come from the catalogue. */
const SERVICES: Array<Omit<Service, 'names'> & { also: string[] }> = [
  { name: 'IKEEXT', also: ['ikeext'], role: 'IKE と AuthIP のキー交換 (Vista 以降)' },
  { name: 'BFE', also: ['ベース フィルター エンジン', 'bfe'], role: 'Windows フィルタリング プラットフォームの土台 (IKEEXT、ファイアウォール、IPsec が依存)' },
  { name: 'PolicyAgent', also: ['ipsec サービス', 'ipsec ポリシー エージェント', 'policyagent'], role: 'IPsec ポリシーの読み込み' },
  { name: 'MpsSvc', also: ['windows defender ファイアウォール', 'windows ファイアウォール', 'mpssvc'], role: 'Windows ファイアウォールと接続セキュリティ規則' },
  // VPN services are not in the isolation data file: their display names stay here
  { name: 'RasMan', also: ['remote access connection manager', 'リモート アクセス接続マネージャー', 'rasman'], vpn: true, role: 'VPN/ダイヤルアップ接続の管理' },
  { name: 'RemoteAccess', also: ['routing and remote access', 'ルーティングとリモート アクセス', 'remoteaccess'], vpn: true, role: 'RRAS (VPN サーバー、サイト間接続)' },
];

const serviceCache = new WeakMap<Catalogue, Service[]>();

/** The services with every name they are printed under, built once per catalogue. */
export function ipsecServices(cat: Catalogue): Service[] {
  let list = serviceCache.get(cat);
  if (list) return list;
  list = SERVICES.map(({ also, ...s }) => ({ ...s, names: [...new Set([...(cat.serviceNames ?? []).filter((r) => r.service.toLowerCase() === s.name.toLowerCase()).map((r) => r.display.toLowerCase()), ...also])] }));
  serviceCache.set(cat, list);
  return list;
}

/** The service an SCM text names (first one in the text), with its position. */
export function namedService(cat: Catalogue, text: string): { svc: Service; at: number; len: number } | undefined {
  const l = text.toLowerCase();
  let best: { svc: Service; at: number; len: number } | undefined;
  for (const svc of ipsecServices(cat)) {
    for (const n of svc.names) {
      let at = l.indexOf(n);
      // bare key names must stand alone (BFE inside another word is not the service)
      while (at >= 0 && n.length <= 12 && /[a-z0-9]/.test(l[at - 1] ?? ' ') ) at = l.indexOf(n, at + 1);
      while (at >= 0 && n.length <= 12 && /[a-z0-9]/.test(l[at + n.length] ?? ' ')) at = l.indexOf(n, at + 1);
      // XP's "Windows Firewall/Internet Connection Sharing (ICS)" is SharedAccess, not MpsSvc
      while (at >= 0 && l.startsWith('/internet connection sharing', at + n.length)) at = l.indexOf(n, at + 1);
      if (at >= 0 && (!best || at < best.at)) best = { svc, at, len: n.length };
    }
  }
  return best;
}

export function scmEvent(ctx: Ctx, rec: EventRecord, facts: () => Fact[], gt: GroupTime): void {
  const id = rec.id;
  const { text, start } = descOf(ctx, rec);
  const hit = text ? namedService(ctx.idx.cat, text) : undefined;
  const f = facts();
  const label = `Service Control Manager ${id ?? ''}`.trim();
  if (!hit) {
    const base: Finding = text
      ? {
          kind: 'not-ipsec',
          title: `IPsec と関係のないサービスのイベント: ${label}`,
          meaning: 'サービス コントロール マネージャーの記録ですが、名前が出ているのは IPsec に関係するサービス (IKEEXT、BFE、PolicyAgent、MpsSvc) ではありません。',
          facts: f,
          confidence: 'exact',
          span: rec.span,
          severity: 'info',
          priority: 5,
          eventId: id,
          source: rec.source,
        }
      : {
          kind: 'component',
          title: `${label}: どのサービスの記録か分かりません`,
          meaning: 'サービス コントロール マネージャーのイベントは、説明文に出てくるサービス名で意味が決まります。',
          facts: f,
          confidence: 'partial',
          span: rec.span,
          severity: 'info',
          priority: 20,
          eventId: id,
          source: rec.source,
          verdict: 'need-data',
          verdictReason: 'サービス名が書かれた説明文がないため、IPsec のサービスかどうか分かりません。',
        };
    return emit(ctx, base, { key: `scm|${id}|other`, title: `${label} (IPsec 以外のサービス)`, eventId: id, source: rec.source, ...gt });
  }
  const svc = hit.svc;
  f.push(fact('service', 'サービス', `${svc.name} (${text.slice(hit.at, hit.at + hit.len)})`, [start + hit.at, start + hit.at + hit.len]));
  f.push(fact('serviceRole', 'サービスの役割', svc.role, [start + hit.at, start + hit.at + hit.len]));
  const pbId = svc.vpn ? playbookForEvent(ctx, id, rec.source, (p) => (ctx.idx.playbooks.get(p)?.domain ?? 'isolation') === 'vpn') : playbookForEvent(ctx, id, rec.source, (p) => (ctx.idx.playbooks.get(p)?.domain ?? 'isolation') !== 'vpn') ?? playbookForEvent(ctx, id, rec.source);
  const pb = refFor(ctx, pbId);
  const failed = id !== 7036 && id !== 7040;
  const finding: Finding = {
    kind: 'event',
    title: `${svc.vpn ? 'VPN 関連サービス' : 'IPsec 関連サービス'} ${svc.name} のイベント (${label})`,
    meaning: meaningOf(ctx, pb?.id, `サービス コントロール マネージャーが ${svc.name} (${svc.role}) について記録したイベントです。`),
    facts: f,
    playbook: pb,
    tier: tierOf(ctx, pb?.id),
    // the service name was read from the text: the identity is exact even without a page
    confidence: 'exact',
    span: rec.span,
    severity: failed ? 'error' : 'info',
    priority: failed ? 80 : 15,
    eventId: id,
    source: rec.source,
  };
  if (svc.vpn) {
    finding.verdict = 'vpn';
    finding.verdictReason = `VPN のサービス (${svc.name}) の記録です。`;
  }
  emit(ctx, finding, { key: `scm|${id}|${svc.name}`, title: `${label} ${svc.name}`, eventId: id, source: rec.source, reason: svc.name, playbook: pb, ...gt });
}
