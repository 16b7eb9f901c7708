/**
 * Guided triage in a real env.browser, against the built site (E2E_DIST, default dist/):
 *  - each flowchart walked from its first question to an ending with the keyboard only;
 *  - the answers live in the URL: a reload (and a link handed to someone else) lands on the same step;
 *  - 7.1 hands over to 7.3, whose escalation ending opens the packet with both paths;
 *  - the packet with redaction on has no address or name left;
 *  - the training scores; print shows link addresses and hides the chrome;
 *  - axe-core finds no WCAG 2.2 AA violation on the flowchart, packet, training and guide pages.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useSiteAndBrowser } from '../support/harness.ts';
import { openWatched } from '../support/page.ts';
import { axeViolations } from '../support/axe.ts';

const env = useSiteAndBrowser();

const visibleStep = '.fc-steps > section:not([hidden])';

/** Press Tab until the focused element matches `selector` (keyboard only, no clicks). */
async function tabTo(page: Page, selector: string, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Answer the current question by its key, with the keyboard: Tab to the button, press Enter. */
async function answerWithKeyboard(page: Page, key: string): Promise<void> {
  const before = await page.evaluate(() => location.search);
  await tabTo(page, `${visibleStep} button.fc-answer[data-key="${key}"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((b) => location.search !== b, before);
  // Focus moves to the heading of the new step.
  await page.waitForFunction((sel) => document.activeElement?.matches(`${sel} h3`) ?? false, visibleStep);
}

async function currentHeading(page: Page): Promise<string> {
  return (await page.locator(`${visibleStep} h3`).innerText()).replace(/\s+/g, ' ');
}

async function pathParam(page: Page): Promise<string | null> {
  return page.evaluate(() => new URLSearchParams(location.search).get('path'));
}

describe('flowchart 7.1 → 7.3 → escalation packet, keyboard only', () => {
  it('walks 7.1 to the hand-over, follows it into 7.3, ends in escalation and opens the packet with both paths', async () => {
    const { page, errors, foreignRequests } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}flowcharts/first-diagnosis/`, { waitUntil: 'networkidle' });
    expect(await currentHeading(page)).toContain('Q1');
    expect(await page.locator('[data-back]').isDisabled()).toBe(true);

    const first = ['retry_fails', 'scope_one', 'nslookup_ok', 'ping-ip_ok', 'reverse_ok', 'app_ng'];
    for (const [i, token] of first.entries()) {
      await answerWithKeyboard(page, token.split('_')[1]);
      expect(await pathParam(page)).toBe(first.slice(0, i + 1).join('.'));
      expect(await currentHeading(page)).toContain(`ステップ ${i + 2}`);
    }
    // The breadcrumb lists every answer and the current question.
    expect(await page.locator('[data-crumbs] li').count()).toBe(first.length + 1);
    expect(await page.locator('[data-crumbs] li[aria-current="step"]').innerText()).toContain('テスト用コンピューター');
    // The aria-live region said what happened.
    await expect.poll(() => page.locator('[data-live]').innerText()).toContain('を選びました');

    await answerWithKeyboard(page, 'ok'); // test-host: only the target fails → 7.3
    expect(await currentHeading(page)).toContain('図 7.3 に進みます');
    const goto = page.locator(`${visibleStep} a[data-goto-link]`);
    expect(await goto.getAttribute('href')).toContain('prev=flowcharts%2Ffirst-diagnosis%3Aretry_fails.scope_one.nslookup_ok.ping-ip_ok.reverse_ok.app_ng.test-host_ok');
    await tabTo(page, `${visibleStep} a[data-goto-link]`);
    await Promise.all([page.waitForURL(/\/flowcharts\/target-computer\/\?prev=/), page.keyboard.press('Enter')]);
    await page.waitForSelector(`${visibleStep} h3`);
    expect(await page.locator('[data-prev]').innerText()).toContain('図 7.1');

    const third = ['rras_no', 'restricted_no', 'others_ok', 'refresh_not-fixed', 'large-ping_ok'];
    for (const token of third) await answerWithKeyboard(page, token.slice(token.indexOf('_') + 1));
    expect(await pathParam(page)).toBe(third.join('.'));
    expect(await currentHeading(page)).toContain('未修正');
    expect(await page.locator(`${visibleStep}`).getAttribute('data-outcome')).toBe('ipsec-escalate');

    const packetLink = page.locator(`${visibleStep} a[data-packet-link]`);
    const href = (await packetLink.getAttribute('href'))!;
    const q = new URL(href, env.site.url).searchParams;
    expect(q.get('chart')).toBe('flowcharts/target-computer');
    expect(q.get('path')).toBe(third.join('.'));
    expect(q.get('prev')).toBe(`flowcharts/first-diagnosis:${first.join('.')}.test-host_ok`);
    await tabTo(page, `${visibleStep} a[data-packet-link]`);
    await Promise.all([page.waitForURL(/\/tools\/escalation-packet\/\?/), page.keyboard.press('Enter')]);
    await page.waitForSelector('[data-path-view] ol');
    const plain = await page.inputValue('#pk-plain');
    expect(plain).toContain('図 7.1 最初の切り分け');
    expect(plain).toContain('→ 図 7.3「対象コンピューター」へ進んだ');
    expect(plain).toContain('結果: 未修正 — 対象との IPsec の問題 (未解決)');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });
});

