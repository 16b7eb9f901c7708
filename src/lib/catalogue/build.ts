/** Build the catalogue from playbook files (Node only: reads the file system). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Playbook } from '../../schema/playbook.ts';
import { pageIdFromPath, pageUrl } from '../site/page-id.ts';
import { parseTsv } from '../data/tsv.ts';
import type { Catalogue, CataloguePlaybook } from './types.ts';

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
    });
  }
  return { playbooks, errors };
}

export function buildCatalogue(playbooks: CataloguePlaybook[], eventIdsTsv: string, errorCodesTsv: string): Catalogue {
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
    errorCodes: parseTsv(errorCodesTsv)
      .filter((r) => r.decimal !== '')
      .map((r) => ({
        name: r.name,
        decimal: Number(r.decimal),
        hex: r.hex,
        hresult: r.hresult,
        message: r.message,
        playbook: codeOwner.get(Number(r.decimal)),
      })),
  };
}
