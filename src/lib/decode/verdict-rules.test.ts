/**
 * Rule-level tests of verdict.ts: each rule of findingVerdict(), the reroute of IPsec findings in a VPN paste,
 * the choice of the top finding (rank, specificity, priority), the reason line, the evidence, the need-data
 * requests and combine(). The findings are built the way the parsers build them, against a small catalogue
 * whose pages and codes are known here (one isolation page and one VPN page per code where both exist).
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue, CataloguePlaybook } from '../catalogue/types.ts';
import { getIndex, playbookRef } from './catalogue-index.ts';
import { CODE, fact, finding, page } from '../../../test/fixtures/decode/verdict-kit.ts';
import type { Fact, Finding, ReportVerdict, Span } from './types.ts';
import { combine, countDecisive, countPlaceholders, decide, findingVerdict, hasStrongVpnContext, hasVpnContext, isDocumentation } from './verdict.ts';

const mini: Catalogue = {
  generatedFrom: 'verdict-rules.test.ts',
  playbooks: [
    // an isolation flowchart that mentions the RasClient event comes first: the VPN event page must still be chosen
    page('flowcharts/callers-computer', 'isolation', { events: [20227] }),
    page('ike-auth/credentials-unacceptable', 'isolation', { codes: [13801], sigCodes: [13801], events: [547] }),
    page('ike-main-mode/no-response', 'isolation', { codes: [13813], sigCodes: [13813], events: [547] }),
    page('ike-main-mode/event-547', 'isolation', { events: [547] }),
    page('ike-success/event-541', 'isolation', { events: [541] }),
    page('ipsec-service/rpc-init', 'isolation', { codes: [1722] }),
    page('modern-services/scm-events', 'isolation', { events: [7000] }),
    page('modern-ike/event-4653', 'isolation', { events: [4653] }),
    page('modern-ike/reason-policy-match', 'isolation', { sigCodes: [undefined, 13868] }),
    page('pastore/local-load', 'isolation', { sigCodes: [undefined] }),
    page('legacy/no-domain', undefined, { codes: [13806] }),
    page('vpn/error-13801', 'vpn', { codes: [13801], sigCodes: [13801] }),
    page('vpn/error-13806', 'vpn', { codes: [13806] }),
    page('vpn/error-13868', 'vpn', { sigCodes: [13868] }),
    page('vpn/error-87', 'vpn', { codes: [87] }),
    page('vpn/rasclient-events', 'vpn', { events: [20227] }),
    page('vpn/sstp-events', 'vpn', { events: [20271] }),
  ],
  events: [
    { id: 541, os: 'XP', log: 'Security', source: 'Security', title: 'IKE security association established.', note: '' },
    { id: 547, os: 'XP', log: 'Security', source: 'Security', title: 'IKE security association negotiation failed.', note: '' },
    { id: 4653, os: 'Vista', log: 'Security', source: 'Microsoft-Windows-Security-Auditing', title: 'An IPsec Main Mode negotiation failed.', note: '' },
    { id: 4650, os: 'Vista', log: 'Security', source: 'Microsoft-Windows-Security-Auditing', title: 'An IPsec Main Mode security association was established.', note: '' },
    { id: 4650, os: 'Vista', log: 'Security', source: 'Microsoft-Windows-Security-Auditing', title: 'An IPsec Main Mode negotiation failed.', note: '' },
    { id: 7000, os: 'Vista', log: 'System', source: 'Service Control Manager', title: 'The %1 service failed to start due to the following error: %n%2', note: '' },
    { id: 20227, os: 'Vista', log: 'Application', source: 'RasClient', title: 'The user %1 dialed a connection named %2 which has failed. The error code returned on failure is %3.', note: '' },
    { id: 20271, os: 'Vista', log: 'Application', source: 'RasSstp', title: 'The user %1 connected to the SSTP server but the connection was refused.', note: '' },
  ],
  errorCodes: [CODE[13801], CODE[13806], CODE[13805], CODE[13813], CODE[809], CODE[1722], CODE[87]],
  guides: [{ id: 'guides/vpn-vs-isolation', title: 'VPN とドメイン分離の違いと担当' }],
};

const idx = getIndex(mini);
const ref = (id: string) => playbookRef(idx.playbooks.get(id) as CataloguePlaybook);
/** An error-code finding as the code reader makes it: token, decimal, name. */
function codeFinding(text: string, code: number, o: Partial<Finding> = {}): Finding {
  const at = text.indexOf(String(code));
  const span: Span = [at, at + String(code).length];
  return finding({ kind: 'error-code', severity: 'info', priority: 55, title: `エラー コード ${code}`, span, facts: [fact('token', String(code), span), fact('decimal', String(code), span)], ...o });
}
/** A bare event number (no code reading): token and reading.event. */
function eventNumber(text: string, id: number, o: Partial<Finding> = {}): Finding {
  const at = text.indexOf(String(id));
  const span: Span = [at, at + String(id).length];
  return finding({ kind: 'error-code', severity: 'info', priority: 55, title: `イベント ID ${id}`, span, facts: [fact('token', String(id), span), fact('reading.event', `イベント ${id}: ${mini.events.find((e) => e.id === id)?.title ?? ''}`, span)], ...o });
}
const fv = (text: string, f: Finding) => findingVerdict({ idx, text }, f);
const run = (text: string, findings: Finding[], unrecognised: Array<{ text: string; span: Span }> = []) => decide({ idx, text }, findings, unrecognised);

const NEXT_EVENT = 'イベント ビューアーでそのイベントを開き、「ログの名前」「ソース」「イベント ID」と説明の全文をそのまま貼り付けてください。';
const NEXT_TEMPLATE = '実際に記録されたイベント (%1 などが値に置き換わったもの) を貼り付けてください。';
const NEXT_SYMPTOM = 'エラー メッセージの文言 (画面どおり)、発生時刻、接続先の名前と IP アドレス、イベント ビューアーのセキュリティ ログとシステム ログの該当イベントを集めてください。';
const NEXT_COMPONENT = '同じ時刻の前後のイベント (セキュリティ ログとシステム ログ) も含めて、説明の全文を貼り付けてください。';
const NEXT_SPLIT = 'VPN 接続 (RasClient のイベント、接続名) なのか、社内のサーバーへの接続 (ドメイン分離) なのかを確認してください。';
const NEXT_NOTHING = 'イベント ビューアーのイベント (ログの名前・ソース・ID・説明の全文)、コマンドの出力、またはエラー メッセージをそのまま貼り付けてください。';
const TEMPLATE_REASON = '%1 などの差し込み文字が残ったひな形で、実際に記録された値がありません。';
const FAULT_RECORD = 'IPsec の失敗を示す記録です。';
const FAULT_CODE = 'IPsec の失敗を示すエラー コードです。';
const OK_RECORD = 'IPsec が正常に動いていることを示す記録です。';

const audit547 = (reason: string) =>
  `Event Type:\tFailure Audit\nEvent Source:\tSecurity\nEvent Category:\tLogon/Logoff\nEvent ID:\t547\nDescription:\nIKE security association negotiation failed.\nMode:\nKey Exchange Mode (Main Mode)\nPeer Identity:\nKerberos based Identity: server01$@CONTOSO.COM\nFailure Point:\nMe\nFailure Reason:\n${reason}\nExtra Status:\n0x0000000000000000`;

