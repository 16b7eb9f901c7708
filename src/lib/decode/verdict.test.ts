import { describe, expect, it } from 'vitest';
import { testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decode } from './index.ts';
import { countPlaceholders } from './verdict.ts';

const cat = testCatalogue();

const backup547 = `Log Name:      Application
Source:        Microsoft-Windows-Backup
Event ID:      547
Level:         Error
Description:
The backup operation that started at '2023-03-01T01:00:00.000000000Z' has failed because the Volume Shadow Copy Service operation to create a shadow copy of the volumes being backed up failed with following error code '2155348129'. Please review the event details for a solution, and then rerun the backup operation once the issue is resolved.`;

describe('verdict: identity of events', () => {
  it('an event from another product with an IPsec number is not-ipsec, naming its source', () => {
    const r = decode(backup547, cat);
    expect(r.verdict).toBe('not-ipsec');
    expect(r.findings[0].kind).toBe('not-ipsec');
    expect(r.findings[0].title).toContain('Microsoft-Windows-Backup');
    const [s, e] = r.verdictInfo.evidence[0];
    expect(backup547.slice(s, e)).toMatch(/547|Microsoft-Windows-Backup/);
  });

  it('an event without a source whose description is another product\'s message is not sent to the IPsec page', () => {
    const text = backup547.replace(/Source:.*\n/, '');
    const r = decode(text, cat);
    expect(r.findings.every((f) => !f.playbook?.id.startsWith('ike-'))).toBe(true);
    expect(r.verdict).toBe('not-ipsec');
  });

  it('a bare ID after another product\'s event belongs to that product', () => {
    const text = `${backup547}\n\nEvent ID:      4284\nLevel:         Error\nDescription:\nThe MTA could not open the message store.`;
    const r = decode(text, cat);
    const f4284 = r.findings.find((f) => f.eventId === 4284);
    expect(f4284?.kind).toBe('not-ipsec');
    expect(f4284?.facts.find((x) => x.name === 'carriedSource')?.value).toBe('Microsoft-Windows-Backup');
    expect(r.verdict).toBe('not-ipsec');
  });

  it('an IPsec component with an ID the catalogue lacks is never called not IPsec', () => {
    const text = `Event Type:\tError\nEvent Source:\tPolicyAgent\nEvent Category:\tNone\nEvent ID:\t9999\nDescription:\nThe IPSEC Policy Agent failed to start. Policy Agent will not run.`;
    const r = decode(text, cat);
    expect(r.findings.some((f) => f.kind === 'not-ipsec')).toBe(false);
    const f = r.findings[0];
    expect(f.kind).toBe('component');
    expect(f.verdict).toBe('need-data');
    expect(r.verdict).toBe('need-data');
    expect(r.verdictInfo.next.join('')).toContain('前後のイベント');
  });

  it('an IPsec driver ID in the wrong log is not the IPsec driver event', () => {
    const text = 'Log Name: Security\nEvent ID: 4285\nDescription:\nThe audit log was cleared by the administrator account.';
    const r = decode(text, cat);
    expect(r.findings[0].kind).toBe('not-ipsec');
    expect(r.findings[0].meaning).toContain('Security');
    expect(r.verdict).toBe('not-ipsec');
  });

  it('a Service Control Manager event naming IKEEXT is an IPsec fault, and says which service', () => {
    const text = 'Log Name: System\nSource: Service Control Manager\nEvent ID: 7023\nLevel: Error\nDescription:\nThe IKE and AuthIP IPsec Keying Modules service terminated with the following error: \nThe device is not ready.';
    const r = decode(text, cat);
    const f = r.findings[0];
    expect(f.facts.find((x) => x.name === 'service')?.value).toBe('IKEEXT (IKE and AuthIP IPsec Keying Modules)');
    expect(f.severity).toBe('error');
    expect(['ipsec-fault', 'need-data']).toContain(r.verdict);
    expect(r.verdict).not.toBe('not-ipsec');
  });
});

