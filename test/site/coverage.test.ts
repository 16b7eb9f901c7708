/**
 * Every message string of the chapter leads to a page that names it exactly.
 * The fixture is the fact list content/data/messages.tsv (91 rows, ja from the chapter and
 * en from Windows' message tables): for each string, some built page's 症状 section contains it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../src/lib/data/tsv.ts';
import { fold, readBuiltSite } from '../support/built-site.ts';

const rows = parseTsv(readFileSync('content/data/messages.tsv', 'utf8'));
const pages = readBuiltSite();
const symptoms = pages.map((p) => ({ url: p.url, text: p.sections.get('症状') ?? '' })).filter((p) => p.text);

function pagesNaming(s: string): string[] {
  const needle = fold(s);
  return symptoms.filter((p) => p.text.includes(needle)).map((p) => p.url);
}

describe('chapter coverage: every message has a page whose 症状 section quotes it', () => {
  it('has the 91 facts', () => {
    expect(rows.length).toBe(91);
  });

  it('every Japanese string', () => {
    const missing = rows.filter((r) => pagesNaming(r.ja_text).length === 0).map((r) => `${r.id} ${r.ja_text.slice(0, 50)}`);
    expect(missing, `no page quotes these in its 症状 section:\n${missing.join('\n')}`).toEqual([]);
  });

  it('every known English string', () => {
    const missing = rows.filter((r) => r.en_text).flatMap((r) => r.en_text.split(' | ').filter((en) => pagesNaming(en).length === 0).map((en) => `${r.id} ${en.slice(0, 60)}`));
    expect(missing, `no page quotes these in its 症状 section:\n${missing.join('\n')}`).toEqual([]);
  });
});