describe('placeholder and documentation counters', () => {
  it('counts decisive placeholders (%1, %t, [username]) but not the header ones', () => {
    expect(countDecisive('The %1 service terminated with %2 at <DateTime> on YYYY-MM-DD')).toBe(2);
    expect(countPlaceholders('The %1 service terminated with %2 at <DateTime> on YYYY-MM-DD')).toBe(4);
    expect(countDecisive('Account: [username]%t%1')).toBe(3);
  });
  it('looks for placeholders only in the first 20,000 characters', () => {
    const pad = 'x'.repeat(20000);
    expect(countDecisive(`${pad} %1 %2`)).toBe(0);
    expect(countDecisive(`%1 ${pad} %2`)).toBe(1);
  });
  it('recognises documentation skeletons by their Microsoft Learn / message-table headers', () => {
    expect(isDocumentation('Product:   Windows Operating System\nID: 547\nSource: Security')).toBe(true);
    expect(isDocumentation('Product: Windows Operating System')).toBe(true);
    expect(isDocumentation('MessageId=547\nSymbolicName=SE_AUDITID_IPSEC_IKE_NEGOTIATION_FAILED')).toBe(true);
    expect(isDocumentation('Symbolic Name: SE_AUDITID_IPSEC_AUTH_FAIL')).toBe(true);
    expect(isDocumentation('Product: Windows Server 2003')).toBe(false);
    expect(isDocumentation(audit547('No policy configured'))).toBe(false);
  });
  it('reads only the first 20,000 characters for documentation headers', () => {
    expect(isDocumentation(`${'x'.repeat(20000)}\nMessageId=547`)).toBe(false);
    expect(isDocumentation(`${'x'.repeat(19000)}\nMessageId=547`)).toBe(true);
  });
});

describe('VPN context words', () => {
  it('plain VPN words are VPN context but not strong context', () => {
    const t = 'ユーザーから VPN が切れるとの問い合わせ。IKEv2 を使っています。';
    expect(hasVpnContext(t)).toBe(true);
    expect(hasStrongVpnContext(t)).toBe(false);
  });
  it('RasClient, L2TP and the dialled-connection wording are strong VPN context, in any case', () => {
    expect(hasStrongVpnContext('Source: RASCLIENT')).toBe(true);
    expect(hasVpnContext('Source: RASCLIENT')).toBe(true);
    expect(hasStrongVpnContext('The L2TP connection attempt failed')).toBe(true);
  });
  it('answers for the paste it is given, not for the previous one', () => {
    expect(hasVpnContext('The user dialed a connection named Contoso VPN')).toBe(true);
    expect(hasStrongVpnContext('The user dialed a connection named Contoso VPN')).toBe(true);
    expect(hasVpnContext(audit547('No policy configured'))).toBe(false);
    expect(hasStrongVpnContext(audit547('No policy configured'))).toBe(false);
    expect(hasVpnContext('Contoso VPN')).toBe(true);
  });
  it('reads only the first 200,000 characters of a paste for VPN words', () => {
    const pad = 'Negotiating IP Security.\n'.repeat(8000);
    expect(pad.length).toBe(200000);
    expect(hasVpnContext(`${pad}L2TP`)).toBe(false);
    expect(hasStrongVpnContext(`${pad}L2TP`)).toBe(false);
    expect(hasVpnContext(`L2TP${pad}`)).toBe(true);
  });
});

describe('findingVerdict: what a finding says about itself', () => {
  it('a verdict the parser already set is kept with its reason, or an empty reason', () => {
    expect(fv('x', finding({ verdict: 'vpn', verdictReason: 'strongSwan のログです。' }))).toEqual({ verdict: 'vpn', reason: 'strongSwan のログです。' });
    expect(fv('x', finding({ verdict: 'not-ipsec' }))).toEqual({ verdict: 'not-ipsec', reason: '' });
  });
  it('another product, a caller\'s words and an anomaly each have their own reason', () => {
    expect(fv('Source: Microsoft-Windows-Backup', finding({ kind: 'not-ipsec' }))).toEqual({ verdict: 'not-ipsec', reason: 'ソースまたは内容が IPsec 以外の製品のものです。' });
    expect(fv('VPN につながらない', finding({ kind: 'symptom', severity: 'info', playbook: ref('vpn/error-13801') }))).toEqual({ verdict: 'need-data', reason: '利用者の言葉による症状だけで、Windows のメッセージやイベントがありません。' });
    expect(fv('End Time: 2/26/2033', finding({ kind: 'anomaly' }))).toEqual({ verdict: 'need-data', reason: 'それ自体が異常な証拠です。IPsec の対処ではなく、エスカレーションが必要です。' });
  });
});

describe('findingVerdict: templates with placeholders', () => {
  const tpl = { verdict: 'need-data', reason: TEMPLATE_REASON };
  const ev = (text: string, facts: Fact[] = []) => finding({ span: [0, text.length], playbook: ref('ike-main-mode/event-547'), facts });

  it('two placeholders in the finding are a template', () => {
    const t = 'IKE security association negotiation failed. Mode: %1 Filter: %2';
    expect(fv(t, ev(t))).toEqual(tpl);
  });
  it('one placeholder is a template only where a deciding value stands', () => {
    const t = 'IKE security association negotiation failed. Failure Reason: %1 Peer: 10.0.0.5';
    expect(fv(t, ev(t, [fact('reason', '%1'), fact('peer', '10.0.0.5')]))).toEqual(tpl);
    // the placeholder in a non-deciding field (the filter) leaves a real record
    expect(fv(t, ev(t, [fact('filter', '%1'), fact('reason', 'No policy configured')]))).toEqual({ verdict: 'ipsec-fault', reason: FAULT_RECORD });
    // deciding fields with real values and a stray %1 elsewhere: still a real record
    expect(fv(t, ev(t, [fact('reason', 'No policy configured')]))).toEqual({ verdict: 'ipsec-fault', reason: FAULT_RECORD });
  });
  it.each(['reason', 'address', 'peer', 'remote.address', 'ikePeer', 'code', 'message', 'rasCode', 'service'])('a placeholder in the %s field is a template', (name) => {
    const t = 'IKE security association negotiation failed. Value: %1';
    expect(fv(t, ev(t, [fact('eventId', '547'), fact(name, '%1')]))).toEqual(tpl);
  });
  it('without placeholders in the finding\'s own text, a record is real even if deciding facts hold a %1', () => {
    const t = 'IKE security association negotiation failed. Failure Reason: No policy configured';
    expect(fv(t, ev(t, [fact('reason', '%1')]))).toEqual({ verdict: 'ipsec-fault', reason: FAULT_RECORD });
  });
  it('counts only the placeholders inside the finding, not those before or after it', () => {
    const body = 'IKE security association negotiation failed. Failure Reason: No policy configured';
    const t = `Mode: %1 Filter: %2\n${body}\nPeer: %3 Point: %4`;
    const f = finding({ span: [t.indexOf(body), t.indexOf(body) + body.length], playbook: ref('ike-main-mode/event-547') });
    expect(fv(t, f)).toEqual({ verdict: 'ipsec-fault', reason: FAULT_RECORD });
  });
});

