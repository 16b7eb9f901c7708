/**
 * Load the built Pagefind index (dist/pagefind) in Node, as the browser would.
 * pagefind.js fetches its files and reads <html lang> to pick the segmenter: shim both
 * (stack notes, gotcha 13). Without the `ja` document stub, Japanese queries are not segmented.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PagefindLike } from '../../src/lib/search/smart-search.ts';
import { PAGEFIND_RANKING } from '../../src/lib/search/ranking.ts';

export async function loadPagefind(dist = process.env.E2E_DIST ?? 'dist'): Promise<PagefindLike> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return url.startsWith('file:') ? new Response(await readFile(fileURLToPath(url))) : realFetch(input, init);
  }) as typeof fetch;
  const g = globalThis as { document?: unknown };
  g.document ??= { currentScript: null, querySelector: (s: string) => (s === 'html' ? { getAttribute: () => 'ja' } : null) };
  const dir = resolve(dist, 'pagefind');
  const pf = await import(pathToFileURL(`${dir}/pagefind.js`).href);
  await pf.options({ basePath: pathToFileURL(`${dir}/`).href, baseUrl: '/', ranking: PAGEFIND_RANKING });
  return pf as PagefindLike;
}
