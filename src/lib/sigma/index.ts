/**
 * One entry point for every consumer of the Sigma rules: the site's /sigma/ files and zip, the playbook
 * pages' queries, the index page and `npm run export:sigma`. All take the same catalogue and options, so the
 * published rules, the zip and the export are the same bytes.
 */
import type { Catalogue } from '../catalogue/types.ts';
import { sigmaFiles, sigmaZip, type SigmaFile } from './files.ts';
import { buildSigma, type SigmaOptions } from './rules.ts';
import type { SigmaSet } from './types.ts';

export { buildSigma, sigmaFiles, sigmaZip };
export type { SigmaFile, SigmaOptions, SigmaSet };
export { splQuery, kqlQuery, splCorrelation, kqlCorrelation } from './queries.ts';
export { LEVELS, GROUPS, CORRELATIONS, SIGMA_DIR, SIGMA_ZIP } from './policy.ts';

/**
 * Rule references are the playbook URLs: `SITE_URL` (the published origin, e.g. https://intranet.example) +
 * `BASE_PATH` (as for the site build). Without SITE_URL they are site-relative paths.
 */
export function sigmaOptionsFromEnv(env: Record<string, string | undefined>): SigmaOptions {
  return { siteUrl: env.SITE_URL ?? '', base: env.BASE_PATH ?? '/' };
}

export interface SigmaBundle {
  set: SigmaSet;
  files: SigmaFile[];
}

const cache = new WeakMap<Catalogue, Map<string, SigmaBundle>>();

/** The rule set for a catalogue, computed once per build (every playbook page asks for it). */
export function sigmaBundle(cat: Catalogue, opts: SigmaOptions): SigmaBundle {
  const key = `${opts.siteUrl ?? ''}|${opts.base ?? '/'}`;
  let perCat = cache.get(cat);
  if (!perCat) cache.set(cat, (perCat = new Map()));
  let b = perCat.get(key);
  if (!b) {
    const set = buildSigma(cat, opts);
    b = { set, files: sigmaFiles(set) };
    perCat.set(key, b);
  }
  return b;
}

/** One line for build logs: how many rules, and what was left out. */
export function sigmaSummary(set: SigmaSet): string {
  const lines = [`sigma: ${set.rules.length} detection rules, ${set.correlations.length} correlation rules; ${set.skipped.length} playbooks/correlations skipped`];
  for (const s of set.skipped) lines.push(`  skipped ${s.playbook}: ${s.reason}`);
  if (set.unlistedEvents.length) lines.push(`  events with the default level (add them to src/lib/sigma/policy.ts): ${set.unlistedEvents.join(', ')}`);
  return lines.join('\n');
}
