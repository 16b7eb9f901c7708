/**
 * The built site publishes the Sigma rules: /sigma/<rule>.yml for every rule, the zip with the same bytes,
 * the index page linking each file, and the 「フリート全体で探す」 section with SPL and KQL on the playbooks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Catalogue } from '../../src/lib/catalogue/types.ts';
import { kqlQuery, sigmaBundle, sigmaOptionsFromEnv, splQuery, SIGMA_ZIP } from '../../src/lib/sigma/index.ts';
import { readBuiltSite } from '../support/built-site.ts';

const dist = process.env.E2E_DIST ?? 'dist';
const cat = JSON.parse(readFileSync('src/generated/catalogue.json', 'utf8')) as Catalogue;
const { set, files } = sigmaBundle(cat, sigmaOptionsFromEnv(process.env));
const pages = new Map(readBuiltSite(dist).map((p) => [p.url, p]));

describe('Sigma rules on the built site', () => {
  it('every rule is published as /sigma/<file>.yml with the generator’s bytes', () => {
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const path = join(dist, 'sigma', f.name);
      expect(existsSync(path), path).toBe(true);
      expect(readFileSync(path, 'utf8'), f.name).toBe(f.text);
    }
  });

  it('the zip holds exactly the same files, byte for byte', () => {
    const zip = unzipSync(readFileSync(join(dist, 'sigma', SIGMA_ZIP)));
    expect(Object.keys(zip).sort()).toEqual(files.map((f) => f.name).sort());
    for (const f of files) expect(new TextDecoder().decode(zip[f.name]), f.name).toBe(f.text);
  });

  it('the index page links every rule file and the zip', () => {
    const index = pages.get('/reference/sigma/');
    expect(index).toBeDefined();
    const hrefs = new Set(index!.links.map((h) => h.replace(/^.*\/sigma\//, '')));
    for (const f of files) expect(hrefs, f.name).toContain(f.name);
    expect(hrefs).toContain(SIGMA_ZIP);
  });

  it('each playbook with a rule shows SPL and KQL for it under 「フリート全体で探す」, with a copy button', () => {
    const missing: string[] = [];
    for (const r of set.rules) {
      for (const id of r.playbooks) {
        const page = pages.get(`/${id}/`);
        const section = page && select('section.fq', page.tree);
        const codes = section ? selectAll('pre', section).map((e) => toText(e, { whitespace: 'pre' })) : [];
        if (!section || toText(select('h2', section)!) !== 'フリート全体で探す') missing.push(`${id}: no section`);
        else if (!codes.includes(splQuery(r)) || !codes.includes(kqlQuery(r))) missing.push(`${id}: no SPL/KQL for ${r.file}`);
        else if (selectAll('ipsec-copy button[data-copy]', section).length !== codes.length) missing.push(`${id}: a query without a copy button`);
      }
    }
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('the no-response page shows the 547 query as a SIEM owner would paste it', () => {
    const section = select('section.fq', pages.get('/ike-main-mode/no-response/')!.tree)!;
    const text = selectAll('pre', section).map((e) => toText(e, { whitespace: 'pre' })).join('\n');
    expect(text).toContain('source="WinEventLog:Security" EventCode=547 (Message="*No response from peer*" OR Message="*ピアから応答がありません*")');
    expect(text).toContain('SecurityEvent\n| where EventID == 547 and EventSourceName in~ ("Security")');
  });

  it('pages without a rule show no section', () => {
    const ruled = new Set([...set.rules, ...set.correlations].flatMap((r) => r.playbooks));
    const without = cat.playbooks.filter((p) => p.kind !== 'flowchart' && !ruled.has(p.id));
    expect(without.length).toBeGreaterThan(0);
    for (const p of without) expect(select('section.fq', pages.get(`/${p.id}/`)!.tree) ?? null, p.id).toBeNull();
  });
});
