/**
 * The decoder where people use it: the decoder page, the widget embedded in a playbook, the
 * search box recognising a pasted event, and the bundle drop. Nothing leaves the page.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useSiteAndBrowser } from '../support/harness.ts';
import { openWatched } from '../support/page.ts';

const env = useSiteAndBrowser();

const EVENT_547 = [
  'Event Type:\tFailure Audit',
  'Event Source:\tSecurity',
  'Event Category:\tLogon/Logoff',
  'Event ID:\t547',
  'Date:\t\t5/30/2005',
  'Time:\t\t10:15:42 AM',
  'Computer:\tCLIENT01',
  'Description:',
  'IKE security association negotiation failed.',
  'Mode:',
  'Key Exchange Mode (Main Mode)',
  '',
  'Filter:',
  'Source IP Address 192.168.0.10',
  'Source IP Address Mask 255.255.255.255',
  'Destination IP Address 192.168.0.20',
  'Destination IP Address Mask 255.255.255.255',
  'Protocol 0',
  'Source Port 0',
  'Destination Port 0',
  '',
  'Peer Identity:',
  'Kerberos based Identity: host/server1.example.com',
  'Peer IP Address: 192.168.0.20',
  '',
  'Failure Point:',
  'Me',
  '',
  'Failure Reason:',
  'No response from peer',
].join('\n');

async function decodeOn(page: Page, text: string) {
  const box = page.locator('ipsec-decoder textarea').first();
  await box.focus();
  await box.fill(text);
  await page.locator('ipsec-decoder button[type=submit]').first().click();
  await expect.poll(() => page.locator('ipsec-decoder [data-status]').first().innerText(), { timeout: 15_000 }).toMatch(/解析が終わりました|見つかりません|できませんでした/);
}

describe('decoder page', () => {
  it('decodes a pasted 547 with the keyboard, links the remedy, and makes no request while decoding', async () => {
    const { page, errors, foreignRequests } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}tools/decoder/`, { waitUntil: 'networkidle' });
    const box = page.locator('ipsec-decoder textarea').first();
    // the decoder preloads on focus (its worker and library chunks): wait for the worker script, then for a quiet
    // moment (the page already reached networkidle at goto, so waiting for that state again returns at once)
    const workerLoaded = page.waitForResponse((r) => r.url().includes('decode-worker'));
    let lastRequest = Date.now();
    page.on('request', () => (lastRequest = Date.now()));
    await box.focus();
    await workerLoaded;
    await expect.poll(() => Date.now() - lastRequest, { timeout: 10_000 }).toBeGreaterThan(500);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await box.fill(EVENT_547);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // the submit button follows the textarea
    await expect.poll(() => page.locator('ipsec-decoder [data-status]').innerText(), { timeout: 15_000 }).toContain('解析が終わりました');
    expect(requests, 'decoding made a network request').toEqual([]);
    const remedy = page.locator('ipsec-decoder a[href*="/ike-main-mode/no-response/"]').first();
    await expect.poll(() => remedy.count()).toBeGreaterThan(0);
    const results = await page.locator('ipsec-decoder [data-results]').innerText();
    expect(results).toContain('192.168.0.20');
    await remedy.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ike-main-mode\/no-response\/#/);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(page.url()).not.toContain('192.168');
    await page.close();
  });

  it('shows pasted markup as text, never as HTML', async () => {
    const { page } = await openWatched(env.browser, env.site.origin);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${env.site.url}tools/decoder/`);
    await decodeOn(page, '<img src=x onerror="alert(1)"> 13801 <script>alert(2)</script>');
    expect(await page.locator('ipsec-decoder [data-results] img, ipsec-decoder [data-results] script').count()).toBe(0);
    expect(await page.locator('ipsec-decoder [data-results]').textContent()).toContain('<img src=x');
    expect(dialogs).toBe(0);
    await page.close();
  });

  it('reads a set of IPsec_Debug.vbs files as one triage report', async () => {
    const { page } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}tools/decoder/`);
    await page.locator('ipsec-decoder input[type=file]').setInputFiles([
      { name: 'CLIENT01_ipsec_547_events.txt', mimeType: 'text/plain', buffer: Buffer.from(EVENT_547) },
      { name: 'CLIENT01_netdiag.txt', mimeType: 'text/plain', buffer: Buffer.from('IP Security test . . . . . . . . . : Passed\n') },
    ]);
    await expect.poll(() => page.locator('ipsec-decoder [data-status]').innerText(), { timeout: 15_000 }).toContain('解析が終わりました');
    const text = await page.locator('ipsec-decoder [data-results]').innerText();
    expect(text).toContain('CLIENT01_ipsec_547_events.txt');
    expect(text).toContain('CLIENT01_netdiag.txt');
    await page.close();
  });

  it('copies a redacted report for a ticket: the addresses are gone', async () => {
    const context = await env.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.origin });
    const page = await context.newPage();
    await page.goto(`${env.site.url}tools/decoder/`);
    await decodeOn(page, EVENT_547);
    await page.locator('ipsec-decoder [data-redact]').check();
    await page.locator('ipsec-decoder [data-copy-text]').click();
    await expect.poll(() => page.locator('ipsec-decoder [data-status]').innerText()).toContain('コピーしました');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.length).toBeGreaterThan(20);
    expect(copied).not.toContain('192.168.0.20');
    expect(copied).not.toContain('CLIENT01');
    await context.close();
  });
});

describe('large inputs', () => {
  const big = Array.from({ length: 400 }, (_, i) => EVENT_547.replace('10:15:42', `10:${String(i % 60).padStart(2, '0')}:00`)).join('\n\n');

  it('decodes a large export in a worker, with progress, and summarises it', async () => {
    const { page } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}tools/decoder/`);
    expect(big.length).toBeGreaterThan(100_000);
    // As a paste would: typing half a megabyte key by key is not what people do.
    await page.locator('ipsec-decoder textarea').first().evaluate((el, v) => ((el as HTMLTextAreaElement).value = v), big);
    await page.locator('ipsec-decoder button[type=submit]').click();
    await expect.poll(() => page.locator('ipsec-decoder [data-status]').innerText(), { timeout: 30_000 }).toContain('解析が終わりました');
    const summary = await page.locator('ipsec-decoder [data-results]').innerText();
    expect(summary).toContain('400');
    await page.close();
  });

  it('can be cancelled while it runs', async () => {
    const { page } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}tools/decoder/`);
    await page.locator('ipsec-decoder textarea').first().evaluate((el, v) => ((el as HTMLTextAreaElement).value = v), big.repeat(8));
    await page.locator('ipsec-decoder button[type=submit]').click();
    const cancel = page.locator('ipsec-decoder [data-cancel]');
    await cancel.waitFor({ state: 'visible' });
    await cancel.click();
    await expect.poll(() => page.locator('ipsec-decoder [data-status]').innerText()).toContain('中止しました');
    await page.close();
  });
});

describe('decoder embedded in a playbook', () => {
  it('is folded at the end of the page and decodes its own message', async () => {
    const { page } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}ike-main-mode/no-response/`);
    await page.locator('details.dec-fold > summary').click();
    await decodeOn(page, 'ピアから応答がありません');
    expect(await page.locator('ipsec-decoder a[href*="/ike-main-mode/no-response/"]').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('search box', () => {
  it('puts the playbook of an error code first, whatever its spelling', async () => {
    const { page } = await openWatched(env.browser, env.site.origin);
    await page.goto(env.site.url);
    await page.click('button[data-open-modal]');
    const input = page.locator('dialog[open] input.pagefind-ui__search-input');
    await input.waitFor();
    await input.fill('0x000035E9');
    const best = page.locator('dialog[open] .sa-panel a').first();
    await best.waitFor({ timeout: 15_000 });
    expect(await best.getAttribute('href')).toContain('/ike-auth/credentials-unacceptable/');
    await page.keyboard.press('Tab');
    await page.close();
  });

  it('normalises full-width letters before searching', async () => {
    const { page } = await openWatched(env.browser, env.site.origin);
    await page.goto(env.site.url);
    await page.click('button[data-open-modal]');
    const input = page.locator('dialog[open] input.pagefind-ui__search-input');
    await input.waitFor();
    await input.pressSequentially('ＩＫＥ セキュリティ属性は受け付けられません');
    await expect.poll(() => input.inputValue()).toBe('IKE セキュリティ属性は受け付けられません');
    const best = page.locator('dialog[open] .sa-panel a').first();
    await best.waitFor({ timeout: 15_000 });
    expect(await best.getAttribute('href')).toContain('/ike-main-mode/attributes-unacceptable/');
    await page.locator('dialog[open] .sa-results a').first().waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('puts the decoded answer first when an event is pasted', async () => {
    const context = await env.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.origin });
    const page = await context.newPage();
    await page.goto(env.site.url);
    await page.evaluate((t) => navigator.clipboard.writeText(t), EVENT_547);
    await page.click('button[data-open-modal]');
    const input = page.locator('dialog[open] input.pagefind-ui__search-input');
    await input.waitFor();
    await input.focus();
    await page.keyboard.press('Control+V');
    const panel = page.locator('dialog[open] .sa-panel');
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await panel.locator('a[href*="/ike-main-mode/no-response/"]').count()).toBeGreaterThan(0);
    await context.close();
  });
});
