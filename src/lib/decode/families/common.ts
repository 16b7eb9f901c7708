/** Helpers shared by the event-family readers in this folder. */
import type { Ctx, GroupInfo } from '../context.ts';
import type { EventRecord } from '../events.ts';
import type { Finding, Span } from '../types.ts';

export type GroupTime = { time?: string; timeKey?: string };

/** Emit a finding, flagging it when it belongs to the page the decoder is embedded in. */
export function emit(ctx: Ctx, f: Finding, g?: GroupInfo): void {
  if (ctx.scope && (f.playbook?.id === ctx.scope || f.alternatives?.some((a) => a.id === ctx.scope))) f.inScope = true;
  ctx.emit(f, g);
}

/** The description text of a record (or its data values joined), capped. */
export function descOf(ctx: Ctx, rec: EventRecord, cap = 6000): { text: string; start: number } {
  if (rec.desc && rec.desc[1] > rec.desc[0]) return { text: ctx.text.slice(rec.desc[0], Math.min(rec.desc[1], rec.desc[0] + cap)), start: rec.desc[0] };
  if (rec.data?.length) {
    const d0 = rec.data[0].span[0];
    const last = rec.data[rec.data.length - 1].span[1];
    return { text: ctx.text.slice(d0, Math.min(last, d0 + cap)), start: d0 };
  }
  return { text: '', start: rec.span[0] };
}

/** The first playbook that claims this event id from this source (case-insensitive), if any. */
export function playbookForEvent(ctx: Ctx, id: number | undefined, source: string | undefined, pred?: (id: string) => boolean): string | undefined {
  if (id === undefined) return undefined;
  const s = source?.toLowerCase();
  for (const p of ctx.idx.byEvent.get(id) ?? []) {
    if (pred && !pred(p.id)) continue;
    if (p.events.some((e) => e.id === id && (!s || e.sources.some((x) => x.toLowerCase() === s)))) return p.id;
  }
  return undefined;
}
