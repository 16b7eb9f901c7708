/**
 * Line wrapping for the flowchart SVG, done at build time (an SVG <text> does not wrap itself).
 *
 * Japanese is broken only between phrases (文節) as BudouX finds them, so a line never ends inside
 * a word like 「対象」 or 「コード」; ASCII words (file names, commands) stay whole. A phrase wider
 * than a line is cut, but never so that a line is one character, and the last line is never a lone
 * character (「逆引きできな/い」): text is moved down from the line above instead.
 * Width is estimated without font metrics: CJK and full-width characters 1 em, others 0.6 em.
 */
import { jaModel, Parser } from 'budoux';

const parser = new Parser(jaModel);

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f]/;
/** Characters that may not start a line (kinsoku): closing brackets, punctuation, the long-vowel mark. */
const NO_LINE_START = /^[、。，．・：；？！ー」』）)\]〕】,.:;!?]/;

/** Estimated width of a string in px at `size`. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += WIDE.test(ch) ? 1 : ch === ' ' ? 0.33 : 0.6;
  return em * size;
}

/** Characters that count as content (not spaces or punctuation). */
function weight(line: string): number {
  return [...line.replace(/[\s、。，．・：；？！」』）)\]〕】,.:;!?「『（(［〔【]/g, '')].length;
}

/** Phrases as BudouX finds them, with the spaces between them as units of their own. */
export function phrases(text: string): string[] {
  const out: string[] = [];
  for (const p of parser.parse(text.replace(/\s+/g, ' ').trim())) {
    const [, lead, body, trail] = /^( ?)(.*?)( ?)$/.exec(p)!;
    if (lead && out[out.length - 1] !== ' ') out.push(' ');
    if (body) out.push(body);
    if (trail) out.push(' ');
  }
  return out;
}

/** Cut a unit wider than `max` into pieces at most `max` wide: at spaces first, then between characters. */
function cut(unit: string, max: number, size: number): string[] {
  const pieces: string[] = [];
  let cur = '';
  for (const tok of unit.match(/[^ ]+| /g) ?? []) {
    const fits = (s: string) => textWidth(s.trim(), size) <= max;
    if (fits(cur + tok)) {
      cur += tok;
      continue;
    }
    if (cur.trim()) pieces.push(cur.trim());
    cur = '';
    if (tok === ' ') continue;
    for (const ch of tok) {
      if (cur && !fits(cur + ch) && !NO_LINE_START.test(ch)) {
        pieces.push(cur);
        cur = '';
      }
      cur += ch;
    }
  }
  if (cur.trim()) pieces.push(cur.trim());
  return pieces;
}

/** Wrap text to lines no wider than `max` px (closing punctuation may hang a little past it). */
export function wrap(text: string, max: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => textWidth(s.trim(), size) <= max;
  for (const unit of phrases(text)) {
    if (fits(line + unit) || NO_LINE_START.test(unit)) {
      line += unit;
      continue;
    }
    if (line.trim()) lines.push(line.trim());
    line = '';
    if (unit === ' ') continue;
    if (fits(unit)) {
      line = unit;
      continue;
    }
    const pieces = cut(unit, max, size);
    lines.push(...pieces.slice(0, -1));
    line = pieces[pieces.length - 1] ?? '';
  }
  if (line.trim()) lines.push(line.trim());
  return noLoneCharacters(lines);
}

/**
 * No line of a single character. The last line takes characters from the line above (its last
 * phrase when that leaves the line above with something, otherwise its last two characters);
 * a lone character elsewhere joins the line before it (the first line, the line after it).
 */
function noLoneCharacters(lines: string[]): string[] {
  const out = [...lines];
  for (let i = out.length - 1; i > 0; i--) {
    if (weight(out[i]) > 1) continue;
    if (i === out.length - 1) {
      const prev = phrases(out[i - 1]);
      const body = prev.filter((u) => u !== ' ');
      if (body.length > 1) {
        while (prev[prev.length - 1] === ' ') prev.pop();
        const moved = prev.pop()!;
        out[i - 1] = prev.join('').trim();
        out[i] = join(moved, out[i]);
        continue;
      }
      const chars = [...out[i - 1]];
      if (weight(out[i - 1]) > 3) {
        out[i] = chars.splice(-2).join('') + out[i];
        out[i - 1] = chars.join('');
        continue;
      }
    }
    out[i - 1] = join(out[i - 1], out[i]);
    out.splice(i, 1);
  }
  if (out.length > 1 && weight(out[0]) <= 1) out.splice(0, 2, join(out[0], out[1]));
  return out.length ? out : [''];
}

/** Two pieces of one sentence on one line: a space where ASCII meets text, as the site writes it. */
function join(a: string, b: string): string {
  const space = (/[\x21-\x7e]$/.test(a) || /^[\x21-\x7e]/.test(b)) && !NO_LINE_START.test(b) && !/[(「『（]$/.test(a);
  return space ? `${a} ${b}` : a + b;
}
