import { describe, expect, it } from 'vitest';
import { TemplateSet, compileTemplate, tailPartials } from './matcher.ts';

describe('compileTemplate', () => {
  it('turns %N, <…>, digits and elisions into gaps', () => {
    const t = compileTemplate('Received %2 packet(s) with a bad Security Parameters Index from %3.\\nThis could be a temporary glitch')!;
    expect(t.fragments[0]).toBe('received');
    expect(t.fragments.length).toBe(3);
    expect(t.variable).toBe(true);
    const ja = compileTemplate('<IP アドレス> から不正なセキュリティ パラメータ インデックスの付いたパケットを <個数> 個受信しました。')!;
    expect(ja.gaps[0].map((g) => g.raw)).toEqual(['<IP アドレス>']);
    expect(ja.fragments[0]).toBe('から不正なセキュリティパラメータインデックスの付いたパケットを');
    const el = compileTemplate('IPSec ドライバとの oakley ネゴシエーションに失敗しました。・・・フィルタが存在しません。')!;
    expect(el.fragments.length).toBe(2);
    const comp = compileTemplate('Negotiation timed out | Processed first (SA) payload\\nResponder.  Delta Time 63')!;
    expect(comp.fragments).toEqual(['negotiationtimedout', 'processedfirst(sa)payloadresponder.deltatime']);
    const unterminated = compileTemplate('PAStore Engine は DN ""<CN=ipsecPolicy{GUID}"" のコンピュータに適用できませんでした。')!;
    expect(unterminated.fragments.length).toBe(2);
  });
  it('refuses templates with too little literal text', () => {
    expect(compileTemplate('%1')).toBeNull();
    expect(compileTemplate('<番号>')).toBeNull();
  });
  it('keeps exact templates exact', () => {
    expect(compileTemplate('No response from peer')!.variable).toBe(false);
  });
});

describe('TemplateSet', () => {
  const set = new TemplateSet<string>();
  set.add(compileTemplate('Failed to authenticate the hash for %2 packet(s) received from %3.')!, 'hash');
  set.add(compileTemplate('No response from peer')!, 'noresp');
  set.add(compileTemplate('<IP アドレス> からセキュリティで保護されるべき <個数> 個のパケットをクリア テキストで受信しました。')!, 'clear');
  set.build();
  const budget = () => ({ ops: 1e7, exhausted: false });
  it('finds templates with filled placeholders and reports gaps', () => {
    const t = 'xx Failed to authenticate the hash for 5 packet(s) received from 192.168.0.10.';
    const m = set.scan(t, [0, t.length], budget());
    expect(m.map((x) => x.form.ref)).toEqual(['hash']);
    expect(t.slice(...m[0].gaps[0]).trim()).toBe('5');
    expect(t.slice(...m[0].trail!)).toBe('192.168.0.10');
  });
  it('matches across wrapped lines and case/width differences', () => {
    const t = 'NO RESPONSE\n> from ｐｅｅｒ';
    const m = set.scan(t, [0, 11, 14, t.length], budget());
    expect(m.map((x) => x.form.ref)).toContain('noresp');
  });
  it('captures a leading placeholder', () => {
    const t = '192.168.0.77 からセキュリティで保護されるべき 40 個のパケットをクリア テキストで受信しました。';
    const m = set.scan(t, [0, t.length], budget());
    expect(m[0].form.ref).toBe('clear');
    expect(t.slice(...m[0].lead!)).toBe('192.168.0.77');
  });
  it('flags templates the input stops in the middle of', () => {
    const t = 'see: Failed to authenticate the hash for 5 packet(s) receiv';
    const p = tailPartials(set, t, t.length);
    expect(p.map((x) => x.form.ref)).toContain('hash');
    expect(p[0].partial).toBe(true);
  });
  it('respects the work budget', () => {
    const t = 'Failed to authenticate the hash for '.repeat(2000);
    const b = { ops: 1000, exhausted: false };
    set.scan(t, [0, t.length], b);
    expect(b.exhausted).toBe(true);
  });
});
