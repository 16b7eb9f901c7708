import { describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdown, fence } from './markdown.ts';

describe('Markdown for values we did not write', () => {
  it('code spans: a fence longer than any backtick run, padded when the value starts or ends with one', () => {
    expect(codeSpan('PC123_oakley.log')).toBe('`PC123_oakley.log`');
    expect(codeSpan('PC`01_oakley.log')).toBe('``PC`01_oakley.log``');
    expect(codeSpan('a``b`')).toBe('``` a``b` ```');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeSpan('two\nlines')).toBe('`two lines`');
  });
  it('fences: longer than any run inside, at least three', () => {
    expect(fence('plain')).toBe('```text\nplain\n```');
    expect(fence('a ``` b ````` c')).toBe('``````text\na ``` b ````` c\n``````');
  });
  it('escapes inline constructs and block starts', () => {
    expect(escapeMarkdown('PC*1 _x_ [a](b) <img src=x> `c` a|b ~~s~~ #1 &amp;')).toBe('PC\\*1 \\_x\\_ \\[a\\](b) \\<img src=x\\> \\`c\\` a\\|b \\~\\~s\\~\\~ \\#1 \\&amp;');
    expect(escapeMarkdown('- a\n+ b\n1. c\n2) d\n===\n---')).toBe('\\- a\n\\+ b\n1\\. c\n2\\) d\n\\===\n\\---');
    expect(escapeMarkdown('CORP\\山田太郎 & co')).toBe('CORP\\\\山田太郎 & co');
  });
});
