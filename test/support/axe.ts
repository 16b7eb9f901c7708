/** Run axe-core (WCAG 2.2 AA rule set) in a page and return its violations, one line each. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// Injected through the DevTools protocol (page.evaluate), which the page's CSP does not govern:
// a <script> tag would be refused, and bypassing CSP would hide real violations.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** `selector`: check only these parts of the page (one selector or several); none: the whole document. */
export async function axeViolations(page: Page, selector?: string | string[]): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async ([tags, sel]) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      // parts a page does not have (a page without a table of contents) are skipped; none at all is an error
      const present = sel.filter((s) => document.querySelector(s));
      if (sel.length && !present.length) return [`nothing to check: no element matches ${sel.join(', ')}`];
      // resultTypes: only violations are read, so axe need not gather every passing node
      const r = await axe.run(sel.length ? { include: present.map((s) => [s]) } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    },
    [WCAG_TAGS, selector === undefined ? [] : [selector].flat()] as const,
  );
  return violations;
}
