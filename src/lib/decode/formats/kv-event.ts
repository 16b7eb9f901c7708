/**
 * Events as key/value records, the way admins and SIEMs print them:
 * - PowerShell `Get-WinEvent | Format-List` (TimeCreated / ProviderName / Id / Message) and
 *   `Get-EventLog | Format-List` (Index / EntryType / InstanceId / Source / EventID / Message);
 * - Splunk's classic WinEventLog text (LogName= / SourceName= / EventCode= / Message=);
 * - JSON: Winlogbeat/Elastic (`winlog.event_id`, `winlog.provider_name`, `winlog.event_data`), Sentinel and
 *   similar exports (`EventID`, `Channel`, `EventSourceName`/`Provider`, `EventData`), one object per line or
 *   pretty-printed.
 * Each record becomes the same event object the other readers build (log, source, ID, description or data
 * items with their spans), so identity, field reading and the verdict work unchanged.
 */
import type { Ctx } from '../context.ts';
import { coverLines, noteFormat } from '../context.ts';
import type { EventRecord } from '../events.ts';
import { interpretEvent, newEventRecord } from '../events.ts';
import type { Span } from '../types.ts';

/** Line starts the engine's dispatch table needs. */
export const KV_EVENT_PREFIXES = ['TimeCreated', 'ProviderName', 'LevelDisplayName', 'MachineName', 'Index', 'EntryType', 'InstanceId', 'TimeGenerated', 'LogName=', 'SourceName=', 'EventCode=', '{"winlog', '{"@timestamp', '{"EventID', '{"EventId', '{"TimeGenerated', '{"TimeCreated', '{"event', '{"Computer', '{"Channel', '{"Id"', '{"Provider', '{"host', '{"agent', '{"log'];

const FL_RE = /^([A-Za-z][A-Za-z0-9]{1,30})\s*:\s?(.*)$/;
const FL_KEYS = new Set(['timecreated', 'providername', 'id', 'leveldisplayname', 'message', 'machinename', 'logname', 'index', 'entrytype', 'instanceid', 'eventid', 'source', 'timegenerated', 'timewritten', 'username', 'category', 'categorynumber', 'replacementstrings', 'level', 'recordid', 'processid', 'threadid', 'task', 'opcode', 'keywords', 'taskdisplayname', 'opcodedisplayname', 'containerlog', 'version', 'qualifiers', 'userid', 'activityid', 'relatedactivityid', 'data', 'site', 'container', 'properties', 'bookmark', 'keywordsdisplaynames']);
const KV_RE = /^([A-Za-z][A-Za-z]{1,20})=(.*)$/;

function lineText(ctx: Ctx, i: number): string {
  return ctx.text.slice(ctx.lines.starts[i], ctx.lines.ends[i]).replace(/\r$/, '');
}

/** Does line i start a key/value event record? */
export function isKvEventStart(ctx: Ctx, i: number, t: string): boolean {
  if (t.startsWith('{')) return /"(?:event_id|EventID|EventCode|winlog|Id)"\s*:/.test(ctx.text.slice(ctx.lines.starts[i], Math.min(ctx.text.length, ctx.lines.starts[i] + 4000)));
  if (t.startsWith('LogName=') || t.startsWith('SourceName=') || t.startsWith('EventCode=')) return true;
  const m = FL_RE.exec(t);
  if (!m || !FL_KEYS.has(m[1].toLowerCase())) return false;
  // a Format-List record: at least two more known keys within the next lines, one of them an ID
  let known = 0;
  let id = false;
  for (let k = i; k < Math.min(ctx.lines.count, i + 14); k++) {
    // only the line's head: a huge line must not make detection quadratic
    const st = ctx.lines.starts[k];
    const mm = FL_RE.exec(ctx.text.slice(st, Math.min(ctx.lines.ends[k], st + 120)).trim());
    if (mm && FL_KEYS.has(mm[1].toLowerCase())) {
      known++;
      const key = mm[1].toLowerCase();
      if (key === 'id' || key === 'eventid' || key === 'instanceid') id = true;
    }
  }
  return known >= 3 && id;
}

