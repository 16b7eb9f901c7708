/** scripts/decode-cli.ts end to end (reads src/generated/catalogue.json, which the unit project's global setup builds first). */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from '../../../test/fixtures/decode/test-catalogue.ts';

const root = join(import.meta.dirname, '../../..');
const cli = join(root, 'scripts/decode-cli.ts');
const run = (args: string[], input?: string) => execFileSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 << 20 });

// each case starts node (and the whole decoder) one to four times: seconds each on a busy 2-core machine
describe('decode CLI', { timeout: 60_000 }, () => {
  it('prints a report as JSON for one file', () => {
    const out = JSON.parse(run([join(FIXTURE_DIR, 'event-547-dialog-en.txt')]));
    expect(out.findings[0].eventId).toBe(547);
    expect(out.input.format).toBe('event-text');
  });
  it('reads stdin with -, and redacts', () => {
    const out = run(['-', '--redact'], 'Computer: SERVER9\nPinging server9.example.com [10.1.2.3] with 32 bytes of data:\nRequest timed out.\n');
    expect(out).not.toContain('10.1.2.3');
    expect(out).not.toContain('server9');
    expect(JSON.parse(out).findings.length).toBeGreaterThan(0);
  });
  it('several files give an array; --bundle gives one triage report; --text prints ticket text', () => {
    const arr = JSON.parse(run([join(FIXTURE_DIR, 'ping-en.txt'), join(FIXTURE_DIR, 'sc-query.txt')]));
    expect(arr.length).toBe(2);
    const dir = join(FIXTURE_DIR, 'bundle');
    const files = readdirSync(dir).map((f) => join(dir, f));
    const b = JSON.parse(run([...files, '--bundle']));
    expect(b.files.length).toBe(files.length);
    expect(b.firstLook.length).toBeGreaterThan(0);
    expect(run([join(FIXTURE_DIR, 'oakley.log'), '--text'])).toContain('IPsec デコード結果');
  });
});
