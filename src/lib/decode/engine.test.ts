/** The engine: limits, notices, progress, cancellation, unrecognised text, never throwing. */
import { describe, expect, it } from 'vitest';
import { fixture, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decode } from './index.ts';

const cat = testCatalogue();

describe('engine', () => {
  it('cuts input over maxBytes with a clear notice', () => {
    const text = fixture('event-547-dialog-en.txt').repeat(50);
    const r = decode(text, cat, { maxBytes: 4000 });
    expect(r.input.cutAt).toBe(4000);
    expect(r.notices.some((n) => n.includes('input cut at 4000 bytes'))).toBe(true);
    expect(r.input.bytes).toBeGreaterThan(4000);
    expect(r.findings.length).toBeGreaterThan(0);
  });
  it('does not split a multi-byte character when cutting', () => {
    const r = decode('日本語'.repeat(100), cat, { maxBytes: 100 });
    expect(r.unrecognised[0].text.length).toBeLessThanOrEqual(34);
    expect(r.unrecognised[0].text.endsWith('\ufffd')).toBe(false);
  });
  it('reports progress and stops when aborted', () => {
    const text = fixture('events-export-tsv.txt').repeat(400);
    const seen: number[] = [];
    decode(text, cat, { onProgress: (d, t) => seen.push(d / t) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((x) => x >= 0 && x <= 1)).toBe(true);
    const signal = { aborted: true };
    const r = decode(text, cat, { signal });
    expect(r.notices.some((n) => n.includes('中断'))).toBe(true);
  });
  it('lists unrecognised text, never silently drops it', () => {
    const r = decode('こんにちは。\n\nこれはただの文章です。\n' + fixture('ping-en.txt') + '\n最後の一言', cat);
    expect(r.unrecognised.map((u) => u.text)).toEqual(['こんにちは。', 'これはただの文章です。', '最後の一言']);
    const t = 'x\ny';
    expect(decode(t, cat).unrecognised).toEqual([{ text: 'x\ny', span: [0, 3] }]);
  });
  it('empty input', () => {
    const r = decode('', cat);
    expect(r.input.format).toBe('empty');
    expect(r.findings).toEqual([]);
    expect(r.unrecognised).toEqual([]);
  });
  it('never throws, even with a broken catalogue or odd arguments', () => {
    expect(() => decode(null as unknown as string, cat)).not.toThrow();
    expect(() => decode('IKE security association negotiation failed.\nFailure Reason: x', {} as never)).not.toThrow();
    expect(() => decode('547', { playbooks: [null], events: [null], errorCodes: [null] } as never)).not.toThrow();
    const r = decode('No response from peer', { playbooks: [], events: [], errorCodes: [], generatedFrom: '' });
    expect(r.unrecognised.length).toBe(1);
  });
  it('scope marks the findings of the page the decoder is on', () => {
    const r = decode(fixture('driver-events.txt'), cat, { scope: 'ipsec-driver/bad-spi' });
    expect(r.findings.filter((f) => f.inScope).map((f) => f.eventId)).toEqual([4283, 4268]);
  });
  it('strips terminal prefixes and reads commands typed after a prompt', () => {
    const r = decode('PS C:\\> sc query policyagent\n\nSERVICE_NAME: policyagent\n        STATE              : 1  STOPPED\n', cat);
    expect(r.findings[0].title).toContain('STOPPED');
    expect(r.unrecognised).toEqual([]);
  });
  it('what to look at first puts failures before information', () => {
    const r = decode(fixture('ping-en.txt') + '\n' + fixture('sc-query.txt'), cat);
    expect(r.firstLook[0]).toContain('STOPPED');
  });
});
