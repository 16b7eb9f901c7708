/**
 * The accessibility gate's own check: axe reports planted faults, and only those inside the part it is told to
 * check. (A gate that reports nothing would pass every page.)
 */
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/harness.ts';
import { axeViolations } from '../support/axe.ts';

const env = useSiteAndBrowser();
// a missing alt text inside main, and a button with no name outside it
const BROKEN = '<!doctype html><html lang="ja"><head><title>t</title></head><body><main><h1>t</h1><img src="x.png"></main><button></button></body></html>';

describe('axe harness', () => {
  it('reports planted violations, on the whole page and on the part it is given', async () => {
    const page = await env.browser.newPage();
    await page.route(`${env.site.url}planted-fault/`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: BROKEN }));
    await page.goto(`${env.site.url}planted-fault/`, { waitUntil: 'load' });
    expect((await axeViolations(page)).map((v) => v.split(' ')[0]).sort()).toEqual(['button-name', 'image-alt']);
    expect((await axeViolations(page, 'main')).map((v) => v.split(' ')[0])).toEqual(['image-alt']);
    await page.close();
  });
});
