/**
 * Checks across playbooks that no single page can make on its own, run by both `npm run catalogue`
 * (scripts/build-catalogue.ts, so the build fails) and the authoring lint. Each problem names both files.
 *
 *   - the same signature string (ja, en or a variant, trimmed) on two pages: the decoder would link
 *     the message to whichever it met first;
 *   - two pages claiming the same event (log + source + ID) with no failure reason between them:
 *     pages may share an event only when their signatures (the failure reason) tell them apart,
 *     so at most one page per event may claim it without signatures;
 *   - an event ID (events[].id, successors, signatures[].event) that content/data/event_ids.tsv does
 *     not list for that log: a typo there would route real events to the wrong page.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { parseTsv } from '../data/tsv.ts';
import { listContentFiles, readFrontmatter } from './build.ts';

/** One playbook: its file (relative to the project root), and its frontmatter as parsed YAML. */
export interface CheckedPage {
  file: string;
  frontmatter: Record<string, unknown>;
}

export interface CrossFileProblem {
  /** The file the problem is reported on. */
  file: string;
  /** 1-based line in that file (of the offending value when found, else 1). */
  line: number;
  /** The other file involved, if any. */
  other?: string;
  rule: 'duplicate-signature' | 'duplicate-event-claim' | 'unknown-event-id';
  /** Warnings are printed and do not fail (only the known cases listed in KNOWN_SHARED). */
  severity: 'error' | 'warning';
  message: string;
  fix: string;
}

interface Ev {
  id: number;
  log: string;
  sources: string[];
}

/**
 * Signatures that are on several pages today and await a content decision (reported, not failing):
 * the chapter's shared closing sentence of the 4284 / 4285 / 4268 driver events (row c7m008). Any other
 * duplicate fails. Remove entries as the content is fixed; never add new ones to silence the check.
 */
export const KNOWN_SHARED = new Set([
  'このエラーは一時的なものである可能性がありますが、この状態が続く場合は、このコンピュータの IPSec ポリシー エージェント サービスを停止してから再起動してください。',
  'This could be a temporary glitch; if it persists please stop and restart the IPSec Policy Agent service on this machine.',
]);

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function eventsOf(fm: Record<string, unknown>): Ev[] {
  return asArray(fm.events)
    .filter(isObj)
    .filter((e) => typeof e.id === 'number' && typeof e.log === 'string')
    .map((e) => ({ id: e.id as number, log: e.log as string, sources: asArray(e.sources).map(String) }));
}

function signatureStrings(fm: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const s of asArray(fm.signatures).filter(isObj)) {
    for (const v of [s.ja, s.en, ...asArray(s.variants)]) if (typeof v === 'string' && v.trim()) out.push(v.trim());
  }
  return out;
}

/** Known event IDs per log, from event_ids.tsv (`5481, 5482` rows give both; a log cell may name two logs). */
export function knownEvents(tsv: string): Map<number, string[]> {
  const known = new Map<number, string[]>();
  for (const row of parseTsv(tsv)) {
    for (const idText of (row.event_id ?? '').split(/[,\s]+/)) {
      if (!/^\d+$/.test(idText)) continue;
      const id = Number(idText);
      known.set(id, [...(known.get(id) ?? []), (row.log ?? '').toLowerCase()]);
    }
  }
  return known;
}

