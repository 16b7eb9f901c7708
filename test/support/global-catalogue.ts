/**
 * Vitest global setup for the unit project: build src/generated/catalogue.json once, before any suite, so
 * no suite depends on another file having built it first (and none skips when it is missing).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '../..');
  execFileSync(process.execPath, [join(root, 'scripts/build-catalogue.ts')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
