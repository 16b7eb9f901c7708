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
