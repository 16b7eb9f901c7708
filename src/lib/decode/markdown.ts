/**
 * Markdown for ticket text that carries values we did not write (computer names, pasted findings):
 * each value stays text, whatever characters it holds. CommonMark rules used: a backslash escapes any
 * ASCII punctuation; a code span or fence is closed only by a backtick run of its own length.
 *
 *   escapeMarkdown('PC*1 [x](y)')  -> 'PC\*1 \[x\](y)'
 *   codeSpan('PC`01')              -> '``PC`01``'
 *   fence('a ``` b')               -> '````text\na ``` b\n````'
 */

/**
 * Characters that start Markdown or HTML constructs inside a line. ( ) and ! act only after [ ] (escaped),
 * so they stay as they are and the raw text stays readable.
 */
const SPECIAL = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~']);

/** The value as literal Markdown text: inline punctuation escaped, and no line can start a block. */
export function escapeMarkdown(text: string): string {
  let out = '';
  for (const ch of text) out += SPECIAL.has(ch) ? '\\' + ch : ch;
  // &amp; / &#60; would be read as character references
  out = out.replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&');
  // list items (- + 1. 1)), setext underlines (=== ---), and thematic breaks at a line start
  return out.replace(/^(\s*)([-+=]|\d+[.)])/gm, (_m, sp: string, mark: string) => (/^\d/.test(mark) ? `${sp}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${sp}\\${mark}`));
}

/** Longest run of backticks in the text. */
function longestRun(text: string): number {
  let best = 0;
  let run = 0;
  for (const ch of text) {
    run = ch === '`' ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** An inline code span that shows the value exactly, backticks included (one line). */
export function codeSpan(text: string): string {
  const value = text.replace(/\r?\n/g, ' ');
  const bar = '`'.repeat(longestRun(value) + 1);
  // a space keeps a leading or trailing backtick from joining the fence; CommonMark strips one on each side
  const pad = value.startsWith('`') || value.endsWith('`') || (value.startsWith(' ') && value.endsWith(' ') && value.trim()) ? ' ' : '';
  return `${bar}${pad}${value}${pad}${bar}`;
}

/** A fenced block (```text) that no backtick run inside the text can close. */
export function fence(text: string, lang = 'text'): string {
  const bar = '`'.repeat(Math.max(3, longestRun(text) + 1));
  return `${bar}${lang}\n${text}\n${bar}`;
}