describe('flowchart 7.2, keyboard only, state in the URL', () => {
  it('walks to an ending, survives a reload, goes back with the button and with the browser', async () => {
    const { page, errors } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}flowcharts/callers-computer/`, { waitUntil: 'networkidle' });
    await answerWithKeyboard(page, 'running');
    await answerWithKeyboard(page, 'stopped');
    expect(await pathParam(page)).toBe('service_running.rras_stopped');
    const step3 = await currentHeading(page);
    expect(step3).toContain('ドメイン アカウント');

    // Reload: same step.
    await page.reload({ waitUntil: 'networkidle' });
    expect(await currentHeading(page)).toBe(step3);
    expect(await page.locator('[data-crumbs] li').count()).toBe(3);

    // A link handed to another agent lands on the same step.
    const other = await env.browser.newPage();
    await other.goto(page.url(), { waitUntil: 'networkidle' });
    expect(await currentHeading(other)).toBe(step3);
    await other.close();

    await answerWithKeyboard(page, 'ok');
    const refresh = page.locator(visibleStep);
    expect(await refresh.innerText()).toContain('Refresh_IPsec_Policy.vbs');
    expect(await refresh.locator('.fc-note').innerText()).toMatch(/Kerberos.*グループ ポリシー/s);
    await answerWithKeyboard(page, 'fixed');
    expect(await currentHeading(page)).toContain('修正済 / 未特定');
    expect(await pathParam(page)).toBe('service_running.rras_stopped.account_ok.refresh_fixed');

    // Back with the wizard's button (keyboard).
    await tabTo(page, '[data-back]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('path') === 'service_running.rras_stopped.account_ok');
    expect(await currentHeading(page)).toContain('Refresh_IPsec_Policy.vbs');
    // Back with the env.browser.
    await page.goBack();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('path') === 'service_running.rras_stopped.account_ok.refresh_fixed');
    expect(await currentHeading(page)).toContain('修正済 / 未特定');
    // Restart.
    await tabTo(page, '[data-restart]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('path'));
    expect(await currentHeading(page)).toContain('Q1');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the social-engineering card on steps that touch sensitive information, in the wizard', async () => {
    const { page } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}flowcharts/target-computer/?path=rras_no.restricted_yes`, { waitUntil: 'networkidle' });
    const step = page.locator(visibleStep);
    expect(await step.getAttribute('data-node')).toBe('membership');
    expect(await step.locator('aside.pb-card').count()).toBe(1);
    expect(await step.locator('aside.pb-card').innerText()).toContain('最も厳しく制限されたサーバー');
    await page.close();
  });

  it('keeps what it can of a damaged link and says so', async () => {
    const { page } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}flowcharts/first-diagnosis/?path=retry_fails.scope_maybe`, { waitUntil: 'networkidle' });
    expect(await page.locator('[data-notice]').innerText()).toContain('scope_maybe');
    expect(await pathParam(page)).toBe('retry_fails');
    expect(await page.locator(visibleStep).getAttribute('data-node')).toBe('scope');
    await page.close();
  });
});

describe('flowchart diagram', () => {
  it('is an SVG drawn at build time with a text alternative', async () => {
    const { page } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}flowcharts/target-computer/`);
    const svg = page.locator('svg.fc-svg');
    expect(await svg.getAttribute('role')).toBe('img');
    const described = await svg.getAttribute('aria-describedby');
    expect(await page.locator(`#${described}`).innerText()).toContain('図の内容 (テキスト)');
    expect(await svg.locator('text', { hasText: 'Q1' }).count()).toBeGreaterThan(0);
    const items = page.locator('details.fc-text ol.fc-text-nodes > li');
    expect(await items.count()).toBe(7);
    await page.close();
  });
});

