/**
 * Ready-to-paste searches from the same rule objects as the .yml files: Splunk SPL (Splunk Add-on for Microsoft
 * Windows, classic `WinEventLog:<channel>` sources, as pySigma's Splunk Windows pipeline assumes) and Microsoft
 * Sentinel KQL (`SecurityEvent` for the Security log, `Event` for System and Application).
 *
 * Text matches use the rendered message (`Message` in Splunk, `EventData` / `RenderedDescription` in Sentinel)
 * with substring semantics, because Japanese text has no word breaks for a term index to split on.
 */
import { QUERY_FIELDS } from './policy.ts';
import type { GeneratedCorrelation, GeneratedRule, SelectionMap } from './types.ts';

const CHANNEL: Record<string, string> = { security: 'Security', system: 'System', application: 'Application' };

const splStr = (s: string | number) => `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const kqlStr = (s: string | number) => `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const list = (v: SelectionMap[string]) => (Array.isArray(v) ? v : [v]);

interface Parts {
  channel: string;
  eventId: number;
  providers: string[];
  /** Strings of which the message must contain one. */
  texts: string[];
}

function partsOf(r: GeneratedRule): Parts {
  const sel = r.rule.detection.selection;
  const texts = [...(r.rule.detection.keywords ?? []), ...Object.entries(sel).filter(([k]) => k.endsWith('|contains')).flatMap(([, v]) => list(v))].map(String);
  return { channel: CHANNEL[r.rule.logsource.service], eventId: Number(sel.EventID), providers: list(sel.Provider_Name).map(String), texts };
}

function splSearch(p: Parts): string {
  const terms = [`source=${splStr(`WinEventLog:${p.channel}`)}`, `EventCode=${p.eventId}`];
  // Classic Splunk events name the Security log's provider by its display name, which differs by release: the
  // Security channel plus the ID is already specific there, so the provider is only filtered in System/Application.
  if (p.channel !== 'Security') terms.push(p.providers.length === 1 ? `SourceName=${splStr(p.providers[0])}` : `SourceName IN (${p.providers.map(splStr).join(', ')})`);
  if (p.texts.length) terms.push(`(${p.texts.map((t) => `Message=${splStr(`*${t}*`)}`).join(' OR ')})`);
  return terms.join(' ');
}

export function splQuery(r: GeneratedRule): string {
  return `\`\`\`${r.rule.name}: ${r.rule.title.replace(/`/g, "'")}\`\`\`\n${splSearch(partsOf(r))}\n| table _time host EventCode SourceName Message`;
}

function kqlBody(p: Parts, extraFields: string[] = []): string[] {
  const security = p.channel === 'Security';
  const lines = security
    ? ['SecurityEvent', `| where EventID == ${p.eventId} and EventSourceName in~ (${p.providers.map(kqlStr).join(', ')})`]
    : ['Event', `| where EventLog == ${kqlStr(p.channel)} and Source in~ (${p.providers.map(kqlStr).join(', ')}) and EventID == ${p.eventId}`];
  const textCol = security ? 'EventData' : 'RenderedDescription';
  if (p.texts.length) lines.push(`| where ${p.texts.map((t) => `${textCol} contains ${kqlStr(t)}`).join(' or ')}`);
  for (const f of extraFields) {
    const q = QUERY_FIELDS[f];
    // EventData is the event's XML: pull a named Data element out of it when a count is grouped by it.
    if (q && q.kqlSecurity !== 'Computer') lines.push(`| extend ${q.kqlSecurity} = extract(@'Name="${f}">([^<]*)<', 1, EventData)`);
  }
  return lines;
}

export function kqlQuery(r: GeneratedRule): string {
  const p = partsOf(r);
  const cols = p.channel === 'Security' ? 'TimeGenerated, Computer, EventID, Activity, EventData' : 'TimeGenerated, Computer, EventID, Source, RenderedDescription';
  return [`// ${r.rule.name}: ${r.rule.title}`, ...kqlBody(p), `| project ${cols}`].join('\n');
}

const splField = (f: string) => QUERY_FIELDS[f]?.spl ?? f;

export function splCorrelation(c: GeneratedCorrelation): string {
  const corr = c.rule.correlation;
  const searches = c.members.map((m) => `(${splSearch(partsOf(m))})`).join(' OR ');
  const by = corr['group-by'].map(splField).join(' ');
  return [
    `\`\`\`${c.rule.name}: ${c.rule.title.replace(/`/g, "'")}\`\`\``,
    searches,
    `| bin _time span=${corr.timespan}`,
    `| stats count by _time ${by}`,
    `| where count >= ${corr.condition.gte}`,
  ].join('\n');
}

export function kqlCorrelation(c: GeneratedCorrelation): string {
  const corr = c.rule.correlation;
  const groupBy = corr['group-by'];
  const parts = c.members.map((m) => kqlBody(partsOf(m), groupBy));
  const source = parts.length === 1 ? parts[0] : ['union', parts.map((p) => `    (${p.join(' ')})`).join(',\n')];
  const by = groupBy.map((f) => QUERY_FIELDS[f]?.kqlSecurity ?? f).join(', ');
  return [`// ${c.rule.name}: ${c.rule.title}`, ...source, `| summarize Count = count() by bin(TimeGenerated, ${corr.timespan}), ${by}`, `| where Count >= ${corr.condition.gte}`].join('\n');
}
