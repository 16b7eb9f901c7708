/**
 * IPsec command-line tools: netsh ipsec dynamic show config|stats|mmsas|qmsas|all, netsh ipsec
 * static show all|gpoassignedpolicy, ipseccmd show all|gpo|sas|filters|stats, and netdiag
 * (/test:ipsec and the general test lines).
 */
import type { Ctx } from '../context.ts';
import { coverLines, fact } from '../context.ts';
import type { Fact, Span } from '../types.ts';
import { isDigit } from '../text.ts';
import { K } from '../kinds.ts';
import type { KV } from './util.ts';
import { blockEnd, blockLines, cmdFinding, kvAt, normKey } from './util.ts';

export const IPSEC_CLI_PREFIXES = [
  'IPsec Configuration Parameters',
  'IPSec Configuration Parameters',
  'IPsec Main Mode Statistics',
  'IPsec Quick Mode Statistics',
  'IKE Main Mode Statistics',
  'IPsec Statistics',
  'IPSec Statistics',
  'IKE Statistics',
  'Main Mode SAs',
  'Quick Mode SAs',
  'Main Mode SA #',
  'Main Mode Filters',
  'Quick Mode Filters',
  'Generic Filters',
  'Specific Filters',
  'Policy Name',
  'Source Machine',
  'GPO Name',
  'Local IPsec Policy Name',
  'Local IPSec Policy Active',
  'Directory IPSec Policy Active',
  'Active Directory Policy',
  'Directory Policy Name',
  'StrongCRLCheck',
  'Rule Name',
  'Filter List Name',
  'Filter Action Name',
  'IPSec policy service is active',
  'IPsec policy service is active',
  'There is no assigned',
  'No SAs',
  'ERR IPsec',
  'ポリシー名',
];

export function isIpsecCliStart(t: string): boolean {
  for (const s of IPSEC_CLI_PREFIXES) if (t.startsWith(s)) return true;
  return false;
}

export function isNetdiagStart(t: string): boolean {
  if (t.startsWith('Per interface results') || t.startsWith('Global results') || t.startsWith('インターフェイスごとの結果') || t.startsWith('グローバルの結果')) return true;
  if (t.startsWith('Computer Name:') || t.startsWith('DNS Host Name:') || t.startsWith('コンピュータ名:') || t.startsWith('DNS ホスト名:')) return true;
  if (t.length > 200 || !t.includes(' . . ')) return false;
  return (t.includes('test') || t.includes('テスト')) && (t.endsWith('Passed') || t.endsWith('Failed') || t.endsWith('Skipped') || t.endsWith('成功') || t.endsWith('失敗') || t.endsWith('スキップ') || t.includes(': Passed') || t.includes(': Failed'));
}

function num(v: string): number | undefined {
  let n = '';
  for (const ch of v.trim()) {
    if (isDigit(ch.charCodeAt(0))) n += ch;
    else if (ch === ',' && n) continue;
    else break;
  }
  return n ? Number(n) : undefined;
}

const COUNTERS: Record<string, { ja: string; playbook?: string; guide: string; problem: boolean }> = {
  authenticationfailures: { ja: '認証の失敗', guide: 'guides/ike-troubleshooting', problem: true },
  negotiationfailures: { ja: 'ネゴシエーションの失敗', guide: 'guides/ike-troubleshooting', problem: true },
  totalsoftsa: { ja: 'ソフト SA', playbook: 'ike-success/soft-sa', guide: 'guides/expected-ike-behaviour', problem: true },
  softassociations: { ja: 'ソフト SA', playbook: 'ike-success/soft-sa', guide: 'guides/expected-ike-behaviour', problem: true },
  badspipackets: { ja: '不正な SPI のパケット', playbook: 'ipsec-driver/bad-spi', guide: 'guides/packet-loss-events', problem: true },
  packetsnotauthenticated: { ja: '認証できなかったパケット', playbook: 'ipsec-driver/hash-auth-failure', guide: 'guides/packet-loss-events', problem: true },
  packetsnotdecrypted: { ja: '復号できなかったパケット', guide: 'guides/packet-loss-events', problem: true },
  packetswithreplaydetection: { ja: 'リプレイ検出で捨てたパケット', guide: 'guides/packet-loss-events', problem: true },
  invalidpacketsrcvd: { ja: '無効な IKE パケット', guide: 'guides/ike-troubleshooting', problem: true },
  invalidpacketsreceived: { ja: '無効な IKE パケット', guide: 'guides/ike-troubleshooting', problem: true },
  invalidcookiesrcvd: { ja: '無効な Cookie', guide: 'guides/ike-troubleshooting', problem: true },
  invalidcookiesreceived: { ja: '無効な Cookie', guide: 'guides/ike-troubleshooting', problem: true },
  acquirefailures: { ja: 'Acquire の失敗', guide: 'guides/ike-troubleshooting', problem: true },
  receivefailures: { ja: '受信の失敗', guide: 'guides/ike-troubleshooting', problem: true },
  sendfailures: { ja: '送信の失敗', guide: 'guides/ike-troubleshooting', problem: true },
  activesecurityassociations: { ja: 'アクティブな SA', guide: 'guides/toolkit', problem: false },
  activeassociations: { ja: 'アクティブな SA', guide: 'guides/toolkit', problem: false },
  activeacquire: { ja: '処理中の Acquire', guide: 'guides/toolkit', problem: false },
  totalacquire: { ja: 'Acquire の合計', guide: 'guides/toolkit', problem: false },
  keyadditions: { ja: 'キーの追加', guide: 'guides/toolkit', problem: false },
  keydeletions: { ja: 'キーの削除', guide: 'guides/toolkit', problem: false },
  rekeys: { ja: 'キーの再生成', guide: 'guides/toolkit', problem: false },
};

