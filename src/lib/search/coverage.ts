/**
 * Does any page cover the query? Pagefind always finds something that merely contains the words
 * ("error 789" once found only the authoring guide, which uses 789 as an example). When no page
 * explains the query, the search says so and offers the decoder, flowchart 7.1 and the nearest
 * family, instead of letting an unrelated page look like the answer.
 *
 * Covered: a pinned result (the catalogue names the page, or an everyday word in
 * content/data/search-synonyms.json does). Not covered: a bare code or event ID that no page
 * explains, or words that only authoring, reference or home pages contain.
 */
import type { Catalogue, CataloguePlaybook } from '../catalogue/types.ts';
import { getIndex } from '../decode/catalogue-index.ts';
import { readToken } from '../decode/errors.ts';
import { FAMILIES } from '../site/families.ts';
import type { SmartHit } from './smart-search.ts';

export interface NearestFamily {
  dir: string;
  label: string;
  /** Up to three pages of the family, closest first. */
  pages: { url: string; title: string }[];
}

export interface Uncovered {
  /** The query as the reader typed it (trimmed, shortened). */
  query: string;
  /** What the code tables know about a code no page explains (`789 (0x00000315) ERROR_…: message`). */
  known?: string;
  family?: NearestFamily;
}

/** Words around a number that only say what kind of number it is. */
const NUMBER_WORDS = /\b(error|err|code|event|id|status|hresult)\b|エラー|コード|イベント|番号|ステータス|[:：#()（）]/gi;

/** The one code or event number a short query is about, if it is nothing else. */
export function codeToken(query: string): string | undefined {
  const rest = query.normalize('NFKC').replace(NUMBER_WORDS, ' ').trim();
  return /^(0x[0-9a-f]{1,8}|-?\d{2,10}|(ERROR|SEC_E)_[A-Z0-9_]+)$/i.test(rest) ? rest : undefined;
}

export function uncovered(query: string, hits: SmartHit[], catalogue: Catalogue, base = '/'): Uncovered | null {
  const q = query.normalize('NFKC').trim();
  if (!q || hits.some((h) => h.pinned)) return null;
  const shown = q.length > 40 ? `${q.slice(0, 40)}…` : q;
  const token = codeToken(q);
  if (token) return { query: shown, ...nearestForCode(token, catalogue, base) };
  if (hits.some((h) => h.kind === 'playbook' || h.kind === 'guide' || h.kind === 'tool')) return null;
  return { query: shown };
}

function nearestForCode(token: string, catalogue: Catalogue, base: string): { known?: string; family?: NearestFamily } {
  const idx = getIndex(catalogue);
  const reading = readToken(idx, token, true).find((r) => r.code);
  const code = reading?.code;
  const value = code?.decimal ?? (/^\d+$/.test(token) ? Number(token) : undefined);
  const name = code && !code.name.startsWith('(') ? `${code.name}: ` : '';
  // WFP codes are HRESULTs: their decimal value means nothing to a reader
  const known = code ? `${code.table === 'wfp' ? code.hex : `${code.decimal} (${code.hex})`} ${name}${code.message.trim()}` : undefined;
  if (value === undefined) return { known };
  // Codes of the same table first (RAS 600–899, IKE 13000–13999…); event IDs when the number is one.
  const table = code?.table;
  const sameTable = (c: number) => {
    const other = catalogue.errorCodes.find((e) => e.decimal === c);
    return !table || !other || other.table === table;
  };
  const scored: { p: CataloguePlaybook; d: number }[] = [];
  for (const p of catalogue.playbooks) {
    const nums = [...p.codes.filter(sameTable), ...(code ? [] : p.events.map((e) => e.id))];
    if (!nums.length) continue;
    scored.push({ p, d: Math.min(...nums.map((n) => Math.abs(n - value))) });
  }
  scored.sort((a, b) => a.d - b.d);
  const first = scored[0];
  // Too far away to call it near: better no family than a misleading one.
  if (!first || first.d > Math.max(50, value * 0.05)) return { known };
  const fam = FAMILIES.find((f) => f.dir === first.p.family);
  const pages = scored.filter((s) => s.p.family === first.p.family).slice(0, 3);
  const b = base.replace(/\/$/, '');
  return { known, family: { dir: first.p.family, label: fam?.label ?? first.p.family, pages: pages.map((s) => ({ url: b + s.p.url, title: s.p.title })) } };
}
