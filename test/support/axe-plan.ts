/**
 * Which built pages the every-page gate checks with whole-page axe (see test/e2e/every-page.test.ts):
 * the first page of each folder (its layout: header, sidebar of that family, footer), and every page of the
 * folders whose pages each have a layout of their own. Paths are dist-relative ("ike-auth/x/", "404.html").
 */
export const ONE_OFF_FOLDERS = new Set(['', 'index.html', '404.html', 'start', 'tools', 'flowcharts', 'console']);

export function wholePageAxe(paths: readonly string[]): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  for (const p of [...paths].sort()) {
    const folder = p.includes('/') ? p.slice(0, p.indexOf('/')) : p;
    if (ONE_OFF_FOLDERS.has(folder) || !seen.has(folder)) out.add(p);
    seen.add(folder);
  }
  return out;
}
