/**
 * Distinguished names printed one RDN per line (certutil: "CN=…\n    OU=…\n    O=…"), the 65-RDN limit of one DN
 * run, and DN values that are exactly one learned name, with exact output.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from './engine.ts';

/** A fresh redactor's output for one text (learning from its labels first, as the site does). */
const red = (s: string) => new Redactor().redactText(s);

/** A CN= line, then `n` lines `L=Tokyo`, then `C=JP`: the C= line is n + 1 lines below the CN= line. */
const under = (n: number) => ['CN=gw1', ...Array<string>(n).fill('L=Tokyo'), 'C=JP'].join('\n');

describe('a DN printed one RDN per line', () => {
  it('tab indentation counts like spaces, on the line itself and on the lines above', () => {
    // rdnLinesAbove: the 0x09 tests while stepping back over the indentation and while skipping it above
    expect(red('Subject:\n\tCN=gw1\n\tO=Example Corp\n\t\tC=JP')).toBe('Subject:\n\tCN=<NAME-1>\n\tO=<NAME-2>\n\t\tC=<NAME-3>');
    expect(red('Subject:\n \tCN=gw1\n\t O=Example Corp')).toBe('Subject:\n \tCN=<NAME-1>\n\t O=<NAME-2>');
  });
  it('a line that is not an RDN ends the look upwards: a one-letter setting under it is kept', () => {
    // rdnLinesAbove: `if (!k) return false`
    expect(red('IKE settings\nT=30\nS=3')).toBe('IKE settings\nT=30\nS=3');
    expect(red('CN=gw1\nretry:\nT=30')).toBe('CN=<NAME-1>\nretry:\nT=30');
  });
  it('a one-letter key after other words on a CN= line is not on a line of its own', () => {
    // rdnLinesAbove: only a line break before the key's line leads to the line above
    expect(red('CN=gw1; retry after T=30')).toBe('CN=<NAME-1>; retry after T=30');
  });
  it('looks at most 16 lines up: a one-letter RDN 16 lines below the CN= line is replaced', () => {
    // rdnLinesAbove: `n < 16`, the line 16 up is still read
    const out = ['CN=<NAME-1>', ...Array<string>(15).fill('L=<NAME-2>'), 'C=<NAME-3>'].join('\n');
    expect(red(under(15))).toBe(out);
  });
  it('looks at most 16 lines up: one 17 lines below the CN= line is kept', () => {
    // rdnLinesAbove: `n < 16 && b > 0 && …`, the line 17 up is never read
    const out = ['CN=<NAME-1>', ...Array<string>(16).fill('L=<NAME-2>'), 'C=JP'].join('\n');
    expect(red(under(16))).toBe(out);
  });
});

// A DN run with an O= teaches its CNs; a run of CNs alone (an LDAP path) does not. So where the run is cut shows in
// whether "gw1" later in the text is replaced.
describe('at most 65 RDNs in one DN run', () => {
  const cns = (n: number) => Array.from({ length: n }, (_, k) => `CN=gw${k + 1}`);
  const phs = (n: number) => Array.from({ length: n }, (_, k) => `CN=<NAME-${k + 1}>`);
  it('65 RDNs are one run: an O= as the 65th makes the 64 CNs before it certificate names', () => {
    // rdnAt: `parts.length > 64` (not >= 64)
    const t = [...cns(64), 'O=Example'].join(',') + '; gw1';
    expect(red(t)).toBe([...phs(64), 'O=<NAME-65>'].join(',') + '; <NAME-1>');
  });
  it('the 66th RDN starts a new run: an O= there does not make the 65 CNs before it certificate names', () => {
    // rdnAt: `parts.length > 64` stops the run
    const t = [...cns(65), 'O=Example'].join(',') + '; gw1';
    expect(red(t)).toBe([...phs(65), 'O=<NAME-66>'].join(',') + '; gw1');
  });
});

describe('a DN value that is one learned name', () => {
  it('a learned host.domain name as an O= or DC= value keeps its host and domain placeholders', () => {
    // rdnReplace: a value that is exactly one mark is restored as the mark (fqdn), not redacted as a NAME
    const t = 'Computer: fs01.corp.example.com\nSubject: CN=gw1, O=fs01.corp.example.com, DC=fs01.corp.example.com';
    expect(red(t)).toBe('Computer: <HOST-1>.<DOMAIN-1>\nSubject: CN=<NAME-1>, O=<HOST-1>.<DOMAIN-1>, DC=<HOST-1>.<DOMAIN-1>');
  });
  it('a value that only ends with a learned name is replaced whole, its first words too', () => {
    // rdnReplace: the mark test is anchored at the start (^)
    expect(red('ユーザー: 太郎\nCN=山田 太郎, O=Example')).toBe('ユーザー: <USER-1>\nCN=<NAME-1>, O=<NAME-2>');
  });
});
