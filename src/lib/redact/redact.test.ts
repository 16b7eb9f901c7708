/** The promise to help desks, finding by finding (issue 11): each value below must not survive. */
import { describe, expect, it } from 'vitest';
import { Redactor, redact } from './index.ts';
import { createRedactor } from '../packet/redact.ts';

const leaks = (out: string, values: string[]) => values.filter((v) => out.toLowerCase().includes(v.toLowerCase()));

describe('names in any script, learned from labels and replaced everywhere', () => {
  it('Japanese user and mixed computer names from labelled lines', () => {
    const t = 'ユーザー: CORP\\山田太郎\nコンピュータ: 経理-PC01\n山田太郎さんが経理-PC01 から接続できません。ファイル 経理-PC01_oakley.log を添付。担当: 山田太郎';
    const out = redact(t);
    expect(leaks(out, ['山田太郎', '経理-PC01', '経理', 'CORP'])).toEqual([]);
    expect(out).toBe('ユーザー: <DOMAIN-1>\\<USER-1>\nコンピュータ: <HOST-1>\n<USER-1>さんが<HOST-1> から接続できません。ファイル <HOST-1>_oakley.log を添付。担当: <USER-1>');
  });
  it('full-width letters and a full-width colon', () => {
    const out = redact('コンピューター：ＰＣ０４２３\nping from pc0423 and ＰＣ０４２３ failed');
    expect(out).toBe('コンピューター：<HOST-1>\nping from <HOST-1> and <HOST-1> failed');
  });
  it('a learned ASCII name is not cut out of a longer word', () => {
    const out = redact('Domain: CORP\nCORP\\alice works at CORPORATE, Corp.');
    expect(out).toBe('Domain: <DOMAIN-1>\n<DOMAIN-1>\\<USER-1> works at CORPORATE, <DOMAIN-1>.');
  });
  it('Vista+ event fields (Account Name / Account Domain / Workstation Name)', () => {
    const out = redact('Subject:\n\tSecurity ID:\t\tS-1-5-21-1004336348-1177238915-682003330-1104\n\tAccount Name:\t\tsuzuki\n\tAccount Domain:\t\tKEIRI\nWorkstation Name:\tKEIRI-WS\nsuzuki logged on at KEIRI-WS');
    expect(leaks(out, ['suzuki', 'KEIRI', '1004336348'])).toEqual([]);
  });
  it('a name found by pattern (DOMAIN\\user) is replaced where it appears alone, before and after', () => {
    expect(redact('bob failed; then CORP\\bob retried')).toBe('<USER-1> failed; then <DOMAIN-1>\\<USER-1> retried');
  });
});

describe('certificates', () => {
  it('every RDN value of subject and issuer, and the CA name elsewhere', () => {
    const t = 'Subject: CN=srv01.corp.example.com, OU=経理部, O=Example Corp, L=Tokyo, S=Tokyo, C=JP\nIssuer: CN=Example Issuing CA, DC=corp, DC=example, DC=com\nthe chain ends at Example Issuing CA; /CN=ipsec-gw/O=Example Corp/E=pki@example.co.jp';
    const out = redact(t);
    expect(leaks(out, ['srv01', 'corp.example', '経理部', 'Example Corp', 'Tokyo', 'Example Issuing CA', 'ipsec-gw', 'pki@', 'example.co.jp'])).toEqual([]);
    expect(out).toContain('Subject: CN=<HOST-1>.<DOMAIN-1>, OU=<NAME-1>, O=<NAME-2>, L=<NAME-3>, S=<NAME-3>, C=<NAME-4>');
    expect(out).toContain('the chain ends at <NAME-5>;');
  });
  it('thumbprints (plain, spaced, colon form) and labelled serial numbers', () => {
    const tp = 'a909502dd82ae41433e6f83886b00d4277a32a7b';
    const spaced = tp.match(/../g)!.join(' ');
    const colons = tp.toUpperCase().match(/../g)!.join(':');
    const out = redact(`Cert Hash(sha1): ${spaced}\nThumbprint: ${tp}\n${colons}\nSerial Number: 1a2b3c4d5e6f\nsha256 ${'ab'.repeat(32)}`);
    // the serial number is learned from its label first, so it is <CERT-1>; one thumbprint is one placeholder
    expect(out).toBe('Cert Hash(sha1): <CERT-2>\nThumbprint: <CERT-2>\n<CERT-2>\nSerial Number: <CERT-1>\nsha256 <CERT-3>');
  });
  it('LDAP paths of policies lose their values but not the words elsewhere', () => {
    const out = redact('Policy DN: LDAP://CN=ipsecPolicy{6A1F3D7E},CN=IP Security,CN=System,DC=example,DC=com\nIP Security policies');
    expect(out).not.toMatch(/example/);
    expect(out).toContain('\nIP Security policies');
  });
});

