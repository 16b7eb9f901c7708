/** Load the site's Pagefind index in the browser (once) for the decoder and the search assist. */
import type { PagefindLike } from '../../lib/search/smart-search.ts';
import { PAGEFIND_RANKING } from '../../lib/search/ranking.ts';

let loading: Promise<PagefindLike> | null = null;

export function loadSitePagefind(base: string): Promise<PagefindLike> {
  loading ??= (async () => {
    const url = `${base.replace(/\/$/, '')}/pagefind/pagefind.js`;
    const pf = (await import(/* @vite-ignore */ url)) as PagefindLike & { options?: (o: object) => Promise<void> };
    await pf.options?.({ baseUrl: base, ranking: PAGEFIND_RANKING });
    return pf;
  })();
  return loading;
}