describe('verdict: VPN', () => {
  const rasclient = 'Log Name:      Application\nSource:        RasClient\nEvent ID:      20227\nLevel:         Error\nDescription:\nCoId={8A1B2C3D-0000-4000-8000-0123456789AB}: The user CONTOSO\\alice dialed a connection named Contoso VPN which has failed. The error code returned on failure is 809.';
  it('RasClient 20227 is vpn, with the code and the connection name read from the text', () => {
    const r = decode(rasclient, cat);
    expect(r.verdict).toBe('vpn');
    const f = r.findings[0];
    expect(f.facts.find((x) => x.name === 'rasCode')?.value).toMatch(/^809 \(ERROR_VPN_TIMEOUT\)/);
    expect(f.facts.find((x) => x.name === 'connection')?.value).toBe('Contoso VPN');
  });
  it('accepts the "that has failed" wording and the code as the last insertion string of XML', () => {
    const r = decode(rasclient.replace('which has failed', 'that has failed').replace('809', '789'), cat);
    expect(r.findings[0].facts.find((x) => x.name === 'rasCode')?.value).toMatch(/^789 /);
    const xml = `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="RasClient" /><EventID Qualifiers="0">20227</EventID><Channel>Application</Channel></System><EventData><Data>{8A1B2C3D-0000-4000-8000-0123456789AB}</Data><Data>CONTOSO\\alice</Data><Data>Contoso VPN</Data><Data>13801</Data></EventData></Event>`;
    const rx = decode(xml, cat);
    expect(rx.verdict).toBe('vpn');
    expect(rx.findings[0].facts.find((x) => x.name === 'rasCode')?.value).toMatch(/^13801 /);
  });
});

describe('verdict: templates, emptiness and unknown text', () => {
  it('counts placeholders of templates and skeletons', () => {
    expect(countPlaceholders('The %1 service terminated with %2')).toBe(2);
    expect(countPlaceholders('Date: YYYY-MM-DD hh:mm:ss user [username]')).toBe(3);
    expect(countPlaceholders('192.168.0.10 port 500')).toBe(0);
  });
  it('a documentation template of a 547 gets need-data, never a diagnosis', () => {
    const text = 'Event Type: Failure Audit\nEvent Source: Security\nEvent ID: 547\nDescription:\nIKE security association negotiation failed.\nMode:\n%1\nFilter:\n%2\nPeer Identity:\n%3\nFailure Point:\n%4\nFailure Reason:\n%5\nExtra Status:\n%6';
    const r = decode(text, cat);
    expect(r.verdict).toBe('need-data');
    expect(r.verdictInfo.next[0]).toContain('%1');
  });
  it('empty input is need-data with what to paste', () => {
    const r = decode('   ', cat);
    expect(r.verdict).toBe('need-data');
    expect(r.verdictInfo.next.length).toBe(1);
  });
  it('text with nothing IPsec in it is not-ipsec, and says it may be an unknown format', () => {
    const r = decode('GET /index.html HTTP/1.1 200 5123 "-" "Mozilla/5.0"', cat);
    expect(r.verdict).toBe('not-ipsec');
    expect(r.verdictReason).toContain('知らない形式');
  });
  it('text about IPsec that the decoder cannot place is need-data, not not-ipsec', () => {
    const r = decode('IPsec のトンネルがときどき切れるようです。原因を教えてください。', cat);
    expect(r.verdict).toBe('need-data');
  });
});

describe('verdict: anomalies', () => {
  const klist = (end: string) => `Current LogonId is 0:0x3e7\n\nCached Tickets: (1)\n\n#0>\tClient: Administrator @ CONTOSO.COM\n\tServer: krbtgt/CONTOSO.COM @ CONTOSO.COM\n\tKerbTicket Encryption Type: RSADSI RC4-HMAC(NT)\n\tTicket Flags 0x40e00000 -> forwardable renewable initial pre_authent\n\tStart Time: 3/1/2023 10:00:00 (local)\n\tEnd Time:   ${end} (local)\n\tRenew Time: 3/8/2023 10:00:00 (local)\n\tSession Key Type: RSADSI RC4-HMAC(NT)\n`;
  it('a ticket no KDC would issue is said out loud and escalated, never read as "Kerberos works"', () => {
    const r = decode(klist('2/26/2033 10:00:00'), cat);
    const a = r.findings.find((f) => f.kind === 'anomaly');
    expect(a?.title).toContain('偽造チケットの疑い');
    expect(a?.facts[0].value).toContain('3650 日');
    expect(r.verdictInfo.alert).toContain('偽造チケットの疑い');
    expect(r.findings.some((f) => f.meaning.includes('認証はできており'))).toBe(false);
  });
  it('a normal 10-hour ticket raises no alert', () => {
    const r = decode(klist('3/1/2023 20:00:00'), cat);
    expect(r.findings.some((f) => f.kind === 'anomaly')).toBe(false);
    expect(r.verdictInfo.alert).toBeUndefined();
  });
});

