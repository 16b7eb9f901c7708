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
    for (const n of NAMES) expect(json.toLowerCase()).not.toContain(n.toLowerCase() + '"');
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
});
