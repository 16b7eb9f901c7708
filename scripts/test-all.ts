/**
 * npm test: every suite, in order, then one summary line `N passed, N failed`.
 *   1. catalogue  2. astro check (types)  3. content lint  4. unit tests (Vitest)
 *   5. production build  6. site suites on dist/ (search relevance, coverage, links)
 *   7. browser (ensure one)  8. end-to-end tests in headless Chromium
 *   9. the same site built under a sub-path (BASE_PATH=/kb/): links and the basic browser path
 * A step that is not a test runner counts as one test. A step that cannot run because an
 * earlier one failed counts as failed, so a broken build never looks green.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBrowser } from './lib/ensure-browser.ts';

interface StepResult { name: string; passed: number; failed: number; skipped?: number; note?: string; seconds?: number }
const results: StepResult[] = [];
const outDir = join('test-results');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// Seconds of the last run(): the summary shows where the 10-minute budget goes.
let lastSeconds = 0;
function run(cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n$ ${Object.entries(env).map(([k, v]) => `${k}=${v} `).join('')}${cmd} ${args.join(' ')}`);
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, ...env } });
  lastSeconds = (performance.now() - t0) / 1000;
  return r.status === 0;
}

function step(name: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  const ok = run(cmd, args, env);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds: lastSeconds });
  return ok;
}

function vitest(project: string, files: string[] = [], env: Record<string, string> = {}, label = project): boolean {
  const file = join(outDir, `vitest-${label.replace(/\W+/g, '-')}.json`);
  const ok = run('vitest', ['run', '--project', project, ...files, '--reporter=default', '--reporter=json', `--outputFile=${file}`], env);
  if (existsSync(file)) {
    const j = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTotalTests: number };
    // A suite that fails to load shows no failed test: count it as one failure.
    const failed = j.numFailedTests + (!ok && j.numFailedTests === 0 ? 1 : 0);
    results.push({ name: `vitest ${label}`, passed: j.numPassedTests, failed, skipped: j.numPendingTests, seconds: lastSeconds });
  } else {
    results.push({ name: `vitest ${label}`, passed: 0, failed: 1, note: 'no report', seconds: lastSeconds });
  }
  return ok;
}

function notRun(name: string, why: string) {
  results.push({ name, passed: 0, failed: 1, note: `not run: ${why}` });
}

step('catalogue', 'node', ['scripts/build-catalogue.ts']);
step('astro check', 'astro', ['check']);
step('content lint', 'node', ['scripts/lint-content.ts']);
vitest('unit');
const built = step('build', 'npm', ['run', '--silent', 'build']);
if (built) vitest('site');
else notRun('vitest site', 'build failed');
const browser = ensureBrowser();
if (!built) notRun('vitest e2e', 'build failed');
else if (!browser.ok) notRun('vitest e2e', browser.message);
else vitest('e2e');

// A sub-path deployment (README, "公開する") must work too: build again under /kb/ and check it.
const sub = { BASE_PATH: '/kb/', OUT_DIR: join(outDir, 'subpath-dist'), CACHE_DIR: join(outDir, 'subpath-cache'), E2E_DIST: join(outDir, 'subpath-dist') };
if (step('build under /kb/', 'npm', ['run', '--silent', 'build'], sub)) {
  vitest('site', ['test/site/links.test.ts'], sub, 'site under /kb/');
  if (browser.ok) vitest('e2e', ['test/e2e/foundation.test.ts', 'test/e2e/decoder.test.ts'], sub, 'e2e under /kb/');
  else notRun('vitest e2e under /kb/', browser.message);
} else notRun('vitest site under /kb/', 'sub-path build failed');

console.log('\nSummary');
for (const r of results) console.log(`  ${r.failed ? '✗' : '✓'} ${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}${r.note ? ` (${r.note})` : ''}${r.seconds !== undefined ? ` [${r.seconds.toFixed(0)} s]` : ''}`);
console.log(`  total ${(performance.now() / 1000).toFixed(0)} s`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + (r.skipped ?? 0), 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
