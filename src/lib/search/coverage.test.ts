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
    // 786 is a RAS code (certificate for L2TP) with no page: the nearest RAS pages are the VPN family
    const u = uncovered('error 786', [hit('/authoring/guide/', 'authoring'), hit('/vpn/error-788/', 'playbook')], catalogue);
    expect(u?.query).toBe('error 786');
    expect(u?.known).toMatch(/^786 \(0x00000312\)/);
    expect(u?.family?.dir).toBe('vpn');
    expect(u?.family?.pages[0].url).toBe('/vpn/error-788/');
    expect(u?.family?.pages.length).toBeLessThanOrEqual(3);
  });

  it('keeps the base path in the family links', () => {
    expect(uncovered('error 786', [], catalogue, '/kb/')?.family?.pages[0].url).toBe('/kb/vpn/error-788/');
  });

  it('offers no family when no page has a number near it', () => {
    const u = uncovered('0x80004005', [], catalogue);
    expect(u).not.toBeNull();
    expect(u?.family).toBeUndefined();
  });

  it('says so for words only authoring or reference pages contain, not for words a playbook or guide contains', () => {
    expect(uncovered('フロントマター', [hit('/authoring/guide/', 'authoring'), hit('/reference/glossary/', 'reference')], catalogue)?.query).toBe('フロントマター');
    expect(uncovered('証明書', [hit('/reference/glossary/', 'reference'), hit('/ike-auth/no-certificate/', 'playbook')], catalogue)).toBeNull();
    expect(uncovered('証明書', [hit('/guides/ike-testing/', 'guide')], catalogue)).toBeNull();
  });
});