const NO_DEFAULT_EXEMPT: Record<string, string> = {
  '0': 'マルチキャスト、ブロードキャスト、RSVP、Kerberos、ISAKMP を除外 (2000/XP の既定)',
  '1': 'Kerberos と RSVP は除外しない (マルチキャスト、ブロードキャスト、ISAKMP は除外)',
  '2': 'マルチキャストとブロードキャストは除外しない (RSVP、Kerberos、ISAKMP は除外)',
  '3': 'ISAKMP だけを除外 (Server 2003 の既定)',
};

export function readIpsecCli(ctx: Ctx, i: number, kind: number): number {
  const j = blockEnd(ctx, i, kind);
  const lines = blockLines(ctx, i, j);
  const used: number[] = [];
  const kvs: Array<{ kv: KV; section: string; li: number }> = [];
  let section = '';
  const notes: Array<{ t: string; span: Span }> = [];
  let mmsa = 0;
  for (const l of lines) {
    const t = l.text;
    const kv = kvAt(ctx.text, l.s, l.e);
    if (!kv || (kv.value === '' && !t.includes(':'))) {
      // headings and sentences
      if (t.startsWith('Main Mode SA #') || t.startsWith('Main Mode SA#')) mmsa++;
      if (isIpsecCliStart(t) || t.startsWith('---') || t.startsWith('Me') || t.startsWith('Peer') || t.startsWith('Offer Used') || t.startsWith('Transport Filter') || t.startsWith('Tunnel Filter') || t.startsWith('Ok.')) {
        if (!t.startsWith('Me') && !t.startsWith('Peer')) section = normKey(t);
        else section = `${section.split('>')[0]}>${normKey(t)}`;
        used.push(l.i);
        if (t.startsWith('IPSec policy service is active') || t.startsWith('IPsec policy service is active') || t.startsWith('There is no assigned') || t.startsWith('No SAs') || t.startsWith('ERR')) notes.push({ t, span: [l.s, l.e] });
      }
      continue;
    }
    if (t.startsWith('Main Mode SA #') || t.startsWith('Main Mode SA#')) {
      mmsa++;
      used.push(l.i);
      continue;
    }
    kvs.push({ kv, section, li: l.i });
    used.push(l.i);
  }
  for (const k of used) coverLines(ctx, k, k + 1);
  if (!used.length) return j;
  const blockSpan: Span = [lines[0].s, lines[lines.length - 1].e];
  // --- configuration
  const cfg = kvs.filter((x) => ['bootmode', 'bootexemptions', 'ipsecexempt', 'ikelogging', 'ipsecdiagnostics', 'ipsecloginterval', 'strongcrlcheck'].includes(x.kv.norm));
  if (cfg.length) {
    const facts: Fact[] = [];
    const sens = new Set<string>();
    let warn = false;
    let meaning = 'IPsec ドライバーの起動時モードや既定の除外などの構成です。';
    for (const { kv } of cfg) {
      let v = kv.value;
      if (kv.norm === 'bootmode') {
        const lv = v.toLowerCase();
        v += lv.startsWith('stateful') ? ' (ステートフル: 起動中は自分から始めた通信と除外だけを通す。既定)' : lv.startsWith('block') ? ' (ブロック: 起動中は除外以外をすべて止める)' : lv.startsWith('permit') ? ' (許可: 起動中は何も止めない)' : '';
        if (lv.startsWith('block')) {
          warn = true;
          meaning = '起動時モードがブロックなので、ポリシーが適用されるまで除外以外の通信が止まります。';
        }
      }
      if (kv.norm === 'bootexemptions') {
        sens.add('boot-exemptions');
        sens.add('exemptions');
      }
      if (kv.norm === 'ipsecexempt') {
        sens.add('exemptions');
        if (NO_DEFAULT_EXEMPT[v.trim()]) v += ` (${NO_DEFAULT_EXEMPT[v.trim()]})`;
      }
      if (kv.norm === 'ikelogging' && v.trim() === '1') v += ' (Oakley.log に記録中)';
      if (kv.norm === 'ipsecdiagnostics' && v.trim() !== '0') v += ' (ドライバの診断ログが有効)';
      facts.push(fact(kv.norm, kv.key.trim(), v, kv.valueSpan));
    }
    ctx.emit(cmdFinding(ctx, { title: 'netsh ipsec dynamic show config: IPsec の構成パラメーター', meaning, facts, span: spanOfKvs(cfg), severity: warn ? 'warning' : 'info', priority: warn ? 70 : 25, guide: 'guides/policy-stores', sensitive: [...sens] }));
  }
  // --- statistics
  const stats = kvs.filter((x) => COUNTERS[x.kv.norm] && num(x.kv.value) !== undefined);
  if (stats.length) {
    const facts = stats.map(({ kv }) => fact(kv.norm, COUNTERS[kv.norm].ja, kv.value, kv.valueSpan));
    const problems = stats.filter(({ kv }) => COUNTERS[kv.norm].problem && (num(kv.value) ?? 0) > 0);
    ctx.emit(
      cmdFinding(ctx, {
        title: problems.length ? `IPsec / IKE の統計: 0 でない失敗カウンターが ${problems.length} 個あります` : 'IPsec / IKE の統計: 失敗カウンターはすべて 0 です',
        meaning: '統計はサービスの起動以降の累計なので、少し時間をおいてもう一度取得し、増えているかどうかで判断します。',
        facts,
        span: spanOfKvs(stats),
        severity: problems.length ? 'warning' : 'info',
        priority: problems.length ? 50 : 10,
        guide: 'guides/toolkit',
      }),
    );
    for (const { kv } of problems) {
      const c = COUNTERS[kv.norm];
      ctx.emit(
        cmdFinding(ctx, {
          title: `統計: ${c.ja} = ${kv.value.trim()}`,
          meaning: `カウンター「${kv.key.trim()}」が 0 ではなく、増え続けている場合は関連するページの手順で原因を調べます。`,
          facts: [fact(kv.norm, c.ja, kv.value, kv.valueSpan)],
          span: [kv.keySpan[0], kv.valueSpan[1]],
          severity: 'warning',
          priority: c.playbook ? 60 : 50,
          playbookId: c.playbook && ctx.idx.playbooks.has(c.playbook) ? c.playbook : undefined,
          guide: c.guide,
        }),
      );
    }
  }
  // --- security associations
  const peers = kvs.filter((x) => (x.kv.norm === 'ipaddress' && x.section.includes('>peer')) || x.kv.norm === 'destinationaddress' || x.kv.norm === 'peeraddress');
  const auth = kvs.filter((x) => x.kv.norm === 'authenticationmode' || x.kv.norm === 'authmode');
  if (mmsa || peers.length || auth.length) {
    const facts: Fact[] = [];
    if (mmsa) facts.push(fact('mmsaCount', 'メイン モード SA の数', String(mmsa), blockSpan));
    for (const p of peers) facts.push(fact('peer', '相手のアドレス', p.kv.value, p.kv.valueSpan, 'ip'));
    for (const a of auth) facts.push(fact('auth', '認証方法', a.kv.value, a.kv.valueSpan));
    for (const x of kvs.filter((x) => x.kv.norm === 'id' || x.kv.norm === 'cookiepair')) facts.push(fact(x.kv.norm === 'id' ? 'identity' : 'cookies', x.kv.norm === 'id' ? 'ID' : 'Cookie のペア', x.kv.value, x.kv.valueSpan, x.kv.norm === 'id' ? 'principal' : undefined));
    ctx.emit(cmdFinding(ctx, { title: `IPsec の SA: ${mmsa ? `メイン モード SA ${mmsa} 個` : `SA ${peers.length} 件`}`, meaning: '現在確立している SA の一覧で、相手のアドレスと認証方法から期待どおりの相手と保護されているかを確認します。', facts, span: blockSpan, severity: 'info', priority: 20, guide: 'guides/toolkit', sensitive: ['policy-details'] }));
  }
  // --- policy
  const POLICY_KEYS = ['policyname', 'store', 'lastmodified', 'assigned', 'activated', 'pollinginterval', 'gponame', 'localipsecpolicyname', 'adipsecpolicyname', 'adpolicydn', 'localipsecpolicyassigned', 'directorypolicyname', 'grouppolicyobject', 'policydn', 'gpodn', 'localipsecpolicyactive', 'directoryipsecpolicyactive', 'sourcemachine', 'ポリシー名'];
  const pol = kvs.filter((x) => POLICY_KEYS.includes(x.kv.norm));
  const actions = kvs.filter((x) => x.kv.norm === 'action' || x.kv.norm === 'filteraction' || x.kv.norm === 'inboundaction' || x.kv.norm === 'outboundaction');
  const rules = kvs.filter((x) => x.kv.norm === 'rulename');
  if (pol.length || rules.length || actions.length || notes.length) {
    const facts: Fact[] = pol.map(({ kv }) => fact(kv.norm, kv.key.trim(), kv.value, kv.valueSpan, kv.norm.endsWith('dn') ? undefined : kv.norm === 'sourcemachine' ? 'host' : undefined));
    if (rules.length) facts.push(fact('rules', '規則の数', String(rules.length), spanOfKvs(rules)));
    const permit = actions.filter((a) => a.kv.value.toUpperCase().includes('PERMIT'));
    const block = actions.filter((a) => a.kv.value.toUpperCase().includes('BLOCK'));
    if (actions.length) facts.push(fact('actions', 'フィルター操作', `NEGOTIATE ${actions.length - permit.length - block.length} / PERMIT ${permit.length} / BLOCK ${block.length}`, spanOfKvs(actions)));
    for (const n of notes) facts.push(fact('note', 'メッセージ', n.t, n.span));
    const name = pol.find((x) => ['policyname', 'adipsecpolicyname', 'directorypolicyname', 'localipsecpolicyname', 'localipsecpolicyactive', 'directoryipsecpolicyactive', 'ポリシー名'].includes(x.kv.norm) && x.kv.value && x.kv.value.toUpperCase() !== 'NONE');
    const noPolicy = notes.some((n) => n.t.includes('no policy is assigned') || n.t.startsWith('There is no assigned')) || (!!pol.length && !name);
    const sens = ['policy-details'];
    if (permit.length) sens.push('exemptions');
    ctx.emit(
      cmdFinding(ctx, {
        title: noPolicy ? 'IPsec ポリシー: 割り当てられたポリシーがありません' : `IPsec ポリシー: ${name ? name.kv.value : '(名前不明)'}${rules.length ? ` (規則 ${rules.length} 個)` : ''}`,
        meaning: noPolicy
          ? 'このコンピューターには IPsec ポリシーが割り当てられていないため、IPsec による保護も要求も行われません。'
          : `割り当てられている IPsec ポリシーの内容${permit.length ? 'で、PERMIT のフィルター操作は除外 (保護しない通信) を表します' : 'です'}。`,
        facts,
        span: blockSpan,
        severity: noPolicy ? 'warning' : 'info',
        priority: noPolicy ? 75 : 25,
        guide: noPolicy ? 'guides/policy-delivery' : 'guides/policy-interpretation',
        sensitive: sens,
      }),
    );
  }
  return j;
}

