/**
 * Edge cases of verdict.ts that the rule tests leave open: how a bare event number is tied to its source or its
 * text, which findings a foreign event carries, what counts as VPN context or a template, and the evidence spans.
 */
import { describe, expect, it } from 'vitest';
import type { Catalogue, CataloguePlaybook } from '../catalogue/types.ts';
import { getIndex, playbookRef } from './catalogue-index.ts';
import { CODE, fact, finding, page } from '../../../test/fixtures/decode/verdict-kit.ts';
import type { Fact, Finding, Span } from './types.ts';
import { decide, findingVerdict } from './verdict.ts';

const LAB = 'Microsoft-Windows-IKE-Lab';
const cat: Catalogue = {
  generatedFrom: 'verdict-edges.test.ts',
  playbooks: [
    page('ike-auth/credentials-unacceptable', 'isolation', { codes: [13801] }),
    page('ike-main-mode/no-response', 'isolation', { codes: [13813] }),
    page('ike-main-mode/event-547', 'isolation', { events: [547] }),
    page('ike-success/event-541', 'isolation', { events: [541] }),
    page('ipsec-service/rpc-init', 'isolation', { codes: [1722] }),
    page('ipsec-service/rpc-signature', 'isolation', { codes: [1722], sigCodes: [undefined] }),
    page('ipsec-driver/block-mode', 'isolation', { events: [4292] }),
    page('modern-ike/event-4653', 'isolation', { events: [4653] }),
    page('modern-services/scm-events', 'isolation', { events: [7000] }),
    page('lab/negotiation', 'isolation', { events: [8001, 8002, 8003, 8004] }),
    page('vpn/error-13801', 'vpn', { codes: [13801] }),
    page('vpn/error-87', 'vpn', { codes: [87] }),
    page('vpn/rasclient-events', 'vpn', { events: [20227] }),
    page('vpn/remoteaccess-events', 'vpn', { events: [20106] }),
  ],
  events: [
    { id: 541, os: 'XP', log: 'Security', source: 'Security', title: 'IKE security association established.', note: '' },
    { id: 547, os: 'XP', log: 'Security', source: 'Security', title: 'IKE security association negotiation failed.', note: '' },
    { id: 4292, os: 'XP', log: 'System', source: 'IPSEC', title: 'The IPSec driver has entered Block mode.', note: '' },
    { id: 4653, os: 'Vista', log: 'Security', source: 'Microsoft-Windows-Security-Auditing', title: 'An IPsec Main Mode negotiation failed.', note: '' },
    { id: 7000, os: 'Vista', log: 'System', source: 'Service Control Manager', title: 'The %1 service failed to start due to the following error: %n%2', note: '' },
    { id: 8001, os: 'Vista', log: 'System', source: LAB, title: 'Peer %10 rejected the proposal because no matching policy was found.', note: '' },
    // chunks between the placeholders: 30 characters, and 28 characters padded by spaces to 30
    { id: 8002, os: 'Vista', log: 'System', source: LAB, title: '%1 the driver dropped the packets.', note: '' },
    { id: 8003, os: 'Vista', log: 'System', source: LAB, title: '%1 keying module lost its state %2', note: '' },
    { id: 8004, os: 'Vista', log: 'System', source: 'IPsec Lab Agent', title: 'The lab agent stopped.', note: '' },
    // sources with versions in parentheses (the catalogue writes "IPSEC (2000) / IPSec (XP/2003)"), and a short one
    { id: 8010, os: 'Vista', log: 'System', source: 'LabAgent(2000)', title: 'Lab event ten.', note: '' },
    { id: 8011, os: 'Vista', log: 'System', source: '(2000) LabAgent', title: 'Lab event eleven.', note: '' },
    { id: 8012, os: 'XP', log: 'System', source: 'IPSEC (2000) / IPSec (XP/2003)', title: 'Lab event twelve.', note: '' },
    { id: 8013, os: 'Vista', log: 'System', source: 'IKE', title: 'Lab event thirteen.', note: '' },
    { id: 20106, os: 'Vista', log: 'System', source: 'RemoteAccess', title: 'Unable to add the interface %1 with the Router Manager for the %2 protocol.', note: '' },
    { id: 20227, os: 'Vista', log: 'Application', source: 'RasClient', title: 'The user %1 dialed a connection named %2 which has failed. The error code returned on failure is %3.', note: '' },
  ],
  errorCodes: [CODE[13801], CODE[13813], CODE[809], CODE[1722], CODE[87]],
  guides: [{ id: 'guides/vpn-vs-isolation', title: 'VPN とドメイン分離の違いと担当' }],
};

