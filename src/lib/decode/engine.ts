/**
 * The decoding engine: cut the input, index its lines, classify each line with a cheap detector,
 * hand blocks to the parsers, then scan the remaining free text for catalogue messages, one-line
 * 547 forms and error codes, and list whatever is left as unrecognised.
 */
import type { Catalogue } from '../catalogue/types.ts';
import { getIndex } from './catalogue-index.ts';
import type { CatalogueIndex } from './catalogue-index.ts';
import type { Ctx, GroupInfo } from './context.ts';
import type { Budget } from './matcher.ts';
import { isSuccessPage } from './context.ts';
import { cover, fact, gapFacts, kindForPlaybook, meaningOf, refFor, scanTail, scanTemplates, sensitiveOf, sigJa, tierOf } from './context.ts';
import { Cursor } from './cursor.ts';
import { codeFinding, scanCodes } from './errors.ts';
import type { EventRecord } from './events.ts';
import { interpretEvent, newEventRecord } from './events.ts';
import type { TitleIndex } from './event-sources.ts';
import { HEADER_DEFS, buildTitleIndex, computeContent, content, csvHeader, headerAt, idBefore, isFieldsStart, isHeaderStart, readDescription, readDialog, readRows, readXml, rowSeparator, titleIds } from './event-sources.ts';
import { K } from './kinds.ts';
import { decide } from './verdict.ts';
import { claimLookalikes } from './lookalikes.ts';
import { scanFreeText } from './freetext.ts';
import { COMMAND_PREFIXES, detectCommand, readCommand } from './commands/index.ts';
import { isOakleyLine, readOakley } from './oakley.ts';
import { isRegistryStart, readRegistry } from './registry.ts';
import type { DecodeOptions, DecodeReport, Finding, InputFormat, SummaryGroup, UnrecognisedText } from './types.ts';
import type { LineIndex } from './text.ts';
import { FOLD, SKIP, indexLines, looseKey, squash, stripPrefix, trimRange, utf8CutIndex, utf8Length, clip } from './text.ts';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const EXAMPLES_PER_GROUP = 3;

const titleCache = new WeakMap<Catalogue, TitleIndex>();
function titles(cat: Catalogue): TitleIndex {
  let t = titleCache.get(cat);
  if (!t) {
    t = buildTitleIndex(cat.events ?? []);
    titleCache.set(cat, t);
  }
  return t;
}

const F_NOISE = 1;
const F_ROW = 2;
const F_CSVHEAD = 4;
const F_HEADER = 8;
const F_REG = 16;
const F_CMD = 32;
const F_DESC = 64;
const F_FIELDS = 128;

/** Key of the first two folded (non-skipped) characters at s. */
function lineKey(text: string, s: number, e: number): number {
  let k1 = -1;
  for (let p = s; p < e && p < s + 16; p++) {
    const f = FOLD[text.charCodeAt(p)];
    if (f === SKIP) continue;
    if (k1 < 0) k1 = f;
    else return k1 * 65536 + f;
  }
  return k1 < 0 ? -1 : k1 * 65536;
}

function keyOf(s: string): number {
  return lineKey(s, 0, s.length);
}

const TYPE_KEYS = ['Information', 'Warning', 'Error', 'Success Audit', 'Failure Audit', 'Audit Success', 'Audit Failure', 'Critical', 'Verbose', '情報', '警告', 'エラー', '成功の監査', '失敗の監査', '監査の成功', '監査の失敗', '重大'];
const CSVHEAD_KEYS = ['Type', 'Level', 'Keywords', 'Date', '種類', 'レベル', 'キーワード', '日付'];
const REG_KEYS = ['HKEY_', 'HKLM\\', 'HKCU\\', '[HKEY_', '[HKLM\\', '[-HKEY_', 'Windows Registry Editor', 'REGEDIT4', '! REG.EXE', 'ERROR: The system', 'エラー: 指定'];
const FIELD_KEYS = ['Mode', 'Filter', 'Peer Identity', 'Parameters', 'Failure Point', 'Failure Reason', 'Extra Status', 'モード', 'フィルタ', 'ピアの ID', 'ピア ID', 'パラメータ', '失敗点', '失敗ポイント', '失敗したポイント', 'エラー ポイント', '失敗の理由', '失敗理由', 'エラーの理由', '追加の状態', '追加状態', '状態の追加'];

