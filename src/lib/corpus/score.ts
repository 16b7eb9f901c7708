/**
 * Scoring the decoder on the public accuracy corpus (test/corpus/corpus.tsv): each paste has an expected
 * verdict and page. A result is
 * - `right`: the verdict matches and, when a page is expected, the verdict's page is one of them;
 * - `wrong`: a confident verdict (fault, vpn, ok, not-ipsec) that is not the expected one, or a fault/vpn
 *   verdict that sends the reader to a page the corpus does not expect — what a tier 1 agent would follow;
 * - `missed`: anything else (need-data where a verdict was expected, the right verdict without its page).
 */
import type { DecodeReport, Verdict } from '../decode/types.ts';

export interface CorpusRow {
  id: string;
  file: string;
  source_url: string;
  era: string;
  expected_verdict: Verdict;
  /** Page ids separated by `|`, or `-`. */
  expected_page: string;
  evidence: string;
}

export type Outcome = 'right' | 'wrong' | 'missed';

export interface Scored {
  row: CorpusRow;
  outcome: Outcome;
  verdict: Verdict;
  page?: string;
  why: string;
}

export function score(row: CorpusRow, report: DecodeReport): Scored {
  const verdict = report.verdict;
  const page = report.verdictInfo.playbook?.id ?? report.verdictInfo.guide?.id;
  const expected = row.expected_page === '-' || !row.expected_page ? [] : row.expected_page.split('|').map((s) => s.trim());
  const base = { row, verdict, page };
  if (verdict === row.expected_verdict) {
    if (!expected.length || (page && expected.includes(page))) return { ...base, outcome: 'right', why: '' };
    if (page && (verdict === 'ipsec-fault' || verdict === 'vpn')) return { ...base, outcome: 'wrong', why: `page ${page}, expected ${expected.join(' or ')}` };
    return { ...base, outcome: 'missed', why: page ? `page ${page}, expected ${expected.join(' or ')}` : 'no page' };
  }
  if (verdict === 'need-data') return { ...base, outcome: 'missed', why: `need-data, expected ${row.expected_verdict}` };
  return { ...base, outcome: 'wrong', why: `${verdict}, expected ${row.expected_verdict}` };
}

export function tally(list: Scored[]): { right: number; wrong: number; missed: number; total: number } {
  const t = { right: 0, wrong: 0, missed: 0, total: list.length };
  for (const s of list) t[s.outcome]++;
  return t;
}
