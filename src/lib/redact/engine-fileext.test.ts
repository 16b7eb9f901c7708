/**
 * A learned name followed by a dot (PC0423.log, alice.txt., rotated PC0423.log.1, srv01.x1): the name is replaced,
 * unless the whole word is a longer DNS name or an address, which the scan then replaces whole.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from './engine.ts';

/** A redactor that has learned one computer name, then redacts one text. */
function withHost(host: string, s: string): string {
  const r = new Redactor();
  r.learn('host', host);
  return r.text(s);
}

describe('a learned name before a file extension', () => {
  it('a rotated log keeps the name redacted whatever its number (0, 9, 10)', () => {
    // the digits after the extension: 0 and 9 are the ends of the range
    expect(withHost('PC0423', 'PC0423.log.0 PC0423.log.9 PC0423.log.10')).toBe('<HOST-1>.log.0 <HOST-1>.log.9 <HOST-1>.log.10');
  });
  it('a rotated log at the end of a sentence', () => {
    // the dot after the number used to be read as the start of a longer DNS name, and the name stayed in clear
    expect(withHost('PC0423', 'see PC0423.log.1.')).toBe('see <HOST-1>.log.1.');
  });
  it('an extension followed by a dot and punctuation ends the name', () => {
    // only digits after the dot make a rotated log; what follows "._bak" does not count
    expect(withHost('PC0423', 'PC0423.log.- PC0423.log._ PC0423.log.. PC0423.log._bak-2')).toBe(
      '<HOST-1>.log.- <HOST-1>.log._ <HOST-1>.log.. <HOST-1>.log._bak-2',
    );
  });
  it('a file name that goes on after the extension still has the name replaced', () => {
    // these used to keep PC0423 in clear: the scan does not read them as DNS names either
    expect(withHost('PC0423', 'PC0423.log_old.txt PC0423.log-2024.zip PC0423.log.1a PC0423.log.1.2 PC0423.log_.bak PC0423.log$')).toBe(
      '<HOST-1>.log_old.txt <HOST-1>.log-2024.zip <HOST-1>.log.1a <HOST-1>.log.1.2 <HOST-1>.log_.bak <HOST-1>.log$',
    );
  });
});

describe('a learned name at the head of a DNS name whose next label looks like a file extension', () => {
  it('a host in a subdomain named "log" is replaced with the whole name, domain included', () => {
    expect(withHost('PC0423', 'at PC0423.log.corp.example')).toBe('at <HOST-1>.<DOMAIN-1>');
  });
  it('a dot or dash after the DNS name does not make it a file name', () => {
    // the scan drops trailing dots and dashes from a word, so the name is still read whole
    // (one redactor each: a DNS name seen once is known as a whole afterwards)
    expect(withHost('PC0423', 'at PC0423.log.corp.example. now')).toBe('at <HOST-1>.<DOMAIN-1>. now');
    expect(withHost('PC0423', 'at PC0423.log.corp.example- now')).toBe('at <HOST-1>.<DOMAIN-1>- now');
  });
  it('a numeric computer name at the head of an address is left to the address', () => {
    // no file extension after the dot: the address is read whole; with one, the name is replaced
    expect(withHost('10', '10.0.0.9 and 10.log')).toBe('<IP-1> and <HOST-1>.log');
  });
});

describe('a learned name before a dot and a word that is neither an extension nor a DNS name', () => {
  it('is replaced, since the scan keeps such a word as it is', () => {
    // these kept the name in clear: only file extensions used to end it
    expect(withHost('srv01', 'srv01.x1 srv01.123 srv01.microsoft.com')).toBe('<HOST-1>.x1 <HOST-1>.123 <HOST-1>.microsoft.com');
  });
  it('an address with a port (the a.b.c.d.port form of Oakley logs) after a numeric name is still read as an address', () => {
    expect(withHost('10', '10.0.0.9.500 and 10.x')).toBe('<IP-1>.500 and <HOST-1>.x');
    // digits and dots that are no address are no whole word for the scan: the name is replaced
    expect(withHost('10', 'build 10.0.19041')).toBe('build <HOST-1>.0.19041');
  });
});
