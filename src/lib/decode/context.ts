/**
 * The decoding context shared by all parsers: input, catalogue index, budget, and the sinks for
 * findings, summary groups and notices. Also the helpers that turn template matches into findings.
 */
import type { CatalogueIndex, SigRef } from './catalogue-index.ts';
import { playbookRef } from './catalogue-index.ts';
import type { Budget, TemplateMatch } from './matcher.ts';
import { tailPartials } from './matcher.ts';
import type { Fact, Finding, InputFormat, PlaybookRef, Span } from './types.ts';
import type { LineIndex } from './text.ts';
import { isIPv4, isSpace, lineOf, prefixEnd, squash } from './text.ts';
import { japaneseText, describeCode, readToken } from './errors.ts';

export interface GroupInfo {
  key: string;
  title: string;
  eventId?: number;
  source?: string;
  reason?: string;
  peer?: string;
  /** Display time and its sortable key. */
  time?: string;
  timeKey?: string;
  playbook?: PlaybookRef;
}

export interface Ctx {
  text: string;
  lines: LineIndex;
  idx: CatalogueIndex;
  scope?: string;
  budget: Budget;
  /** Per line: 1 when some parser recognised it. */
  covered: Uint8Array;
  notices: string[];
  formats: Map<InputFormat, number>;
  emit(f: Finding, group?: GroupInfo): void;
  /** Number of events seen (for stats). */
  events: number;
  /** Line kind (see kinds.ts), memoised. */
  detect(line: number): number;
  /** Cheap test: does this line start a new event or a block that ends a description (header, row, XML, prompt)? */
  boundary(line: number): boolean;
  /** True when the summary group already holds enough examples (the event is only counted). */
  groupFull(key: string): boolean;
  /** Count an event in its group when the group exists (then true); false when the group is new. */
  countKnown(key: string, time?: string, timeKey?: string): boolean;
  /** Count an event in its group without building its finding (creates the group when new). */
  count(group: GroupInfo, kind?: Finding['kind']): void;
  /** Report progress / check cancellation; returns true when the caller must stop. */
  tick(offset: number): boolean;
  aborted: boolean;
  /** Per-decode memo (reason resolutions…). */
  memo: Map<string, unknown>;
  /** False when the finding list is already full for this priority (the event is then only counted). */
  wantFinding(priority: number): boolean;
  /** True when the input was cut at maxBytes. */
  truncated: boolean;
  /** CSV/TSV column order from a header row, if one was seen. */
  columns?: string[];
  /** Source of the last event when it was another product's: a following bare ID belongs to it (identity.ts). */
  carry?: string;
  /** The last command typed after a prompt (C:\>reg query … /v Name), if any. */
  lastCommand?: string;
  /** Per line: content start / end after prefix stripping and trimming, and whether a prompt was removed. */
  cs: Int32Array;
  ce: Int32Array;
  pr: Uint8Array;
}

/** Mark every line that overlaps [s, e) as recognised. */
export function cover(ctx: Ctx, s: number, e: number): void {
  const { starts, count } = ctx.lines;
  let i = lineOf(ctx.lines, s);
  const stop = Math.max(e, s + 1);
  while (i < count && starts[i] < stop) {
    ctx.covered[i] = 1;
    i++;
  }
}

export function coverLines(ctx: Ctx, from: number, to: number): void {
  for (let i = from; i < to && i < ctx.lines.count; i++) ctx.covered[i] = 1;
}

export function noteFormat(ctx: Ctx, f: InputFormat): void {
  ctx.formats.set(f, (ctx.formats.get(f) ?? 0) + 1);
}

export function fact(name: string, label: string, value: string, span: Span, pii?: Fact['pii']): Fact {
  const f: Fact = { name, label, value, span };
  if (pii) f.pii = pii;
  return f;
}

/** Content ranges ([s0, e0, s1, e1…], prefixes stripped) of the lines in [s, e). */
export function lineRanges(text: string, s: number, e: number): number[] {
  const out: number[] = [];
  let pos = s;
  while (pos < e) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > e) nl = e;
    let ls = prefixEnd(text, pos, nl);
    let le = nl;
    while (ls < le && isSpace(text.charCodeAt(ls))) ls++;
    while (le > ls && isSpace(text.charCodeAt(le - 1))) le--;
    if (ls < le) out.push(ls, le);
    pos = nl + 1;
  }
  return out;
}

/** Priority order of matches: complete before partial, longer literal first, scope first. */
function better(a: TemplateMatch<SigRef>, b: TemplateMatch<SigRef>, scope?: string): boolean {
  if (a.partial !== b.partial) return !a.partial;
  if (a.matchedLiteral !== b.matchedLiteral) return a.matchedLiteral > b.matchedLiteral;
  const as = a.form.ref.playbookId === scope;
  const bs = b.form.ref.playbookId === scope;
  if (as !== bs) return as;
  return a.start < b.start;
}

