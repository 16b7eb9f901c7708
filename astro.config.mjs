// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { remarkValidatePlaybook } from './src/remark/validate-playbook.ts';
import { remarkBaseLinks } from './src/remark/base-links.ts';
import { sidebar } from './src/lib/site/sidebar.ts';
import { PAGEFIND_RANKING } from './src/lib/search/ranking.ts';

// Astro 7's default Markdown processor is not remark: plugins go through `unified()` (stack notes, gotcha 4).
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  // A sub-path deployment sets BASE_PATH=/kb/ at build time (README, "Publishing").
  base,
  // Separate output and cache folders let several builds run side by side (parallel authoring, tests).
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  markdown: { processor: unified({ remarkPlugins: [remarkValidatePlaybook, [remarkBaseLinks, { base }]] }) },
  integrations: [
    starlight({
      title: 'IPsec Playbooks',
      description: 'IPsec によるサーバー/ドメイン分離のトラブルシューティング プレイブック',
      defaultLocale: 'root',
      // lang="ja" on every page is what makes Pagefind segment Japanese (stack notes, Q4).
      locales: { root: { label: '日本語', lang: 'ja' } },
      markdown: { processedDirs: ['./playbooks', './content'] },
      sidebar,
      // every page lists the families, but only its own family's pages (keeps each page's HTML small)
      routeMiddleware: './src/routeData.ts',
      // long commands wrap instead of scrolling: readable on a phone, and no scrollable region that the
      // keyboard cannot reach (axe scrollable-region-focusable)
      expressiveCode: { defaultProps: { wrap: true } },
      customCss: ['./src/styles/site.css', './src/styles/print.css', './src/styles/verdict.css', './src/styles/ja-text.css'],
      components: {
        PageTitle: './src/components/PageTitle.astro',
        MarkdownContent: './src/components/MarkdownContent.astro',
        Search: './src/components/Search.astro',
      },
      pagefind: { ranking: PAGEFIND_RANKING },
      lastUpdated: false,
      pagination: false,
    }),
    mdx(),
  ],
});
