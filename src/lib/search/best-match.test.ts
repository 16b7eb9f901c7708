import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Catalogue } from '../catalogue/types.ts';
import { bestMatches } from './best-match.ts';

let catalogue: Catalogue;
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-catalogue.ts']);
  catalogue = JSON.parse(readFileSync('src/generated/catalogue.json', 'utf8'));
});

const first = (q: string) => bestMatches(catalogue, q)[0]?.id;

describe('bestMatches (catalogue lookups that come before ranked search)', () => {
  it('finds the playbook of an error code in every spelling', () => {
    for (const q of ['13801', '0x35E9', '0x000035E9', '0x800735E9', 'ERROR_IPSEC_IKE_AUTH_FAIL', '-2147011095']) expect(first(q), q).toBe('ike-auth/credentials-unacceptable');
  });
  it('finds the bad-SPI playbook by the chapter\'s 4268 and the real 4283', () => {
    expect(first('4268')).toBe('ipsec-driver/bad-spi');
    expect(first('4283')).toBe('ipsec-driver/bad-spi');
  });
  it('finds whole messages in Japanese and English, with or without spaces or full-width letters', () => {
    expect(first('ピアから応答がありません')).toBe('ike-main-mode/no-response');
    expect(first('No response from peer')).toBe('ike-main-mode/no-response');
    expect(first('ＩＫＥ セキュリティ属性は受け付けられません')).toBe('ike-main-mode/attributes-unacceptable');
    expect(first('IKEセキュリティ属性は受け付けられません')).toBe('ike-main-mode/attributes-unacceptable');
  });
  it('finds the message a fragment covers most of', () => {
    expect(first('タイムアウト')).toBe('ike-main-mode/negotiation-timed-out');
    expect(first('応答')).toBe('ike-main-mode/no-response');
  });
  it('returns nothing for text that names no playbook', () => {
    expect(bestMatches(catalogue, 'こんにちは世界')).toEqual([]);
    expect(bestMatches(catalogue, '')).toEqual([]);
  });
});
