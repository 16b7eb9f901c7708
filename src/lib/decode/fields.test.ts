import { describe, expect, it } from 'vitest';
import { LEGACY_LABELS, LabelSet, VISTA_LABELS, field, tokenizeFields } from './fields.ts';

const legacy = new LabelSet(LEGACY_LABELS);
const vista = new LabelSet(VISTA_LABELS);

describe('tokenizeFields', () => {
  it('reads the multi-line 547 layout', () => {
    const t = 'IKE security association negotiation failed.\n Mode: \nKey Exchange Mode (Main Mode)\n\n Filter: \nSource IP Address 10.0.0.1\nSource IP Address Mask 255.255.255.255\nIKE Peer Addr 10.0.0.2\n\n Failure Point: \nMe\n\n Failure Reason: \nNo response\nfrom peer\n\n Extra Status: \nSent first (SA) payload\nInitiator.  Delta Time 63\nnot part of it';
    const r = tokenizeFields(t, 0, t.length, legacy, 8192, true);
    expect(field(r, 'mode')?.value).toBe('Key Exchange Mode (Main Mode)');
    expect(field(r, 'srcAddr')?.value).toBe('10.0.0.1');
    expect(field(r, 'srcMask')?.value).toBe('255.255.255.255');
    expect(field(r, 'ikePeer')?.value).toBe('10.0.0.2');
    expect(field(r, 'failurePoint')?.value).toBe('Me');
    expect(field(r, 'reason')?.value).toBe('No response from peer');
    expect(field(r, 'extraStatus')?.value).toBe('Sent first (SA) payload / Initiator.  Delta Time 63');
    expect(t.slice(r.lastEnd - 10, r.lastEnd)).toBe('Delta Time 63'.slice(-10));
  });
  it('reads the one-line form', () => {
    const t = 'IKE security association negotiation failed. Mode: Key Exchange Mode (Main Mode) Filter: Source IP Address 10.0.0.1 Destination IP Address 10.0.0.2 Failure Point: Me Failure Reason: No policy configured Extra Status: Processed third (ID) payload Initiator.  Delta Time 0';
    const r = tokenizeFields(t, 0, t.length, legacy);
    expect(field(r, 'dstAddr')?.value).toBe('10.0.0.2');
    expect(field(r, 'reason')?.value).toBe('No policy configured');
    expect(field(r, 'extraStatus')?.value).toContain('Processed third (ID) payload');
  });
  it('accepts plausible Japanese labels and full-width colons', () => {
    const t = 'モード：データ保護モード (クイック モード)\n失敗点: 自分\n失敗の理由:\nポリシーが構成されていません\n追加の状態: 3 番目の ID ペイロードを処理しました';
    const r = tokenizeFields(t, 0, t.length, legacy);
    expect(field(r, 'mode')?.value).toBe('データ保護モード (クイック モード)');
    expect(field(r, 'failurePoint')?.value).toBe('自分');
    expect(field(r, 'reason')?.value).toBe('ポリシーが構成されていません');
  });
  it('prefixes Vista endpoint fields with their section', () => {
    const t = 'Local Endpoint:\n\tNetwork Address:\t10.0.0.1\nRemote Endpoint:\n\tNetwork Address:\t10.0.0.2\nFailure Information:\n\tFailure Reason:\t\tNo policy configured';
    const r = tokenizeFields(t, 0, t.length, vista);
    expect(field(r, 'local.address')?.value).toBe('10.0.0.1');
    expect(field(r, 'remote.address')?.value).toBe('10.0.0.2');
    expect(field(r, 'reason')?.value).toBe('No policy configured');
  });
  it('does not take label words inside values', () => {
    const t = 'Mode:\nKey Exchange Mode (Main Mode)';
    const r = tokenizeFields(t, 0, t.length, legacy);
    expect(r.hits.filter((h) => h.name === 'mode').length).toBe(1);
  });
});
