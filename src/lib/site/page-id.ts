/**
 * Page ids and URLs, derived from file paths in one place.
 *
 * playbooks/ike-main-mode/no-response.mdx -> "ike-main-mode/no-response" -> /ike-main-mode/no-response/
 * content/guides/tiers.mdx               -> "guides/tiers"               -> /guides/tiers/
 * content/index.mdx                       -> "index"                      -> /
 */
export function pageIdFromPath(path: string): string {
  const id = path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)?(playbooks|content)\//, '')
    .replace(/\.(md|mdx)$/, '')
    .replace(/(^|\/)index$/, '');
  return id || 'index';
}

/** The site URL of a page id, with an optional section anchor. `base` is Astro's base path. */
export function pageUrl(id: string, anchor?: string, base = '/'): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const path = id === 'index' ? root : `${root}${id}/`;
  return anchor ? `${path}#${encodeURIComponent(anchor)}` : path;
}
