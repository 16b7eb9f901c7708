import { defineConfig } from 'vitest/config';

// Suites are split by scenario; scripts/test-all.ts runs them in order around the build.
export default defineConfig({
  test: {
    projects: [
      // Pure logic: decoders, flowcharts, remark plugins, schemas. No build needed.
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'], globalSetup: ['test/support/global-catalogue.ts'] } },
      // Against the built site in dist/: search relevance, coverage, links.
      { test: { name: 'site', include: ['test/site/**/*.test.ts'], testTimeout: 60_000 } },
      // Headless Chromium against dist/ served on localhost.
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false } },
    ],
  },
});
