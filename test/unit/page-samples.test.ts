/**
 * Every English event sample a modern or VPN playbook shows in its 症状 section decodes to that page:
 * the examples an agent copies from the page are the ones the decoder must know.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/lib/catalogue/types.ts';
import { listContentFiles } from '../../src/lib/catalogue/build.ts';
import { decode } from '../../src/lib/decode/index.ts';
import { pageIdFromPath } from '../../src/lib/site/page-id.ts';

const ROOT = join(import.meta.dirname, '../..');
const cat = JSON.parse(readFileSync(join(ROOT, 'src/generated/catalogue.json'), 'utf8')) as Catalogue;
const FAMILIES = ['modern-ike', 'modern-driver', 'modern-services', 'vpn'];

/** English ```text blocks of the 症状 section that look like an event (several lines, mostly ASCII). */
function samples(src: string): string[] {
  const sym = /\n## 症状\n([\s\S]*?)\n## /.exec(src)?.[1] ?? '';
  const out: string[] = [];
  for (const m of sym.matchAll(/```text\n([\s\S]*?)\n```/g)) {
    const b = m[1];
    const ascii = [...b].filter((c) => c.charCodeAt(0) < 128).length / Math.max(1, b.length);
    if (b.split('\n').length >= 3 && ascii > 0.95) out.push(b);
  }
  return out;
}

const files = listContentFiles(join(ROOT, 'playbooks')).filter((f) => FAMILIES.some((fam) => f.includes(`/playbooks/${fam}/`)));

describe('English samples on modern and VPN pages decode to their page', () => {
  it('finds pages with samples', () => {
    expect(files.length).toBeGreaterThan(30);
  });
  for (const file of files) {
    const id = pageIdFromPath(file.slice(ROOT.length + 1).replace(/\\/g, '/'));
    const list = samples(readFileSync(file, 'utf8'));
    list.forEach((sample, i) => {
      it(`${id} sample ${i + 1}`, () => {
        const r = decode(sample, cat);
        const ids = new Set([r.verdictInfo.playbook?.id, ...r.findings.flatMap((f) => [f.playbook?.id, ...(f.alternatives ?? []).map((a) => a.id)])]);
        expect([...ids], `${sample.slice(0, 200)}\n→ ${r.verdict}: ${r.findings.map((f) => f.title).join(' | ')}`).toContain(id);
        expect(r.verdict, r.verdictReason).not.toBe('not-ipsec');
      });
    });
  }
});
