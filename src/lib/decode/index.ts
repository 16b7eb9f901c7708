/**
 * IPsec Playbooks decoder library: paste Windows event text, exports, XML, command output,
 * registry dumps, Oakley.log or the IPsec_Debug.vbs bundle; get findings linked to playbooks.
 *
 * Pure TypeScript (no DOM, no Node APIs). The catalogue (src/generated/catalogue.json) is passed
 * in by the caller so the browser, the CLI and the tests can all use it.
 */
import type { Catalogue } from '../catalogue/types.ts';
import { DEFAULT_MAX_BYTES, decodeText } from './engine.ts';
import type { DecodeOptions, DecodeReport } from './types.ts';

export type * from './types.ts';
export { Redactor, redact, redactBundle, isWellKnownPrincipal } from './redact.ts';
export type { RedactionEntry, RedactionKind } from './redact.ts';
export { formatReportText, formatReportMarkdown, formatBundleText } from './format.ts';
export type { FormatOptions } from './format.ts';
export { searchSegments } from './segments.ts';
export { decodeBundle, classifyFile, BUNDLE_FILES } from './bundle.ts';
export { playbookHref } from './catalogue-index.ts';
export { decide, combine, findingVerdict, countPlaceholders, hasVpnContext, VERDICT_LABEL } from './verdict.ts';
export { DEFAULT_MAX_BYTES };

/**
 * Decode pasted text. Never throws: internal problems come back as notices, and the input is cut
 * at `maxBytes` (default 5 MB) with a notice.
 */
export function decode(text: string, catalogue: Catalogue, opts: DecodeOptions = {}): DecodeReport {
  try {
    return decodeText(text, catalogue, opts);
  } catch (err) {
    const reason = 'デコーダーの内部エラーのため判断できません。';
    return {
      verdict: 'need-data',
      verdictReason: reason,
      verdictInfo: { verdict: 'need-data', reason, evidence: [], next: ['入力を小さく分けて貼り付けるか、ティア 2 にエスカレーションしてください。'] },
      input: { bytes: typeof text === 'string' ? text.length : 0, lines: 0, format: 'text' },
      findings: [],
      summary: [],
      unrecognised: typeof text === 'string' && text.trim() ? [{ text: text.slice(0, 2000), span: [0, Math.min(text.length, 2000)] }] : [],
      notices: [`デコーダーの内部エラーのため解析できませんでした (${err instanceof Error ? err.message : String(err)})。`],
      firstLook: [],
      stats: { findings: 0, events: 0, unrecognised: 1 },
    };
  }
}