const idx = getIndex(cat);
const ref = (id: string) => playbookRef(idx.playbooks.get(id) as CataloguePlaybook);
/** A bare event number as the code reader makes it (token and reading.event), on the page of the event. */
function eventNumber(text: string, id: number, playbook: string): Finding {
  const at = text.indexOf(String(id));
  const span: Span = [at, at + String(id).length];
  return finding({ kind: 'error-code', severity: 'info', priority: 55, title: `イベント ID ${id}`, span, playbook: ref(playbook), facts: [fact('token', String(id), span), fact('reading.event', `イベント ${id}: ${cat.events.find((e) => e.id === id)?.title ?? ''}`, span)] });
}
const fv = (text: string, f: Finding) => findingVerdict({ idx, text }, f);
const run = (text: string, findings: Finding[]) => decide({ idx, text }, findings);

const NAMED = { verdict: 'ipsec-fault', reason: 'イベント ID とそのソース (または説明文) がそろっています。' };
const NUMBER_ONLY = { verdict: 'need-data', reason: 'イベント ID の番号だけで、ソースも説明文もありません。' };
const FAULT_RECORD = 'IPsec の失敗を示す記録です。';
const FAULT_CODE = 'IPsec の失敗を示すエラー コードです。';

describe('a bare event number named by its source', () => {
  it('a five-letter source (IPSEC) named in the paste decides', () => {
    const t = 'Source: IPSEC\nEvent ID: 4292';
    expect(fv(t, eventNumber(t, 4292, 'ipsec-driver/block-mode'))).toEqual(NAMED);
  });
  it('a source with a space in its name does not decide by being named', () => {
    const t = 'Source: IPsec Lab Agent\nEvent ID: 8004';
    expect(fv(t, eventNumber(t, 8004, 'lab/negotiation'))).toEqual(NUMBER_ONLY);
  });
  it('naming RemoteAccess does not decide a RemoteAccess event number', () => {
    const t = 'Source: RemoteAccess\nEvent ID: 20106';
    expect(fv(t, eventNumber(t, 20106, 'vpn/remoteaccess-events'))).toEqual(NUMBER_ONLY);
  });
  it('quoting the text of a Service Control Manager event does not decide its number', () => {
    const t = '7000 The IKEEXT service failed to start due to the following error: The device is not ready.';
    expect(fv(t, eventNumber(t, 7000, 'modern-services/scm-events'))).toEqual(NUMBER_ONLY);
  });
});

describe('a bare event number: the source names read from the catalogue', () => {
  const lab = (t: string, id: number) => fv(t, eventNumber(t, id, 'lab/negotiation'));
  it('each name of a two-version source counts without its versions: "IPSEC (2000) / IPSec (XP/2003)"', () => {
    expect(lab('Source: IPSec\nEvent ID: 8012', 8012)).toEqual(NAMED);
  });
  it('the versions are cut whether or not a space stands before them, and at either end of the name', () => {
    expect(lab('Source: LabAgent\nEvent ID: 8010', 8010)).toEqual(NAMED);
    expect(lab('Source: LabAgent\nEvent ID: 8011', 8011)).toEqual(NAMED);
  });
  it('a source shorter than five letters ("IKE") is too common a word to decide', () => {
    expect(lab('Source: IKE\nEvent ID: 8013', 8013)).toEqual(NUMBER_ONLY);
  });
});

