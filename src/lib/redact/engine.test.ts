/**
 * The Redactor piece by piece: the placeholder table, what each kind of learned value becomes, and each
 * form the scan recognises, with exact output (issue 15: whole-paste tests left most branches unguarded).
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from './engine.ts';

/** A fresh redactor's output for one text (learning from its labels first, as the site does). */
const red = (s: string) => new Redactor().redactText(s);
/** What learning one value adds to a fresh table: "KIND original" per entry. */
function learned(kind: Parameters<Redactor['learn']>[0], value: string): string[] {
  const r = new Redactor();
  r.learn(kind, value);
  return r.entries().map((e) => `${e.placeholder} ${e.original}`);
}

describe('the placeholder table', () => {
  it('one placeholder per value and kind, numbered per kind in order of first use', () => {
    const r = new Redactor();
    expect(r.placeholder('HOST', 'pc1')).toBe('<HOST-1>');
    expect(r.placeholder('USER', 'alice')).toBe('<USER-1>');
    expect(r.placeholder('HOST', 'pc2')).toBe('<HOST-2>');
    expect(r.placeholder('HOST', 'pc1')).toBe('<HOST-1>');
    expect(r.entries()).toEqual([
      { placeholder: '<HOST-1>', kind: 'HOST', original: 'pc1' },
      { placeholder: '<USER-1>', kind: 'USER', original: 'alice' },
      { placeholder: '<HOST-2>', kind: 'HOST', original: 'pc2' },
    ]);
  });
  it('names match in any case and in full-width letters; the first spelling is recorded', () => {
    const r = new Redactor();
    expect(r.placeholder('HOST', 'PC1')).toBe('<HOST-1>');
    expect(r.placeholder('HOST', 'pc1')).toBe('<HOST-1>');
    expect(r.placeholder('HOST', 'ＰＣ１')).toBe('<HOST-1>');
    expect(r.entries().map((e) => e.original)).toEqual(['PC1']);
  });
  it('entries are copies: changing them does not change the redactor', () => {
    const r = new Redactor();
    r.placeholder('IP', '10.0.0.1');
    r.entries()[0].original = 'changed';
    expect(r.entries()[0].original).toBe('10.0.0.1');
  });
});

