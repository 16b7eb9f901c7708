import { describe, expect, it } from 'vitest';
import { FOLD, SKIP, findIPv4, fold, indexIn, indexLines, isIPv4, isNeutralAddress, lineOf, looseKey, stripPrefix, utf8CutIndex, utf8Length } from './text.ts';

describe('text helpers', () => {
  it('folds case, full-width ASCII and skips white space and quotes', () => {
    expect(fold('ＩＫＥ  Security\t"x"')).toBe('ikesecurityx');
    expect(FOLD[0x3000]).toBe(SKIP);
    expect(fold('－')).toBe('-');
  });
  it('looseKey ignores punctuation, spacing and digit values', () => {
    expect(looseKey('ネゴシエーションがタイムアウトしました。')).toBe(looseKey('ネゴシエーションがタイムアウトしました'));
    expect(looseKey('Delta Time 63')).toBe(looseKey('Delta Time 0'));
    expect(looseKey('Processed first (SA) payload / Responder.  Delta Time 63')).toBe(looseKey('Processed first (SA) payload\nResponder. Delta Time 1'));
  });
  it('indexes lines with CRLF and finds the line of an offset', () => {
    const t = 'a\r\nbb\r\n\r\nccc';
    const li = indexLines(t);
    expect(li.count).toBe(4);
    expect(t.slice(li.starts[1], li.ends[1])).toBe('bb');
    expect(t.slice(li.starts[3], li.ends[3])).toBe('ccc');
    expect(lineOf(li, t.indexOf('ccc') + 1)).toBe(3);
    expect(indexLines('x\n').count).toBe(1);
    expect(indexLines('').count).toBe(1);
  });
  it('strips quote marks and command prompts', () => {
    const t = '> > Event ID: 547';
    expect(t.slice(stripPrefix(t, 0, t.length).start)).toBe('Event ID: 547');
    const p = 'C:\\Documents and Settings\\user>ping server1';
    const r = stripPrefix(p, 0, p.length);
    expect(r.prompt).toBe(true);
    expect(p.slice(r.start)).toBe('ping server1');
    const ps = 'PS C:\\> netsh ipsec dynamic show stats';
    expect(ps.slice(stripPrefix(ps, 0, ps.length).start)).toBe('netsh ipsec dynamic show stats');
    const plain = 'Mode: Main';
    expect(stripPrefix(plain, 0, plain.length)).toEqual({ start: 0, prompt: false });
  });
  it('measures and cuts UTF-8 without splitting characters', () => {
    expect(utf8Length('aé日😀')).toBe(1 + 2 + 3 + 4);
    const s = 'ab日本';
    expect(utf8CutIndex(s, 100)).toBe(-1);
    expect(utf8CutIndex('a'.repeat(10) + '日本語', 11)).toBe(10);
    const emoji = 'x'.repeat(30) + '😀😀';
    const at = utf8CutIndex(emoji, 32);
    expect(at).toBe(30);
  });
  it('recognises addresses', () => {
    expect(isIPv4('192.168.0.10')).toBe(true);
    expect(isIPv4('192.168.0.256')).toBe(false);
    expect(isIPv4('1.2.3')).toBe(false);
    expect(isNeutralAddress('255.255.255.0')).toBe(true);
    expect(isNeutralAddress('0.0.0.0')).toBe(true);
    expect(isNeutralAddress('192.168.0.1')).toBe(false);
    expect(findIPv4('from 192.168.0.20.')).toEqual([5, 17]);
  });
  it('indexIn never finds beyond its bound', () => {
    const t = 'abc\nxyz status:1';
    expect(indexIn(t, 'status', 0, 3)).toBe(-1);
    expect(indexIn(t, 'status', 0, t.length)).toBe(8);
  });
});
