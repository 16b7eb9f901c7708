/**
 * Site-wide gates, on every built page in headless Chromium:
 * - isolation: no request to any host but the site's own (no CDN, fonts, analytics);
 * - CSP: the page's policy breaks nothing (no console error, no CSP violation);
 * - accessibility: axe with the WCAG 2.2 AA rule set reports no violation.
 *
 * axe looks at the whole page once per layout (the first page of each folder, and every page whose
 * folder is a set of one-off tools: home, start, tools, flowcharts, console, 404). On the other pages of a
 * folder the header, sidebar and footer are that folder's own, already checked; there axe checks what
 * differs from page to page: the content (main) and the table of contents built from it. This keeps the
 * gate on all pages inside the 10-minute budget of npm test (whole-page axe on all of them took ~4 min).
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useSiteAndBrowser } from '../support/harness.ts';
import { openWatched } from '../support/page.ts';
import { axeViolations } from '../support/axe.ts';
import { htmlFiles } from '../../scripts/lib/html-files.ts';
import { wholePageAxe } from '../support/axe-plan.ts';

const dist = process.env.E2E_DIST ?? 'dist';
const paths = htmlFiles(dist).map((f) => f.slice(dist.length + 1).replace(/\\/g, '/').replace(/index\.html$/, ''));
const whole = wholePageAxe(paths);

const env = useSiteAndBrowser();

describe('every page', () => {
  it(`covers all ${paths.length} built pages, ${whole.size} of them with whole-page axe`, () => {
    expect(paths.length).toBeGreaterThan(10);
    // every folder has one page checked whole
    const folders = new Set(paths.map((p) => p.split('/')[0]));
    for (const f of folders) expect([...whole].some((p) => p.split('/')[0] === f), f).toBe(true);
  });

  it('loads with no foreign request, no console error or CSP violation, and no axe violation', { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    const context = await env.browser.newContext();
    // Two pages at a time (two cores); each worker navigates one tab from page to page.
    const queue = [...paths];
    const worker = async () => {
      const { page, errors, foreignRequests } = await openWatched(context as unknown as Browser, env.site.origin);
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        errors.length = 0;
        foreignRequests.length = 0;
        const res = await page.goto(env.site.url + path, { waitUntil: 'load' });
        if (path !== '404.html' && res?.status() !== 200) problems.push(`/${path}: HTTP ${res?.status()}`);
        // Expressive Code makes wide code blocks focusable from a debounced observer: wait for it.
        await page.waitForFunction(() => [...document.querySelectorAll('.expressive-code pre')].every((p) => p.scrollWidth <= p.clientWidth || p.hasAttribute('tabindex')), undefined, { timeout: 5000 }).catch(() => undefined);
        const violations = whole.has(path) ? await axeViolations(page) : await axeViolations(page, ['main', '.right-sidebar-container']);
        for (const v of violations) problems.push(`/${path}: axe ${v}`);
        for (const e of errors) if (!(path === '404.html' && /404/.test(e))) problems.push(`/${path}: console: ${e.slice(0, 200)}`);
        for (const u of foreignRequests) problems.push(`/${path}: request to another host: ${u}`);
      }
      await page.close();
    };
    await Promise.all([worker(), worker()]);
    await context.close();
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
