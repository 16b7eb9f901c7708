import { describe, expect, it } from 'vitest';
import { fixture, testCatalogue } from '../../../../test/fixtures/decode/test-catalogue.ts';
import { decode } from '../index.ts';
import type { Finding } from '../types.ts';

const cat = testCatalogue();
const fact = (f: Finding | undefined, n: string) => f?.facts.find((x) => x.name === n)?.value;

describe('key/value event records', () => {
  it('Get-WinEvent | Format-List: provider, ID and the indented message with its failure reason', () => {
    const r = decode(fixture('get-winevent-fl-4653.txt'), cat);
    const f = r.findings.find((x) => x.eventId === 4653);
    expect(f?.source).toBe('Microsoft-Windows-Security-Auditing');
    expect(fact(f, 'reason')).toBe('No response from peer');
    expect(f?.playbook?.id).toBe('ike-main-mode/no-response');
    expect(r.verdict).toBe('ipsec-fault');
  });
  it('Splunk WinEventLog text: SourceName, EventCode and Message=', () => {
    const r = decode(fixture('splunk-4653.txt'), cat);
    const f = r.findings.find((x) => x.eventId === 4653);
    expect(f?.source).toBe('Microsoft-Windows-Security-Auditing');
    expect(fact(f, 'reason')).toBe('IKE authentication credentials are unacceptable');
    expect(f?.playbook?.id).toBe('ike-auth/credentials-unacceptable');
  });
  it('Winlogbeat JSON: winlog.event_id, provider and event_data fields with spans in the input', () => {
    const text = fixture('winlogbeat-4653.json');
    const r = decode(text, cat);
    const f = r.findings.find((x) => x.eventId === 4653);
    expect(f?.source).toBe('Microsoft-Windows-Security-Auditing');
    const reason = f?.facts.find((x) => x.name === 'reason');
    expect(reason?.value).toBe('Policy match error');
    expect(text.slice(reason?.span[0], reason?.span[1])).toBe('Policy match error');
    expect(fact(f, 'remote.address')).toBe('203.0.113.5');
  });
  it('Get-EventLog | Format-List of another product keeps its identity (not IPsec)', () => {
    const text = 'Index              : 1234\nEntryType          : Error\nInstanceId         : 3221226019\nMessage            : The backup operation has failed.\nCategory           : (0)\nSource             : Microsoft-Windows-Backup\nEventID            : 547\nTimeGenerated      : 3/1/2023 1:00:00 AM\n';
    const r = decode(text, cat);
    expect(r.findings[0].kind).toBe('not-ipsec');
    expect(r.findings[0].source).toBe('Microsoft-Windows-Backup');
    expect(r.verdict).toBe('not-ipsec');
  });
  it('two Format-List records are two events', () => {
    const one = fixture('get-winevent-fl-4653.txt');
    const r = decode(`${one}\n\n${one}`, cat);
    expect(r.stats.events).toBe(2);
  });
  it('broken JSON is left as text, never thrown', () => {
    const r = decode('{"winlog":{"event_id":"4653", "provider_name": ', cat);
    expect(r.findings.filter((f) => f.eventId === 4653)).toHaveLength(0);
  });
});
