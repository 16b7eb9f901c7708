/**
 * A small evaluator for the Sigma subset this site emits, so tests can run each rule against real-looking events:
 * logsource (Windows service → Channel), selection maps with `contains` / `startswith` / `endswith` / `all`,
 * keyword lists, conditions made of identifiers with and / or / not / parentheses, and `event_count`
 * correlations. Anything outside that subset throws SigmaSubsetError rather than guessing.
 */
import type { SelectionMap, SigmaCorrelationRule, SigmaDetectionRule } from './types.ts';

/** One event as a SIEM would hold it: Sigma field names (EventID, Provider_Name, Channel, EventData names, Message…). */
export type LogEvent = Record<string, string | number | undefined>;

export class SigmaSubsetError extends Error {}

const CHANNEL_OF_SERVICE: Record<string, string> = { security: 'Security', system: 'System', application: 'Application' };
const lower = (v: unknown) => String(v).toLowerCase();

function matchValue(actual: string | number | undefined, expected: string | number, mods: string[]): boolean {
  if (actual === undefined) return false;
  const a = lower(actual);
  const e = lower(expected);
  if (mods.includes('contains')) return a.includes(e);
  if (mods.includes('startswith')) return a.startsWith(e);
  if (mods.includes('endswith')) return a.endsWith(e);
  return a === e; // Sigma compares strings case-insensitively; numbers by their text
}

function matchSelection(sel: SelectionMap, ev: LogEvent): boolean {
  return Object.entries(sel).every(([key, value]) => {
    const [field, ...mods] = key.split('|');
    for (const m of mods) if (!['contains', 'startswith', 'endswith', 'all'].includes(m)) throw new SigmaSubsetError(`modifier ${m} is outside the subset`);
    const values = Array.isArray(value) ? value : [value];
    return mods.includes('all') ? values.every((v) => matchValue(ev[field], v, mods)) : values.some((v) => matchValue(ev[field], v, mods));
  });
}

/** Keywords match anywhere in the event: any field's text contains one of them. */
function matchKeywords(words: (string | number)[], ev: LogEvent): boolean {
  const hay = Object.values(ev)
    .filter((v) => v !== undefined)
    .map(lower);
  return words.some((w) => hay.some((h) => h.includes(lower(w))));
}

/** Condition grammar: expr := term ('or' term)*; term := factor ('and' factor)*; factor := 'not' factor | '(' expr ')' | identifier. */
function evalCondition(cond: string, ident: (name: string) => boolean): boolean {
  const tokens = cond.match(/\(|\)|[A-Za-z_][\w*]*/g) ?? [];
  if (tokens.join('').length !== cond.replace(/\s+/g, '').length) throw new SigmaSubsetError(`condition "${cond}" is outside the subset`);
  let i = 0;
  const peek = () => tokens[i]?.toLowerCase();
  const factor = (): boolean => {
    const t = tokens[i++];
    if (t === undefined) throw new SigmaSubsetError(`condition "${cond}" ends early`);
    if (t.toLowerCase() === 'not') return !factor();
    if (t === '(') {
      const v = expr();
      if (tokens[i++] !== ')') throw new SigmaSubsetError(`condition "${cond}" has an unclosed (`);
      return v;
    }
    if (/\*|^(1|all)$|^of$/i.test(t)) throw new SigmaSubsetError(`"${t}" is outside the subset`);
    return ident(t);
  };
  const term = (): boolean => {
    let v = factor();
    while (peek() === 'and') {
      i++;
      const r = factor();
      v = v && r;
    }
    return v;
  };
  const expr = (): boolean => {
    let v = term();
    while (peek() === 'or') {
      i++;
      const r = term();
      v = v || r;
    }
    return v;
  };
  const v = expr();
  if (i !== tokens.length) throw new SigmaSubsetError(`condition "${cond}" has trailing tokens`);
  return v;
}

export function matches(rule: SigmaDetectionRule, ev: LogEvent): boolean {
  const { product, service } = rule.logsource;
  if (product !== 'windows') throw new SigmaSubsetError(`product ${product} is outside the subset`);
  const channel = CHANNEL_OF_SERVICE[service];
  if (!channel) throw new SigmaSubsetError(`service ${service} is outside the subset`);
  if (ev.Channel === undefined || lower(ev.Channel) !== lower(channel)) return false;
  const { condition, ...ids } = rule.detection;
  return evalCondition(condition, (name) => {
    const d = (ids as Record<string, unknown>)[name];
    if (d === undefined) throw new SigmaSubsetError(`condition names "${name}", which the rule does not define`);
    if (Array.isArray(d)) return matchKeywords(d as (string | number)[], ev);
    return matchSelection(d as SelectionMap, ev);
  });
}

const SPAN_UNIT: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function timespanMs(span: string): number {
  const m = /^(\d+)([smhd])$/.exec(span);
  if (!m) throw new SigmaSubsetError(`timespan ${span} is outside the subset`);
  return Number(m[1]) * SPAN_UNIT[m[2]];
}

/**
 * Groups for which an `event_count` correlation fires: events matched by any referenced rule, grouped by the
 * group-by fields, with at least `gte` of them inside one sliding window of `timespan`. `time` is milliseconds.
 */
export function correlate(corr: SigmaCorrelationRule, rulesByName: Map<string, SigmaDetectionRule>, events: (LogEvent & { time: number })[]): string[] {
  const c = corr.correlation;
  if (c.type !== 'event_count') throw new SigmaSubsetError(`correlation type ${c.type} is outside the subset`);
  const rules = c.rules.map((n) => {
    const r = rulesByName.get(n);
    if (!r) throw new SigmaSubsetError(`correlation refers to unknown rule ${n}`);
    return r;
  });
  const span = timespanMs(c.timespan);
  const groups = new Map<string, number[]>();
  for (const ev of events) {
    if (!rules.some((r) => matches(r, ev))) continue;
    const key = c['group-by'].map((f) => String(ev[f] ?? '')).join('|');
    groups.set(key, [...(groups.get(key) ?? []), ev.time]);
  }
  const fired: string[] = [];
  for (const [key, times] of groups) {
    times.sort((a, b) => a - b);
    for (let lo = 0, hi = 0; hi < times.length; hi++) {
      while (times[hi] - times[lo] > span) lo++;
      if (hi - lo + 1 >= c.condition.gte) {
        fired.push(key);
        break;
      }
    }
  }
  return fired.sort();
}
