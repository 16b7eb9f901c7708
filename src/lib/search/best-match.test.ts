import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Catalogue } from '../catalogue/types.ts';
import { bestMatches } from './best-match.ts';

let catalogue: Catalogue;
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-catalogue.ts']);
  catalogue = JSON.parse(readFileSync('src/generated/catalogue.json', 'utf8'));
});

const first = (q: string) => bestMatches(catalogue, q)[0]?.id;

describe('bestMatches (catalogue lookups that come before ranked search)', () => {
  it('finds the playbook of an error code in every spelling', () => {
    for (const q of ['13801', '0x35E9', '0x000035E9', '0x800735E9', 'ERROR_IPSEC_IKE_AUTH_FAIL', '-2147011095']) expect(first(q), q).toBe('ike-auth/credentials-unacceptable');
  });
  it('finds the bad-SPI playbook by the chapter\'s 4268 and the real 4283', () => {
    expect(first('4268')).toBe('ipsec-driver/bad-spi');
    expect(first('4283')).toBe('ipsec-driver/bad-spi');
  });
  it('finds whole messages in Japanese and English, with or without spaces or full-width letters', () => {
    expect(first('ピアから応答がありません')).toBe('ike-main-mode/no-response');
    expect(first('No response from peer')).toBe('ike-main-mode/no-response');
    expect(first('ＩＫＥ セキュリティ属性は受け付けられません')).toBe('ike-main-mode/attributes-unacceptable');
    expect(first('IKEセキュリティ属性は受け付けられません')).toBe('ike-main-mode/attributes-unacceptable');
  });
  it('finds the message a fragment covers most of', () => {
    expect(first('タイムアウト')).toBe('ike-main-mode/negotiation-timed-out');
    expect(first('応答')).toBe('ike-main-mode/no-response');
  });
  it('returns nothing for text that names no playbook', () => {
    expect(bestMatches(catalogue, 'こんにちは世界')).toEqual([]);
    expect(bestMatches(catalogue, '')).toEqual([]);
  });
});

const pairs = (q: string, limit?: number) => bestMatches(catalogue, q, limit).map((m) => [m.id, m.why]);
const HASH_EN = 'Failed to authenticate the hash for 5 packet(s) received from 192.168.0.10.\nThis could be a temporary glitch; if it persists please stop and restart the IPSec Policy Agent service on this machine.';

describe('bestMatches: event IDs', () => {
  it('4283 names the bad-SPI page as event 4283 (the decoder\'s reading of the same number does not replace the reason)', () => {
    expect(bestMatches(catalogue, '4283')).toEqual([{ id: 'ipsec-driver/bad-spi', url: '/ipsec-driver/bad-spi/', title: catalogue.playbooks.find((p) => p.id === 'ipsec-driver/bad-spi')!.title, why: 'イベント 4283' }]);
  });
  it('the chapter\'s 4268 names the bad-SPI page as event 4268', () => {
    expect(pairs('4268')).toEqual([['ipsec-driver/bad-spi', 'イベント 4268']]);
  });
  it('full-width digits (４２８３) are an event ID too', () => {
    expect(pairs('４２８３')).toEqual([['ipsec-driver/bad-spi', 'イベント 4283']]);
  });
  it('547: the event\'s own page first, then the message pages with the fewest signatures', () => {
    expect(pairs('547', 6)).toEqual([
      ['ike-main-mode/event-547', 'イベント 547'],
      ['ike-auth/credentials-unacceptable', 'イベント 547'],
      ['ike-auth/kerberos-failed', 'イベント 547'],
      ['ike-auth/no-authority', 'イベント 547'],
      ['ike-auth/no-certificate', 'イベント 547'],
      ['ike-main-mode/attributes-unacceptable', 'イベント 547'],
    ]);
  });
  it('a Vista+ ID (4960) names its own page, then the legacy page it succeeds', () => {
    expect(pairs('4960')).toEqual([
      ['modern-driver/integrity', 'イベント 4960'],
      ['ipsec-driver/hash-auth-failure', 'Vista 以降のイベント 4960 に相当'],
    ]);
  });
  it('a five-digit event ID (RasClient 20227) or a padded one (04283) is the decoder\'s reading, not an event lookup', () => {
    expect(pairs('20227')).toEqual([['vpn/rasclient-events', 'イベント ID 20227 (The user %1 dialed a connection named %2 which has failed. The error code returned on failure is %3.)']]);
    expect(pairs('04283')).toEqual([['ipsec-driver/bad-spi', 'イベント ID 4283 (Received %2 packet(s) with a bad Security Parameters Index from %3.)']]);
  });
});

