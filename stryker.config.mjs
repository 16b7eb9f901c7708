// Mutation testing of the core logic (issue 15): `npm run test:mutation`. Incremental: only mutants in
// code or tests changed since the committed state file are run again (see README, 「ミューテーション テスト」).
import { readFileSync } from 'node:fs';

/** events.ts holds more than the 547/4653 mapping: mutate only modeKind … resolveReasonUncached, found by name. */
function range(file, from, to) {
  const lines = readFileSync(new URL(file, import.meta.url), 'utf8').split('\n');
  // a function may be exported for its own tests: "export function modeKind" starts the range too
  const a = lines.findIndex((l) => l.replace(/^export /, '').startsWith(from)) + 1;
  const b = lines.findIndex((l, i) => i >= a && l.startsWith(to));
  if (a < 1 || b < 0) throw new Error(`stryker.config.mjs: cannot find "${from}" … "${to}" in ${file}`);
  return `${file}:${a}-${b}`;
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'test/mutation/vitest.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  // 2 cores shared with others
  concurrency: 2,
  coverageAnalysis: 'perTest',
  // a static mutant (a module-level table) re-runs every suite: ~1 min each on this machine; those tables are data
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'test/mutation/stryker-incremental.json',
  mutate: [
    'src/lib/decode/errors.ts',
    'src/lib/decode/identity.ts',
    range('src/lib/decode/events.ts', 'function modeKind', '/** The playbook whose signature matches'),
    'src/lib/decode/verdict.ts',
    'src/lib/redact/engine.ts',
    'src/lib/redact/scan.ts',
    'src/lib/flowchart/validate.ts',
    'src/lib/site/csp.ts',
    'src/lint/rules.ts',
    'src/remark/playbook-rules.ts',
    'src/lib/search/smart-search.ts',
    'src/lib/search/best-match.ts',
    'src/lib/catalogue/build.ts',
  ],
  thresholds: { high: 90, low: 80, break: 80 },
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // the sandbox needs sources, content and fixtures, not build output (which another build may be rewriting)
  ignorePatterns: ['dist', '.astro', 'test-results', 'sigma-rules', 'reports', 'src/generated', 'public/pagefind', 'test/e2e', 'test/site'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  timeoutMS: 20000,
};
