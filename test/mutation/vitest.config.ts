import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The unit tests Stryker runs (npm run test:mutation): the suites that guard the mutated modules, as one
 * plain project (Stryker's runner drives a single project). The catalogue is built first (once per sandbox) by a
 * global setup, so no suite depends on another having built it.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: [
      'src/lib/decode/errors.test.ts',
      'src/lib/decode/errors-edges.test.ts',
      'src/lib/decode/events.test.ts',
      'src/lib/decode/identity.test.ts',
      'src/lib/decode/identity-edges.test.ts',
      'src/lib/decode/reason.test.ts',
      'src/lib/decode/reason-resolve.test.ts',
      'src/lib/decode/verdict.test.ts',
      'src/lib/decode/verdict-rules.test.ts',
      'src/lib/decode/verdict-edges.test.ts',
      'src/lib/decode/no-source.test.ts',
      'src/lib/decode/flattened-header.test.ts',
      'src/lib/decode/catalogue-index.test.ts',
      'src/lib/decode/redact.test.ts',
      // real pastes and the pages' own English samples: the verdict on whole inputs (fast, and they catch
      // a mutant that turns one right answer wrong)
      'src/lib/decode/fixtures.test.ts',
      'test/unit/corpus.test.ts',
      'test/unit/page-samples.test.ts',
      'src/lib/redact/redact.test.ts',
      'src/lib/redact/policy.test.ts',
      'src/lib/redact/property.test.ts',
      'src/lib/redact/engine.test.ts',
      'src/lib/redact/engine-learn.test.ts',
      'src/lib/redact/engine-literals.test.ts',
      'src/lib/redact/engine-token.test.ts',
      'src/lib/redact/engine-unc-dn.test.ts',
      'src/lib/redact/engine-text-loop.test.ts',
      'src/lib/redact/engine-rdn-lines.test.ts',
      'src/lib/redact/engine-fileext.test.ts',
      'src/lib/redact/paths.test.ts',
      'src/lib/redact/scan.test.ts',
      'src/lib/redact/scan-edges.test.ts',
      'src/lib/flowchart/validate.test.ts',
      'src/lib/flowchart/validate-edges.test.ts',
      'src/lib/site/csp.test.ts',
      'src/lint/rules.test.ts',
      'src/lint/rules-edges.test.ts',
      'src/lint/sections.test.ts',
      'src/remark/*.test.ts',
      'src/lib/search/*.test.ts',
      'src/lib/catalogue/*.test.ts',
    ],
    globalSetup: ['test/mutation/global-catalogue.ts'],
    // one module cache per worker: a mutant's run re-imports nothing (mutants switch at run time, not at import)
    isolate: false,
    // instrumented code under two runners on a shared machine: the CLI-spawning suites need room
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
