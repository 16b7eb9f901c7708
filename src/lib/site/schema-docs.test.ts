import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFieldDocs } from './schema-docs.ts';

describe('schemaFieldDocs', () => {
  it('reads fields and their comments from an object schema', () => {
    const src = 'export const EventRef = z.object({\n  /** The Event ID. */\n  id: z.number().int(),\n  /**\n   * Source names.\n   */\n  sources: z.array(z.string()),\n});';
    expect(schemaFieldDocs(src)).toEqual({ EventRef: [{ name: 'id', comment: 'The Event ID.', type: 'z.number().int()' }, { name: 'sources', comment: 'Source names.', type: 'z.array(z.string())' }] });
  });

  it('documents every field of the real schema (no field without a comment)', () => {
    const docs = schemaFieldDocs(readFileSync('src/schema/playbook.ts', 'utf8'));
    expect(Object.keys(docs)).toEqual(expect.arrayContaining(['EventRef', 'Signature', 'playbookBase', 'EventPlaybook', 'FlowchartPlaybook', 'GuidePage']));
    const undocumented = Object.entries(docs).flatMap(([schema, fields]) => fields.filter((f) => f.type !== 'spread' && !f.comment).map((f) => `${schema}.${f.name}`));
    expect(undocumented).toEqual([]);
  });
});
