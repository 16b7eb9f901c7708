/**
 * Event copies whose line breaks were lost (forum posts, tickets, chat): several header labels on one line.
 * Each value ends where the next label starts, so the source is read with the ID, never dropped.
 */
import { describe, expect, it } from 'vitest';
import { testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decode } from './index.ts';
import { lineHeaders } from './event-sources.ts';

const cat = testCatalogue();
const read = (text: string) => {
  const r = decode(text, cat);
  return { verdict: r.verdict, findings: r.findings.map((f) => [f.kind, f.playbook?.id]) };
};
const fields = (line: string) => lineHeaders(line, 0, line.length).map((h) => [h.name, line.slice(h.vs, h.ve).trim()]);

describe('lineHeaders: several header fields on one line', () => {
  it('splits at each label that follows a space; Description takes the rest', () => {
    expect(fields('Event Type: Error Event Source: IPSEC Event Category: None Event ID: 4292 Description: The IPSec driver has entered Block mode. Source: x')).toEqual([
      ['type', 'Error'],
      ['source', 'IPSEC'],
      ['category', 'None'],
      ['id', '4292'],
      ['desc', 'The IPSec driver has entered Block mode. Source: x'],
    ]);
  });
  it('a line with one label keeps its whole value; a label glued to a word is not a label', () => {
    expect(fields('Source: Microsoft-Windows-Security-Auditing')).toEqual([['source', 'Microsoft-Windows-Security-Auditing']]);
    expect(fields('Source: NorthSource: x')).toEqual([['source', 'NorthSource: x']]);
  });
  it('Japanese labels split the same way', () => {
    expect(fields('ソース: IPSEC イベント ID: 4285')).toEqual([
      ['source', 'IPSEC'],
      ['id', '4285'],
    ]);
  });
  it('a line that does not start with a label has no header fields', () => {
    expect(fields('The backup job said Source: x')).toEqual([]);
  });
});

describe('a flattened copy is read with its source', () => {
  it('"Event ID: 4285 Source: Norton AntiVirus" is another product\'s 4285, not the IPsec driver event', () => {
    expect(read('Event ID: 4285 Source: Norton AntiVirus')).toEqual({ verdict: 'not-ipsec', findings: [['not-ipsec', undefined]] });
  });
  it('the whole dialog on one line, from another product, is not IPsec', () => {
    expect(read('Event Type: Error Event Source: Norton AntiVirus Event Category: None Event ID: 4285 Description: Scan failed.').verdict).toBe('not-ipsec');
  });
  it('the whole dialog on one line, from IPSEC, reaches the driver event\'s page', () => {
    const HASH = 'Failed to authenticate the hash for 5 packet(s) received from 192.168.0.10.';
    expect(read(`Event Type: Error Event Source: IPSEC Event Category: None Event ID: 4285 Description: ${HASH}`)).toEqual({ verdict: 'ipsec-fault', findings: [['event', 'ipsec-driver/hash-auth-failure']] });
  });
});
