/**
 * The escalation packet: what tier 1 hands to tier 2 (the chapter's list: the IPsec_Debug.vbs
 * log files, the caller's computer name, the target computer that refused access) plus the
 * flowchart path with its answers, the end state, the time and any decoder findings — as ticket
 * text in plain text and in Markdown. Pure: the time and the page URL are passed in.
 *
 * With `redact: true`, everything the agent typed or pasted goes through one redactor, so the
 * same computer is <HOST-1> in the header, in the file names and in the pasted findings.
 * The site's own wording (questions, answers, outcomes) is never redacted.
 */
import { END_STATE_LABEL, type EndState } from '../flowchart/types.ts';
import { DEBUG_FILES, DEFAULT_FILES, debugFileName } from './debug-files.ts';
import type { DescribedPath } from './path.ts';
import { createRedactor, type RedactEntry } from './redact.ts';
import { codeSpan, escapeMarkdown, fence } from '../decode/markdown.ts';

export interface PacketFields {
  /** The caller's computer name (the log files are named after it). */
  caller: string;
  /** The computer that refused access. */
  target: string;
  /** The caller's user name, when it matters (logon rights). */
  user: string;
  /** The domain, when it matters. */
  domain: string;
  /** When it happened, in the caller's words or as a time. */
  occurred: string;
  /** What the caller reported. */
  summary: string;
  /** End state chosen by the agent when the path does not end in an outcome. */
  state: EndState | '';
  /** Templates of the table 7.3 files that are attached. */
  files: string[];
  /** Decoder findings or other text pasted as is. */
  findings: string;
  /** Anything else for tier 2. */
  notes: string;
}

export const EMPTY_FIELDS: PacketFields = {
  caller: '',
  target: '',
  user: '',
  domain: '',
  occurred: '',
  summary: '',
  state: '',
  files: [...DEFAULT_FILES],
  findings: '',
  notes: '',
};

export interface PacketOptions {
  /** Replace addresses and names with placeholders. */
  redact: boolean;
  /** When the packet was made, already formatted (formatTimestamp). */
  createdAt: string;
  /** Link back to the flowchart at the same step (answers only), if any. */
  link?: string;
}

export interface Packet {
  plain: string;
  markdown: string;
  /** The end state the packet reports. */
  state: EndState;
  /** Placeholder table when redacted (for the agent's eyes only). */
  entries: RedactEntry[];
}

/** `2025-06-02 14:03 (UTC+09:00)` for a date and its offset from UTC in minutes. */
export function formatTimestamp(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const off = Math.abs(offsetMinutes);
  return `${local.getUTCFullYear()}-${p(local.getUTCMonth() + 1)}-${p(local.getUTCDate())} ${p(local.getUTCHours())}:${p(local.getUTCMinutes())} (UTC${sign}${p(Math.floor(off / 60))}:${p(off % 60)})`;
}

/** The end state: the last path's outcome, else what the agent chose, else unfixed (an escalation). */
export function packetState(paths: DescribedPath[], chosen: EndState | ''): EndState {
  const last = paths[paths.length - 1];
  if (last?.end.kind === 'outcome') return last.end.state;
  return chosen || 'unfixed';
}

