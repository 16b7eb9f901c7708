/**
 * Every event / message / topic playbook opens with the 「ティア 1 の対応」 box, built from its frontmatter:
 * a labelled section before the 症状 heading with the four parts and every item of the page's `tier1`,
 * and, on pages with sensitive topics, the link to the social-engineering guide. Flowcharts have no box.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import type { Catalogue } from '../../src/lib/catalogue/types.ts';
import { fold, readBuiltSite, type BuiltPage } from '../support/built-site.ts';

const cat = JSON.parse(readFileSync('src/generated/catalogue.json', 'utf8')) as Catalogue;
const pages = new Map(readBuiltSite().map((p) => [p.url, p]));
const playbooks = cat.playbooks.filter((p) => p.kind !== 'flowchart');
const PARTS = ['利用者に伝えること', '聞き取って控えること', 'しないこと・言わないこと', 'エスカレーションするとき'];

/** Position of the box and of the 症状 heading in document order (-1 when absent). */
function order(page: BuiltPage): { box: number; symptom: number } {
  let i = 0;
  let box = -1;
  let symptom = -1;
  visit(page.tree, 'element', (el: Element) => {
    i++;
    if (box < 0 && el.tagName === 'section' && (el.properties.className as string[] | undefined)?.includes('t1')) box = i;
    if (symptom < 0 && el.tagName === 'h2' && el.properties.id === '症状') symptom = i;
  });
  return { box, symptom };
}

describe('tier 1 box on every playbook', () => {
  it('covers every event, message and topic playbook of the catalogue', () => {
    expect(playbooks.length).toBeGreaterThanOrEqual(100);
    const missing = playbooks.filter((p) => !pages.has(p.url)).map((p) => p.url);
    expect(missing).toEqual([]);
  });

  it('every playbook shows its own tier1 text in a labelled box before 症状', () => {
    const problems: string[] = [];
    for (const p of playbooks) {
      const page = pages.get(p.url)!;
      const box = select('section.t1', page.tree);
      if (!box || !p.tier1) {
        problems.push(`${p.url}: no box${p.tier1 ? '' : ' (no tier1 in frontmatter)'}`);
        continue;
      }
      const heading = select('h2', box);
      if (!heading || fold(toText(heading)) !== 'ティア 1 の対応') problems.push(`${p.url}: heading is "${heading ? toText(heading) : ''}"`);
      if (box.properties.ariaLabelledBy?.toString() !== String(heading?.properties.id)) problems.push(`${p.url}: section not labelled by its heading`);
      const labels = selectAll('h3', box).map((h) => fold(toText(h)));
      if (labels.join('|') !== PARTS.join('|')) problems.push(`${p.url}: parts ${labels.join('|')}`);
      const text = fold(toText(box));
      for (const item of [p.tier1.tell, ...p.tier1.collect, ...p.tier1.dont, p.tier1.escalate]) {
        if (!text.includes(fold(item))) problems.push(`${p.url}: box lacks "${item.slice(0, 40)}"`);
      }
      const items = selectAll('li', box).length;
      const expected = p.tier1.collect.length + p.tier1.dont.length + (p.sensitive.length > 0 ? 1 : 0);
      if (items !== expected) problems.push(`${p.url}: ${items} list items, expected ${expected}`);
      const { box: at, symptom } = order(page);
      if (symptom < 0 || at > symptom) problems.push(`${p.url}: box is not before the 症状 heading`);
      const guideLink = selectAll('a[href]', box).some((a) => String(a.properties.href).endsWith('/guides/social-engineering/'));
      if (guideLink !== p.sensitive.length > 0) problems.push(`${p.url}: social-engineering link ${guideLink ? 'on a page without' : 'missing on a page with'} sensitive topics`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the page callers reach most often says first what to tell them, and warns about the non-IPsec peer', () => {
    const page = pages.get('/ike-main-mode/no-response/')!;
    const box = select('section.t1', page.tree)!;
    expect(fold(toText(select('.t1-tell', box)!))).toContain('相手が IPsec を使わない機器か、経路か相手側の問題です');
    expect(Boolean(select('.pb-card', page.tree)), 'social-engineering card').toBe(true);
  });

  it('flowcharts have no box', () => {
    const flows = cat.playbooks.filter((p) => p.kind === 'flowchart');
    expect(flows.length).toBe(3);
    for (const f of flows) expect(Boolean(select('section.t1', pages.get(f.url)!.tree)), f.url).toBe(false);
  });

  it('long English event samples are folded, and their text is still in 症状', () => {
    const page = pages.get('/ike-main-mode/no-response/')!;
    const folded = selectAll('details.pb-sample', page.tree);
    expect(folded).toHaveLength(2);
    expect(fold(toText(select('summary', folded[0])!))).toBe('英語版 Windows のイベント全体の例');
    expect(page.sections.get('症状')).toContain('Failure Reason: No response from peer');
  });
});
