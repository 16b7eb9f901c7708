import { describe, expect, it } from 'vitest';
import { inlineSegments, plainText } from './inline.ts';

describe('inline code in flowchart strings', () => {
  it('splits backticks into code segments', () => {
    expect(inlineSegments('`sc query policyagent` を実行し `STATE` を見る')).toEqual([
      { code: true, text: 'sc query policyagent' },
      { code: false, text: ' を実行し ' },
      { code: true, text: 'STATE' },
      { code: false, text: ' を見る' },
    ]);
  });
  it('keeps an unmatched backtick as text', () => {
    expect(inlineSegments('a `b')).toEqual([{ code: false, text: 'a ' }, { code: false, text: '`b' }]);
    expect(plainText('a `b` c')).toBe('a b c');
  });
});
