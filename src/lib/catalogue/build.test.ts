/**
 * The catalogue build (src/lib/catalogue/build.ts) on small inputs: files in a temporary project root for the
 * file-system steps (listing, frontmatter, playbooks, guide titles) and in-memory TSV for the code tables.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CataloguePlaybook } from './types.ts';
import { buildCatalogue, collectGuides, collectPlaybooks, listContentFiles, readFrontmatter } from './build.ts';

const roots: string[] = [];
/** A temporary project root holding `files` (path relative to the root → content). */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'catalogue-build-'));
  roots.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

describe('listContentFiles', () => {
  it('lists .md and .mdx files of every sub-folder, skipping _drafts and other files', () => {
    const root = project({
      'p/b.mdx': '',
      'p/a.md': '',
      'p/_draft.mdx': '',
      'p/notes.txt': '',
      'p/old.mdx.bak': '',
      'p/page.md.orig': '',
      'p/sub/c.mdx': '',
      'p/sub/deeper/d.md': '',
    });
    expect(listContentFiles(join(root, 'p')).map((f) => f.slice(root.length + 1))).toEqual(['p/a.md', 'p/b.mdx', 'p/sub/c.mdx', 'p/sub/deeper/d.md']);
  });

  it('a name that only ends in _ is listed; only a leading _ marks a draft', () => {
    const root = project({ 'p/x_.md': '', 'p/_x.md': '' });
    expect(listContentFiles(join(root, 'p')).map((f) => f.slice(root.length + 1))).toEqual(['p/x_.md']);
  });

  it('sorts names in JavaScript string order, whatever order the file system returns them in', () => {
    // the file system (libuv) returns byte order: U+FF5A before U+1F600; JavaScript sorts UTF-16 units: the emoji first
    const root = project({ 'p/ｚ.md': '', 'p/😀.md': '', 'p/a.md': '' });
    expect(listContentFiles(join(root, 'p')).map((f) => f.slice(root.length + 1))).toEqual(['p/a.md', 'p/😀.md', 'p/ｚ.md']);
  });
});

describe('readFrontmatter', () => {
  it('reads the YAML block at the very start of the file', () => {
    expect(readFrontmatter('---\ntitle: x\nkind: topic\n---\n\n本文\n')).toEqual({ title: 'x', kind: 'topic' });
    expect(readFrontmatter('---\r\ntitle: x\r\n---\r\n')).toEqual({ title: 'x' });
  });
  it('a --- block that is not at the start is not frontmatter', () => {
    expect(readFrontmatter('前置き\n---\ntitle: x\n---\n')).toBeNull();
    expect(readFrontmatter('本文だけ\n')).toBeNull();
  });
});

const TOPIC = `---
title: 'ソフト SA'
description: 'ソフト SA の説明です。'
kind: topic
appliesTo: ['XP', '2003']
tiers: [2, 1]
codes: [13801]
successors: [4653]
events:
  - { id: 541, log: Security, sources: [Security], os: [XP] }
partOf: flowcharts/main
related: [guides/path-connectivity]
sensitive: [policy-details]
attach: ['ipsec.log']
symptoms: { ja: ['つながらない'], en: ["won't connect"] }
domain: vpn
tier1:
  tell: '担当者が調べます。'
  collect: ['コンピューター名']
  dont: ['ファイアウォールを切らない']
  escalate: 'ティア 2 へ。'
---

本文
`;

const FLOWCHART = `---
kind: flowchart
figure: '7.1'
appliesTo: ['XP']
tiers: [1]
start: first
nodes:
  first:
    question: ping は届きますか?
    answers:
      - { label: いいえ, outcome: unfixed }
outcomes:
  unfixed: { state: unfixed, title: ティア 2 へ, action: エスカレーションします。 }
attach: ['a.txt']
---
`;

