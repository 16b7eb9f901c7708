/** A browser page that records console errors and any request to a host other than the site's own. */
import type { Browser, Page } from 'playwright-core';

export interface WatchedPage {
  page: Page;
  /** console.error messages and uncaught exceptions. */
  errors: string[];
  /** URLs requested from any origin other than the site's. */
  foreignRequests: string[];
}

export async function openWatched(browser: Browser, siteOrigin: string): Promise<WatchedPage> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:') || u.startsWith('about:')) return;
    if (new URL(u).origin !== siteOrigin) foreignRequests.push(u);
  });
  return { page, errors, foreignRequests };
}

/** Open Starlight's search dialog and type a query (Ctrl+K is unreliable headless: click the button). */
export async function searchFor(page: Page, query: string): Promise<void> {
  await page.click('button[data-open-modal]');
  const input = page.locator('dialog[open] input.pagefind-ui__search-input');
  await input.waitFor();
  await input.fill(query);
}
