import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useSiteAndBrowser } from '../support/harness.ts';
import { openWatched, searchFor } from '../support/page.ts';

const env = useSiteAndBrowser();

describe('home page', () => {
  it('loads in Japanese with no console errors and no request to another host', async () => {
    const { page, errors, foreignRequests } = await openWatched(env.browser, env.site.origin);
    await page.goto(env.site.url, { waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await page.title()).toContain('IPsec Playbooks');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });
});

describe('search box', () => {
  it('finds the playbook for a Japanese message typed by a help desk agent', async () => {
    const { page } = await openWatched(env.browser, env.site.origin);
    await page.goto(env.site.url);
    await searchFor(page, 'ピアから応答がありません');
    // the dialog's one list (search-assist): Pagefind's own list is hidden
    const first = page.locator('dialog[open] .sa-results a').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.getAttribute('href')).toContain('/ike-main-mode/no-response/');
    await page.close();
  });
});

describe('playbook page', () => {
  it('shows its message in Japanese and English, the event header and working links', async () => {
    const { page, errors } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}ike-main-mode/no-response/`);
    const symptom = page.locator('main');
    await expect.poll(() => symptom.innerText()).toContain('ピアから応答がありません');
    expect(await symptom.innerText()).toContain('No response from peer');
    expect(await page.locator('.pb-meta').innerText()).toContain('547');
    const related = page.locator('main a[href$="/ike-main-mode/negotiation-timed-out/"]').first();
    const href = await related.getAttribute('href');
    const res = await page.request.get(new URL(href!, env.site.url).href);
    expect(res.status()).toBe(200);
    expect(errors).toEqual([]);
    await page.close();
  });
});
