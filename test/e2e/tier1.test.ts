/**
 * The 「ティア 1 の対応」 box on a phone (390 × 844): on the page a caller's words lead to most often, the box's
 * heading and what to tell the caller are on the first screen, before the symptom; it fits the width,
 * passes axe in both themes, and the folded English sample opens on request and prints open.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useSiteAndBrowser } from '../support/harness.ts';
import { openWatched } from '../support/page.ts';
import { axeViolations } from '../support/axe.ts';

const env = useSiteAndBrowser();
const PHONE = { width: 390, height: 844 };

describe('tier 1 box on a phone', () => {
  it('is above the fold on /ike-main-mode/no-response/', async () => {
    const context = await env.browser.newContext({ viewport: PHONE, deviceScaleFactor: 1 });
    const { page, errors, foreignRequests } = await openWatched(context as unknown as Browser, env.site.origin);
    await page.goto(`${env.site.url}ike-main-mode/no-response/`, { waitUntil: 'load' });
    const box = page.locator('section.t1');
    const heading = box.locator('h2');
    expect(await heading.innerText()).toBe('ティア 1 の対応');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const h = (await heading.boundingBox())!;
    const tell = (await box.locator('.t1-tell').boundingBox())!;
    // the heading and the sentence to say to the caller are fully on the first screen
    expect(h.y).toBeGreaterThanOrEqual(0);
    expect(tell.y + tell.height, `tell ends at ${Math.round(tell.y + tell.height)} px`).toBeLessThanOrEqual(PHONE.height);
    // the box comes before the symptom, and nothing makes the page scroll sideways
    const symptom = (await page.locator('h2#症状').boundingBox())!;
    expect(symptom.y).toBeGreaterThan(h.y);
    const b = (await box.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page, 'section.t1')).toEqual([]);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('passes axe in the dark theme too', async () => {
    const context = await env.browser.newContext({ viewport: PHONE, colorScheme: 'dark' });
    const { page } = await openWatched(context as unknown as Browser, env.site.origin);
    await page.goto(`${env.site.url}ike-main-mode/no-response/`, { waitUntil: 'load' });
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await axeViolations(page, 'section.t1')).toEqual([]);
    await context.close();
  });

  it('keeps the long English sample folded until asked', async () => {
    const context = await env.browser.newContext({ viewport: PHONE });
    const { page } = await openWatched(context as unknown as Browser, env.site.origin);
    await page.goto(`${env.site.url}ike-main-mode/no-response/`, { waitUntil: 'load' });
    const sample = page.locator('details.pb-sample').first();
    const line = sample.locator('pre');
    expect(await line.isVisible()).toBe(false);
    // on paper the sample prints open
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => line.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => line.isVisible()).toBe(false);
    await sample.locator('summary').click();
    await expect.poll(() => line.isVisible()).toBe(true);
    expect(await line.innerText()).toContain('No response from peer');
    await context.close();
  });
});
