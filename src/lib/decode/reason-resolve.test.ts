/**
 * resolveReason and modeKind on their own (events.ts): what a 547/4653 failure reason resolves to — page,
 * alternatives, code, Japanese text, confidence — by each path (signature, template scan, code table), and
 * that the per-decode memo never changes an answer. reason.test.ts covers the scoring through whole events.
 */
import { describe, expect, it } from 'vitest';
import { testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { page } from '../../../test/fixtures/decode/verdict-kit.ts';
import type { CatalogueErrorCode } from '../catalogue/types.ts';
import { getIndex, type CatalogueIndex } from './catalogue-index.ts';
import type { Ctx } from './context.ts';
import { modeKind, resolveReason } from './events.ts';

const base = testCatalogue();
const idx = getIndex(base);
/** The parts of a decode's state resolveReason reads: the text to scan, the index, the scope and the memo. */
const ctx = (text = '', scope?: string, i: CatalogueIndex = idx) => ({ text, idx: i, scope, memo: new Map(), budget: { ops: 1e9, exhausted: false } }) as unknown as Ctx;
/** The resolution in comparable form. */
function show(r: ReturnType<typeof resolveReason>) {
  return { page: r.playbook?.id, alts: r.alternatives.map((a) => a.id), code: r.code?.decimal, ja: r.ja, confidence: r.confidence, extra: r.extraFacts.map((f) => `${f.name}=${f.value}`), matched: r.matched };
}
const resolve = (reason: string, extra?: string, mode?: 'main' | 'quick', scan = false, scope?: string) => show(resolveReason(ctx(reason, scope), reason, extra, mode, scan ? [0, reason.length] : undefined));

const GLITCH = 'This could be a temporary glitch; if it persists please stop and restart the IPSec Policy Agent service on this machine.';
const GLITCH_JA = 'このエラーは一時的なものである可能性がありますが、この状態が続く場合は、このコンピュータの IPSec ポリシー エージェント サービスを停止してから再起動してください。';

describe('modeKind', () => {
  it('reads the mode line in English or Japanese, by either of its names', () => {
    for (const v of ['Data Protection Mode (Quick Mode)', 'quick mode', 'Data Protection', 'クイック モード', 'データ保護モード']) expect(modeKind(v), v).toBe('quick');
    for (const v of ['Key Exchange Mode (Main Mode)', 'MAIN MODE', 'Key Exchange', 'メイン モード', 'キー交換モード']) expect(modeKind(v), v).toBe('main');
  });
  it('nothing for no line or another word', () => {
    expect(modeKind(undefined)).toBe(undefined);
    expect(modeKind('')).toBe(undefined);
    expect(modeKind('Other')).toBe(undefined);
  });
});

describe('resolveReason: a reason a signature carries', () => {
  it('English: the page, the code from the message table, the Japanese text of the signature', () => {
    expect(resolve('No response from peer')).toEqual({ page: 'ike-main-mode/no-response', alts: [], code: 13813, ja: 'ピアから応答がありません', confidence: 'exact', extra: [], matched: undefined });
  });
  it('Japanese: the code comes from the signature (the message table is English)', () => {
    expect(resolve('ピアから応答がありません')).toMatchObject({ page: 'ike-main-mode/no-response', code: 13813, ja: 'ピアから応答がありません', confidence: 'exact' });
  });
  it('a signature without a code takes the code another signature of the reason gives; its ja is cut at "。-"', () => {
    expect(resolve('ネゴシエーションがタイムアウトしました', '最初の SA ペイロードを処理しました 応答側 デルタ時間 63')).toMatchObject({
      page: 'ike-main-mode/negotiation-timed-out',
      code: 13805,
      ja: 'ネゴシエーションがタイムアウトしました',
    });
  });
  it('no code anywhere: none (and nothing breaks)', () => {
    expect(resolve('属性が一致しないためセキュリティ アソシエーションのネゴシエーションに失敗しました')).toEqual({
      page: 'ike-quick-mode/attribute-mismatch',
      alts: [],
      code: undefined,
      ja: '属性が一致しないため、セキュリティ アソシエーションのネゴシエーションに失敗しました。',
      confidence: 'exact',
      extra: [],
      matched: undefined,
    });
  });
  it("the message table's code is kept when the signature has none", () => {
    expect(resolve('Failed to determine SSPI principal name for ISAKMP/Oakley service (QueryCredentialsAttributes).')).toMatchObject({ page: 'policy-agent-2000/sspi-principal', code: 3417113102 });
  });
  it('equal scores: the first page wins and the others are alternatives', () => {
    expect(resolve(GLITCH)).toMatchObject({ page: 'ipsec-driver/hash-auth-failure', alts: ['ipsec-driver/bad-spi', 'ipsec-driver/clear-text'], ja: GLITCH_JA });
  });
  it('the page in scope wins by far: no alternatives', () => {
    expect(resolve(GLITCH, undefined, undefined, false, 'ipsec-driver/clear-text')).toMatchObject({ page: 'ipsec-driver/clear-text', alts: [] });
    // a scope that is not one of the reason's pages changes nothing
    expect(resolve(GLITCH, undefined, undefined, false, 'ike-auth/logon-failed')).toMatchObject({ page: 'ipsec-driver/hash-auth-failure', alts: ['ipsec-driver/bad-spi', 'ipsec-driver/clear-text'] });
  });
});

describe('resolveReason: the memo', () => {
  it('a second call gives the same answer, alternatives included, as a copy', () => {
    const c = ctx(GLITCH);
    const first = resolveReason(c, GLITCH, undefined, undefined);
    first.alternatives.pop();
    const again = resolveReason(c, GLITCH, undefined, undefined);
    expect(again.alternatives.map((a) => a.id)).toEqual(['ipsec-driver/bad-spi', 'ipsec-driver/clear-text']);
    again.alternatives.pop();
    expect(resolveReason(c, GLITCH, undefined, undefined).alternatives).toHaveLength(2);
  });
  it('the mode and the extra status are part of the key', () => {
    const c = ctx();
    expect(resolveReason(c, 'No policy configured', undefined, undefined).playbook?.id).toBe('ike-main-mode/no-policy-configured');
    expect(resolveReason(c, 'No policy configured', undefined, 'quick').playbook?.id).toBe('ike-quick-mode/no-policy-configured');
    expect(resolveReason(c, 'No policy configured', 'Processed third (ID) payload Initiator. Delta Time 0', undefined).playbook?.id).toBe('ike-quick-mode/no-policy-configured');
  });
  it('a reason found by scanning is not memoised: each call keeps the values it read', () => {
    const t = 'Failed to authenticate the hash for 5 packet(s) received from 192.168.0.10. ' + GLITCH;
    const c = ctx(t);
    const a = resolveReason(c, t, undefined, undefined, [0, t.length]);
    const b = resolveReason(c, t, undefined, undefined, [0, t.length]);
    expect(a.extraFacts.map((f) => f.value)).toEqual(['5', '192.168.0.10']);
    expect(b.extraFacts.map((f) => f.value)).toEqual(['5', '192.168.0.10']);
  });
});

describe('resolveReason: a reason found by scanning the text', () => {
  it('a known message inside other words: exact, with the matched span and the code of the signature', () => {
    expect(resolve('Peer said: No response from peer today', undefined, undefined, true)).toEqual({ page: 'ike-main-mode/no-response', alts: [], code: 13813, ja: 'ピアから応答がありません', confidence: 'exact', extra: [], matched: [11, 32] });
  });
  it('a message shared by several pages: the others are alternatives', () => {
    expect(resolve(`x ${GLITCH}`, undefined, undefined, true)).toMatchObject({ page: 'ipsec-driver/hash-auth-failure', alts: ['ipsec-driver/bad-spi', 'ipsec-driver/clear-text'], confidence: 'exact', matched: [2, 122] });
  });
  it('a message with values: template, with the values as facts', () => {
    const t = 'Failed to authenticate the hash for 5 packet(s) received from 192.168.0.10. ' + GLITCH;
    expect(resolve(t, undefined, undefined, true)).toMatchObject({ page: 'ipsec-driver/hash-auth-failure', confidence: 'template', extra: ['count=5', 'address=192.168.0.10'], matched: [0, t.length] });
  });
  it('the first sentence of a two-sentence message: partial', () => {
    const t = 'Failed to authenticate the hash for 5 packet(s) received from 192.168.0.10.';
    expect(resolve(t, undefined, undefined, true)).toMatchObject({ page: 'ipsec-driver/hash-auth-failure', confidence: 'partial', extra: ['count=5'], matched: [0, 61] });
  });
  it('nothing known: no page, no code, partial', () => {
    expect(resolve('nothing known here', undefined, undefined, true)).toEqual({ page: undefined, alts: [], code: undefined, ja: undefined, confidence: 'partial', extra: [], matched: undefined });
    expect(resolve('nothing known here')).toEqual({ page: undefined, alts: [], code: undefined, ja: undefined, confidence: 'partial', extra: [], matched: undefined });
  });
});

describe('resolveReason: a reason only the code table knows', () => {
  const fixture = (decimal: number, message: string, playbook?: string): CatalogueErrorCode => ({ table: 'win32', name: `ERROR_FIXTURE_${decimal}`, decimal, hex: `0x${decimal.toString(16)}`, hresult: '', message, source: 'test', playbook });
  const withCodes = getIndex({ ...base, errorCodes: [...base.errorCodes, fixture(99991, 'Fixture reason with its own page.', 'ike-auth/logon-failed'), fixture(99992, 'Fixture reason without a page.')] });
  const viaTable = (reason: string) => show(resolveReason(ctx(reason, undefined, withCodes), reason, undefined, undefined));
  it("the code's page, exact", () => {
    expect(viaTable('Fixture reason with its own page.')).toEqual({ page: 'ike-auth/logon-failed', alts: [], code: 99991, ja: undefined, confidence: 'exact', extra: [], matched: undefined });
  });
  it('a code without a page: the code, partial', () => {
    expect(viaTable('Fixture reason without a page.')).toEqual({ page: undefined, alts: [], code: 99992, ja: undefined, confidence: 'partial', extra: [], matched: undefined });
  });
  it('the Japanese text of the code comes from the signatures that carry the code', () => {
    const same = getIndex({ ...base, errorCodes: [...base.errorCodes.filter((c) => c.decimal !== 13813), fixture(13813, 'Fixture message of code 13813.')] });
    expect(show(resolveReason(ctx('', undefined, same), 'Fixture message of code 13813.', undefined, undefined))).toMatchObject({ code: 13813, ja: 'ピアから応答がありません' });
  });
});

describe('resolveReason: pages and codes a hand-made catalogue can show', () => {
  // fixture pages on top of the test catalogue: each signature shows one rule of the scoring or of the texts
  const sig = (ja: string, o: { en?: string; variants?: string[]; code?: number } = {}) => ({ ja, variants: o.variants ?? [], ...(o.en ? { en: o.en } : {}), ...(o.code !== undefined ? { code: o.code } : {}) });
  const SHARED = 'フィクスチャの共通の理由です';
  const pages = [
    { ...page('ike-main-mode/fixture-shared', 'isolation'), signatures: [sig(SHARED)] },
    // the same reason twice on one page (its ja and a variant): one alternative, not two
    { ...page('fixture/shared-twice', 'isolation'), signatures: [sig(SHARED, { variants: [SHARED] })] },
    { ...page('fixture/coded', 'isolation'), signatures: [sig('フィクスチャの表のメッセージ', { en: 'Fixture message of the table.', code: 13813 })] },
    // a page with no Japanese source repeats the English in ja
    { ...page('fixture/english-only', 'isolation'), signatures: [sig('Fixture reason without a Japanese source.')] },
    { ...page('fixture/composite', 'isolation'), signatures: [sig('フィクスチャの理由です。- 追加の状態です')] },
  ];
  const tableCode: CatalogueErrorCode = { table: 'win32', name: 'ERROR_FIXTURE_TABLE', decimal: 99993, hex: '0x1869D', hresult: '', message: 'Fixture message of the table.', source: 'test' };
  const fx = getIndex({ ...base, playbooks: [...base.playbooks, ...pages], errorCodes: [...base.errorCodes, tableCode] });
  const viaFixture = (reason: string, extra?: string, mode?: 'main' | 'quick') => show(resolveReason(ctx(reason, undefined, fx), reason, extra, mode));

  it('a page listing the reason twice is one alternative', () => {
    expect(viaFixture(SHARED)).toEqual({ page: 'ike-main-mode/fixture-shared', alts: ['fixture/shared-twice'], code: undefined, ja: SHARED, confidence: 'exact', extra: [], matched: undefined });
  });
  it('a page two points behind the best (the mode bonus) is still an alternative', () => {
    expect(viaFixture(SHARED, undefined, 'main')).toMatchObject({ page: 'ike-main-mode/fixture-shared', alts: ['fixture/shared-twice'] });
  });
  it("the message table's code wins over the signature's code", () => {
    expect(viaFixture('Fixture message of the table.')).toEqual({ page: 'fixture/coded', alts: [], code: 99993, ja: 'フィクスチャの表のメッセージ', confidence: 'exact', extra: [], matched: undefined });
  });
  it('a ja field without Japanese gives no Japanese text', () => {
    expect(viaFixture('Fixture reason without a Japanese source.')).toEqual({ page: 'fixture/english-only', alts: [], code: undefined, ja: undefined, confidence: 'exact', extra: [], matched: undefined });
  });
  it('a composite signature ("reason。- extra") gives only its reason part as the Japanese text', () => {
    expect(viaFixture('フィクスチャの理由です', '追加の状態です')).toEqual({ page: 'fixture/composite', alts: [], code: undefined, ja: 'フィクスチャの理由です', confidence: 'exact', extra: [], matched: undefined });
  });
});
