import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTsv } from '../data/tsv.ts';
import { DEBUG_FILES, debugFileName } from './debug-files.ts';

describe('IPsec_Debug.vbs files (table 7.3)', () => {
  it('lists exactly the files of content/data/chapter_structure.tsv', () => {
    const rows = parseTsv(readFileSync('content/data/chapter_structure.tsv', 'utf8')).filter((r) => r.kind === 'table7.3-file');
    expect(DEBUG_FILES.map((f) => f.template).sort()).toEqual(rows.map((r) => r.ja_title).sort());
  });

  it('fills in the computer and server names', () => {
    expect(debugFileName('<コンピュータ名>_oakley.log', 'PC123')).toBe('PC123_oakley.log');
    expect(debugFileName('<コンピュータ名>_<サーバー名>_ping.txt', 'PC123', '\\\\SRV1')).toBe('PC123_SRV1_ping.txt');
    expect(debugFileName('<コンピュータ名>_<サーバー名>_ping.txt', ' ', '')).toBe('<コンピュータ名>_<サーバー名>_ping.txt');
  });
});

describe('files ticked by default', () => {
  it('are the ones written on every computer: not the XP-only, server-only or if-present ones', async () => {
    const { DEFAULT_FILES } = await import('./debug-files.ts');
    expect(DEFAULT_FILES).toContain('<コンピュータ名>_gpresult.txt');
    expect(DEFAULT_FILES).toContain('<コンピュータ名>_<サーバー名>_ping.txt');
    expect(DEFAULT_FILES).not.toContain('<コンピュータ名>_ipseccmd_show_all.txt');
    expect(DEFAULT_FILES).not.toContain('<コンピュータ名>_netsh_show_all.txt');
    expect(DEFAULT_FILES).not.toContain('<コンピュータ名>_oakley.log');
    expect(DEFAULT_FILES).toHaveLength(DEBUG_FILES.filter((f) => !f.only).length);
    expect(DEFAULT_FILES.length).toBeLessThan(DEBUG_FILES.length);
  });
});
