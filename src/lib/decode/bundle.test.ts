import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, fixture, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { classifyFile, decodeBundle, formatBundleText, redactBundle } from './index.ts';

const cat = testCatalogue();
const files = readdirSync(join(FIXTURE_DIR, 'bundle')).map((name) => ({ name, text: fixture(join('bundle', name)) }));

describe('IPsec_Debug.vbs bundle', () => {
  it('classifies table 7.3 file names', () => {
    expect(classifyFile('SRV01_ipsec_547_events.txt')).toMatchObject({ computer: 'SRV01', kind: { hint: 'events' } });
    expect(classifyFile('C:\\logs\\SRV01_oakley.log')).toMatchObject({ computer: 'SRV01', kind: { hint: 'oakley' } });
    expect(classifyFile('SRV01_DC1_ping.txt')).toMatchObject({ computer: 'SRV01', kind: { hint: 'ping' } });
    expect(classifyFile('srv01_RegDefault.txt').kind?.hint).toBe('registry');
    expect(classifyFile('notes.txt').kind).toBeUndefined();
  });
  it('one triage report: per file findings, merged summary, what to look at first', () => {
    const b = decodeBundle(files, cat);
    expect(b.files.length).toBe(files.length);
    expect(b.files.every((f) => f.computer === 'CLIENT1')).toBe(true);
    const ev = b.files.find((f) => f.name.endsWith('_ipsec_547_events.txt'))!;
    expect(ev.report.findings.some((f) => f.eventId === 547)).toBe(true);
    const oak = b.files.find((f) => f.name.endsWith('_oakley.log'))!;
    expect(oak.report.input.format).toBe('oakley-log');
    expect(b.summary.some((g) => g.title.startsWith('CLIENT1: 547'))).toBe(true);
    expect(b.firstLook.length).toBeGreaterThan(0);
    expect(b.firstLook[0]).toContain('547');
    expect(b.missing).toEqual([]);
  });
  it('lists missing table 7.3 files and survives junk', () => {
    const b = decodeBundle([{ name: 'X_oakley.log', text: '\u0000\uffff' }, null as never], cat);
    expect(b.missing).toContain('<コンピュータ名>_ipsec_547_events.txt');
    expect(b.files.length).toBe(2);
  });
  it('redacted bundle text hides the computer name in file names too', () => {
    const t = formatBundleText(decodeBundle(files, cat), { redact: true });
    expect(t).not.toContain('CLIENT1');
    expect(t).not.toContain('192.168.0.');
    expect(formatBundleText(decodeBundle(files, cat), { markdown: true })).toContain('### ');
    const json = JSON.stringify(redactBundle(decodeBundle(files, cat)));
    expect(json).not.toContain('CLIENT1');
    expect(json).not.toContain('192.168.0.2');
  });
});
