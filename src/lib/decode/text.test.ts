import { describe, expect, it } from 'vitest';
import { FOLD, SKIP, findIPv4, fold, indexIn, indexLines, isIPv4, isIPv6, isNeutralAddress, lineContents, lineOf, looseKey, prefixStartToEol, stripPrefix, utf8CutIndex, utf8Length } from './text.ts';

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
  it('measures and cuts long strings in chunks exactly like character by character', () => {
    // long inputs go through the encoder in 64 Ki chunks: pairs across a chunk edge, lone surrogates
    const slow = (t: string) => {
      let n = 0;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c < 0x80) n += 1;
        else if (c < 0x800) n += 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          n += 4;
          i++;
        } else n += 3;
      }
      return n;
    };
    const edge = 'a'.repeat(65535) + '😀' + 'é日'.repeat(40000) + '\ud800x' + '\udc00';
    expect(utf8Length(edge)).toBe(slow(edge));
    const big = 'x'.repeat(70000) + '日本語'.repeat(30000);
    expect(utf8Length(big)).toBe(slow(big));
    for (const max of [1000, 65536, 70001, 70002, 150000]) {
      const at = utf8CutIndex(big, max);
      expect(slow(big.slice(0, at))).toBeLessThanOrEqual(max);
      expect(slow(big.slice(0, at + 1))).toBeGreaterThan(max);
    }
    expect(utf8CutIndex(big, slow(big))).toBe(-1);
    expect(utf8CutIndex(edge, 65536)).toBe(65535);
  });
  it('finds line contents in one pass, as stripPrefix and trimming do line by line', () => {
    const t = '  > quoted\n C:\\dir>ping x\n\tplain  \n>>\nPS C:\\> y\r\n';
    const L = indexLines(t);
    const { cs, ce, pr } = lineContents(t, L.starts, L.ends, L.count);
    for (let i = 0; i < L.count; i++) {
      const p = stripPrefix(t, L.starts[i], L.ends[i]);
      expect(t.slice(cs[i], ce[i])).toBe(t.slice(p.start, L.ends[i]).trim());
      expect(pr[i] === 1).toBe(p.prompt);
    }
    // the prefix of the next line without searching for its end first
    expect(prefixStartToEol(t, L.starts[1], t.length)).toBe(stripPrefix(t, L.starts[1], L.ends[1]).start);
  });
  it('recognises IPv6 addresses', () => {
    for (const ok of ['::1', 'fe80::1', '2001:db8:0:0:0:0:0:1', '2001:0db8:0000:0000:0000:ff00:0042:8329', '::ffff:10.0.0.1', '2001:db8::', '::']) expect(isIPv6(ok), ok).toBe(true);
    for (const bad of ['12:30:45', '00:11:22:33:44:55', '1:2:3:4:5:6:7:8:9', '2001::db8::1', 'g::1', 'abc', 'fe80::1%12', '::ffff:300.0.0.1', '12345::1']) expect(isIPv6(bad), bad).toBe(false);
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
