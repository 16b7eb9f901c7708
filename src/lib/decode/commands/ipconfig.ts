/** ipconfig /all (English and Japanese): adapters, addresses, APIPA 169.254.x.x. */
import type { Ctx } from '../context.ts';
import { coverLines, fact } from '../context.ts';
import type { Fact, Span } from '../types.ts';
import { findIPv4 } from '../text.ts';
import type { LineView } from './util.ts';
import { blockEnd, blockLines, cmdFinding, kvAt } from './util.ts';

export function isIpconfigStart(t: string): boolean {
  return t.startsWith('Windows IP Configuration') || t.startsWith('Windows IP 構成') || t.startsWith('Windows IP の構成');
}

const KEYS: Record<string, [string, string, Fact['pii']?]> = {
  hostname: ['host', 'ホスト名', 'host'],
  'ホスト名': ['host', 'ホスト名', 'host'],
  primarydnssuffix: ['domain', 'プライマリ DNS サフィックス', 'domain'],
  'プライマリdnsサフィックス': ['domain', 'プライマリ DNS サフィックス', 'domain'],
  ipaddress: ['address', 'IP アドレス', 'ip'],
  ipv4address: ['address', 'IP アドレス', 'ip'],
  autoconfigurationipaddress: ['address', 'IP アドレス (自動構成)', 'ip'],
  autoconfigurationipv4address: ['address', 'IP アドレス (自動構成)', 'ip'],
  'ipアドレス': ['address', 'IP アドレス', 'ip'],
  'ipv4アドレス': ['address', 'IP アドレス', 'ip'],
  '自動構成ipアドレス': ['address', 'IP アドレス (自動構成)', 'ip'],
  '自動構成ipv4アドレス': ['address', 'IP アドレス (自動構成)', 'ip'],
  subnetmask: ['mask', 'サブネット マスク'],
  'サブネットマスク': ['mask', 'サブネット マスク'],
  defaultgateway: ['gateway', 'デフォルト ゲートウェイ', 'ip'],
  'デフォルトゲートウェイ': ['gateway', 'デフォルト ゲートウェイ', 'ip'],
  dhcpenabled: ['dhcp', 'DHCP 有効'],
  'dhcp有効': ['dhcp', 'DHCP 有効'],
  dhcpserver: ['dhcpServer', 'DHCP サーバー', 'ip'],
  'dhcpサーバー': ['dhcpServer', 'DHCP サーバー', 'ip'],
  dnsservers: ['dns', 'DNS サーバー', 'ip'],
  'dnsサーバー': ['dns', 'DNS サーバー', 'ip'],
  mediastate: ['media', 'メディアの状態'],
  'メディアの状態': ['media', 'メディアの状態'],
  physicaladdress: ['mac', '物理アドレス', 'name'],
  '物理アドレス': ['mac', '物理アドレス', 'name'],
  description: ['description', '説明'],
  '説明': ['description', '説明'],
};

interface Adapter {
  name: string;
  nameSpan: Span;
  facts: Fact[];
  addresses: Array<{ v: string; span: Span }>;
  gateway?: string;
  disconnected: boolean;
  lines: LineView[];
}