describe('a bare event number: where the source name stands in the paste', () => {
  it('a provider name at the very start of the paste is named', () => {
    const t = 'Microsoft-Windows-Security-Auditing 4653';
    expect(fv(t, eventNumber(t, 4653, 'modern-ike/event-4653'))).toEqual(NAMED);
  });
  it('a longer provider name joined by a hyphen or an underscore is another provider', () => {
    for (const t of ['Source: Microsoft-Windows-IKE-Lab-Diagnostics\nEvent ID: 8001', 'Source: Microsoft-Windows-IKE-Lab_Debug\nEvent ID: 8001']) {
      expect(fv(t, eventNumber(t, 8001, 'lab/negotiation')), t).toEqual(NUMBER_ONLY);
    }
  });
  it('a generic source followed by "log" counts only when the event\'s log has that name (IPSEC events are in System)', () => {
    const t = 'IPSEC log: 4292';
    expect(fv(t, eventNumber(t, 4292, 'ipsec-driver/block-mode'))).toEqual(NUMBER_ONLY);
  });
  it('"log" or ログ must follow the name directly (spaces only)', () => {
    const glued = 'Securityログ 547';
    expect(fv(glued, eventNumber(glued, 547, 'ike-main-mode/event-547'))).toEqual(NAMED);
    const apart = 'Security - log 547';
    expect(fv(apart, eventNumber(apart, 547, 'ike-main-mode/event-547'))).toEqual(NUMBER_ONLY);
  });
});

describe('a bare event number named by 30+ characters of its text', () => {
  it('the quoted text decides when the source is not named (case-insensitive)', () => {
    const t = 'Event 4653: An IPsec Main Mode negotiation failed.';
    expect(fv(t, eventNumber(t, 4653, 'modern-ike/event-4653'))).toEqual(NAMED);
  });
  it('a placeholder of two digits (%10) splits the text where it stands', () => {
    const t = 'Event 8001: Peer 192.0.2.7 rejected the proposal because no matching policy was found.';
    expect(fv(t, eventNumber(t, 8001, 'lab/negotiation'))).toEqual(NAMED);
  });
  it('the quoted text is compared without the spaces around it', () => {
    const t = '8001\nrejected the proposal because no matching policy was found';
    expect(fv(t, eventNumber(t, 8001, 'lab/negotiation'))).toEqual(NAMED);
  });
  it('exactly 30 quoted characters decide; 28 characters padded by spaces do not', () => {
    const t30 = 'Event 8002: the driver dropped the packets';
    expect(fv(t30, eventNumber(t30, 8002, 'lab/negotiation'))).toEqual(NAMED);
    const t28 = 'Event 8003: keying module lost its state';
    expect(fv(t28, eventNumber(t28, 8003, 'lab/negotiation'))).toEqual(NUMBER_ONLY);
  });
});

