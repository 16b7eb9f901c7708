/**
 * Edges of the redactor's character-level recognisers that scan.test.ts leaves open: the exact limits of
 * each character range, the end of the text, and what may follow a value; and two forms that used to leak: RFC 4514
 * escapes other than `\,` in a DN value, and a word glued to an IPv6 address by a full stop.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from './engine.ts';
import { ipv6At, isFqdnLike, isNetbiosLike, rdnValue, sidAt } from './scan.ts';

describe('isFqdnLike: the top label is ASCII letters only', () => {
  it('z and Z are letters', () => {
    expect(isFqdnLike('host.xyz')).toBe(true);
    expect(isFqdnLike('HOST.BIZ')).toBe(true);
  });
  it('the characters just past z (and [ \\ ] ^ folded onto them) and non-ASCII letters are not', () => {
    for (const ch of ['{', '|', '}', '~', '[', '\\', ']', '^', 'é']) expect(isFqdnLike(`host.co${ch}`), ch).toBe(false);
  });
});

describe('isNetbiosLike: the whole token counts', () => {
  it('a name must start with an upper-case letter, not just end like a name', () => {
    for (const t of ['1PC2', 'xPC2', '-PC2']) expect(isNetbiosLike(t), t).toBe(false);
  });
  it('a hex run is data only when it is the whole token', () => {
    // hex at the end or at the start of a longer name does not make the name a number
    expect(isNetbiosLike('PCDEADBEEF1')).toBe(true);
    expect(isNetbiosLike('DEADBEEF1Z')).toBe(true);
  });
});

describe('ipv6At: what may follow the address', () => {
  it('stops reading after 46 characters, so what follows a full stop there is not looked at', () => {
    // the longest address (45 characters) and its full stop fill the 46; "Abc" would be read as hex otherwise
    const addr = 'ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255';
    expect(ipv6At(`${addr}.Abc`, 0)).toBe(45);
  });
  it('a colon after the zone means it is not an address', () => {
    expect(ipv6At('fe80::1%eth0:500', 0)).toBe(-1);
  });
  it('a number after a space is not part of it', () => {
    expect(ipv6At('2001:db8::1 500', 0)).toBe(11);
  });
  it('a zone followed by a full stop and a digit 0-9 is not an address; by a full stop and a letter it is', () => {
    for (const s of ['fe80::1%eth.5', 'fe80::1%eth0.0', 'fe80::1%eth0.9']) expect(ipv6At(s, 0), s).toBe(-1);
    expect(ipv6At('fe80::1%eth0.a', 0)).toBe(12);
  });
});

describe('sidAt: sub-authorities', () => {
  it('a zero sub-authority counts (S-1-0-0 is Nobody)', () => {
    expect(sidAt('S-1-0-0', 0)).toBe(7);
  });
  it('only a dash joins the next number', () => {
    expect(sidAt('S-1-5-18 500', 0)).toBe(8);
  });
  it('a dash followed by a letter ends the SID', () => {
    expect(sidAt('S-1-5-18-a', 0)).toBe(8);
  });
});

describe('rdnValue: edges', () => {
  it('a value that runs to the end of the text ends there', () => {
    expect(rdnValue('CN=foo', 3)).toEqual({ start: 3, end: 6, next: 6 });
  });
  it('a quote that is never closed is not a quoted value', () => {
    expect(rdnValue('CN="abc', 3)).toEqual({ start: 3, end: 3, next: 3 });
  });
  it('a line break after the closing quote does not matter', () => {
    expect(rdnValue('CN="a"\nO=x', 3)).toEqual({ start: 4, end: 5, next: 6 });
  });
  it('a line break before the opening quote does not matter', () => {
    expect(rdnValue('x\n"a"', 2)).toEqual({ start: 3, end: 4, next: 5 });
  });
  it('KEY= without a slash before it stays in the value', () => {
    expect(rdnValue('CN=x O=y', 3)).toEqual({ start: 3, end: 8, next: 8 });
  });
  it('a backslash does not carry the value over a line break or past the end of the text', () => {
    expect(rdnValue('CN=a\\\nb', 3)).toEqual({ start: 3, end: 5, next: 5 });
    expect(rdnValue('CN=a\\', 3)).toEqual({ start: 3, end: 5, next: 5 });
  });
  it('an empty value after spaces is empty where it starts (the spaces before it are not trimmed back)', () => {
    expect(rdnValue('CN= , O=x', 3)).toEqual({ start: 4, end: 4, next: 4 });
  });
});

describe('escaped characters in a distinguished-name value', () => {
  it('\\+ \\; and \\" stay in the value (RFC 4514)', () => {
    expect(rdnValue('CN=Smith\\+Jones Ltd, O=x', 3)).toEqual({ start: 3, end: 19, next: 19 });
    expect(rdnValue('CN=Smith\\;Jones Ltd, O=x', 3)).toEqual({ start: 3, end: 19, next: 19 });
    expect(rdnValue('CN=Jane\\"Doe, O=x', 3)).toEqual({ start: 3, end: 12, next: 12 });
  });
  it('an escaped backslash does not escape the comma after it', () => {
    expect(rdnValue('CN=Jones\\\\,O=x', 3)).toEqual({ start: 3, end: 10, next: 10 });
  });
  it('no part of an escaped name is left in the redacted text', () => {
    expect(new Redactor().redactText('Subject: CN=Smith\\+Jones Ltd, O=Acme Corp')).toBe('Subject: CN=<NAME-1>, O=<NAME-2>');
    expect(new Redactor().redactText('Subject: CN=Jane\\"Doe, O=Acme Corp')).toBe('Subject: CN=<NAME-1>, O=<NAME-2>');
  });
});

describe('an IPv6 address with a word glued to it by a full stop', () => {
  it('is found up to the full stop', () => {
    expect(ipv6At('2001:db8::1.Done', 0)).toBe(11);
    expect(ipv6At('::ffff:10.0.0.1.Abc', 0)).toBe(15);
  });
  it('is replaced in the redacted text', () => {
    expect(new Redactor().redactText('peer 2001:db8::1.Done')).toBe('peer <IP-1>.Done');
  });
  it('a full stop and a digit still mean a version-like token, not an address', () => {
    expect(ipv6At('fe80::1.5a', 0)).toBe(-1);
  });
});

describe('an IPv6 address with a word glued to it by a full stop, when more follows the word', () => {
  it('a full stop right after the word does not hide the one glued to the address', () => {
    // the full stop is looked for before where the address reading stopped, not one character past it
    expect(ipv6At('2001:db8::1.Ex.', 0)).toBe(11);
    expect(new Redactor().redactText('peer 2001:db8::1.De . next')).toBe('peer <IP-1>.De . next');
  });
  it('a colon just after the word does not count as a colon of the address', () => {
    // the last colon is looked for inside the address only
    expect(ipv6At('2001:db8::1.Ex:', 0)).toBe(11);
    expect(new Redactor().redactText('peer 2001:db8::1.De :ok')).toBe('peer <IP-1>.De :ok');
  });
});

describe('rdnValue: a backslash and the characters around it', () => {
  it('a backslash before a carriage return does not carry the value over a Windows line break', () => {
    expect(rdnValue('CN=a\\\r\nb', 3)).toEqual({ start: 3, end: 5, next: 5 });
    expect(new Redactor().redactText('Subject: CN=Smith\\\r\nO=x')).toBe('Subject: CN=<NAME-1>\r\nO=x');
  });
  it('a line break before the backslash does not stop it escaping the character after it', () => {
    // only the character after the backslash is looked at
    expect(rdnValue('x\n\\,y', 2)).toEqual({ start: 2, end: 5, next: 5 });
  });
});