describe('findingVerdict: a bare event number', () => {
  it('the number alone is need-data, even when a page explains the event', () => {
    const t = 'Event ID 547';
    expect(fv(t, eventNumber(t, 547, { playbook: ref('ike-main-mode/event-547') }))).toEqual({ verdict: 'need-data', reason: 'イベント ID の番号だけで、ソースも説明文もありません。' });
  });
  it('the number with its source named decides: a failure is a fault', () => {
    const t = '547 in the Security log';
    expect(fv(t, eventNumber(t, 547, { playbook: ref('ike-main-mode/event-547') }))).toEqual({ verdict: 'ipsec-fault', reason: 'イベント ID とそのソース (または説明文) がそろっています。' });
  });
  it('the number with 30+ characters of its catalogue text quoted decides without the source', () => {
    const t = 'we keep getting 547: IKE security association negotiation failed';
    expect(fv(t, eventNumber(t, 547, { playbook: ref('ike-main-mode/event-547') })).verdict).toBe('ipsec-fault');
    const short = 'we keep getting 547: negotiation failed';
    expect(fv(short, eventNumber(short, 547, { playbook: ref('ike-main-mode/event-547') })).verdict).toBe('need-data');
  });
  it('an informational event whose every title is a success, named with its source, is ipsec-ok', () => {
    const t = '541 in the Security log';
    expect(fv(t, eventNumber(t, 541, { playbook: ref('ike-success/event-541') }))).toEqual({ verdict: 'ipsec-ok', reason: 'イベント ID とそのソース (または説明文) がそろった、正常を示す記録です。' });
    // the same success event marked as a warning is not called "working"
    expect(fv(t, eventNumber(t, 541, { playbook: ref('ike-success/event-541'), severity: 'warning' })).verdict).toBe('ipsec-fault');
  });
  it('an informational number whose titles are failures (or mixed) is not ipsec-ok', () => {
    const t = '547 in the Security log';
    expect(fv(t, eventNumber(t, 547, { playbook: ref('ike-main-mode/event-547') })).verdict).toBe('ipsec-fault');
    const m = '4650 from Microsoft-Windows-Security-Auditing';
    expect(fv(m, eventNumber(m, 4650, { playbook: ref('modern-ike/event-4653') })).verdict).toBe('ipsec-fault');
  });
  it('a named event of a VPN page is vpn', () => {
    const t = '20271 from RasSstp';
    expect(fv(t, eventNumber(t, 20271, { playbook: ref('vpn/sstp-events'), severity: 'error' }))).toEqual({ verdict: 'vpn', reason: 'イベント ID とそのソース (または説明文) がそろっています。' });
  });
  it('for Service Control Manager and RasClient numbers the source name does not decide', () => {
    const scm = '7000 Service Control Manager';
    expect(fv(scm, eventNumber(scm, 7000, { playbook: ref('modern-services/scm-events') })).verdict).toBe('need-data');
    const ras = '20227 RasClient';
    expect(fv(ras, eventNumber(ras, 20227, { playbook: ref('vpn/rasclient-events') })).verdict).toBe('need-data');
  });
  it('a named number without a page is still need-data', () => {
    const t = '4653 Microsoft-Windows-Security-Auditing';
    expect(fv(t, eventNumber(t, 4653)).verdict).toBe('need-data');
  });
  it('a generic word in prose is not the source named: "IP Security policy 547"', () => {
    for (const t of ['IP Security policy 547', 'security problem: 547', 'Source: SecurityX 547']) {
      expect(fv(t, eventNumber(t, 547, { playbook: ref('ike-main-mode/event-547') })).verdict, t).toBe('need-data');
    }
  });
  it('a generic source word counts after a source label or "from", or as the log of the same name', () => {
    for (const t of ['Source: Security, Event ID 547', 'ソース: Security イベント ID: 547', 'event 547 source Security', 'ソースは Security、ID は 547', 'ProviderName = "Security" 547', '547 from Security', '547 in the Security log', '547 (Security ログ)']) {
      expect(fv(t, eventNumber(t, 547, { playbook: ref('ike-main-mode/event-547') })).verdict, t).toBe('ipsec-fault');
    }
  });
  it('a provider name nobody writes in prose counts anywhere, as a whole word', () => {
    const t = '20271 RasSstp';
    expect(fv(t, eventNumber(t, 20271, { playbook: ref('vpn/sstp-events'), severity: 'error' })).verdict).toBe('vpn');
    const glued = '20271 RasSstpX';
    expect(fv(glued, eventNumber(glued, 20271, { playbook: ref('vpn/sstp-events'), severity: 'error' })).verdict).toBe('need-data');
  });
  it('reads the event number from the reading, not from other facts', () => {
    const t = '547 in the Security log';
    const f = eventNumber(t, 547, { playbook: ref('ike-main-mode/event-547') });
    f.facts.unshift(fact('line', '12'));
    expect(fv(t, f).verdict).toBe('ipsec-fault');
  });
});

describe('findingVerdict: an error code without a page', () => {
  it('a RAS code (600-899) is vpn and links the RasClient event page', () => {
    const t = 'error 809';
    const f = codeFinding(t, 809);
    expect(fv(t, f)).toEqual({ verdict: 'vpn', reason: 'リモート アクセス (VPN/ダイヤルアップ) のエラー コードです。' });
    expect(f.playbook).toEqual({ id: 'vpn/rasclient-events', url: '/vpn/rasclient-events/', anchor: '対処', title: 'ページ vpn/rasclient-events' });
  });
  it('the RAS range is 600 to 899 inclusive', () => {
    for (const c of [600, 899]) expect(fv(`error ${c}`, codeFinding(`error ${c}`, c)).verdict).toBe('vpn');
    for (const c of [599, 900]) expect(fv(`error ${c}`, codeFinding(`error ${c}`, c))).toEqual({ verdict: 'need-data', reason: 'エラー コードは分かりましたが、対応するページがありません。' });
  });
  it('reads the RAS range from the decimal fact only', () => {
    const t = 'error 13813 line 700';
    const f = codeFinding(t, 13813);
    f.facts.push(fact('line', '700'));
    expect(fv(t, f).verdict).toBe('need-data');
  });
  it('an IKE code without a page in a strong VPN paste is the VPN\'s', () => {
    const t = 'The L2TP connection attempt failed with error 13813';
    const f = codeFinding(t, 13813);
    expect(fv(t, f)).toEqual({ verdict: 'vpn', reason: 'VPN 接続の文脈で出た IKE のエラー コードです。' });
    expect(f.playbook?.id).toBe('vpn/rasclient-events');
  });
  it('an IKE code without a page and only weak VPN words is need-data', () => {
    const t = 'VPN: error 13813';
    expect(fv(t, codeFinding(t, 13813))).toEqual({ verdict: 'need-data', reason: 'エラー コードは分かりましたが、対応するページがありません。' });
  });
});

