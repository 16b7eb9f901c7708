/** Event identity and field-by-field interpretation. */
import { describe, expect, it } from 'vitest';
import { fixture, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decode } from './index.ts';
import { timeKey } from './events.ts';
import type { Finding } from './types.ts';

const cat = testCatalogue();
const fact = (f: Finding, name: string) => f.facts.find((x) => x.name === name)?.value;

describe('event 547', () => {
  it('reads every field of the English dialog copy', () => {
    const text = fixture('event-547-dialog-en.txt');
    const [f] = decode(text, cat).findings;
    expect(f.kind).toBe('event');
    expect(f.eventId).toBe(547);
    expect(fact(f, 'mode')).toBe('Key Exchange Mode (Main Mode)');
    expect(fact(f, 'srcAddr')).toBe('192.168.0.10');
    expect(fact(f, 'dstMask')).toBe('255.255.255.255');
    expect(fact(f, 'protocol')).toBe('0');
    expect(fact(f, 'ikeLocal')).toBe('192.168.0.10');
    expect(fact(f, 'ikePeer')).toBe('192.168.0.20');
    expect(fact(f, 'kerberosId')).toBe('host/server1.example.com');
    expect(fact(f, 'failurePoint')).toContain('Me');
    expect(fact(f, 'reason')).toBe('No response from peer');
    expect(fact(f, 'reasonJa')).toBe('ピアから応答がありません');
    expect(fact(f, 'code')).toContain('13813');
    expect(fact(f, 'extraStatus')).toContain('Sent first (SA) payload');
    expect(fact(f, 'role')).toContain('Initiator');
    expect(fact(f, 'computer')).toBe('SERVER1');
    expect(f.playbook).toMatchObject({ id: 'ike-main-mode/no-response', url: '/ike-main-mode/no-response/', anchor: '対処' });
    expect(f.tier).toBe(2);
    // the span of a fact is the value in the original text
    const reason = f.facts.find((x) => x.name === 'reason')!;
    expect(text.slice(reason.span[0], reason.span[1])).toBe('No response from peer');
  });
  it('prefers the quick-mode playbook for a quick-mode failure (Japanese labels)', () => {
    const [f] = decode(fixture('event-547-dialog-ja.txt'), cat).findings;
    expect(f.playbook?.id).toBe('ike-quick-mode/no-policy-configured');
    expect(fact(f, 'modeKind')).toContain('クイック モード');
  });
  it('reads the chapter one-line form', () => {
    const r = decode('ネゴシエーションがタイムアウトしました。- 最初の SA ペイロードを処理しました。応答側。 デルタ時間 63', cat);
    const f = r.findings.find((x) => x.eventId === 547)!;
    expect(f.playbook?.id).toBe('ike-main-mode/negotiation-timed-out');
    expect(fact(f, 'reason')).toBe('ネゴシエーションがタイムアウトしました');
    expect(fact(f, 'extraStatus')).toContain('デルタ時間 63');
    expect(fact(f, 'role')).toContain('応答側');
    expect(r.unrecognised).toEqual([]);
  });
  it('Windows 2000 layout (no peer identity, no extra status)', () => {
    const [f] = decode(fixture('event-547-win2000.txt'), cat).findings;
    expect(f.playbook?.id).toBe('ike-main-mode/attributes-unacceptable');
    expect(fact(f, 'failurePoint')).toContain('Peer');
  });
  it('a description cut in the middle is partial but still identified', () => {
    const t = fixture('event-547-description-only.txt');
    const r = decode(t.slice(0, t.indexOf('Failure Point')), cat);
    const f = r.findings.find((x) => x.eventId === 547)!;
    expect(f.confidence).toBe('partial');
    expect(f.title).toContain('失敗の理由が読み取れません');
  });
});

describe('event 541 / 542 / 543', () => {
  it('detects a soft SA', () => {
    const [f] = decode(fixture('event-541-softsa.txt'), cat).findings;
    expect(f.playbook?.id).toBe('ike-success/soft-sa');
    expect(f.severity).toBe('warning');
    expect(fact(f, 'softSa')).toBeTruthy();
    expect(fact(f, 'outboundSpi')).toBe('0 (0x0)');
    expect(fact(f, 'modeKind') ?? fact(f, 'mode')).toContain('クイック モード');
  });
  it('a normal 541 is not a soft SA', () => {
    const [f] = decode(fixture('event-541-normal.txt'), cat).findings;
    expect(f.playbook?.id).toBe('ike-success/event-541');
    expect(fact(f, 'softSa')).toBeUndefined();
  });
  it('542 and 543 are told apart by the mode line', () => {
    const fs = decode(fixture('event-542-543.txt'), cat).findings;
    expect(fs.map((f) => f.eventId)).toEqual([542, 543]);
  });
});

