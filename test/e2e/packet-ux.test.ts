/**
 * The escalation packet at 1366×900 and 390×844: redaction on by default (as in the decoder), only the
 * files every computer writes ticked, and the Markdown's flowchart steps a real ordered list (parsed
 * with remark, as a ticket system would render it). axe finds nothing; the page fits a phone.
 */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import type { List, Paragraph } from 'mdast';
import { useSiteAndBrowser } from '../support/harness.ts';
import { SIZES, openAt } from '../support/viewports.ts';
import { axeViolations } from '../support/axe.ts';

const env = useSiteAndBrowser();
const PATH = 'chart=flowcharts/callers-computer&path=service_running.rras_stopped.account_ok.refresh_not-fixed';

describe.each(SIZES)('escalation packet at $name', (size) => {
  it('redacts by default and ticks only the files written on every computer', async () => {
    const { context, page, errors } = await openAt(env.browser, size, env.site.origin, `${env.site.url}tools/escalation-packet/?${PATH}`);
    expect(await page.locator('[data-redact]').isChecked()).toBe(true);
    await page.fill('#pk-caller', 'PC-0423');
    await page.fill('#pk-target', 'fs01.corp.example.com');
    const plain = await page.inputValue('#pk-plain');
    expect(plain).not.toMatch(/PC-0423|fs01/);
    expect(plain).toContain('<HOST-1>_gpresult.txt');
    const ticked = await page.locator('input[name="files"]:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(ticked).toContain('<コンピュータ名>_gpresult.txt');
    expect(ticked).toContain('<コンピュータ名>_<サーバー名>_ping.txt');
    for (const f of ['ipseccmd_show_all.txt', 'netsh_show_all.txt', 'netsh_show_gpo.txt', 'oakley.log', 'lsass.log']) expect(ticked.some((t) => t.endsWith(f)), f).toBe(false);
    expect(plain).not.toContain('ipseccmd_show_all');
    expect(plain).not.toContain('netsh_show_gpo');
    // ticking a conditional file puts it in the packet
    await page.check('input[name="files"][value="<コンピュータ名>_oakley.log"]');
    await expect.poll(() => page.inputValue('#pk-plain')).toContain('<HOST-1>_oakley.log');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.viewport.width);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('writes the flowchart steps in Markdown as an ordered list, the result after it', async () => {
    const { context, page } = await openAt(env.browser, size, env.site.origin, `${env.site.url}tools/escalation-packet/?${PATH}`);
    const md = await page.inputValue('#pk-markdown');
    expect(md).not.toMatch(/^\\\d/m);
    const tree = unified().use(remarkParse).parse(md);
    const lists = tree.children.filter((n): n is List => n.type === 'list' && !!n.ordered);
    expect(lists).toHaveLength(1);
    const steps = lists[0].children.map((i) => toString(i));
    expect(steps).toHaveLength(4);
    // each item is one answered question: its tag (Q<n> in the chart's order), the question, → the answer
    for (const step of steps) expect(step).toMatch(/^Q\d+ .+ → \S/);
    expect(steps[0]).toMatch(/^Q1 /);
    const paras = tree.children.filter((n): n is Paragraph => n.type === 'paragraph').map((p) => toString(p));
    expect(paras.some((p) => p.startsWith('結果: 未修正 — '))).toBe(true);
    await context.close();
  });
});
