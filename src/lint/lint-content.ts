/**
 * Authoring lint: parse every page with remark (frontmatter + MDX) and run the content rules.
 * Pure except for reading files; scripts/lint-content.ts is its command line.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import type { Root } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { PageFields, Playbook } from '../schema/playbook.ts';
import { checkPlaybookTree, type ContentProblem } from '../remark/playbook-rules.ts';
import { pageIdFromPath } from '../lib/site/page-id.ts';
import { RULES, type LintContext } from './rules.ts';
import { frontmatterYamlError } from '../lib/catalogue/checks.ts';

export interface LintResult {
  file: string;
  problems: ContentProblem[];
}

export function parsePage(source: string, mdx: boolean): Root {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
  if (mdx) processor.use(remarkMdx);
  return processor.parse(source) as Root;
}

/** Lint one page's source. `ctx.pageIds` and `ctx.anchors` let link rules check targets. */
export function lintSource(path: string, source: string, ctx: LintContext): ContentProblem[] {
  let tree: Root;
  try {
    tree = parsePage(source, path.endsWith('.mdx'));
  } catch (e) {
    const err = e as { line?: number; place?: { line?: number }; reason?: string; message: string };
    return [{ rule: 'parse', line: err.line ?? err.place?.line ?? 1, message: `cannot parse: ${err.reason ?? err.message}`, fix: 'fix the MDX syntax (unescaped < or { in text must be written as &lt; or inside `code`).' }];
  }
  const yamlNode = tree.children.find((n) => n.type === 'yaml') as { value: string } | undefined;
  if (!yamlNode) return [{ rule: 'frontmatter', line: 1, message: 'no frontmatter.', fix: 'start the file with a --- block with title and kind.' }];
  let fm: Record<string, unknown>;
  try {
    fm = (parseYaml(yamlNode.value) ?? {}) as Record<string, unknown>;
  } catch (e) {
    // the line in the file (the parser counts from the block), as the catalogue build reports it
    const y = frontmatterYamlError(source);
    return [{ rule: 'frontmatter', line: y?.line ?? 1, message: `frontmatter is not valid YAML: ${y?.message ?? (e as Error).message.split('\n')[0]}`, fix: 'fix the YAML on that line (quote strings that contain ": ").' }];
  }
  const problems: ContentProblem[] = [];
  const isPlaybook = /(^|\/)playbooks\//.test(path);
  const schema = isPlaybook ? Playbook : PageFields;
  const parsed = schema.safeParse(fm);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      problems.push({ rule: 'frontmatter', line: lineOfKey(source, key), message: `frontmatter field "${issue.path.join('.') || '(root)'}": ${issue.message}.`, fix: 'see the field and its comment in src/schema/playbook.ts, or the authoring guide "content model".' });
    }
  }
  if (typeof fm.title !== 'string') problems.push({ rule: 'frontmatter', line: 1, message: 'frontmatter has no title.', fix: 'add `title:`.' });
  if (isPlaybook) problems.push(...checkPlaybookTree(tree, fm, source));
  for (const rule of RULES) problems.push(...rule.check({ tree, source, frontmatter: fm, path, id: pageIdFromPath(path) }, ctx));
  problems.push(...(ctx.crossFile?.get(path) ?? []));
  return problems.sort((a, b) => a.line - b.line);
}

export function lintFiles(root: string, files: string[], ctx: LintContext): LintResult[] {
  return files.map((f) => {
    const rel = relative(root, f).replace(/\\/g, '/');
    return { file: rel, problems: lintSource(rel, readFileSync(f, 'utf8'), ctx) };
  });
}

function lineOfKey(source: string, key: string): number {
  if (!key) return 1;
  const i = source.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return i >= 0 ? i + 1 : 1;
}
