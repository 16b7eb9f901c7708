/**
 * The redactor's character-level recognisers, one by one: where each value starts and ends, and the
 * near-misses that must not count (issue 15: the whole-paste tests let their edges drift unnoticed).
 */
import { describe, expect, it } from 'vitest';
import { hasLetter, isAlnum, isFqdnLike, isHex, isNameChar, isNetbiosLike, ipv6At, macAt, rdnKeyAt, rdnValue, sidAt, thumbprintAt } from './scan.ts';

const code = (ch: string) => ch.charCodeAt(0);
/** The value an end index marks, from the start of the string (or '' for -1). */
const upTo = (s: string, end: number) => (end < 0 ? '' : s.slice(0, end));

describe('character classes', () => {
  it('isHex: 0-9, A-F, a-f and nothing next to them', () => {
    expect([...'09AFaf'].map((c) => isHex(code(c)))).toEqual([true, true, true, true, true, true]);
    expect([...'/:@G`g'].map((c) => isHex(code(c)))).toEqual([false, false, false, false, false, false]);
  });
  it('isAlnum: ASCII letters and digits only', () => {
    expect([...'09AZaz'].map((c) => isAlnum(code(c)))).toEqual([true, true, true, true, true, true]);
    expect([...'/:@[`{'].map((c) => isAlnum(code(c)))).toEqual([false, false, false, false, false, false]);
  });
  it('isNameChar: letters, digits and . - _ $', () => {
    expect([...'aZ5.-_$'].map((c) => isNameChar(code(c)))).toEqual([true, true, true, true, true, true, true]);
    expect([...' /,\\:@'].map((c) => isNameChar(code(c)))).toEqual([false, false, false, false, false, false]);
  });
  it('hasLetter: any ASCII letter, either case', () => {
    expect(hasLetter('123a')).toBe(true);
    expect(hasLetter('Z99')).toBe(true);
    expect(hasLetter('12-3')).toBe(false);
    expect(hasLetter('@[`{')).toBe(false);
    expect(hasLetter('')).toBe(false);
  });
});

describe('isFqdnLike', () => {
  it('dotted names with a letter-only top label', () => {
    expect(isFqdnLike('srv01.corp.example.com')).toBe(true);
    expect(isFqdnLike('a.bc')).toBe(true);
    expect(isFqdnLike('notmicrosoft.com')).toBe(true);
  });
  it('too short, too long, no dot, empty or over-long labels', () => {
    expect(isFqdnLike('a.b')).toBe(false);
    expect(isFqdnLike('abcdef')).toBe(false);
    expect(isFqdnLike('a..com')).toBe(false);
    expect(isFqdnLike(`${'a'.repeat(63)}.com`)).toBe(true);
    expect(isFqdnLike(`${'a'.repeat(64)}.com`)).toBe(false);
    const l63 = 'a'.repeat(63);
    expect(isFqdnLike(`${l63}.${l63}.${l63}.${'a'.repeat(61)}`)).toBe(true); // 253 characters
    expect(isFqdnLike(`${l63}.${l63}.${l63}.${'a'.repeat(62)}`)).toBe(false); // 254
  });
  it('the top label: two letters or more, letters only, not a file extension', () => {
    expect(isFqdnLike('abc.d')).toBe(false);
    expect(isFqdnLike('abc.c0m')).toBe(false);
    expect(isFqdnLike('abc.123')).toBe(false);
    expect(isFqdnLike('oakley.log')).toBe(false);
    expect(isFqdnLike('IPSECMON.EXE')).toBe(false);
  });
  it('the first label needs a letter (1.2.example is not a host)', () => {
    expect(isFqdnLike('123.example')).toBe(false);
    expect(isFqdnLike('a23.example')).toBe(true);
  });
  it('public documentation and Microsoft domains are kept, and only those', () => {
    for (const d of ['microsoft.com', 'go.microsoft.com', 'WWW.W3.ORG', 'windows.com', 'x.example.invalid']) expect(isFqdnLike(d), d).toBe(false);
  });
});

describe('isNetbiosLike', () => {
  it('upper-case names with a digit and two letters, 3-15 characters', () => {
    for (const t of ['PC0423', 'AB1', 'PC-12', 'ABCDEFGHIJKLM12', 'ABCDE12']) expect(isNetbiosLike(t), t).toBe(true);
  });
  it('not: too short or long, lower case, no digit, one letter, a trailing hyphen', () => {
    for (const t of ['A1', 'ABCDEFGHIJKLMN12', 'pc0423', 'SERVER', 'A123', 'PC1-', '1PC']) expect(isNetbiosLike(t), t).toBe(false);
  });
  it('not: technical words and long hex runs', () => {
    for (const t of ['SHA256', 'IKEV2', 'KB2509553', 'AES256', 'WIN10', 'MODP2048', 'CVE-2023-123', 'ABCDEF12', 'DEADBEEF01']) expect(isNetbiosLike(t), t).toBe(false);
  });
});