const tableCache = new WeakMap<Catalogue, Map<number, number>>();
function dispatchTable(cat: Catalogue, ti: TitleIndex): Map<number, number> {
  let t = tableCache.get(cat);
  if (t) return t;
  const m = new Map<number, number>();
  const add = (words: string[], flag: number) => {
    for (const w of words) {
      const k = keyOf(w);
      if (k >= 0) m.set(k, (m.get(k) ?? 0) | flag);
    }
  };
  add(NOISE_PREFIXES, F_NOISE);
  add(TYPE_KEYS, F_ROW);
  add(CSVHEAD_KEYS, F_CSVHEAD);
  add(HEADER_DEFS.map((d) => d.text), F_HEADER);
  add(REG_KEYS, F_REG);
  add(COMMAND_PREFIXES, F_CMD);
  add(FIELD_KEYS, F_FIELDS);
  for (const k of ti.keys) if (k.length >= 2) m.set(k.charCodeAt(0) * 65536 + k.charCodeAt(1), (m.get(k.charCodeAt(0) * 65536 + k.charCodeAt(1)) ?? 0) | F_DESC);
  tableCache.set(cat, m);
  t = m;
  return t;
}

let cmdTable: Map<number, string[]> | undefined;
function commandPrefixTable(): Map<number, string[]> {
  if (cmdTable) return cmdTable;
  const m = new Map<number, string[]>();
  for (const w of COMMAND_PREFIXES) {
    const k = keyOf(w);
    const l = m.get(k) ?? [];
    l.push(w);
    m.set(k, l);
  }
  cmdTable = m;
  return m;
}

const NOISE_PREFIXES = [
  'The command completed successfully',
  'コマンドは正常に終了しました',
  'Press any key',
  '続行するには何かキーを押してください',
  'For more information, see Help and Support Center',
  'Ok.',
];

function isSeparatorLine(text: string, s: number, e: number): boolean {
  if (e - s < 3) return false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x2d && c !== 0x3d && c !== 0x2a && c !== 0x5f && c !== 0x23 && c !== 0x7e && c !== 0x20 && c !== 0x09 && c !== 0x2500) return false;
  }
  return true;
}

interface Group extends SummaryGroup {
  firstKey: string;
  lastKey: string;
  examples: number;
}

/**
 * Per-decode state. A class (not an object literal) so every parser sees one stable object shape,
 * and the hot loops live in small methods that the JIT optimises on their own instead of one huge
 * function that keeps deoptimising on cold branches.
 */
class DecodeState implements Ctx {
  readonly text: string;
  readonly lines: LineIndex;
  readonly idx: CatalogueIndex;
  readonly scope: string | undefined;
  readonly budget: Budget;
  readonly covered: Uint8Array;
  readonly notices: string[];
  readonly formats = new Map<InputFormat, number>();
  events = 0;
  readonly truncated: boolean;
  readonly memo = new Map<string, unknown>();
  aborted = false;
  columns: string[] | undefined = undefined;
  lastCommand: string | undefined = undefined;
  readonly cs: Int32Array;
  readonly ce: Int32Array;
  readonly pr: Uint8Array;
  readonly stored: Finding[] = [];
  readonly groups = new Map<string, Group>();
  totalFindings = 0;
  dropped = 0;
  readonly kinds: Int8Array;
  readonly ti: TitleIndex;
  readonly xmlCursor: Cursor;
  readonly closeCursor: Cursor;
  readonly ikeCursor: Cursor;
  private ticks = 0;
  private nextTickAt = 0;
  private readonly maxFindings: number;
  private readonly opts: DecodeOptions;
  private readonly table: Map<number, number>;
  private readonly cmdPrefixes: Map<number, string[]>;

  constructor(text: string, cat: Catalogue, opts: DecodeOptions, notices: string[], truncated: boolean) {
    this.text = text;
    this.opts = opts;
    this.notices = notices;
    this.truncated = truncated;
    const lines = indexLines(text);
    this.lines = lines;
    this.idx = getIndex(cat);
    this.scope = opts.scope;
    this.budget = { ops: 64 * text.length + 2_000_000, exhausted: false };
    this.covered = new Uint8Array(lines.count);
    this.maxFindings = opts.maxFindings ?? 500;
    const c = computeContent(text, lines.starts, lines.ends, lines.count);
    this.cs = c.cs;
    this.ce = c.ce;
    this.pr = c.pr;
    this.kinds = new Int8Array(lines.count).fill(-1);
    this.ti = titles(cat);
    this.xmlCursor = new Cursor(text, '<Event');
    this.closeCursor = new Cursor(text, '</Event>');
    this.ikeCursor = new Cursor(text, 'IKE security association');
    this.table = dispatchTable(cat, this.ti);
    this.cmdPrefixes = commandPrefixTable();
  }

