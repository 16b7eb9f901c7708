/**
 * The Redactor's learning edges: how names are folded, which words before a colon are labels, what each
 * part of a learned value becomes, and how a DNS name is split against names learned earlier (issue 15:
 * the two passes of redactText hid most of these, so several tests use one pass of text() and the table).
 */
import { describe, expect, it } from 'vitest';
import { testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decode } from '../decode/index.ts';
import { Redactor } from './engine.ts';
import { redact } from './index.ts';

const red = (s: string) => new Redactor().redactText(s);
/** What learning one value adds to a fresh table: "KIND original" per entry. */
function learned(kind: Parameters<Redactor['learn']>[0], value: string): string[] {
  const r = new Redactor();
  r.learn(kind, value);
  return r.entries().map((e) => `${e.placeholder} ${e.original}`);
}
const table = (r: Redactor) => r.entries().map((e) => `${e.placeholder} ${e.original}`);
const tp = 'a909502dd82ae41433e6f83886b00d4277a32a7b';

describe('folding: full-width ASCII and A–Z, nothing else', () => {
  it('the first and last full-width characters (！ and ～) are their ASCII selves', () => {
    const r = new Redactor();
    expect(r.placeholder('NAME', 'x!')).toBe('<NAME-1>');
    expect(r.placeholder('NAME', 'x！')).toBe('<NAME-1>');
    expect(r.placeholder('NAME', 'x~')).toBe('<NAME-2>');
    expect(r.placeholder('NAME', 'x～')).toBe('<NAME-2>');
  });
  it('Z folds like the other capitals', () => {
    const r = new Redactor();
    expect(r.placeholder('HOST', 'SRVZ1')).toBe('<HOST-1>');
    expect(r.placeholder('HOST', 'srvz1')).toBe('<HOST-1>');
  });
  it('the character after full-width ～ (｟, U+FF5F) is not shifted into control characters', () => {
    const r = new Redactor();
    expect(r.placeholder('NAME', 'x｟')).toBe('<NAME-1>');
    expect(r.placeholder('NAME', 'x\u007f')).toBe('<NAME-2>');
  });
});

describe('a label before a colon lets a thumbprint start straight after it', () => {
  it('a two-letter label with a non-hex letter (ID:)', () => {
    expect(red(`ID:${tp}`)).toBe('ID:<CERT-1>');
  });
  it('three hex letters are a label (abc:), two are a byte of a colon-separated value (ab:)', () => {
    expect(red(`abc:${tp}`)).toBe('abc:<CERT-1>');
    expect(red(`ab:${tp}`)).toBe(`ab:${tp}`);
  });
  it('only the word right before the colon counts, not the words before it', () => {
    expect(red(`see ab:${tp}`)).toBe(`see ab:${tp}`);
  });
  it('digits alone are no label (123:)', () => {
    expect(red(`123:${tp}`)).toBe(`123:${tp}`);
  });
});

describe('learned names and hyphens', () => {
  it('a learned name is not cut out of a hyphenated name, before or after the hyphen', () => {
    const r = new Redactor();
    r.learn('domain', 'CORP');
    expect(r.text('CORP-GW1 GW-CORP CORP')).toBe('<HOST-1> GW-CORP <DOMAIN-1>');
  });
});

describe('learn: edges of each kind', () => {
  it('ip: an IPv6 address without a zone is kept whole', () => {
    expect(learned('ip', 'fe80::abcd')).toEqual(['<IP-1> fe80::abcd']);
  });
  it('user: an empty user or domain part adds no entry', () => {
    expect(learned('user', 'CORP\\')).toEqual(['<DOMAIN-1> CORP']);
    expect(learned('user', 'alice@')).toEqual(['<USER-1> alice']);
  });
  it('user: a well-known realm after @ is not a domain', () => {
    expect(learned('user', 'alice@WORKGROUP')).toEqual(['<USER-1> alice']);
  });
  it('well-known names are recognised by their Unicode lower case in each part, as for a whole value', () => {
    // K (U+212A KELVIN SIGN) lower-cases to an ASCII k: the whole value is well known, so each part is too
    expect(learned('domain', 'WOR\u212AGROUP')).toEqual([]);
    expect(learned('user', 'WOR\u212AGROUP\\alice')).toEqual(['<USER-1> alice']);
    expect(learned('user', 'NETWOR\u212A')).toEqual([]);
    expect(learned('user', 'CORP\\NETWOR\u212A')).toEqual(['<DOMAIN-1> CORP']);
  });
  it("values carrying the redactor's private mark characters are never learned", () => {
    expect(learned('user', 'a\uE000b')).toEqual([]);
  });
  it('the first kind learned for a name stays its kind', () => {
    const r = new Redactor();
    r.learn('host', 'PC01');
    r.learn('user', 'pc01');
    expect(r.text('PC01')).toBe('<HOST-1>');
  });
});

