/**
 * Event identity (identity.ts) branches the other suites leave open, and the chapter's own event number
 * (4268, the chapter's name for 4283) taken from the catalogue's `chapterSays` instead of the code.
 */
import { describe, expect, it } from 'vitest';
import { testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import type { Catalogue } from '../catalogue/types.ts';
import { decode } from './index.ts';

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
    expect(summary(event('System', 'IPSEC', 4268, SPI), moved).findings.map((f) => [f.kind, f.note])).toEqual([['component', undefined]]);
  });
});
