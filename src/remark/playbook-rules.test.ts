import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { checkSections, checkSignatures, fold, lineOf, sections, sectionText } from './playbook-rules.ts';

const parse = (markdown: string): Root => unified().use(remarkParse).parse(markdown);

/** Title, line and node types of each section: what the section checks see. */
function outline(markdown: string) {
  return sections(parse(markdown)).map((s) => ({ title: s.title, line: s.line, nodes: s.nodes.map((n) => n.type) }));
}

describe('sections', () => {
  it('keeps ### subheadings inside their ## section', () => {
    expect(outline('## 確認\n\n手順。\n\n### ログ\n\n見る。\n\n## 対処\n\n直す。\n')).toEqual([
      { title: '確認', line: 1, nodes: ['paragraph', 'heading', 'paragraph'] },
      { title: '対処', line: 9, nodes: ['paragraph'] },
    ]);
  });

  it('trims the heading text, so a trailing escaped space still names the required section', () => {
    expect(outline('## 症状&#32;\n\n本文。\n')).toEqual([{ title: '症状', line: 1, nodes: ['paragraph'] }]);
  });

  it('puts a section at line 1 when the tree has no positions (built by a plugin, not parsed)', () => {
    const tree: Root = { type: 'root', children: [{ type: 'heading', depth: 2, children: [{ type: 'text', value: '症状' }] }] };
    expect(sections(tree)).toEqual([{ title: '症状', line: 1, nodes: [] }]);
  });
});

describe('sectionText', () => {
  const text = (markdown: string) => sectionText(sections(parse(markdown))[0]);

  it('separates blocks and list items by a space, so words of adjacent items do not run together', () => {
    expect(text('## 確認\n\n一つ目\n\n- 二つ目\n- 三つ目\n')).toBe('一つ目 二つ目 三つ目');
  });

  it('reads the text of a code block, folding its line breaks', () => {
    expect(text('## 症状\n\n```text\nピアから\n応答がありません\n```\n')).toBe('ピアから 応答がありません');
  });

  it('reads a section holding only a thematic break as empty', () => {
    expect(text('## 意味\n\n***\n')).toBe('');
  });
});

describe('fold', () => {
  it('turns the two-character \\n into a space, collapses whitespace runs and trims', () => {
    expect(fold('  No response\\nfrom   peer \n')).toBe('No response from peer');
  });
});

describe('lineOf', () => {
  const source = '---\nkind: message\nsignatures:\n  - en: No response from peer\n---\n## 症状\n\n```text\nNo response from peer\n```\n';

  it('gives the 1-based line of the first line holding the needle', () => {
    expect(lineOf(source, 'No response from peer')).toBe(4);
  });

  it('looks a wrapped needle up by its first line, trimmed', () => {
    const wrapped = 'The log says:\nThis could be a temporary glitch;\nif it persists\n';
    expect(lineOf(wrapped, 'This could be a temporary glitch; \\nif it persists')).toBe(2);
  });

  it('falls back to line 1 when the needle is nowhere in the source', () => {
    expect(lineOf(source, 'Negotiation timed out')).toBe(1);
  });
});

describe('checkSections', () => {
  it('reports every required section missing at line 1 when the tree has no positions', () => {
    const problems = checkSections({ type: 'root', children: [] });
    expect(problems[0]).toEqual({
      rule: 'required-sections',
      line: 1,
      message: 'required section "## 症状" is missing.',
      fix: 'add "## 症状" (sections in order: 症状 → 意味 → 原因 → 確認 → 対処 → 各ティアの対応 → エスカレーション時に添付するもの → 関連).',
    });
    expect(problems.map((p) => p.line)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('checkSignatures', () => {
  const symptom = '## 症状\n\n```text\nピアから応答がありません\n```\n';
  const check = (markdown: string, signatures: unknown[]) => checkSignatures(parse(markdown), { kind: 'message', signatures }, markdown);

  it('looks for the signatures in 症状 even when another section comes first', () => {
    expect(check(`## 意味\n\n説明。\n\n${symptom}`, [{ ja: 'ピアから応答がありません' }])).toEqual([]);
  });

  it('reports nothing without a 症状 section (checkSections reports the missing section)', () => {
    expect(check('## 意味\n\n説明。\n', [{ ja: 'ピアから応答がありません' }])).toEqual([]);
  });

  it('skips the parts a signature does not give (here en and variants)', () => {
    expect(check(symptom, [{ ja: 'ピアから応答がありません' }])).toEqual([]);
  });

  it('shortens a signature longer than 60 characters to 57 and an ellipsis in the message', () => {
    const long = 'IKE authentication credentials are unacceptable for this peer'; // 61 characters
    // quoted under 意味, not under 症状: reported, at the line where it stands
    expect(check(`${symptom}\n## 意味\n\n${long} のとき。\n`, [{ en: long }])).toEqual([
      {
        rule: 'signature-in-symptom',
        line: 9,
        message: 'signature "IKE authentication credentials are unacceptable for this …" is not in the 症状 section.',
        fix: 'quote it exactly, e.g. in a ```text block under "## 症状" (line breaks may differ; characters may not).',
      },
    ]);
  });

  it('quotes a signature of exactly 60 characters whole', () => {
    const sixty = 'The IKE negotiation failed because the peer sent no response';
    expect(check(symptom, [{ en: sixty }]).map((p) => [p.line, p.message])).toEqual([
      [1, 'signature "The IKE negotiation failed because the peer sent no response" is not in the 症状 section.'],
    ]);
  });
});