describe('findingVerdict: findings with missing or odd facts', () => {
  it('an error-code finding with neither a decimal nor an event reading is need-data', () => {
    const t = 'code 0xC0000';
    expect(fv(t, finding({ kind: 'error-code', severity: 'info', span: [5, 12], facts: [fact('token', '0xC0000', [5, 12])] }))).toEqual(NUMBER_ONLY);
  });
  it('an informational partial match of an event the catalogue lacks is not called working', () => {
    const f = finding({ severity: 'info', confidence: 'partial', eventId: 9999, playbook: ref('ike-main-mode/event-547') });
    expect(fv('Event ID: 9999', f)).toEqual({ verdict: 'need-data', reason: '一部しか一致しないため、断定できません。' });
  });
  it('a general Windows error on an isolation page is need-data even in a VPN paste', () => {
    const t = 'VPN: error 1722';
    const f = finding({ kind: 'error-code', severity: 'info', playbook: ref('ipsec-service/rpc-init'), facts: [fact('token', '1722', [11, 15]), fact('decimal', '1722', [11, 15])] });
    expect(fv(t, f)).toEqual({ verdict: 'need-data', reason: 'Windows の一般的なエラー コードです。IPsec が原因かどうかは、出た場面 (コマンド、イベント) で決まります。' });
  });
  it('a code-less signature of the page adds no code: the page\'s own Windows code decides', () => {
    const f = finding({ kind: 'error-code', severity: 'info', playbook: ref('ipsec-service/rpc-signature'), facts: [fact('decimal', 'RPC')] });
    expect(fv('RPC', f).verdict).toBe('need-data');
    expect(fv('RPC', f).reason).toBe('Windows の一般的なエラー コードです。IPsec が原因かどうかは、出た場面 (コマンド、イベント) で決まります。');
  });
  it('a quoted message with an unreadable code fact takes the codes of its page', () => {
    const f = finding({ kind: 'message', playbook: ref('ike-auth/credentials-unacceptable'), facts: [fact('message', 'IKE authentication credentials are unacceptable'), fact('code', 'n/a')] });
    expect(fv('IKE authentication credentials are unacceptable', f)).toEqual({ verdict: 'need-data', reason: 'この文言は VPN 接続でもドメイン分離でも出ます。どちらの場面かが分かりません。' });
  });
  it('a quoted failure message without a page is need-data', () => {
    const f = finding({ kind: 'message', facts: [fact('message', 'Something failed')] });
    expect(fv('Something failed', f)).toEqual({ verdict: 'need-data', reason: '対応するページを特定できませんでした。' });
  });
});

describe('decide: what a foreign event carries', () => {
  const text = 'Source: Microsoft-Windows-Backup\nEvent ID: 547\n\nError 13813 then 4653';
  const foreign = () => finding({ kind: 'not-ipsec', source: 'Microsoft-Windows-Backup', span: [0, 46], title: 'Microsoft-Windows-Backup 547' });
  it('a number read as a code (decimal) and also as an event is not carried', () => {
    const at = text.indexOf('13813');
    const span: Span = [at, at + 5];
    const code = finding({ kind: 'error-code', severity: 'info', span, playbook: ref('ike-main-mode/no-response'), facts: [fact('token', '13813', span), fact('decimal', '13813', span), fact('reading.event', 'イベント 13813: x', span)] });
    run(text, [foreign(), code]);
    expect(code.verdict).toBe('ipsec-fault');
    expect(code.verdictReason).toBe(FAULT_CODE);
  });
  it('a code finding without an event reading is not carried', () => {
    const at = text.indexOf('13813');
    const code = finding({ kind: 'error-code', severity: 'info', span: [at, at + 5], facts: [fact('token', '13813', [at, at + 5])] });
    run(text, [foreign(), code]);
    expect(code.verdict).toBe('need-data');
    expect(code.verdictReason).toBe(NUMBER_ONLY.reason);
  });
  it('a finding of another kind is not carried, even with an event reading among its facts', () => {
    const at = text.indexOf('4653');
    const span: Span = [at, at + 4];
    const msg = finding({ kind: 'message', span, title: '4653', playbook: ref('modern-ike/event-4653'), facts: [fact('token', '4653', span), fact('reading.event', 'イベント 4653: x', span)] });
    run(text, [foreign(), msg]);
    expect(msg.verdict).toBe('ipsec-fault');
    expect(msg.verdictReason).toBe(FAULT_RECORD);
  });
  it('an earlier IPsec event with a source does not carry a bare number', () => {
    const ipsec = finding({ source: 'Security', span: [0, 46], playbook: ref('ike-main-mode/no-response'), title: '547' });
    const n = eventNumber(text, 4653, 'modern-ike/event-4653');
    run(text, [ipsec, n]);
    expect(n.verdict).toBe('need-data');
    expect(n.verdictReason).toBe(NUMBER_ONLY.reason);
  });
});

