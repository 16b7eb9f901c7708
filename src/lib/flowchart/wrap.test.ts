import { describe, expect, it } from 'vitest';
import { phrases, textWidth, wrap } from './wrap.ts';

/** Lines with one content character (punctuation and spaces do not count). */
const lone = (lines: string[]) => lines.filter((l) => [...l.replace(/[\s、。？！?!」）)]/g, '')].length <= 1);

describe('phrases (BudouX)', () => {
  it('keeps words whole and ASCII words apart', () => {
    expect(phrases('連絡者のコンピューターで Refresh_IPsec_Policy.vbs を実行しました。')).toEqual(['連絡者の', 'コンピューターで', ' ', 'Refresh_IPsec_Policy.vbs を', '実行しました。']);
  });
});

describe('wrap', () => {
  it('breaks between phrases, never inside 「対象」 or 「コード」', () => {
    expect(wrap('はい、対象だけ駄目', 92, 11.5)).toEqual(['はい、', '対象だけ駄目']);
    expect(wrap('名前を逆引きできない', 100, 11.5)).toEqual(['名前を', '逆引きできない']);
    expect(wrap('エラー コード', 40, 11.5)).toEqual(['エラー', 'コード']);
  });

  it('keeps file names whole and puts the question mark on its line', () => {
    expect(wrap('連絡者のコンピューターで Refresh_IPsec_Policy.vbs を実行しました。', 200, 13)).toEqual(['連絡者のコンピューターで', 'Refresh_IPsec_Policy.vbs', 'を実行しました。']);
    expect(wrap('対象コンピューターに ping が通りますか?', 212, 13)).toEqual(['対象コンピューターに ping が', '通りますか?']);
  });

  it('never leaves one character on the last line (「逆引きできな/い」)', () => {
    // the phrase is one character wider than the line: two characters move down, not one
    expect(wrap('逆引きできない', 70, 11.5)).toEqual(['逆引きで', 'きない']);
    // the last phrase of the line above moves down instead of a lone 「目」
    const l = wrap('ポリシーを確かめたら駄目', 11.5 * 11, 11.5);
    expect(lone(l)).toEqual([]);
    expect(l.join('')).toBe('ポリシーを確かめたら駄目');
  });

  it('never makes a line of one character, even when the box is narrower than a word', () => {
    expect(wrap('エラー コード', 20, 11.5)).toEqual(['エラー', 'コード']);
    const narrow = wrap('対象コンピューターに接続できません', 26, 13);
    expect(lone(narrow)).toEqual([]);
    expect(narrow.join('')).toBe('対象コンピューターに接続できません');
  });

  it('cuts an over-long ASCII word and keeps each piece within the width', () => {
    const lines = wrap('x'.repeat(40), 60, 10);
    expect(lines).toEqual(['xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxxxxxxx']);
    for (const l of lines) expect(textWidth(l, 10)).toBeLessThanOrEqual(60);
  });

  it('returns one empty line for empty text', () => {
    expect(wrap('', 100, 13)).toEqual(['']);
  });
});

describe('the site flowcharts', () => {
  it('draw no label line of one character and no line wider than its box allows', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const { layoutFlowchart } = await import('./layout.ts');
    const { FlowchartPlaybook } = await import('../../schema/playbook.ts');
    const dir = 'playbooks/flowcharts';
    const bad: string[] = [];
    let lines = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.mdx'))) {
      const fm = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(`${dir}/${f}`, 'utf8'))![1]);
      const layout = layoutFlowchart(FlowchartPlaybook.parse(fm), { describeGoto: (id) => ({ title: id }) });
      for (const b of layout.boxes) for (const l of b.lines) {
        lines++;
        if (lone([l]).length) bad.push(`${f} ${b.key}: ${l}`);
        if (textWidth(l, 13) > b.w - 20 + 13) bad.push(`${f} ${b.key}: too wide: ${l}`);
      }
      for (const e of layout.edges) for (const l of e.label) {
        lines++;
        if (lone([l]).length) bad.push(`${f} ${e.from}->${e.to}: ${l}`);
      }
    }
    expect(lines).toBeGreaterThan(100);
    expect(bad).toEqual([]);
  });
});
