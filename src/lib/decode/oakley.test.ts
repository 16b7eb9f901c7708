import { describe, expect, it } from 'vitest';
import { fixture, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decode } from './index.ts';
import { oakleyPrefix } from './oakley.ts';

const cat = testCatalogue();

describe('Oakley.log', () => {
  it('recognises the line prefix', () => {
    const l = ' 7-21: 10:43:17:281:c0 Sending: SA';
    expect(oakleyPrefix(l, 1, l.length)).toBe(22);
    expect(oakleyPrefix('12-16: 14:42:21:486:46c x', 0, 25)).toBe(24);
    expect(oakleyPrefix('7/21/2005 10:05', 0, 15)).toBe(0);
  });
  it('groups by SA (peer, cookies) and picks out errors and codes', () => {
    const r = decode(fixture('oakley.log'), cat);
    expect(r.input.format).toBe('oakley-log');
    const [sum, a, b] = r.findings;
    expect(sum.title).toContain('ネゴシエーション 3 件 (失敗 2 件)');
    expect(a.facts.find((x) => x.name === 'peer')?.value).toBe('192.168.0.20');
    expect(a.facts.find((x) => x.name === 'icookie')?.value).toBe('4a1f3e0c9b2d7e61');
    expect(a.facts.find((x) => x.name === 'code')?.value).toContain('13805');
    expect(a.playbook?.id).toBe('ike-main-mode/negotiation-timed-out');
    expect(b.facts.find((x) => x.name === 'rcookie')?.value).toBe('1122334455667788');
    expect(b.playbook?.id).toBe('ike-auth/credentials-unacceptable');
    expect(r.summary.some((g) => g.peer === '192.168.0.40')).toBe(true);
    expect(r.unrecognised).toEqual([]);
  });
});
