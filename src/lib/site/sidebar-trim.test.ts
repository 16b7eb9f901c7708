import { describe, expect, it } from 'vitest';
import type { TrimEntry, TrimGroup, TrimLink } from './sidebar-trim.ts';
import { trimSidebar } from './sidebar-trim.ts';

const link = (label: string, href: string, isCurrent = false): TrimLink => ({ type: 'link', label, href, isCurrent, badge: undefined, attrs: {} });
const group = (label: string, entries: TrimEntry[]): TrimGroup => ({ type: 'group', label, entries, collapsed: true, badge: undefined });

describe('trimSidebar', () => {
  const sidebar = (current: string): TrimEntry[] => [
    group('はじめに', [link('ティア 1', '/start/tier1/', current === '/start/tier1/')]),
    group('IKE メイン モード', [link('547', '/ike-main-mode/event-547/', current === '/ike-main-mode/event-547/'), link('応答なし', '/ike-main-mode/no-response/', current === '/ike-main-mode/no-response/')]),
    group('IPsec VPN', [link('809', '/vpn/error-809/', current === '/vpn/error-809/'), group('内側', [link('789', '/vpn/error-789/', current === '/vpn/error-789/')])]),
  ];
  it('keeps the current family in full and turns the others into one link to their first page', () => {
    const out = trimSidebar(sidebar('/vpn/error-789/'));
    expect(out[1]).toEqual(link('IKE メイン モード (2)', '/ike-main-mode/event-547/'));
    expect(out[2].type).toBe('group');
    expect((out[2] as TrimGroup).entries).toHaveLength(2);
  });
  it('keeps the always-open groups', () => {
    const out = trimSidebar(sidebar('/vpn/error-809/'));
    expect(out[0].type).toBe('group');
  });
  it('counts nested pages in the family link', () => {
    const out = trimSidebar(sidebar('/ike-main-mode/no-response/'));
    expect(out[2]).toEqual(link('IPsec VPN (2)', '/vpn/error-809/'));
  });
});
