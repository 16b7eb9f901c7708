/**
 * Redactor.token, the judge of one word-like token (address, DOMAIN\user, user@REALM, service/host, DNS and
 * NetBIOS names), and the path-segment check it uses. Many cases run one `text()` pass: a name found earlier in
 * the same string is not marked yet, so the later occurrence goes through token() itself (redactText's second
 * pass would mark it first and never ask token()).
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from './engine.ts';

/** A fresh redactor's output for one text (learning from its labels first, as the site does). */
const red = (s: string) => new Redactor().redactText(s);
/** One pass of a fresh redactor: names are learned as the scan meets them. */
const once = (s: string) => new Redactor().text(s);

describe('token: addresses', () => {
  it('an address may start with any digit, 0 to 9, also in the address.port form', () => {
    expect(red('0.1.2.3 and 9.8.7.6.500')).toBe('<IP-1> and <IP-2>.500');
  });
});

describe('token: the word before a backslash', () => {
  it('a host learned from a UNC path stays a host before a backslash, even where the text looks like a path', () => {
    // the second \PC01 lost a backslash: the name still goes, as the host it was learned as
    expect(once('\\\\PC01\\share and \\PC01\\share')).toBe('\\\\<HOST-1>\\share and \\<HOST-1>\\share');
  });
  it('a name already known keeps its kind before a backslash', () => {
    expect(once('alice@corp.example or alice\\bob')).toBe('<USER-1>@<DOMAIN-1> or <USER-1>\\<USER-2>');
  });
  it('registry keys are paths: neither the hive nor the key after it is a domain or a user', () => {
    expect(red('HKCU\\Software')).toBe('HKCU\\Software');
    expect(red('HKCU\\Software\\Microsoft')).toBe('HKCU\\Software\\Microsoft');
  });
  it('an NT device path at the very start of a text is kept', () => {
    const p = '\\device\\harddiskvolume2\\windows\\system32\\svchost.exe';
    expect(red(p)).toBe(p);
  });
  it('only what comes right before a word makes it a path segment, not what three characters back begins with', () => {
    for (const lead of ['C:\\ ', '%1 ', '$u ']) expect(red(`${lead}CORP\\alice`), lead).toBe(`${lead}<DOMAIN-1>\\<USER-1>`);
    // a percent sign right before the word: an unclosed %VARIABLE, kept
    expect(red('see %TEMP\\')).toBe('see %TEMP\\');
  });
  it('the registry check looks at the word itself, not at the start of the text', () => {
    expect(red('Software update failed for CORP\\alice')).toBe('Software update failed for <DOMAIN-1>\\<USER-1>');
  });
  it('the registry check reads how the word begins, also when upper-casing lengthens it (ß → SS)', () => {
    expect(once('ßYSTEM\\alice ßOFTWARE\\bob')).toBe('ß<DOMAIN-1>\\<USER-1> ß<DOMAIN-2>\\<USER-2>');
  });
});

describe('token: the word after a backslash', () => {
  it('a known name is replaced even when the word before the backslash is no domain', () => {
    expect(once('alice@corp.example then WORKGROUP\\alice')).toBe('<USER-1>@<DOMAIN-1> then WORKGROUP\\<USER-1>');
  });
  it('after a lone backslash at the start of a text, the word is judged on its own', () => {
    expect(red('\\PC0423')).toBe('\\<HOST-1>');
  });
});

describe('token: user@REALM', () => {
  it('a computer account before @ stays the computer it was learned as', () => {
    expect(once('CORP\\PC0423$ then PC0423$@CORP.EXAMPLE.COM')).toBe('<DOMAIN-1>\\<HOST-1> then <HOST-1>@<DOMAIN-2>');
  });
});

describe('token: service/host', () => {
  it('a service class counts only as the whole word right before a slash', () => {
    // "http proxy": no slash; "for host/srv": the service class is "host", not "the http proxy for host"
    expect(red('the http proxy for host/srv')).toBe('the http proxy for host/<HOST-1>');
  });
  it("a service's DNS name is learned: its host label alone is replaced too", () => {
    expect(red('cifs/srv01.corp.example.com then srv01')).toBe('cifs/<HOST-1>.<DOMAIN-1> then <HOST-1>');
  });
  it('a known name after a service class keeps its kind', () => {
    expect(once('alice@corp.example asked for host/alice')).toBe('<USER-1>@<DOMAIN-1> asked for host/<USER-1>');
  });
});

describe('token: one pass of text()', () => {
  it('a name found earlier in the same string is replaced where it appears alone', () => {
    expect(once('alice@corp.example and alice')).toBe('<USER-1>@<DOMAIN-1> and <USER-1>');
  });
  it('gives the same placeholders as the two passes of redactText', () => {
    const cases: Array<[string, string]> = [
      ['alice@CORP', '<USER-1>@<DOMAIN-1>'],
      ['PC0423', '<HOST-1>'],
      ['SRV9_oakley.log', '<HOST-1>_oakley.log'],
    ];
    for (const [input, want] of cases) {
      expect(once(input), input).toBe(want);
      expect(red(input), input).toBe(want);
    }
  });
});

describe('token: a word after a lone backslash', () => {
  it('a computer name after a lone backslash is replaced anywhere, not only at the start of the text', () => {
    // a UNC path that lost one backslash (Markdown eats one of "\\"): "\PC0423" at the start was already replaced
    expect(red('\\PC0423')).toBe('\\<HOST-1>');
    expect(red(' \\PC0423')).toBe(' \\<HOST-1>');
    expect(red('see \\PC0423 for logs')).toBe('see \\<HOST-1> for logs');
    expect(red('user \\alice@corp.example.com')).toBe('user \\<USER-1>@<DOMAIN-1>');
  });
});

describe('token: an environment variable before a backslash', () => {
  it('the folder after %windir% is not learned as a user (which would rewrite every other path)', () => {
    expect(red('x%windir%\\system32 and C:\\Windows\\system32\\oakley.log')).toBe('x%windir%\\system32 and C:\\Windows\\system32\\oakley.log');
  });
});

describe('token: service/host', () => {
  it('a built-in name after a service class is kept, as in a UNC path', () => {
    expect(red('HTTP/localhost and \\\\localhost\\c$')).toBe('HTTP/localhost and \\\\localhost\\c$');
  });
});

describe('token: a variable that is no path before a backslash', () => {
  it('a word that ends in "%" before a backslash is no domain: the folder after PATH=%APP-HOME%\\ is kept', () => {
    // (dom.endsWith('%')) %APP-HOME% is no %VARIABLE% path for pathAt (a "-" in its name), so token() sees "bin"
    // after a backslash with "PATH=%APP-HOME%" before it
    expect(red('set PATH=%APP-HOME%\\bin')).toBe('set PATH=%APP-HOME%\\bin');
  });
});
