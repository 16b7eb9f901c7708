/**
 * Site-wide gates, on every built page in headless Chromium:
 * - isolation: no request to any host but the site's own (no CDN, fonts, analytics);
 * - CSP: the page's policy breaks nothing (no console error, no CSP violation);
 * - accessibility: axe with the WCAG 2.2 AA rule set reports no violation.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useSiteAndBrowser } from '../support/harness.ts';
import { openWatched } from '../support/page.ts';
import { axeViolations } from '../support/axe.ts';
import { htmlFiles } from '../../scripts/lib/html-files.ts';

const dist = process.env.E2E_DIST ?? 'dist';
const paths = htmlFiles(dist).map((f) => f.slice(dist.length + 1).replace(/\\/g, '/').replace(/index\.html$/, ''));

const env = useSiteAndBrowser();

describe('every page', () => {
  it(`covers all ${paths.length} built pages`, () => {
    expect(paths.length).toBeGreaterThan(10);
  });

  it('loads with no foreign request, no console error or CSP violation, and no axe violation', { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    const context = await env.browser.newContext();
    // Two pages at a time: the machine has two cores, and each page mostly waits on the browser.
    const queue = [...paths];
    const worker = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const { page, errors, foreignRequests } = await openWatched(context as unknown as Browser, env.site.origin);
        const res = await page.goto(env.site.url + path, { waitUntil: 'load' });
        if (path !== '404.html' && res?.status() !== 200) problems.push(`/${path}: HTTP ${res?.status()}`);
        // Expressive Code makes wide code blocks focusable from a debounced observer: wait for it.
        await page.waitForFunction(() => [...document.querySelectorAll('.expressive-code pre')].every((p) => p.scrollWidth <= p.clientWidth || p.hasAttribute('tabindex')), undefined, { timeout: 5000 }).catch(() => undefined);
        for (const v of await axeViolations(page)) problems.push(`/${path}: axe ${v}`);
        for (const e of errors) if (!(path === '404.html' && /404/.test(e))) problems.push(`/${path}: console: ${e.slice(0, 200)}`);
        for (const u of foreignRequests) problems.push(`/${path}: request to another host: ${u}`);
        await page.close();
      }
    };
    await Promise.all([worker(), worker()]);
    await context.close();
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
