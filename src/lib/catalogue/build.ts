/** Build the catalogue from playbook files (Node only: reads the file system). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Playbook } from '../../schema/playbook.ts';
import { pageIdFromPath, pageUrl } from '../site/page-id.ts';
import { parseTsv } from '../data/tsv.ts';
import type { Catalogue, CatalogueGuide, CataloguePlaybook } from './types.ts';

/** Every .md/.mdx file under dir, sorted, skipping files that start with `_`. */
export function listContentFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.mdx?$/.test(name) && !name.startsWith('_')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The YAML frontmatter of a Markdown file, or null. */
export function readFrontmatter(source: string): Record<string, unknown> | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  return m ? (parseYaml(m[1]) as Record<string, unknown>) : null;
}

export function collectPlaybooks(root: string): { playbooks: CataloguePlaybook[]; errors: string[] } {
  const errors: string[] = [];
  const playbooks: CataloguePlaybook[] = [];
  for (const file of listContentFiles(join(root, 'playbooks'))) {
    const rel = relative(root, file).replace(/\\/g, '/');
    const fm = readFrontmatter(readFileSync(file, 'utf8'));
    if (!fm) {
      errors.push(`${rel}:1: no frontmatter.\n  Fix: start the file with a --- block (see the authoring guide).`);
      continue;
    }
    const parsed = Playbook.safeParse(fm);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push(`${rel}:1: frontmatter field "${issue.path.join('.')}": ${issue.message}.\n  Fix: see the field in src/schema/playbook.ts.`);
      }
      continue;
    }
    const data = parsed.data;
    const id = pageIdFromPath(rel);
    playbooks.push({
      id,
      url: pageUrl(id),
      title: String(fm.title ?? id),
      description: typeof fm.description === 'string' ? fm.description : undefined,
      kind: data.kind,
      family: id.split('/')[0],
      tiers: data.tiers,
      appliesTo: data.appliesTo,
      events: 'events' in data ? data.events : [],
      successors: 'successors' in data ? data.successors : [],
      codes: 'codes' in data ? data.codes : [],
      signatures: data.signatures,
      related: data.related,
      partOf: 'partOf' in data ? data.partOf : undefined,
      sensitive: data.sensitive,
      attach: data.attach,
      symptoms: 'symptoms' in data ? data.symptoms : { ja: [], en: [] },
      tier1: 'tier1' in data ? data.tier1 : undefined,
      domain: 'domain' in data ? data.domain : 'isolation',
    });
  }
  return { playbooks, errors };
}

/** The code tables (content/data/*.tsv) the catalogue merges; RAS and WFP are optional for old callers. */
export interface CodeTables {
  ike: string;
  /** General Win32 codes help desks meet beside IPsec (87, 1068, 1722, 1931…). */
  win32?: string;
  /** Audit subcategories (content/data/audit-subcategories.tsv). */
  audit?: string;
  /** Service display names per release (content/data/service-names.json, its `rows`). */
  services?: Array<{ service: string; display: string }>;
  ras?: string;
  wfp?: string;
}

export function buildCatalogue(playbooks: CataloguePlaybook[], eventIdsTsv: string, codeTables: CodeTables | string): Catalogue {
  const tables: CodeTables = typeof codeTables === 'string' ? { ike: codeTables } : codeTables;
  const codeOwner = new Map<number, string>();
  for (const p of playbooks) for (const c of [...p.codes, ...p.signatures.flatMap((s) => (s.code ? [s.code] : []))]) if (!codeOwner.has(c)) codeOwner.set(c, p.id);
  return {
    generatedFrom: 'playbooks/**/*.mdx frontmatter + content/data/*.tsv',
    playbooks,
    events: parseTsv(eventIdsTsv).map((r) => ({
      id: Number(r.event_id),
      os: r.os,
      log: r.log,
      source: r.source,
      title: r.english_title,
      note: r.note,
    })),
    serviceNames: (tables.services ?? []).map((r) => ({ service: r.service, display: r.display })),
    auditSubcategories: parseTsv(tables.audit ?? '').map((r) => ({
      guid: r.guid.replace(/[{}]/g, '').toUpperCase(),
      en: r.subcategory_en,
      ja: r.ja_name,
      events: r.events.split(/[ ,]+/).join(','),
      core: r.core === 'yes',
    })),
    errorCodes: [
      ...[['ike', tables.ike] as const, ['win32', tables.win32 ?? ''] as const].flatMap(([table, t]) => parseTsv(t).map((r): Record<string, string> & { table: 'ike' | 'win32' } => ({ ...r, table })))
        .filter((r) => r.decimal !== '')
        .map((r) => ({
          table: r.table,
          name: r.name,
          decimal: Number(r.decimal),
          hex: r.hex,
          hresult: r.hresult,
          message: r.message,
          source: r.source,
          playbook: codeOwner.get(Number(r.decimal)),
        })),
      // RAS codes (RasError.h): HRESULT_FROM_WIN32 form computed, as for the IKE table.
      ...parseTsv(tables.ras ?? '')
        .filter((r) => /^\d+$/.test(r.code ?? ''))
        .map((r) => ({
          table: 'ras' as const,
          name: r.symbol,
          decimal: Number(r.code),
          hex: r.hex || `0x${Number(r.code).toString(16).toUpperCase().padStart(8, '0')}`,
          hresult: `0x8007${Number(r.code).toString(16).toUpperCase().padStart(4, '0')}`,
          message: r.en_text || r.learn_text,
          source: r.source_url,
          playbook: codeOwner.get(Number(r.code)),
        })),
      // WFP codes are HRESULTs (0x8032xxxx); `decimal` holds the unsigned value so 0x80320001 and -2144206847 meet.
      ...parseTsv(tables.wfp ?? '')
        .filter((r) => /^0x8032[0-9A-Fa-f]{4}$/.test(r.hresult ?? ''))
        .map((r) => ({
          table: 'wfp' as const,
          name: r.symbol,
          decimal: Number.parseInt(r.hresult.slice(2), 16),
          hex: r.hresult.toUpperCase().replace('0X', '0x'),
          hresult: r.hresult.toUpperCase().replace('0X', '0x'),
          message: r.en_text || r.learn_text,
          source: r.source_url,
          playbook: codeOwner.get(Number.parseInt(r.hresult.slice(2), 16)),
        })),
    ],
  };
}

/**
 * Titles of the guide and reference pages (content/guides, content/reference) from their frontmatter, so the
 * decoder names a page as the page names itself (one source: a renamed page renames its links in tickets).
 */
export function collectGuides(root: string): CatalogueGuide[] {
  const out: CatalogueGuide[] = [];
  for (const folder of ['content/guides', 'content/reference']) {
    for (const file of listContentFiles(join(root, folder))) {
      const fm = readFrontmatter(readFileSync(file, 'utf8'));
      if (typeof fm?.title === 'string') out.push({ id: pageIdFromPath(relative(root, file)), title: fm.title });
    }
  }
  return out;
}
