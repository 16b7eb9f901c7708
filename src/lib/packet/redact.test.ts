import { describe, expect, it } from 'vitest';
import { createRedactor, isIPv4, isIPv6 } from './redact.ts';

describe('createRedactor', () => {
  it('replaces IPv4 addresses with stable numbered placeholders', () => {
    const r = createRedactor();
    expect(r.redact('192.168.0.10 → 10.1.2.3, again 192.168.0.10')).toBe('<IP-1> → <IP-2>, again <IP-1>');
    expect(r.redact('then 10.1.2.3')).toBe('then <IP-2>');
  });

  it('keeps masks, any, broadcast, loopback and version numbers', () => {
    const r = createRedactor();
    const text = 'Mask 255.255.255.0 any 0.0.0.0 bcast 255.255.255.255 lo 127.0.0.1 ver 5.1.2600.2180 / 1.2.3';
    expect(r.redact(text)).toBe(text);
  });

  it('replaces IPv6 addresses and MAC addresses but not times or ::1', () => {
    const r = createRedactor();
    expect(r.redact('peer fe80::1%11 and 2001:db8::a:1 at 12:30:45 mac 00:11:22:33:44:55 lo ::1')).toBe(
      'peer <IP-1> and <IP-2> at 12:30:45 mac <MAC-1> lo ::1',
    );
    expect(r.redact('::ffff:192.168.1.1')).toBe('<IP-3>');
  });

  it('replaces the names typed into the form everywhere, also inside file names', () => {
    const r = createRedactor({ hosts: ['PC123', 'srv01.corp.example.com'], users: ['yamada'], domains: ['CORP'] });
    expect(r.redact('PC123_oakley.log, pc123_ipsec_547_events.txt, \\\\SRV01, CORP\\yamada, srv01.corp.example.com')).toBe(
      '<HOST-1>_oakley.log, <HOST-1>_ipsec_547_events.txt, \\\\<HOST-2>, <DOMAIN-2>\\<USER-1>, <HOST-2>.<DOMAIN-1>',
    );
  });

  it('finds DOMAIN\\user, user@domain, \\\\host and dotted names without being told', () => {
    const r = createRedactor();
    expect(r.redact('EXAMPLE\\alice logged on as alice@example.com to \\\\FILESRV and host/server1.example.com')).toBe(
      '<DOMAIN-1>\\<USER-1> logged on as <USER-1>@<DOMAIN-2> to \\\\<HOST-1> and host/<HOST-2>.<DOMAIN-2>',
    );
  });

  it('does not touch paths, registry keys, BUILTIN accounts or file names', () => {
    const r = createRedactor();
    const text = 'C:\\Windows\\system32\\drivers\\etc\\hosts HKLM\\SOFTWARE\\Policies HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet BUILTIN\\Administrators IPsec_Debug.vbs Refresh_IPsec_Policy.vbs oakley.log lsass.exe';
    expect(r.redact(text)).toBe(text);
  });

  it('redacts the domain of a known user written as a mail address', () => {
    const r = createRedactor({ users: ['alice'] });
    expect(r.redact('alice@corp.example.com')).toBe('<USER-1>@<DOMAIN-1>');
    expect(r.redact('CORP\\alice')).toBe('<DOMAIN-2>\\<USER-1>');
  });

  it('handles Japanese text around the names', () => {
    const r = createRedactor({ hosts: ['PC-0423'] });
    expect(r.redact('連絡者はPC-0423から server1.example.comに接続できない (192.168.0.20)。')).toBe('連絡者は<HOST-1>から <HOST-2>.<DOMAIN-1>に接続できない (<IP-1>)。');
  });

  it('lists what it replaced, in order of first sight', () => {
    const r = createRedactor({ hosts: ['PC1'] });
    r.redact('PC1 10.0.0.5');
    expect(r.entries()).toEqual([
      { kind: 'HOST', value: 'pc1', placeholder: '<HOST-1>' },
      { kind: 'IP', value: '10.0.0.5', placeholder: '<IP-1>' },
    ]);
  });

  it('leaves no address in a pasted event 547', () => {
    const r = createRedactor();
    const event = [
      'Source IP Address 192.168.0.10',
      'Source IP Address Mask 255.255.255.255',
      'Destination IP Address 192.168.0.20',
      'IKE Peer Addr 192.168.0.20',
      'Kerberos based Identity: host/server1.example.com',
      'Peer IP Address: 192.168.0.20',
    ].join('\n');
    const out = r.redact(event);
    expect(out).not.toMatch(/192\.168|server1|example\.com/);
    expect(out).toContain('Mask 255.255.255.255');
  });
});

describe('well-known principals and paths', () => {
  it('leaves built-in principals alone, also when typed into the form', () => {
    const r = createRedactor({ hosts: ['PC1'], users: ['NT AUTHORITY\\SYSTEM', 'SYSTEM'], domains: ['BUILTIN', 'NT AUTHORITY'] });
    const text = 'PC1: service runs as NT AUTHORITY\\SYSTEM (LocalSystem), BUILTIN\\Administrators, NT AUTHORITY\\NETWORK SERVICE';
    expect(r.redact(text)).toBe(text.replace('PC1', '<HOST-1>'));
    expect(r.entries()).toEqual([{ kind: 'HOST', value: 'pc1', placeholder: '<HOST-1>' }]);
  });
  it('leaves environment-variable and ordinary Windows paths alone', () => {
    const r = createRedactor();
    const text = 'Log: %SystemRoot%\\debug and %windir%\\system32\\drivers, C:\\Program Files\\Support Tools\\netdiag.exe';
    expect(r.redact(text)).toBe(text);
  });
  it('takes the table from the engine: IPv6 addresses and names found in the text are listed', () => {
    const r = createRedactor({ users: ['alice'] });
    r.redact('alice at FE80::1%3 and 2001:db8::5, EXAMPLE\\bob');
    expect(r.entries()).toEqual([
      { kind: 'IP', value: 'fe80::1', placeholder: '<IP-1>' },
      { kind: 'IP', value: '2001:db8::5', placeholder: '<IP-2>' },
      { kind: 'USER', value: 'alice', placeholder: '<USER-1>' },
      { kind: 'USER', value: 'bob', placeholder: '<USER-2>' },
      { kind: 'DOMAIN', value: 'example', placeholder: '<DOMAIN-1>' },
    ]);
  });
});

describe('address checks', () => {
  it('recognises IPv4', () => {
    expect(isIPv4('10.0.0.1')).toBe(true);
    expect(isIPv4('256.0.0.1')).toBe(false);
  });
  it('recognises IPv6 forms', () => {
    for (const ok of ['::1', 'fe80::1', '2001:db8:0:0:0:0:0:1', '::ffff:10.0.0.1', '2001:db8::']) expect(isIPv6(ok), ok).toBe(true);
    for (const bad of ['12:30:45', '1:2:3:4:5:6:7:8:9', '2001::db8::1', 'g::1', 'abc']) expect(isIPv6(bad), bad).toBe(false);
  });
});

describe('robustness', () => {
  it('does not take a numeric computer name out of an address', () => {
    const r = createRedactor({ hosts: ['12', '10'] });
    expect(r.redact('10.0.0.9 and host 12 and host 10')).toBe('<IP-1> and host <HOST-1> and host <HOST-2>');
  });
  it('is idempotent on its own output', () => {
    const r = createRedactor({ hosts: ['PC1'] });
    const once = r.redact('PC1 at 10.0.0.9, srv.example.com');
    expect(r.redact(once)).toBe(once);
  });
});
