/**
 * The only markup allowed in flowchart strings: `code` in backticks (commands, messages).
 * "`sc query policyagent` を実行" -> [{ code: true, text: 'sc query policyagent' }, { code: false, text: ' を実行' }]
 */
export interface Segment {
  code: boolean;
  text: string;
}

export function inlineSegments(text: string): Segment[] {
  const out: Segment[] = [];
  const parts = text.split('`');
  // An odd number of backticks leaves the last one literal.
  const closed = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  parts.forEach((part, i) => {
    if (i >= closed) {
      out.push({ code: false, text: '`' + part });
      return;
    }
    if (part) out.push({ code: i % 2 === 1, text: part });
  });
  return out;
}

/** The same text without backticks (for SVG and plain-text output). */
export function plainText(text: string): string {
  return inlineSegments(text).map((s) => s.text).join('');
}
