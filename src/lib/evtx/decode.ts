/**
 * .evtx → DecodeReport. Each record is rendered to the event XML Event Viewer shows, and that text
 * goes through the ordinary decoder (decode() reads event XML), so a dropped .evtx gives the same
 * report as its XML rendering pasted as text. Large files are decoded in batches of records and
 * the batch reports merged (summary groups add up, findings and unrecognised passages are capped),
 * so memory grows with the summary, not with the file.
 */
import type { Catalogue } from '../catalogue/types.ts';
import { decode } from '../decode/index.ts';
import { firstLook } from '../decode/engine.ts';
import { combine } from '../decode/verdict.ts';
import type { DecodeOptions, DecodeReport, Finding, ReportVerdict, SummaryGroup, UnrecognisedText } from '../decode/types.ts';
import type { ChunkResult, Damage } from './chunk.ts';

/** Characters of rendered XML per batch: well under the decoder's 5 MB cut even for 3-byte UTF-8. */
export const BATCH_CHARS = 1_500_000;

export interface EvtxDecodeOptions extends Omit<DecodeOptions, 'onProgress'> {
  batchChars?: number;
  /** Keep the rendered XML text (for showing it in the paste box). Off for big files. */
  keepText?: boolean;
}

/** The report of an .evtx file: a DecodeReport whose stats also carry records and damage. */
export type EvtxReport = DecodeReport & { stats: DecodeReport['stats'] & { records: number; damaged: Damage[] } };

export class EvtxDecodeSession {
  private cat: Catalogue;
  private opts: EvtxDecodeOptions;
  private pending: string[] = [];
  private pendingChars = 0;
  private offset = 0;
  private findings: Finding[] = [];
  private groups = new Map<string, SummaryGroup>();
  private unrecognised: UnrecognisedText[] = [];
  private notices: string[] = [];
  private noticeSet = new Set<string>();
  private stats = { findings: 0, events: 0, unrecognised: 0 };
  private lines = 0;
  private formats = new Set<string>();
  private batches = 0;
  private verdicts: ReportVerdict[] = [];
  records = 0;
  damaged: Damage[] = [];
  /** The rendered XML (only with keepText). */
  text = '';

  constructor(cat: Catalogue, opts: EvtxDecodeOptions = {}) {
    this.cat = cat;
    this.opts = opts;
  }

  private dropped = 0;
  private droppedAt = -1;

  /** Batch notices that differ only in their numbers are kept once; the duplicate count is summed. */
  notice(n: string): void {
    const dup = /^同じ内容の記録 (\d+) 件/.exec(n);
    if (dup) {
      if (this.droppedAt < 0) this.droppedAt = this.notices.push(n) - 1;
      this.dropped += Number(dup[1]);
      return;
    }
    const key = n.replace(/\d+/g, '#');
    if (!this.noticeSet.has(key)) {
      this.noticeSet.add(key);
      this.notices.push(n);
    }
  }

  add(r: ChunkResult): void {
    for (const d of r.damaged) this.damaged.push(d);
    for (const n of r.notices) this.notice(n);
    for (const rec of r.records) {
      this.records++;
      this.pending.push(rec.xml);
      this.pendingChars += rec.xml.length + 1;
      if (this.pendingChars >= (this.opts.batchChars ?? BATCH_CHARS)) this.flush();
    }
  }

  /** A slice of a text file (cut at a blank line or line end by the caller): decoded as its own batch. */
  addText(text: string): void {
    this.flush();
    this.flush(text);
  }

  private flush(given?: string): void {
    if (given === undefined && !this.pending.length) return;
    const text = given ?? this.pending.join('\n');
    this.pending = [];
    this.pendingChars = 0;
    if (this.opts.keepText) this.text += (this.text ? '\n' : '') + text;
    const { onProgress: _drop, ...rest } = this.opts as DecodeOptions;
    const r = decode(text, this.cat, rest);
    this.batches++;
    const shift = this.offset;
    const maxF = this.opts.maxFindings ?? 500;
    const maxU = this.opts.maxUnrecognised ?? 200;
    // Strings in a report can be slices of the batch text and would keep all of it alive:
    // everything kept across batches is copied (structuredClone makes fresh strings).
    for (const f of r.findings) {
      if (this.findings.length >= maxF) break;
      this.findings.push(structuredClone(shift ? { ...f, span: [f.span[0] + shift, f.span[1] + shift], facts: f.facts.map((x) => ({ ...x, span: [x.span[0] + shift, x.span[1] + shift] })) } : f));
    }
    for (const u of r.unrecognised) if (this.unrecognised.length < maxU) this.unrecognised.push(structuredClone(shift ? { ...u, span: [u.span[0] + shift, u.span[1] + shift] } : u));
    for (const g of r.summary) {
      const m = this.groups.get(g.key);
      if (!m) this.groups.set(g.key, structuredClone(g));
      else {
        m.count += g.count;
        if (g.first && (!m.first || g.first < m.first)) m.first = structuredClone(g.first);
        if (g.last && (!m.last || g.last > m.last)) m.last = structuredClone(g.last);
      }
    }
    for (const n of r.notices) this.notice(structuredClone(n));
    if (r.verdictInfo) {
      const v = structuredClone(shift ? { ...r.verdictInfo, evidence: r.verdictInfo.evidence.map(([a, b]): [number, number] => [a + shift, b + shift]) } : r.verdictInfo);
      // keep one running verdict, not one per batch
      this.verdicts = this.verdicts.length ? [combine([...this.verdicts, v])] : [v];
    }
    this.stats.findings += r.stats.findings;
    this.stats.events += r.stats.events;
    this.stats.unrecognised += r.stats.unrecognised;
    this.lines += r.input.lines;
    this.formats.add(r.input.format);
    this.offset += text.length + (given === undefined ? 1 : 0);
  }

  /** The merged report. For a text file (`evtx` false) stats carry no records/damaged fields. */
  finish(fileBytes: number, evtx = true): EvtxReport {
    this.flush();
    const summary = [...this.groups.values()].sort((a, b) => b.count - a.count);
    if (this.droppedAt >= 0) this.notices[this.droppedAt] = `同じ内容の記録 ${this.dropped} 件は一覧から省き、集計 (summary) の件数にだけ含めています。`;
    if (this.batches > 1 && this.findings.length < this.stats.findings) this.notice(`詳細な所見は先頭の ${this.findings.length} 件だけを載せています。集計 (summary) はすべてのレコードを数えています。`);
    if (this.damaged.length) this.notice(`読めなかった箇所が ${this.damaged.length} か所あります (stats.damaged にファイル内のオフセットと理由を載せています)。`);
    if (evtx && !this.records) this.notice('.evtx ファイルから読めるイベント レコードがありませんでした。');
    const formats = [...this.formats].filter((f) => f !== 'empty');
    // one batch: exactly that batch's verdict (same as pasting the text); several: the strongest
    const v = this.verdicts.length ? this.verdicts[0] : combine([]);
    return {
      verdict: v.verdict,
      verdictReason: v.reason,
      verdictInfo: v,
      input: { bytes: fileBytes, lines: this.lines, format: formats.length === 1 ? (formats[0] as DecodeReport['input']['format']) : formats.length ? 'mixed' : 'empty' },
      findings: this.findings,
      summary,
      unrecognised: this.unrecognised,
      notices: this.notices,
      firstLook: firstLook(this.findings, summary),
      stats: evtx ? { ...this.stats, records: this.records, damaged: this.damaged } : ({ ...this.stats } as EvtxReport['stats']),
    };
  }
}