  tick(offset: number): boolean {
    if (this.aborted) return true;
    if (++this.ticks < this.nextTickAt) return false;
    this.nextTickAt = this.ticks + 256;
    if (this.opts.signal?.aborted) {
      this.aborted = true;
      return true;
    }
    try {
      this.opts.onProgress?.(Math.min(offset, this.text.length), this.text.length);
    } catch {
      /* a failing callback must not stop decoding */
    }
    return false;
  }

  groupFull(key: string): boolean {
    return (this.groups.get(key)?.examples ?? 0) >= EXAMPLES_PER_GROUP;
  }

  wantFinding(priority: number): boolean {
    const n = this.stored.length;
    return n < this.maxFindings || (priority >= 80 && n < this.maxFindings * 2);
  }

  countKnown(key: string, time?: string, timeKey?: string): boolean {
    const gr = this.groups.get(key);
    if (!gr) return false;
    this.totalFindings++;
    this.dropped++;
    bumpTime(gr, time, timeKey);
    return true;
  }

  count(g: GroupInfo, kind: Finding['kind'] = 'event'): void {
    this.totalFindings++;
    this.dropped++;
    let gr = this.groups.get(g.key);
    if (!gr) {
      gr = { key: g.key, kind, title: g.title, eventId: g.eventId, source: g.source, reason: g.reason, peer: g.peer, count: 0, first: g.time, last: g.time, playbook: g.playbook, firstKey: g.timeKey ?? '', lastKey: g.timeKey ?? '', examples: EXAMPLES_PER_GROUP };
      this.groups.set(g.key, gr);
    }
    bump(gr, g);
  }

  emit(f: Finding, g?: GroupInfo): void {
    this.totalFindings++;
    let keep = true;
    if (g) {
      let gr = this.groups.get(g.key);
      if (!gr) {
        gr = { key: g.key, kind: f.kind, title: g.title, eventId: g.eventId, source: g.source, reason: g.reason, peer: g.peer, count: 0, first: g.time, last: g.time, playbook: g.playbook, firstKey: g.timeKey ?? '', lastKey: g.timeKey ?? '', examples: 0 };
        this.groups.set(g.key, gr);
      }
      bump(gr, g);
      if (gr.examples >= EXAMPLES_PER_GROUP) keep = false;
      else gr.examples++;
    }
    const stored = this.stored;
    if (keep && stored.length >= this.maxFindings) keep = f.priority >= 80 && stored.length < this.maxFindings * 2;
    if (keep) stored.push(f);
    else this.dropped++;
  }

  detect(i: number): number {
    if (i < 0 || i >= this.lines.count) return K.FREE;
    let k = this.kinds[i];
    if (k < 0) {
      k = this.detectRaw(i);
      this.kinds[i] = k;
    }
    return k;
  }

  /** True when an '<Event' that starts an element (not '<EventID', '<EventData') is on the line. */
  private xmlOnLine(s0: number, e0: number): number {
    const text = this.text;
    let x = this.xmlCursor.find(s0, e0);
    while (x >= 0) {
      const c = text.charCodeAt(x + 6);
      if (c === 0x20 || c === 0x3e || c === 0x09 || x + 6 >= e0) return x;
      x = this.xmlCursor.find(x + 1, e0);
    }
    return -1;
  }