/** Line of the first occurrence of `needle` in the source (1 when absent). */
function lineOf(source: string | undefined, needle: string): number {
  if (!source) return 1;
  // the line whose YAML value is exactly the string (ja: '…', - '…'), else the first line holding it
  const lines = source.split('\n');
  const exact = lines.findIndex((l) => l.replace(/^\s*(?:-\s*)?(?:[A-Za-z]+:\s*)?/, '').trim().replace(/^(['"])(.*)\1$/, '$2') === needle);
  if (exact >= 0) return exact + 1;
  const i = lines.findIndex((l) => l.includes(needle));
  return i + 1 || 1;
}

/**
 * Every cross-file problem. `sources` (file -> text) only improves the line numbers.
 * Pages are compared in the order given; the later page is the one reported, naming the earlier.
 */
export function crossFileProblems(pages: CheckedPage[], eventIdsTsv: string, sources: Map<string, string> = new Map()): CrossFileProblem[] {
  const out: CrossFileProblem[] = [];

  // 1. a signature string on two pages
  const bySig = new Map<string, string>();
  for (const p of pages) {
    for (const s of new Set(signatureStrings(p.frontmatter))) {
      const first = bySig.get(s);
      if (first && first !== p.file) {
        out.push({ file: p.file, line: lineOf(sources.get(p.file), s), other: first, rule: 'duplicate-signature', severity: KNOWN_SHARED.has(s) ? 'warning' : 'error', message: `signature "${s}" is also on ${first}: the decoder could link the message to either page.`, fix: `keep the string on one page and link the other page to it (related), or make each page's string the exact text that tells them apart.` });
      } else if (!first) bySig.set(s, p.file);
    }
  }

  // 2. the same event claimed by two pages without a failure reason between them
  const unreasoned = new Map<string, string>();
  for (const p of pages) {
    if (signatureStrings(p.frontmatter).length > 0) continue;
    const seen = new Set<string>();
    for (const e of eventsOf(p.frontmatter)) {
      for (const src of e.sources.length ? e.sources : ['']) {
        const key = `${e.log.toLowerCase()}|${src.toLowerCase()}|${e.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const first = unreasoned.get(key);
        if (first) out.push({ file: p.file, line: lineOf(sources.get(p.file), `id: ${e.id}`), other: first, rule: 'duplicate-event-claim', severity: 'error', message: `event ${e.log} / ${src} / ${e.id} is also claimed by ${first}, and neither page has a signature (failure reason) that tells them apart.`, fix: 'claim each event on one page, or give each page the failure-reason text (signatures) that decides between them.' });
        else unreasoned.set(key, p.file);
      }
    }
  }

  // 3. event IDs outside the known set
  const known = knownEvents(eventIdsTsv);
  for (const p of pages) {
    const src = sources.get(p.file);
    const bad = (id: number, where: string, log?: string) =>
      out.push({ file: p.file, line: lineOf(src, String(id)), rule: 'unknown-event-id', severity: 'error', message: `${where} ${id}${log ? ` (${log})` : ''} is not in content/data/event_ids.tsv${log && known.has(id) ? ` for that log (listed for: ${known.get(id)!.join('; ')})` : ''}.`, fix: 'check the ID against the message tables; add the row (with its source) to content/data/event_ids.tsv when the event is real.' });
    for (const e of eventsOf(p.frontmatter)) {
      const logs = known.get(e.id);
      // console / UI texts are never logged, so only their ID is checked
      const loggable = e.log === 'Security' || e.log === 'System' || e.log === 'Application';
      if (!logs) bad(e.id, 'event', e.log);
      else if (loggable && !logs.some((l) => l.includes(e.log.toLowerCase()))) bad(e.id, 'event', e.log);
    }
    for (const id of asArray(p.frontmatter.successors)) if (typeof id === 'number' && !known.has(id)) bad(id, 'successor event');
    for (const s of asArray(p.frontmatter.signatures).filter(isObj)) if (typeof s.event === 'number' && !known.has(s.event)) bad(s.event, 'signature event');
  }
  return out;
}

/** `file:line: message (rule)\n  Fix: …`, as the catalogue build prints its errors. */
export function formatCrossFileProblem(p: CrossFileProblem): string {
  return `${p.file}:${p.line}: ${p.severity === 'warning' ? 'warning ' : ''}[${p.rule}] ${p.message}\n  Fix: ${p.fix}`;
}

/** Read every playbook under root/playbooks and the event table, and check them (Node only). */
export function checkPlaybookFiles(root: string, pages?: { path: string; source: string }[]): CrossFileProblem[] {
  const list = pages ?? listContentFiles(join(root, 'playbooks')).map((f) => ({ path: f, source: readFileSync(f, 'utf8') }));
  const sources = new Map<string, string>();
  const checked: CheckedPage[] = [];
  for (const p of list) {
    const file = relative(root, p.path).replace(/\\/g, '/');
    if (!/^playbooks\//.test(file)) continue;
    let fm: Record<string, unknown> | null = null;
    try {
      fm = readFrontmatter(p.source);
    } catch {
      continue; // a YAML error is reported on its own, with its line
    }
    if (!fm) continue;
    sources.set(file, p.source);
    checked.push({ file, frontmatter: fm });
  }
  return crossFileProblems(checked, readFileSync(join(root, 'content/data/event_ids.tsv'), 'utf8'), sources);
}

/** For the catalogue build: print every problem; the number of errors (warnings do not count). */
export function reportCrossFile(root: string, print: (line: string) => void = console.error): number {
  // YAML first: a page whose frontmatter does not parse would otherwise stop the build with a bare stack trace
  const yaml = yamlProblems(root);
  for (const y of yaml) print(y);
  if (yaml.length) {
    print(`catalogue: ${yaml.length} page(s) with broken frontmatter; nothing written.`);
    return yaml.length;
  }
  const problems = checkPlaybookFiles(root);
  for (const p of problems) print(formatCrossFileProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors) print(`catalogue: ${errors} problem(s) across playbooks; nothing written.`);
  return errors;
}

/**
 * The first YAML error of a page's frontmatter with its line in the file (the block starts on line 2,
 * after the opening ---), or null when the frontmatter parses (or there is none).
 */
export function frontmatterYamlError(source: string): { line: number; message: string } | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (!m) return null;
  const doc = parseDocument(m[1], { prettyErrors: true });
  const err = doc.errors[0];
  if (!err) return null;
  let at = err.linePos?.[0]?.line ?? 0;
  // An unclosed quote is noticed where the block ends; the mistake is the line that opened it.
  if (err.code === 'MISSING_CHAR' && /quote/.test(err.message)) {
    const q = /"quote/.test(err.message) ? '"' : "'";
    const lines = m[1].split(/\r?\n/).slice(0, at);
    const open = lines.findLastIndex((l) => l.split(q).length % 2 === 0);
    if (open >= 0) at = open + 1;
  }
  // the parser's own "at line N" counts from the block: drop it, the caller prints the file's line
  return { line: at + 1, message: err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') };
}

/** YAML errors in the frontmatter of every page under playbooks/ and content/, as `file:line: …` lines. */
export function yamlProblems(root: string): string[] {
  const out: string[] = [];
  for (const f of [...listContentFiles(join(root, 'playbooks')), ...listContentFiles(join(root, 'content'))]) {
    const e = frontmatterYamlError(readFileSync(f, 'utf8'));
    if (e) out.push(`${relative(root, f).replace(/\\/g, '/')}:${e.line}: frontmatter is not valid YAML: ${e.message}\n  Fix: fix the YAML on that line (quote strings that contain ": " or start with a special character).`);
  }
  return out;
}
