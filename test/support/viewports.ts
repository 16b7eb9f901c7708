/** The two sizes the UX suites run at (a help-desk laptop and a phone), and a page opened at one. */
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const SIZES = [
  { name: '1366×900', viewport: { width: 1366, height: 900 }, phone: false },
  { name: '390×844', viewport: { width: 390, height: 844 }, phone: true },
] as const;
export type Size = (typeof SIZES)[number];

export interface SizedPage {
  context: BrowserContext;
  page: Page;
  /** console.error messages and uncaught exceptions. */
  errors: string[];
}

/** A fresh context at `size` with clipboard access, on `url`. Close the context when done. */
export async function openAt(browser: Browser, size: Size, origin: string, url: string): Promise<SizedPage> {
  const context = await browser.newContext({ viewport: size.viewport, isMobile: size.phone, hasTouch: size.phone });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { context, page, errors };
}