describe('verdict: a symbolic name beside the wrong number', () => {
  it('decodes both, shows the mismatch and decides nothing', () => {
    const r = decode('The VPN failed: ERROR_IPSEC_IKE_AUTH_FAIL (0x000035EF)', cat);
    const f = r.findings.find((x) => x.title.startsWith('名前と数値が一致しません'));
    expect(f?.title).toContain('13801');
    expect(f?.title).toContain('ERROR_IPSEC_IKE_SA_DELETED');
    expect(f?.verdict).toBe('need-data');
  });
  it('the same code written twice is still one plain finding', () => {
    const r = decode('error ERROR_IPSEC_IKE_AUTH_FAIL (0x000035E9)', cat);
    expect(r.findings.some((x) => x.title.startsWith('名前と数値が一致しません'))).toBe(false);
  });
});

describe('verdict: codes with the site\'s own pages (generated catalogue)', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const gen = JSON.parse(readFileSync(join(import.meta.dirname, '../../generated/catalogue.json'), 'utf8'));
  it('a code both a VPN page and an isolation page explain is need-data alone, VPN with VPN words', () => {
    const bare = decode('Error 13806', gen);
    expect(bare.verdict).toBe('need-data');
    expect(bare.verdictReason).toContain('VPN 接続でもドメイン分離でも');
    const vpn = decode('Error 13806 when I dial the L2TP VPN connection', gen);
    expect(vpn.verdict).toBe('vpn');
    expect(vpn.verdictInfo.playbook?.id).toBe('vpn/error-13806');
  });
  it('a general Windows error code is not called an IPsec fault on its own', () => {
    const r = decode('0x800706BA', gen);
    expect(r.findings[0].title).toContain('RPC_S_SERVER_UNAVAILABLE');
    expect(r.verdict).toBe('need-data');
  });
  it('a general Windows error a VPN page explains (1931) is VPN only when the paste is about a VPN', () => {
    const bare = decode('Error 1931', gen);
    expect([bare.verdict, bare.verdictInfo.playbook?.id]).toEqual(['need-data', 'vpn/error-1931']);
    expect(bare.verdictReason).toContain('Windows の一般的なエラー コードです。');
    const vpn = decode('The VPN connection failed with error 1931.', gen);
    expect([vpn.verdict, vpn.verdictInfo.playbook?.id]).toEqual(['vpn', 'vpn/error-1931']);
  });
  it('a two-digit code read out after "error" (error 87) is read too, with the same rule', () => {
    const bare = decode('Error code: 87', gen);
    expect([bare.verdict, bare.verdictInfo.playbook?.id]).toEqual(['need-data', 'vpn/error-87']);
    const vpn = decode('L2TP の VPN 接続でエラー 87 が出ます', gen);
    expect([vpn.verdict, vpn.verdictInfo.playbook?.id]).toEqual(['vpn', 'vpn/error-87']);
    expect(decode('I have 87 errors', gen).findings).toEqual([]);
  });
  it('WFP codes are read by name and by HRESULT, and titled in hex', () => {
    expect(decode('FWP_E_ALREADY_EXISTS', gen).findings[0].title).toBe('エラー コード 0x80320009 = FWP_E_ALREADY_EXISTS');
    expect(decode('hr = -2144206839', gen).findings[0].title).toBe('エラー コード 0x80320009 = FWP_E_ALREADY_EXISTS');
  });
  it('a RAS code is the VPN\'s and links its page', () => {
    const r = decode('error 809', gen);
    expect(r.verdict).toBe('vpn');
    expect(r.verdictInfo.playbook?.id).toBe('vpn/error-809');
  });
});

describe('verdict: what counts as speaking of IPsec', () => {
  it('whole words only: "like" or "despite" in unknown text are not IPsec', () => {
    expect(decode('It looks like the despite printer queue is stuck again', cat).verdict).toBe('not-ipsec');
    expect(decode('IKE keeps failing between the two servers', cat).verdict).toBe('need-data');
  });
});

describe('verdict: callers\' words', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const gen = JSON.parse(readFileSync(join(import.meta.dirname, '../../generated/catalogue.json'), 'utf8'));
  it('a symptom phrase (any width, any spacing) gives a "probably" finding and need-data, never a fault', () => {
    for (const t of ['VPN につながらない。', 'ＶＰＮ に つながらない']) {
      const r = decode(t, gen);
      const f = r.findings.find((x) => x.kind === 'symptom');
      expect(f?.title.startsWith('おそらく: ')).toBe(true);
      expect(f?.playbook?.id.startsWith('vpn/')).toBe(true);
      expect(r.verdict).toBe('need-data');
    }
  });
});

