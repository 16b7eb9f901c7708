/**
 * UNC servers (\\server\share) and distinguished names (CN=…, OU=…, DC=…) in the Redactor: where each one
 * ends, which RDNs make one DN, and what each value becomes, with exact output.
 *
 * `redactText` scans twice and its second pass sees every name learned by the first as a mark, which hides
 * what the first pass itself produced; `once` shows that pass (report.ts and format.ts call text() per string).
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from './engine.ts';

/** A fresh redactor's output for one text (learning from its labels first, as the site does). */
const red = (s: string) => new Redactor().redactText(s);
/** One scan by a fresh redactor, nothing learned before it. */
const once = (s: string) => new Redactor().text(s);

describe('UNC servers', () => {
  it('the server name ends at quotes, brackets, slashes, pipes and list punctuation, Japanese ones too', () => {
    const cases: Array<[string, string]> = [
      ["'\\\\NAS01'", "'\\\\<HOST-1>'"],
      ['<\\\\NAS01>', '<\\\\<HOST-1>>'],
      ['<path>\\\\NAS01</path>', '<path>\\\\<HOST-1></path>'],
      ['\\\\NAS01/share', '\\\\<HOST-1>/share'],
      ['\\\\NAS01|more', '\\\\<HOST-1>|more'],
      ['\\\\NAS01, \\\\NAS02', '\\\\<HOST-1>, \\\\<HOST-2>'],
      ['\\\\NAS01;\\\\NAS02', '\\\\<HOST-1>;\\\\<HOST-2>'],
      ['「\\\\NAS01」', '「\\\\<HOST-1>」'],
      ['\\\\NAS01。次', '\\\\<HOST-1>。次'],
      ['\\\\NAS01\u3000次', '\\\\<HOST-1>\u3000次'],
    ];
    for (const [input, out] of cases) expect(red(input), input).toBe(out);
  });
  it('the scan itself replaces the server (not only the second pass of redactText)', () => {
    expect(once('\\\\NAS01\\share')).toBe('\\\\<HOST-1>\\share');
  });
  it('a domain name as a UNC server (\\\\CORP\\SYSVOL) keeps its domain placeholder', () => {
    expect(once('CORP\\alice: \\\\CORP\\SYSVOL')).toBe('<DOMAIN-1>\\<USER-1>: \\\\<DOMAIN-1>\\SYSVOL');
  });
  it("a UNC server's DNS name is learned: its host label alone is replaced too", () => {
    expect(red('\\\\fs01.corp.example\\x; fs01 is down')).toBe('\\\\<HOST-1>.<DOMAIN-1>\\x; <HOST-1> is down');
  });
});

describe('distinguished names: where one starts', () => {
  it('a one-letter key right after a separator (and spaces) is inside a DN, also near the start of the text', () => {
    expect(red('x, O=Example')).toBe('x, O=<NAME-1>');
    expect(red('x,O=Example')).toBe('x,O=<NAME-1>');
  });
  it('a separator further back in the word before a one-letter key does not count', () => {
    expect(red('x,y L=Tokyo')).toBe('x,y L=Tokyo');
  });
  it('a leading one-letter key counts when , ; or / and another RDN follow it', () => {
    expect(red('C=JP; O=Example')).toBe('C=<NAME-1>; O=<NAME-2>');
    expect(red('C=JP/O=Example')).toBe('C=<NAME-1>/O=<NAME-2>');
  });
  it('a leading one-letter key needs both: a DN separator and another RDN after it', () => {
    expect(red('C=JP, and more')).toBe('C=JP, and more');
    expect(red('(C=1) L=2')).toBe('(C=1) L=2');
  });
  it('an RDN with an empty value does not start a DN (the CN after it is a certificate CN alone)', () => {
    expect(red('CN=, CN=gw1; gw1 again')).toBe('CN=, CN=<NAME-1>; <NAME-1> again');
  });
});