describe('ipv6At', () => {
  it('an address, with its zone', () => {
    expect(upTo('fe80::1c2b:3a4d:5e6f:7a8b rest', ipv6At('fe80::1c2b:3a4d:5e6f:7a8b rest', 0))).toBe('fe80::1c2b:3a4d:5e6f:7a8b');
    const z = 'fe80::1%11 up';
    expect(upTo(z, ipv6At(z, 0))).toBe('fe80::1%11');
    const start = 'at 2001:db8::1 now';
    expect(ipv6At(start, 3)).toBe(14);
  });
  it('a % with no zone after it is not part of the address', () => {
    expect(upTo('2001:db8::1% x', ipv6At('2001:db8::1% x', 0))).toBe('2001:db8::1');
  });
  it('a full stop ending a sentence is left out', () => {
    expect(upTo('2001:db8::1. Next', ipv6At('2001:db8::1. Next', 0))).toBe('2001:db8::1');
  });
  it('an IPv4 tail is part of the address', () => {
    expect(upTo('::ffff:10.0.0.1 ', ipv6At('::ffff:10.0.0.1 ', 0))).toBe('::ffff:10.0.0.1');
  });
  it('not: one colon, :: and ::1, invalid groups, or more letters and digits after it', () => {
    for (const s of ['a:b', '::', '::1', ':: x', '::1 x', '12345::1', '2001:db8::1g', '2001:db8::1_x', 'fe80::1%eth0.5']) expect(ipv6At(s, 0), s).toBe(-1);
  });
  it('a zone ends at 15 characters: a longer one is not a zone', () => {
    expect(upTo('fe80::1%abcdefghijklmno ', ipv6At('fe80::1%abcdefghijklmno ', 0))).toBe('fe80::1%abcdefghijklmno');
    expect(ipv6At('fe80::1%abcdefghijklmnop ', 0)).toBe(-1);
  });
  it('a zone may be followed by a full stop and a space', () => {
    expect(upTo('fe80::1%eth0. ', ipv6At('fe80::1%eth0. ', 0))).toBe('fe80::1%eth0');
  });
  it('reads at most 46 characters', () => {
    const long = '1:2:3:4:5:6:7:8'.replace(/\d/g, '0000') + ':0000:0000:0000';
    expect(ipv6At(long, 0)).toBe(-1);
  });
});

describe('macAt', () => {
  it('hyphen, colon and Cisco forms', () => {
    expect(macAt('00-0C-29-3A-4B-5C', 0)).toBe(17);
    expect(macAt('00:0c:29:3a:4b:5c rest', 0)).toBe(17);
    expect(macAt('000c.293a.4b5c,', 0)).toBe(14);
    expect(macAt('x 00-0C-29-3A-4B-5C', 2)).toBe(19);
  });
  it('not: a seventh group, letters, _ or mixed separators after it', () => {
    for (const s of ['00-0C-29-3A-4B-5C-5D', '00:0c:29:3a:4b:5c:5d', '000c.293a.4b5c.0001', '00-0C-29-3A-4B-5Cx', '00-0C-29-3A-4B-5C_1', '00-0C:29-3A-4B-5C', '00-0C-29-3A-4B', '0-0C-29-3A-4B-5C']) expect(macAt(s, 0), s).toBe(-1);
  });
  it('a separator that is not followed by hex ends the value cleanly', () => {
    expect(macAt('00-0C-29-3A-4B-5C- next', 0)).toBe(17);
    expect(macAt('00:0c:29:3a:4b:5c: next', 0)).toBe(17);
    expect(macAt('000c.293a.4b5c. next', 0)).toBe(14);
  });
});