describe('decide: what makes a paste a VPN paste', () => {
  const text = 'Error 87 / failure 13801';
  const event = () => finding({ title: 'IKE 13801', playbook: ref('ike-auth/credentials-unacceptable'), facts: [fact('code', '13801', [19, 24])] });
  it('an error code on a VPN page does not make the paste a VPN paste', () => {
    const code = finding({ kind: 'error-code', severity: 'info', title: 'エラー コード 87', playbook: ref('vpn/error-87'), facts: [fact('token', '87', [6, 8]), fact('decimal', '87', [6, 8])] });
    const v = run(text, [event(), code]);
    expect(v.verdict).toBe('ipsec-fault');
    expect(v.playbook?.id).toBe('ike-auth/credentials-unacceptable');
    expect(v.reason).toBe(`${FAULT_RECORD} (IKE 13801) ほかに 1 件の記録があります。`);
  });
  it('a look-alike on a VPN page does not make the paste a VPN paste', () => {
    const look = finding({ kind: 'lookalike', verdict: 'vpn', verdictReason: 'Cisco のログです。', title: 'Cisco のログ', playbook: ref('vpn/error-13801') });
    const v = run(text, [event(), look]);
    expect(v.verdict).toBe('ipsec-fault');
    expect(v.playbook?.id).toBe('ike-auth/credentials-unacceptable');
  });
});

describe('decide: templates', () => {
  it('one placeholder outside a documentation page does not make the paste a template', () => {
    const text = 'Note: %1\nIKE security association negotiation failed.';
    const f = finding({ span: [9, text.length], playbook: ref('ike-main-mode/no-response'), title: '547' });
    const v = run(text, [f]);
    expect(v.verdict).toBe('ipsec-fault');
    expect(f.verdictReason).toBe(FAULT_RECORD);
  });
  it('a documentation header with no placeholder left does not make the paste a template', () => {
    const text = 'Product: Windows Operating System\nID: 4292\nMessage: The IPSec driver has entered Block mode.';
    const v = run(text, [finding({ playbook: ref('ipsec-driver/block-mode'), title: '4292' })]);
    expect(v.verdict).toBe('ipsec-fault');
    expect(v.reason).toBe(`${FAULT_RECORD} (4292)`);
  });
});

describe('decide: which finding leads', () => {
  const fault = () => finding({ playbook: ref('ike-main-mode/no-response'), title: 'IKE 13813', priority: 50 });
  it('a weaker verdict never leads, even with the same specificity and a higher priority', () => {
    const weak = finding({ verdict: 'need-data', verdictReason: '読み方が決まりません。', playbook: ref('ike-auth/credentials-unacceptable'), title: 'IKE 13801', priority: 60 });
    const v = run('x', [fault(), weak]);
    expect(v.verdict).toBe('ipsec-fault');
    expect(v.reason).toBe(`${FAULT_RECORD} (IKE 13813) ほかに 1 件の記録があります。`);
  });
  it('among VPN code findings (no look-alike), priority picks the leader, not the order', () => {
    const a = finding({ kind: 'error-code', verdict: 'vpn', verdictReason: 'VPN のコード A です。', title: 'A', priority: 40 });
    const b = finding({ kind: 'error-code', verdict: 'vpn', verdictReason: 'VPN のコード B です。', title: 'B', priority: 60 });
    expect(run('x', [a, b]).reason).toBe('VPN のコード B です。 (B)');
  });
  it('a fault beside another product\'s record counts it like any other record', () => {
    const other = finding({ kind: 'not-ipsec', title: 'Backup' });
    expect(run('x', [fault(), other]).reason).toBe(`${FAULT_RECORD} (IKE 13813) ほかに 1 件の記録があります。`);
  });
});