describe('learn: what each kind of value becomes', () => {
  it('nothing from blanks, "-", well-known names and built-in principals', () => {
    for (const v of ['', '   ', '-', 'SYSTEM', 'Everyone', 'NT AUTHORITY\\SYSTEM', 'BUILTIN\\Administrators', 'nt service\\BFE']) expect(learned('user', v), v).toEqual([]);
  });
  it('ip: addresses (not masks or ::1), IPv6 without its zone and in lower case, dotted names', () => {
    expect(learned('ip', '192.168.1.5')).toEqual(['<IP-1> 192.168.1.5']);
    expect(learned('ip', '255.255.255.0')).toEqual([]);
    expect(learned('ip', 'FE80::ABCD%12')).toEqual(['<IP-1> fe80::abcd']);
    expect(learned('ip', '::1')).toEqual([]);
    expect(learned('ip', '::')).toEqual([]);
    expect(learned('ip', 'srv.corp.example.com')).toEqual(['<HOST-1> srv', '<DOMAIN-1> corp.example.com']);
    expect(learned('ip', 'not an address')).toEqual([]);
  });
  it('host: UNC form, address, dotted ASCII name, other names whole', () => {
    expect(learned('host', '\\\\NAS01')).toEqual(['<HOST-1> NAS01']);
    expect(learned('host', '10.0.0.5')).toEqual(['<IP-1> 10.0.0.5']);
    expect(learned('host', 'srv.corp.example.com')).toEqual(['<HOST-1> srv', '<DOMAIN-1> corp.example.com']);
    expect(learned('host', 'example.com')).toEqual(['<DOMAIN-1> example.com']);
    expect(learned('host', '経理.PC')).toEqual(['<HOST-1> 経理.PC']);
    expect(learned('host', 'PC0423')).toEqual(['<HOST-1> PC0423']);
  });
  it('fqdn: address, dotted name, single label', () => {
    expect(learned('fqdn', '10.0.0.5')).toEqual(['<IP-1> 10.0.0.5']);
    expect(learned('fqdn', 'a.b.example')).toEqual(['<HOST-1> a', '<DOMAIN-1> b.example']);
    expect(learned('fqdn', 'PC1')).toEqual(['<HOST-1> PC1']);
  });
  it('domain: the whole value, dotted or not', () => {
    expect(learned('domain', 'CORP')).toEqual(['<DOMAIN-1> CORP']);
    expect(learned('domain', 'corp.example.com')).toEqual(['<DOMAIN-1> corp.example.com']);
  });
  it('user: DOMAIN\\user, user@domain, computer accounts, well-known parts left out', () => {
    expect(learned('user', 'CORP\\alice')).toEqual(['<DOMAIN-1> CORP', '<USER-1> alice']);
    expect(learned('user', 'CORP\\PC01$')).toEqual(['<DOMAIN-1> CORP', '<HOST-1> PC01$']);
    expect(learned('user', 'WORKGROUP\\alice')).toEqual(['<USER-1> alice']);
    expect(learned('user', 'CORP\\Administrators')).toEqual(['<DOMAIN-1> CORP']);
    expect(learned('user', 'alice@corp.example.com')).toEqual(['<USER-1> alice', '<DOMAIN-1> corp.example.com']);
    expect(learned('user', 'PC01$')).toEqual(['<HOST-1> PC01$']);
    expect(learned('user', '山田太郎')).toEqual(['<USER-1> 山田太郎']);
  });
  it('principal: service/host@REALM, krbtgt, DOMAIN\\user, bare names', () => {
    expect(learned('principal', 'host/srv01.corp.example.com@CORP.EXAMPLE.COM')).toEqual(['<DOMAIN-1> CORP.EXAMPLE.COM', '<HOST-1> srv01']);
    expect(learned('principal', 'krbtgt/CORP')).toEqual(['<DOMAIN-1> CORP']);
    expect(learned('principal', 'host/PC01')).toEqual(['<HOST-1> PC01']);
    expect(learned('principal', 'CORP\\alice')).toEqual(['<DOMAIN-1> CORP', '<USER-1> alice']);
    expect(learned('principal', 'alice@CORP')).toEqual(['<DOMAIN-1> CORP', '<USER-1> alice']);
    expect(learned('principal', 'PC01$@CORP')).toEqual(['<DOMAIN-1> CORP', '<HOST-1> PC01$']);
    expect(learned('principal', 'srv.corp.example')).toEqual(['<HOST-1> srv', '<DOMAIN-1> corp.example']);
    expect(learned('principal', 'alice')).toEqual(['<USER-1> alice']);
  });
  it('name: a distinguished name is left to the scan; a DNS name is a host; others are names', () => {
    expect(learned('name', 'CN=foo, O=bar')).toEqual([]);
    expect(learned('name', 'srv01.corp.example.com')).toEqual(['<HOST-1> srv01.corp.example.com']);
    expect(learned('name', 'Example Issuing CA')).toEqual(['<NAME-1> Example Issuing CA']);
  });
  it('cert: spaces and colons dropped', () => {
    expect(learned('cert', 'ab cd:ef')).toEqual(['<CERT-1> abcdef']);
  });
  it('a learned name is replaced wherever it appears, also after more names are learned', () => {
    const r = new Redactor();
    r.learn('user', 'alice');
    expect(r.text('alice and bob')).toBe('<USER-1> and bob');
    r.learn('user', 'bob');
    expect(r.text('alice and bob')).toBe('<USER-1> and <USER-2>');
    r.learn('host', 'gw.corp.example');
    expect(r.text('gw.corp.example_ping.txt')).toBe('<HOST-1>.<DOMAIN-1>_ping.txt');
  });
});

