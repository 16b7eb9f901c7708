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