describe('DNS names against what is already known', () => {
  it('two labels are one domain, in a single pass too, and nothing else enters the table', () => {
    const r = new Redactor();
    expect(r.text('example.jp')).toBe('<DOMAIN-1>');
    expect(table(r)).toEqual(['<DOMAIN-1> example.jp']);
  });
  it('a two-label domain seen alone is learned: it is replaced inside a file name too', () => {
    expect(red('example.jp and example.jp_ping.txt')).toBe('<DOMAIN-1> and <DOMAIN-1>_ping.txt');
  });
  it('a dotted name learned whole earlier in the same text keeps its placeholder as a UNC server', () => {
    const r = new Redactor();
    expect(r.text('corp.example.com\\alice then \\\\corp.example.com\\share')).toBe('<DOMAIN-1>\\<USER-1> then \\\\<DOMAIN-1>\\share');
  });
  it('a host label already known as a domain keeps its domain placeholder (CORP in corp.example.com)', () => {
    const r = new Redactor();
    r.learn('domain', 'CORP');
    expect(r.text('corp.example.com')).toBe('<DOMAIN-1>.<DOMAIN-2>');
  });
  it('a domain part already known as a host keeps its host placeholder', () => {
    const r = new Redactor();
    r.learn('name', 'gw.example.com');
    expect(r.text('vpn.gw.example.com')).toBe('<HOST-2>.<HOST-1>');
  });
  it('a well-known word as the host label of a UNC server name is still a host there', () => {
    expect(new Redactor().text('\\\\localhost.corp.example\\x')).toBe('\\\\<HOST-1>.<DOMAIN-1>\\x');
  });
});

describe('klist principals: the spaces around @ belong to neither part', () => {
  it('one realm, one placeholder, and the text keeps its spaces', () => {
    expect(learned('principal', 'krbtgt/CONTOSO.COM @ CONTOSO.COM')).toEqual(['<DOMAIN-1> CONTOSO.COM']);
    const r = new Redactor();
    r.learn('principal', 'krbtgt/CONTOSO.COM @ CONTOSO.COM');
    expect(r.text('krbtgt/CONTOSO.COM @ CONTOSO.COM and CONTOSO.COM')).toBe('krbtgt/<DOMAIN-1> @ <DOMAIN-1> and <DOMAIN-1>');
  });
  it('the server fact of a decoded klist paste', () => {
    const text = 'Cached Tickets: (1)\n\n#0>\tClient: Administrator @ CONTOSO.COM\n\tServer: krbtgt/CONTOSO.COM @ CONTOSO.COM\n\tKerbTicket Encryption Type: RSADSI RC4-HMAC(NT)\n\tStart Time: 3/1/2023 10:00:00 (local)\n\tEnd Time:   3/1/2023 20:00:00 (local)\n';
    const facts = redact(decode(text, testCatalogue())).findings.flatMap((f) => f.facts.map((x) => x.value));
    expect(facts).toContain('krbtgt/<DOMAIN-1> @ <DOMAIN-1>');
  });
});

describe('a value that starts with its separator is learned without it', () => {
  it('user "\\alice": alice is replaced everywhere, not only after a backslash', () => {
    expect(learned('user', '\\alice')).toEqual(['<USER-1> alice']);
    expect(new Redactor().redactText('User: \\alice\nalice here')).toBe('User: \\<USER-1>\n<USER-1> here');
  });
  it('user "@alice" is the user alice', () => {
    expect(learned('user', '@alice')).toEqual(['<USER-1> alice']);
    expect(new Redactor().redactText('User: @alice\nalice here')).toBe('User: @<USER-1>\n<USER-1> here');
  });
  it('principal "@CORP" is a realm, "/PC01" a computer', () => {
    expect(learned('principal', '@CORP')).toEqual(['<DOMAIN-1> CORP']);
    expect(learned('principal', '/PC01')).toEqual(['<HOST-1> PC01']);
  });
});

describe('placeholder: one address however it is cased', () => {
  it('FE80::1 and fe80::1 share a placeholder', () => {
    const r = new Redactor();
    expect([r.placeholder('IP', 'FE80::1'), r.placeholder('IP', 'fe80::1')]).toEqual(['<IP-1>', '<IP-1>']);
  });
});

describe('learn: user@domain with spaces around the @', () => {
  it('the spaces belong to neither part: "alice @ corp.example" teaches alice and corp.example', () => {
    // (the trims of both halves of the user@domain form) a name learned with its space would swallow the space
    // after it in the text, and the table would show a name that was never written that way
    const r = new Redactor();
    r.learn('user', 'alice @ corp.example');
    expect(table(r)).toEqual(['<USER-1> alice', '<DOMAIN-1> corp.example']);
    expect(r.text('mail alice or corp.example.')).toBe('mail <USER-1> or <DOMAIN-1>.');
  });
});
