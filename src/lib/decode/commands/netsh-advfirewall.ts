/**
 * netsh advfirewall (Windows Vista / Server 2008 and later): `monitor show mmsa`, `monitor show
 * qmsa` and `consec show rule name=all`. A list of SAs or rules becomes ONE finding with a count
 * and the peers. Japanese labels are recognised by their normalised keys (no published Japanese
 * sample was found, so they are matched loosely and the finding says which keys it read).
 */
import type { Ctx } from '../context.ts';
import { coverLines, fact } from '../context.ts';
import type { Fact, Span } from '../types.ts';
import { content } from '../event-sources.ts';
import type { KV } from './util.ts';
import { cmdFinding, kvAt } from './util.ts';
import { kvRun, peerFacts, saSummary, tally } from './get-netipsec.ts';

export const NETSH_ADVFIREWALL_PREFIXES = ['Main Mode SA at', 'Quick Mode SA at', 'Rule Name:', 'Rule Name :', 'メイン モード SA', 'クイック モード SA', '規則名:', '規則名 :'];

/** Normalised keys (see normKey) of the same field in English and Japanese output. */
const KEYS = {
  local: ['localipaddress', 'ローカルipアドレス'],
  remote: ['remoteipaddress', 'リモートipアドレス'],
  auth1: ['firstauth', 'auth1', '最初の認証', '認証1'],
  auth2: ['secondauth', 'auth2', '2番目の認証', '認証2'],
  mmOffer: ['mmoffer', 'mmオファー'],
  qmOffer: ['qmoffer', 'qmオファー'],
  rule: ['rulename', '規則名'],
  enabled: ['enabled', '有効'],
  action: ['action', '操作'],
  mode: ['mode', 'モード'],
  ep1: ['endpoint1', 'エンドポイント1'],
  ep2: ['endpoint2', 'エンドポイント2'],
  psk: ['auth1psk', '認証1psk'],
};

const has = (k: string[], norm: string) => k.includes(norm);

export function isNetshAdvfirewallStart(ctx: Ctx, i: number, t: string): boolean {
  if (t.startsWith('Main Mode SA at') || t.startsWith('Quick Mode SA at') || t.startsWith('メイン モード SA') || t.startsWith('クイック モード SA')) return true;
  if (!(t.startsWith('Rule Name') || t.startsWith('規則名'))) return false;
  // `firewall show rule` starts the same way; a connection security rule has endpoints or Auth1
  for (let k = i + 1; k < ctx.lines.count && k <= i + 14; k++) {
    const [s, e] = content(ctx, k);
    if (s >= e) continue;
    const kv = kvAt(ctx.text, s, e);
    if (kv && (has(KEYS.ep1, kv.norm) || has(KEYS.auth1, kv.norm))) return true;
    if (kv && has(KEYS.rule, kv.norm)) return false;
  }
  return false;
}

interface Block {
  head?: { text: string; span: Span };
  kv: KV[];
  span: Span;
}

const get = (b: Block, keys: string[]) => b.kv.find((x) => keys.includes(x.norm));
const val = (b: Block, keys: string[]) => get(b, keys)?.value ?? '';

export function readNetshAdvfirewall(ctx: Ctx, i: number, kind: number): number {
  const isHead = (t: string) => t.startsWith('Main Mode SA at') || t.startsWith('Quick Mode SA at') || t.startsWith('メイン モード SA') || t.startsWith('クイック モード SA');
  const { lines, end } = kvRun(ctx, i, kind);
  const blocks: Block[] = [];
  let cur: Block | null = null;
  for (const l of lines) {
    const t = ctx.text.slice(l.s, Math.min(l.e, l.s + 40));
    const startsRule = l.kv && has(KEYS.rule, l.kv.norm);
    if (isHead(t) || startsRule || !cur) {
      cur = { kv: [], span: [l.s, l.e] };
      blocks.push(cur);
      if (isHead(t)) {
        cur.head = { text: ctx.text.slice(l.s, l.e), span: [l.s, l.e] };
        continue;
      }
    }
    cur.span = [cur.span[0], l.e];
    if (l.kv) cur.kv.push(l.kv);
  }
  coverLines(ctx, i, end);
  const rules = blocks.filter((b) => get(b, KEYS.rule));
  // the Microsoft sample of `show qmsa` is headed "Main Mode SA at": decide by the fields instead
  const qm = blocks.filter((b) => !get(b, KEYS.rule) && get(b, KEYS.qmOffer));
  const mm = blocks.filter((b) => !get(b, KEYS.rule) && !get(b, KEYS.qmOffer) && get(b, KEYS.remote));
  if (mm.length) ctx.emit(saFinding(ctx, mm, 'mm'));
  if (qm.length) ctx.emit(saFinding(ctx, qm, 'qm'));
  if (rules.length) ctx.emit(ruleFinding(ctx, rules));
  return end;
}

