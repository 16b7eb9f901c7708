/**
 * Search relevance against the built Pagefind index: each query must put its page first.
 * Queries are what tier 1 types or pastes: whole messages, sub-words, messages without
 * spaces, full-width letters, English, event IDs, and error codes in every spelling.
 * They run through smartSearch, the same step the site's search box uses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPagefind } from '../support/pagefind.ts';
import { readFileSync } from 'node:fs';
import { smartSearch, type PagefindLike } from '../../src/lib/search/smart-search.ts';
import type { Catalogue } from '../../src/lib/catalogue/types.ts';

let pf: PagefindLike;
const catalogue = JSON.parse(readFileSync('src/generated/catalogue.json', 'utf8')) as Catalogue;
beforeAll(async () => {
  pf = await loadPagefind();
});

const CASES: [query: string, firstUrl: string, why: string][] = [
  ['ピアから応答がありません', '/ike-main-mode/no-response/', 'full Japanese message'],
  ['ピアから応答', '/ike-main-mode/no-response/', 'partial message'],
  ['応答', '/ike-main-mode/no-response/', 'sub-word 応答'],
  ['ネゴシエーションがタイムアウトしました', '/ike-main-mode/negotiation-timed-out/', 'full Japanese message'],
  ['タイムアウト', '/ike-main-mode/negotiation-timed-out/', 'sub-word タイムアウト'],
  ['IKEセキュリティ属性は受け付けられません', '/ike-main-mode/attributes-unacceptable/', 'message with spaces removed'],
  ['ＩＫＥ セキュリティ属性は受け付けられません', '/ike-main-mode/attributes-unacceptable/', 'full-width letters'],
  ['No response from peer', '/ike-main-mode/no-response/', 'English message'],
  ['Failed to authenticate the hash', '/ipsec-driver/hash-auth-failure/', 'English driver message'],
  ['4285', '/ipsec-driver/hash-auth-failure/', 'event ID'],
  ['4284', '/ipsec-driver/clear-text/', 'event ID'],
  ['4268', '/ipsec-driver/bad-spi/', "the chapter's number for the bad-SPI event"],
  ['4283', '/ipsec-driver/bad-spi/', 'the message-table number for the bad-SPI event'],
  ['13801', '/ike-auth/credentials-unacceptable/', 'error code, decimal'],
  ['0x35E9', '/ike-auth/credentials-unacceptable/', 'error code, short hex'],
  ['0x000035E9', '/ike-auth/credentials-unacceptable/', 'error code, 8-digit hex'],
  ['ERROR_IPSEC_IKE_AUTH_FAIL', '/ike-auth/credentials-unacceptable/', 'error code, symbolic name'],
  ['0x800735E9', '/ike-auth/credentials-unacceptable/', 'error code, HRESULT'],
  ['PAStore Engine はローカル記憶域 IPSec ポリシー', '/pastore/local-load/', 'PAStore local load message'],
  // today's Windows: Vista+ audits, services, WFP and IPsec VPN
  ['4653', '/modern-ike/event-4653/', 'Vista+ main mode failure, event ID'],
  ['4654', '/modern-ike/event-4654/', 'Vista+ quick mode failure, event ID'],
  ['4963', '/modern-driver/clear-text/', 'Vista+ clear-text drop, event ID'],
  ['4965', '/modern-driver/bad-spi/', 'Vista+ bad SPI, event ID'],
  ['5453', '/modern-services/ikeext-not-started/', 'IKEEXT not started, event ID'],
  ['20227', '/vpn/rasclient-events/', 'RasClient failure, event ID'],
  ['809', '/vpn/error-809/', 'RAS code, decimal'],
  ['error 789', '/vpn/error-789/', 'RAS code as a caller reads it'],
  ['エラー 809', '/vpn/error-809/', 'RAS code in Japanese'],
  ['0x00000329', '/vpn/error-809/', 'RAS code, hex'],
  ['ERROR_VPN_TIMEOUT', '/vpn/error-809/', 'RAS code, symbolic name'],
  ['Policy match error', '/modern-ike/reason-policy-match/', 'Vista+ failure reason, English'],
  ['An IPsec Main Mode negotiation failed.', '/modern-ike/event-4653/', 'Vista+ event title, English'],
  ['The network connection between your computer and the VPN server could not be established', '/vpn/error-809/', 'VPN dialog wording, English'],
];

describe('search relevance (built index)', () => {
  it.each(CASES)('%s → %s (%s)', async (query, firstUrl) => {
    const hits = await smartSearch(pf, query, 10, catalogue);
    expect(hits.length, `no result for ${query}`).toBeGreaterThan(0);
    expect(hits[0].url).toBe(firstUrl);
  });

  it('finds event 547 pages by the bare ID', async () => {
    const hits = await smartSearch(pf, '547', 10, catalogue);
    expect(hits.map((h) => h.url)).toContain('/ike-main-mode/event-547/');
    expect(hits[0].url.startsWith('/ike-')).toBe(true);
  });

  it('ranks the explaining playbook first from the index alone (no catalogue) for whole messages and codes', async () => {
    const indexOnly: [string, string][] = [
      ['ピアから応答がありません', '/ike-main-mode/no-response/'],
      ['No response from peer', '/ike-main-mode/no-response/'],
      // two pages explain 13801 (domain isolation and VPN): from the index alone either may come first
      ['13801', '/ike-auth/credentials-unacceptable/|/vpn/error-13801/'],
      ['ERROR_IPSEC_IKE_AUTH_FAIL', '/ike-auth/credentials-unacceptable/|/vpn/error-13801/'],
      ['4283', '/ipsec-driver/bad-spi/'],
    ];
    for (const [q, url] of indexOnly) expect(url.split('|'), q).toContain((await smartSearch(pf, q))[0]?.url);
  });

  it('a whole pasted 547 event finds the failure-reason playbook among the first three', async () => {
    const paste = [
      'IKE security association negotiation failed.',
      'Mode:',
      'Key Exchange Mode (Main Mode)',
      'Failure Point:',
      'Me',
      'Failure Reason:',
      'No response from peer',
    ].join('\n');
    const hits = await smartSearch(pf, paste, 10, catalogue);
    expect(hits.slice(0, 3).map((h) => h.url)).toContain('/ike-main-mode/no-response/');
  });
});