  private detectRaw(i: number): number {
    const text = this.text;
    const s = this.cs[i];
    const e = this.ce[i];
    if (s >= e) return this.pr[i] ? K.PROMPT : K.FREE;
    // XML anywhere on the line
    if (this.xmlOnLine(this.lines.starts[i], this.lines.ends[i]) >= 0) return K.XML;
    if (this.pr[i]) return K.PROMPT;
    const c0 = text.charCodeAt(s);
    if (c0 === 0x2d || c0 === 0x3d || c0 === 0x2a || c0 === 0x5f || c0 === 0x23 || c0 === 0x7e || c0 === 0x2500) {
      if (isSeparatorLine(text, s, e)) return K.NOISE;
    }
    if (c0 >= 0x30 && c0 <= 0x39 && isOakleyLine(text, s, e)) return K.OAKLEY;
    const key = lineKey(text, s, e);
    const flags = this.table.get(key) ?? 0;
    if (flags) {
      if (flags & F_NOISE) for (const np of NOISE_PREFIXES) if (text.startsWith(np, s)) return K.NOISE;
      if (flags & F_ROW && rowSeparator(text, s, e)) return K.ROW;
      if (flags & F_CSVHEAD && csvHeader(text, s, e)) return K.CSVHEAD;
      if (flags & F_HEADER && headerAt(text, s, e) && isHeaderStart(this, i)) return K.HEADER;
      if (flags & F_REG && isRegistryStart(text, s, e)) return K.REG;
      if (flags & F_CMD) {
        const pre = this.cmdPrefixes.get(key);
        if (pre && pre.some((w) => text.startsWith(w, s))) {
          const cmd = detectCommand(this, i, s, e);
          if (cmd) return cmd;
        }
      }
      if (flags & F_DESC && titleIds(this.ti, text, s, e)) return K.DESC;
      if (flags & F_FIELDS && isFieldsStart(this, i)) return K.FIELDS;
    }
    // phrases that end a line: Japanese ping / tracert headers, netdiag test results
    const last = text.charCodeAt(e - 1);
    if (e - s <= 240 && (last === 0x3059 || last === 0x3a || last === 0xff1a || last === 0x64 || last === 0x529f || last === 0x6557 || last === 0x30d7)) {
      const cmd = detectCommand(this, i, s, e);
      if (cmd) return cmd;
    }
    const at = this.ikeCursor.find(s, e);
    if (at > s && titleIds(this.ti, text, at, e)) return K.DESC_INLINE;
    return K.FREE;
  }

  boundary(i: number): boolean {
    if (i < 0 || i >= this.lines.count) return false;
    const k = this.kinds[i];
    if (k >= 0) return k === K.HEADER || k === K.XML || k === K.PROMPT || k === K.ROW || k === K.CSVHEAD;
    if (this.pr[i]) return true;
    if (this.xmlOnLine(this.lines.starts[i], this.lines.ends[i]) >= 0) return true;
    const s = this.cs[i];
    const e = this.ce[i];
    if (s >= e) return false;
    const flags = this.table.get(lineKey(this.text, s, e)) ?? 0;
    if (!(flags & (F_ROW | F_HEADER | F_CSVHEAD))) return false;
    const text = this.text;
    if (flags & F_ROW && rowSeparator(text, s, e)) return true;
    if (flags & F_HEADER && headerAt(text, s, e) && isHeaderStart(this, i)) return true;
    if (flags & F_CSVHEAD && csvHeader(text, s, e)) return true;
    return false;
  }

  /** Lines claimed by another product's log (lookalikes.ts): no Windows parser reads them. */
  claimed: Uint8Array | undefined = undefined;

  /** The main pass: classify each line and hand blocks to their parsers. Returns false when aborted. */
  run(freeLines: number[]): boolean {
    const text = this.text;
    const lines = this.lines;
    const n = lines.count;
    this.claimed = claimLookalikes(this);
    const claimed = this.claimed;
    let i = 0;
    while (i < n) {
      if (claimed && claimed[i]) {
        i++;
        continue;
      }
      if (this.tick(lines.starts[i]) || this.aborted) {
        this.notices.push(`中断されました: ${i + 1} 行目までを解析しました。`);
        return false;
      }
      const kind = this.detect(i);
      let j = i + 1;
      switch (kind) {
        case K.FREE:
          freeLines.push(i);
          break;
        case K.NOISE:
          this.covered[i] = 1;
          break;
        case K.PROMPT: {
          this.covered[i] = 1;
          const pre = stripPrefix(text, lines.starts[i], lines.ends[i]);
          this.lastCommand = text.slice(pre.start, Math.min(lines.ends[i], pre.start + 300)).trim();
          break;
        }
        case K.CSVHEAD:
          this.columns = csvHeader(text, this.cs[i], this.ce[i]) ?? undefined;
          this.covered[i] = 1;
          break;
        case K.XML: {
          const at = this.xmlCursor.find(lines.starts[i], lines.ends[i]);
          // text before the XML on the same line is free text
          j = readXml(this, i, at >= 0 ? at : lines.starts[i], this.closeCursor);
          break;
        }
        case K.HEADER:
          j = readDialog(this, i);
          break;
        case K.ROW:
          j = readRows(this, i);
          break;
        case K.DESC: {
          const s = this.cs[i];
          const t = titleIds(this.ti, text, s, this.ce[i]);
          j = readDescription(this, i, s, t ? t.ids : null);
          break;
        }
        case K.DESC_INLINE: {
          const s = this.cs[i];
          const e = this.ce[i];
          const at = this.ikeCursor.find(s, e);
          const t = at >= 0 ? titleIds(this.ti, text, at, e) : null;
          j = t ? readDescription(this, i, at, t.ids, idBefore(this, s, at)) : i + 1;
          if (!t) freeLines.push(i);
          break;
        }
        case K.FIELDS:
          j = readDescription(this, i, this.cs[i], null);
          break;
        case K.OAKLEY:
          j = readOakley(this, i, this.opts.hint === 'oakley');
          break;
        case K.REG:
          j = readRegistry(this, i);
          break;
        default:
          j = readCommand(this, i, kind);
      }
      if (j <= i) j = i + 1;
      if (kind !== K.FREE) this.leftovers(i, j, freeLines);
      i = j;
    }
    return true;
  }

