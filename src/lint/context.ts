/** Build the lint context (page ids and heading anchors) from page sources. */
import { relative } from 'node:path';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Heading } from 'mdast';
import { pageIdFromPath } from '../lib/site/page-id.ts';
import { parsePage } from './lint-content.ts';
import type { LintContext } from './rules.ts';
import type { ContentProblem } from '../remark/playbook-rules.ts';
import { checkPlaybookFiles } from '../lib/catalogue/checks.ts';

export function buildLintContext(root: string, pages: { path: string; source: string }[]): LintContext {
  const pageIds = new Set<string>();
  const anchors = new Map<string, Set<string>>();
  for (const p of pages) {
    const rel = relative(root, p.path).replace(/\\/g, '/');
    const id = pageIdFromPath(rel);
    pageIds.add(id);
    const set = new Set<string>();
    try {
      const slugger = new GithubSlugger();
      visit(parsePage(p.source, rel.endsWith('.mdx')), 'heading', (h: Heading) => {
        set.add(slugger.slug(toString(h)));
      });
    } catch {
      // unparsable pages are reported by lintSource
    }
    anchors.set(id, set);
  }
  // The same cross-file checks as the catalogue build; warnings (known, pending content) are left to the build.
  const crossFile = new Map<string, ContentProblem[]>();
  for (const p of checkPlaybookFiles(root, pages)) {
    if (p.severity !== 'error') continue;
    crossFile.set(p.file, [...(crossFile.get(p.file) ?? []), { rule: p.rule, line: p.line, message: p.message, fix: p.fix }]);
  }
  return { pageIds, anchors, crossFile };
}
