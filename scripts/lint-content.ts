/**
 * npm run lint:content [-- files…]: run the authoring lint over every page (or the files named).
 * Prints `file:line: [rule] what` and `Fix: how` for each problem; exits 1 when there are any.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listContentFiles } from '../src/lib/catalogue/build.ts';
import { lintFiles } from '../src/lint/lint-content.ts';
import { buildLintContext } from '../src/lint/context.ts';

const root = process.cwd();
const all = [...listContentFiles(join(root, 'playbooks')), ...listContentFiles(join(root, 'content'))];
const ctx = buildLintContext(root, all.map((f) => ({ path: f, source: readFileSync(f, 'utf8') })));
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = args.length ? args.map((a) => resolve(a)) : all;
const results = lintFiles(root, files, ctx);
let count = 0;
for (const r of results) {
  for (const p of r.problems) {
    count++;
    console.log(`${r.file}:${p.line}: [${p.rule}] ${p.message}\n  Fix: ${p.fix}`);
  }
}
console.log(`lint:content: ${files.length} files, ${count} problem(s)`);
process.exit(count > 0 ? 1 : 0);
