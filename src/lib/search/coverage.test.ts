import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Catalogue } from '../catalogue/types.ts';
import { codeToken, uncovered } from './coverage.ts';
import type { SmartHit } from './smart-search.ts';

const catalogue = JSON.parse(readFileSync('src/generated/catalogue.json', 'utf8')) as Catalogue;
const hit = (url: string, kind: SmartHit['kind'], pinned?: SmartHit['pinned']): SmartHit => ({ url, title: url, matched: ['x'], score: 1, kind, pinned });

describe('codeToken', () => {
  it('reads the one code a short query is about', () => {
    expect(codeToken('error 786')).toBe('786');
    expect(codeToken('エラー 786')).toBe('786');
    expect(codeToken('0x800706BA')).toBe('0x800706BA');
    expect(codeToken('イベント ID 4656')).toBe('4656');
    expect(codeToken('ERROR_IPSEC_IKE_AUTH_FAIL')).toBe('ERROR_IPSEC_IKE_AUTH_FAIL');
    expect(codeToken('Windows 2000 のポリシー')).toBeUndefined();
  });
});

describe('uncovered (when nothing covers the query)', () => {
  it('is silent under a pinned result', () => {
    expect(uncovered('error 789', [hit('/vpn/error-789/', 'playbook', 'catalogue')], catalogue)).toBeNull();
    expect(uncovered('なりすまし', [hit('/guides/social-engineering/', 'guide', 'synonym')], catalogue)).toBeNull();
  });

  it('says so for a code no page explains, even when pages mention it, and names the nearest family', () => {
    // 13850 (no main mode policy) has no page; the nearest IKE codes with pages are the IKE info messages
    const u = uncovered('error 13850', [hit('/authoring/guide/', 'authoring'), hit('/reference/error-codes/', 'reference')], catalogue);
    expect(u?.query).toBe('error 13850');
    expect(u?.known).toBe('13850 (0x0000361A) ERROR_IPSEC_IKE_NO_MM_POLICY: There is no available Main Mode IKE policy.');
    expect(u?.family?.dir).toBe('ike-info');
    expect(u?.family?.pages[0].url).toMatch(/^\/ike-info\//);
    expect(u?.family?.pages.length).toBeLessThanOrEqual(3);
    // an event ID no page explains: the nearest events
    expect(uncovered('4656', [], catalogue)?.family?.dir).toBe('modern-ike');
  });

  it('is silent for a RAS code, which the RasClient events page explains as a group', () => {
    expect(uncovered('error 786', [hit('/vpn/rasclient-events/', 'playbook', 'catalogue')], catalogue)).toBeNull();
  });

  it('keeps the base path in the family links, and gives a WFP code by its hex value', () => {
    expect(uncovered('error 13850', [], catalogue, '/kb/')?.family?.pages[0].url).toMatch(/^\/kb\/ike-info\//);
    expect(uncovered('0x80320001', [], catalogue)?.known).toBe('0x80320001 FWP_E_CALLOUT_NOT_FOUND: The callout does not exist.');
  });

  it('offers no family when no page has a number near it', () => {
    const u = uncovered('0x80320001', [], catalogue);
    expect(u?.query).toBe('0x80320001');
    expect(u?.family).toBeUndefined();
  });

  it('says so for words only authoring or reference pages contain, not for words a playbook or guide contains', () => {
    expect(uncovered('フロントマター', [hit('/authoring/guide/', 'authoring'), hit('/reference/glossary/', 'reference')], catalogue)?.query).toBe('フロントマター');
    expect(uncovered('証明書', [hit('/reference/glossary/', 'reference'), hit('/ike-auth/no-certificate/', 'playbook')], catalogue)).toBeNull();
    expect(uncovered('証明書', [hit('/guides/ike-testing/', 'guide')], catalogue)).toBeNull();
  });
});
