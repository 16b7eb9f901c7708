/** `npm run decode -- a b --redact`: the file names (which carry the computer name) are redacted too. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from '../../../test/fixtures/decode/test-catalogue.ts';

const root = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'cli-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// the catalogue the CLI reads is built by the unit project's global setup: no skip when it is missing
describe('decode CLI --redact with several files', () => {
  it('prints no computer name in the file names, as text and as JSON', { timeout: 30_000 }, () => {
    const a = join(dir, 'KEIRI07_ipsec_547_events.txt');
    const b = join(dir, 'KEIRI07_ping.txt');
    copyFileSync(join(FIXTURE_DIR, 'event-547-dialog-en.txt'), a);
    copyFileSync(join(FIXTURE_DIR, 'ping-en.txt'), b);
    const run = (...extra: string[]) => execFileSync(process.execPath, [join(root, 'scripts/decode-cli.ts'), a, b, '--redact', ...extra], { cwd: root, encoding: 'utf8' });
    const text = run('--text');
    expect(text).not.toMatch(/KEIRI07/i);
    expect(text).toContain('<HOST-1>_ipsec_547_events.txt');
    const json = JSON.parse(run()) as { file: string }[];
    expect(json.map((r) => r.file.slice(r.file.lastIndexOf('/') + 1))).toEqual(['<HOST-1>_ipsec_547_events.txt', '<HOST-1>_ping.txt']);
  });
});