describe('escalation packet', () => {
  it('produces ticket text with redaction on: no address or name left', async () => {
    const { page, errors, foreignRequests } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}tools/escalation-packet/?chart=flowcharts/callers-computer&path=service_running.rras_stopped.account_ok.refresh_not-fixed`, { waitUntil: 'networkidle' });
    await page.fill('#pk-caller', 'PC-0423');
    await page.fill('#pk-target', 'fs01.corp.example.com');
    await page.fill('#pk-user', 'CORP\\yamada');
    await page.fill('#pk-findings', 'IKE Peer Addr 192.168.10.20\nSource IP Address 10.1.2.3\nPeer: host/fs01.corp.example.com\nfe80::1c2b:3a4d:5e6f:7a8b%11');
    // Redaction is on and only the always-written files are ticked by default (packet-ux.test.ts):
    // start from the raw text with oakley.log attached, then turn redaction on with the keyboard.
    await page.check('input[name="files"][value="<コンピュータ名>_oakley.log"]');
    await page.uncheck('[data-redact]');
    let plain = await page.inputValue('#pk-plain');
    expect(plain).toContain('192.168.10.20');
    expect(plain).toContain('PC-0423_oakley.log');

    await tabTo(page, '[data-redact]');
    await page.keyboard.press('Space');
    await expect.poll(() => page.inputValue('#pk-plain')).toContain('<HOST-1>');
    plain = await page.inputValue('#pk-plain');
    const markdown = await page.inputValue('#pk-markdown');
    for (const text of [plain, markdown]) {
      expect(text).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b(?<!255\.255\.255\.255)/);
      expect(text).not.toMatch(/fe80|PC-0423|fs01|yamada|example\.com|CORP\\/i);
    }
    expect(plain).toContain('<HOST-1>_oakley.log');
    expect(plain).toMatch(/IKE Peer Addr <IP-\d+>/);
    expect(plain).toContain('結果: 未修正 — 連絡者のコンピューターの IPsec の問題 (未解決)');
    // The placeholder table stays on screen only.
    expect(await page.locator('[data-table-body] tr').count()).toBeGreaterThan(3);
    expect(plain).not.toContain('元の値');

    // Nothing is stored until asked; the draft can be cleared.
    // (Starlight keeps its own theme choice in localStorage; only our keys matter here.)
    const ours = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ipsec-playbooks')));
    expect(await ours()).toEqual([]);
    await tabTo(page, '[data-draft-save]');
    await page.keyboard.press('Enter');
    await expect.poll(ours).toEqual(['ipsec-playbooks:escalation-draft']);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('[data-draft-notice]').isVisible()).toBe(true);
    expect(await page.inputValue('#pk-caller')).toBe('');
    await tabTo(page, '[data-draft-load]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.inputValue('#pk-caller')).toBe('PC-0423');
    await tabTo(page, '[data-draft-clear]');
    await page.keyboard.press('Enter');
    await expect.poll(ours).toEqual([]);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });
});

describe('training', () => {
  it('gives immediate feedback and a score at the end', async () => {
    const { page, errors } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}tools/training/`, { waitUntil: 'networkidle' });
    const items = page.locator('.tr-scenario');
    const n = await items.count();
    expect(n).toBeGreaterThanOrEqual(12);
    // The first call with the keyboard: Tab to its choices, arrow to the right one, Enter.
    const firstRight = await page.evaluate(() => {
      const data = JSON.parse(document.querySelector<HTMLElement>('training-quiz')!.dataset.quiz!);
      return data.scenarios[0].choices.findIndex((c: { correct: boolean }) => c.correct);
    });
    await tabTo(page, '.tr-scenario:first-child input[type="radio"]');
    await page.keyboard.press('Space');
    for (let i = 0; i < firstRight; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const fb = items.first().locator('[data-feedback]');
    await expect.poll(() => fb.innerText()).toContain('正しい対応です');
    expect(await page.evaluate(() => document.activeElement?.matches('[data-feedback]'))).toBe(true);
    // The rest: always the first choice.
    for (let i = 1; i < n; i++) {
      const item = items.nth(i);
      await item.locator('input[type="radio"]').first().check();
      await item.locator('[data-submit]').click();
      await expect.poll(() => item.locator('[data-feedback]').isVisible()).toBe(true);
    }
    const result = page.locator('[data-result]');
    await expect.poll(() => result.isVisible()).toBe(true);
    const expected = await page.evaluate(() => {
      const data = JSON.parse(document.querySelector<HTMLElement>('training-quiz')!.dataset.quiz!);
      return 1 + data.scenarios.slice(1).filter((s: { choices: { correct: boolean }[] }) => s.choices[0].correct).length;
    });
    expect(await result.locator('[data-score]').innerText()).toContain(`${n} 問中 ${expected} 問正解`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('print', () => {
  it('hides navigation, shows link addresses and opens the flowchart text', async () => {
    const { page } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}flowcharts/first-diagnosis/`, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.sidebar').isVisible()).toBe(false);
    expect(await page.locator('.fc-wizard-wrap').isVisible()).toBe(false);
    expect(await page.locator('svg.fc-svg').isVisible()).toBe(true);
    expect(await page.locator('.fc-text-nodes > li').first().isVisible()).toBe(true);
    const after = await page.evaluate(() => {
      const a = document.querySelector('main .sl-markdown-content a[href^="/"]')!;
      return getComputedStyle(a, '::after').content;
    });
    expect(after).toContain('/flowcharts/');
    await page.goto(`${env.site.url}tools/training/`, { waitUntil: 'networkidle' });
    expect(await page.locator('.tr-explain').first().isVisible()).toBe(true);
    await page.close();
  });
});

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  const pages = [
    'flowcharts/first-diagnosis/',
    'flowcharts/callers-computer/?path=service_running.rras_running',
    'flowcharts/target-computer/?path=rras_no.restricted_yes.membership_not-member',
    'tools/escalation-packet/?chart=flowcharts/target-computer&path=rras_yes',
    'tools/training/',
    'guides/social-engineering/',
  ];
  for (const path of pages) {
    it(`${path} has no violations`, async () => {
      const { page } = await openWatched(env.browser, env.site.origin);
      await page.goto(`${env.site.url}${path}`, { waitUntil: 'networkidle' });
      // Open the flowchart text alternative so it is checked too.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('training after answering (feedback and result shown) has no violations', async () => {
    const { page } = await openWatched(env.browser, env.site.origin);
    await page.goto(`${env.site.url}tools/training/`, { waitUntil: 'networkidle' });
    const items = page.locator('.tr-scenario');
    for (let i = 0; i < (await items.count()); i++) {
      await items.nth(i).locator('input[type="radio"]').first().check();
      await items.nth(i).locator('[data-submit]').click();
    }
    await expect.poll(() => page.locator('[data-result]').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
