/**
 * Global setup for the mutation run: Stryker starts Vitest again for every mutant, and rebuilding the
 * catalogue each time (a child process, ~5 s) made a mutant cost more than its tests. Build it when it is
 * missing (Stryker's sandbox starts without src/generated/), then reuse it. The mutants of build.ts are
 * exercised in-process by the catalogue suites, not through this file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import buildCatalogue from '../support/global-catalogue.ts';

export default function setup(): void {
  if (!existsSync(join(import.meta.dirname, '../../src/generated/catalogue.json'))) buildCatalogue();
}