  /** Lines of a parsed block that its parser did not claim: noise, prompts, or free text. */
  private leftovers(i: number, j: number, freeLines: number[]): void {
    const covered = this.covered;
    const cs = this.cs;
    const ce = this.ce;
    for (let k = i; k < j; k++) {
      if (covered[k] || cs[k] >= ce[k]) continue;
      const kk = this.detect(k);
      if (kk === K.NOISE || kk === K.PROMPT) covered[k] = 1;
      else freeLines.push(k);
    }
  }

  /** Runs of uncovered lines, listed as unrecognised text. */
  unrecognised(maxUnrec: number): { list: UnrecognisedText[]; count: number } {
    const text = this.text;
    const { starts, ends, count: n } = this.lines;
    const cs = this.cs;
    const ce = this.ce;
    const covered = this.covered;
    const list: UnrecognisedText[] = [];
    let count = 0;
    let runStart = -1;
    let runEnd = -1;
    const flush = () => {
      if (runStart < 0) return;
      count++;
      if (list.length < maxUnrec) {
        const [s, e] = trimRange(text, runStart, runEnd);
        list.push({ text: clip(text.slice(s, e), 2000), span: [s, e] });
      }
      runStart = -1;
    };
    for (let i = 0; i < n; i++) {
      if (cs[i] >= ce[i] || covered[i]) {
        if (runStart >= 0) flush();
        continue;
      }
      if (runStart < 0) runStart = starts[i];
      runEnd = ends[i];
      if (runEnd - runStart > 4000) flush();
    }
    flush();
    return { list, count };
  }
}

function bump(gr: Group, g: GroupInfo): void {
  bumpTime(gr, g.time, g.timeKey);
}

function bumpTime(gr: Group, time: string | undefined, timeKey: string | undefined): void {
  gr.count++;
  if (time) {
    const k = timeKey ?? '';
    if (gr.first === undefined || (k && gr.firstKey && k < gr.firstKey)) {
      gr.first = time;
      gr.firstKey = k;
    }
    if (gr.last === undefined || !k || !gr.lastKey || k >= gr.lastKey) {
      gr.last = time;
      gr.lastKey = k;
    }
  }
}

