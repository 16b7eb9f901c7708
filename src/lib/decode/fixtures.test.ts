/** Every constructed fixture decodes to what test/fixtures/decode/fixtures.json says. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, fixture, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import { decode } from './index.ts';

interface Expect {
  file: string;
  format?: string;
  playbooks?: string[];
  kinds?: string[];
  events?: number[];
  unrecognised?: number;
  notPlaybooks?: boolean;
  partial?: boolean;
  /** Every finding's title, in order: the known values for fixtures with no playbook (command output, registry, collisions). */
  titles?: string[];
}

const SENSITIVE = Object.keys((JSON.parse(readFileSync(join(FIXTURE_DIR, '../../../content/data/sensitive.json'), 'utf8')) as { topics: Record<string, unknown> }).topics);
const manifest = JSON.parse(readFileSync(join(FIXTURE_DIR, 'fixtures.json'), 'utf8')) as { constructed: boolean; files: Expect[] };
const cat = testCatalogue();

describe('constructed fixtures', () => {
  it('are all marked constructed', () => {
    expect(manifest.constructed).toBe(true);
    expect(readFileSync(join(FIXTURE_DIR, 'README.md'), 'utf8')).toContain('constructed');
  });
  it('each checks a known value (playbook, event id or titles), never only the output kind', () => {
    expect(manifest.files.filter((ex) => !ex.playbooks?.length && !ex.events?.length && !ex.titles?.length).map((ex) => ex.file)).toEqual([]);
  });
  for (const ex of manifest.files) {
    it(ex.file, () => {
      const text = fixture(ex.file);
      const r = decode(text, cat);
      // a page counts only as a finding's own playbook: being offered as an alternative is not the answer
      const ids = new Set(r.findings.map((f) => f.playbook?.id).filter(Boolean));
      if (ex.format) expect(r.input.format).toBe(ex.format);
      for (const p of ex.playbooks ?? []) expect(ids, `${ex.file} should link ${p}`).toContain(p);
      if (ex.titles) expect(r.findings.map((f) => f.title)).toEqual(ex.titles);
      for (const k of ex.kinds ?? []) expect(r.findings.map((f) => f.kind)).toContain(k);
      for (const e of ex.events ?? []) expect(r.findings.map((f) => f.eventId)).toContain(e);
      if (ex.notPlaybooks) expect(r.findings.every((f) => !f.playbook)).toBe(true);
      if (ex.partial) expect(r.findings.some((f) => f.confidence === 'partial')).toBe(true);
      if (ex.unrecognised !== undefined) expect(r.unrecognised.length, JSON.stringify(r.unrecognised)).toBe(ex.unrecognised);
      // spans point into the original text
      for (const f of r.findings) {
        expect(f.span[0]).toBeGreaterThanOrEqual(0);
        expect(f.span[1]).toBeLessThanOrEqual(text.length);
        for (const x of f.facts) {
          expect(x.span[0]).toBeGreaterThanOrEqual(0);
          expect(x.span[1]).toBeLessThanOrEqual(text.length);
          expect(x.span[0]).toBeLessThanOrEqual(x.span[1]);
        }
        expect(f.title).not.toContain('\n');
        // one Japanese sentence (quoted Windows text inside 「」 aside)
        let m = f.meaning;
        for (let a = m.indexOf('「'); a >= 0; a = m.indexOf('「')) {
          const b = m.indexOf('」', a);
          if (b < 0) break;
          m = m.slice(0, a) + m.slice(b + 1);
        }
        expect(m.split('。').length - 1, f.meaning).toBeLessThanOrEqual(1);
        expect(f.title.length).toBeGreaterThan(3);
        for (const id of f.sensitive ?? []) expect(SENSITIVE).toContain(id);
        expect(f.meaning.length).toBeGreaterThan(3);
      }
      expect(r.notices.filter((n) => n.includes('内部エラー'))).toEqual([]);
    });
  }
});
