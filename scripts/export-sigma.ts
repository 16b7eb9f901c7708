/**
 * Write every Sigma rule to a folder, for a rules repository or a SIEM import:
 *   npm run export:sigma [-- DIR]      (default: ./sigma-rules)
 * The same files, byte for byte, as /sigma/*.yml and /sigma/ipsec-playbooks-sigma.zip on the built site
 * (set SITE_URL and BASE_PATH as for the build to get the same references).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Catalogue } from '../src/lib/catalogue/types.ts';
import { sigmaBundle, sigmaOptionsFromEnv, sigmaSummary } from '../src/lib/sigma/index.ts';

const dir = resolve(process.argv[2] ?? 'sigma-rules');
const cat = JSON.parse(readFileSync(join(process.cwd(), 'src/generated/catalogue.json'), 'utf8')) as Catalogue;
const { set, files } = sigmaBundle(cat, sigmaOptionsFromEnv(process.env));
mkdirSync(dir, { recursive: true });
// Remove rules of ours that no longer exist (a renamed page), leaving any other file in the folder alone.
const names = new Set(files.map((f) => f.name));
for (const old of readdirSync(dir)) if (old.endsWith('.yml') && !names.has(old) && readFileSync(join(dir, old), 'utf8').startsWith('# Generated from the IPsec Playbooks catalogue')) rmSync(join(dir, old));
for (const f of files) writeFileSync(join(dir, f.name), f.text);
console.log(sigmaSummary(set));
console.log(`wrote ${files.length} rule files to ${dir}`);