export function decodeText(input: string, cat: Catalogue, opts: DecodeOptions = {}): DecodeReport {
  const notices: string[] = [];
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const raw = typeof input === 'string' ? input : String(input ?? '');
  let text = raw;
  let cutAt: number | undefined;
  const cut = utf8CutIndex(raw, maxBytes);
  // exact UTF-8 size, except for inputs far beyond the limit (then a lower bound: one byte per character)
  const bytes = raw.length <= 4 * maxBytes + 1024 ? utf8Length(raw) : raw.length;
  if (cut >= 0) {
    text = raw.slice(0, cut);
    cutAt = maxBytes;
    notices.push(`入力が ${maxBytes} バイトを超えたため、先頭の ${maxBytes} バイトだけを解析しました (input cut at ${maxBytes} bytes)。`);
  }
  const ctx = new DecodeState(text, cat, opts, notices, cut >= 0);
  const lines = ctx.lines;
  const freeLines: number[] = [];
  try {
    const done = ctx.run(freeLines);
    if (done && !ctx.aborted) freeText(ctx, freeLines);
    if (ctx.aborted && done) notices.push('中断されました: 途中までの結果です。');
    if (!ctx.aborted) {
      try {
        opts.onProgress?.(text.length, text.length);
      } catch {
        /* ignore */
      }
    }
  } catch (err) {
    notices.push(`解析中に内部エラーが発生したため、途中までの結果を返します (${err instanceof Error ? err.message : String(err)})。`);
  }
  if (ctx.budget.exhausted) notices.push('入力が複雑すぎるため、一部の照合を省略しました。');
  const { list: unrecognised, count: unrecCount } = ctx.unrecognised(opts.maxUnrecognised ?? 200);
  if (unrecCount > unrecognised.length) notices.push(`認識できなかった箇所は ${unrecCount} 件あり、先頭の ${unrecognised.length} 件だけを一覧にしています。`);
  if (ctx.dropped > 0) notices.push(`同じ内容の記録 ${ctx.dropped} 件は一覧から省き、集計 (summary) の件数にだけ含めています。`);
  // finalize
  const stored = ctx.stored;
  stored.sort((a, b) => a.span[0] - b.span[0]);
  const summary: SummaryGroup[] = [...ctx.groups.values()]
    .sort((a, b) => b.count - a.count || (a.firstKey < b.firstKey ? -1 : 1))
    .map((g) => {
      const out: SummaryGroup = { key: g.key, kind: g.kind, title: g.title, count: g.count };
      if (g.eventId !== undefined) out.eventId = g.eventId;
      if (g.source) out.source = g.source;
      if (g.reason) out.reason = g.reason;
      if (g.peer) out.peer = g.peer;
      if (g.first) out.first = g.first;
      if (g.last) out.last = g.last;
      if (g.playbook) out.playbook = g.playbook;
      return out;
    });
  const format = pickFormat(ctx.formats, text, freeLines.length);
  const verdictInfo = decide({ idx: ctx.idx, text }, stored, unrecognised);
  return {
    verdict: verdictInfo.verdict,
    verdictReason: verdictInfo.reason,
    verdictInfo,
    input: cutAt !== undefined ? { bytes, lines: text.length ? lines.count : 0, format, cutAt } : { bytes, lines: text.length ? lines.count : 0, format },
    findings: stored,
    summary,
    unrecognised,
    notices,
    firstLook: firstLook(stored, summary),
    stats: { findings: ctx.totalFindings, events: ctx.events, unrecognised: unrecCount },
  };
}

function pickFormat(formats: Map<InputFormat, number>, text: string, free: number): InputFormat {
  if (!text.trim()) return 'empty';
  const entries = [...formats.entries()].filter(([, v]) => v > 0);
  if (!entries.length) return 'text';
  if (entries.length === 1) return free > 0 && free > entries[0][1] * 4 ? 'mixed' : entries[0][0];
  const kinds = new Set(entries.map(([k]) => k));
  return kinds.size === 1 ? entries[0][0] : 'mixed';
}

