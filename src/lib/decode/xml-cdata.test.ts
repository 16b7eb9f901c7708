/** Event XML with CDATA sections (some exporters wrap every value) reads like the plain XML. */
import { describe, expect, it } from 'vitest';
import { fixture, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decodeEntities } from './event-sources.ts';
import { decode } from './index.ts';

const cat = testCatalogue();

/** Wrap the text of every leaf element (<EventID>547</EventID> -> <EventID><![CDATA[547]]></EventID>). */
const cdata = (xml: string) => xml.replace(/>([^<>]+)<\//g, '><![CDATA[$1]]></');

describe('CDATA in event XML', () => {
  it('decodeEntities unwraps CDATA and keeps its content literally', () => {
    expect(decodeEntities('<![CDATA[547]]>')).toBe('547');
    expect(decodeEntities('a &amp; <![CDATA[b &amp; <c>]]> &lt;d')).toBe('a & b &amp; <c> <d');
    expect(decodeEntities('<![CDATA[unterminated')).toBe('unterminated');
  });

  it('routes a wrapped 547 to the same playbook with the same facts as the plain XML', () => {
    const plain = decode(fixture('event-547-legacy.xml'), cat).findings[0];
    const wrapped = decode(cdata(fixture('event-547-legacy.xml')), cat).findings[0];
    expect(plain.playbook?.id).toBe('ike-auth/credentials-unacceptable');
    expect(wrapped.eventId).toBe(547);
    expect(wrapped.playbook?.id).toBe(plain.playbook?.id);
    const facts = (f: typeof plain) => Object.fromEntries(f.facts.map((x) => [x.name, x.value]));
    expect(facts(wrapped)).toEqual(facts(plain));
  });

  it('reads a wrapped EventID, Channel and Computer of a Vista+ event', () => {
    const plain = decode(fixture('event-4653.xml'), cat).findings[0];
    const wrapped = decode(cdata(fixture('event-4653.xml')), cat).findings[0];
    expect(wrapped.eventId).toBe(4653);
    expect(wrapped.playbook?.id).toBe('ike-main-mode/no-policy-configured');
    expect(wrapped.playbook?.id).toBe(plain.playbook?.id);
  });
});
