// identify(): a record without a source whose ID is a Service Control Manager event (7000) is an SCM event
// only when its description holds a long (12+ character) piece of the SCM title; a few common words are not enough.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Catalogue } from '../catalogue/types.ts';
import { getIndex } from './catalogue-index.ts';
import type { Ctx } from './context.ts';
import { newEventRecord } from './events.ts';
import { identify } from './identity.ts';

const cat = JSON.parse(readFileSync(new URL('../../generated/catalogue.json', import.meta.url), 'utf8')) as Catalogue;
const idx = getIndex(cat);
/** identify() of a no-source record with ID 7000 whose whole text is its description. */
function noSource7000(desc: string) {
  const rec = newEventRecord('event-text', [0, desc.length]);
  rec.id = 7000;
  rec.desc = [0, desc.length];
  const ctx = { text: desc, idx, budget: { ops: 1e9, exhausted: false }, carry: undefined } as unknown as Ctx;
  return { identity: identify(ctx, rec), carry: ctx.carry };
}

describe('identify: SCM event 7000 without a source', () => {
  it('the SCM title\'s wording ("service failed to start due to the following error:") makes it an SCM event', () => {
    expect(noSource7000('The Print Spooler service failed to start due to the following error:')).toEqual({ identity: { kind: 'scm' }, carry: undefined });
  });
  it('a description sharing only the short word "the" with the title is not an SCM event', () => {
    expect(noSource7000('The disk is full.')).toEqual({ identity: { kind: 'ipsec' }, carry: undefined });
  });
});
