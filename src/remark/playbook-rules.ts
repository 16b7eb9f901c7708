/**
 * The structural rules of a playbook, as pure functions over an mdast tree.
 * Used by the build-time validator (remark-validate-playbook) and the authoring lint.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { REQUIRED_SECTIONS } from '../schema/playbook.ts';

export interface ContentProblem {
  /** Rule id; each has a page in the authoring guide. */
  rule: string;
  /** 1-based line in the source file. */
  line: number;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix: string;
}

interface Section {
  title: string;
  line: number;
  nodes: RootContent[];
}

/** Split a tree into its level-2 sections. */
export function sections(tree: Root): Section[] {
  const out: Section[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && (node as Heading).depth === 2) {
      out.push({ title: toString(node).trim(), line: node.position?.start.line ?? 1, nodes: [] });
    } else if (out.length > 0) {
      out[out.length - 1].nodes.push(node);
    }
  }
  return out;
}

/** Text of a section as a reader sees it, whitespace folded (so a wrapped message still matches). */
export function sectionText(section: Section): string {
  return fold(section.nodes.map((n) => textOf(n)).join('\n'));
}

function textOf(node: RootContent): string {
  // Code blocks (the messages as Windows prints them) are literals like text: their text is `value`.
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join(' ');
  if ('value' in node && typeof node.value === 'string') return node.value;
  return '';
}

/** Fold whitespace and the two-character `\n` of the reference data so strings compare as a reader sees them. */
export function fold(s: string): string {
  return s.replace(/\\n/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Line of the first occurrence of `needle` in the raw source, for error messages (1 when not found). */
export function lineOf(source: string, needle: string): number {
  const lines = source.split('\n');
  const first = needle.split('\\n')[0].trim();
  const i = lines.findIndex((l) => l.includes(first));
  return i >= 0 ? i + 1 : 1;
}

const CHECKED_KINDS = new Set(['event', 'message', 'topic']);

export function checkPlaybookTree(tree: Root, frontmatter: Record<string, unknown>, source: string): ContentProblem[] {
  const kind = frontmatter.kind;
  if (typeof kind !== 'string' || !CHECKED_KINDS.has(kind)) return [];
  return [...checkSections(tree), ...checkSignatures(tree, frontmatter, source)];
}

/** Required sections present, in order, and not empty. */
export function checkSections(tree: Root): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const found = sections(tree);
  const titles = found.map((s) => s.title);
  let last = -1;
  const endLine = tree.position?.end.line ?? 1;
  for (const required of REQUIRED_SECTIONS) {
    const at = titles.indexOf(required);
    if (at < 0) {
      problems.push({
        rule: 'required-sections',
        line: endLine,
        message: `required section "## ${required}" is missing.`,
        fix: `add "## ${required}" (sections in order: ${REQUIRED_SECTIONS.join(' → ')}).`,
      });
      continue;
    }
    if (at < last) {
      problems.push({
        rule: 'section-order',
        line: found[at].line,
        message: `section "## ${required}" is out of order.`,
        fix: `move it so the sections read ${REQUIRED_SECTIONS.join(' → ')}.`,
      });
    }
    last = Math.max(last, at);
    if (sectionText(found[at]) === '') {
      problems.push({
        rule: 'no-empty-section',
        line: found[at].line,
        message: `section "## ${required}" is empty.`,
        fix: 'write its content, or ask a tier 3 author to; empty sections do not ship.',
      });
    }
  }
  return problems;
}

interface SignatureLike {
  ja?: string;
  en?: string;
  variants?: string[];
}

/** Every signature string (ja, en, variants) appears verbatim in the 症状 section. */
export function checkSignatures(tree: Root, frontmatter: Record<string, unknown>, source: string): ContentProblem[] {
  const symptom = sections(tree).find((s) => s.title === REQUIRED_SECTIONS[0]);
  if (!symptom) return [];
  const text = sectionText(symptom);
  const problems: ContentProblem[] = [];
  const signatures = (frontmatter.signatures ?? []) as SignatureLike[];
  for (const sig of signatures) {
    for (const s of [sig.ja, sig.en, ...(sig.variants ?? [])]) {
      if (!s) continue;
      if (!text.includes(fold(s))) {
        problems.push({
          rule: 'signature-in-symptom',
          line: lineOf(source, s),
          message: `signature "${s.length > 60 ? s.slice(0, 57) + '…' : s}" is not in the 症状 section.`,
          fix: 'quote it exactly, e.g. in a ```text block under "## 症状" (line breaks may differ; characters may not).',
        });
      }
    }
  }
  return problems;
}