describe('thumbprintAt', () => {
  const sha1 = 'a909502dd82ae41433e6f83886b00d4277a32a7b';
  const sha256 = 'ab'.repeat(32);
  it('40 or 64 hex digits', () => {
    expect(thumbprintAt(`${sha1} x`, 0)).toBe(40);
    expect(thumbprintAt(sha256, 0)).toBe(64);
  });
  it('pairs split by one space or one colon (20 or 32 pairs)', () => {
    const spaced = sha1.match(/../g)!.join(' ');
    expect(thumbprintAt(`${spaced}\n`, 0)).toBe(59);
    expect(thumbprintAt(sha1.match(/../g)!.join(':'), 0)).toBe(59);
    expect(thumbprintAt(sha256.match(/../g)!.join(' '), 0)).toBe(95);
    expect(thumbprintAt(sha256.match(/../g)!.join(':'), 0)).toBe(95);
  });
  it('not: 39, 41 or 63 digits, 21 pairs, or letters after it', () => {
    for (const s of [sha1.slice(1), `${sha1}0`, sha256.slice(1), `${sha1.match(/../g)!.join(' ')} ef`, `${sha1}g`, `${sha1}_`]) expect(thumbprintAt(s, 0), s).toBe(-1);
  });
});

describe('sidAt', () => {
  it('a SID in either case, up to where its digits end', () => {
    expect(sidAt('S-1-5-21-1-2-3-1001 x', 0)).toBe(19);
    expect(sidAt('s-1-5-18', 0)).toBe(8);
    expect(sidAt('x S-1-5-18', 2)).toBe(10);
  });
  it('a dash that is not followed by a digit ends the SID', () => {
    expect(sidAt('S-1-5-21-', 0)).toBe(8);
    expect(sidAt('S-1-5-21--3', 0)).toBe(8);
  });
  it('not: S-1-5 alone, other revisions and prefixes, letters after it', () => {
    for (const s of ['S-1-5', 'S-2-5-18', 'X-1-5-18', 'S_1-5-18', 'S-1_5-18', 'S-1-5-18a', 'S-1-']) expect(sidAt(s, 0), s).toBe(-1);
  });
});

describe('rdnKeyAt', () => {
  it('keys in any case, with spaces before =', () => {
    expect(rdnKeyAt('CN=foo', 0)).toEqual({ key: 'CN', after: 3 });
    expect(rdnKeyAt('cn = foo', 0)).toEqual({ key: 'CN', after: 4 });
    expect(rdnKeyAt('x, OU=y', 3)).toEqual({ key: 'OU', after: 6 });
    expect(rdnKeyAt('O=Example', 0)).toEqual({ key: 'O', after: 2 });
  });
  it('the longest key wins (EMAILADDRESS before EMAIL before E)', () => {
    expect(rdnKeyAt('EMAILADDRESS=a@b', 0)).toEqual({ key: 'EMAILADDRESS', after: 13 });
    expect(rdnKeyAt('Email=a@b', 0)).toEqual({ key: 'EMAIL', after: 6 });
    expect(rdnKeyAt('E=a@b', 0)).toEqual({ key: 'E', after: 2 });
  });
  it('no key: other words, or a key not followed by =', () => {
    for (const s of ['CNX=foo', 'hello', 'CN foo', 'C', '=x']) expect(rdnKeyAt(s, 0), s).toBe(null);
  });
});

describe('rdnValue', () => {
  const val = (s: string, after: number) => {
    const v = rdnValue(s, after);
    return [s.slice(v.start, v.end), s.slice(v.next)];
  };
  it('a value ends at , ; + ) " and line breaks; scanning goes on there', () => {
    expect(val('CN=foo, OU=bar', 3)).toEqual(['foo', ', OU=bar']);
    for (const sep of [';', '+', ')', '"', '\n', '\r']) expect(val(`CN=foo${sep}x`, 3), JSON.stringify(sep)).toEqual(['foo', `${sep}x`]);
  });
  it('spaces before the value and spaces or tabs after it are not part of it', () => {
    expect(val('CN=  foo bar \t, O=x', 3)).toEqual(['foo bar', ', O=x']);
  });
  it('a quoted value ends at its quote', () => {
    expect(val('CN="Doe, John", O=x', 3)).toEqual(['Doe, John', ', O=x']);
    expect(rdnValue('CN="a"', 3)).toEqual({ start: 4, end: 5, next: 6 });
  });
  it('a quote closed only on a later line is not a quoted value', () => {
    expect(rdnValue('CN="a\nb"', 3)).toEqual({ start: 3, end: 3, next: 3 });
  });
  it('an escaped comma stays in the value', () => {
    expect(val('CN=Doe\\, John, O=x', 3)).toEqual(['Doe\\, John', ', O=x']);
  });
  it('the slash form ends a value at /KEY= only', () => {
    expect(val('/CN=ipsec-gw/O=Example Corp', 4)).toEqual(['ipsec-gw', '/O=Example Corp']);
    expect(val('CN=a/b c', 3)).toEqual(['a/b c', '']);
  });
});
