/**
 * Rule objects → .yml text, and the published file set: one file per rule and a zip of the same bytes.
 * The site's /sigma/ folder, the zip and `npm run export:sigma` all come from sigmaFiles(), so they cannot differ.
 */
import { stringify } from 'yaml';
import { zipSync } from 'fflate';
import type { SigmaCorrelationRule, SigmaDetectionRule, SigmaSet } from './types.ts';

const HEADER = '# Generated from the IPsec Playbooks catalogue (npm run export:sigma). Edit the playbook, not this file.\n';

export function ruleYaml(rule: SigmaDetectionRule | SigmaCorrelationRule): string {
  // lineWidth 0: no folding, so a text match is one line and diffs stay readable.
  return HEADER + stringify(rule, { indent: 4, indentSeq: true, lineWidth: 0 });
}

export interface SigmaFile {
  name: string;
  text: string;
}

/** Every rule file, sorted by name. */
export function sigmaFiles(set: SigmaSet): SigmaFile[] {
  return [...set.rules, ...set.correlations].map((r) => ({ name: r.file, text: ruleYaml(r.rule) })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Fixed timestamp in the archive so two builds give the same bytes. */
const ZIP_MTIME = new Date('2026-01-01T00:00:00Z');

export function sigmaZip(files: SigmaFile[]): Uint8Array {
  const enc = new TextEncoder();
  return zipSync(Object.fromEntries(files.map((f) => [f.name, [enc.encode(f.text), { mtime: ZIP_MTIME }]])), { level: 9 });
}
