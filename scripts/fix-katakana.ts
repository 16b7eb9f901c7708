/**
 * node scripts/fix-katakana.ts [--check] <file|folder>…: write Microsoft's long-vowel katakana
 * (コンピュータ → コンピューター …) with the same words and exemptions as the katakana-long-vowel lint
 * rule, so quoted Windows text stays exactly as Windows prints it.
 *
 * Pages (.md, .mdx) use the rule itself (src/lint/katakana-page.ts). Code (.ts, .astro) keeps, besides
 * the known Windows strings, every literal that is a Windows label the decoders look for (a bare
 * katakana word like 'コンピュータ' or 'コンピュータ名:'), every line that compares text
 * (startsWith, includes, ===), and comments. Tests, fixtures, generated files and content/data are
 * skipped when a folder is walked: they hold Windows output on purpose. --check lists and writes nothing.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parsePage } from '../src/lint/lint-content.ts';
import { pageHits } from '../src/lint/katakana-page.ts';
import { lengthen, reportable, windowsFragments, type KatakanaHit, type Span } from '../src/lint/katakana.ts';
import { knownWindowsStrings } from '../src/lint/windows-strings.ts';

const SKIP = /(^|\/)(node_modules|generated|fixtures?|data)(\/|$)|\.test\.ts$|(^|\/)fixtures\.ts$|(^|\/)src\/lint\/katakana[^/]*\.ts$/;
const EXT = /\.(mdx?|ts|astro|json)$/;

function walk(path: string, named: boolean): string[] {
  if (statSync(path).isDirectory()) return readdirSync(path).flatMap((f) => walk(join(path, f), false));
  return EXT.test(path) && (named || !SKIP.test(path)) ? [path] : [];
}

// a bare Windows label ('コンピュータ', 'コンピュータ名:') or a table 7.3 placeholder ('<コンピュータ名>')
const KEY_LITERAL = /(['"`])\s*[\u30a1-\u30fa\u30fc・ ]+(?:名|の設定)?\s*[:：]?\s*\1|(['"`])<[^<>\n]{1,20}>\2/g;
const COMPARES = /startsWith\(|endsWith\(|includes\(|===|!==|\bH\(|^\s*(\/\/|\/\*|\*)/;

/** Code: spans that are Windows labels, comparisons or comments. */
export function codeExempt(text: string): Span[] {
  const spans: Span[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (COMPARES.test(line)) spans.push([at, at + line.length]);
    else for (const m of line.matchAll(KEY_LITERAL)) spans.push([at + m.index!, at + m.index! + m[0].length]);
    at += line.length + 1;
  }
  return spans;
}

export function fileHits(path: string, text: string, known: string[]): KatakanaHit[] {
  if (/\.mdx?$/.test(path)) {
    const tree = parsePage(text, path.endsWith('.mdx'));
    const yaml = tree.children.find((n) => n.type === 'yaml') as { value: string } | undefined;
    const fm = (yaml ? parseYaml(yaml.value) : {}) ?? {};
    return pageHits(text, tree, fm as Record<string, unknown>, known);
  }
  return reportable(text, codeExempt(text), windowsFragments(known), known);
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const known = knownWindowsStrings();
let changed = 0;
let words = 0;
for (const file of args.filter((a) => !a.startsWith('--')).flatMap((a) => walk(a, true))) {
  const text = readFileSync(file, 'utf8');
  const hits = fileHits(file, text, known);
  if (!hits.length) continue;
  changed++;
  words += hits.length;
  console.log(`${relative(process.cwd(), file)}: ${hits.length}`);
  if (!check) writeFileSync(file, lengthen(text, hits));
}
console.log(`fix-katakana: ${words} word(s) in ${changed} file(s)${check ? ' (not written: --check)' : ''}`);