describe('findingVerdict: an error code with a page', () => {
  it('a code read more than one way is need-data', () => {
    const t = 'status 13801';
    expect(fv(t, codeFinding(t, 13801, { playbook: ref('ike-main-mode/no-response'), confidence: 'partial' }))).toEqual({ verdict: 'need-data', reason: '数値の読み方が 1 つに決まりません。' });
  });
  it('an IKE code only isolation pages explain is an IPsec fault', () => {
    const t = 'Error 13813';
    expect(fv(t, codeFinding(t, 13813, { playbook: ref('ike-main-mode/no-response') }))).toEqual({ verdict: 'ipsec-fault', reason: FAULT_CODE });
  });
  it('a general Windows error on an isolation page is need-data', () => {
    const t = '0x800706BA';
    expect(fv(t, codeFinding('1722', 1722, { playbook: ref('ipsec-service/rpc-init') }))).toEqual({ verdict: 'need-data', reason: 'Windows の一般的なエラー コードです。IPsec が原因かどうかは、出た場面 (コマンド、イベント) で決まります。' });
  });
  it('a Windows error next to an IKE code is not a general Windows error', () => {
    const t = 'Error 13813 (RPC 1722)';
    const f = codeFinding(t, 13813, { playbook: ref('ike-main-mode/no-response') });
    f.facts.push(fact('code', '1722'));
    expect(fv(t, f)).toEqual({ verdict: 'ipsec-fault', reason: FAULT_CODE });
  });
  it('a code missing from the code table is judged by its page', () => {
    const t = 'Error 13899';
    expect(fv(t, codeFinding(t, 13899, { playbook: ref('ike-main-mode/no-response') }))).toEqual({ verdict: 'ipsec-fault', reason: FAULT_CODE });
  });
  it('a code both a VPN and an isolation page explain is need-data alone, vpn in a VPN paste', () => {
    const t = 'Error 13801';
    expect(fv(t, codeFinding(t, 13801, { playbook: ref('ike-auth/credentials-unacceptable') }))).toEqual({ verdict: 'need-data', reason: 'このコードは VPN 接続でもドメイン分離でも出ます。どちらの場面かが分かりません。' });
    const v = 'VPN error 13801';
    expect(fv(v, codeFinding(v, 13801, { playbook: ref('ike-auth/credentials-unacceptable') }))).toEqual({ verdict: 'vpn', reason: 'VPN 接続の文脈で出たエラー コードです。' });
  });
  it('a VPN page with an isolation alternative is split too', () => {
    const t = 'Error 13801';
    const f = codeFinding(t, 13801, { playbook: ref('vpn/error-13801'), alternatives: [ref('ike-auth/credentials-unacceptable')] });
    expect(fv(t, f).verdict).toBe('need-data');
    expect(fv(`IKEv2 ${t}`, f)).toEqual({ verdict: 'vpn', reason: 'VPN 接続の文脈で出たエラー コードです。' });
    // a page without a domain is an isolation page
    const g = codeFinding(t, 13806, { playbook: ref('vpn/error-13806'), alternatives: [ref('legacy/no-domain')] });
    expect(fv('Error 13806', g).verdict).toBe('need-data');
    // a VPN page alone is not split
    expect(fv(t, codeFinding(t, 13801, { playbook: ref('vpn/error-13801') }))).toEqual({ verdict: 'vpn', reason: 'IPsec を使う VPN 接続のエラー コードです。' });
  });
  it('one VPN code among several makes an isolation code split', () => {
    const t = 'Error 13813 then 13801';
    const f = codeFinding(t, 13813, { playbook: ref('ike-main-mode/no-response') });
    f.facts.push(fact('decimal', '13801'));
    expect(fv(t, f).verdict).toBe('need-data');
  });
});

describe('findingVerdict: events, messages and output', () => {
  it('a record on a VPN page is vpn', () => {
    expect(fv('x', finding({ playbook: ref('vpn/rasclient-events') }))).toEqual({ verdict: 'vpn', reason: 'IPsec を使う VPN 接続の記録です。' });
  });
  const quotedReason = { verdict: 'need-data', reason: 'この文言は VPN 接続でもドメイン分離でも出ます。どちらの場面かが分かりません。' };
  const msg = (o: Partial<Finding> = {}) => finding({ kind: 'message', playbook: ref('ike-auth/credentials-unacceptable'), facts: [fact('message', 'IKE authentication credentials are unacceptable')], ...o });
  it('a failure message quoted alone whose code a VPN page explains is need-data', () => {
    expect(fv('IKE authentication credentials are unacceptable', msg())).toEqual(quotedReason);
  });
  it('the same message inside an event (event ID or failure reason) is an IPsec fault', () => {
    expect(fv('x', msg({ facts: [fact('message', 'IKE authentication credentials are unacceptable'), fact('eventId', '547')] }))).toEqual({ verdict: 'ipsec-fault', reason: FAULT_RECORD });
    expect(fv('x', msg({ facts: [fact('reason', 'IKE authentication credentials are unacceptable'), fact('message', 'IKE authentication credentials are unacceptable')] }))).toEqual({ verdict: 'ipsec-fault', reason: FAULT_RECORD });
  });
  it('a finding without a quoted message is not the quoted-message case', () => {
    expect(fv('x', msg({ facts: [fact('peer', '10.0.0.5')] }))).toEqual({ verdict: 'ipsec-fault', reason: FAULT_RECORD });
  });
  it('a quoted message with other facts beside it is still quoted', () => {
    expect(fv('x', msg({ facts: [fact('message', 'IKE authentication credentials are unacceptable'), fact('peer', '10.0.0.5')] }))).toEqual(quotedReason);
  });
  it('an informational quoted message is ipsec-ok', () => {
    expect(fv('x', msg({ severity: 'info' }))).toEqual({ verdict: 'ipsec-ok', reason: OK_RECORD });
  });
  it('a quoted message whose codes only isolation pages explain is a fault', () => {
    expect(fv('x', msg({ playbook: ref('ike-main-mode/no-response') }))).toEqual({ verdict: 'ipsec-fault', reason: FAULT_RECORD });
  });
  it('a quoted message takes its codes from its own code facts first, then from its page and signatures', () => {
    expect(fv('x', msg({ playbook: ref('ike-main-mode/no-response'), facts: [fact('message', 'm'), fact('code', '13801')] }))).toEqual(quotedReason);
    expect(fv('x', msg({ playbook: ref('ike-main-mode/no-response'), facts: [fact('message', 'm'), fact('rasCode', '13801')] }))).toEqual(quotedReason);
    expect(fv('x', msg({ playbook: ref('ike-main-mode/no-response'), facts: [fact('message', 'm'), fact('decimal', '13801')] }))).toEqual(quotedReason);
    expect(fv('x', msg({ playbook: ref('ike-auth/credentials-unacceptable'), facts: [fact('message', 'm'), fact('code', '13813')] }))).toEqual({ verdict: 'ipsec-fault', reason: FAULT_RECORD });
    expect(fv('x', msg({ playbook: ref('ike-auth/credentials-unacceptable'), facts: [fact('message', 'm'), fact('code', '13813'), fact('code', '13801')] }))).toEqual(quotedReason);
    // a page whose code is only in a signature
    expect(fv('x', msg({ playbook: ref('modern-ike/reason-policy-match') }))).toEqual(quotedReason);
    // a page whose signatures carry no code
    expect(fv('x', msg({ playbook: ref('pastore/local-load') }))).toEqual({ verdict: 'ipsec-fault', reason: FAULT_RECORD });
  });
  it('an IPsec component record the catalogue lacks is need-data', () => {
    expect(fv('x', finding({ kind: 'component' }))).toEqual({ verdict: 'need-data', reason: 'IPsec のコンポーネントの記録ですが、カタログにない ID または内容です。' });
  });
  it('informational evidence is ipsec-ok, with or without a page, unless it only partly matches without a page', () => {
    expect(fv('x', finding({ severity: 'info' }))).toEqual({ verdict: 'ipsec-ok', reason: OK_RECORD });
    expect(fv('x', finding({ severity: 'info', confidence: 'partial' }))).toEqual({ verdict: 'need-data', reason: '対応するページを特定できませんでした。' });
    expect(fv('x', finding({ severity: 'info', confidence: 'partial', playbook: ref('ike-success/event-541') }))).toEqual({ verdict: 'ipsec-ok', reason: OK_RECORD });
  });
  it('an informational record of an event that only ever reports failure is not called working', () => {
    // "…negotiation failed" read without its Type line: partial is need-data, exact is a fault
    expect(fv('x', finding({ severity: 'info', confidence: 'partial', eventId: 547, playbook: ref('ike-main-mode/event-547') }))).toEqual({ verdict: 'need-data', reason: '一部しか一致しないため、断定できません。' });
    expect(fv('x', finding({ severity: 'info', confidence: 'partial', eventId: 541, playbook: ref('ike-success/event-541') }))).toEqual({ verdict: 'ipsec-ok', reason: OK_RECORD });
  });
  it('a failure without a page is need-data; a partial failure with a page is need-data; a full one is a fault', () => {
    expect(fv('x', finding({}))).toEqual({ verdict: 'need-data', reason: '対応するページを特定できませんでした。' });
    expect(fv('x', finding({ severity: 'warning', confidence: 'partial', playbook: ref('ike-main-mode/event-547') }))).toEqual({ verdict: 'need-data', reason: '一部しか一致しないため、断定できません。' });
    expect(fv('x', finding({ severity: 'warning', playbook: ref('ike-main-mode/event-547') }))).toEqual({ verdict: 'ipsec-fault', reason: FAULT_RECORD });
  });
});

