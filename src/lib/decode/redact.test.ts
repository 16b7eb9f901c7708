import { describe, expect, it } from 'vitest';
import { fixture, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { Redactor, decode, formatReportText, redact } from './index.ts';

const cat = testCatalogue();
const NAMES = ['SERVER1', 'server1', 'example.com', 'EXAMPLE', 'user1', 'CLIENT1', 'client1', 'dc1'];
const ADDRS = ['192.168.0.10', '192.168.0.20', '192.168.0.30'];

describe('redaction', () => {
  it('removes addresses and names from a report, with stable placeholders', () => {
    const r = decode(fixture('event-547-dialog-en.txt') + '\n' + fixture('gpresult.txt'), cat);
    const red = redact(r);
    const json = JSON.stringify(red);
    for (const a of ADDRS) expect(json).not.toContain(a);
    // anywhere in any string, not only at its end
    for (const n of NAMES) expect(json, n).not.toMatch(new RegExp(`(?<![A-Za-z0-9])${n.replace(/\./g, '\\.')}(?![A-Za-z0-9])`, 'i'));
    expect(json).not.toContain('server1.example.com');
    expect(json).not.toContain('EXAMPLE\\\\user1');
    expect(json).toContain('<IP-1>');
    expect(json).toContain('<HOST-');
    expect(json).toContain('<DOMAIN-');
    expect(json).toContain('<USER-');
    // the same address gets the same placeholder everywhere
    const f = red.findings[0];
    const peer = f.facts.find((x) => x.name === 'ikePeer')!.value;
    expect(f.facts.find((x) => x.name === 'peerAddr')!.value).toBe(peer);
    expect(f.facts.find((x) => x.name === 'dstAddr')!.value).toBe(peer);
    expect(f.facts.find((x) => x.name === 'srcAddr')!.value).not.toBe(peer);
    // masks and well-known principals stay readable
    expect(f.facts.find((x) => x.name === 'dstMask')!.value).toBe('255.255.255.255');
    // the original report is not modified
    expect(JSON.stringify(r)).toContain('192.168.0.20');
  });
  it('redacts raw text and keeps placeholders consistent with a shared redactor', () => {
    const rd = new Redactor();
    const a = redact('Computer: SERVER1\nUser: EXAMPLE\\user1\nhost/server1.example.com from 192.168.0.20 and krbtgt/EXAMPLE.COM@EXAMPLE.COM', rd);
    const b = redact('SERVER1 again at 192.168.0.20, user1@example.com', rd);
    expect(a).not.toMatch(/SERVER1|user1|192\.168|example/i);
    expect(b).not.toMatch(/SERVER1|user1|192\.168|example/i);
    const ip = a.match(/<IP-\d+>/)![0];
    expect(b).toContain(ip);
  });
  it('leaves file names, versions, masks, paths and Microsoft URLs alone', () => {
    const s = 'oakley.log lsass.exe 5.2.3790.1830 255.255.255.0 C:\\WINDOWS\\system32\\oakley.DLL http://go.microsoft.com/fwlink/events.asp NT AUTHORITY\\NETWORK SERVICE';
    expect(redact(s)).toBe(s);
  });
  it('formatReportText({redact}) leaves no address or name', () => {
    const txt = formatReportText(decode(fixture('ipconfig-all.txt') + '\n' + fixture('nslookup.txt'), cat), { redact: true });
    for (const a of ['169.254.12.34', '192.168.0.30', 'client1', 'dc1.example.com', '00-0C-29-3A-4B-5C']) expect(txt).not.toContain(a);
    expect(txt).toContain('<IP-');
  });
  it('keeps built-in Windows principals', () => {
    const s = 'User: NT AUTHORITY\\SYSTEM\nrun as NT AUTHORITY\\NETWORK SERVICE, nt authority\\local service, NT AUTHORITY\\IUSR, BUILTIN\\Administrators, NT SERVICE\\PolicyAgent, LocalSystem, SYSTEM, NETWORK SERVICE, LOCAL SERVICE';
    const rd = new Redactor();
    expect(redact(s, rd)).toBe(s);
    // learning them (from a report's user fact or the form) does not make them names
    rd.learn('user', 'NT AUTHORITY\\SYSTEM');
    rd.learn('user', 'NT AUTHORITY\\IUSR');
    rd.learn('user', 'LocalSystem');
    rd.learn('domain', 'BUILTIN');
    expect(rd.entries()).toEqual([]);
    expect(rd.text('IUSR logged on as NT AUTHORITY\\IUSR')).toBe('IUSR logged on as NT AUTHORITY\\IUSR');
    // a real account next to them is still replaced
    expect(redact('NT AUTHORITY\\SYSTEM and EXAMPLE\\user1')).toBe('NT AUTHORITY\\SYSTEM and <DOMAIN-1>\\<USER-1>');
  });
  it('keeps a 547 event of the SYSTEM account readable in a redacted report', () => {
    const t = 'Event Type:\tFailure Audit\nEvent Source:\tSecurity\nEvent ID:\t547\nUser:\tNT AUTHORITY\\SYSTEM\nComputer:\tSERVER1\nDescription:\nIKE security association negotiation failed.\n Failure Reason: \nNo response from peer\n';
    const out = formatReportText(decode(t, cat), { redact: true });
    expect(out).not.toContain('SERVER1');
    expect(redact(t)).toContain('NT AUTHORITY\\SYSTEM');
    expect(redact(t)).not.toMatch(/<DOMAIN-|<USER-/);
  });
  it('keeps environment-variable and ordinary Windows paths', () => {
    const s = 'Log: %SystemRoot%\\debug\noakley.log in %SystemRoot%\\debug, %windir%\\system32\\drivers\\ipsec.sys, C:\\Windows\\debug\\oakley.log, C:\\Program Files\\Support Tools\\netdiag.exe, c:\\program files (x86)\\x\\y.exe, C:\\Documents and Settings\\All Users\\Application Data';
    expect(redact(s)).toBe(s);
    // a path does not hide a name written next to it
    expect(redact('C:\\Windows\\debug EXAMPLE\\user1')).toBe('C:\\Windows\\debug <DOMAIN-1>\\<USER-1>');
  });
  it('replaces the user name of a profile folder, like the same user elsewhere', () => {
    const rd = new Redactor();
    const out = redact('C:\\Users\\alice\\Desktop\\oakley.log and C:\\Documents and Settings\\alice\\Local Settings\\Temp, C:\\Users\\Public\\x; EXAMPLE\\alice', rd);
    expect(out).toBe('C:\\Users\\<USER-1>\\Desktop\\oakley.log and C:\\Documents and Settings\\<USER-1>\\Local Settings\\Temp, C:\\Users\\Public\\x; <DOMAIN-1>\\<USER-1>');
  });
  it('replaces IPv6 addresses: full, compressed with a zone, IPv4-mapped', () => {
    const rd = new Redactor();
    const out = redact('peer 2001:0db8:0000:0000:0000:ff00:0042:8329, link fe80::1%12 (FE80::1), mapped ::ffff:10.0.0.1, v4 10.0.0.1.', rd);
    expect(out).toBe('peer <IP-1>, link <IP-2> (<IP-2>), mapped <IP-3>, v4 <IP-4>.');
    // not addresses: loopback, unspecified, times, Oakley.log time stamps, words (a MAC address is a MAC)
    const keep = 'lo ::1 any :: at 12:30:45 mac 00:11:22:33:44:55  7-21: 10:43:17:281:c0 SA Dead. cafe::face is not text but dead:beef is';
    expect(redact(keep, new Redactor())).toBe(keep.replace('00:11:22:33:44:55', '<MAC-1>').replace('cafe::face', '<IP-1>'));
    // learned from a fact
    const r2 = new Redactor();
    r2.learn('ip', 'FE80::2%7');
    expect(r2.entries()).toEqual([{ placeholder: '<IP-1>', kind: 'IP', original: 'fe80::2' }]);
    expect(r2.text('from fe80::2')).toBe('from <IP-1>');
  });
  it('lists its placeholder table in order of first sight', () => {
    const rd = new Redactor();
    redact('Computer: SERVER1\nUser: EXAMPLE\\user1\nfrom 192.168.0.20 and fe80::5', rd);
    expect(rd.entries()).toEqual([
      { placeholder: '<HOST-1>', kind: 'HOST', original: 'SERVER1' },
      { placeholder: '<DOMAIN-1>', kind: 'DOMAIN', original: 'EXAMPLE' },
      { placeholder: '<USER-1>', kind: 'USER', original: 'user1' },
      { placeholder: '<IP-1>', kind: 'IP', original: '192.168.0.20' },
      { placeholder: '<IP-2>', kind: 'IP', original: 'fe80::5' },
    ]);
    // a copy: changing it does not change the redactor
    rd.entries()[0].original = 'x';
    expect(rd.entries()[0].original).toBe('SERVER1');
  });
});