describe('collectPlaybooks', () => {
  it('a valid topic becomes a catalogue entry with every field from its frontmatter', () => {
    const root = project({ 'playbooks/ike-quick-mode/soft-sa.mdx': TOPIC });
    const { playbooks, errors } = collectPlaybooks(root);
    expect(errors).toEqual([]);
    expect(playbooks).toEqual<CataloguePlaybook[]>([
      {
        id: 'ike-quick-mode/soft-sa',
        url: '/ike-quick-mode/soft-sa/',
        title: 'ソフト SA',
        description: 'ソフト SA の説明です。',
        kind: 'topic',
        family: 'ike-quick-mode',
        tiers: [2, 1],
        appliesTo: ['XP', '2003'],
        events: [{ id: 541, log: 'Security', sources: ['Security'], os: ['XP'] }],
        successors: [4653],
        codes: [13801],
        signatures: [],
        related: ['guides/path-connectivity'],
        partOf: 'flowcharts/main',
        sensitive: ['policy-details'],
        attach: ['ipsec.log'],
        symptoms: { ja: ['つながらない'], en: ["won't connect"] },
        tier1: { tell: '担当者が調べます。', collect: ['コンピューター名'], dont: ['ファイアウォールを切らない'], escalate: 'ティア 2 へ。' },
        domain: 'vpn',
      },
    ]);
  });

  it('a flowchart gets the defaults of the fields it has not got: no events, codes or symptoms, no partOf, isolation', () => {
    const root = project({ 'playbooks/flowcharts/main.mdx': FLOWCHART });
    const { playbooks, errors } = collectPlaybooks(root);
    expect(errors).toEqual([]);
    expect(playbooks).toHaveLength(1);
    const [p] = playbooks;
    // no title in the frontmatter: the page id stands in
    expect(p).toEqual({
      id: 'flowcharts/main',
      url: '/flowcharts/main/',
      title: 'flowcharts/main',
      kind: 'flowchart',
      family: 'flowcharts',
      tiers: [1],
      appliesTo: ['XP'],
      events: [],
      successors: [],
      codes: [],
      signatures: [],
      related: [],
      sensitive: [],
      attach: ['a.txt'],
      symptoms: { ja: [], en: [] },
      domain: 'isolation',
    });
    expect([p.partOf, p.tier1, p.description]).toEqual([undefined, undefined, undefined]);
  });

  it('a description that is not a string is left out', () => {
    const root = project({ 'playbooks/flowcharts/main.mdx': FLOWCHART.replace('kind: flowchart', 'description: 2005\nkind: flowchart') });
    const [p] = collectPlaybooks(root).playbooks;
    expect(p.id).toBe('flowcharts/main');
    expect(p.description).toBeUndefined();
  });

  it('a file without frontmatter is an error naming the file, and no entry', () => {
    const root = project({ 'playbooks/ike/none.mdx': '## 症状\n' });
    expect(collectPlaybooks(root)).toEqual({
      playbooks: [],
      errors: ['playbooks/ike/none.mdx:1: no frontmatter.\n  Fix: start the file with a --- block (see the authoring guide).'],
    });
  });

  it('invalid frontmatter is one error per field, with the dotted path and the schema message, and no entry', () => {
    const bad = TOPIC.replace("attach: ['ipsec.log']", 'attach: []').replace('codes: [13801]', 'codes: [13801]\nsignatures:\n  - ja: a');
    const root = project({ 'playbooks/ike/bad.mdx': bad, 'playbooks/ike/good.mdx': TOPIC });
    const { playbooks, errors } = collectPlaybooks(root);
    expect(errors).toEqual([
      'playbooks/ike/bad.mdx:1: frontmatter field "signatures.0.ja": Too small: expected string to have >=2 characters.\n  Fix: see the field in src/schema/playbook.ts.',
      'playbooks/ike/bad.mdx:1: frontmatter field "attach": Too small: expected array to have >=1 items.\n  Fix: see the field in src/schema/playbook.ts.',
    ]);
    expect(playbooks.map((p) => p.id)).toEqual(['ike/good']);
  });

  it('collects every playbook file under playbooks/ in sorted order, skipping drafts and other folders', () => {
    const root = project({ 'playbooks/ike/b.mdx': TOPIC, 'playbooks/ike/a.mdx': TOPIC, 'playbooks/ike/_draft.mdx': TOPIC, 'playbooks/flowcharts/main.mdx': FLOWCHART, 'content/guides/copy.mdx': TOPIC });
    expect(collectPlaybooks(root).playbooks.map((p) => [p.id, p.family])).toEqual([
      ['flowcharts/main', 'flowcharts'],
      ['ike/a', 'ike'],
      ['ike/b', 'ike'],
    ]);
  });
});

describe('collectGuides', () => {
  it('takes the title of each guide and reference page; pages without a title or frontmatter are left out', () => {
    const root = project({
      'content/guides/tiers.mdx': "---\ntitle: 'ティアの役割'\nkind: guide\n---\n",
      'content/guides/untitled.mdx': '---\nkind: guide\n---\n',
      'content/guides/numbered.mdx': '---\ntitle: 7\nkind: guide\n---\n',
      'content/guides/bare.md': '見出しだけ\n',
      'content/guides/_draft.mdx': "---\ntitle: '下書き'\n---\n",
      'content/reference/netdiag.mdx': "---\ntitle: 'Netdiag'\nkind: reference\n---\n",
      'content/other/x.mdx': "---\ntitle: 'ほか'\n---\n",
    });
    expect(collectGuides(root)).toEqual([
      { id: 'guides/tiers', title: 'ティアの役割' },
      { id: 'reference/netdiag', title: 'Netdiag' },
    ]);
  });
});

