/**
 * 547 failure reason -> playbook (resolveReason in events.ts): each scoring rule on its own. "No policy
 * configured" belongs to two pages: the main-mode one (plain reason) and the quick-mode one (reason + the
 * "Processed third (ID) payload" extra status). Every case below fails when one rule alone breaks.
 */
import { describe, expect, it } from 'vitest';
import { testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decode } from './index.ts';

const cat = testCatalogue();
const MAIN = 'Key Exchange Mode (Main Mode)';
const QUICK = 'Data Protection Mode (Quick Mode)';
const THIRD_ID = 'Processed third (ID) payload\nInitiator.  Delta Time 0';

/** A Windows Server 2003 547 as the event dialog copies it; mode and extra status optional. */
function event547(mode: string | null, reason: string, extra: string | null, time = '10:05:04 AM'): string {
  return [
    'Event Type:\tFailure Audit',
    'Event Source:\tSecurity',
    'Event Category:\tLogon/Logoff',
    'Event ID:\t547',
    'Date:\t\t7/21/2005',
    `Time:\t\t${time}`,
    'User:\t\tNT AUTHORITY\\NETWORK SERVICE',
    'Computer:\tSERVER1',
    'Description:',
    'IKE security association negotiation failed.',
    ...(mode ? [' Mode: ', mode, ''] : []),
    ' Failure Point: ',
    'Me',
    '',
    ' Failure Reason: ',
    reason,
    '',
    ...(extra ? [' Extra Status: ', extra, ''] : []),
    '',
  ].join('\n');
}

const route = (text: string) => decode(text, cat).findings.map((f) => ({ id: f.playbook?.id, alts: (f.alternatives ?? []).map((a) => a.id) }));

describe('547 reason -> playbook', () => {
  it('mode bonus alone: quick mode without the quick page\'s extra status still picks the quick-mode page', () => {
    expect(route(event547(QUICK, 'No policy configured', null))).toEqual([{ id: 'ike-quick-mode/no-policy-configured', alts: ['ike-main-mode/no-policy-configured'] }]);
  });
  it('mode bonus alone: main mode picks the main-mode page and drops the quick page (score 3 vs 0)', () => {
    expect(route(event547(MAIN, 'No policy configured', null))).toEqual([{ id: 'ike-main-mode/no-policy-configured', alts: [] }]);
  });
  it('extra-status match alone: no mode line, the quick page\'s extra status picks the quick page', () => {
    expect(route(event547(null, 'No policy configured', THIRD_ID))).toEqual([{ id: 'ike-quick-mode/no-policy-configured', alts: [] }]);
  });
  it('an extra status that is not the quick page\'s does not count as a match', () => {
    expect(route(event547(null, 'No policy configured', 'Sent first (SA) payload\nInitiator.  Delta Time 0'))).toEqual([{ id: 'ike-main-mode/no-policy-configured', alts: ['ike-quick-mode/no-policy-configured'] }]);
  });
  it('neither mode nor extra status: the plain reason\'s page, the other as an alternative', () => {
    expect(route(event547(null, 'No policy configured', null))).toEqual([{ id: 'ike-main-mode/no-policy-configured', alts: ['ike-quick-mode/no-policy-configured'] }]);
  });
  it('the memo key includes the mode: main then quick in one paste give two pages', () => {
    const text = event547(MAIN, 'No policy configured', null) + '\n' + event547(QUICK, 'No policy configured', null, '10:06:00 AM');
    expect(route(text).map((r) => r.id)).toEqual(['ike-main-mode/no-policy-configured', 'ike-quick-mode/no-policy-configured']);
  });
  it('the memo key includes the mode: quick then main in one paste give two pages', () => {
    const text = event547(QUICK, 'No policy configured', null) + '\n' + event547(MAIN, 'No policy configured', null, '10:06:00 AM');
    expect(route(text).map((r) => r.id)).toEqual(['ike-quick-mode/no-policy-configured', 'ike-main-mode/no-policy-configured']);
  });
  it('the memo key includes the extra status: the same reason with and without the quick page\'s extra status', () => {
    const text = event547(null, 'No policy configured', null) + '\n' + event547(null, 'No policy configured', THIRD_ID, '10:06:00 AM');
    expect(route(text).map((r) => r.id)).toEqual(['ike-main-mode/no-policy-configured', 'ike-quick-mode/no-policy-configured']);
  });
});
