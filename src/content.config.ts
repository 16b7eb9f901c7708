import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { PageFields } from './schema/playbook';
import { pageIdFromPath } from './lib/site/page-id';

export const collections = {
  docs: defineCollection({
    // Playbooks and guides live at the top level (design card), not in src/content/docs.
    loader: glob({
      base: '.',
      pattern: ['playbooks/**/[^_]*.{md,mdx}', 'content/**/[^_]*.{md,mdx}'],
      generateId: ({ entry }) => pageIdFromPath(entry),
    }),
    schema: docsSchema({ extend: PageFields }),
  }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
