/** One built site on a loopback port and one browser per test file, closed afterwards. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startSite, type RunningSite } from './site.ts';

export interface Harness {
  browser: Browser;
  site: RunningSite;
}

export function useSiteAndBrowser(): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.site = await startSite();
    h.browser = await launchBrowser();
  });
  afterAll(async () => {
    await h.browser?.close();
    await h.site?.close();
  });
  return h;
}
