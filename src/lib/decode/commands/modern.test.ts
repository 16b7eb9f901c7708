/**
 * Vista-and-later command outputs: netsh advfirewall (monitor / consec), Get-NetIPsec* Format-List,
 * auditpol (text and /r CSV), and netsh wfp capture output (wfpdiag.txt [ikeext] lines, wfpdiag.xml
 * netEvents). Fixtures under test/fixtures/decode/modern/ are published outputs (each has a .source
 * file naming where it was published); inline samples below say when they are constructed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, testCatalogue } from '../../../../test/fixtures/decode/test-catalogue.ts';
import { parseTsv } from '../../data/tsv.ts';
import { decode } from '../index.ts';
import type { Finding } from '../types.ts';

const cat = testCatalogue();
const run = (name: string) => decode(fixture(`modern/${name}`), cat);
const facts = (f: Finding, name: string) => f.facts.filter((x) => x.name === name).map((x) => x.value);
const fact = (f: Finding, name: string) => facts(f, name)[0];

describe('netsh advfirewall (KB 949856 samples)', () => {
  const r = run('netsh-advfirewall-kb949856.txt');
  it('reads the rule, the main mode SA and the quick mode SA as three findings, nothing left over', () => {
    expect(r.findings.map((f) => f.title).sort()).toEqual([
      'netsh advfirewall consec show rule: 接続セキュリティ規則が 1 件',
      'netsh advfirewall monitor show mmsa: メイン モード SA が 1 件 (相手 1 台)',
      'netsh advfirewall monitor show qmsa: クイック モード SA が 1 件 (相手 1 台)',
    ]);
    expect(r.unrecognised).toEqual([]);
  });
  const by = (p: string) => r.findings.find((f) => f.title.includes(p))!;
  it('main mode SA: peer, local address, first authentication and offer, with spans on the input', () => {
    const mm = by('show mmsa');
    expect(fact(mm, 'peer')).toBe('157.59.24.119');
    expect(fact(mm, 'local')).toBe('157.59.24.101');
    expect(fact(mm, 'auth')).toBe('ComputerPSK');
    expect(fact(mm, 'offer')).toBe('ECDHAP384-3DES-SHA256');
    const peer = mm.facts.find((x) => x.name === 'peer')!;
    expect(fixture('modern/netsh-advfirewall-kb949856.txt').slice(...peer.span)).toBe('157.59.24.119');
    expect(mm.guide?.id).toBe('guides/consec-monitoring');
  });
  it('the qmsa sample is headed "Main Mode SA at" but is classified by its QM Offer field', () => {
    expect(fact(by('show qmsa'), 'offer')).toBe('AH:AESGMAC256+ESP:AESGCM256-AESGCM256+60min +100000kb');
  });
  it('a connection security rule that prints its preshared key is a warning and is sensitive', () => {
    const rule = by('consec');
    expect(rule.severity).toBe('warning');
    expect(rule.sensitive).toContain('policy-details');
    expect(fact(rule, 'rule')).toBe('test (Yes, RequestInRequestOut, ComputerPSK)');
    const psk = rule.facts.find((x) => x.name === 'psk')!;
    expect(fixture('modern/netsh-advfirewall-kb949856.txt').slice(...psk.span)).toBe('12345');
  });
  it('twelve SAs with three peers are ONE finding with a count', () => {
    const block = (n: number) => `Main Mode SA at 01/04/2008 13:10:0${n % 10}\nLocal IP Address:192.0.2.10\nRemote IP Address:198.51.100.${1 + (n % 3)}\nFirst Auth:ComputerKerb\nSecond Auth:None\nMM Offer: AES128-SHA1-DH2\nOk.\n\n`;
    const fs = decode(Array.from({ length: 12 }, (_, n) => block(n)).join(''), cat).findings;
    expect(fs).toHaveLength(1);
    expect(fact(fs[0], 'count')).toBe('12');
    expect(facts(fs[0], 'peer')).toEqual(['198.51.100.1', '198.51.100.2', '198.51.100.3']);
    expect(fact(fs[0], 'auth')).toBe('ComputerKerb ×12');
  });
  it('`firewall show rule` (no endpoints, no Auth1) is not taken for a connection security rule', () => {
    const fs = decode('Rule Name:                            Core Networking - DNS (UDP-Out)\n----------------------------------------------------------------------\nEnabled:                              Yes\nDirection:                            Out\nProfiles:                             Domain,Private,Public\nAction:                               Allow\n', cat).findings;
    expect(fs.some((f) => f.title.includes('consec'))).toBe(false);
  });
});

describe('Get-NetIPsec* Format-List', () => {
  // Constructed: no published Format-List sample was found; property names are those of the
  // MSFT_NetMainModeSA / MSFT_NetQuickModeSA / MSFT_NetConSecRule classes on Microsoft Learn.
  const mm = (n: number) => `Name                   : ${n}\nLocalEndpoint          : 192.0.2.10\nRemoteEndpoint         : 198.51.100.${n}\nLocalFirstId.Identity  : CONTOSO\\CLIENT01$\nRemoteFirstId.Identity : CONTOSO\\SERVER0${n}$\nCipherAlgorithm        : AES128\n\n`;
  it('main mode SAs: one finding, count and peers, Windows 8 / Server 2012 cmdlet', () => {
    const fs = decode(mm(1) + mm(2) + mm(3), cat).findings;
    expect(fs).toHaveLength(1);
    expect(fs[0].title).toBe('Get-NetIPsecMainModeSA: メイン モード SA が 3 件 (相手 3 台)');
    expect(facts(fs[0], 'peer')).toEqual(['198.51.100.1', '198.51.100.2', '198.51.100.3']);
    expect(fact(fs[0], 'remoteId')).toBe('CONTOSO\\SERVER01$, CONTOSO\\SERVER02$, CONTOSO\\SERVER03$');
  });
  it('quick mode SAs are told apart by their ports and protocol', () => {
    const fs = decode('Name                   : 5\nLocalEndpoint          : 192.0.2.10\nRemoteEndpoint         : 198.51.100.7\nLocalPort              : 0\nRemotePort             : 0\nTransportLayerProtocol : 0\nEncapsulationMode      : Transport\n', cat).findings;
    expect(fs[0].title).toBe('Get-NetIPsecQuickModeSA: クイック モード SA が 1 件 (相手 1 台)');
    expect(fact(fs[0], 'encapsulation')).toBe('Transport');
  });
  it('rules: names, disabled count, Require inbound', () => {
    const rule = (name: string, en: string) => `IPsecRuleName    : {${name}}\nDisplayName      : ${name}\nEnabled          : ${en}\nMode             : Transport\nInboundSecurity  : Require\nOutboundSecurity : Request\n\n`;
    const [f] = decode(rule('Domain Isolation', 'True') + rule('Test Exemption', 'False'), cat).findings;
    expect(f.title).toBe('Get-NetIPsecRule: 接続セキュリティ規則が 2 件 (うち無効 1 件)');
    expect(facts(f, 'rule')).toEqual(['Domain Isolation (Enabled=True, In=Require, Out=Request)', 'Test Exemption (Enabled=False, In=Require, Out=Request)']);
    expect(f.meaning).toContain('2 件');
  });
  it('nslookup "Name:" lines are not taken for Format-List', () => {
    const fs = decode('Server:  dc1.contoso.com\nAddress:  192.0.2.1\n\nName:    server1.contoso.com\nAddress:  192.0.2.20\n', cat).findings;
    expect(fs.some((f) => f.title.startsWith('Get-NetIPsec'))).toBe(false);
  });
});

describe('auditpol', () => {
  it('nothing configured: main mode, quick mode and driver are reported off, with their GUIDs', () => {
    const r = run('auditpol-en-boot.txt');
    expect(r.findings).toHaveLength(1);
    const [f] = r.findings;
    expect(f.title).toBe('auditpol: IPsec の失敗を記録しないサブカテゴリがあります (IPsec Driver, IPsec Main Mode, IPsec Quick Mode)');
    expect(f.severity).toBe('warning');
    expect(f.guide?.id).toBe('guides/ipsec-auditing');
    expect(facts(f, 'off')).toHaveLength(12);
    expect(facts(f, 'off')).toContain('IPsec Main Mode: No Auditing (記録しない、{0CCE9218-69AE-11D9-BED3-505054503030}、イベント 4646,4650,4651,4652,4653,4655,4976,5049,5453)');
    expect(r.unrecognised).toEqual([]);
  });
  it('/r CSV: rows are matched by GUID and the numeric setting', () => {
    const [f] = run('auditpol-csv-wazuh.txt').findings;
    expect(facts(f, 'off').map((x) => x.split(':')[0])).toEqual(['IPsec Driver', 'Security System Extension']);
    expect(facts(f, 'on').map((x) => x.split(':')[0])).toEqual(['Security State Change', 'Other System Events']);
  });
  it('a listing without IPsec subcategories says so and gives the GUID command', () => {
    const [f] = run('auditpol-subcategory-pnp.txt').findings;
    expect(f.title).toBe('auditpol: IPsec の監査サブカテゴリは出力に含まれていません');
    expect(fact(f, 'next')).toContain('{0CCE9218-69AE-11D9-BED3-505054503030}');
  });
  it('Japanese output (setting words from auditpolmsg.dll; subcategory names as in the data file)', () => {
    const ja = 'システム監査ポリシー\nカテゴリ/サブカテゴリ                      設定\nシステム\n  IPsec ドライバー                         成功および失敗\nログオン/ログオフ\n  IPsec メイン モード                       失敗\n  IPsec クイック モード                     成功および失敗\n';
    const [f] = decode(ja, cat).findings;
    expect(f.title).toBe('auditpol: 出力にある IPsec 関連の監査 3 件はすべて有効です');
    expect(f.severity).toBe('info');
    expect(facts(f, 'on')[1]).toBe('IPsec メイン モード: 失敗 (失敗だけ記録、{0CCE9218-69AE-11D9-BED3-505054503030}、イベント 4646,4650,4651,4652,4653,4655,4976,5049,5453)');
  });
  it('success-only main mode hides 4653: reported', () => {
    const [f] = decode('System audit policy\nCategory/Subcategory                      Setting\nLogon/Logoff\n  IPsec Main Mode                         Success\n', cat).findings;
    expect(f.severity).toBe('warning');
    expect(facts(f, 'noFailure')[0]).toContain('IPsec Main Mode: Success');
  });
  it('reads the subcategories from the one data file (through the catalogue), with their GUIDs', () => {
    const rows = parseTsv(readFileSync(join(import.meta.dirname, '../../../../content/data/audit-subcategories.tsv'), 'utf8'));
    expect(cat.auditSubcategories?.map((s) => s.guid)).toEqual(rows.map((r) => r.guid.replace(/[{}]/g, '').toUpperCase()));
    expect(cat.auditSubcategories?.find((s) => s.en === 'IPsec Driver')).toMatchObject({ guid: '0CCE9213-69AE-11D9-BED3-505054503030', ja: 'IPsec ドライバー', core: true });
  });
});

describe('netsh wfp capture: wfpdiag.txt and wfpdiag.xml', () => {
  it('[ikeext] main mode failure 0x35e9 links the 13801 playbook, with peer and failure point', () => {
    const r = run('wfpdiag-ikeext-azure.txt');
    expect(r.findings).toHaveLength(1);
    const [f] = r.findings;
    expect(f.title).toBe('wfpdiag.txt: IKE/Authip Main Mode Failure 13801 ERROR_IPSEC_IKE_AUTH_FAIL × 1');
    expect(f.playbook?.id).toBe('ike-auth/credentials-unacceptable');
    expect(fact(f, 'failurePoint')).toBe('Remote');
    expect(fact(f, 'peer')).toBe('52.161.24.36');
    expect(fact(f, 'local')).toBe('13.78.238.92');
    const code = f.facts.find((x) => x.name === 'failureErrorCode')!;
    expect(fixture('modern/wfpdiag-ikeext-azure.txt').slice(...code.span)).toBe('0x000035e9');
    expect(f.meaning).toContain('相手側');
    expect(r.unrecognised).toEqual([]);
  });
  it('[ikeext] lines without a failure record say so', () => {
    const [f] = decode('[0]0368.03A4::02/02/2017-17:36:01.496 [ikeext] 3038|52.161.24.36|Deleted ICookie from the high priority thread pool list\n', cat).findings;
    expect(f.title).toBe('wfpdiag.txt: [ikeext] のトレース 1 行 (IKE の失敗イベントなし)');
  });
  it('published classify-drop netEvent: one drop finding with the filter id, not an IKE failure', () => {
    const [f] = run('wfpdiag-xml-classifydrop.xml').findings;
    expect(f.title).toBe('wfpdiag.xml: WFP classify drop の netEvent 1 件');
    expect(fact(f, 'filterId')).toBe('68893');
    expect(fact(f, 'peer')).toBe('2620:1ec:c11::200');
  });
  it('repeated ikeMmFailure netEvents are ONE finding per code with the peers', () => {
    // Constructed from the FWPM_NET_EVENT_IKEEXT_MM_FAILURE1 member names (Microsoft Learn, fwpmtypes.h)
    // inside the published netEvent header layout; no published IKE failure netEvent was found.
    const ev = (peer: string, code: number) =>
      `<netEvent>\n<header>\n<ipVersion>FWP_IP_VERSION_V4</ipVersion>\n<localAddrV4>192.0.2.10</localAddrV4>\n<remoteAddrV4>${peer}</remoteAddrV4>\n</header>\n<type>FWPM_NET_EVENT_TYPE_IKEEXT_MM_FAILURE</type>\n<ikeMmFailure>\n<failureErrorCode>${code}</failureErrorCode>\n<failurePoint>IPSEC_FAILURE_ME</failurePoint>\n<keyingModuleType>IKEEXT_KEY_MODULE_IKE</keyingModuleType>\n</ikeMmFailure>\n</netEvent>\n`;
    const fs = decode(ev('198.51.100.1', 13801) + ev('198.51.100.2', 13801) + ev('198.51.100.1', 13801) + ev('203.0.113.5', 13806), cat).findings;
    expect(fs.map((f) => f.title)).toEqual(['wfpdiag.xml: IKE/AuthIP Main Mode Failure 13801 ERROR_IPSEC_IKE_AUTH_FAIL × 3', 'wfpdiag.xml: IKE/AuthIP Main Mode Failure 13806 ERROR_IPSEC_IKE_NO_CERT × 1']);
    expect(facts(fs[0], 'peer')).toEqual(['198.51.100.1', '198.51.100.2']);
    expect(fact(fs[0], 'keyingModuleType')).toBe('IKEEXT_KEY_MODULE_IKE');
    expect(fs[0].meaning).toContain('自分の側');
    expect(fs[0].playbook?.id).toBe('ike-auth/credentials-unacceptable');
  });
});