describe('text: the forms the scan recognises', () => {
  it('empty text and our own placeholders are left as they are', () => {
    expect(new Redactor().text('')).toBe('');
    expect(red('<IP-3> and <HOST-12> <CERT-1>')).toBe('<IP-3> and <HOST-12> <CERT-1>');
  });
  it('the private-use characters the redactor marks names with cannot be smuggled in', () => {
    expect(red('a\uE000b\uE001c')).toBe('a\uFFFDb\uFFFDc');
    const r = new Redactor();
    r.learn('user', 'alice');
    expect(r.text('\uE000\uE100\uE100\uE001 alice')).toBe('\uFFFD\uE100\uE100\uFFFD <USER-1>');
  });
  it('UNC servers: names, addresses (loopback kept), dotted names, well-known and special hosts', () => {
    expect(red('\\\\NAS01\\share')).toBe('\\\\<HOST-1>\\share');
    expect(red('\\\\10.0.0.5\\c$ \\\\127.0.0.1\\c$')).toBe('\\\\<IP-1>\\c$ \\\\127.0.0.1\\c$');
    expect(red('\\\\srv.corp.example.com\\x')).toBe('\\\\<HOST-1>.<DOMAIN-1>\\x');
    expect(red('\\\\localhost\\c$ \\\\?\\C:\\x \\\\.\\pipe')).toBe('\\\\localhost\\c$ \\\\?\\C:\\x \\\\.\\pipe');
    expect(red('\\\\NAS01、次 \\\\NAS01. (\\\\NAS01) "\\\\NAS01"')).toBe('\\\\<HOST-1>、次 \\\\<HOST-1>. (\\\\<HOST-1>) "\\\\<HOST-1>"');
  });
  it('a neutral IPv4 address stays as it is whatever stands next to it (it is no domain, user or host)', () => {
    expect(red('127.0.0.1\\pipe host/127.0.0.1 0.0.0.0@x')).toBe('127.0.0.1\\<USER-1> host/127.0.0.1 0.0.0.0@<DOMAIN-1>');
  });
  it('a UNC server is learned: the same name alone is replaced too', () => {
    expect(red('NAS01 is down; see \\\\NAS01\\share')).toBe('<HOST-1> is down; see \\\\<HOST-1>\\share');
  });
  it('thumbprints and MAC addresses only where a value starts', () => {
    const tp = 'a909502dd82ae41433e6f83886b00d4277a32a7b';
    expect(red(`hash ${tp}.`)).toBe('hash <CERT-1>.');
    expect(red(`x${tp}`)).toBe(`x${tp}`);
    expect(red('MAC 00-0C-29-3A-4B-5C.')).toBe('MAC <MAC-1>.');
    expect(red('id-00-0C-29-3A-4B-5C')).toBe('id-00-0C-29-3A-4B-5C');
    // straight after a label's colon (no space) too; a colon after hex digits or another colon is inside a value
    expect(red(`Thumbprint:${tp}`)).toBe('Thumbprint:<CERT-1>');
    expect(red(`ab:${tp}`)).toBe(`ab:${tp}`);
    expect(red('MAC:00-0C-29-3A-4B-5C')).toBe('MAC:<MAC-1>');
  });
  it('IPv6: one placeholder for any spelling and zone; :: kept', () => {
    expect(red('from fe80::1%11 to FE80::1, any ::')).toBe('from <IP-1> to <IP-1>, any ::');
    // straight after a label's colon too (these were left in clear); a colon after another colon is inside a word
    expect(red('Address:fe80::1:2 ip:2001:db8::5 x:fe80::1')).toBe('Address:<IP-1> ip:<IP-2> x:<IP-3>');
    expect(red('IkeQueue::Add dead::beef')).toBe('IkeQueue::Add <IP-1>');
    expect(red('CQueue::Add::Dead')).toBe('CQueue::Add::Dead');
    // after any word's colon, even one that is no label (digits, short hex): the address is still someone's
    expect(red('12345:fe80::1')).toBe('12345:<IP-1>');
    // ipconfig's form: the colon is two places back, a space between (only "::" refuses the place after it)
    expect(red('   Link-local IPv6 Address . . . . . : fe80::1%11')).toBe('   Link-local IPv6 Address . . . . . : <IP-1>');
  });
  it('SIDs: identifying ones replaced in upper case, well-known ones kept, not inside a word', () => {
    expect(red('s-1-5-21-1-2-3-500 and S-1-5-21-1-2-3-500')).toBe('<SID-1> and <SID-1>');
    expect(red('S-1-5-18 S-1-5-32-544')).toBe('S-1-5-18 S-1-5-32-544');
  });
  it('distinguished names: a one-letter key counts only inside a DN', () => {
    expect(red('O=x and L=Tokyo')).toBe('O=x and L=Tokyo');
    expect(red('C=JP, O=Example')).toBe('C=<NAME-1>, O=<NAME-2>');
    expect(red('C=JP and more')).toBe('C=JP and more');
  });
  it('distinguished names: mail values, serial numbers, DNS names, and DC labels that are not learned', () => {
    expect(red('CN=alice@corp.example.com, O=x')).toBe('CN=<USER-1>@<DOMAIN-1>, O=<NAME-1>');
    expect(red('SERIALNUMBER=1234, CN=x')).toBe('SERIALNUMBER=<CERT-1>, CN=<NAME-1>');
    expect(red('CN=gw.corp.example.com, O=x; gw here')).toBe('CN=<HOST-1>.<DOMAIN-1>, O=<NAME-1>; <HOST-1> here');
    expect(red('Issuer: DC=corp, DC=com; corp and com')).toBe('Issuer: DC=<DOMAIN-1>, DC=<DOMAIN-2>; corp and com');
    expect(red('CN=<HOST-1>, O=x')).toBe('CN=<HOST-1>, O=<NAME-1>');
  });
  it("a certificate's CN is learned, an LDAP path's CNs are not", () => {
    expect(red('CN=gw1; gw1 again')).toBe('CN=<NAME-1>; <NAME-1> again');
    expect(red('CN=ca1, O=Example; ca1 again')).toBe('CN=<NAME-1>, O=<NAME-2>; <NAME-1> again');
    expect(red('CN=IP Security,CN=System,DC=example,DC=com; IP Security')).toBe('CN=<NAME-1>,CN=<NAME-2>,DC=<DOMAIN-1>,DC=<DOMAIN-2>; IP Security');
  });
  it('built-in principals and Windows paths are kept; a profile folder is a user', () => {
    expect(red('NT AUTHORITY\\SYSTEM BUILTIN\\Administrators NT SERVICE\\PolicyAgent')).toBe('NT AUTHORITY\\SYSTEM BUILTIN\\Administrators NT SERVICE\\PolicyAgent');
    expect(red('C:\\Users\\alice\\Desktop and C:\\Users\\Public\\x, alice')).toBe('C:\\Users\\<USER-1>\\Desktop and C:\\Users\\Public\\x, <USER-1>');
    expect(red('%windir%\\system32\\oakley.log')).toBe('%windir%\\system32\\oakley.log');
  });
});

