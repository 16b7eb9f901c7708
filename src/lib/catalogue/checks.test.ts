import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLintContext } from '../../lint/context.ts';
import { lintSource } from '../../lint/lint-content.ts';
import { crossFileProblems, frontmatterYamlError, knownEvents } from './checks.ts';

const tsv = readFileSync('content/data/event_ids.tsv', 'utf8');
const ev = (id: number, log = 'Security', sources = ['Security']) => ({ id, log, sources, os: ['XP'] });
const page = (file: string, fm: Record<string, unknown>) => ({ file, frontmatter: fm });

describe('cross-file checks', () => {
  it('a signature on two pages fails, naming both files', () => {
    const p = crossFileProblems([page('playbooks/a/one.mdx', { signatures: [{ ja: 'ピアから応答がありません', en: 'No response from peer' }] }), page('playbooks/b/two.mdx', { signatures: [{ ja: '別の文', variants: [' No response from peer '] }] })], tsv);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ file: 'playbooks/b/two.mdx', other: 'playbooks/a/one.mdx', rule: 'duplicate-signature', severity: 'error' });
    expect(p[0].message).toContain('playbooks/a/one.mdx');
  });

  it('the same event on two pages is allowed only when failure reasons (signatures) tell them apart', () => {
    const generic = page('playbooks/events/547.mdx', { events: [ev(547)] });
    const reason = page('playbooks/ike/no-response.mdx', { events: [ev(547)], signatures: [{ ja: 'ピアから応答がありません' }] });
    const reason2 = page('playbooks/ike/no-policy.mdx', { events: [ev(547)], signatures: [{ ja: 'ポリシーが構成されていません' }] });
    expect(crossFileProblems([generic, reason, reason2], tsv)).toEqual([]);
    const twin = page('playbooks/events/547-copy.mdx', { events: [ev(547, 'Security', ['security'])] });
    const p = crossFileProblems([generic, reason, twin], tsv);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ file: 'playbooks/events/547-copy.mdx', other: 'playbooks/events/547.mdx', rule: 'duplicate-event-claim' });
    // another source or log is another event
    expect(crossFileProblems([generic, page('x.mdx', { events: [ev(4283, 'System', ['IPSec'])] }), page('y.mdx', { events: [ev(4283, 'System', ['IPSEC2'])] })], tsv)).toEqual([]);
  });

  it('event IDs come from event_ids.tsv, for that log', () => {
    expect(knownEvents(tsv).get(5482)).toEqual(['security']);
    const p = crossFileProblems([page('playbooks/x.mdx', { events: [ev(5477), ev(5470), ev(4283, 'Security')], successors: [4653, 4999], signatures: [{ ja: 'ab', event: 1234 }] })], tsv);
    expect(p.map((x) => x.message.split(' is not')[0])).toEqual(['event 5470 (Security)', 'event 4283 (Security)', 'successor event 4999', 'signature event 1234']);
    expect(p.every((x) => x.rule === 'unknown-event-id' && x.severity === 'error')).toBe(true);
  });

  it('the current content has no error (known shared sentences are warnings)', () => {
    const ctx = buildLintContext(process.cwd(), []);
    expect(ctx.crossFile?.size ?? 0).toBe(0);
  });
});

describe('YAML errors name the file and the real line', () => {
  const broken = "---\ntitle: x\nkind: message\nsignatures:\n  - ja: 'unclosed\n    en: y\n---\n\n## 症状\n";
  it('frontmatterYamlError gives the file line', () => {
    expect(frontmatterYamlError(broken)?.line).toBe(5);
    expect(frontmatterYamlError('---\ntitle: ok\n---\n')).toBeNull();
    expect(frontmatterYamlError('---\ntitle: ok\nbad: [1, 2\n---\n')?.line).toBe(3);
  });
  it('the lint reports that line, not line 1', () => {
    const p = lintSource('playbooks/ike-main-mode/x.mdx', '---\ntitle: x\nkind: message\nfoo: a: b\n---\n\n## 症状\n', { pageIds: new Set(), anchors: new Map() });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ rule: 'frontmatter', line: 4 });
  });
  it('the lint fails a duplicate signature on both pages it checks', () => {
    const a = { path: join(process.cwd(), 'playbooks/zz/a.mdx'), source: "---\ntitle: a\nsignatures:\n  - ja: 'そっくりの文'\n---\n" };
    const b = { path: join(process.cwd(), 'playbooks/zz/b.mdx'), source: "---\ntitle: b\nsignatures:\n  - ja: 'そっくりの文'\n---\n" };
    const ctx = buildLintContext(process.cwd(), [a, b]);
    expect(ctx.crossFile?.get('playbooks/zz/b.mdx')?.[0]).toMatchObject({ rule: 'duplicate-signature', line: 4 });
    expect(ctx.crossFile?.get('playbooks/zz/b.mdx')?.[0].message).toContain('playbooks/zz/a.mdx');
  });
  it('npm run catalogue stops with file:line, not a stack trace', () => {
    const root = mkdtempSync(join(tmpdir(), 'catalogue-'));
    try {
      mkdirSync(join(root, 'playbooks/zz'), { recursive: true });
      mkdirSync(join(root, 'content/data'), { recursive: true });
      cpSync('content/data/event_ids.tsv', join(root, 'content/data/event_ids.tsv'));
      writeFileSync(join(root, 'playbooks/zz/broken.mdx'), broken);
      const run = () => spawnSync(process.execPath, [join(process.cwd(), 'scripts/build-catalogue.ts')], { cwd: root, encoding: 'utf8' });
      let r = run();
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('playbooks/zz/broken.mdx:5: frontmatter is not valid YAML');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      writeFileSync(join(root, 'playbooks/zz/broken.mdx'), "---\ntitle: a\nsignatures:\n  - ja: 'そっくりの文'\n---\n");
      writeFileSync(join(root, 'playbooks/zz/twin.mdx'), "---\ntitle: b\nsignatures:\n  - ja: 'そっくりの文'\n---\n");
      r = run();
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/playbooks\/zz\/twin\.mdx:4: \[duplicate-signature\] signature "そっくりの文" is also on playbooks\/zz\/broken\.mdx/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
