/**
 * markLiterals: how learned names are found as literals in the text before the scan, and where an ASCII
 * name needs a word boundary (a name inside a longer word or DNS name belongs to that word).
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from './engine.ts';

/** A redactor that has learned the given values (kind, value), then redacts one text. */
function textAfter(learn: Array<[Parameters<Redactor['learn']>[0], string]>, s: string): string {
  const r = new Redactor();
  for (const [kind, v] of learn) r.learn(kind, v);
  return r.text(s);
}

describe('learned names: where an ASCII name starts', () => {
  it('a learned domain at the end of a longer DNS name leaves the host label to the whole name', () => {
    // "fs01." before the domain is a label of the same name: fs01 must become a host, not stay in clear
    expect(textAfter([['domain', 'hq.example']], 'fs01.hq.example')).toBe('<HOST-1>.<DOMAIN-1>');
  });
});

describe('learned names: where an ASCII name ends', () => {
  it('a learned name that is the start of a longer word is not that word, even one letter from the end', () => {
    expect(textAfter([['user', 'ann']], 'anne ann')).toBe('anne <USER-1>');
  });
  it('a learned host followed by more DNS labels is left to the whole name, also inside a file name', () => {
    // the first pass learns srv01.other.example as a whole name; the second then finds it in the file name
    expect(new Redactor().redactText('Computer: srv01\nsrv01.other.example and srv01.other.example_ping.txt')).toBe(
      'Computer: <HOST-1>\n<HOST-1>.<DOMAIN-1> and <HOST-1>.<DOMAIN-1>_ping.txt',
    );
  });
});

describe('learned names: which are looked for as literals', () => {
  it('a one-character name is replaced only as a whole token, never found inside other text', () => {
    expect(textAfter([['user', 'a']], 'a_b and a')).toBe('a_b and <USER-1>');
  });
});

describe('a learned name before a file extension', () => {
  it('a learned name followed by a file extension (PC0423.log, alice.txt) is replaced', () => {
    // the dot rule that leaves srv01 of srv01.other.example to the whole DNS name also skipped file names,
    // and the scan does not recognise "pc0423.log" (a file extension is not a top-level domain)
    const r = new Redactor();
    expect(r.redactText('Computer: PC0423\nUser: alice\nattached PC0423.log and alice.txt.')).toBe(
      'Computer: <HOST-1>\nUser: <USER-1>\nattached <HOST-1>.log and <USER-1>.txt.',
    );
  });
  it('a dot and a word that is no file extension leave the name to the whole DNS name, which the scan replaces', () => {
    const r = new Redactor();
    r.learn('host', 'srv01');
    expect(r.text('srv01.other.example srv01.log')).toBe('<HOST-1>.<DOMAIN-1> <HOST-1>.log');
  });
});

describe('learned names: one mark per name', () => {
  it('a name met first inside a certificate name and then in the text is recorded with its first spelling', () => {
    // (markOf: every occurrence of a name shares its first mark) the host label "system" is well-known, so learning
    // the DNS name gives it no placeholder yet; the one inside CN= is restored last, after the later occurrence
    // has been replaced, and the table must still show the spelling seen first
    const r = new Redactor();
    r.learn('host', 'system.corp.example.com');
    expect(r.text('CN=SYSTEM.corp.example.com\nping system.corp.example.com')).toBe('CN=<HOST-1>.<DOMAIN-1>\nping <HOST-1>.<DOMAIN-1>');
    expect(r.entries()).toEqual([
      { placeholder: '<DOMAIN-1>', kind: 'DOMAIN', original: 'corp.example.com' },
      { placeholder: '<HOST-1>', kind: 'HOST', original: 'SYSTEM' },
    ]);
  });
});