describe('bestMatches: what the decoder recognises', () => {
  it('a pasted IPsec event: the verdict\'s page comes first, with the verdict\'s reason', () => {
    expect(pairs(`Log Name: System\nSource: IPSEC\nEvent ID: 4285\nLevel: Error\nDescription:\n${HASH_EN}`)).toEqual([
      ['ipsec-driver/hash-auth-failure', 'IPsec の失敗を示す記録です。 (IPsec ドライバー (イベント 4285): パケットのハッシュを認証できない (192.168.0.10 から 5 個))'],
    ]);
  });
  it('a code whose verdict is "need data" (13801: VPN or isolation?) gives the page with what was recognised, then the VPN page of the same code', () => {
    expect(pairs('13801')).toEqual([
      ['ike-auth/credentials-unacceptable', 'エラー コード 13801 (0x000035E9) = ERROR_IPSEC_IKE_AUTH_FAIL'],
      ['vpn/error-13801', 'VPN 接続の場合: エラー コード 13801 (0x000035E9) = ERROR_IPSEC_IKE_AUTH_FAIL'],
    ]);
  });
  it('an event the decoder gives to another product names no IPsec page (Norton\'s event 7 with a 4283 in its text)', () => {
    expect(pairs('Source: Norton AntiVirus\nEvent ID: 7\n4283')).toEqual([]);
  });
  it('a message template copied with its placeholders (%2, %3) names its page by the decoder\'s title', () => {
    expect(pairs(HASH_EN.replace('5', '%2').replace('192.168.0.10', '%3'))).toEqual([['ipsec-driver/hash-auth-failure', 'イベント 4285: ハッシュ認証の失敗 (Hash Authentication Failure)']]);
  });
  it('a cut-off message (a partial decoder match) is named as part of the whole message, not by the unsure reading', () => {
    expect(pairs('Failed to authenticate using')).toEqual([['ike-auth/kerberos-failed', 'メッセージ「Failed to authenticate using Kerberos」の一部']]);
  });
  it('from a paste of many messages, only the first five the decoder reports are offered, after the verdict\'s page', () => {
    const many = ['IP セキュリティをネゴシエートしています。', '認証資格情報は受け付けられません', 'Kerberos を使って認証できませんでした', 'ログオンに失敗しました', '認証するときにどの機関にもアクセスできませんでした。', 'IKE は有効なコンピュータの証明書を検出できませんでした', '指定された対象は不明か、または到達できません。', 'ピアから応答がありません'];
    expect(bestMatches(catalogue, many.join('\n'), 20).map((m) => m.id)).toEqual(['ike-auth/kerberos-failed', 'console/ping-negotiating', 'ike-auth/credentials-unacceptable', 'ike-auth/logon-failed', 'ike-auth/no-authority']);
  });
  it('a query of up to 2 000 characters is read; a longer one is not', () => {
    const q = `No response from peer\n${'x'.repeat(1978)}`;
    expect(q.length).toBe(2000);
    expect(pairs(q)).toEqual([['ike-main-mode/no-response', 'IPsec の失敗を示す記録です。 (イベント 547: ピアから応答がありません)']]);
    expect(pairs(`${q}x`)).toEqual([]);
  });
});

describe('bestMatches: part of a message', () => {
  it('case does not matter ("RESPONSE FROM")', () => {
    expect(pairs('RESPONSE FROM')).toEqual([['ike-main-mode/no-response', 'メッセージ「No response from peer」の一部']]);
  });
  it('spaces do not matter ("IKEセキュリティ属性" is part of "IKE セキュリティ属性は…")', () => {
    expect(pairs('IKEセキュリティ属性')).toEqual([['ike-main-mode/attributes-unacceptable', 'メッセージ「IKE セキュリティ属性は受け付けられません」の一部']]);
  });
  it('a placeholder (%2, and %10 alike) is no part of the message: the words either side are one fragment; the reason quotes 40 characters', () => {
    const hash = [['ipsec-driver/hash-auth-failure', 'メッセージ「Failed to authenticate the hash for %2 p」の一部']];
    expect(pairs('hash for packet(s) received')).toEqual(hash);
    expect(pairs('the hash for %10 packet(s) received')).toEqual(hash);
  });
  it('English words match whole words: "ping" is not in "stopping", "IPsec" not in "IP Security"; case and spacing still do not matter', () => {
    expect(pairs('ping')).toEqual([]);
    expect(pairs('IPsec').map(([id]) => id)).not.toContain('console/ping-negotiating');
    expect(pairs('negotiation   TIMED out').map(([id]) => id)).toEqual(['ike-main-mode/negotiation-timed-out']);
  });
  it('a Japanese placeholder (<個数>) is no part of the message either', () => {
    expect(pairs('パケットを個受信')).toEqual([['ipsec-driver/bad-spi', 'メッセージ「<IP アドレス> から不正なセキュリティ パラメータ インデックスの付いたパケ」の一部']]);
  });
  it('the other wordings of a message (variants) are searched: "PAStore Engine" is the Vista name of the policy agent', () => {
    expect(pairs('PAStore Engine')).toEqual([
      ['modern-services/pastore', 'メッセージ「PAStore Engine failed to add quick mode 」の一部'],
      ['pastore/directory-apply', 'メッセージ「PAStore Engine は Active Directory 記憶域 IP」の一部'],
      ['pastore/persistent-apply', 'メッセージ「PAStore Engine は固定記憶域 IPSec ポリシー ""<ポリシー」の一部'],
    ]);
  });
  it('a fragment that ends or begins with a number is still a fragment ("フェーズ 2", "2 のオファー数が 0 です")', () => {
    const offers = [['policy-agent-2000/offers', 'メッセージ「フェーズ 2 のオファー数が 0 です。 ネゴシエーション ポリシーを破棄します」の一部']];
    expect(pairs('フェーズ 2')).toEqual(offers);
    expect(pairs('2 のオファー数が 0 です')).toEqual(offers);
  });
  it('a bare number is never looked for inside message text ("10" is in the sample address 192.168.0.10)', () => {
    expect(pairs('10')).toEqual([]);
  });
  it('at most `limit` pages, best cover first (3 unless asked)', () => {
    expect(pairs('ネゴシエーション')).toEqual([
      ['ike-main-mode/event-547', 'メッセージ「IKE ネゴシエーションの失敗」の一部'],
      ['ike-main-mode/negotiation-timed-out', 'メッセージ「ネゴシエーションがタイムアウトしました」の一部'],
      ['policy-agent-2000/offers', 'メッセージ「フェーズ 2 のオファー数が 0 です。 ネゴシエーション ポリシーを破棄します」の一部'],
    ]);
  });
});