describe('driver events', () => {
  it('packet count and source address; the chapter number 4268 maps to bad SPI', () => {
    const fs = decode(fixture('driver-events.txt'), cat).findings;
    const h = fs.find((f) => f.eventId === 4285)!;
    expect(fact(h, 'count')).toBe('5');
    expect(fact(h, 'address')).toBe('192.168.0.10');
    const c = fs.find((f) => f.eventId === 4268)!;
    expect(c.playbook?.id).toBe('ipsec-driver/bad-spi');
    expect(fact(c, 'chapterNote')).toContain('4283');
    expect(fs.find((f) => f.eventId === 4283)?.playbook?.id).toBe('ipsec-driver/bad-spi');
    expect(fs.find((f) => f.eventId === 4292)?.severity).toBe('error');
  });
  it('Japanese driver text', () => {
    const fs = decode(fixture('driver-ja.txt'), cat).findings;
    const h = fs.find((f) => f.eventId === 4285)!;
    expect(fact(h, 'count')).toBe('5');
    const clear = fs.find((f) => f.playbook?.id === 'ipsec-driver/clear-text')!;
    expect(fact(clear, 'address')).toBe('192.168.0.77');
    expect(fact(clear, 'count')).toBe('40');
  });
});

describe('identity: log + source + id', () => {
  it('547 from Windows Server Backup and 4284/4285 from Exchange are not IPsec', () => {
    const fs = decode(fixture('collisions.txt'), cat).findings;
    expect(fs.map((f) => f.kind)).toEqual(['not-ipsec', 'not-ipsec', 'not-ipsec']);
    expect(fs[0].title).toContain('IPsec のイベントではありません');
    expect(fs[0].meaning).toContain('Windows Server Backup');
    expect(fs.every((f) => !f.playbook)).toBe(true);
  });
  it('a Service Control Manager event that names the IPsec service is read as that service, not as unrelated', () => {
    const fs = decode(fixture('events-export.csv'), cat).findings;
    const f = fs.find((x) => x.eventId === 7036);
    expect(f?.kind).toBe('event');
    expect(fact(f as Finding, 'service')).toBe('PolicyAgent (IPSEC Services)');
    expect(f?.severity).toBe('info');
    expect(f?.verdict).toBe('ipsec-ok');
  });
  it('a Service Control Manager event for another service is said to be unrelated', () => {
    const text = 'Information,7/21/2005,2:06:00 AM,Service Control Manager,None,7036,N/A,SERVER1,"The Print Spooler service entered the running state."';
    const [f] = decode(text, cat).findings;
    expect(f.kind).toBe('not-ipsec');
    expect(f.title).toContain('関係のない');
    expect(decode(text, cat).verdict).toBe('not-ipsec');
  });
});

describe('Vista and later', () => {
  it('4653 links the legacy playbook for its failure reason', () => {
    const [f] = decode(fixture('event-4653.xml'), cat).findings;
    expect(f.eventId).toBe(4653);
    expect(f.playbook?.id).toBe('ike-main-mode/no-policy-configured');
    expect(fact(f, 'remote.address')).toBe('192.168.0.20');
    expect(fact(f, 'title')).toContain('Main Mode negotiation failed');
  });
  it('a successor without a reason maps to the playbook that lists it', () => {
    const xml = '<Event><System><Provider Name="Microsoft-Windows-Security-Auditing"/><EventID>4963</EventID></System></Event>';
    const [f] = decode(xml, cat).findings;
    expect(f.playbook?.id).toBe('ipsec-driver/clear-text');
  });
  it('the dialog copy with its Event Xml is one event', () => {
    const r = decode(fixture('vista-4653-dialog.txt'), cat);
    expect(r.findings.length).toBe(1);
    expect(r.stats.events).toBe(1);
  });
});

describe('summary', () => {
  it('groups by event id + reason + peer with count, first and last time', () => {
    const r = decode(fixture('events-export-tsv.txt'), cat);
    const g = r.summary.find((x) => x.eventId === 547)!;
    expect(g.count).toBe(2);
    expect(g.peer).toBe('192.168.0.20');
    expect(g.first).toBe('7/21/2005 10:05:04 AM');
    expect(g.last).toBe('7/21/2005 10:09:14 AM');
  });
  it('keeps a few examples per group and counts the rest', () => {
    const one = fixture('events-export-tsv.txt').split('\n').slice(0, 15).join('\n') + '\n';
    const r = decode(one.repeat(40), cat);
    expect(r.summary[0].count).toBe(40);
    expect(r.findings.length).toBeLessThanOrEqual(3);
    expect(r.stats.findings).toBe(40);
  });
  it('timeKey orders dates written many ways', () => {
    expect(timeKey('7/21/2005', '1:05:04 PM')).toBe('2005-07-21 13:05:04');
    expect(timeKey('2005/07/21', '午後 1:05:04')).toBe('2005-07-21 13:05:04');
    expect(timeKey('2012-07-21T10:05:04.1Z')).toBe('2012-07-21 10:05:04');
    expect(timeKey('garbage')).toBe('');
  });
});
