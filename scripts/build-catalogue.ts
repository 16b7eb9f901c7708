/**
 * Derive the machine-readable signature catalogue from the playbooks' frontmatter and the
 * reference data in content/data/. Output: src/generated/catalogue.json, read by the decoder,
 * the search step, the components and the tests. Nothing in it is typed by hand.
 *
 * Also writes the frontmatter JSON Schemas to schemas/ (for editors), from the same zod schemas.
 *
 * Fails (exit 1) naming the file and the field when a playbook's frontmatter is invalid.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { collectPlaybooks, buildCatalogue } from '../src/lib/catalogue/build.ts';
import { jsonSchemas } from '../src/schema/json-schema.ts';
import { reportCrossFile } from '../src/lib/catalogue/checks.ts';
import { collectGuides } from '../src/lib/catalogue/build.ts';

const root = process.cwd();
if (reportCrossFile(root) > 0) process.exit(1); // YAML errors with their line, then duplicate signatures / event claims, unknown event IDs (both files named)
const { playbooks, errors } = collectPlaybooks(root);
if (errors.length > 0) {
  for (const e of errors) console.error(e);
  console.error(`catalogue: ${errors.length} invalid playbook(s); nothing written.`);
  process.exit(1);
}
const read = (f: string) => readFileSync(join(root, 'content/data', f), 'utf8');
const catalogue = buildCatalogue(playbooks, read('event_ids.tsv'), { ike: read('ike_error_codes.tsv'), win32: read('win32_error_codes.tsv'), audit: read('audit-subcategories.tsv'), services: JSON.parse(read('service-names.json')).rows, ras: read('ras_error_codes.tsv'), wfp: read('wfp_error_codes.tsv') });
catalogue.guides = collectGuides(root); // the decoder's guide titles, from the pages themselves
mkdirSync(join(root, 'src/generated'), { recursive: true });
writeFileSync(join(root, 'src/generated/catalogue.json'), JSON.stringify(catalogue, null, 1));
mkdirSync(join(root, 'schemas'), { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) writeFileSync(join(root, 'schemas', name), JSON.stringify(schema, null, 2) + '\n');
console.log(`catalogue: ${catalogue.playbooks.length} playbooks, ${catalogue.playbooks.reduce((n, p) => n + p.signatures.length, 0)} signatures, ${catalogue.errorCodes.length} error codes`);