describe('decide: another product\'s VPN log beside an IPsec success', () => {
  it('the look-alike leads even when a non-VPN event stands beside the RAS code', () => {
    const text = 'FortiClient: error 809\nIKE security association established.';
    const look = finding({ kind: 'lookalike', verdict: 'vpn', verdictReason: 'FortiClient のログです。', title: 'FortiClient のログ', priority: 40 });
    const code = finding({ kind: 'error-code', severity: 'info', title: 'エラー コード 809', span: [19, 22], facts: [fact('token', '809', [19, 22]), fact('decimal', '809', [19, 22])] });
    const ok = finding({ severity: 'info', title: 'IKE SA 確立', playbook: ref('ike-success/event-541') });
    const v = run(text, [look, code, ok]);
    expect(v.verdict).toBe('vpn');
    expect(v.reason).toBe('FortiClient のログです。 (FortiClient のログ) ほかに 1 件の記録があります。');
  });
});

describe('decide: evidence spans', () => {
  const one = (facts: Fact[]) => run('x'.repeat(80), [finding({ playbook: ref('ike-main-mode/no-response'), facts })]).evidence;
  it('code, message, token and title facts are evidence', () => {
    expect(one([fact('code', '1', [0, 2]), fact('message', 'm', [3, 5]), fact('token', 't', [6, 8]), fact('title', 'x', [9, 11]), fact('filter', 'f', [12, 14])])).toEqual([[0, 2], [3, 5], [6, 8], [9, 11]]);
  });
  it('a span is listed once; spans that share only a start or only an end are both listed', () => {
    expect(one([fact('token', 't', [0, 4]), fact('code', 'c', [0, 4]), fact('message', 'm', [0, 7]), fact('reason', 'r', [2, 7])])).toEqual([[0, 4], [0, 7], [2, 7]]);
  });
  it('a finding gives at most six spans', () => {
    const facts = ['eventId', 'source', 'log', 'reason', 'code', 'message', 'token'].map((n, i) => fact(n, n, [i * 3, i * 3 + 2]));
    expect(one(facts)).toEqual([[0, 2], [3, 5], [6, 8], [9, 11], [12, 14], [15, 17]]);
  });
  it('at most four findings and eight spans make the evidence', () => {
    const text = 'y'.repeat(200);
    const single = (i: number) => finding({ playbook: ref('ike-main-mode/no-response'), facts: [fact('eventId', '547', [i, i + 1])] });
    expect(run(text, [0, 10, 20, 30, 40].map(single)).evidence).toEqual([[0, 1], [10, 11], [20, 21], [30, 31]]);
    const six = (base: number) => finding({ playbook: ref('ike-main-mode/no-response'), facts: ['eventId', 'source', 'log', 'reason', 'code', 'message'].map((n, i) => fact(n, n, [base + i, base + i + 1])) });
    expect(run(text, [six(0), six(100)]).evidence).toEqual([[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [100, 101], [101, 102]]);
  });
});

describe('decide: the shape of the verdict', () => {
  it('nothing recognised and no unrecognised passages given: the evidence is the head of the paste', () => {
    expect(decide({ idx, text: 'hello world' }, [])).toEqual({ verdict: 'not-ipsec', reason: 'IPsec や IPsec VPN に関係する記述が見つかりませんでした (知らない形式の可能性もあります)。', evidence: [[0, 11]], next: ['イベント ビューアーのイベント (ログの名前・ソース・ID・説明の全文)、コマンドの出力、またはエラー メッセージをそのまま貼り付けてください。'] });
  });
  it('a title of exactly 80 characters is not cut', () => {
    const title = 'あ'.repeat(80);
    expect(run('x', [finding({ playbook: ref('ike-main-mode/no-response'), title })]).reason).toBe(`${FAULT_RECORD} (${title})`);
  });
  it('without an anomaly the verdict has no alert key', () => {
    const v = run('x', [finding({ playbook: ref('ike-main-mode/no-response'), title: '547' })]);
    expect(Object.keys(v)).toEqual(['verdict', 'reason', 'evidence', 'next', 'playbook']);
  });
});
