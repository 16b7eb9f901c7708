import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from './json-schema.ts';

describe('JSON Schemas for editors', () => {
  it('the committed schemas/ files are what the zod schemas generate (run npm run catalogue after changing src/schema)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      expect(JSON.parse(readFileSync(`schemas/${name}`, 'utf8')), name).toEqual(schema);
    }
  });

  it('accepts the fields a playbook needs and rejects an unknown kind', () => {
    const playbook = jsonSchemas()['playbook.schema.json'] as { oneOf?: { properties?: { kind?: { const?: string } } }[]; anyOf?: unknown[] };
    const text = JSON.stringify(playbook);
    for (const field of ['signatures', 'events', 'appliesTo', 'tiers', 'attach', 'partOf', 'nodes', 'outcomes']) expect(text).toContain(`"${field}"`);
    expect(text).toContain('"flowchart"');
    expect(text).not.toContain('"guide"');
  });
});
