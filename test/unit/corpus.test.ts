/**
 * The public accuracy corpus (test/corpus/): real pastes from KB articles, GitHub issues, forums and blogs,
 * each with its expected verdict and page. The decoder must never route one wrongly (a tier 1 agent would
 * follow it), and must get at least 90 % fully right. The figures are printed for the README.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/lib/catalogue/types.ts';
import { score, tally } from '../../src/lib/corpus/score.ts';
import type { CorpusRow } from '../../src/lib/corpus/score.ts';
import { parseTsv } from '../../src/lib/data/tsv.ts';
import { decode } from '../../src/lib/decode/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const cat = JSON.parse(readFileSync(join(ROOT, 'src/generated/catalogue.json'), 'utf8')) as Catalogue;
const rows = parseTsv(readFileSync(join(ROOT, 'test/corpus/corpus.tsv'), 'utf8')) as unknown as CorpusRow[];
const VERDICTS = new Set(['ipsec-fault', 'ipsec-ok', 'vpn', 'not-ipsec', 'need-data']);

describe('public accuracy corpus', () => {
  const scored = rows.map((r) => ({ r, text: readFileSync(join(ROOT, 'test/corpus', r.file), 'utf8') })).map(({ r, text }) => ({ text, s: score(r, decode(text, cat)) }));

  it('has at least 60 real pastes, each with a source, a known verdict and its evidence inside the paste', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    for (const { text, s } of scored) {
      expect(s.row.source_url, s.row.id).toMatch(/^https?:\/\//);
      expect(VERDICTS.has(s.row.expected_verdict), s.row.id).toBe(true);
      expect(text.includes(s.row.evidence), `${s.row.id}: evidence not in paste`).toBe(true);
    }
  });

  it('routes no paste wrongly', () => {
    const wrong = scored.filter(({ s }) => s.outcome === 'wrong').map(({ s }) => `${s.row.id} ${s.row.file}: ${s.why}`);
    expect(wrong).toEqual([]);
  });

  it('gets at least 90 % of verdicts and pages right', () => {
    const t = tally(scored.map(({ s }) => s));
    console.log(`corpus: ${t.right} right, ${t.wrong} wrong, ${t.missed} missed of ${t.total} (${((100 * t.right) / t.total).toFixed(1)} % right)`);
    expect(t.right / t.total).toBeGreaterThanOrEqual(0.9);
  });

  it('every verdict names its evidence inside the paste', () => {
    for (const { text, s } of scored) {
      const r = decode(text, cat);
      expect(r.verdictInfo.evidence.length, s.row.id).toBeGreaterThan(0);
      for (const [a, b] of r.verdictInfo.evidence) expect(b > a && b <= text.length, s.row.id).toBe(true);
    }
  });
});
