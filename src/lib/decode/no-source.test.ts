/**
 * Events pasted without their source: the ID alone never makes a confident answer. A Service Control
 * Manager text is judged by the service it names; an unknown or failure-type ID read by number is need-data.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Catalogue } from '../catalogue/types.ts';
import { decode } from './index.ts';

const cat = JSON.parse(readFileSync(new URL('../../generated/catalogue.json', import.meta.url), 'utf8')) as Catalogue;
const read = (text: string) => {
  const r = decode(text, cat);
  return { verdict: r.verdict, page: r.verdictInfo.playbook?.id, findings: r.findings.map((f) => [f.kind, f.verdict]) };
};

describe('an SCM event without its source', () => {
  it('naming a service that is not IPsec\'s (Print Spooler) is not IPsec', () => {
    const r = read('Event ID: 7000\nDescription:\nThe Print Spooler service failed to start due to the following error:\nThe system cannot find the file specified.');
    expect(r.verdict).toBe('not-ipsec');
    expect(r.findings).toEqual([['not-ipsec', 'not-ipsec']]);
  });
  it('naming IKEEXT is an IPsec service fault with the SCM page', () => {
    expect(read('Event ID: 7000\nDescription:\nThe IKE and AuthIP IPsec Keying Modules service failed to start due to the following error:\nThe system cannot find the file specified.')).toMatchObject({
      verdict: 'ipsec-fault',
      page: 'modern-services/scm-events',
    });
  });
  it('by its number alone is not "IPsec is fine": the service is unknown, so data is asked for', () => {
    expect(read('Event ID: 7000')).toMatchObject({ verdict: 'need-data', page: 'modern-services/scm-events' });
  });
});

describe('an ID IPsec does not use, without a source', () => {
  it('is need-data and says the ID is not a known IPsec event', () => {
    const r = decode('Event ID: 9999\nSomething odd happened.', cat);
    expect(r.verdict).toBe('need-data');
    expect(r.findings.map((f) => f.meaning)).toEqual(['IPsec のイベントとして知られている ID ではありません。ソースが分からないため、どの製品のイベントかは判断できません。']);
  });
});

describe('the first sentence of a two-sentence message, read out alone', () => {
  it('names its page but does not decide (the rest of the message and the event are missing)', () => {
    expect(read('Failed to authenticate the hash for 5 packet(s) received from 192.168.0.10.')).toMatchObject({ verdict: 'need-data', page: 'ipsec-driver/hash-auth-failure' });
  });
  it('a single fragment with no filled value is still too little', () => {
    expect(read('Failed to authenticate the hash').page).toBeUndefined();
  });
});
