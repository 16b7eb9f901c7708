/**
 * Japanese line breaking in Chromium, on a laptop (1366 × 900) and a phone (390 × 844):
 * - no page of a representative set scrolls sideways (long codes wrap instead);
 * - table header cells never put a lone character on a line (「対/象」, 「エラ/ー コ/ード」);
 * - flowchart diagram labels have no one-character line and no line runs out of its box;
 * - the decoder page with a long registry path, GUID and thumbprint decoded still fits.
 * Lines are measured from the layout: every character's rectangle (Range.getClientRects), grouped
 * by its line's top.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useSiteAndBrowser } from '../support/harness.ts';
import { openWatched } from '../support/page.ts';

const env = useSiteAndBrowser();
const SIZES = [
  { name: 'laptop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];
const PAGES = [
  'ike-main-mode/event-547/', // a playbook with tables
  'reference/error-codes/',
  'reference/event-ids/', // the widest table (6 columns)
  'reference/registry/',
  'reference/extension-guids/',
  'flowcharts/first-diagnosis/',
  'flowcharts/callers-computer/',
  'flowcharts/target-computer/',
];

/** Cells whose text has a line with one character (of two or more), as "text: line/line". */
async function loneCharacterCells(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    const content = /[^\s、。，．・：；？！」』）)\]〕】,.:;!?「『（(［〔【|/]/u;
    for (const el of document.querySelectorAll(sel)) {
      if (!(el as HTMLElement).offsetParent) continue;
      const lines = new Map<number, string>();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n.textContent ?? '';
        let i = 0;
        for (const ch of t) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + ch.length);
          i += ch.length;
          const rect = [...r.getClientRects()].find((x) => x.width > 0);
          if (!rect) continue;
          const top = Math.round(rect.top / 4);
          lines.set(top, (lines.get(top) ?? '') + ch);
        }
      }
      const all = [...lines.values()];
      const chars = all.join('').split('').filter((c) => content.test(c)).length;
      if (chars >= 2 && all.some((l) => l.split('').filter((c) => content.test(c)).length === 1)) out.push(`${el.textContent?.trim()}: ${[...lines.keys()].sort((a, b) => a - b).map((k) => lines.get(k)).join('/')}`);
    }
    return out;
  }, selector);
}

/** Diagram labels (one <text> per line, grouped per box or arrow) with a line of one character. */
async function loneCharacterLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const content = /[^\s、。，．・：；？！」』）)\]〕】,.:;!?「『（(［〔【|/]/u;
    const count = (s: string) => [...s].filter((c) => content.test(c)).length;
    const out: string[] = [];
    for (const g of document.querySelectorAll('main svg.fc-svg .fc-b, main svg.fc-svg .fc-edges > g')) {
      const lines = [...g.querySelectorAll('text:not(.fc-h)')].map((t) => t.textContent ?? '');
      if (count(lines.join('')) >= 2 && lines.some((l) => count(l) === 1)) out.push(lines.join('/'));
    }
    return out;
  });
}

async function sideways(page: Page): Promise<{ scrollWidth: number; innerWidth: number; widest: string }> {
  return page.evaluate(() => {
    const doc = document.scrollingElement!;
    let widest = '';
    let right = window.innerWidth;
    for (const el of document.querySelectorAll('main *')) {
      const r = el.getBoundingClientRect();
      if (r.right > right + 1 && getComputedStyle(el).position !== 'fixed') {
        right = r.right;
        widest = `${el.tagName.toLowerCase()}.${(el as HTMLElement).className} (${Math.round(r.right)} px)`;
      }
    }
    return { scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth, widest };
  });
}

describe.each(SIZES)('Japanese text at $name size ($width × $height)', ({ width, height }) => {
  it.each(PAGES)('/%s: no sideways scroll, no lone character in table headers or diagram labels', async (path) => {
    const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const { page, errors } = await openWatched(context as unknown as Browser, env.site.origin);
    await page.goto(`${env.site.url}${path}`, { waitUntil: 'load' });
    const s = await sideways(page);
    expect(s.scrollWidth, `page is ${s.scrollWidth} px wide at ${s.innerWidth} px; widest: ${s.widest}`).toBeLessThanOrEqual(s.innerWidth);
    expect(await loneCharacterCells(page, 'main th')).toEqual([]);
    expect(await loneCharacterLabels(page)).toEqual([]);
    if (path.startsWith('flowcharts/')) {
      expect(await page.locator('main svg.fc-svg text').count()).toBeGreaterThan(20);
      // every line of a box stays inside its box
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('svg.fc-svg .fc-b')].flatMap((g) => {
          const box = g.querySelector('rect, polygon')!.getBoundingClientRect();
          return [...g.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().right > box.right + 1).map((t) => t.textContent);
        }),
      );
      expect(outside).toEqual([]);
    }
    if (path === 'ike-main-mode/event-547/') expect(await page.locator('main th').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('/tools/decoder/ with a long path, GUID and thumbprint decoded: no sideways scroll', async () => {
    const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
    const { page, errors } = await openWatched(context as unknown as Browser, env.site.origin);
    await page.goto(`${env.site.url}tools/decoder/`, { waitUntil: 'networkidle' });
    const long = [
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\IPSec\\Policy\\Local\\ipsecPolicy{72385230-70FA-11D1-864C-14A300000000}\\ipsecNFAReference',
      'Certificate thumbprint: 3B1EFD3A66EA28B16697394703A72CA340A05BD5A8E0F3C1D2B4A6978877665544332211',
      'エラー コード: 0x80073616 (ERROR_IPSEC_IKE_NEGOTIATION_FAILED_BECAUSE_OF_A_VERY_LONG_REASON_NAME)',
    ].join('\n');
    await page.locator('ipsec-decoder textarea').first().fill(long);
    await page.locator('ipsec-decoder button[type=submit]').first().click();
    await expect.poll(() => page.locator('ipsec-decoder [data-status]').first().innerText(), { timeout: 15_000 }).toMatch(/解析が終わりました|見つかりません|できませんでした/);
    const results = await page.locator('ipsec-decoder [data-results]').first().innerText();
    expect(results).toContain('0x80073616');
    const s = await sideways(page);
    expect(s.scrollWidth, `page is ${s.scrollWidth} px wide at ${s.innerWidth} px; widest: ${s.widest}`).toBeLessThanOrEqual(s.innerWidth);
    expect(await loneCharacterCells(page, 'main th')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
