/**
 * JSON Schemas for editors and external tools, generated from the zod schemas (never written by hand).
 * scripts/build-catalogue.ts writes them to schemas/; a unit test fails when the committed files are stale.
 */
import { z } from 'astro/zod';
import { PageFields, Playbook } from './playbook.ts';
import { reportJsonSchema } from './report.ts';

// Starlight's own fields every page may also carry (the full set is Starlight's schema).
const starlightFields = z.object({
  /** Page title (h1, browser tab, search result). */
  title: z.string(),
  /** One-sentence summary for search results and metadata. */
  description: z.string().optional(),
  /** Sidebar options (order, label, badge). */
  sidebar: z.record(z.string(), z.unknown()).optional(),
  /** 'doc' or 'splash' page layout. */
  template: z.enum(['doc', 'splash']).optional(),
});

function toSchema(schema: z.ZodType, title: string): Record<string, unknown> {
  const json = z.toJSONSchema(z.intersection(starlightFields, schema), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...json, title, $comment: 'Generated from src/schema/playbook.ts by npm run catalogue. Do not edit.' };
}

export function jsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    'playbook.schema.json': toSchema(Playbook, 'IPsec Playbooks: playbook frontmatter (playbooks/**/*.mdx)'),
    'page.schema.json': toSchema(PageFields, 'IPsec Playbooks: any page frontmatter (playbooks/ and content/)'),
    'decode-report.schema.json': reportJsonSchema(),
  };
}
