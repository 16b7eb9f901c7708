/**
 * Fleet mode (tier 3): many computers' logs in one summary. Each file's DecodeReport is folded
 * into per-failure totals as soon as it is made and then dropped, so memory grows with the
 * summary (failures × computers, peers capped), never with the input.
 *
 * A failure is a playbook (or, without one, the decoder's summary group). For each: the
 * computers, the peers, the counts and the first and last times; output as JSON, Markdown, CSV.
 */
import type { DecodeReport, PlaybookRef, SummaryGroup } from '../decode/types.ts';
import { classifyFile } from '../decode/bundle.ts';
import { Redactor, redactFileName } from '../redact/index.ts';

/** Distinct peers kept per failure and computer; more are only counted. */
export const MAX_PEERS = 50;

export interface FleetComputerStat {
  computer: string;
  count: number;
  first?: string;
  last?: string;
  peers: string[];
  /** Distinct peers beyond MAX_PEERS, not listed. */
  morePeers: number;
}

export interface FleetFailure {
  key: string;
  title: string;
  playbook?: PlaybookRef;
  eventId?: number;
  count: number;
  first?: string;
  last?: string;
  computers: FleetComputerStat[];
  peers: string[];
  morePeers: number;
}

export interface FleetFile {
  path: string;
  computer: string;
  kind: string;
  records?: number;
  damaged?: number;
  events: number;
  refused?: string;
}

export interface FleetReport {
  computers: string[];
  failures: FleetFailure[];
  files: FleetFile[];
  notices: string[];
  stats: { files: number; records: number; events: number; damaged: number };
}

/**
 * The computer a file belongs to: its first folder under the fleet root, else the IPsec_Debug.vbs
 * `<computer>_` prefix, else the file-name part before the first `_` (or the name itself).
 */
export function computerOf(relPath: string): string {
  const parts = relPath.split(/[\\/]/).filter(Boolean);
  if (parts.length > 1) return parts[0];
  const base = parts[0] ?? relPath;
  const c = classifyFile(base).computer;
  if (c) return c;
  const stem = base.replace(/\.[^.]+$/, '');
  const us = stem.indexOf('_');
  return us > 0 ? stem.slice(0, us) : stem;
}

/** Times as given by the decoder; compared as instants when they parse, else as text. */
function timeKey(s: string): number | string {
  const t = Date.parse(s);
  return Number.isNaN(t) ? s : t;
}
const earlier = (a: string, b: string) => {
  const x = timeKey(a);
  const y = timeKey(b);
  return typeof x === typeof y ? x < y : a < b;
};

interface Acc {
  key: string;
  title: string;
  playbook?: PlaybookRef;
  eventId?: number;
  byComputer: Map<string, { count: number; first?: string; last?: string; peers: Set<string>; morePeers: number }>;
}

export class FleetSummary {
  private acc = new Map<string, Acc>();
  private files: FleetFile[] = [];
  private computers = new Set<string>();
  private notices: string[] = [];
  private stats = { files: 0, records: 0, events: 0, damaged: 0 };

  /** Fold one file's report in (the report can be dropped afterwards). */
  add(path: string, computer: string, kind: string, report: DecodeReport, refused?: string): void {
    this.stats.files++;
    this.computers.add(computer);
    const records = report.stats.records;
    const damaged = report.stats.damaged?.length;
    this.stats.records += records ?? 0;
    this.stats.events += report.stats.events;
    this.stats.damaged += damaged ?? 0;
    const f: FleetFile = { path, computer, kind, events: report.stats.events };
    if (records !== undefined) f.records = records;
    if (damaged) f.damaged = damaged;
    if (refused) f.refused = refused;
    this.files.push(f);
    if (refused) this.notices.push(`${path}: ${refused}`);
    for (const g of report.summary) this.group(computer, g);
  }

  private group(computer: string, g: SummaryGroup): void {
    if (g.kind === 'not-ipsec') return;
    const key = g.playbook?.id ?? g.key;
    let a = this.acc.get(key);
    if (!a) {
      a = { key, title: g.playbook?.title ?? g.title, playbook: g.playbook, eventId: g.eventId, byComputer: new Map() };
      this.acc.set(key, a);
    }
    let c = a.byComputer.get(computer);
    if (!c) {
      c = { count: 0, peers: new Set(), morePeers: 0 };
      a.byComputer.set(computer, c);
    }
    c.count += g.count;
    if (g.first && (!c.first || earlier(g.first, c.first))) c.first = g.first;
    if (g.last && (!c.last || earlier(c.last, g.last))) c.last = g.last;
    if (g.peer && !c.peers.has(g.peer)) {
      if (c.peers.size < MAX_PEERS) c.peers.add(g.peer);
      else c.morePeers++;
    }
  }