export interface ResolvedMatch {
  best: TemplateMatch<SigRef>;
  /** Other playbooks whose templates matched the same text. */
  alts: TemplateMatch<SigRef>[];
}

/**
 * Reduce raw template matches to non-overlapping results: the best match of each overlapping
 * cluster wins; other playbooks in the cluster become alternatives. Weak partial matches are dropped.
 */
export function resolveMatches(matches: TemplateMatch<SigRef>[], scope?: string): ResolvedMatch[] {
  // A partial match counts when it covers half the template, or when it matched two or more fragments in order
  // around a filled placeholder (the first sentence of a two-sentence message, read out by a caller:
  // "Failed to authenticate the hash for 5 packet(s) received from 192.168.0.10.").
  const usable = matches.filter((m) => !m.partial || (m.matchedLiteral >= 16 && m.matchedLiteral * 2 >= m.form.tpl.literalLength) || (m.gaps.length >= 1 && m.matchedLiteral >= 32));
  usable.sort((a, b) => (better(a, b, scope) ? -1 : better(b, a, scope) ? 1 : 0));
  const out: ResolvedMatch[] = [];
  for (const m of usable) {
    let merged = false;
    for (const r of out) {
      if (m.start < r.best.end && r.best.start < m.end) {
        // overlapping: same length and complete -> alternative playbook
        if (m.form.ref.playbookId !== r.best.form.ref.playbookId && !m.partial && m.matchedLiteral === r.best.matchedLiteral && !r.alts.some((x) => x.form.ref.playbookId === m.form.ref.playbookId))
          r.alts.push(m);
        merged = true;
        break;
      }
    }
    if (!merged) out.push({ best: m, alts: [] });
  }
  out.sort((a, b) => a.best.start - b.best.start);
  return out;
}

/** Scan paragraphs and resolve. */
export function scanTemplates(ctx: Ctx, ranges: number[]): ResolvedMatch[] {
  if (!ranges.length) return [];
  const raw = ctx.idx.templates.scan(ctx.text, ranges, ctx.budget);
  return resolveMatches(raw, ctx.scope);
}

/** Cut-off paste: templates the input ends inside. */
export function scanTail(ctx: Ctx, end: number): ResolvedMatch[] {
  const raw = tailPartials(ctx.idx.templates, ctx.text, end).filter((m) => m.matchedLiteral >= 12);
  return resolveMatches(raw.map((m) => ({ ...m, matchedLiteral: Math.max(m.matchedLiteral, 16) })), ctx.scope).filter((r) => r.best.partial);
}