describe('decide: an IPsec failure in a VPN paste goes to the VPN page', () => {
  const vpnText = 'The VPN connection to vpn.contoso.com failed. Event 547: IKE security association negotiation failed. Error 13801';
  it('an event, a message and an error code whose code a VPN page explains are rerouted, keeping the old page as an alternative', () => {
    for (const kind of ['event', 'message', 'error-code'] as const) {
      const f = finding({ kind, playbook: ref('ike-auth/credentials-unacceptable'), facts: [fact('code', '13801')] });
      const v = run(vpnText, [f]);
      expect(f.playbook).toEqual({ id: 'vpn/error-13801', url: '/vpn/error-13801/', anchor: '対処', title: 'ページ vpn/error-13801' });
      expect(f.alternatives).toEqual([ref('ike-auth/credentials-unacceptable')]);
      expect(f.verdict).toBe('vpn');
      expect(v.reason).toBe('VPN 接続の文脈で出た失敗です (コード 13801)。 (テストの記録)');
    }
  });
  it('earlier alternatives are kept after the old page', () => {
    const f = finding({ playbook: ref('ike-auth/credentials-unacceptable'), alternatives: [ref('ike-main-mode/event-547')], facts: [fact('code', '13801')] });
    run(vpnText, [f]);
    expect(f.alternatives?.map((a) => a.id)).toEqual(['ike-auth/credentials-unacceptable', 'ike-main-mode/event-547']);
  });
  it('the first code with a VPN page is used', () => {
    const f = finding({ playbook: ref('ike-main-mode/no-response'), facts: [fact('code', '13813'), fact('code', '13801')] });
    expect(run(vpnText, [f]).playbook?.id).toBe('vpn/error-13801');
    expect(f.verdictReason).toBe('VPN 接続の文脈で出た失敗です (コード 13801)。');
  });
  it('a caller\'s symptom phrase and command output are not rerouted', () => {
    const s = finding({ kind: 'symptom', severity: 'info', playbook: ref('ike-auth/credentials-unacceptable'), facts: [fact('phrase', 'VPN につながらない')] });
    const v = run(vpnText, [s]);
    expect(s.playbook?.id).toBe('ike-auth/credentials-unacceptable');
    expect(v.verdict).toBe('need-data');
    const c = finding({ kind: 'command-output', severity: 'warning', playbook: ref('ike-auth/credentials-unacceptable') });
    run(vpnText, [c]);
    expect(c.playbook?.id).toBe('ike-auth/credentials-unacceptable');
  });
  it('a finding already on a VPN page keeps its own reason', () => {
    const f = finding({ kind: 'error-code', severity: 'info', playbook: ref('vpn/error-13801'), facts: [fact('decimal', '13801')] });
    const v = run(vpnText, [f]);
    expect(f.alternatives).toBeUndefined();
    expect(v.reason).toBe('IPsec を使う VPN 接続のエラー コードです。 (テストの記録)');
  });
  it('a verdict the parser already set is not rerouted', () => {
    const f = finding({ kind: 'error-code', severity: 'warning', confidence: 'partial', playbook: ref('ike-auth/credentials-unacceptable'), facts: [fact('decimal', '13801')], verdict: 'need-data', verdictReason: 'エラーの名前と数値が別のコードを指しているため、どちらが正しいか決められません。' });
    const v = run(vpnText, [f]);
    expect(f.playbook?.id).toBe('ike-auth/credentials-unacceptable');
    expect(v.verdict).toBe('need-data');
  });
  it('a finding without a page is not given a VPN page by its code', () => {
    const f = finding({ kind: 'message', facts: [fact('code', '13801')] });
    const v = run(vpnText, [f]);
    expect(f.playbook).toBeUndefined();
    expect(v.reason).toBe('対応するページを特定できませんでした。 (テストの記録)');
  });
  it('with only weak VPN words, a failure no VPN page explains stays on its isolation page', () => {
    const f = finding({ playbook: ref('ike-main-mode/no-response'), facts: [fact('eventId', '547'), fact('reason', 'No response from peer')] });
    const v = run('VPN ユーザーの PC で 547: No response from peer', [f]);
    expect(v).toMatchObject({ verdict: 'ipsec-fault', playbook: ref('ike-main-mode/no-response') });
  });
  it('with strong VPN words, an event no VPN page explains goes to the VPN guide, not the isolation page', () => {
    const f = finding({ playbook: ref('ike-main-mode/no-response'), facts: [fact('eventId', '547')] });
    const v = run('RasClient: The L2TP connection failed. 547 No response from peer', [f]);
    expect(f.playbook).toBeUndefined();
    expect(f.alternatives).toEqual([ref('ike-main-mode/no-response')]);
    expect(v.verdict).toBe('vpn');
    expect(v.guide).toEqual({ id: 'guides/vpn-vs-isolation', url: '/guides/vpn-vs-isolation/', title: 'VPN とドメイン分離の違いと担当' });
    expect(v.playbook).toBeUndefined();
    expect(v.reason).toBe('VPN 接続 (L2TP や RasClient など) の記録の中の IKE の失敗です。ドメイン分離のページではなく、VPN の担当に回します。 (テストの記録)');
  });
  it('with strong VPN words, an error code no VPN page explains keeps its page', () => {
    const t = 'RasClient: The L2TP connection failed with 13813';
    const f = codeFinding(t, 13813, { playbook: ref('ike-main-mode/no-response') });
    expect(run(t, [f])).toMatchObject({ verdict: 'ipsec-fault', playbook: ref('ike-main-mode/no-response') });
    expect(f.guide).toBeUndefined();
  });
  it('a VPN-page record makes the paste a VPN paste even without VPN words', () => {
    const ras = finding({ playbook: ref('vpn/rasclient-events'), priority: 90, facts: [fact('eventId', '20227')] });
    const ike = finding({ playbook: ref('ike-auth/credentials-unacceptable'), facts: [fact('code', '13801')] });
    run('Event 20227 ... 13801', [ras, ike]);
    expect(ike.playbook?.id).toBe('vpn/error-13801');
  });
});