export function readIpconfig(ctx: Ctx, i: number, kind: number): number {
  const j = blockEnd(ctx, i, kind);
  const lines = blockLines(ctx, i, j);
  const global: Fact[] = [];
  const adapters: Adapter[] = [];
  let cur: Adapter | null = null;
  let lastName = '';
  const used: number[] = [];
  for (const l of lines) {
    const t = l.text;
    if (isIpconfigStart(t)) {
      used.push(l.i);
      continue;
    }
    const kv = kvAt(ctx.text, l.s, l.e);
    if (kv && kv.value === '' && (t.endsWith(':') || t.endsWith('：')) && !KEYS[kv.norm] && !t.includes(' . ') && !t.includes('. :')) {
      cur = { name: kv.key, nameSpan: kv.keySpan, facts: [], addresses: [], disconnected: false, lines: [l] };
      adapters.push(cur);
      used.push(l.i);
      lastName = '';
      continue;
    }
    if (kv && KEYS[kv.norm]) {
      const [name, label, pii] = KEYS[kv.norm];
      let v = kv.value;
      for (const suffix of ['(Preferred)', '(優先)', '(Duplicate)', '(重複)', '(Tentative)']) if (v.endsWith(suffix)) v = v.slice(0, -suffix.length).trim();
      const sp: Span = [kv.valueSpan[0], kv.valueSpan[0] + v.length];
      const f = fact(name, label, v, sp, v ? pii : undefined);
      if (cur) {
        cur.facts.push(f);
        cur.lines.push(l);
        if (name === 'address' && findIPv4(v)) cur.addresses.push({ v, span: sp });
        if (name === 'gateway' && v) cur.gateway = v;
        if (name === 'media' && (v.toLowerCase().includes('disconnected') || v.includes('接続されていません'))) cur.disconnected = true;
      } else global.push(f);
      used.push(l.i);
      lastName = name;
      continue;
    }
    // continuation lines (second DNS server, second gateway)
    const a = findIPv4(t);
    if (!kv && a && a[0] === 0 && (lastName === 'dns' || lastName === 'gateway') && cur) {
      cur.facts.push(fact(lastName, lastName === 'dns' ? 'DNS サーバー' : 'デフォルト ゲートウェイ', t.slice(a[0], a[1]), [l.s + a[0], l.s + a[1]], 'ip'));
      used.push(l.i);
      continue;
    }
    if (kv) used.push(l.i); // other ipconfig keys are understood but not reported
  }
  for (const k of used) coverLines(ctx, k, k + 1);
  const span: Span = [lines[0]?.s ?? 0, lines[lines.length - 1]?.e ?? 0];
  let apipa = 0;
  for (const a of adapters) {
    if (a.disconnected) continue;
    const aspan: Span = [a.lines[0].s, a.lines[a.lines.length - 1].e];
    for (const addr of a.addresses) {
      if (addr.v.startsWith('169.254.')) {
        apipa++;
        ctx.emit(
          cmdFinding(ctx, {
            title: `ipconfig: ${a.name} は自動構成アドレス ${addr.v} (169.254.x.x) です`,
            meaning: 'DHCP サーバーからアドレスを取得できず、Windows が自分で 169.254.x.x を割り当てた状態で、IPsec の除外一覧や DHCP への経路を確認する必要があります。',
            facts: [fact('adapter', 'アダプター', a.name, a.nameSpan), ...a.facts],
            span: aspan,
            severity: 'warning',
            priority: 85,
            guide: 'guides/ip-configuration',
            sensitive: ['exemptions'],
          }),
        );
      }
    }
  }
  const withAddr = adapters.filter((a) => a.addresses.length && !a.disconnected);
  if (lines.length) {
    const facts: Fact[] = [...global];
    for (const a of withAddr) for (const addr of a.addresses) facts.push(fact('address', `IP アドレス (${a.name})`, addr.v, addr.span, 'ip'));
    const noGw = withAddr.filter((a) => !a.gateway && !a.addresses.every((x) => x.v.startsWith('169.254.')));
    ctx.emit(
      cmdFinding(ctx, {
        title: `ipconfig: アダプター ${adapters.length} 個、アドレスあり ${withAddr.length} 個${apipa ? `、自動構成アドレス ${apipa} 個` : ''}`,
        meaning: noGw.length ? `デフォルト ゲートウェイのないアダプターがあります (${noGw.map((a) => a.name).join('、')})。` : 'アドレス、ゲートウェイ、DNS サーバーなど IP 構成の一覧です。',
        facts,
        span,
        severity: noGw.length ? 'warning' : 'info',
        priority: noGw.length ? 45 : 10,
        guide: 'guides/ip-configuration',
      }),
    );
  }
  return j;
}
