/**
 * Redactor.text, the scanning loop: what it does with the characters no recogniser takes (the marks of learned
 * names, a "<" that starts no placeholder, a lone "." or "-"), the order placeholders are given out in, and what a
 * single pass (no discovery pass first) already replaces.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from './engine.ts';

/** A fresh redactor's output for one text (learning from its labels first, as the site does). */
const red = (s: string) => new Redactor().redactText(s);
/** One scan only, as report.ts runs it on each field after the discovery pass. */
const once = (s: string) => new Redactor().text(s);

describe('text: characters the recognisers leave to the loop', () => {
  it('a lone private-use mark character, opening or closing, is neutralised', () => {
    // either one alone is enough to be replaced; an opening one left in place would be read as a mark
    expect(red('a\uE000b')).toBe('a\uFFFDb');
    expect(red('a\uE001b')).toBe('a\uFFFDb');
  });
  it('a "<" that starts no placeholder is copied as it is', () => {
    expect(red('1 < 2, <tag> and <IP-x>')).toBe('1 < 2, <tag> and <IP-x>');
  });
  it('a lone full stop or hyphen is copied, and the name after it is read on its own', () => {
    // after a non-ASCII word the "." / "-" start no token, so they must not be glued to the name
    expect(red('接続先...PC0423')).toBe('接続先...<HOST-1>');
    expect(red('経理-PC0423')).toBe('経理-<HOST-1>');
  });
  it('a name at the end of a sentence loses only its full stop', () => {
    expect(red('ping PC0423.')).toBe('ping <HOST-1>.');
    expect(once('ping PC0423. done')).toBe('ping <HOST-1>. done');
  });
});

describe('text: placeholder order', () => {
  it('placeholders are numbered in the order the values appear, also for a learned DNS name whose host label was not learned', () => {
    // "system" is a well-known word, so learning the FQDN gives its host label no placeholder yet: the scan gives
    // it one where the name appears, before the computer name that follows
    const r = new Redactor();
    r.learn('host', 'system.corp.example.com');
    expect(r.text('system.corp.example.com -> PC0423')).toBe('<HOST-1>.<DOMAIN-1> -> <HOST-2>');
    expect(r.entries()).toEqual([
      { placeholder: '<DOMAIN-1>', kind: 'DOMAIN', original: 'corp.example.com' },
      { placeholder: '<HOST-1>', kind: 'HOST', original: 'system' },
      { placeholder: '<HOST-2>', kind: 'HOST', original: 'PC0423' },
    ]);
  });
});

describe('text: a single pass', () => {
  it('a UNC server is replaced, also a dotted one not learned before', () => {
    // after "\\" the name token alone would be kept (it is not known yet): only the UNC recogniser replaces it
    expect(once('\\\\srv.corp.example.com\\x')).toBe('\\\\<HOST-1>.<DOMAIN-1>\\x');
  });
  it('a profile folder is a user', () => {
    const r = new Redactor();
    expect(r.text('C:\\Users\\alice\\Desktop')).toBe('C:\\Users\\<USER-1>\\Desktop');
    expect(r.entries()).toEqual([{ placeholder: '<USER-1>', kind: 'USER', original: 'alice' }]);
  });
  it('a SID is recorded in upper case, however it was written', () => {
    const r = new Redactor();
    expect(r.redactText('s-1-5-21-1-2-3-500')).toBe('<SID-1>');
    expect(r.entries()).toEqual([{ placeholder: '<SID-1>', kind: 'SID', original: 'S-1-5-21-1-2-3-500' }]);
  });
});

describe('a UNC server in escaped text (JSON: \\\\\\\\server)', () => {
  it('a computer name', () => {
    expect(red('"\\\\\\\\NAS01"')).toBe('"\\\\\\\\<HOST-1>"');
  });
  it('a DNS name', () => {
    expect(red('"\\\\\\\\fs1.corp.example.com"')).toBe('"\\\\\\\\<HOST-1>.<DOMAIN-1>"');
  });
});

describe('a SID or a profile folder right after a backslash', () => {
  it('the ProfileList key of a user', () => {
    expect(red('HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\S-1-5-21-1004336348-1177238915-682003330-1001')).toBe(
      'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\<SID-1>',
    );
  });
  it("a user's hive under HKEY_USERS", () => {
    expect(red('HKEY_USERS\\S-1-5-21-1004336348-1177238915-682003330-1001 (loaded)')).toBe('HKEY_USERS\\<SID-1> (loaded)');
  });
  it('a long path (\\\\?\\C:\\Users\\…)', () => {
    expect(red('\\\\?\\C:\\Users\\alice\\AppData')).toBe('\\\\?\\C:\\Users\\<USER-1>\\AppData');
  });
});

describe('a value right after a lone "-" or "." (after a word in another script)', () => {
  it('a MAC address after "-"', () => {
    expect(red('アダプター-00-15-5D-01-02-03')).toBe('アダプター-<MAC-1>');
  });
  it('a thumbprint after "..."', () => {
    expect(red('証明書...a909502dd82ae41433e6f83886b00d4277a32a7b')).toBe('証明書...<CERT-1>');
  });
  it('an IPv6 address after "..."', () => {
    expect(red('接続先...2001:db8::5')).toBe('接続先...<IP-1>');
  });
  it('a SID and a profile folder after "-"', () => {
    expect(red('経理-S-1-5-21-1-2-3-500')).toBe('経理-<SID-1>');
    expect(red('経理-C:\\Users\\alice')).toBe('経理-C:\\Users\\<USER-1>');
  });
});

describe('a path that starts right after a "%"', () => {
  it('%HOMEDRIVE%%HOMEPATH%\\Desktop is a path, kept as it is (no user in it)', () => {
    expect(red('%HOMEDRIVE%%HOMEPATH%\\Desktop')).toBe('%HOMEDRIVE%%HOMEPATH%\\Desktop');
  });
});

describe('text: where an IPv6 address may start', () => {
  it('"::" right after a word is a scope operator, not the start of an address (Queue::Add, Base::Face)', () => {
    // (the !isAlnum(prev) test before ipv6At) a word ends before its ":"; "::Add" alone would be a valid address
    expect(once('IkeQueue::Add failed in Base::Face')).toBe('IkeQueue::Add failed in Base::Face');
  });
});