describe('UNC hosts, SIDs, MAC addresses, free-text names', () => {
  it('UNC servers, NetBIOS and FQDN', () => {
    const out = redact('open \\\\NAS01\\share\\経理 and \\\\server.corp.example.co.jp\\public\\x.txt, \\\\10.1.2.3\\c$');
    expect(leaks(out, ['NAS01', 'server', 'corp.example.co.jp', '10.1.2.3'])).toEqual([]);
    expect(out).toBe('open \\\\<HOST-1>\\share\\経理 and \\\\<HOST-2>.<DOMAIN-1>\\public\\x.txt, \\\\<IP-1>\\c$');
  });
  it('SIDs except the well-known ones', () => {
    const out = redact('S-1-5-21-1004336348-1177238915-682003330-512 S-1-5-18 S-1-5-20 S-1-5-32-544 S-1-1-0 S-1-5-80-1234-5678 S-1-12-1-1-2-3-4');
    expect(out).toBe('<SID-1> S-1-5-18 S-1-5-20 S-1-5-32-544 S-1-1-0 S-1-5-80-1234-5678 <SID-2>');
  });
  it('MAC addresses in both forms and the Cisco form', () => {
    expect(redact('00-0C-29-3A-4B-5C / 00:0c:29:3a:4b:5c / 000c.293a.4b5c / 00-0C-29-3A-4B-5D')).toBe('<MAC-1> / <MAC-1> / <MAC-1> / <MAC-2>');
  });
  it('host names in free text with no label', () => {
    const out = redact('PC0423 から SRV01 と fs1.corp.example.jp に接続できない。PC0423_oakley.log あり。SHA1 / AES256 / IKEv2 / KB2509553 / RC4 / L2TP はそのまま');
    expect(leaks(out, ['PC0423', 'SRV01', 'fs1', 'corp.example.jp'])).toEqual([]);
    expect(out).toContain('SHA1 / AES256 / IKEv2 / KB2509553 / RC4 / L2TP はそのまま');
  });
});

describe('addresses (planted bugs of issue 15)', () => {
  it('the a.b.c.d.port form of Oakley.log', () => {
    expect(redact('Receive: (get) SA = 0x000d5af8 from 192.168.0.20.500')).toBe('Receive: (get) SA = 0x000d5af8 from <IP-1>.500');
    expect(redact('10.1.2.3.4500 and 10.1.2.3')).toBe('<IP-1>.4500 and <IP-1>');
  });
  it('172.16.0.0/12 is private, not harmless: every address in it is replaced', () => {
    for (const a of ['172.16.0.1', '172.20.10.5', '172.31.255.254']) expect(redact(`peer ${a}`), a).toBe('peer <IP-1>');
    expect(redact('mask 255.240.0.0 any 0.0.0.0')).toBe('mask 255.240.0.0 any 0.0.0.0');
  });
});

describe('one redactor for decoder, packet and CLI', () => {
  it('the packet and the decoder give the same text for the same paste', () => {
    const t = 'ユーザー: CORP\\山田太郎\n\\\\NAS01\\share 00-0C-29-3A-4B-5C S-1-5-21-1-2-3-1001 CN=ca1, O=Example';
    expect(createRedactor().redact(t)).toBe(redact(t, new Redactor()));
  });
  it('redacting twice changes nothing', () => {
    const once = redact('Computer: PC0423\nCN=x, O=y 00-0C-29-3A-4B-5C');
    expect(redact(once)).toBe(once);
  });
});

describe('the packet form', () => {
  it('a dotted target name is replaced whole inside file names, and nothing typed survives', async () => {
    const { buildPacket, EMPTY_FIELDS } = await import('../packet/packet.ts');
    const f = { ...EMPTY_FIELDS, files: [...EMPTY_FIELDS.files], caller: 'PC-0423', target: 'fs01.corp.example.com', user: 'CORP\\yamada', findings: 'IKE Peer Addr 192.168.10.20\nPeer: host/fs01.corp.example.com\nfe80::1c2b:3a4d:5e6f:7a8b%11' };
    const p = buildPacket(f, [], { redact: true, createdAt: 'x' });
    for (const text of [p.plain, p.markdown]) expect(text).not.toMatch(/fe80|PC-0423|fs01|yamada|example\.com|CORP|192\.168/i);
    expect(p.plain).toContain('- <HOST-1>_<HOST-2>.<DOMAIN-1>_ping.txt');
    expect(p.plain).toContain('Peer: host/<HOST-2>.<DOMAIN-1>');
  });
});
