/** Helpers shared by the command-output parsers. */
import { guideRef } from '../catalogue-index.ts';
import type { Ctx } from '../context.ts';
import { refFor, sensitiveOf, tierOf } from '../context.ts';
import { content } from '../event-sources.ts';
import type { Fact, Finding, FindingKind, Severity, Span } from '../types.ts';
import { isSpace, trimRange } from '../text.ts';

export interface KV {
  key: string;
  /** Lower case, no spaces or dots: "ipaddress", "ipアドレス". */
  norm: string;
  value: string;
  keySpan: Span;
  valueSpan: Span;
}

/** Normalised key: lower case, without spaces, dots and full-width spaces. */
export function normKey(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase()) {
    if (ch === ' ' || ch === '.' || ch === '\t' || ch === '\u3000' || ch === '_' || ch === '-') continue;
    out += ch;
  }
  return out;
}

/**
 * "Key . . . . . : value", "Key: value", "Key : value", "Key：value". The key is at most 64
 * characters and the colon must not be part of a path (C:\) or a time (10:05).
 */
export function kvAt(text: string, s: number, e: number): KV | null {
  const lim = Math.min(e, s + 80);
  let c = -1;
  for (let i = s; i < lim; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x3a || ch === 0xff1a) {
      const nx = text.charCodeAt(i + 1);
      if (ch === 0x3a && (nx === 0x5c || nx === 0x2f)) continue; // C:\ or http://
      const pv = text.charCodeAt(i - 1);
      if (ch === 0x3a && pv >= 0x30 && pv <= 0x39 && nx >= 0x30 && nx <= 0x39) continue; // 10:05
      c = i;
      break;
    }
  }
  if (c < 0) return null;
  let ke = c;
  while (ke > s && (isSpace(text.charCodeAt(ke - 1)) || text.charCodeAt(ke - 1) === 0x2e)) ke--;
  if (ke <= s) return null;
  const valueSpan = trimRange(text, c + 1, e);
  const key = text.slice(s, ke);
  return { key, norm: normKey(key), value: text.slice(valueSpan[0], valueSpan[1]), keySpan: [s, ke], valueSpan };
}

export interface LineView {
  i: number;
  s: number;
  e: number;
  text: string;
}

/** Content lines of the block [i, j) (blank lines skipped). */
export function blockLines(ctx: Ctx, i: number, j: number): LineView[] {
  const out: LineView[] = [];
  for (let k = i; k < j; k++) {
    const [s, e] = content(ctx, k);
    if (s >= e) continue;
    out.push({ i: k, s, e, text: e - s > 4000 ? ctx.text.slice(s, s + 4000) : ctx.text.slice(s, e) });
  }
  return out;
}

/** End of a command block: the first line that starts another kind of block. */
export function blockEnd(ctx: Ctx, i: number, kind: number, max = 5000, also: number[] = []): number {
  const n = ctx.lines.count;
  let j = i + 1;
  while (j < n && j < i + max) {
    const k = ctx.detect(j);
    if (k !== 0 && k !== kind && k !== 10 && !also.includes(k)) break;
    j++;
  }
  return j;
}

export interface CmdOpts {
  kind?: FindingKind;
  title: string;
  meaning: string;
  facts: Fact[];
  span: Span;
  severity: Severity;
  priority: number;
  guide?: string;
  playbookId?: string;
  anchor?: '対処' | '症状';
  sensitive?: string[];
  confidence?: Finding['confidence'];
}

export function cmdFinding(ctx: Ctx, o: CmdOpts): Finding {
  const pb = o.playbookId ? refFor(ctx, o.playbookId, o.anchor ?? '対処') : undefined;
  const f: Finding = {
    kind: o.kind ?? 'command-output',
    title: o.title,
    meaning: o.meaning,
    facts: o.facts,
    confidence: o.confidence ?? 'exact',
    span: o.span,
    severity: o.severity,
    priority: o.priority,
  };
  if (pb) {
    f.playbook = pb;
    const t = tierOf(ctx, pb.id);
    if (t) f.tier = t;
  } else f.tier = 2;
  if (o.guide) f.guide = guideRef(o.guide, ctx.idx);
  const sens = sensitiveOf(ctx, pb?.id, o.sensitive ?? []);
  if (sens) f.sensitive = sens;
  if (ctx.scope && pb?.id === ctx.scope) f.inScope = true;
  return f;
}

/** Split on runs of white space. */
export function words(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += s[i];
  }
  if (cur) out.push(cur);
  return out;
}

/** Find a playbook id whose signatures include a given messages.tsv ref, or fall back to an id. */
export function playbookForRef(ctx: Ctx, ref: string, fallback: string): string | undefined {
  for (const p of ctx.idx.cat.playbooks ?? []) if ((p.signatures ?? []).some((s) => s.ref === ref)) return p.id;
  return ctx.idx.playbooks.has(fallback) ? fallback : undefined;
}

/** The span of a set of lines. */
export function spanOf(lines: LineView[]): Span {
  if (!lines.length) return [0, 0];
  return [lines[0].s, lines[lines.length - 1].e];
}