describe('decide: a bare number after another product\'s event', () => {
  const text = 'Source: Microsoft-Windows-Backup Event ID: 547 The backup failed.\n4284';
  it('takes the verdict of the nearest earlier foreign event, naming its source', () => {
    const backup = finding({ kind: 'not-ipsec', source: 'Microsoft-Windows-Backup', span: [0, 65], priority: 20 });
    const bare = eventNumber(text, 4284, { playbook: ref('ike-main-mode/event-547') });
    bare.span = [65, 70];
    const v = run(text, [backup, bare]);
    expect(bare.verdict).toBe('not-ipsec');
    expect(bare.verdictReason).toBe('直前の「Microsoft-Windows-Backup」のイベントに続く番号なので、同じ製品の記録と判断しました。');
    expect(v.verdict).toBe('not-ipsec');
  });
  it('a foreign event after the number does not carry it', () => {
    const backup = finding({ kind: 'not-ipsec', source: 'Microsoft-Windows-Backup', span: [30, 65] });
    const bare = eventNumber(text, 4284, { playbook: ref('ike-main-mode/event-547') });
    bare.span = [0, 4];
    run(text, [backup, bare]);
    expect(bare.verdict).toBe('need-data');
  });
});

describe('decide: templates and empty input', () => {
  it('a paste with two placeholders makes every IPsec finding need-data, but keeps other products and look-alikes', () => {
    const t = 'Event ID: 547 Mode: %1 Peer: %2 ... charon: IKE_SA established';
    const ev = finding({ playbook: ref('ike-main-mode/event-547'), span: [0, 13], facts: [fact('eventId', '547', [10, 13])] });
    const other = finding({ kind: 'not-ipsec', span: [0, 13] });
    const look = finding({ kind: 'lookalike', verdict: 'vpn', verdictReason: 'strongSwan (charon) のログです。', span: [35, 60] });
    run(t, [ev, other, look]);
    expect(ev.verdict).toBe('need-data');
    expect(ev.verdictReason).toBe(TEMPLATE_REASON);
    expect(other.verdict).toBe('not-ipsec');
    expect(look.verdict).toBe('vpn');
    expect(look.verdictReason).toBe('strongSwan (charon) のログです。');
  });
  it('one placeholder in a documentation page is a template too', () => {
    const t = 'Product: Windows Operating System\nID: 547\nMessage: IKE security association negotiation failed. Mode: %1';
    const ev = finding({ playbook: ref('ike-main-mode/event-547'), span: [34, 41] });
    const v = run(t, [ev]);
    expect(v).toMatchObject({ verdict: 'need-data', next: [NEXT_TEMPLATE] });
  });
  it('empty input asks for a paste', () => {
    expect(run('  \n ', [])).toEqual({ verdict: 'need-data', reason: '入力が空です。', evidence: [], next: [NEXT_NOTHING] });
  });
  it('nothing recognised: the evidence is the first unrecognised passage, else the first 200 characters', () => {
    const t = `${'Lorem ipsum dolor sit amet. '.repeat(10)}`;
    expect(run(t, [])).toEqual({ verdict: 'not-ipsec', reason: 'IPsec や IPsec VPN に関係する記述が見つかりませんでした (知らない形式の可能性もあります)。', evidence: [[0, 200]], next: [NEXT_NOTHING] });
    expect(run('printer queue stuck', []).evidence).toEqual([[0, 19]]);
    expect(run(t, [], [{ text: 'dolor', span: [12, 17] }]).evidence).toEqual([[12, 17]]);
  });
  it('nothing recognised in a template is need-data and asks for the real event', () => {
    expect(run('The user %1 dialed a connection named %2', [])).toEqual({ verdict: 'need-data', reason: '%1 などの差し込み文字が残ったひな形で、実際の値がありません。', evidence: [[0, 40]], next: [NEXT_TEMPLATE] });
  });
  it('nothing recognised but VPN words or IPsec words is need-data, saying which', () => {
    expect(run('VPN がつながりません', [])).toEqual({ verdict: 'need-data', reason: 'VPN に触れていますが、判断できるメッセージやイベントが見つかりません。', evidence: [[0, 12]], next: [NEXT_NOTHING] });
    expect(run('IPsec のトンネルが切れる', [])).toEqual({ verdict: 'need-data', reason: 'IPsec に触れていますが、判断できるメッセージやイベントが見つかりません。', evidence: [[0, 15]], next: [NEXT_NOTHING] });
  });
});