function pskFacts(bs: Block[]): Fact[] {
  const out: Fact[] = [];
  for (const b of bs) {
    const psk = get(b, KEYS.psk);
    const auth = b.kv.find((x) => has(KEYS.auth1, x.norm) && x.value.toLowerCase().includes('psk'));
    if (psk) out.push(fact('psk', '事前共有キー', '出力に事前共有キーの値が含まれています。チケットに貼る前に伏せてください。', psk.valueSpan));
    else if (auth) out.push(fact('pskAuth', '事前共有キーによる認証', auth.value, auth.valueSpan));
    if (out.length) break;
  }
  return out;
}

function saFinding(ctx: Ctx, bs: Block[], k: 'mm' | 'qm') {
  const span: Span = [bs[0].span[0], bs[bs.length - 1].span[1]];
  const what = k === 'mm' ? 'メイン モード SA' : 'クイック モード SA';
  const facts: Fact[] = [fact('count', `${what}の数`, String(bs.length), span)];
  facts.push(...peerFacts(bs.map((b) => ({ value: val(b, KEYS.remote), span: get(b, KEYS.remote)?.valueSpan ?? b.span }))));
  const local = tally(bs.map((b) => val(b, KEYS.local)));
  if (local) facts.push(fact('local', '自分のアドレス', local, get(bs[0], KEYS.local)?.valueSpan ?? span));
  if (k === 'mm') {
    const a1 = tally(bs.map((b) => val(b, KEYS.auth1)));
    if (a1) facts.push(fact('auth', '1 番目の認証', a1, get(bs[0], KEYS.auth1)?.valueSpan ?? span));
    const a2 = tally(bs.map((b) => val(b, KEYS.auth2)));
    if (a2) facts.push(fact('auth2', '2 番目の認証', a2, get(bs[0], KEYS.auth2)?.valueSpan ?? span));
    const offer = tally(bs.map((b) => val(b, KEYS.mmOffer)));
    if (offer) facts.push(fact('offer', 'メイン モードの暗号 (MM Offer)', offer, get(bs[0], KEYS.mmOffer)?.valueSpan ?? span));
  } else {
    const offer = tally(bs.map((b) => val(b, KEYS.qmOffer)));
    if (offer) facts.push(fact('offer', 'クイック モードの保護 (QM Offer)', offer, get(bs[0], KEYS.qmOffer)?.valueSpan ?? span));
  }
  const psk = pskFacts(bs);
  facts.push(...psk);
  return saSummary(ctx, `netsh advfirewall monitor show ${k === 'mm' ? 'mmsa' : 'qmsa'}`, k, bs.length, facts, span);
}

function ruleFinding(ctx: Ctx, bs: Block[]) {
  const span: Span = [bs[0].span[0], bs[bs.length - 1].span[1]];
  const facts: Fact[] = [fact('count', '接続セキュリティ規則の数', String(bs.length), span)];
  for (const b of bs.slice(0, 30)) {
    const name = get(b, KEYS.rule);
    if (name) facts.push(fact('rule', '規則', `${name.value} (${val(b, KEYS.enabled) || '?'}, ${val(b, KEYS.action) || '?'}, ${val(b, KEYS.auth1) || '?'})`, name.valueSpan));
  }
  const off = bs.filter((b) => ['no', 'いいえ'].includes(val(b, KEYS.enabled).toLowerCase()));
  if (off.length) facts.push(fact('disabled', '無効の規則', String(off.length), get(off[0], KEYS.enabled)?.valueSpan ?? span));
  const psk = pskFacts(bs);
  facts.push(...psk);
  const require = bs.filter((b) => val(b, KEYS.action).toLowerCase().startsWith('requirein'));
  return cmdFinding(ctx, {
    title: `netsh advfirewall consec show rule: 接続セキュリティ規則が ${bs.length} 件${off.length ? ` (うち無効 ${off.length} 件)` : ''}`,
    meaning: psk.some((f) => f.name === 'psk')
      ? '規則の一覧です。事前共有キーの値がそのまま表示されているので、この出力を共有する前にキーを伏せ、キーを電話やメールで読み上げないでください。'
      : require.length
        ? `受信に IPsec を必須 (RequireIn…) にしている規則が ${require.length} 件あります。相手が対応する規則を持たないと、その相手からの通信は受け付けられません。`
        : '規則の一覧です。受信を必須にしている規則はないので、IPsec がなくても通信そのものは許されます。',
    facts,
    span,
    severity: psk.some((f) => f.name === 'psk') ? 'warning' : 'info',
    priority: psk.some((f) => f.name === 'psk') ? 45 : 20,
    guide: 'guides/consec-tools',
    sensitive: ['policy-details'],
  });
}
