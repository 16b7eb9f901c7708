import { describe, expect, it } from 'vitest';
import { searchSegments } from './index.ts';

describe('searchSegments', () => {
  it('NFKC-normalises, splits on lines, 。, colons and sentence ends, drops noise', () => {
    const s = searchSegments('Event ID: 547\nFailure Reason:\nＮｏ response from peer\n192.168.0.10\n0x000035E9 13801\nピアから応答がありません。このエラーは一時的なものです。\n----\n7/21/2005 10:05:04 AM');
    expect(s).toContain('No response from peer');
    expect(s).toContain('ピアから応答がありません');
    expect(s).toContain('このエラーは一時的なものです');
    expect(s).not.toContain('Event ID');
    expect(s).not.toContain('192.168.0.10');
    expect(s.some((x) => x.includes('13801'))).toBe(false);
    expect(s.every((x) => x.length <= 160)).toBe(true);
  });
  it('keeps paths and times together and dedupes', () => {
    const s = searchSegments('C:\\WINDOWS\\system32 at 10:05\nNo response from peer\nno response from peer');
    expect(s.filter((x) => x.toLowerCase() === 'no response from peer').length).toBe(1);
    expect(s.some((x) => x.includes('C:\\WINDOWS'))).toBe(true);
  });
  it('never throws and bounds its output', () => {
    expect(searchSegments('')).toEqual([]);
    expect(searchSegments(undefined as unknown as string)).toEqual([]);
    expect(searchSegments('word. '.repeat(10000)).length).toBeLessThanOrEqual(30);
  });
});