  report(): FleetReport {
    const failures: FleetFailure[] = [];
    for (const a of this.acc.values()) {
      const computers: FleetComputerStat[] = [...a.byComputer.entries()]
        .map(([computer, c]) => ({ computer, count: c.count, first: c.first, last: c.last, peers: [...c.peers].sort(), morePeers: c.morePeers }))
        .sort((x, y) => y.count - x.count || (x.computer < y.computer ? -1 : 1));
      const peers = new Set<string>();
      let morePeers = 0;
      let first: string | undefined;
      let last: string | undefined;
      for (const c of computers) {
        for (const p of c.peers) if (peers.size < MAX_PEERS || peers.has(p)) peers.add(p);
        morePeers += c.morePeers;
        if (c.first && (!first || earlier(c.first, first))) first = c.first;
        if (c.last && (!last || earlier(last, c.last))) last = c.last;
      }
      const f: FleetFailure = { key: a.key, title: a.title, count: computers.reduce((n, c) => n + c.count, 0), computers, peers: [...peers].sort(), morePeers };
      if (a.playbook) f.playbook = a.playbook;
      if (a.eventId !== undefined) f.eventId = a.eventId;
      if (first) f.first = first;
      if (last) f.last = last;
      failures.push(f);
    }
    failures.sort((x, y) => y.computers.length - x.computers.length || y.count - x.count || (x.key < y.key ? -1 : 1));
    return { computers: [...this.computers].sort(), failures, files: this.files, notices: this.notices, stats: { ...this.stats } };
  }
}

const mdCell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

export function fleetMarkdown(r: FleetReport, baseUrl = ''): string {
  const out: string[] = ['# IPsec フリート集計', ''];
  out.push(`コンピューター ${r.computers.length} 台、ファイル ${r.stats.files} 件、イベント ${r.stats.events} 件 (.evtx のレコード ${r.stats.records} 件、読めなかった箇所 ${r.stats.damaged} か所)。`, '');
  if (!r.failures.length) out.push('IPsec の失敗は見つかりませんでした。', '');
  for (const f of r.failures) {
    const link = f.playbook ? ` — [${mdCell(f.playbook.title)}](${baseUrl}${f.playbook.url})` : '';
    out.push(`## ${mdCell(f.title)}${link}`, '');
    out.push(`${f.count} 件、コンピューター ${f.computers.length} 台。最初 ${f.first ?? '不明'}、最後 ${f.last ?? '不明'}。`, '');
    out.push('| コンピューター | 件数 | 相手 | 最初 | 最後 |', '|---|---:|---|---|---|');
    for (const c of f.computers) out.push(`| ${mdCell(c.computer)} | ${c.count} | ${mdCell(c.peers.join(', ') + (c.morePeers ? ` ほか ${c.morePeers}` : ''))} | ${mdCell(c.first ?? '')} | ${mdCell(c.last ?? '')} |`);
    out.push('');
  }
  const bad = r.files.filter((f) => f.refused || f.damaged);
  if (bad.length) {
    out.push('## 読めなかったファイル・箇所', '');
    for (const f of bad) out.push(`- ${mdCell(f.path)}: ${f.refused ? mdCell(f.refused) : `${f.damaged} か所を読めませんでした`}`);
    out.push('');
  }
  return out.join('\n');
}

const csvCell = (s: string | number | undefined) => {
  const v = s === undefined ? '' : String(s);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

/** One row per failure and computer. */
export function fleetCsv(r: FleetReport): string {
  const rows = [['failure', 'playbook', 'event_id', 'computer', 'count', 'peers', 'first', 'last'].join(',')];
  for (const f of r.failures)
    for (const c of f.computers)
      rows.push([f.title, f.playbook?.id, f.eventId, c.computer, c.count, c.peers.join(' ') + (c.morePeers ? ` +${c.morePeers}` : ''), c.first, c.last].map(csvCell).join(','));
  return rows.join('\r\n') + '\r\n';
}

/**
 * The fleet summary with computer names, peers and file paths replaced by the shared redactor's
 * placeholders (same placeholder for the same value everywhere). Playbook titles stay.
 */
export function redactFleet(r: FleetReport, redactor: Redactor): FleetReport {
  for (const c of r.computers) redactor.learn('host', c);
  for (const f of r.failures) for (const c of f.computers) for (const p of c.peers) redactor.learn('ip', p);
  for (const f of r.files) redactFileName(f.path, redactor);
  const t = (s: string) => redactor.text(s);
  const opt = (s?: string) => (s === undefined ? undefined : t(s));
  return {
    computers: r.computers.map(t),
    failures: r.failures.map((f) => ({
      ...f,
      key: t(f.key),
      title: f.playbook ? f.title : t(f.title),
      computers: f.computers.map((c) => ({ ...c, computer: t(c.computer), peers: c.peers.map(t), first: opt(c.first), last: opt(c.last) })),
      peers: f.peers.map(t),
    })),
    files: r.files.map((f) => ({ ...f, path: t(f.path), computer: t(f.computer), ...(f.refused ? { refused: t(f.refused) } : {}) })),
    notices: r.notices.map(t),
    stats: { ...r.stats },
  };
}
