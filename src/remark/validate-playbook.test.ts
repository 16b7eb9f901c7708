import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { VFile } from 'vfile';
import { remarkValidatePlaybook } from './validate-playbook.ts';
import { REQUIRED_SECTIONS } from '../schema/playbook.ts';

const frontmatter = { kind: 'message', signatures: [{ ja: 'ピアから応答がありません', en: 'No response from peer', variants: [] }] };

function page(body: Record<string, string>): string {
  return Object.entries(body).map(([h, t]) => `## ${h}\n\n${t}\n`).join('\n');
}
const full = Object.fromEntries(REQUIRED_SECTIONS.map((s) => [s, `${s}の本文。`]));
full['症状'] = '```text\nピアから応答がありません\n```\n\n```text\nNo response from peer\n```';

async function compile(markdown: string, path = '/site/playbooks/ike-main-mode/no-response.mdx', fm: Record<string, unknown> = frontmatter) {
  const processor = unified().use(remarkParse).use(remarkValidatePlaybook, { frontmatter: fm });
  const file = new VFile({ path, value: markdown });
  return processor.run(processor.parse(file), file);
}

describe('remark-validate-playbook through the unified processor', () => {
  it('passes a complete playbook', async () => {
    await expect(compile(page(full))).resolves.toBeTruthy();
  });

  it('fails with file, line and fix when a section is missing', async () => {
    const { 原因: _dropped, ...rest } = full;
    await expect(compile(page(rest))).rejects.toThrow(/playbooks\/ike-main-mode\/no-response\.mdx:\d+: required section "## 原因" is missing\.\n  Fix: add "## 原因"/);
  });

  it('fails when sections are out of order', async () => {
    const swapped = { ...full };
    const entries = Object.entries(swapped);
    [entries[1], entries[2]] = [entries[2], entries[1]];
    await expect(compile(entries.map(([h, t]) => `## ${h}\n\n${t}\n`).join('\n'))).rejects.toThrow(/out of order/);
  });

  it('fails when a signature is not quoted in 症状, naming the string', async () => {
    await expect(compile(page({ ...full, 症状: '```text\nピアから応答がありません\n```' }))).rejects.toThrow(/signature "No response from peer" is not in the 症状 section/);
  });

  it('accepts a signature wrapped over several lines (Windows\' own line breaks)', async () => {
    const fm = { kind: 'message', signatures: [{ ja: 'あいう えお', en: 'This could be a temporary glitch;\\nif it persists', variants: [] }] };
    const body = page({ ...full, 症状: '```text\nあいう えお\nThis could be a temporary glitch;\nif it persists\n```' });
    await expect(compile(body, undefined, fm)).resolves.toBeTruthy();
  });

  it('fails on an empty section', async () => {
    await expect(compile(page({ ...full, 意味: '' }))).rejects.toThrow(/section "## 意味" is empty/);
  });

  it('leaves guide pages and flowcharts alone', async () => {
    await expect(compile('## 何か\n', '/site/content/guides/x.mdx')).resolves.toBeTruthy();
    await expect(compile('## 何か\n', '/site/playbooks/flowcharts/x.mdx', { kind: 'flowchart' })).resolves.toBeTruthy();
  });
});
