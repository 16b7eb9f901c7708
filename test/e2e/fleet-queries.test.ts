/**
 * The 「フリート全体で探す」 section in a real browser: the copy button appears with JavaScript and puts the exact
 * query on the clipboard; the Sigma pages pass axe and the CSP with no console error.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useSiteAndBrowser } from '../support/harness.ts';
import { openWatched } from '../support/page.ts';
import { axeViolations } from '../support/axe.ts';

const env = useSiteAndBrowser();
const PAGES = ['ike-main-mode/no-response/', 'ipsec-driver/clear-text/', 'reference/sigma/', 'guides/siem-rules/'];

describe('fleet queries', () => {
  it('copy button copies the SPL as shown', async () => {
    const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page, errors } = await openWatched(context as unknown as Browser, env.site.origin);
    await page.goto(`${env.site.url}ike-main-mode/no-response/`, { waitUntil: 'load' });
    const first = page.locator('section.fq ipsec-copy').first();
    const button = first.locator('button[data-copy]');
    await button.waitFor({ state: 'visible' });
    const shown = await first.locator('pre').innerText();
    await button.click();
    await expect.poll(() => first.locator('[data-copy-status]').innerText()).toBe('コピーしました。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    expect(shown).toContain('EventCode=547');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the Sigma pages pass axe, with no console error or CSP violation', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    const context = await env.browser.newContext();
    for (const path of PAGES) {
      const { page, errors, foreignRequests } = await openWatched(context as unknown as Browser, env.site.origin);
      await page.goto(env.site.url + path, { waitUntil: 'load' });
      for (const v of await axeViolations(page)) problems.push(`/${path}: axe ${v}`);
      for (const e of errors) problems.push(`/${path}: console: ${e.slice(0, 200)}`);
      for (const u of foreignRequests) problems.push(`/${path}: request to another host: ${u}`);
      await page.close();
    }
    await context.close();
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
