/**
 * The decoder page as an agent uses it, at 1366×900 and 390×844: nothing to copy before a decode,
 * a paste decodes at once and Ctrl+Enter decodes typed text, the verdict comes first, 「まず見るところ」
 * lines are links to their pages, the copy buttons copy the report, and a long token never widens
 * a phone's page (the menu button stays on screen). axe finds nothing after a decode.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSiteAndBrowser } from '../support/harness.ts';
import { SIZES, openAt, type Size } from '../support/viewports.ts';
import { axeViolations } from '../support/axe.ts';

const env = useSiteAndBrowser();
const open = (size: Size) => openAt(env.browser, size, env.site.origin, `${env.site.url}tools/decoder/`);

const EVENT_547 = [
  'Event Type:\tFailure Audit',
  'Event Source:\tSecurity',
  'Event ID:\t547',
  'Computer:\tCLIENT01',
  'Description:',
  'IKE security association negotiation failed.',
  'Mode:',
  'Key Exchange Mode (Main Mode)',
  'Peer IP Address: 192.168.0.20',
  'Failure Point:',
  'Me',
  'Failure Reason:',
  'No response from peer',
].join('\n');

const box = (page: Page) => page.locator('ipsec-decoder textarea').first();
const status = (page: Page) => page.locator('ipsec-decoder [data-status]').first();
const finished = (page: Page) => expect.poll(() => status(page).innerText(), { timeout: 15_000 }).toContain('解析が終わりました');

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await box(page).focus();
  await page.keyboard.press('Control+V');
}

describe.each(SIZES)('decoder page at $name', (size) => {
  it('shows no copy button before a decode; a paste decodes at once, verdict first, and the copy is the report', async () => {
    const { context, page, errors } = await open(size);
    expect(await page.locator('ipsec-decoder [data-copy-text]').isVisible()).toBe(false);
    expect(await page.locator('ipsec-decoder [data-copy-md]').isVisible()).toBe(false);
    await paste(page, EVENT_547);
    await finished(page);
    const results = page.locator('ipsec-decoder [data-results]');
    expect(await results.locator('> :first-child').getAttribute('class')).toContain('dec-verdict');
    const copy = page.locator('ipsec-decoder [data-copy-text]');
    expect(await copy.isVisible()).toBe(true);
    await copy.click();
    await expect.poll(() => status(page).innerText()).toContain('コピーしました');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('No response from peer');
    // redaction is on by default: the computer name is not in the copy
    expect(copied).not.toContain('CLIENT01');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Ctrl+Enter decodes typed text; 「まず見るところ」 lines are links to the right pages', async () => {
    const { context, page } = await open(size);
    await box(page).fill(EVENT_547);
    await page.keyboard.press('Control+Enter');
    await finished(page);
    const items = page.locator('ipsec-decoder .dec-first li');
    const n = await items.count();
    expect(n).toBeGreaterThan(0);
    expect(await page.locator('ipsec-decoder .dec-first li > a').count()).toBe(n);
    const first = new URL((await items.first().locator('a').getAttribute('href'))!, env.site.url);
    expect(first.pathname).toBe('/ike-main-mode/no-response/');
    await Promise.all([page.waitForURL((u) => u.pathname === '/ike-main-mode/no-response/'), items.first().locator('a').click()]);
    await context.close();
  });

  it('a long token wraps: the page is never wider than the screen and the menu stays reachable', async () => {
    const { context, page } = await open(size);
    const long = `証明書の拇印 ${'9F3A'.repeat(60)} エラー 0x800735E9 パス C:\\${'very_long_folder_name_'.repeat(12)}oakley.log`;
    await paste(page, long);
    await finished(page);
    await page.locator('ipsec-decoder details.dec-unrecognised > summary').first().click().catch(() => undefined);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(size.viewport.width);
    if (size.phone) {
      const menu = await page.locator('button.sl-menu-button').boundingBox();
      expect(menu).not.toBeNull();
      expect(menu!.x + menu!.width).toBeLessThanOrEqual(size.viewport.width);
    }
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