function gapValue(text: string, s: number, e: number): [number, number] {
  while (s < e && (isSpace(text.charCodeAt(s)) || text.charCodeAt(s) === 0x22)) s++;
  while (e > s && (isSpace(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === 0x22 || text.charCodeAt(e - 1) === 0x2e && !isIPv4(text.slice(s, e)))) e--;
  return [s, e];
}

/** Facts for the values that filled a template's placeholders (addresses, counts, codes, names). */
export function gapFacts(ctx: Ctx, m: TemplateMatch<SigRef>): Fact[] {
  const facts: Fact[] = [];
  const tpl = m.form.tpl;
  const ranges: Array<{ r: [number, number]; ph: string; after: string; before: string }> = [];
  if (m.lead) ranges.push({ r: m.lead, ph: tpl.gaps[0].map((p) => p.raw).join(' '), after: tpl.fragments[0], before: '' });
  m.gaps.forEach((g, i) => ranges.push({ r: g, ph: tpl.gaps[i + 1].map((p) => p.raw).join(' '), after: tpl.fragments[i + 1] ?? '', before: tpl.fragments[i] ?? '' }));
  if (m.trail) ranges.push({ r: m.trail, ph: tpl.gaps[tpl.fragments.length].map((p) => p.raw).join(' '), after: '', before: tpl.fragments[tpl.fragments.length - 1] });
  for (const g of ranges) {
    const [s, e] = gapValue(ctx.text, g.r[0], g.r[1]);
    if (s >= e || e - s > 300) continue;
    const v = squash(ctx.text.slice(s, e));
    if (!v) continue;
    const span: Span = [s, e];
    if (isIPv4(v)) facts.push(fact('address', 'IP アドレス', v, span, 'ip'));
    else if (/^\d+$/.test(v) && v.length < 12) {
      if (g.ph.includes('個数') || g.after.startsWith('packet') || g.after.startsWith('個')) facts.push(fact('count', 'パケット数', v, span));
      else if (g.ph.includes('番号') || g.before.endsWith('error:') || g.before.endsWith('コード:') || g.before.endsWith('コード') || g.before.endsWith('error')) {
        facts.push(fact('code', 'エラー コード', v, span));
        const rd = readToken(ctx.idx, v, true).find((r) => r.code);
        if (rd?.code) {
          facts.push(fact('codeMeaning', 'エラー コードの意味', describeCode(rd.code), span));
          const ja = japaneseText(ctx.idx, rd.code.decimal);
          if (ja) facts.push(fact('codeJa', '日本語版の表示', ja, span));
        }
      } else facts.push(fact('number', '数値', v, span));
    } else if (g.ph.includes('ポリシー名')) facts.push(fact('policyName', 'ポリシー名', v, span));
    else if (g.ph.includes('CN=') || v.startsWith('CN=') || v.startsWith('LDAP://')) facts.push(fact('dn', 'ポリシーの DN', v, span));
    else facts.push(fact('value', '値', v, span));
  }
  return facts;
}

/** First sentence of a playbook description, or a generic sentence. */
export function meaningOf(ctx: Ctx, playbookId: string | undefined, fallback: string): string {
  const p = playbookId ? ctx.idx.playbooks.get(playbookId) : undefined;
  const d = p?.description?.trim();
  if (!d) return fallback;
  const end = d.indexOf('。');
  return end > 0 ? d.slice(0, end + 1) : d;
}

export function refFor(ctx: Ctx, id: string | undefined, anchor: '対処' | '症状' = '対処'): PlaybookRef | undefined {
  const p = id ? ctx.idx.playbooks.get(id) : undefined;
  return p ? playbookRef(p, anchor) : undefined;
}

export function tierOf(ctx: Ctx, id: string | undefined): 1 | 2 | 3 | undefined {
  const t = id ? ctx.idx.playbooks.get(id)?.tiers?.[0] : undefined;
  return t === 1 || t === 2 || t === 3 ? t : undefined;
}

export function sensitiveOf(ctx: Ctx, id: string | undefined, extra: string[] = []): string[] | undefined {
  if (!extra.length) {
    // the common case (no extra topics): no Set unless the playbook lists some
    const list = id ? ctx.idx.playbooks.get(id)?.sensitive : undefined;
    if (!list || !list.length) return undefined;
  }
  const s = new Set<string>(extra);
  const p = id ? ctx.idx.playbooks.get(id) : undefined;
  for (const x of p?.sensitive ?? []) s.add(x);
  return s.size ? [...s] : undefined;
}

/** The Japanese text of a signature (used in titles when the input was English). */
export function sigJa(ctx: Ctx, ref: SigRef): string | undefined {
  const p = ctx.idx.playbooks.get(ref.playbookId);
  const ja = p?.signatures?.[ref.sigIndex]?.ja;
  // pages with no Japanese source repeat the English in `ja`: that is not what Japanese Windows shows
  return ja && /[\u3040-\u30ff\u4e00-\u9fff]/.test(ja) ? ja : undefined;
}

/** Kind of finding for a message matched in free text. */
export function kindForPlaybook(ctx: Ctx, id: string, sig?: SigRef): 'event' | 'message' {
  const p = ctx.idx.playbooks.get(id);
  if (sig?.event) return 'event';
  const ev = p?.events?.[0];
  if (ev && ev.log !== 'console' && ev.log !== 'UI') return 'event';
  return 'message';
}

const SUCCESS_RE = /established|was started|started successfully|has started|has been shut down successfully|applied .*polic|loaded .*polic|polled .*(?:no changes|applied)|received a control .* successfully|association ended|association was deleted|ended\.|negotiation succeeded/i;
const FAIL_RE = /fail|could not|cannot|unable|dropped|invalid|incorrect|not started|critical|denied|error/i;
const successMemo = new WeakMap<object, Map<string, boolean>>();

/** An event title that records success or a normal state change (SA established/ended, policy applied). */
export function isSuccessTitle(title: string): boolean {
  return SUCCESS_RE.test(title) && !FAIL_RE.test(title);
}

/**
 * True when every event a page explains is a success or state record (SA established/ended, policy
 * applied, service started): its messages are evidence that IPsec works, not a fault.
 */
export function isSuccessPage(ctx: Ctx, id: string): boolean {
  let m = successMemo.get(ctx.idx);
  if (!m) successMemo.set(ctx.idx, (m = new Map()));
  const hit = m.get(id);
  if (hit !== undefined) return hit;
  const p = ctx.idx.playbooks.get(id);
  const evs = p?.events ?? [];
  let ok = evs.length > 0;
  for (const e of evs) {
    const titles = (ctx.idx.events.get(e.id) ?? []).map((x) => x.title ?? '');
    if (!titles.length || !titles.some(isSuccessTitle) || titles.some((t) => FAIL_RE.test(t))) ok = false;
  }
  m.set(id, ok);
  return ok;
}
