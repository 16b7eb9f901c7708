/** Command outputs: ping, tracert, nslookup, ipconfig, netstat, portqry, klist, gpresult, netsh, ipseccmd, netdiag, sc. */
import { describe, expect, it } from 'vitest';
import { fixture, testCatalogue } from '../../../../test/fixtures/decode/test-catalogue.ts';
import { decode } from '../index.ts';
import type { Finding } from '../types.ts';

const cat = testCatalogue();
const run = (name: string) => decode(fixture(name), cat).findings;
const fact = (f: Finding, name: string) => f.facts.find((x) => x.name === name)?.value;

describe('ping', () => {
  it('replies, ping -a name, and an unknown host', () => {
    const [ok, nf] = run('ping-en.txt');
    expect(ok.title).toContain('応答しています (4/4)');
    expect(fact(ok, 'name')).toBe('server1.example.com');
    expect(fact(ok, 'address')).toBe('192.168.0.20');
    expect(nf.guide?.id).toBe('guides/name-resolution');
  });
  it('Japanese output with 「IP セキュリティをネゴシエートしています。」 and timeouts', () => {
    const [neg, to] = run('ping-ja.txt');
    expect(neg.playbook?.id).toBe('console/ping-negotiating');
    expect(fact(neg, 'negotiating')).toBe('1');
    expect(fact(neg, 'received')).toBe('3');
    expect(to.title).toContain('応答がありません');
    expect(fact(to, 'sent')).toBe('4');
  });
  it('negotiating then timeouts is a warning', () => {
    const fs = decode('Pinging 10.0.0.9 with 32 bytes of data:\n\nNegotiating IP Security.\nRequest timed out.\nRequest timed out.\n', cat).findings;
    expect(fs[0].severity).toBe('warning');
    expect(fs[0].playbook?.id).toBe('console/ping-negotiating');
  });
});

describe('tracert / nslookup', () => {
  it('tracert: where the path stops and whether the target is reached', () => {
    const [a, b] = run('tracert.txt');
    expect(a.title).toContain('届いていません');
    expect(fact(a, 'lastHop')).toContain('10.0.0.1');
    expect(b.title).toContain('届いています');
  });
  it('nslookup: answers and Non-existent domain', () => {
    const [ok, bad] = run('nslookup.txt');
    expect(ok.facts.filter((x) => x.name === 'address').map((x) => x.value)).toEqual(['192.168.0.30', '192.168.0.31']);
    expect(bad.title).toContain('server9');
    expect(bad.severity).toBe('warning');
  });
});

describe('ipconfig /all', () => {
  it('APIPA 169.254.x.x is flagged', () => {
    const fs = run('ipconfig-all.txt');
    const apipa = fs.find((f) => f.title.includes('169.254'))!;
    expect(apipa.severity).toBe('warning');
    expect(apipa.guide?.id).toBe('guides/ip-configuration');
    expect(fact(apipa, 'adapter')).toBe('Ethernet adapter Local Area Connection');
    const sum = fs.find((f) => f.title.includes('アダプター'))!;
    expect(fact(sum, 'host')).toBe('client1');
  });
  it('Japanese labels', () => {
    const [f] = run('ipconfig-ja.txt');
    expect(f.facts.find((x) => x.name === 'address')?.value).toBe('192.168.0.15');
  });
});

describe('who holds UDP 500 / 4500', () => {
  it('netstat -bov: lsass (IKE) on 500, another program on 4500', () => {
    const fs = run('netstat-bov.txt');
    const p500 = fs.find((f) => f.title.includes('UDP 500'))!;
    expect(p500.severity).toBe('info');
    expect(fact(p500, 'pid')).toBe('696');
    const p4500 = fs.find((f) => f.title.includes('UDP 4500'))!;
    expect(p4500.severity).toBe('error');
    expect(fact(p4500, 'image')).toBe('vpnsvc.exe');
  });
  it('netstat -ano without a UDP 500 listener', () => {
    const [f] = run('netstat-ano.txt');
    expect(f.title).toContain('UDP 500 を待ち受けているプロセスがありません');
  });
  it('portqry -local', () => {
    const fs = run('portqry-local.txt');
    expect(fs.filter((f) => f.title.includes('lsass.exe')).length).toBe(2);
  });
});

describe('klist / gpresult / sc', () => {
  it('klist tickets and an empty cache', () => {
    const [t] = run('klist-tickets.txt');
    expect(fact(t, 'count')).toBe('3');
    expect(t.severity).toBe('info');
    const [e] = run('klist-empty.txt');
    expect(e.severity).toBe('warning');
  });
  it('gpresult: when and from where, filtered GPOs', () => {
    const [g] = run('gpresult.txt');
    expect(fact(g, 'appliedFrom')).toBe('dc1.example.com');
    expect(fact(g, 'appliedGpos')).toContain('IPsec Domain Isolation');
    expect(g.meaning).toContain('IPsec Exemptions Test');
    expect(g.sensitive).toContain('policy-details');
  });
  it('sc query policyagent STOPPED with an IPsec exit code', () => {
    const [s] = run('sc-query.txt');
    expect(s.severity).toBe('error');
    expect(s.priority).toBeGreaterThanOrEqual(90);
    expect(fact(s, 'exitMeaning')).toContain('ERROR_IPSEC_IKE_AUTH_FAIL');
    const r = decode('SERVICE_NAME: PolicyAgent\n        STATE              : 4  RUNNING\n', cat).findings[0];
    expect(r.severity).toBe('info');
  });
});

describe('netsh / ipseccmd / netdiag', () => {
  it('dynamic show config: block boot mode, boot exemptions are sensitive', () => {
    const [f] = run('netsh-dynamic-config.txt');
    expect(f.severity).toBe('warning');
    expect(f.sensitive).toContain('boot-exemptions');
    expect(fact(f, 'ipsecexempt')).toContain('ISAKMP だけ');
  });
  it('dynamic show stats: non-zero failure counters link their playbooks', () => {
    const fs = run('netsh-dynamic-stats.txt');
    expect(fs.find((f) => f.title.includes('不正な SPI'))?.playbook?.id).toBe('ipsec-driver/bad-spi');
    expect(fs.find((f) => f.title.includes('ソフト SA'))?.playbook?.id).toBe('ike-success/soft-sa');
    expect(fs.some((f) => f.title.includes('復号'))).toBe(false);
  });
  it('mmsas, static show all, gpoassignedpolicy, ipseccmd show gpo', () => {
    expect(run('netsh-mmsas.txt')[0].facts.find((x) => x.name === 'auth')?.value).toBe('Kerberos');
    const st = run('netsh-static-all.txt');
    expect(st.some((f) => f.sensitive?.includes('exemptions'))).toBe(true);
    expect(st.some((f) => f.title.includes('Domain Isolation'))).toBe(true);
    expect(run('ipseccmd-show-gpo.txt')[0].title).toContain('Domain Isolation');
    expect(decode('IPSec policy service is active, but no policy is assigned.', cat).findings[0].title).toContain('ありません');
  });
  it('netdiag: failed tests and the IPsec test', () => {
    const fs = run('netdiag-ipsec.txt');
    const k = fs.find((f) => f.title.includes('Kerberos'))!;
    expect(k.guide?.id).toBe('guides/domain-controller-kerberos');
    expect(fact(k, 'detail')).toContain('[FATAL]');
    expect(fs.find((f) => f.title.includes('/test:ipsec'))?.facts.find((x) => x.name === 'policy')?.value).toBe('Domain Isolation');
  });
});