describe('text: name tokens', () => {
  it('addresses and the address.port form; masks and their port form kept', () => {
    expect(red('10.1.2.3 and 10.1.2.3.500')).toBe('<IP-1> and <IP-1>.500');
    expect(red('255.255.255.0 and 255.255.255.0.500')).toBe('255.255.255.0 and 255.255.255.0.500');
    expect(red('1.2.3.4.5.6')).toBe('1.2.3.4.5.6');
  });
  it('DOMAIN\\user, and what before a backslash is not a domain', () => {
    expect(red('CORP\\alice then alice')).toBe('<DOMAIN-1>\\<USER-1> then <USER-1>');
    expect(red('CORP\\PC01$')).toBe('<DOMAIN-1>\\<HOST-1>');
    expect(red('nt\\x a\\b')).toBe('nt\\x a\\b');
    expect(red('HKLM\\SOFTWARE\\Policies HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet')).toBe('HKLM\\SOFTWARE\\Policies HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet');
    expect(red('Workgroup\\alice')).toBe('Workgroup\\alice');
  });
  it('a known host before a backslash stays a host', () => {
    const r = new Redactor();
    r.learn('host', 'PC01');
    expect(r.text('PC01\\Administrator')).toBe('<HOST-1>\\<USER-1>');
  });
  it('user@REALM and its realm; a service class before @ is kept', () => {
    expect(red('alice@CORP.EXAMPLE.COM')).toBe('<USER-1>@<DOMAIN-1>');
    expect(red('host@x')).toBe('host@<DOMAIN-1>');
    expect(red('mail@file.txt')).toBe('<USER-1>@file.txt');
  });
  it('service/host: host, FQDN, krbtgt realm; other words before a slash are not service classes', () => {
    expect(red('host/PC01 then PC01')).toBe('host/<HOST-1> then <HOST-1>');
    expect(red('krbtgt/CORP')).toBe('krbtgt/<DOMAIN-1>');
    expect(red('cifs/fs01.corp.example.com')).toBe('cifs/<HOST-1>.<DOMAIN-1>');
    expect(red('HOST/srv')).toBe('HOST/<HOST-1>');
    expect(red('and/or')).toBe('and/or');
  });
  it('DNS names: host and domain part by part; two labels are a domain', () => {
    expect(red('fs1.corp.example.jp and corp.example.jp')).toBe('<HOST-1>.<DOMAIN-1> and <DOMAIN-1>');
    expect(red('example.jp')).toBe('<DOMAIN-1>');
  });
  it('NetBIOS-like names alone, with a trailing full stop or hyphen, and at the head of a log file name', () => {
    expect(red('PC0423. PC0423- PC0423_oakley.log')).toBe('<HOST-1>. <HOST-1>- <HOST-1>_oakley.log');
    expect(red('SRV9_oakley.log')).toBe('<HOST-1>_oakley.log');
    expect(red('SRV9_notes AB1_x.log SRV9x_y.log')).toBe('SRV9_notes <HOST-1>_x.log SRV9x_y.log');
  });
  it('learned ASCII names need word boundaries; other scripts do not', () => {
    const r = new Redactor();
    r.learn('domain', 'CORP');
    r.learn('user', '山田太郎');
    expect(r.text('CORPORATE xCORP CORP. 山田太郎さん')).toBe('CORPORATE xCORP <DOMAIN-1>. <USER-1>さん');
  });
  it('a learned host inside another DNS name is that name\'s host label', () => {
    const r = new Redactor();
    r.learn('host', 'srv01');
    expect(r.text('srv01.other.example')).toBe('<HOST-1>.<DOMAIN-1>');
  });
  it('more than 1,024 learned names in one text all come back', () => {
    const r = new Redactor();
    r.learn('user', 'alice');
    const out = r.text('alice '.repeat(1100));
    expect(out).toBe('<USER-1> '.repeat(1100));
  });
});
