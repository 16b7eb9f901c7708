/**
 * Pagefind ranking for this site, used by the search box (astro.config.mjs), the decoder's
 * site search and the relevance suite, so the suite measures what readers get.
 * Playbooks are long pages full of the words they explain: page length counts for little,
 * term frequency counts fully but saturates early, so one page repeating a word cannot win on that.
 */
export const PAGEFIND_RANKING = {
  pageLength: 0.1,
  termFrequency: 1.0,
  termSaturation: 0.8,
  termSimilarity: 5,
} as const;

/** What a page is for, read from its URL (the content folder it comes from). */
export type PageKind = 'playbook' | 'guide' | 'tool' | 'reference' | 'authoring' | 'home';

export function pageKind(url: string): PageKind {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  if (/\/authoring\//.test(path)) return 'authoring';
  if (/\/(reference|sigma)\//.test(path)) return 'reference';
  if (/\/(guides|start)\//.test(path)) return 'guide';
  if (/\/tools\//.test(path)) return 'tool';
  // '/' or a base path such as '/kb/': every other page sits at least two folders deep
  if (path.split('/').filter(Boolean).length <= 1) return 'home';
  return 'playbook';
}

/**
 * Help-desk queries come first to this site: a page's Pagefind score is multiplied by its kind's
 * weight, so a playbook that matches as well as the authoring guide ranks above it, while a query
 * only the authoring guide or a reference table answers still finds it (nothing is removed).
 */
export const KIND_WEIGHT: Record<PageKind, number> = {
  playbook: 1,
  guide: 0.8,
  tool: 0.8,
  reference: 0.45,
  authoring: 0.2,
  home: 0.2,
};