// Which RDNs are one DN shows in what is learned: an LDAP path of CNs and DCs teaches none of its CNs,
// a DN with one CN, or with O=/OU=/L=…, teaches its CNs.
describe('distinguished names: which RDNs make one DN', () => {
  it('; / , (also with spaces after it), + and a stray quote join RDNs into one DN', () => {
    expect(red('CN=IP Security;CN=System;DC=example; IP Security')).toBe('CN=<NAME-1>;CN=<NAME-2>;DC=<DOMAIN-1>; IP Security');
    expect(red('/CN=IP Security/CN=System/DC=example, IP Security')).toBe('/CN=<NAME-1>/CN=<NAME-2>/DC=<DOMAIN-1>, IP Security');
    expect(red('CN=IP Security, CN=System, DC=example; IP Security')).toBe('CN=<NAME-1>, CN=<NAME-2>, DC=<DOMAIN-1>; IP Security');
    expect(red('CN=gw1+CN=gw2, gw1')).toBe('CN=<NAME-1>+CN=<NAME-2>, gw1');
    expect(red('CN=gw1"CN=gw2, gw1')).toBe('CN=<NAME-1>"CN=<NAME-2>, gw1');
  });
  it('a line break ends a DN: a CN alone on its line is a certificate CN', () => {
    expect(red('CN=gw1\nCN=gw2\ngw1 gw2')).toBe('CN=<NAME-1>\nCN=<NAME-2>\n<NAME-1> <NAME-2>');
  });
  it('several CNs with an O= are a certificate DN: every CN is learned', () => {
    expect(red('CN=gw1, CN=gw2, O=Example; gw1 gw2')).toBe('CN=<NAME-1>, CN=<NAME-2>, O=<NAME-3>; <NAME-1> <NAME-2>');
  });
});

describe('distinguished names: what each value becomes', () => {
  it('an empty value stays empty', () => {
    expect(red('CN=gw1, O=, C=JP')).toBe('CN=<NAME-1>, O=, C=<NAME-2>');
  });
  it('a value that only starts with a placeholder is replaced whole', () => {
    expect(red('CN=<HOST-1> Backup CA, O=x')).toBe('CN=<NAME-1>, O=<NAME-2>');
  });
  it('a value starting with @ is a name, not user@domain', () => {
    expect(red('CN=@ops, O=x')).toBe('CN=<NAME-1>, O=<NAME-2>');
  });
  it('user@domain: the user and the domain part each get their own placeholder', () => {
    expect(once('CN=alice@corp.example.com, O=x')).toBe('CN=<USER-1>@<DOMAIN-1>, O=<NAME-1>');
  });
  it('a name seen earlier in the same text keeps its kind: a computer as a CN and as the domain of a mail value', () => {
    expect(once('PC0423 CN=PC0423, E=alice@PC0423')).toBe('<HOST-1> CN=<HOST-1>, E=<USER-1>@<HOST-1>');
  });
  it('the domain part of a mail value is a domain even when it is a well-known name, as admin@localhost alone is', () => {
    expect(once('admin@localhost CN=admin@localhost, O=x')).toBe('<USER-1>@<DOMAIN-1> CN=<USER-1>@<DOMAIN-1>, O=<NAME-1>');
  });
});

describe('distinguished names printed one RDN per line (certutil -dump, "Directory Address:")', () => {
  it('the one-letter keys under a CN=/OU= line are replaced too', () => {
    const t = 'Certificate Issuer: Directory Address:\nCN=Example Issuing CA\nOU=IT\nO=Example Corp\nL=Tokyo\nS=Tokyo\nC=JP';
    expect(red(t)).toBe('Certificate Issuer: Directory Address:\nCN=<NAME-1>\nOU=<NAME-2>\nO=<NAME-3>\nL=<NAME-4>\nS=<NAME-4>\nC=<NAME-5>');
  });
  it('also indented', () => {
    expect(red('Subject:\n    CN=gw1\n    O=Example Corp\n    C=JP')).toBe('Subject:\n    CN=<NAME-1>\n    O=<NAME-2>\n    C=<NAME-3>');
  });
  it('one-letter settings on lines of their own are still not a DN', () => {
    expect(red('T=5\nS=3')).toBe('T=5\nS=3');
  });
});

describe('a DN value holding a learned name and more text', () => {
  it('the rest of a mail value is not left behind (the domain of E=user@domain)', () => {
    expect(red('User: alice\nSubject: CN=gw1, E=alice@corp.example.com')).toBe('User: <USER-1>\nSubject: CN=<NAME-1>, E=<USER-1>@<DOMAIN-1>');
  });
  it('a CN with a learned family name and a given name is replaced whole', () => {
    expect(red('ユーザー: 山田\nCN=山田 太郎, O=Example')).toBe('ユーザー: <USER-1>\nCN=<NAME-1>, O=<NAME-2>');
  });
});

describe('long distinguished names', () => {
  it('no separator is lost after the 65th RDN', () => {
    const dn = Array.from({ length: 70 }, (_, k) => `OU=u${k}`).join(',');
    const out = Array.from({ length: 70 }, (_, k) => `OU=<NAME-${k + 1}>`).join(',');
    expect(red(dn)).toBe(out);
  });
});

describe('UNC servers', () => {
  it('a well-known name in full-width letters is kept as in ASCII (add() already folds it)', () => {
    expect(red('\\\\ｌｏｃａｌｈｏｓｔ\\c$ \\\\LOCALHOST\\c$')).toBe('\\\\ｌｏｃａｌｈｏｓｔ\\c$ \\\\LOCALHOST\\c$');
  });
});
