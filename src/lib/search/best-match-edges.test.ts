// bestMatches edges over the fixed test catalogue: query trimming and length, the order of pages on one event ID,
// how fragments are folded (lower case, placeholders), and when English words must be whole words at both ends.
import { describe, expect, it } from 'vitest';
import { testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { bestMatches } from './best-match.ts';

const cat = testCatalogue();
const pairs = (q: string, limit = 20) => bestMatches(cat, q, limit).map((m) => [m.id, m.why]);
const NO_RESPONSE = [['ike-main-mode/no-response', 'メッセージ「No response from peer」の一部']];

describe('bestMatches: the query is trimmed before it is read', () => {
  it('a 3–4 digit event ID with spaces around it is still read as the event ID', () => {
    expect(pairs(' 4268 ')).toEqual([['ipsec-driver/bad-spi', 'イベント 4268']]);
  });
  it('trailing spaces do not count toward the 2000-character limit', () => {
    expect(pairs('タイムアウト' + ' '.repeat(1995))).toEqual([['ike-main-mode/negotiation-timed-out', 'メッセージ「ネゴシエーションがタイムアウトしました」の一部']]);
  });
});

describe('bestMatches: several pages on one event ID', () => {
  it('the event page comes first, even before a topic page with fewer signatures (541: event-541 then soft-sa)', () => {
    expect(pairs('541')).toEqual([
      ['ike-success/event-541', 'イベント 541'],
      ['ike-success/soft-sa', 'イベント 541'],
    ]);
  });
});

describe('bestMatches: short and numeric fragments', () => {
  it('a single character is too short to be a fragment of a message', () => {
    expect(pairs('の')).toEqual([]);
    expect(pairs('鍵')).toEqual([]);
  });
});

describe('bestMatches: folding of fragments', () => {
  it('Latin letters fold to lower case: a dotless ı is not i, so "ıke" names nothing', () => {
    expect(pairs('ıke')).toEqual([]);
  });
  it('an English fragment matches whatever its case ("RESPONSE FROM")', () => {
    expect(pairs('RESPONSE FROM')).toEqual(NO_RESPONSE);
  });
  it('a placeholder copied at the end of an English fragment is no word ("response from peer\\n")', () => {
    expect(pairs('response from peer\\n')).toEqual(NO_RESPONSE);
  });
  it('a literal \\n in a message separates words: "payload Initiator" spans it', () => {
    expect(pairs('payload Initiator')).toEqual([
      ['ike-quick-mode/no-policy-configured', 'メッセージ「No policy configured | Processed third (」の一部'],
      ['ike-main-mode/negotiation-timed-out', 'メッセージ「Negotiation timed out | Processed second」の一部'],
      ['ike-auth/target-unknown', 'メッセージ「The specified target is unknown or unrea」の一部'],
    ]);
  });
  it('an English word inside a placeholder (<IP アドレス>) is not a word of the message: "IP" does not find the bad-SPI page', () => {
    expect(bestMatches(cat, 'IP', 20).map((m) => m.id)).toEqual([
      'console/ping-negotiating',
      'policy-agent-2000/interface-list',
      'policy-agent-2000/agent-start-failed',
      'policy-agent-2000/driver-start',
      'ike-info/dos-prevention',
    ]);
  });
});

describe('bestMatches: whole English words', () => {
  it('an English fragment must end at a word boundary: "negotiat" is not "negotiation"', () => {
    expect(pairs('negotiat')).toEqual([]);
  });
  it('a query that starts in Japanese is not held to whole words, even when it ends in English ("との oak")', () => {
    expect(pairs('との oak')).toEqual([['ike-quick-mode/no-filter', 'メッセージ「IPSec ドライバとの oakley ネゴシエーションに失敗しました。・・・フ」の一部']]);
  });
});