const IKE = 'name\tdecimal\thex\tmessage\tsource\thresult\tnote\nERROR_IPSEC_IKE_TIMED_OUT\t13805\t0x000035ED\tNegotiation timed out\twinerror.h\t0x800735ED\t\nIKE_BLANK\t\t\t(no code)\twinerror.h\t\t\n';
const playbook = (id: string, codes: number[], sigCodes: number[] = []): CataloguePlaybook => ({
  id,
  url: `/${id}/`,
  title: id,
  kind: 'topic',
  family: id.split('/')[0],
  tiers: [1],
  appliesTo: ['XP'],
  events: [],
  successors: [],
  codes,
  signatures: sigCodes.map((code) => ({ ja: 'テスト', variants: [], code })),
  related: [],
  sensitive: [],
  attach: ['a'],
  symptoms: { ja: [], en: [] },
  domain: 'isolation',
});

describe('buildCatalogue', () => {
  it('accepts the IKE table alone as a string (old callers): no other tables, no services or audit rows', () => {
    const c = buildCatalogue([], 'event_id\tos\tlog\tsource\tenglish_title\tnote\n547\tXP\tSecurity\tSecurity\tIKE failed\tn\n', IKE);
    expect(c).toEqual({
      generatedFrom: 'playbooks/**/*.mdx frontmatter + content/data/*.tsv',
      playbooks: [],
      events: [{ id: 547, os: 'XP', log: 'Security', source: 'Security', title: 'IKE failed', note: 'n' }],
      serviceNames: [],
      auditSubcategories: [],
      errorCodes: [{ table: 'ike', name: 'ERROR_IPSEC_IKE_TIMED_OUT', decimal: 13805, hex: '0x000035ED', hresult: '0x800735ED', message: 'Negotiation timed out', source: 'winerror.h', playbook: undefined }],
    });
  });

  it('links a code to the first playbook that names it, in codes or in a signature', () => {
    const c = buildCatalogue([playbook('ike/first', [], [13805]), playbook('ike/second', [13805, 809])], '', {
      ike: IKE,
      ras: 'code\tsymbol\ten_text\tsource_url\thex\tlearn_text\n809\tERROR_NO_RESPONSES\tThe network connection could not be established.\tRasError.h\t0x00000329\t\n',
    });
    expect(c.errorCodes.map((e) => [e.table, e.decimal, e.playbook])).toEqual([
      ['ike', 13805, 'ike/first'],
      ['ras', 809, 'ike/second'],
    ]);
  });

  it('computes the hex and HRESULT of a RAS code without a hex column value, upper case and zero-padded', () => {
    const ras = 'code\tsymbol\ten_text\tsource_url\thex\tlearn_text\n812\tERROR_NO_PROTOCOL\tThe connection was prevented.\tRasError.h\t\tLearn text\n813\tX\t\tRasError.h\t0x0000032D\tOnly on Learn\nnot-a-code\tY\tz\ts\t\t\n';
    expect(buildCatalogue([], '', { ike: '', ras }).errorCodes).toEqual([
      { table: 'ras', name: 'ERROR_NO_PROTOCOL', decimal: 812, hex: '0x0000032C', hresult: '0x8007032C', message: 'The connection was prevented.', source: 'RasError.h', playbook: undefined },
      { table: 'ras', name: 'X', decimal: 813, hex: '0x0000032D', hresult: '0x8007032D', message: 'Only on Learn', source: 'RasError.h', playbook: undefined },
    ]);
  });

  it('reads WFP HRESULTs as unsigned decimals and skips rows that are not 0x8032xxxx', () => {
    const wfp = 'hresult\tdecimal\tsymbol\ten_text\tsource_url\tlearn_text\n0x8032000a\t-2144206838\tFWP_E_X\tThe thing.\twinerror.h\t\n0x80070005\t5\tE_ACCESSDENIED\tNo.\twinerror.h\t\n';
    expect(buildCatalogue([playbook('wfp/x', [0x8032000a])], '', { ike: '', wfp }).errorCodes).toEqual([
      { table: 'wfp', name: 'FWP_E_X', decimal: 2150760458, hex: '0x8032000A', hresult: '0x8032000A', message: 'The thing.', source: 'winerror.h', playbook: 'wfp/x' },
    ]);
  });

  it('copies service names and normalises audit subcategories', () => {
    const audit = 'guid\tsubcategory_en\tja_name\tevents\tcore\n{0cce9218-69ae-11d9-bed3-505054503030}\tIPsec Main Mode\tIPsec メイン モード\t4646 4650, 4651\tyes\n';
    const c = buildCatalogue([], '', { ike: '', audit, services: [{ service: 'PolicyAgent', display: 'IPSEC Services' }] });
    expect(c.serviceNames).toEqual([{ service: 'PolicyAgent', display: 'IPSEC Services' }]);
    expect(c.auditSubcategories).toEqual([{ guid: '0CCE9218-69AE-11D9-BED3-505054503030', en: 'IPsec Main Mode', ja: 'IPsec メイン モード', events: '4646,4650,4651', core: true }]);
  });
});
