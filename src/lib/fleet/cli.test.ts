/**
 * scripts/decode-cli.ts with files: .evtx (real samples and a spec-built IPsec log), several files,
 * a folder, a refused binary, and --fleet over a folder of mixed inputs from several computers
 * (needs src/generated/catalogue.json: `npm run catalogue`, as the other CLI test).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, fixture } from '../../../test/fixtures/decode/test-catalogue.ts';
import { eventFields } from '../evtx/event-fields.ts';
import { buildEvtx } from '../evtx/testing/build-evtx.ts';

const root = resolve(import.meta.dirname, '../../..');
const cli = join(root, 'scripts/decode-cli.ts');
const SAMPLES = [resolve(root, '../shared/evtx-samples'), '/work/shared/evtx-samples'].find((d) => existsSync(d)) ?? resolve(root, '../shared/evtx-samples');
const run = (args: string[]) => execFileSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 256 << 20 });

const data = eventFields(fixture('event-4653.xml')).data;
const ipsecEvtx = (computer: string, n: number) =>
  buildEvtx(
    Array.from({ length: n }, (_, i) => ({
      provider: 'Microsoft-Windows-Security-Auditing',
      providerGuid: '{54849625-5478-4994-A5BA-3E3B0328C30D}',
      eventId: 4653,
      time: `2024-05-0${1 + i}T08:00:00.000Z`,
      recordId: 10 + i,
      channel: 'Security',
      computer,
      data: data.map(([k, v]): [string, string] => [k, k === 'RemoteAddress' ? `10.9.0.${i + 1}` : v]),
    })),
  );

// the catalogue the CLI reads is built by the unit project's global setup: no skip when it is missing
describe('decode CLI with files', { timeout: 60_000 }, () => {
  it('an .evtx: stats.records is the number of records read, damage listed with offsets', () => {
    const p = join(SAMPLES, 'sample_with_a_bad_chunk_magic.evtx');
    if (!existsSync(p)) throw new Error(`evtx sample missing: ${p}`);
    const r = JSON.parse(run([p]));
    expect(r.stats.records).toBeGreaterThanOrEqual(267);
    expect(r.stats.damaged.map((d: { offset: number }) => d.offset)).toEqual([12224, 470632, 650816]);
  });

  it('several files and a folder; a binary is refused with a message and exit code 1 when nothing was read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dec-files-'));
    writeFileSync(join(dir, 'a.evtx'), ipsecEvtx('a.example', 2));
    copyFileSync(join(FIXTURE_DIR, 'ping-en.txt'), join(dir, 'b.txt'));
    const arr = JSON.parse(run([dir]));
    expect(arr.map((x: { file: string }) => x.file.replace(dir, ''))).toEqual(['/a.evtx', '/b.txt']);
    expect(arr[0].result.stats.records).toBe(2);
    expect(arr[0].result.findings.map((f: { playbook?: { id: string } }) => f.playbook?.id)).toContain('ike-main-mode/no-policy-configured');
    writeFileSync(join(dir, 'x.bin'), Uint8Array.from({ length: 300_000 }, (_, i) => (i * 2654435761) >>> 24));
    const bad = spawnSync(process.execPath, [cli, join(dir, 'x.bin')], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).notices[0]).toContain('テキストでも .evtx でもない');
  });

  it('--fleet: one summary over mixed inputs from several computers, in JSON, Markdown and CSV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dec-fleet-'));
    mkdirSync(join(dir, 'CLIENT01'));
    mkdirSync(join(dir, 'CLIENT02'));
    writeFileSync(join(dir, 'CLIENT01', 'Security.evtx'), ipsecEvtx('client01.example', 3));
    writeFileSync(join(dir, 'CLIENT02', 'Security.evtx'), ipsecEvtx('client02.example', 1));
    copyFileSync(join(FIXTURE_DIR, 'event-4653.xml'), join(dir, 'CLIENT03_security.xml'));
    copyFileSync(join(FIXTURE_DIR, 'events-export.csv'), join(dir, 'SERVER1_export.csv'));
    for (const f of ['CLIENT1_ipsec_547_events.txt', 'CLIENT1_oakley.log']) copyFileSync(join(FIXTURE_DIR, 'bundle', f), join(dir, f));
    const j = JSON.parse(run(['--fleet', dir, '--out', join(dir, 'summary')]));
    expect(j.computers).toEqual(['CLIENT01', 'CLIENT02', 'CLIENT03', 'CLIENT1', 'SERVER1']);
    expect(j.stats.files).toBe(6);
    expect(j.stats.records).toBe(4);
    const f = j.failures.find((x: { playbook?: { id: string } }) => x.playbook?.id === 'ike-main-mode/no-policy-configured');
    expect(f.computers.map((c: { computer: string; count: number }) => [c.computer, c.count])).toEqual([
      ['CLIENT01', 3],
      ['CLIENT02', 1],
      ['CLIENT03', 1],
    ]);
    expect(f.first).toBe('2012-07-21T10:05:04.123456700Z');
    expect(j.failures.some((x: { computers: { computer: string }[] }) => x.computers.some((c) => c.computer === 'CLIENT1'))).toBe(true);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('| CLIENT01 | 3 |');
    expect(readFileSync(join(dir, 'summary.csv'), 'utf8')).toContain(',CLIENT02,1,');
    expect(run(['--fleet', dir, '--csv']).split('\r\n')[0]).toBe('failure,playbook,event_id,computer,count,peers,first,last');
    const red = run(['--fleet', dir, '--redact']);
    for (const secret of ['CLIENT01', 'CLIENT02', 'SERVER1', '10.9.0.1', '192.168.0.20']) expect(red).not.toContain(secret);
    expect(JSON.parse(red).failures.some((x: { playbook?: { id: string } }) => x.playbook?.id === 'ike-main-mode/no-policy-configured')).toBe(true);
  });
});