describe('decide: which finding leads', () => {
  const t = 'paste';
  it('the stronger verdict wins over a higher priority', () => {
    const nd = finding({ playbook: ref('ike-auth/credentials-unacceptable'), confidence: 'partial', priority: 90 });
    const fault = finding({ playbook: ref('ike-main-mode/event-547'), priority: 10, title: '547' });
    expect(run(t, [nd, fault])).toMatchObject({ verdict: 'ipsec-fault', playbook: ref('ike-main-mode/event-547') });
    const nd2 = finding({ playbook: ref('ike-auth/credentials-unacceptable'), confidence: 'partial', priority: 90 });
    const fault2 = finding({ playbook: ref('ike-main-mode/event-547'), priority: 10, title: '547' });
    expect(run(t, [fault2, nd2])).toMatchObject({ verdict: 'ipsec-fault', playbook: ref('ike-main-mode/event-547') });
  });
  it('a weaker verdict never takes the lead, even from a more specific page', () => {
    const fault = finding({ playbook: ref('pastore/local-load'), priority: 10 });
    const nd = finding({ playbook: ref('ike-auth/credentials-unacceptable'), confidence: 'partial', severity: 'warning', priority: 90 });
    expect(run(t, [fault, nd]).playbook?.id).toBe('pastore/local-load');
  });
  it('within a verdict, a page about a code beats a page without codes, whatever the priority or order', () => {
    const mk = () => [finding({ playbook: ref('pastore/local-load'), priority: 90 }), finding({ playbook: ref('ike-main-mode/no-response'), priority: 10 })];
    expect(run(t, mk()).playbook?.id).toBe('ike-main-mode/no-response');
    expect(run(t, mk().reverse()).playbook?.id).toBe('ike-main-mode/no-response');
  });
  it('a page whose code is only in a signature counts as a page about a code', () => {
    const mk = () => [finding({ playbook: ref('pastore/local-load'), priority: 90 }), finding({ playbook: ref('modern-ike/reason-policy-match'), priority: 10 })];
    expect(run(t, mk()).playbook?.id).toBe('modern-ike/reason-policy-match');
    expect(run(t, mk().reverse()).playbook?.id).toBe('modern-ike/reason-policy-match');
  });
  it('a page with codes but no coded signature counts as a page about a code', () => {
    const mk = () => [finding({ playbook: ref('pastore/local-load'), priority: 90 }), finding({ playbook: ref('ipsec-service/rpc-init'), priority: 10 })];
    expect(run(t, mk()).playbook?.id).toBe('ipsec-service/rpc-init');
  });
  it('an event hub page is less specific than a page without codes', () => {
    const mk = () => [finding({ playbook: ref('pastore/local-load'), priority: 10 }), finding({ playbook: ref('ike-main-mode/event-547'), priority: 90 })];
    expect(run(t, mk()).playbook?.id).toBe('pastore/local-load');
    expect(run(t, mk().reverse()).playbook?.id).toBe('pastore/local-load');
  });
  it('an event hub page is less specific than the page of the failure it names', () => {
    const mk = () => [finding({ playbook: ref('ike-main-mode/no-response'), priority: 10 }), finding({ playbook: ref('ike-main-mode/event-547'), priority: 90 })];
    expect(run(t, mk()).playbook?.id).toBe('ike-main-mode/no-response');
  });
  it('a page beats a guide, and a guide beats nothing', () => {
    const guide = { id: 'guides/ike-troubleshooting', url: '/guides/ike-troubleshooting/', title: 'IKE のトラブルシューティング' };
    const withPage = () => finding({ kind: 'message', severity: 'info', playbook: ref('pastore/local-load'), priority: 10 });
    const withGuide = () => finding({ kind: 'message', severity: 'info', guide, priority: 50 });
    const bare = () => finding({ kind: 'message', severity: 'info', priority: 90 });
    expect(run(t, [withPage(), withGuide()]).playbook?.id).toBe('pastore/local-load');
    const g = run(t, [bare(), withGuide()]);
    expect(g.guide).toEqual(guide);
    expect(g.playbook).toBeUndefined();
    expect(run(t, [withGuide(), bare()]).guide).toEqual(guide);
    const none = run(t, [withPage(), bare()]);
    expect(none.playbook?.id).toBe('pastore/local-load');
  });
  it('same verdict and same specificity: the higher priority leads, and the first one on a tie', () => {
    const a = () => finding({ playbook: ref('ike-main-mode/no-response'), priority: 40, title: 'A' });
    const b = () => finding({ playbook: ref('ike-auth/credentials-unacceptable'), priority: 60, title: 'B', facts: [fact('eventId', '547'), fact('reason', 'x')] });
    expect(run(t, [a(), b()]).playbook?.id).toBe('ike-auth/credentials-unacceptable');
    expect(run(t, [b(), a()]).playbook?.id).toBe('ike-auth/credentials-unacceptable');
    const c = () => finding({ playbook: ref('ike-main-mode/no-response'), priority: 50, title: 'C' });
    const d = () => finding({ playbook: ref('ike-auth/credentials-unacceptable'), priority: 50, title: 'D', facts: [fact('eventId', '547'), fact('reason', 'x')] });
    expect(run(t, [c(), d()]).playbook?.id).toBe('ike-main-mode/no-response');
    expect(run(t, [d(), c()]).playbook?.id).toBe('ike-auth/credentials-unacceptable');
  });
  it('the reason names the leading finding and counts the findings with another verdict', () => {
    const fault = finding({ playbook: ref('ike-main-mode/no-response'), title: 'IKE: 応答なし (547)' });
    const ok = finding({ severity: 'info', playbook: ref('ike-success/event-541'), title: '541' });
    const nd = finding({ kind: 'component', title: '9999' });
    expect(run(t, [fault, ok, nd]).reason).toBe(`${FAULT_RECORD} (IKE: 応答なし (547)) ほかに 2 件の記録があります。`);
  });
  it('a long title is cut to 80 characters in the reason', () => {
    const long = 'あ'.repeat(100);
    expect(run(t, [finding({ playbook: ref('ike-main-mode/no-response'), title: long })]).reason).toBe(`${FAULT_RECORD} (${'あ'.repeat(79)}…)`);
  });
});

describe('decide: the reason line in special cases', () => {
  it('ipsec-ok beside another product\'s record says so', () => {
    const ok = finding({ severity: 'info', playbook: ref('ike-success/event-541'), title: 'IKE SA 確立 (イベント 541)' });
    const other = finding({ kind: 'not-ipsec', title: 'Microsoft-Windows-Backup のイベント 547' });
    expect(run('paste', [ok, other]).reason).toBe(`${OK_RECORD} IPsec 以外の記録もあります。(IKE SA 確立 (イベント 541))`);
    const alone = finding({ severity: 'info', playbook: ref('ike-success/event-541'), title: 'IKE SA 確立 (イベント 541)' });
    expect(run('paste', [alone]).reason).toBe(`${OK_RECORD} (IKE SA 確立 (イベント 541))`);
  });
  it('an anomaly puts a security alert in front of the reason and in the verdict', () => {
    const a = finding({ kind: 'anomaly', title: '偽造チケットの疑い (有効期間 3650 日)' });
    const v = run('klist', [a]);
    expect(v.alert).toBe('偽造チケットの疑い (有効期間 3650 日)');
    expect(v.reason).toBe('セキュリティ上の異常があります: 偽造チケットの疑い (有効期間 3650 日)。それ自体が異常な証拠です。IPsec の対処ではなく、エスカレーションが必要です。 (偽造チケットの疑い (有効期間 3650 日))');
  });
  it('a leading finding without page or guide gives neither', () => {
    const v = run('paste', [finding({ kind: 'component', title: 'PolicyAgent 9999' })]);
    expect(v).not.toHaveProperty('guide');
    expect(v).not.toHaveProperty('playbook');
  });
});

describe('decide: another product\'s VPN log', () => {
  const look = () => finding({ kind: 'lookalike', verdict: 'vpn', verdictReason: 'Cisco IOS / ASA のログです。Windows の IPsec ではなく、VPN 製品側の調査が必要です。', title: 'Cisco IOS / ASA のログ', priority: 40, guide: { id: 'guides/vpn-vs-isolation', url: '/guides/vpn-vs-isolation/', title: 'VPN とドメイン分離の違いと担当' } });
  const text = '%ASA-4-713903: IP = 203.0.113.5, Error: 809 Unable to find tunnel group';
  it('RAS codes in it are the product\'s: the look-alike leads, with the VPN guide', () => {
    const code = codeFinding(text, 809, { playbook: ref('vpn/error-13801') });
    const v = run(text, [look(), code]);
    expect(v.verdict).toBe('vpn');
    expect(v.reason.startsWith('Cisco IOS / ASA のログです。')).toBe(true);
    expect(v.guide?.id).toBe('guides/vpn-vs-isolation');
    expect(v.playbook).toBeUndefined();
  });
  it('a Windows VPN event beside it keeps the lead', () => {
    const ras = finding({ kind: 'event', playbook: ref('vpn/rasclient-events'), title: 'RasClient 20227', priority: 90 });
    const v = run(`${text}\nEvent 20227`, [look(), ras]);
    expect(v.playbook?.id).toBe('vpn/rasclient-events');
    const msg = finding({ kind: 'message', playbook: ref('vpn/rasclient-events'), title: 'VPN message', priority: 90 });
    expect(run(`${text}\n...`, [look(), msg]).playbook?.id).toBe('vpn/rasclient-events');
  });
  it('a paste that names RasClient keeps the Windows finding', () => {
    const t = `${text}\nSource: RasClient`;
    const code = codeFinding(t, 809, { playbook: ref('vpn/error-13801') });
    expect(run(t, [look(), code]).playbook?.id).toBe('vpn/error-13801');
  });
  it('a stronger Windows verdict is not replaced by the look-alike', () => {
    const fault = finding({ playbook: ref('ike-main-mode/no-response'), title: '547' });
    expect(run(text, [look(), fault])).toMatchObject({ verdict: 'ipsec-fault', playbook: ref('ike-main-mode/no-response') });
  });
  it('a look-alike of another system\'s IPsec (not-ipsec) does not lead a VPN verdict', () => {
    const other = finding({ kind: 'lookalike', verdict: 'not-ipsec', verdictReason: 'x', guide: { id: 'g', url: '/g/', title: 'g' } });
    const code = codeFinding(text, 809, { playbook: ref('vpn/error-13801') });
    expect(run(text, [other, code]).playbook?.id).toBe('vpn/error-13801');
  });
});

