import { describe, expect, it } from 'vitest';
import { lengthen, shortForms, windowsFragments, reportable } from './katakana.ts';
import { pageHits } from './katakana-page.ts';
import { parsePage } from './lint-content.ts';
import { knownWindowsStrings } from './windows-strings.ts';

const fix = (t: string, known: string[] = []) => lengthen(t, reportable(t, [], windowsFragments(known), known));

describe('shortForms', () => {
  it('lengthens -er/-or/-ar words and leaves other words alone', () => {
    expect(fix('相手のコンピュータでフィルタとドライバ、パラメータ、イベント ビューア、メンバ、ドメイン コントローラを見ます。')).toBe(
      '相手のコンピューターでフィルターとドライバー、パラメーター、イベント ビューアー、メンバー、ドメイン コントローラーを見ます。',
    );
  });
  it('keeps long forms, -y words and longer words (フィルタリング, モニタリング)', () => {
    const t = 'コンピューター、カテゴリ、メモリ、レジストリ、Windows フィルタリング プラットフォーム、モニタリング、ユーザビリティ';
    expect(shortForms(t)).toEqual([]);
    expect(fix(t)).toBe(t);
  });
  it('writes メンバーシップ for the compound', () => {
    expect(fix('グループ メンバシップ')).toBe('グループ メンバーシップ');
  });
});

describe('Windows text stays as Windows prints it', () => {
  const msg = 'IPSec サービスはコンピュータのネットワーク インターフェイスの完全な一覧を取得できませんでした。 IPSec モニタのスナップインを実行して問題を診断してください。';
  it('keeps a known message, one sentence of it, and a 「」 quote of part of it', () => {
    expect(fix(`表示: ${msg} このコンピュータで確認します。`, [msg])).toBe(`表示: ${msg} このコンピューターで確認します。`);
    expect(fix('「IPSec モニタのスナップインを実行して問題を診断してください」と出ます。', [msg])).toBe('「IPSec モニタのスナップインを実行して問題を診断してください」と出ます。');
    expect(fix('「IPSec モニタのスナップイン」を開くとフィルタが見えます。', [msg])).toBe('「IPSec モニタのスナップイン」を開くとフィルターが見えます。');
  });
  it('lengthens a quoted UI name that is not a known Windows string', () => {
    expect(fix('「IP セキュリティ モニタ」を開きます。', [msg])).toBe('「IP セキュリティ モニター」を開きます。');
  });
  it('keeps table 7.3 file names', () => {
    expect(fix('<コンピュータ名>_oakley.log と <コンピュータ名>_<サーバー名>_ping.txt を連絡者のコンピュータで作ります。')).toBe(
      '<コンピュータ名>_oakley.log と <コンピュータ名>_<サーバー名>_ping.txt を連絡者のコンピューターで作ります。',
    );
  });
  it('loads the chapter messages from messages.tsv', () => {
    expect(knownWindowsStrings().some((s) => s.includes('IPSec モニタのスナップインを実行して問題を診断してください'))).toBe(true);
  });
});

describe('pageHits', () => {
  const page = [
    '---',
    'title: テスト',
    'signatures:',
    '  - ja: フィルタ XYZ がありません',
    '    en: No filter XYZ',
    'attach: [ドライバのログ]',
    '---',
    '',
    '```text',
    'コンピュータ名: PC01',
    '```',
    '',
    '`フィルタ` と表示されたら「フィルタ XYZ がありません」のことで、ドライバを確かめます。',
    '',
    '<Decoder sample="コンピュータ: PC01">コンピュータの例</Decoder>',
    '',
  ].join('\n');
  const fm = { title: 'テスト', signatures: [{ ja: 'フィルタ XYZ がありません', en: 'No filter XYZ' }], attach: ['ドライバのログ'] };
  it('flags prose and frontmatter, not code, signatures or component attributes', () => {
    const hits = pageHits(page, parsePage(page, true), fm, []);
    const at = (h: { start: number }) => page.slice(0, h.start).split('\n').length;
    expect(hits.map((h) => `${at(h)}:${h.short}`)).toEqual(['6:ドライバ', '13:ドライバ', '15:コンピュータ']);
  });
});
