/**
 * Look-alikes: IKE/IPsec logs of products other than Windows (strongSwan/Libreswan/Openswan, Cisco IOS/ASA,
 * MikroTik, ZyXEL, Shrew Soft, third-party Windows VPN clients…). Their words (Main Mode, ISAKMP, SPI,
 * "MS NT5 ISAKMPOAKLEY" vendor IDs) look like Windows IPsec, but they are never a Windows IKE failure:
 * each product seen becomes one finding (`vpn`, pointing at the VPN guide), and its lines are claimed
 * so that no Windows playbook is matched inside them.
 *
 * One pass over the lines, only when one of the cheap markers occurs anywhere in the input.
 */
import type { Ctx } from './context.ts';
import { fact } from './context.ts';
import type { Finding, Span } from './types.ts';

interface Product {
  id: string;
  /** Display name. */
  name: string;
  /** Substrings that mark a line as this product's (case-sensitive unless `ci`). */
  marks: string[];
  ci?: boolean;
  /** A remote-access/site-to-site VPN product (verdict vpn), or another system's IPsec (not-ipsec). */
  vpn: boolean;
}

export const PRODUCTS: Product[] = [
  { id: 'strongswan', name: 'strongSwan (charon)', marks: [' charon: ', 'charon[', ' charon-systemd', '[IKE] ', '[NET] received packet', '[CFG] ', 'IKE_SA ', 'CHILD_SA ', 'ipsec statusall', 'strongSwan'], vpn: true },
  { id: 'libreswan', name: 'Libreswan / Openswan (pluto)', marks: ['STATE_MAIN_', 'STATE_PARENT_', 'STATE_QUICK_', 'STATE_V2_', 'STATE_AGGR_', 'pluto[', 'pluto:', 'Libreswan', 'Openswan', 'ignoring Vendor ID payload', 'received Vendor ID payload'], vpn: true },
  { id: 'cisco', name: 'Cisco IOS / ASA', marks: ['ISAKMP:', 'ISAKMP (', 'ISAKMP:(', '%CRYPTO-', '%ASA-', 'IKEv2-PROTO', 'IKEv2-PLAT', 'crypto isakmp', 'crypto ipsec', 'IPSEC(', 'crypto_isakmp', 'Cisco VPN Client', 'AnyConnect'], vpn: true },
  { id: 'mikrotik', name: 'MikroTik RouterOS', marks: ['ipsec,debug', 'ipsec,error', 'ipsec,info', 'ipsec,warning', 'phase1 negotiation failed'], vpn: true },
  { id: 'zyxel', name: 'ZyXEL (ZyWALL / Prestige)', marks: ['Prestige', 'ZyWALL', 'ZyXEL', 'Zyxel'], vpn: true },
  { id: 'shrew', name: 'Shrew Soft VPN Client', marks: ['key daemon', 'iskamp proposal configured', 'isakmp proposal configured', 'bringing up tunnel', 'ShrewSoft', 'Shrew Soft'], vpn: true },
  { id: 'fortinet', name: 'FortiClient / FortiGate', marks: ['FortiClient', 'FortiGate', 'fortigate', 'ike 0:', 'ike 1:'], vpn: true },
  { id: 'isa', name: 'Microsoft ISA Server / Forefront TMG', marks: ['ISA Server', 'Threat Management Gateway', 'FWX_E_', 'ISA-A', 'ISA-B'], vpn: true },
  { id: 'paloalto', name: 'Palo Alto GlobalProtect', marks: ['GlobalProtect', 'PanGPS'], vpn: true },
  { id: 'others', name: 'サードパーティの VPN クライアント / ゲートウェイ', marks: ['SonicWall', 'SonicWALL', 'TheGreenBow', 'NCP Secure', 'WatchGuard', 'Check Point', 'SoftEther', 'openvpn', 'OpenVPN', 'OVPN', 'racoon', 'setkey', 'ip xfrm', 'pfSense', 'OPNsense', 'Juniper', 'NetScreen'], vpn: true },
];

const ALL_MARKS: Array<[string, Product]> = PRODUCTS.flatMap((p) => p.marks.map((m) => [m, p] as [string, Product]));
const MARK_RE = new RegExp(ALL_MARKS.map(([m]) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length).join('|'), 'g');

/** Claim look-alike lines; returns the per-line claim array, or undefined when no marker occurs at all. */
export function claimLookalikes(ctx: Ctx): Uint8Array | undefined {
  const text = ctx.text;
  // one pass with one regex over the whole input instead of a scan per mark
  const found = new Set<string>();
  MARK_RE.lastIndex = 0;
  for (let m = MARK_RE.exec(text); m; m = MARK_RE.exec(text)) {
    found.add(m[0]);
    if (found.size >= ALL_MARKS.length) break;
  }
  if (!found.size) return undefined;
  const present = ALL_MARKS.filter(([m]) => found.has(m));
  const { starts, ends, count } = ctx.lines;
  const claimed = new Uint8Array(count);
  const seen = new Map<string, { p: Product; lines: number; first: Span; last: Span; sample: string }>();
  for (let i = 0; i < count; i++) {
    const s = starts[i];
    const e = ends[i];
    if (e - s < 4) continue;
    const line = text.slice(s, Math.min(e, s + 2000));
    let hit: Product | undefined;
    for (const [m, p] of present) {
      if (line.includes(m)) {
        hit = p;
        break;
      }
    }
    if (!hit) continue;
    claimed[i] = 1;
    ctx.covered[i] = 1;
    const g = seen.get(hit.id);
    if (g) {
      g.lines++;
      g.last = [s, e];
    } else seen.set(hit.id, { p: hit, lines: 1, first: [s, e], last: [s, e], sample: line.trim().slice(0, 160) });
  }
  for (const g of seen.values()) {
    const f: Finding = {
      kind: 'lookalike',
      title: `Windows 以外の IPsec/VPN 製品のログ: ${g.p.name} (${g.lines} 行)`,
      meaning: 'Windows の IPsec (ドメイン分離) のログではなく、VPN ゲートウェイやクライアントなど別の製品の記録です。Windows の IKE のページは当てはまりません。VPN を担当するチームに回してください。',
      facts: [fact('product', '製品', g.p.name, g.first), fact('lines', '該当する行数', String(g.lines), [g.first[0], g.last[1]]), fact('sample', '最初の行', g.sample, g.first)],
      guide: { id: 'guides/vpn-vs-isolation', url: '/guides/vpn-vs-isolation/', title: 'VPN とドメイン分離の違いと担当' },
      confidence: 'exact',
      span: [g.first[0], g.last[1]],
      severity: 'info',
      priority: 50,
      verdict: g.p.vpn ? 'vpn' : 'not-ipsec',
      verdictReason: `${g.p.name} のログです。Windows の IPsec ではなく、VPN 製品側の調査が必要です。`,
    };
    ctx.emit(f, { key: `lookalike|${g.p.id}`, title: f.title });
  }
  return claimed;
}
