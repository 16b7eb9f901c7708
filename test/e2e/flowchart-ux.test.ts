/**
 * The flowchart wizard at 1366×900 and 390×844: the first answer within three Tabs of arriving on any
 * flowchart; focus on the first question after the 7.1 → 7.3 hand-over; the diagram and its text
 * alternative mark the current step and the answered ones. axe finds nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSiteAndBrowser } from '../support/harness.ts';
import { SIZES, openAt } from '../support/viewports.ts';
import { axeViolations } from '../support/axe.ts';

const env = useSiteAndBrowser();
const visible = '.fc-steps > section:not([hidden])';
const active = (page: Page) => page.evaluate(() => ({ tag: document.activeElement?.tagName, cls: document.activeElement?.className ?? '', text: document.activeElement?.textContent?.trim() ?? '' }));

/** Tabs pressed until the first answer of the current question has focus (at most `max`). */
async function tabsToFirstAnswer(page: Page, max: number): Promise<number> {
  const first = `${visible} button.fc-answer`;
  for (let n = 0; n <= max; n++) {
    const ok = await page.evaluate((sel) => document.activeElement === document.querySelector(sel), first);
    if (ok) return n;
    await page.keyboard.press('Tab');
  }
  return Infinity;
}

describe.each(SIZES)('flowchart wizard at $name', (size) => {
  it.each(['first-diagnosis', 'callers-computer', 'target-computer'])('reaches the first answer of %s within three Tabs of arriving', async (chart) => {
    const { context, page, errors } = await openAt(env.browser, size, env.site.origin, `${env.site.url}flowcharts/${chart}/`);
    // on arrival the current question has focus and is on screen
    await page.waitForFunction((sel) => document.activeElement?.matches(`${sel} h3`) ?? false, visible);
    const h = await page.locator(`${visible} h3`).boundingBox();
    expect(h!.y).toBeGreaterThanOrEqual(0);
    expect(h!.y + h!.height).toBeLessThanOrEqual(size.viewport.height);
    expect(await tabsToFirstAnswer(page, 3)).toBeLessThanOrEqual(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves focus to the first question of 7.3 after the hand-over from 7.1', async () => {
    const path = 'retry_fails.scope_one.nslookup_ok.ping-ip_ok.reverse_ok.app_ng.test-host_ok';
    const { context, page } = await openAt(env.browser, size, env.site.origin, `${env.site.url}flowcharts/first-diagnosis/?path=${path}`);
    const link = page.locator(`${visible} a[data-goto-link]`);
    await link.focus();
    await Promise.all([page.waitForURL(/\/flowcharts\/target-computer\/\?prev=/), page.keyboard.press('Enter')]);
    await page.waitForFunction((sel) => document.activeElement?.matches(`${sel} h3`) ?? false, visible);
    expect((await active(page)).text).toContain('Q1');
    expect(await page.locator('[data-prev]').innerText()).toContain('図 7.1');
    expect(await tabsToFirstAnswer(page, 3)).toBeLessThanOrEqual(3);
    await context.close();
  });

  it('marks the current step on the diagram and in its text, and the answered ones', async () => {
    const { context, page } = await openAt(env.browser, size, env.site.origin, `${env.site.url}flowcharts/first-diagnosis/`);
    const start = await page.locator(`${visible}`).getAttribute('data-node');
    expect(await page.locator(`.fc-svg [data-box="${start}"]`).getAttribute('class')).toContain('fc-current');
    expect(await page.locator('.fc-svg .fc-current').count()).toBe(1);
    expect(await page.locator('[data-diagram-where]').innerText()).toContain('Q1');
    expect(await page.locator(`[data-text-node="${start}"]`).getAttribute('aria-current')).toBe('step');

    await page.locator(`${visible} button.fc-answer`).first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => document.querySelector('.fc-steps > section:not([hidden])')?.getAttribute('data-node') !== s, start);
    const next = await page.locator(`${visible}`).getAttribute('data-node');
    if (next) {
      expect(await page.locator(`.fc-svg [data-box="${next}"]`).getAttribute('class')).toContain('fc-current');
      expect(await page.locator('[data-diagram-where]').innerText()).toContain('Q2');
    } else {
      expect(await page.locator('.fc-svg .fc-current').count()).toBe(1);
    }
    expect(await page.locator(`.fc-svg [data-box="${start}"]`).getAttribute('class')).toContain('fc-visited');
    expect(await page.locator(`[data-text-node="${start}"]`).getAttribute('aria-current')).toBeNull();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.viewport.width);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
