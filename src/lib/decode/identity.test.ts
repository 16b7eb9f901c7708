/**
 * Event identity (identity.ts) branches the other suites leave open, and the chapter's own event number
 * (4268, the chapter's name for 4283) taken from the catalogue's `chapterSays` instead of the code.
 */
import { describe, expect, it } from 'vitest';
import { testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import type { Catalogue } from '../catalogue/types.ts';
import { decode } from './index.ts';
import { getIndex } from './catalogue-index.ts';
import type { Ctx } from './context.ts';
import type { EventRecord } from './events.ts';
import { newEventRecord } from './events.ts';
import type { Identity } from './identity.ts';
import { identify, speaksIpsec } from './identity.ts';

const cat = testCatalogue();
const HASH = 'Failed to authenticate the hash for 5 packet(s) received from 192.168.0.10.\nThis could be a temporary glitch; if it persists please stop and restart the IPSec Policy Agent service on this machine.';
const SPI = 'Received 12 packet(s) with a bad Security Parameters Index from 192.168.0.11.';
const event = (log: string | null, source: string | null, id: number, desc: string) =>
  [log && `Log Name: ${log}`, source && `Source: ${source}`, `Event ID: ${id}`, 'Level: Error', 'Description:', desc].filter(Boolean).join('\n');
const summary = (text: string, c: Catalogue = cat) => {
  const r = decode(text, c);
  return { verdict: r.verdict, findings: r.findings.map((f) => ({ kind: f.kind, title: f.title, playbook: f.playbook?.id, note: f.facts.find((x) => x.name === 'chapterNote')?.value })) };
};

describe('identity: an IPsec source with an ID that is not IPsec\'s', () => {
  it('is a component event (never "not IPsec"), linking the family\'s page and asking for data', () => {
    expect(summary(event('System', 'IPSEC', 9999, 'Something odd happened in the driver.'))).toEqual({
      verdict: 'need-data',
      findings: [{ kind: 'component', title: 'IPsec のコンポーネント「IPSEC」のイベント 9999 (カタログにない ID)', playbook: 'ipsec-driver/hash-auth-failure', note: undefined }],
    });
  });
  it('with IPsec wording in its description, the wording is read (generic reader, not the driver reader)', () => {
    expect(summary(event('System', 'IPSEC', 9999, HASH)).findings.map((f) => [f.kind, f.title])).toEqual([['event', 'イベント 9999 (IPSEC): テスト: ipsec-driver/hash-auth-failure']]);
  });
});

describe('identity: the log is compared', () => {
  it('System/IPSEC/4285 is the driver event', () => {
    expect(summary(event('System', 'IPSEC', 4285, HASH)).findings.map((f) => [f.kind, f.title])).toEqual([['event', 'IPsec ドライバー (イベント 4285): パケットのハッシュを認証できない (192.168.0.10 から 5 個)']]);
  });
  it('Security/4285 from the auditing source is not the IPsec driver event, and says the log is why', () => {
    const r = decode(event('Security', 'Microsoft-Windows-Security-Auditing', 4285, HASH), cat);
    expect(r.verdict).toBe('not-ipsec');
    expect(r.findings.map((f) => [f.kind, f.title, f.meaning])).toEqual([
      ['not-ipsec', 'IPsec のイベント 4285 ではありません', 'IPsec のイベント 4285 は「Security」ログには記録されません。ログ名と ID が合わないので、別の製品の同じ番号のイベントです。'],
    ]);
  });
  it('Security/4285 from the IPsec source is not read by the driver reader (its log is not the driver\'s)', () => {
    expect(summary(event('Security', 'IPSEC', 4285, HASH)).findings.map((f) => [f.kind, f.title])).toEqual([['event', 'イベント 4285 (IPSEC): テスト: ipsec-driver/hash-auth-failure']]);
  });
  it('a Japanese log name is compared too (セキュリティ)', () => {
    expect(summary(event('セキュリティ', 'Microsoft-Windows-Security-Auditing', 4285, HASH)).findings.map((f) => f.kind)).toEqual(['not-ipsec']);
  });
});

describe('the chapter\'s event number comes from chapterSays', () => {
  it('4268 reads as 4283 with a note, and 4283 says what the chapter calls it', () => {
    expect(summary(event('System', 'IPSEC', 4268, SPI)).findings).toEqual([
      { kind: 'event', title: 'IPsec ドライバー (イベント 4268): 不正な SPI のパケットを受信 (章の番号) (192.168.0.11 から 12 個)', playbook: 'ipsec-driver/bad-spi', note: '章は 4268 と書いていますが、Windows のメッセージ テーブルではこの内容は 4283 です。' },
    ]);
    expect(summary(event('System', 'IPSEC', 4283, SPI)).findings[0].note).toBe('章ではこのイベントを 4268 と呼んでいます。');
    expect(summary(event('System', 'IPSEC', 4284, SPI)).findings[0].note).toBeUndefined();
  });

  it('follows the catalogue: with chapterSays 4270, 4270 is the chapter\'s number and 4268 is nothing special', () => {
    const moved = structuredClone(cat);
    for (const p of moved.playbooks) for (const e of p.events) if (e.chapterSays === 4268) e.chapterSays = 4270;
    expect(summary(event('System', 'IPSEC', 4270, SPI), moved).findings).toEqual([
      { kind: 'event', title: 'IPsec ドライバー (イベント 4270): 不正な SPI のパケットを受信 (章の番号) (192.168.0.11 から 12 個)', playbook: 'ipsec-driver/bad-spi', note: '章は 4270 と書いていますが、Windows のメッセージ テーブルではこの内容は 4283 です。' },
    ]);
    expect(summary(event('System', 'IPSEC', 4283, SPI), moved).findings[0].note).toBe('章ではこのイベントを 4270 と呼んでいます。');
    // 4268 is then an ID the catalogue does not know: the message's first sentence is read, with no chapter note
    expect(summary(event('System', 'IPSEC', 4268, SPI), moved).findings.map((f) => [f.kind, f.playbook, f.note])).toEqual([['event', 'ipsec-driver/bad-spi', undefined]]);
  });
});

// ---------------------------------------------------------------------------------------------
// identify() and speaksIpsec() read directly: the identity of one record (log + source + ID, judged
// with its description) and the context it leaves for the next record of the paste.

const idx = getIndex(cat);
interface R {
  log?: string;
  source?: string;
  id?: number;
  /** The description (its span is recorded). */
  desc?: string;
  /** Text of the paste before / after the description (not part of it). */
  before?: string;
  after?: string;
  /** Event data values (XML EventData), when there is no description. */
  data?: string[];
  format?: EventRecord['format'];
}
/** A minimal decoding context over the test catalogue: only what identify() reads. */
const ctxOf = (text: string, carry: string | undefined, c: Catalogue = cat): Ctx => ({ text, idx: c === cat ? idx : getIndex(c), budget: { ops: 1e9, exhausted: false }, carry }) as unknown as Ctx;
function who(r: R, carry?: string, c: Catalogue = cat): { identity: Identity; carry: string | undefined } {
  const before = r.before ?? '';
  const text = before + (r.desc ?? '') + (r.after ?? '');
  const rec = newEventRecord(r.format ?? 'event-text', [0, text.length]);
  rec.log = r.log;
  rec.source = r.source;
  rec.id = r.id;
  if (r.desc !== undefined) rec.desc = [before.length, before.length + r.desc.length];
  if (r.data) rec.data = r.data.map((value) => ({ value, span: [0, 0] as [number, number] }));
  const ctx = ctxOf(text, carry, c);
  const identity = identify(ctx, rec);
  return { identity, carry: ctx.carry };
}
const kind = (r: R, carry?: string, c: Catalogue = cat) => who(r, carry, c).identity;
const IPSEC: Identity = { kind: 'ipsec' };
/** A description that is not IPsec's and fits no IPsec title or signature (≥ 40 characters). */
const BACKUP = 'The backup job finished with warnings on volume D: see the backup log for details.';
const AUDIT = 'Microsoft-Windows-Security-Auditing';

describe('speaksIpsec: what counts as IPsec wording', () => {
  it('an IPsec phrase counts whatever its case ("Quick Mode" has no IPsec token)', () => {
    expect(speaksIpsec('The Quick Mode offer was refused by the peer.')).toBe(true);
    expect(speaksIpsec('Connection Security rules were reloaded.')).toBe(true);
  });
  it('short tokens are whole words: "like" and "despite" are not IKE or SPI', () => {
    expect(speaksIpsec('I like it, despite the weather.')).toBe(false);
  });
  it('only the first 200 000 characters of a text are read', () => {
    expect(speaksIpsec('x '.repeat(99_990) + 'IPsec')).toBe(true);
    expect(speaksIpsec('x '.repeat(100_000) + 'IPsec')).toBe(false);
  });
});

describe('identify: the Security log\'s own source', () => {
  it('Security/Microsoft-Windows-Security-Auditing/4653 (an IPsec audit in its own log) is IPsec, and carries no context', () => {
    expect(who({ log: 'Security', source: AUDIT, id: 4653 }, 'Norton AntiVirus')).toEqual({ identity: IPSEC, carry: undefined });
  });
  it('Security/4285 from the auditing source is not the IPsec driver event: the log is read with the source and id', () => {
    expect(who({ log: 'Security', source: AUDIT, id: 4285, desc: BACKUP })).toEqual({ identity: { kind: 'foreign', collision: true, why: 'log', source: AUDIT }, carry: undefined });
  });
  it('an audit that is not IPsec\'s (4625, logon failure) is another product\'s event, and its source is carried', () => {
    expect(who({ log: 'Security', source: AUDIT, id: 4625 })).toEqual({ identity: { kind: 'foreign', collision: false, why: 'source', source: AUDIT }, carry: AUDIT });
  });
  it('an audit with no event ID is not IPsec (the auditing source writes every audit)', () => {
    expect(kind({ log: 'Security', source: AUDIT })).toEqual({ kind: 'foreign', collision: false, why: 'source', source: AUDIT });
  });
  it('the 2000/2003 source "Security" is the auditing source too: 541 is IPsec, 528 (logon) is not', () => {
    expect(kind({ log: 'Security', source: 'Security', id: 541 })).toEqual(IPSEC);
    expect(kind({ log: 'Security', source: 'Security', id: 528 })).toEqual({ kind: 'foreign', collision: false, why: 'source', source: 'Security' });
  });
  it('the CSV-export spelling "Microsoft Windows security auditing." is the auditing source', () => {
    expect(kind({ log: 'Security', source: 'Microsoft Windows security auditing.', id: 4653 })).toEqual(IPSEC);
  });
});

describe('identify: IPsec component sources', () => {
  it('a System-log source spelled IPSEC vs IPsec is one source, and surrounding spaces do not matter', () => {
    for (const source of ['IPSEC', 'IPsec', 'ipsec', ' IPSEC ']) expect(who({ log: 'System', source, id: 4285 }, 'Norton AntiVirus'), source).toEqual({ identity: IPSEC, carry: undefined });
  });
  it('an IPsec source with no event ID is IPsec', () => {
    expect(kind({ log: 'System', source: 'IPSEC' })).toEqual(IPSEC);
  });
  it('IKEEXT and BFE are IPsec components though no catalogue event names them: an unknown ID is a component event', () => {
    expect(kind({ log: 'System', source: 'IKEEXT', id: 9999 })).toEqual({ kind: 'component' });
    expect(kind({ log: 'System', source: 'BFE', id: 9999 })).toEqual({ kind: 'component' });
  });
  it('an IPsec source with an IPsec ID from another log is a component event, not the catalogue\'s event', () => {
    expect(kind({ log: 'Security', source: 'IPSEC', id: 4285 })).toEqual({ kind: 'component' });
  });
});

describe('identify: other products\' sources', () => {
  it('an unknown source with an IPsec id is a collision (same number, other product), named by its trimmed source', () => {
    expect(who({ log: 'System', source: '  Norton AntiVirus ', id: 4285 })).toEqual({ identity: { kind: 'foreign', collision: true, why: 'source', source: 'Norton AntiVirus' }, carry: 'Norton AntiVirus' });
  });
  it('an unknown source with an ID IPsec does not use is no collision', () => {
    expect(kind({ log: 'System', source: 'Norton AntiVirus', id: 9999 })).toEqual({ kind: 'foreign', collision: false, why: 'source', source: 'Norton AntiVirus' });
  });
});

describe('identify: a record with no source follows the paste\'s context', () => {
  const NAV = 'Norton AntiVirus';
  it('after another product\'s event, a bare IPsec ID is that product\'s (a collision)', () => {
    expect(who({ log: 'System', id: 4285, desc: 'Scan finished.' }, NAV)).toEqual({ identity: { kind: 'foreign', collision: true, why: 'carried', source: NAV }, carry: NAV });
  });
  it('after another product\'s event, a bare unknown ID or no ID at all is no collision', () => {
    expect(kind({ log: 'System', id: 9999, desc: 'Scan finished.' }, NAV)).toEqual({ kind: 'foreign', collision: false, why: 'carried', source: NAV });
    expect(kind({ log: 'System', desc: 'Scan finished.' }, NAV)).toEqual({ kind: 'foreign', collision: false, why: 'carried', source: NAV });
  });
  it('a record with no description at all stays with the carried product', () => {
    expect(kind({ id: 4285 }, NAV)).toEqual({ kind: 'foreign', collision: true, why: 'carried', source: NAV });
  });
  it('a description that speaks IPsec breaks the carried context', () => {
    expect(who({ id: 4285, desc: 'IKE negotiation with 192.168.0.10 failed.' }, NAV)).toEqual({ identity: IPSEC, carry: undefined });
  });
  it('IPsec words outside the description span (the header, the next lines) do not break it', () => {
    expect(kind({ id: 4285, before: 'Task Category: IPsec Driver\n', desc: 'Scan finished.', after: '\nIKE negotiation failed.' }, NAV)).toEqual({ kind: 'foreign', collision: true, why: 'carried', source: NAV });
  });
  it('only the first 4 000 characters of a description are read', () => {
    const long = 'Backup of volume D: finished. '.repeat(150);
    expect(kind({ id: 4285, desc: `${long}IKE negotiation failed.` }, NAV)).toEqual({ kind: 'foreign', collision: true, why: 'carried', source: NAV });
  });
  it('with an empty description, the event data are read instead, one value per word', () => {
    expect(kind({ id: 4285, before: 'x', desc: '', data: ['10.0.0.1', 'IKEv1'] }, NAV)).toEqual(IPSEC);
    expect(kind({ id: 4285, format: 'event-xml', data: ['10.0.0.1', 'IKEv1'] }, NAV)).toEqual(IPSEC);
  });
  it('only the first 4 000 characters of the event data are read', () => {
    expect(kind({ id: 4285, format: 'event-xml', data: ['Backup of volume D: finished. '.repeat(150), 'IKEv1'] }, NAV)).toEqual({ kind: 'foreign', collision: true, why: 'carried', source: NAV });
  });
});

describe('identify: a record with no source is checked against the log the catalogue gives its ID', () => {
  const foreignLog: Identity = { kind: 'foreign', collision: true, why: 'log' };
  it('System/4285 is the driver event; Security/4285 and Application/4285 are not', () => {
    expect(kind({ log: 'System', id: 4285, desc: 'Error.' })).toEqual(IPSEC);
    expect(kind({ log: 'Security', id: 4285, desc: 'Error.' })).toEqual(foreignLog);
    expect(kind({ log: 'アプリケーション', id: 4285, desc: 'Error.' })).toEqual(foreignLog);
  });
  it('System/541 is not the IPsec audit 541 (in Japanese too: システム)', () => {
    expect(kind({ log: 'System', id: 541, desc: 'Error.' })).toEqual(foreignLog);
    expect(kind({ log: 'システム', id: 541, desc: 'Error.' })).toEqual(foreignLog);
    expect(kind({ log: 'システム', id: 4285, desc: 'Error.' })).toEqual(IPSEC);
  });
  it('a log that is none of Security/System/Application (ForwardedEvents) is not compared', () => {
    expect(kind({ log: 'ForwardedEvents', id: 4285, desc: 'Error.' })).toEqual(IPSEC);
  });
  it('the log of an ID the catalogue lists but no page covers (4292, block mode) is compared', () => {
    expect(kind({ log: 'Security', id: 4292, desc: 'Error.' })).toEqual(foreignLog);
  });
  it('the chapter\'s own number 4268 takes its log from the page that says it (System)', () => {
    expect(kind({ log: 'Security', id: 4268, desc: 'Error.' })).toEqual(foreignLog);
    expect(kind({ log: 'System', id: 4268, desc: 'Error.' })).toEqual(IPSEC);
  });
  it('an ID\'s log is its own: a page that also lists an event of another log does not lend it', () => {
    const mixed = structuredClone(cat);
    mixed.playbooks.find((p) => p.id === 'ipsec-driver/bad-spi')!.events.push({ id: 547, log: 'Security', sources: ['Security'], os: ['2000', 'XP', '2003'] });
    expect(kind({ log: 'Security', id: 4283, desc: 'Error.' }, undefined, mixed)).toEqual(foreignLog);
  });
  it('when the event table lacks the ID, the log comes from the pages that list it', () => {
    const pagesOnly: Catalogue = { ...structuredClone(cat), events: [] };
    expect(kind({ log: 'Security', id: 4285, desc: 'Error.' }, undefined, pagesOnly)).toEqual(foreignLog);
    expect(kind({ log: 'System', id: 4285, desc: 'Error.' }, undefined, pagesOnly)).toEqual(IPSEC);
  });
  it('a catalogue event with an empty log column says nothing about the log', () => {
    const blank = structuredClone(cat);
    blank.events.find((e) => e.id === 4292)!.log = '';
    expect(kind({ log: 'Security', id: 4292, desc: 'Error.' }, undefined, blank)).toEqual(IPSEC);
  });
});

describe('identify: the driver IDs 4283–4297 are IPsec\'s even when the catalogue lists no events', () => {
  const bare: Catalogue = { ...structuredClone(cat), events: [], playbooks: cat.playbooks.map((p) => ({ ...p, events: [] })) };
  it('4283 and 4297 from another source are collisions; 4282 and 4298 are not', () => {
    const collision = (id: number) => (kind({ log: 'System', source: 'Norton AntiVirus', id }, undefined, bare) as { collision: boolean }).collision;
    expect([4282, 4283, 4297, 4298].map(collision)).toEqual([false, true, true, false]);
  });
  it('with no log in the catalogue for the ID, the log is not held against it', () => {
    expect(kind({ log: 'Security', id: 4290, desc: 'Error.' }, undefined, bare)).toEqual(IPSEC);
  });
});

describe('identify: a record with no source whose description contradicts the IPsec event', () => {
  const contradicted: Identity = { kind: 'foreign', collision: true, why: 'description' };
  it('System/4285 whose description is a backup message is another product\'s 4285', () => {
    expect(kind({ log: 'System', id: 4285, desc: BACKUP })).toEqual(contradicted);
    expect(kind({ id: 4285, format: 'event-xml', data: [BACKUP] })).toEqual(contradicted);
  });
  it('a bare description paste (no header to contradict) is not judged by its wording', () => {
    expect(kind({ id: 4285, format: 'event-description', desc: BACKUP })).toEqual(IPSEC);
  });
  it('a description shorter than 40 characters (after trimming) is too short to contradict', () => {
    expect(kind({ id: 4285, desc: 'Backup of volume D: finished with codes.' })).toEqual(contradicted); // 40
    expect(kind({ id: 4285, desc: 'Backup of volume D: finished with code.' })).toEqual(IPSEC); // 39
    expect(kind({ id: 4285, desc: '  Backup of volume D: finished with code.\n   ' })).toEqual(IPSEC);
  });
  it('the catalogue title of the event, without its placeholders, confirms the description', () => {
    expect(kind({ id: 4285, format: 'event-xml', data: ['Failed to authenticate the hash for 5 packet(s) received from 192.168.0.10.'] })).toEqual(IPSEC);
    // cut off right after "from": the title's words count, not the spaces around its placeholders
    expect(kind({ id: 4283, format: 'event-xml', data: ['Received 12 packet(s) with a bad Security Parameters Index from'] })).toEqual(IPSEC);
  });
  it('a playbook signature in the description confirms it (the chapter\'s title "Hash Authentication Failure")', () => {
    expect(kind({ log: 'System', id: 4285, desc: 'Hash Authentication Failure (ハッシュ認証の失敗) が記録されています。' })).toEqual(IPSEC);
  });
  it('a signature after the description (next lines of the paste) does not confirm it', () => {
    expect(kind({ log: 'System', id: 4285, desc: BACKUP, after: '\nHash Authentication Failure (ハッシュ認証の失敗)' })).toEqual(contradicted);
  });
});