/** Short "what to look at first" lines from the highest-priority findings. */
export function firstLook(findings: Finding[], summary: SummaryGroup[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const sorted = [...findings].filter((f) => f.priority >= 40).sort((a, b) => b.priority - a.priority || a.span[0] - b.span[0]);
  for (const f of sorted) {
    const key = f.playbook?.id ?? f.title;
    if (seen.has(key)) continue;
    seen.add(key);
    const g = f.eventId !== undefined ? summary.find((s) => s.eventId === f.eventId && s.playbook?.id === f.playbook?.id) : undefined;
    const count = g && g.count > 1 ? ` (${g.count} 件)` : '';
    out.push(`${f.title}${count}${f.playbook ? ` → 「${f.playbook.title}」の${f.playbook.anchor}` : f.guide ? ` → 「${f.guide.title}」` : ''}`);
    if (out.length >= 5) break;
  }
  return out;
}

/** Free text: one-line 547 forms, catalogue messages (also wrapped), error codes, cut-off tails. */
function freeText(ctx: Ctx, freeLines: number[]): void {
  const { text, lines } = ctx;
  const dash = new Cursor(text, '。-');
  // paragraphs of consecutive free lines
  let p = 0;
  while (p < freeLines.length) {
    let q = p + 1;
    while (q < freeLines.length && freeLines[q] === freeLines[q - 1] + 1) q++;
    const para = freeLines.slice(p, q);
    p = q;
    if (ctx.tick(lines.starts[para[0]])) return;
    for (const li of para) {
      if (ctx.covered[li]) continue;
      const [s, e] = content(ctx, li);
      // the chapter's one-line 547 form: 「reason。- extra status」
      const d = dash.find(s, e);
      if (d > s) oneLine547(ctx, li, s, e, d);
    }
    const ranges: number[] = [];
    const rlines: number[] = [];
    for (const li of para) {
      if (ctx.covered[li]) continue;
      const [s, e] = content(ctx, li);
      if (s < e) {
        ranges.push(s, e);
        rlines.push(li);
      }
    }
    if (ranges.length) {
      for (const m of scanTemplates(ctx, ranges)) messageFinding(ctx, m);
    }
    for (const li of para) {
      if (ctx.covered[li]) continue;
      const [s, e] = content(ctx, li);
      if (s >= e || e - s > 20000) continue;
      const hits = scanCodes(ctx.idx, text, s, e);
      // "13801 (0x35E9)": the same code written twice side by side is one finding
      for (let h = 0; h < hits.length; h++) {
        const a = hits[h];
        const b = hits[h + 1];
        const ca = a.readings.length === 1 ? a.readings[0].code : undefined;
        if (b && ca && b.readings.length === 1 && b.readings[0].code === ca && b.span[0] - a.span[1] <= 4) {
          const f = codeFinding(ctx.idx, `${a.token} (${b.token})`, [a.span[0], b.span[1] + (text.charCodeAt(b.span[1]) === 0x29 ? 1 : 0)], a.readings);
          ctx.emit(f);
          h++;
          continue;
        }
        const cb = b && b.readings.length === 1 ? b.readings[0].code : undefined;
        if (b && ca && cb && ca !== cb && b.span[0] - a.span[1] <= 4 && (a.readings[0].form === 'name' || b.readings[0].form === 'name')) {
          // "ERROR_IPSEC_IKE_AUTH_FAIL (0x000035EF)": a name beside another code's number is wrong in itself
          ctx.emit(codeMismatch(ctx, a, b));
          h++;
          continue;
        }
        ctx.emit(codeFinding(ctx.idx, a.token, a.span, a.readings));
      }
      if (hits.length) {
        // a line that is only codes is recognised
        let rest = text.slice(s, e);
        for (const h of hits) rest = rest.split(h.token).join('');
        if (squash(rest).length <= 24) ctx.covered[li] = 1;
      }
    }
  }
  scanFreeText(ctx, freeLines);
  // cut-off paste at the end
  let last = lines.count - 1;
  while (last >= 0 && content(ctx, last)[0] >= content(ctx, last)[1]) last--;
  if (last >= 0 && !ctx.covered[last]) {
    for (const m of scanTail(ctx, lines.ends[last])) messageFinding(ctx, m);
  }
}

type CodeHit = ReturnType<typeof scanCodes>[number];

/** Two readings side by side that name different codes: show both and say they disagree. */
function codeMismatch(ctx: Ctx, a: CodeHit, b: CodeHit): Finding {
  const fa = codeFinding(ctx.idx, a.token, a.span, a.readings);
  const fb = codeFinding(ctx.idx, b.token, b.span, b.readings);
  const ca = a.readings[0].code as NonNullable<CodeHit['readings'][number]['code']>;
  const cb = b.readings[0].code as NonNullable<CodeHit['readings'][number]['code']>;
  return {
    kind: 'error-code',
    title: `名前と数値が一致しません: ${a.token} は ${ca.decimal} (${ca.hex}) ですが、${b.token} は ${cb.name} です`,
    meaning: '並べて書かれたエラーの名前と数値が別のコードを指しています。転記の誤りか、別々のエラーです。元の画面やログで確かめてください。',
    facts: [...fa.facts, ...fb.facts],
    playbook: fa.playbook,
    alternatives: fb.playbook && fb.playbook.id !== fa.playbook?.id ? [fb.playbook] : undefined,
    confidence: 'partial',
    span: [a.span[0], b.span[1]],
    severity: 'warning',
    priority: 60,
    verdict: 'need-data',
    verdictReason: 'エラーの名前と数値が別のコードを指しているため、どちらが正しいか決められません。',
  };
}

function messageFinding(ctx: Ctx, m: ReturnType<typeof scanTemplates>[number]): void {
  const ref = m.best.form.ref;
  const pb = refFor(ctx, ref.playbookId, m.best.partial ? '症状' : '対処');
  const alts = m.alts.map((a) => refFor(ctx, a.form.ref.playbookId)).filter((x): x is NonNullable<typeof x> => !!x);
  const p = ctx.idx.playbooks.get(ref.playbookId);
  const confidence = m.best.partial ? 'partial' : m.best.form.tpl.variable ? 'template' : 'exact';
  const matched = squash(ctx.text.slice(m.best.start, m.best.end));
  const facts = [fact('message', 'メッセージ', clip(matched, 500), [m.best.start, m.best.end]), ...gapFacts(ctx, m.best)];
  const ja = sigJa(ctx, ref);
  if (ja && ref.lang !== 'ja') facts.push(fact('ja', '日本語版の表示', ja, [m.best.start, m.best.end]));
  if (ref.ref) facts.push(fact('ref', 'メッセージ番号 (messages.tsv)', ref.ref, [m.best.start, m.best.end]));
  if (ref.code !== undefined) {
    const c = ctx.idx.codesByValue.get(ref.code);
    if (c) facts.push(fact('code', 'エラー コード', `${c.decimal} (${c.hex}) ${c.name}`, [m.best.start, m.best.end]));
  }
  const kind = kindForPlaybook(ctx, ref.playbookId, ref);
  const eventId = ref.event ?? p?.events?.[0]?.id;
  const title = `${m.best.partial ? '途中で切れた文字列: ' : ''}${p?.title ?? ref.playbookId}`;
  const f: Finding = {
    kind,
    title,
    meaning: meaningOf(ctx, ref.playbookId, 'このメッセージはプレイブックに登録されています。'),
    facts,
    playbook: pb,
    alternatives: alts.length ? alts : undefined,
    tier: tierOf(ctx, ref.playbookId),
    sensitive: sensitiveOf(ctx, ref.playbookId),
    confidence,
    span: [m.best.start, m.best.end],
    // a message of a page about SAs established or policy applied shows IPsec working
    severity: isSuccessPage(ctx, ref.playbookId) ? 'info' : 'warning',
    priority: m.best.partial ? 45 : 75,
  };
  if (eventId !== undefined) f.eventId = eventId;
  // the same text on several pages (the driver events' shared last sentence): the text alone cannot decide
  if (alts.length && !m.best.partial) {
    f.verdict = 'need-data';
    f.verdictReason = `この文言は ${alts.length + 1} つのページに共通です。イベント ID やその前の文で、どのイベントか確かめてください。`;
  }
  if (ctx.scope && (ref.playbookId === ctx.scope || alts.some((a) => a.id === ctx.scope))) f.inScope = true;
  cover(ctx, m.best.start, m.best.end);
  ctx.emit(f, { key: `msg|${ref.playbookId}|${looseKey(matched).slice(0, 40)}`, title: p?.title ?? ref.playbookId, eventId, playbook: pb });
}

/** 「ネゴシエーションがタイムアウトしました。- 最初の SA ペイロードを処理しました。応答側。 デルタ時間 63」 */
function oneLine547(ctx: Ctx, li: number, s: number, e: number, dash: number): void {
  const text = ctx.text;
  let rs = s;
  // the reason may follow a label on the same line ("失敗の理由: …")
  const colon = Math.max(text.lastIndexOf(':', dash), text.lastIndexOf('：', dash));
  if (colon >= s) rs = colon + 1;
  const [a, b] = trimRange(text, rs, dash);
  const reason = text.slice(a, b);
  const cands = ctx.idx.reasons.get(looseKey(reason));
  if (!cands || !cands.length) return;
  const [xs, xe] = trimRange(text, dash + 2, e);
  // through the normal 547 path, with the reason and the extra status as data items
  const rec = newEventRecord('event-description', [a, xe]);
  rec.id = 547;
  interpretOneLine(ctx, rec, [a, b], [xs, xe]);
  ctx.covered[li] = 1;
}

function interpretOneLine(ctx: Ctx, rec: EventRecord, reason: [number, number], extra: [number, number]): void {
  // Reuse the 547 interpretation by giving it XML-like data items (mode unknown).
  rec.data = [
    { value: '', span: [reason[0], reason[0]] },
    { value: '', span: [reason[0], reason[0]] },
    { value: '', span: [reason[0], reason[0]] },
    { value: '', span: [reason[0], reason[0]] },
    { value: ctx.text.slice(reason[0], reason[1]), span: reason },
    { value: ctx.text.slice(extra[0], extra[1]), span: extra },
  ];
  interpretEvent(ctx, rec);
}

