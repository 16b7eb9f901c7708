/**
 * The sidebar every page carries, trimmed to what a reader needs: every family is listed, but only the
 * current page's family shows its pages; the others become one link to their first page. Without this,
 * each page carried every page title of the site (about 40 KB of raw HTML at 130 pages, and growing with
 * every playbook). Pure data in, data out, so it is unit-tested without Astro.
 *
 * Example: on /vpn/error-809/ the group 「IPsec VPN」 keeps its 19 links, and the group
 * 「IKE メイン モード (イベント 547)」 becomes the single link 「IKE メイン モード (イベント 547) (6)」 → its first page.
 */

/** The parts of Starlight's sidebar entries this module reads and writes. */
export interface TrimLink {
  type: 'link';
  label: string;
  href: string;
  isCurrent: boolean;
  badge: unknown;
  attrs: Record<string, unknown>;
}
export interface TrimGroup {
  type: 'group';
  label: string;
  entries: Array<TrimLink | TrimGroup>;
  collapsed: boolean;
  badge: unknown;
}
export type TrimEntry = TrimLink | TrimGroup;

function hasCurrent(g: TrimGroup): boolean {
  return g.entries.some((e) => (e.type === 'link' ? e.isCurrent : hasCurrent(e)));
}

function links(g: TrimGroup): TrimLink[] {
  return g.entries.flatMap((e) => (e.type === 'link' ? [e] : links(e)));
}

/** Groups listed in full even when the page is elsewhere (short and used from every page). */
const ALWAYS_OPEN = new Set(['はじめに', 'ツール']);

export function trimSidebar<T extends TrimEntry>(sidebar: T[]): T[] {
  return sidebar.map((entry) => {
    if (entry.type !== 'group' || ALWAYS_OPEN.has(entry.label) || hasCurrent(entry)) return entry;
    const all = links(entry);
    if (!all.length) return entry;
    const link: TrimLink = { type: 'link', label: `${entry.label} (${all.length})`, href: all[0].href, isCurrent: false, badge: undefined, attrs: {} };
    return link as T;
  });
}
