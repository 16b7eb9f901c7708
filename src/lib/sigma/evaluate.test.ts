import { describe, expect, it } from 'vitest';
import { correlate, matches, SigmaSubsetError, timespanMs } from './evaluate.ts';
import type { SigmaCorrelationRule, SigmaDetectionRule } from './types.ts';

const base: Omit<SigmaDetectionRule, 'detection' | 'logsource'> = {
  title: 't', id: '00000000-0000-5000-8000-000000000000', name: 'r', status: 'experimental', description: '', references: [], author: '', date: '2026-12-04', tags: [], falsepositives: [], level: 'low',
};
const rule4653: SigmaDetectionRule = {
  ...base,
  name: 'mm',
  logsource: { product: 'windows', service: 'security' },
  detection: { selection: { EventID: 4653, Provider_Name: 'Microsoft-Windows-Security-Auditing', 'FailureReason|contains': ['No policy configured', 'ポリシーが構成されていません'] }, condition: 'selection' },
};
const ev = { Channel: 'Security', EventID: 4653, Provider_Name: 'Microsoft-Windows-Security-Auditing', FailureReason: 'No policy configured', RemoteAddress: '192.168.0.20', Computer: 'c1' };

describe('matches', () => {
  it('needs channel, ID, provider and reason together', () => {
    expect(matches(rule4653, ev)).toBe(true);
    expect(matches(rule4653, { ...ev, Channel: 'Application' })).toBe(false);
    expect(matches(rule4653, { ...ev, EventID: 4654 })).toBe(false);
    expect(matches(rule4653, { ...ev, Provider_Name: 'MSExchangeMTA' })).toBe(false);
    expect(matches(rule4653, { ...ev, FailureReason: 'Negotiation timed out' })).toBe(false);
    expect(matches(rule4653, { ...ev, FailureReason: undefined })).toBe(false);
  });
  it('compares text case-insensitively and numbers by their text, as Sigma does', () => {
    expect(matches(rule4653, { ...ev, EventID: '4653', FailureReason: 'NO POLICY CONFIGURED' })).toBe(true);
    expect(matches(rule4653, { ...ev, provider: 'x', Provider_Name: 'microsoft-windows-security-auditing' })).toBe(true);
  });
  it('keywords match inside any field, and conditions combine with and / or / not', () => {
    const r: SigmaDetectionRule = { ...base, logsource: { product: 'windows', service: 'system' }, detection: { selection: { EventID: 4284, Provider_Name: ['IPSEC', 'IPSec'] }, keywords: ['in the clear'], condition: 'selection and not (keywords)' } };
    const e = { Channel: 'System', EventID: 4284, Provider_Name: 'IPSec', Message: 'Received 2 packet(s) in the clear from 10.0.0.1' };
    expect(matches(r, e)).toBe(false);
    expect(matches(r, { ...e, Message: 'other' })).toBe(true);
    expect(matches({ ...r, detection: { ...r.detection, condition: 'keywords or selection' } }, { ...e, EventID: 1 })).toBe(true);
  });
  it('throws on what it does not implement instead of guessing', () => {
    expect(() => matches({ ...rule4653, detection: { ...rule4653.detection, condition: '1 of selection*' } }, ev)).toThrow(SigmaSubsetError);
    expect(() => matches({ ...rule4653, detection: { selection: { 'FailureReason|re': 'x' }, condition: 'selection' } }, ev)).toThrow(SigmaSubsetError);
    expect(() => matches({ ...rule4653, detection: { ...rule4653.detection, condition: 'selection and other' } }, ev)).toThrow(SigmaSubsetError);
  });
});

describe('correlate (event_count)', () => {
  const corr: SigmaCorrelationRule = {
    title: 'many', id: base.id, name: 'mr_x', status: 'experimental', description: '', references: [], author: '', date: base.date, falsepositives: [], level: 'medium', generate: true,
    correlation: { type: 'event_count', rules: ['mm'], 'group-by': ['Computer', 'RemoteAddress'], timespan: '10m', condition: { gte: 10 } },
  };
  const rules = new Map([['mm', rule4653]]);
  const at = (min: number, over: Partial<typeof ev> = {}) => ({ ...ev, ...over, time: min * 60_000 });
  it('fires for 10 failures to one peer inside 10 minutes, per computer and peer', () => {
    const events = [...Array.from({ length: 10 }, (_, i) => at(i)), ...Array.from({ length: 9 }, (_, i) => at(i, { RemoteAddress: '192.168.0.30' }))];
    expect(correlate(corr, rules, events)).toEqual(['c1|192.168.0.20']);
  });
  it('does not fire when the same 10 are spread over more than 10 minutes, or do not match the rule', () => {
    expect(correlate(corr, rules, Array.from({ length: 10 }, (_, i) => at(i * 2)))).toEqual([]);
    expect(correlate(corr, rules, Array.from({ length: 10 }, (_, i) => at(i, { FailureReason: 'Negotiation timed out' })))).toEqual([]);
  });
  it('reads timespans', () => {
    expect(timespanMs('10m')).toBe(600_000);
    expect(timespanMs('1h')).toBe(3_600_000);
    expect(() => timespanMs('1w')).toThrow(SigmaSubsetError);
  });
});