interface Field {
  key: string;
  value: string;
  span: Span;
}

function setHeader(rec: EventRecord, key: string, value: string, span: Span): void {
  const k = key.toLowerCase();
  const v = value.trim();
  if (!v) return;
  if ((k === 'id' || k === 'eventid' || k === 'eventcode' || k === 'event_id' || k === 'code') && /^\d{1,6}$/.test(v)) {
    rec.id = Number(v);
    rec.idSpan = span;
  } else if (k === 'instanceid' && /^\d+$/.test(v) && rec.id === undefined) {
    rec.id = Number(v) & 0xffff;
    rec.idSpan = span;
  } else if (['providername', 'source', 'sourcename', 'provider_name', 'eventsourcename', 'provider'].includes(k)) {
    rec.source = v === 'Microsoft Windows security auditing.' ? 'Microsoft-Windows-Security-Auditing' : v;
    rec.sourceSpan = span;
  } else if (['logname', 'channel', 'logfile'].includes(k)) {
    rec.log = v;
    rec.logSpan = span;
  } else if (['timecreated', 'timegenerated', '@timestamp', 'timestamp', 'timegenerated [utc]'].includes(k)) {
    rec.date = v;
    rec.dateSpan = span;
  } else if (['machinename', 'computername', 'computer', 'hostname'].includes(k)) {
    rec.computer = v;
    rec.computerSpan = span;
  } else if (['leveldisplayname', 'entrytype', 'type', 'keywords', 'keywordsdisplaynames', 'level'].includes(k) && !rec.type) {
    rec.type = v;
    rec.typeSpan = span;
  }
}

/** Format-List or Splunk key=value block starting at line i. Returns the next line. */
function readLines(ctx: Ctx, i: number, splunk: boolean): number {
  const n = ctx.lines.count;
  const rec = newEventRecord('event-text', [ctx.lines.starts[i], ctx.lines.ends[i]]);
  let firstKey: string | undefined;
  let msgStart = -1;
  let msgEnd = -1;
  let k = i;
  for (; k < n && k < i + 400; k++) {
    const raw = lineText(ctx, k);
    const t = raw.trim();
    const s = ctx.lines.starts[k];
    const m = splunk ? KV_RE.exec(t) : FL_RE.exec(t);
    const key = m?.[1].toLowerCase();
    const isKey = !!m && (splunk || (FL_KEYS.has(key as string) && !/^\s/.test(raw)));
    if (isKey && key) {
      if (firstKey === undefined) firstKey = key;
      else if (key === firstKey) break; // the next record
      const vStart = s + raw.indexOf(m[2], raw.indexOf(m[1]) + m[1].length);
      const span: Span = [vStart, vStart + m[2].length];
      if (key === 'message') {
        msgStart = span[0];
        msgEnd = ctx.lines.ends[k];
      } else {
        if (msgStart >= 0 && !splunk) msgEnd = Math.max(msgEnd, ctx.lines.starts[k] - 1);
        setHeader(rec, m[1], m[2], span);
        if (splunk && msgStart >= 0) break;
      }
      continue;
    }
    if (!t) {
      // blank: inside a message when the next line is still indented (Format-List) or message text (Splunk)
      if (msgStart >= 0 && k + 1 < n && (splunk ? !KV_RE.test(lineText(ctx, k + 1).trim()) : /^\s/.test(lineText(ctx, k + 1)))) continue;
      if (msgStart < 0 && firstKey !== undefined && k + 1 < n && (splunk ? KV_RE : FL_RE).test(lineText(ctx, k + 1).trim())) continue;
      break;
    }
    if (msgStart >= 0 && (splunk || /^\s/.test(raw))) {
      msgEnd = ctx.lines.ends[k];
      continue;
    }
    break;
  }
  if (rec.id === undefined) return i + 1;
  if (msgStart >= 0) rec.desc = [msgStart, Math.max(msgStart, msgEnd)];
  rec.span = [ctx.lines.starts[i], ctx.lines.ends[Math.max(i, k - 1)]];
  coverLines(ctx, i, k);
  noteFormat(ctx, 'event-text');
  interpretEvent(ctx, rec);
  return Math.max(k, i + 1);
}