function spanOfKvs(x: Array<{ kv: KV }>): Span {
  return [x[0].kv.keySpan[0], x[x.length - 1].kv.valueSpan[1]];
}

export function readNetdiag(ctx: Ctx, i: number, kind: number): number {
  const j = blockEnd(ctx, i, kind, 5000, [K.IPSECCLI]);
  const lines = blockLines(ctx, i, j);
  const used: number[] = [];
  const tests: Array<{ name: string; result: string; span: Span; details: Array<{ t: string; span: Span }> }> = [];
  const ipsecNotes: Array<{ t: string; span: Span }> = [];
  let inIpsec = false;
  for (const l of lines) {
    const t = l.text;
    if (t.startsWith('Per interface results') || t.startsWith('Global results') || t.startsWith('インターフェイスごとの結果') || t.startsWith('グローバルの結果')) {
      used.push(l.i);
      continue;
    }
    if (t.includes(' . . ')) {
      const c = t.lastIndexOf(':');
      if (c > 0) {
        let ne = t.indexOf(' . . ');
        while (ne > 0 && (t[ne - 1] === ' ' || t[ne - 1] === '.')) ne--;
        const name = t.slice(0, ne);
        const result = t.slice(c + 1).trim();
        tests.push({ name, result, span: [l.s, l.e], details: [] });
        inIpsec = name.startsWith('IP Security') || name.startsWith('IP セキュリティ');
        used.push(l.i);
        continue;
      }
    }
    if (inIpsec) {
      ipsecNotes.push({ t, span: [l.s, l.e] });
      used.push(l.i);
      continue;
    }
    if (tests.length && (t.startsWith('[') || t.startsWith('Warning') || t.startsWith('警告'))) {
      tests[tests.length - 1].details.push({ t, span: [l.s, l.e] });
      used.push(l.i);
      continue;
    }
    if (kvAt(ctx.text, l.s, l.e)) used.push(l.i);
  }
  for (const k of used) coverLines(ctx, k, k + 1);
  const failed = tests.filter((t) => t.result.startsWith('Failed') || t.result.startsWith('失敗'));
  const guideFor = (n: string) => (n.startsWith('IP Security') || n.startsWith('IP セキュリティ') ? 'guides/policy-delivery' : n.includes('DNS') ? 'guides/name-resolution' : n.includes('Kerberos') || n.includes('DC') || n.includes('Domain') || n.includes('ドメイン') ? 'guides/domain-controller-kerberos' : 'guides/path-connectivity');
  for (const t of failed) {
    ctx.emit(cmdFinding(ctx, { title: `netdiag: ${t.name} が失敗しています`, meaning: 'netdiag のテストが失敗しているので、IPsec より先にこの項目を確認します。', facts: [fact('test', 'テスト', t.name, t.span), fact('result', '結果', t.result, t.span), ...t.details.map((d) => fact('detail', '詳細', d.t, d.span))], span: t.details.length ? [t.span[0], t.details[t.details.length - 1].span[1]] : t.span, severity: 'warning', priority: 65, guide: guideFor(t.name) }));
  }
  const ip = tests.find((t) => t.name.startsWith('IP Security') || t.name.startsWith('IP セキュリティ'));
  if (ip) {
    const facts: Fact[] = [fact('result', '結果', ip.result, ip.span)];
    let policy: string | undefined;
    let none = false;
    for (const n of ipsecNotes) {
      const q1 = n.t.indexOf("'");
      const q2 = n.t.lastIndexOf("'");
      if ((n.t.includes('Policy Active') || n.t.includes('ポリシー')) && q2 > q1 && q1 >= 0) {
        policy = n.t.slice(q1 + 1, q2);
        facts.push(fact('policy', n.t.startsWith('Directory') ? 'ドメインの IPsec ポリシー' : 'IPsec ポリシー', policy, [n.span[0] + q1 + 1, n.span[0] + q2]));
      } else if (n.t.includes('no policy is assigned') || n.t.includes('割り当てられていません')) {
        none = true;
        facts.push(fact('note', 'メッセージ', n.t, n.span));
      } else facts.push(fact('detail', '詳細', n.t, n.span));
    }
    ctx.emit(
      cmdFinding(ctx, {
        title: none ? 'netdiag /test:ipsec: IPsec ポリシーが割り当てられていません' : `netdiag /test:ipsec: ${ip.result}${policy ? ` (ポリシー「${policy}」)` : ''}`,
        meaning: none ? 'IPsec サービスは動いていてもポリシーが割り当てられていないので、グループ ポリシーの配布を確認します。' : 'netdiag が読み取った IPsec ポリシーの割り当て状態です。',
        facts,
        span: [ip.span[0], ipsecNotes.length ? ipsecNotes[ipsecNotes.length - 1].span[1] : ip.span[1]],
        severity: none ? 'warning' : 'info',
        priority: none ? 75 : 20,
        guide: 'guides/policy-delivery',
        sensitive: ['policy-details'],
      }),
    );
  }
  if (tests.length && !failed.length && !ip) {
    ctx.emit(cmdFinding(ctx, { title: `netdiag: ${tests.length} 個のテストに失敗はありません`, meaning: 'netdiag の基本テストは通っています。', facts: tests.slice(0, 30).map((t) => fact('test', t.name, t.result, t.span)), span: [tests[0].span[0], tests[tests.length - 1].span[1]], severity: 'info', priority: 10, guide: 'reference/netdiag' }));
  }
  return j;
}