describe('verdict: whole pastes a help desk receives (generated catalogue)', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const gen = JSON.parse(readFileSync(join(import.meta.dirname, '../../generated/catalogue.json'), 'utf8'));
  const at = (text: string, spans: Array<[number, number]>) => spans.map(([s, e]) => text.slice(s, e));

  it('RasClient 20227 with error 809 is vpn, opens the 809 page and shows event, source, log and code', () => {
    const text = 'Log Name:      Application\nSource:        RasClient\nEvent ID:      20227\nLevel:         Error\nDescription:\nCoId={8A1B2C3D-0000-4000-8000-0123456789AB}: The user CONTOSO\\alice dialed a connection named Contoso VPN which has failed. The error code returned on failure is 809.';
    const r = decode(text, gen);
    expect(r.verdict).toBe('vpn');
    expect(r.verdictInfo.playbook?.id).toBe('vpn/error-809');
    expect(at(text, r.verdictInfo.evidence)).toEqual(['20227', 'RasClient', 'Application', '809']);
    expect(r.verdictInfo.next).toEqual([]);
  });
  it('a bare event number is need-data and asks for the whole event', () => {
    const r = decode('Event ID 547', gen);
    expect(r.verdict).toBe('need-data');
    expect(r.verdictReason).toBe('イベント ID の番号だけで、ソースも説明文もありません。 (イベント ID 547 (IKE security association negotiation failed.))');
    expect(r.verdictInfo.evidence).toEqual([[9, 12]]);
    expect(r.verdictInfo.next).toEqual(['イベント ビューアーでそのイベントを開き、「ログの名前」「ソース」「イベント ID」と説明の全文をそのまま貼り付けてください。']);
  });
  it('a bare 13801 asks whether it was a VPN or a domain-isolation connection', () => {
    const r = decode('13801', gen);
    expect(r.verdict).toBe('need-data');
    expect(r.verdictInfo.next).toEqual(['VPN 接続 (RasClient のイベント、接続名) なのか、社内のサーバーへの接続 (ドメイン分離) なのかを確認してください。']);
  });
  it('13801 in an L2TP sentence goes to the VPN page, keeping the isolation page as an alternative', () => {
    const text = 'The L2TP connection attempt failed with error 13801';
    const r = decode(text, gen);
    expect(r.verdict).toBe('vpn');
    expect(r.verdictInfo.playbook?.id).toBe('vpn/error-13801');
    const f = r.findings.find((x) => x.kind === 'error-code');
    expect(f?.alternatives?.map((a) => a.id)).toEqual(['ike-auth/credentials-unacceptable']);
    expect(r.verdictReason).toBe('VPN 接続の文脈で出た失敗です (コード 13801)。 (エラー コード 13801 (0x000035E9) = ERROR_IPSEC_IKE_AUTH_FAIL) ほかに 1 件の記録があります。');
  });
  it('SCM 7000 for IKEEXT is an IPsec fault on the SCM page, with the service as evidence', () => {
    const text = 'Log Name: System\nSource: Service Control Manager\nEvent ID: 7000\nLevel: Error\nDescription:\nThe IKE and AuthIP IPsec Keying Modules service failed to start due to the following error: \nThe system cannot find the file specified.';
    const r = decode(text, gen);
    expect(r.verdict).toBe('ipsec-fault');
    expect(r.verdictInfo.playbook?.id).toBe('modern-services/scm-events');
    expect(at(text, r.verdictInfo.evidence)).toEqual(['7000', 'Service Control Manager', 'System', 'IKE and AuthIP IPsec Keying Modules']);
  });
  it('ping stuck on "Negotiating IP Security" is an IPsec fault with the ping page', () => {
    const text = 'Pinging 10.0.0.5 with 32 bytes of data:\nNegotiating IP Security.\nNegotiating IP Security.\nRequest timed out.';
    const r = decode(text, gen);
    expect(r.verdict).toBe('ipsec-fault');
    expect(r.verdictInfo.playbook?.id).toBe('console/ping-negotiating');
    expect(r.verdictInfo.evidence).toEqual([[0, text.length]]);
  });
});