export function buildPacket(fields: PacketFields, paths: DescribedPath[], options: PacketOptions): Packet {
  const redactor = createRedactor({ hosts: [fields.caller, fields.target], users: [fields.user], domains: [fields.domain] });
  const r = (text: string) => (options.redact ? redactor.redact(text) : text);
  const state = packetState(paths, fields.state);
  const last = paths[paths.length - 1];
  const headline = last?.end.kind === 'outcome' ? `${END_STATE_LABEL[state]} — ${last.end.title}` : END_STATE_LABEL[state];
  const none = '(未記入)';
  const v = (text: string) => (text.trim() ? r(text.trim()) : none);

  const facts: [string, string][] = [
    ['作成日時', options.createdAt],
    ['発生日時', v(fields.occurred)],
    ['連絡者のコンピューター', v(fields.caller)],
    ['アクセスを拒否した対象コンピューター', v(fields.target)],
  ];
  if (fields.user.trim()) facts.push(['連絡者のユーザー名', r(fields.user.trim())]);
  if (fields.domain.trim()) facts.push(['ドメイン', r(fields.domain.trim())]);
  facts.push(['終了状態', `${END_STATE_LABEL[state]}${state === 'unfixed' ? ' (ティア 2 へエスカレーション)' : ''}`]);
  if (options.redact) facts.push(['伏せ字', 'あり (IP アドレス、コンピューター名、ユーザー名、ドメイン名を <IP-1> などに置き換え済み。対応表は送っていません)']);

  const files = DEBUG_FILES.filter((f) => fields.files.includes(f.template)).map((f) => r(debugFileName(f.template, fields.caller, fields.target)));
  const pathLines = (p: DescribedPath) => {
    const lines = p.steps.map((s, i) => `${i + 1}. ${s.tag} ${s.question} → ${s.answer}`);
    if (p.end.kind === 'outcome') lines.push(`結果: ${END_STATE_LABEL[p.end.state]} — ${p.end.title}`);
    else if (p.end.kind === 'goto') lines.push(`→ 図 ${p.end.figure}「${p.end.title}」へ進んだ`);
    else lines.push(`(途中: ${p.end.question} で止まっている)`);
    if (!p.complete) lines.push('(リンクの経路の一部がフローチャートと合わなかったため、そこまでを記載)');
    return lines;
  };
  const title = `IPsec エスカレーション: ${headline}`;

  // Plain text: fixed layout that survives any ticket system.
  const plain: string[] = [`【${title}】`, ''];
  for (const [k, val] of facts) plain.push(`${k}: ${val}`);
  plain.push('', '■ 連絡の内容', fields.summary.trim() ? r(fields.summary.trim()) : none);
  plain.push('', '■ フローチャートでたどった経路');
  if (paths.length === 0) plain.push('(フローチャートを使っていない)');
  for (const p of paths) {
    plain.push(`図 ${p.figure} ${p.title}`);
    for (const l of pathLines(p)) plain.push(`  ${l}`);
  }
  if (options.link) plain.push(`同じ経路を開くリンク (回答のみ): ${options.link}`);
  if (last?.end.kind === 'outcome' && last.end.action) plain.push('', '■ フローチャートの指示', last.end.action);
  plain.push('', '■ 添付する IPsec_Debug.vbs のファイル (連絡者のコンピューターで作成)');
  if (files.length === 0) plain.push('(なし)');
  for (const f of files) plain.push(`- ${f}`);
  plain.push('', '■ デコーダーの所見', fields.findings.trim() ? r(fields.findings.trimEnd()) : '(なし)');
  plain.push('', '■ メモ', fields.notes.trim() ? r(fields.notes.trim()) : '(なし)');

  // Markdown: the same content with headings, lists and a fenced block for pasted text.
  const md: string[] = [`## ${escapeMd(title)}`, ''];
  for (const [k, val] of facts) md.push(`- **${k}**: ${escapeMd(val)}`);
  md.push('', '### 連絡の内容', '', fields.summary.trim() ? escapeMd(r(fields.summary.trim())) : none);
  md.push('', '### フローチャートでたどった経路', '');
  if (paths.length === 0) md.push('(フローチャートを使っていない)');
  for (const p of paths) {
    // The list marker is written by us, never escaped: escaping the step text alone keeps "1." a
    // list item; the end of the path is its own paragraph after a blank line.
    md.push(`**図 ${p.figure} ${escapeMd(p.title)}**`, '');
    p.steps.forEach((s, i) => md.push(`${i + 1}. ${escapeMd(`${s.tag} ${s.question} → ${s.answer}`)}`));
    if (p.steps.length) md.push('');
    for (const l of pathLines(p).slice(p.steps.length)) md.push(escapeMd(l), '');
  }
  if (options.link) md.push(`[同じ経路を開く (回答のみ)](<${options.link.replace(/[<>\s]/g, encodeURIComponent)}>)`, '');
  if (last?.end.kind === 'outcome' && last.end.action) md.push('### フローチャートの指示', '', escapeMd(last.end.action), '');
  md.push('### 添付する IPsec_Debug.vbs のファイル (連絡者のコンピューターで作成)', '');
  if (files.length === 0) md.push('(なし)');
  // a code span longer than any backtick run in the name: a ` in a computer name cannot end it
  for (const f of files) md.push(`- ${codeSpan(f)}`);
  md.push('', '### デコーダーの所見', '');
  md.push(fields.findings.trim() ? fence(r(fields.findings.trimEnd())) : '(なし)');
  md.push('', '### メモ', '', fields.notes.trim() ? escapeMd(r(fields.notes.trim())) : '(なし)');

  return { plain: plain.join('\n') + '\n', markdown: md.join('\n').replace(/\n{3,}/g, '\n\n') + '\n', state, entries: options.redact ? redactor.entries() : [] };
}

/** Escape the characters Markdown would act on (the text stays readable). */
export const escapeMd = escapeMarkdown;
export { fence };