/** A JSON event (one line or pretty-printed) starting at line i. */
function readJson(ctx: Ctx, i: number): number {
  const text = ctx.text;
  const start = ctx.lines.starts[i] + (text.slice(ctx.lines.starts[i], ctx.lines.ends[i]).indexOf('{'));
  // find the matching brace (strings and escapes respected), bounded
  let depth = 0;
  let inStr = false;
  let end = -1;
  const lim = Math.min(text.length, start + 200000);
  for (let p = start; p < lim; p++) {
    const c = text.charCodeAt(p);
    if (inStr) {
      if (c === 0x5c) p++;
      else if (c === 0x22) inStr = false;
      continue;
    }
    if (c === 0x22) inStr = true;
    else if (c === 0x7b) depth++;
    else if (c === 0x7d && --depth === 0) {
      end = p + 1;
      break;
    }
  }
  if (end < 0) return i + 1;
  let obj: unknown;
  try {
    obj = JSON.parse(text.slice(start, end));
  } catch {
    return i + 1;
  }
  if (!obj || typeof obj !== 'object') return i + 1;
  const rec = newEventRecord('event-xml', [start, end]);
  const o = obj as Record<string, unknown>;
  const winlog = (o.winlog ?? {}) as Record<string, unknown>;
  const event = (o.event ?? {}) as Record<string, unknown>;
  const pick = (...vals: unknown[]) => vals.find((v) => typeof v === 'string' || typeof v === 'number');
  const spanOf = (v: unknown): Span => {
    const sv = JSON.stringify(v);
    const at = text.indexOf(typeof v === 'string' ? sv.slice(1, -1) : sv, start);
    return at >= 0 && at < end ? [at, at + (typeof v === 'string' ? sv.length - 2 : sv.length)] : [start, end];
  };
  const id = pick(winlog.event_id, o.EventID, o.EventId, o.event_id, o.EventCode, o.Id, event.code);
  if (id !== undefined && /^\d{1,6}$/.test(String(id))) setHeader(rec, 'id', String(id), spanOf(id));
  const src = pick(winlog.provider_name, o.ProviderName, o.Provider_Name, o.EventSourceName, o.SourceName, o.Source, (o.Provider as Record<string, unknown> | undefined)?.Name, event.provider);
  if (src !== undefined) setHeader(rec, 'providername', String(src), spanOf(src));
  const ch = pick(winlog.channel, o.Channel, o.LogName, o.channel);
  if (ch !== undefined) setHeader(rec, 'channel', String(ch), spanOf(ch));
  const host = pick(winlog.computer_name, o.Computer, o.MachineName, o.ComputerName, (o.host as Record<string, unknown> | undefined)?.name);
  if (host !== undefined) setHeader(rec, 'computer', String(host), spanOf(host));
  const ts = pick(o['@timestamp'], o.TimeCreated, o.TimeGenerated, o.timestamp);
  if (ts !== undefined) setHeader(rec, 'timecreated', String(ts), spanOf(ts));
  const data = (winlog.event_data ?? o.EventData ?? o.event_data) as unknown;
  if (data && typeof data === 'object') {
    rec.data = Object.entries(data as Record<string, unknown>)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
      .slice(0, 64)
      .map(([name, v]) => ({ name, value: String(v), span: spanOf(v) }));
  }
  if (rec.id === undefined) return i + 1;
  let k = i;
  while (k < ctx.lines.count && ctx.lines.starts[k] < end) k++;
  coverLines(ctx, i, k);
  noteFormat(ctx, 'event-xml');
  interpretEvent(ctx, rec);
  return Math.max(k, i + 1);
}

export function readKvEvent(ctx: Ctx, i: number): number {
  const t = lineText(ctx, i).trim();
  try {
    if (t.startsWith('{')) return readJson(ctx, i);
    return readLines(ctx, i, t.startsWith('LogName=') || t.startsWith('SourceName=') || t.startsWith('EventCode='));
  } catch {
    return i + 1;
  }
}
