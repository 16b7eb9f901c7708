/**
 * remark plugin: refuse to compile a playbook that breaks the content model.
 *
 * Input (playbooks/ike-main-mode/no-response.mdx):
 *   ---
 *   kind: message
 *   signatures: [{ ja: ピアから応答がありません, en: No response from peer }]
 *   ---
 *   ## 症状
 *   `ピアから応答がありません`
 *   ## 意味 …
 * Output: the tree unchanged. When a required section is missing, out of order or empty,
 * or a signature string is not in the 症状 section, compilation fails with
 *   playbooks/ike-main-mode/no-response.mdx:12: signature "No response from peer" is not in the 症状 section.
 *   Fix: quote it exactly (e.g. in a ```text block) under "## 症状".
 *
 * Only files under playbooks/ with kind event / message / topic are checked; flowcharts are
 * checked as graphs by their component (src/components/flowchart/Flowchart.astro calls
 * assertValidFlowchart), guides have no fixed sections.
 */
import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { checkPlaybookTree, type ContentProblem } from './playbook-rules.ts';

export interface ValidateOptions {
  /** Read the frontmatter from here instead of Astro's `file.data.astro.frontmatter` (used by tests). */
  frontmatter?: Record<string, unknown>;
}

export function remarkValidatePlaybook(options: ValidateOptions = {}) {
  return (tree: Root, file: VFile) => {
    const path = file.path ?? file.history?.[0] ?? '';
    if (!/(^|[\\/])playbooks[\\/]/.test(path)) return;
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    const frontmatter = options.frontmatter ?? data.astro?.frontmatter ?? {};
    const source = readSource(file, path);
    const problems = checkPlaybookTree(tree, frontmatter, source);
    if (problems.length > 0) throw new Error(formatProblems(relative(path), problems));
  };
}

/** One line per problem: `file:line: what. Fix: how.` */
export function formatProblems(path: string, problems: ContentProblem[]): string {
  return problems.map((p) => `${path}:${p.line}: ${p.message}\n  Fix: ${p.fix}`).join('\n');
}

function readSource(file: VFile, path: string): string {
  if (typeof file.value === 'string' && file.value.startsWith('---')) return file.value;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return String(file.value ?? '');
  }
}

function relative(path: string): string {
  const i = path.replace(/\\/g, '/').lastIndexOf('/playbooks/');
  return i >= 0 ? path.slice(i + 1) : path;
}