describe('decide: IKEv2 failures beside a VPN failure', () => {
  const ikev2 = (km: string) => finding({ playbook: ref('ike-main-mode/no-response'), priority: 80, title: `4653 (${km})`, facts: [fact('eventId', '4653'), fact('keyingModule', km)] });
  const ras = () => finding({ kind: 'event', verdict: 'vpn', verdictReason: 'IPsec を使う VPN 接続の記録です。', playbook: ref('vpn/rasclient-events'), title: 'RasClient 20227', priority: 60 });
  it('IKEv2 failures on a machine that logs a VPN failure are the VPN\'s', () => {
    const v = run('Keying Module Name: IKEv2 ... 20227', [ikev2('IKEv2'), ras()]);
    expect(v.verdict).toBe('vpn');
    expect(v.reason).toBe('VPN 接続の失敗と、同じ接続の IKEv2 ネゴシエーションの失敗です。 (4653 (IKEv2)) ほかに 1 件の記録があります。');
    expect(v.playbook?.id).toBe('ike-main-mode/no-response');
  });
  it('an AuthIP or IKEv1 failure among them keeps the IPsec fault', () => {
    const v = run('Keying Module Name: IKEv2 / AuthIP ... 20227', [ikev2('IKEv2'), ikev2('AuthIP'), ras()]);
    expect(v.verdict).toBe('ipsec-fault');
    expect(v.reason).toBe(`${FAULT_RECORD} (4653 (IKEv2)) ほかに 1 件の記録があります。`);
  });
  it('IKEv2 failures without a VPN failure stay IPsec faults', () => {
    expect(run('Keying Module Name: IKEv2', [ikev2('IKEv2')]).verdict).toBe('ipsec-fault');
  });
  it('the keying module must be the one that says IKEv2', () => {
    const f = finding({ playbook: ref('ike-main-mode/no-response'), priority: 80, title: '4653', facts: [fact('keyingModule', 'IKEv1'), fact('comment', 'IKEv2')] });
    expect(run('x', [f, ras()]).verdict).toBe('ipsec-fault');
  });
});

describe('decide: evidence and what to collect next', () => {
  it('evidence is the identity facts of the leading finding, then of the others with its verdict', () => {
    const t = audit547('No response from peer');
    const a = finding({ playbook: ref('ike-main-mode/no-response'), priority: 80, facts: [fact('eventId', '547', [60, 63]), fact('peer', 'server01', [150, 158]), fact('reason', 'No response from peer', [200, 221])] });
    const b = finding({ playbook: ref('ike-main-mode/no-response'), priority: 20, span: [300, 320], facts: [fact('count', '3', [301, 302])] });
    const ok = finding({ severity: 'info', playbook: ref('ike-success/event-541'), facts: [fact('eventId', '541', [400, 403])] });
    expect(run(t, [a, b, ok]).evidence).toEqual([[60, 63], [200, 221], [300, 320]]);
  });
  it('need-data asks for each kind of missing data once, in the order of the findings', () => {
    const t = 'Mode: %1 Filter: %2';
    const sym = finding({ kind: 'symptom', severity: 'info', title: 'おそらく: 接続できない' });
    const comp = finding({ kind: 'component', title: 'PolicyAgent 9999' });
    const split = codeFinding('Error 13801', 13801, { playbook: ref('ike-auth/credentials-unacceptable') });
    const bare = eventNumber('Event ID 547', 547, { playbook: ref('ike-main-mode/event-547') });
    const bare2 = eventNumber('Event ID 547', 547, { playbook: ref('ike-main-mode/event-547') });
    expect(run('Event ID 547 Error 13801 サーバーにつながらない', [sym, comp, split, bare, bare2]).next).toEqual([NEXT_SYMPTOM, NEXT_COMPONENT, NEXT_SPLIT, NEXT_EVENT]);
    const tpl = finding({ playbook: ref('ike-main-mode/event-547'), span: [0, t.length] });
    expect(run(t, [tpl]).next).toEqual([NEXT_TEMPLATE]);
  });
  it('a component record asks for the surrounding events, a bare number for the whole event', () => {
    expect(run('x', [eventNumber('Event ID 547', 547, { playbook: ref('ike-main-mode/event-547') })]).next).toEqual([NEXT_EVENT]);
    expect(run('x', [finding({ kind: 'component' })]).next).toEqual([NEXT_COMPONENT]);
    expect(run('x', [finding({ kind: 'symptom', severity: 'info' })]).next).toEqual([NEXT_SYMPTOM]);
  });
  it('a verdict other than need-data asks for nothing', () => {
    expect(run('x', [finding({ playbook: ref('ike-main-mode/no-response') })]).next).toEqual([]);
  });
});

describe('combine: the verdict of several reports', () => {
  const v = (verdict: ReportVerdict['verdict'], o: Partial<ReportVerdict> = {}): ReportVerdict => ({ verdict, reason: `${verdict} の理由`, evidence: [[0, 1]], next: [], ...o });
  it('the strongest verdict wins; the first one on a tie', () => {
    const a = v('need-data', { reason: 'a', next: ['n1'] });
    const b = v('ipsec-fault', { reason: 'b' });
    const c = v('ipsec-fault', { reason: 'c' });
    const d = v('vpn', { reason: 'd' });
    expect(combine([a, b, c, d])).toEqual({ ...b, next: [] });
    expect(combine([d, a])).toEqual({ ...d, next: [] });
  });
  it('reports without evidence that only say need-data are left out', () => {
    const empty = v('need-data', { evidence: [], reason: '入力が空です。', next: ['貼り付けてください'] });
    const ok = v('ipsec-ok', { reason: 'ok' });
    expect(combine([empty, ok])).toEqual({ ...ok, next: [] });
    const notIpsec = v('not-ipsec', { evidence: [], reason: 'ni' });
    expect(combine([empty, notIpsec])).toEqual({ ...notIpsec, next: [] });
  });
  it('when every report is empty the first one is returned; with none, an empty-input verdict', () => {
    const e1 = v('need-data', { evidence: [], reason: 'e1', next: ['x'] });
    const e2 = v('need-data', { evidence: [], reason: 'e2', next: ['y'] });
    expect(combine([e1, e2])).toBe(e1);
    expect(combine([])).toEqual({ verdict: 'need-data', reason: '入力が空です。', evidence: [], next: [NEXT_NOTHING] });
  });
  it('merges the requests of the reports with the winning verdict, once each, and keeps the first alert', () => {
    const a = v('need-data', { next: ['A', 'B'] });
    const b = v('need-data', { next: ['B', 'C'], alert: '偽造チケットの疑い' });
    const c = v('not-ipsec', { next: ['D'], alert: '別の警告' });
    const out = combine([c, a, b]);
    expect(out).toEqual({ ...a, next: ['A', 'B', 'C'], alert: '別の警告' });
    expect(combine([a, b])).toEqual({ ...a, next: ['A', 'B', 'C'], alert: '偽造チケットの疑い' });
    expect(combine([a])).not.toHaveProperty('alert');
  });
});
