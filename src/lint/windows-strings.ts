/**
 * The Japanese strings Windows prints that the site quotes: the chapter's messages
 * (content/data/messages.tsv, column ja_text) and every playbook signature (the generated catalogue,
 * when it has been built). The katakana-long-vowel rule leaves these exactly as Windows wrote them.
 */
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
let cache: string[] | undefined;

export function knownWindowsStrings(): string[] {
  if (cache) return cache;
  const out = new Set<string>();
  const [head, ...rows] = readFileSync(new URL('content/data/messages.tsv', root), 'utf8').split('\n');
  const col = head.split('\t').indexOf('ja_text');
  for (const r of rows) {
    // TSV quoting doubles a quote inside a field: ""<ポリシー名>"" is "<ポリシー名>" on screen
    const v = r.split('\t')[col]?.trim().replace(/^"(.*)"$/, '$1').replace(/""/g, '"');
    if (v) out.add(v);
  }
  const catalogue = new URL('src/generated/catalogue.json', root);
  if (existsSync(catalogue)) {
    try {
      const c = JSON.parse(readFileSync(catalogue, 'utf8')) as { playbooks?: { signatures?: { ja?: string; variants?: string[] }[] }[] };
      for (const p of c.playbooks ?? []) for (const s of p.signatures ?? []) for (const v of [s.ja, ...(s.variants ?? [])]) if (v) out.add(v);
    } catch {
      // a half-written catalogue: messages.tsv and the page's own signatures still apply
    }
  }
  cache = [...out];
  return cache;
}

/** The signature strings (ja, en, variants) of one page's frontmatter. */
export function pageSignatures(frontmatter: Record<string, unknown>): string[] {
  const out: string[] = [];
  const sigs = frontmatter.signatures;
  if (!Array.isArray(sigs)) return out;
  for (const s of sigs as { ja?: unknown; en?: unknown; variants?: unknown }[]) {
    for (const v of [s?.ja, s?.en, ...(Array.isArray(s?.variants) ? s.variants : [])]) if (typeof v === 'string') out.push(v);
  }
  return out;
}
