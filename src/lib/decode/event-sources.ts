/**
 * Readers that turn the many ways an event reaches us into EventRecords: the Event Viewer dialog
 * text (English and Japanese labels, 2000/XP/2003 and Vista+), "Save as" CSV / tab-separated rows,
 * event XML, and bare descriptions. Each reader returns the next line index to look at.
 */
import type { Ctx } from './context.ts';
import { coverLines, cover, noteFormat } from './context.ts';
import type { EventRecord } from './events.ts';
import { interpretEvent, legacyLabels, newEventRecord, vistaLabels } from './events.ts';
import { LabelSet, tokenizeFields } from './fields.ts';
import type { LabelDef } from './fields.ts';
import { K } from './kinds.ts';
import type { Span } from './types.ts';
import { FOLD, SKIP, indexIn, isDigit, isSpace, lineContents, looseKey, squash, startsWithCI, trimRange } from './text.ts';

/** Largest event XML read as one event. */
const XML_WINDOW = 65536;

const H = (text: string, name: string): LabelDef => ({ text, name, ja: name, colon: true, follow: 0 });

/** Header labels of the event dialog / "Copy details as text". */
export const HEADER_DEFS: LabelDef[] = [
  H('Event Type', 'type'),
  H('Event Source', 'source'),
  H('Event Category', 'category'),
  H('Event ID', 'id'),
  H('Date', 'date'),
  H('Time', 'time'),
  H('User', 'user'),
  H('Computer', 'computer'),
  H('Description', 'desc'),
  H('Log Name', 'log'),
  H('Source', 'source'),
  H('Task Category', 'category'),
  H('Category', 'category'),
  H('Level', 'level'),
  H('Keywords', 'keywords'),
  H('OpCode', 'opcode'),
  H('Type', 'type'),
  H('種類', 'type'),
  H('イベントの種類', 'type'),
  H('ソース', 'source'),
  H('イベント ソース', 'source'),
  H('分類', 'category'),
  H('イベント カテゴリ', 'category'),
  H('イベントのカテゴリ', 'category'),
  H('イベント ID', 'id'),
  H('日付', 'date'),
  H('時刻', 'time'),
  H('ユーザー', 'user'),
  H('ユーザ', 'user'),
  H('コンピュータ', 'computer'),
  H('コンピューター', 'computer'),
  H('説明', 'desc'),
  H('ログの名前', 'log'),
  H('タスクのカテゴリ', 'category'),
  H('レベル', 'level'),
  H('キーワード', 'keywords'),
  H('オペコード', 'opcode'),
  // Other locales' "Copy details as text" (Korean seen in public pastes; Chinese and German likewise):
  // the Source label decides identity, so a foreign-language copy must still be read as an event.
  H('로그 이름', 'log'),
  H('원본', 'source'),
  H('이벤트 ID', 'id'),
  H('날짜', 'date'),
  H('작업 범주', 'category'),
  H('수준', 'level'),
  H('키워드', 'keywords'),
  H('사용자', 'user'),
  H('컴퓨터', 'computer'),
  H('설명', 'desc'),
  H('日志名称', 'log'),
  H('来源', 'source'),
  H('事件 ID', 'id'),
  H('级别', 'level'),
  H('任务类别', 'category'),
  H('关键字', 'keywords'),
  H('用户', 'user'),
  H('计算机', 'computer'),
  H('描述', 'desc'),
  H('Protokollname', 'log'),
  H('Quelle', 'source'),
  H('Ereignis-ID', 'id'),
  H('Ebene', 'level'),
  H('Beschreibung', 'desc'),
];
export const headerLabels = new LabelSet(HEADER_DEFS);

/** The header label at the start of [s, e), if any: [name, value start]. */
export function headerAt(text: string, s: number, e: number): [string, number] | null {
  const m = headerLabels.at(text, s, e);
  return m ? [m[0].name, m[2]] : null;
}

/** Content range of line i: prefix stripped, trimmed (precomputed by the engine). */
export function content(ctx: Ctx, i: number): [number, number] {
  return [ctx.cs[i], ctx.ce[i]];
}

/** Fill the content arrays for every line. */
export function computeContent(text: string, starts: Int32Array, ends: Int32Array, count: number): { cs: Int32Array; ce: Int32Array; pr: Uint8Array } {
  return lineContents(text, starts, ends, count);
}

/** Longest header value looked through for the next label on the same line (values are names, dates, IDs). */
const MAX_INLINE_VALUE = 300;

/** Longest header label with its spacing ("Event Category", "イベントのカテゴリ"), in characters. */
const MAX_HEADER_LABEL = Math.max(...HEADER_DEFS.map((d) => d.text.length)) + 4;

/** Index of the next ASCII or full-width colon in [p, e), or -1. */
function nextColon(text: string, p: number, e: number): number {
  for (; p < e; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x3a || c === 0xff1a) return p;
  }
  return -1;
}

/** One header field of a line: its name and the value's range. */
export interface LineHeader {
  name: string;
  vs: number;
  ve: number;
}

/**
 * The header fields of one line. A copy whose line breaks were lost (forum posts, tickets, chat:
 * "Event Type: Error Event Source: IPSEC Event Category: None Event ID: 4292 Description: …") holds several;
 * each value ends where the next label starts after a space, and Description takes the rest of the line.
 * Without this, "Event ID: 4285 Source: Norton AntiVirus" is read as event 4285 with no source.
 */
export function lineHeaders(text: string, s: number, e: number): LineHeader[] {
  const out: LineHeader[] = [];
  let h = headerAt(text, s, e);
  while (h) {
    const [name, vs] = h;
    if (name === 'desc') {
      out.push({ name, vs, ve: e });
      break;
    }
    let next: [string, number] | null = null;
    let at = e;
    const stop = Math.min(e, vs + MAX_INLINE_VALUE);
    // a label ends in a colon: only the words shortly before a colon can start one
    let colon = vs;
    for (let p = vs + 1; p < stop; p++) {
      if (colon < p) {
        colon = nextColon(text, p, e);
        if (colon < 0) break;
        if (colon - p > MAX_HEADER_LABEL) p = colon - MAX_HEADER_LABEL;
      }
      if (!isSpace(text.charCodeAt(p - 1)) || isSpace(text.charCodeAt(p))) continue;
      next = headerAt(text, p, e);
      if (next) {
        at = p;
        break;
      }
    }
    out.push({ name, vs, ve: at });
    h = next;
  }
  return out;
}

/** Is line i the start of a dialog header block (a header label with "Event ID" on it or close below)? */
export function isHeaderStart(ctx: Ctx, i: number): boolean {
  const [s, e] = content(ctx, i);
  const hs = lineHeaders(ctx.text, s, e);
  if (!hs.length || hs[0].name === 'desc') return false;
  if (hs.some((h) => h.name === 'id')) return true;
  for (let k = i + 1; k < ctx.lines.count && k <= i + 14; k++) {
    const [ks, ke] = content(ctx, k);
    if (ks >= ke) continue;
    const hk = lineHeaders(ctx.text, ks, ke);
    if (!hk.length) return false;
    if (hk.some((h) => h.name === 'id')) return true;
  }
  return false;
}

const FOOTERS = ['For more information, see Help and Support Center', '詳細については', 'Data:', 'データ:', 'Event Xml:', 'イベント XML:', 'Event XML:'];

function footerAt(ctx: Ctx, s: number, e: number): string | null {
  for (const f of FOOTERS) if (startsWithCI(ctx.text, s, f, e)) return f;
  return null;
}

function parseEventId(v: string): number | undefined {
  let n = '';
  for (const ch of v.trim()) {
    if (isDigit(ch.charCodeAt(0))) n += ch;
    else break;
  }
  if (!n || n.length > 6) return undefined;
  return Number(n);
}

function valueSpan(ctx: Ctx, vs: number, e: number): Span {
  return trimRange(ctx.text, vs, e);
}

/** Event dialog text (header + description [+ footer / data / Event Xml]). */
export function readDialog(ctx: Ctx, i: number): number {
  const rec = newEventRecord('event-text', [ctx.lines.starts[i], ctx.lines.starts[i]]);
  const n = ctx.lines.count;
  let k = i;
  let descStart = -1;
  let keywords: string | undefined;
  let level: string | undefined;
  for (; k < n && k < i + 30; k++) {
    const [s, e] = content(ctx, k);
    if (s >= e) {
      if (descStart >= 0) break;
      continue;
    }
    const hs = lineHeaders(ctx.text, s, e);
    if (!hs.length) break;
    for (const { name, vs, ve } of hs) {
      const sp = valueSpan(ctx, vs, ve);
      const v = ctx.text.slice(sp[0], sp[1]);
      if (name === 'desc') {
        descStart = sp[0] < sp[1] ? sp[0] : k + 1 < n ? ctx.lines.starts[k + 1] : e;
        break;
      }
      switch (name) {
        case 'type':
          rec.type = v;
          rec.typeSpan = sp;
          break;
        case 'source':
          rec.source = v;
          rec.sourceSpan = sp;
          break;
        case 'category':
          rec.category = v;
          break;
        case 'id':
          rec.id = parseEventId(v);
          rec.idSpan = sp;
          break;
        case 'date':
          rec.date = v;
          rec.dateSpan = sp;
          break;
        case 'time':
          rec.time = v;
          rec.timeSpan = sp;
          break;
        case 'user':
          rec.user = v;
          rec.userSpan = sp;
          break;
        case 'computer':
          rec.computer = v;
          rec.computerSpan = sp;
          break;
        case 'log':
          rec.log = v;
          rec.logSpan = sp;
          break;
        case 'keywords':
          keywords = v;
          break;
        case 'level':
          level = v;
          break;
      }
    }
    if (descStart >= 0) {
      k++;
      break;
    }
  }
  if (!rec.type) rec.type = keywords && /audit|監査/i.test(keywords) ? keywords : level;
  let end = k;
  let lastContent = ctx.lines.ends[Math.max(i, k - 1)];
  let descLinesEnd = -1;
  let footerStart = -1;
  if (descStart >= 0) {
    // description until the next header block, a footer, XML, a prompt or the end
    let descEnd = descStart;
    const fielded = rec.id !== undefined && ((rec.id >= 541 && rec.id <= 547) || (rec.id >= 4600 && rec.id < 6000));
    let blank = false;
    for (; end < n && end < k + 400; end++) {
      const [s, e] = content(ctx, end);
      if (s >= e) {
        blank = descEnd > descStart;
        continue;
      }
      // one-paragraph messages (driver, Policy Agent, PAStore…) end at the first blank line
      if (blank && !fielded && !footerAt(ctx, s, e)) break;
      if (footerAt(ctx, s, e)) break;
      if (ctx.boundary(end)) break;
      descEnd = e;
    }
    rec.desc = [descStart, Math.max(descStart, descEnd)];
    // Events with a known field layout end at their last field: text pasted after them is not theirs.
    if (rec.id !== undefined && ((rec.id >= 541 && rec.id <= 547) || (rec.id >= 4600 && rec.id < 6000)) && descEnd > descStart) {
      const res = tokenizeFields(ctx.text, descStart, descEnd, rec.id >= 4600 ? vistaLabels : legacyLabels, 8192, true, ctx);
      const firstLineEnd = ctx.text.indexOf('\n', descStart);
      const minEnd = firstLineEnd < 0 || firstLineEnd > descEnd ? descEnd : firstLineEnd;
      const fieldEnd = Math.max(res.lastEnd, minEnd);
      if (res.hits.length && fieldEnd < descEnd) {
        rec.desc = [descStart, fieldEnd];
        descEnd = fieldEnd;
        let fl = k;
        while (fl < n && ctx.lines.starts[fl] <= fieldEnd) fl++;
        descLinesEnd = fl;
      }
    }
    lastContent = Math.max(lastContent, descEnd);
    // footers
    footerStart = end;
    while (end < n) {
      const [s, e] = content(ctx, end);
      if (s >= e) {
        end++;
        continue;
      }
      const f = footerAt(ctx, s, e);
      if (!f) break;
      lastContent = e;
      end++;
      if (f === 'Data:' || f === 'データ:') {
        // hex dump lines "0000: 00 00 ..." and "Bytes"/"Words" lines
        while (end < n) {
          const [ds, de] = content(ctx, end);
          if (ds < de && (isDigit(ctx.text.charCodeAt(ds)) || startsWithCI(ctx.text, ds, 'bytes', de) || startsWithCI(ctx.text, ds, 'words', de) || ctx.text.startsWith('バイト', ds) || ctx.text.startsWith('ワード', ds))) {
            lastContent = de;
            end++;
          } else break;
        }
      } else if (f.startsWith('Event X') || f.startsWith('イベント X')) {
        // the event's own XML: fill missing fields, do not count it twice
        const st = indexIn(ctx.text, '<Event', s, s + 4000);
        if (st >= 0) {
          const close = indexIn(ctx.text, '</Event>', st, st + XML_WINDOW);
          const stop = close >= 0 ? close + 8 : Math.min(ctx.text.length, st + XML_WINDOW);
          const x = readXmlEvent(ctx, st, stop);
          if (rec.id === undefined) rec.id = x.id;
          if (!rec.source) rec.source = x.source;
          if (!rec.desc && x.desc) rec.desc = x.desc;
          if (!rec.data) rec.data = x.data;
          lastContent = stop;
          while (end < n && ctx.lines.starts[end] < stop) end++;
        }
      }
    }
  }
  rec.span = [ctx.lines.starts[i], Math.max(lastContent, ctx.lines.starts[i])];
  if (ctx.truncated && rec.span[1] >= ctx.text.length - 2) rec.cut = true;
  if (descLinesEnd >= 0 && footerStart >= descLinesEnd) {
    coverLines(ctx, i, descLinesEnd);
    coverLines(ctx, footerStart, Math.max(end, i + 1));
    // trailing text after the fields but before the footer is free text
    if (footerStart === end) end = descLinesEnd;
  } else coverLines(ctx, i, Math.max(end, i + 1));
  noteFormat(ctx, 'event-text');
  interpretEvent(ctx, rec);
  return Math.max(end, i + 1);
}

// ---------------------------------------------------------------- CSV / TSV

const TYPE_WORDS = ['Information', 'Warning', 'Error', 'Success Audit', 'Failure Audit', 'Audit Success', 'Audit Failure', 'Critical', 'Verbose', '情報', '警告', 'エラー', '成功の監査', '失敗の監査', '監査の成功', '監査の失敗', '重大'];

/** TYPE_WORDS grouped by first character, in their original order. */
const TYPE_BY_FIRST = new Map<number, string[]>();
for (const w of TYPE_WORDS) {
  const l = TYPE_BY_FIRST.get(w.charCodeAt(0)) ?? [];
  l.push(w);
  TYPE_BY_FIRST.set(w.charCodeAt(0), l);
}

/** If line content starts with an event type word followed by a separator, return the separator. */
export function rowSeparator(text: string, s: number, e: number): string | null {
  let p = s;
  if (text.charCodeAt(p) === 0x22) p++;
  // only the words that start with this character (most lines are rejected by one map lookup)
  const words = TYPE_BY_FIRST.get(text.charCodeAt(p));
  if (!words) return null;
  for (const w of words) {
    if (text.startsWith(w, p)) {
      let q = p + w.length;
      if (text.charCodeAt(q) === 0x22) q++;
      const c = text.charCodeAt(q);
      if (q < e && (c === 0x2c || c === 0x09)) {
        // the next field must look like a date
        let r = q + 1;
        if (text.charCodeAt(r) === 0x22) r++;
        if (r < e && isDigit(text.charCodeAt(r))) return c === 0x2c ? ',' : '\t';
      }
    }
  }
  return null;
}

const COLUMN_NAMES: Record<string, string> = {
  type: 'type',
  level: 'type',
  keywords: 'keywords',
  '種類': 'type',
  'レベル': 'type',
  'キーワード': 'keywords',
  date: 'date',
  '日付': 'date',
  time: 'time',
  '時刻': 'time',
  'dateandtime': 'datetime',
  '日付と時刻': 'datetime',
  source: 'source',
  'ソース': 'source',
  category: 'category',
  'taskcategory': 'category',
  '分類': 'category',
  'タスクのカテゴリ': 'category',
  event: 'id',
  eventid: 'id',
  'イベント': 'id',
  'イベントid': 'id',
  user: 'user',
  'ユーザー': 'user',
  computer: 'computer',
  'コンピュータ': 'computer',
  'コンピューター': 'computer',
  description: 'desc',
  '説明': 'desc',
};

/** Header row of an export ("Type,Date,Time,Source,Category,Event,User,Computer,Description"). */
export function csvHeader(text: string, s: number, e: number): string[] | null {
  if (e - s > 400) return null;
  let sepSeen = false;
  for (let p = s; p < e; p++) {
    const c = text.charCodeAt(p);
    if (c === 0x2c || c === 0x09) {
      sepSeen = true;
      break;
    }
  }
  if (!sepSeen) return null;
  const line = text.slice(s, e);
  const sep = line.includes('\t') ? '\t' : ',';
  const cols = line.split(sep).map((c) => {
    let x = c.trim();
    if (x.startsWith('"') && x.endsWith('"')) x = x.slice(1, -1);
    let k = '';
    for (const ch of x.toLowerCase()) if (ch !== ' ' && ch !== '\u3000') k += ch;
    return COLUMN_NAMES[k] ?? '';
  });
  const known = cols.filter(Boolean).length;
  if (known >= 4 && cols.includes('id') && (cols.includes('source') || cols.includes('desc'))) return cols;
  return null;
}

const DEFAULT_COLUMNS = ['type', 'date', 'time', 'source', 'category', 'id', 'user', 'computer', 'desc'];
const VISTA_COLUMNS = ['type', 'datetime', 'source', 'id', 'category', 'desc'];

interface Field {
  s: number;
  e: number;
  value: string;
}

/** Read one CSV/TSV row starting at `p`; returns fields and the offset after the row. */
function readRow(text: string, p: number, sep: string, lineEnd: number, maxFields: number): { fields: Field[]; end: number; cut: boolean } {
  const fields: Field[] = [];
  const sepCode = sep.charCodeAt(0);
  let cut = false;
  let curLineEnd = lineEnd;
  while (fields.length < maxFields) {
    if (text.charCodeAt(p) === 0x22) {
      let q = text.indexOf('"', p + 1);
      while (q >= 0 && text.charCodeAt(q + 1) === 0x22) q = text.indexOf('"', q + 2);
      let fe: number;
      let next: number;
      if (q < 0) {
        fe = text.length;
        next = text.length;
        cut = true;
      } else {
        fe = q;
        next = q + 1;
      }
      const raw = text.slice(p + 1, fe);
      fields.push({ s: p + 1, e: fe, value: raw.includes('""') ? raw.split('""').join('"') : raw });
      p = next;
      if (p > curLineEnd) {
        const nl = text.indexOf('\n', p);
        curLineEnd = nl < 0 ? text.length : text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      }
      if (p < curLineEnd && text.charCodeAt(p) === sepCode) {
        p++;
        continue;
      }
      break;
    }
    let q = indexIn(text, sep, p, curLineEnd);
    const last = fields.length === maxFields - 1;
    if (q < 0 || q > curLineEnd || last) q = curLineEnd;
    fields.push({ s: p, e: q, value: text.slice(p, q) });
    p = q;
    if (p < curLineEnd && text.charCodeAt(p) === sepCode) {
      p++;
      continue;
    }
    break;
  }
  return { fields, end: Math.max(p, curLineEnd), cut };
}

/** One or more export rows starting at line i. */
export function readRows(ctx: Ctx, i: number): number {
  const n = ctx.lines.count;
  let k = i;
  while (k < n) {
    const s = ctx.cs[k];
    const e = ctx.ce[k];
    if (s >= e) {
      k++;
      continue;
    }
    if (k > i && ctx.tick(s)) break;
    const sep = rowSeparator(ctx.text, s, e);
    if (!sep) break;
    let cols = ctx.columns;
    const { fields, end, cut } = readRow(ctx.text, s, sep, e, cols ? cols.length : 12);
    if (!cols) cols = fields.length >= 3 && fields[1].value.includes(':') ? VISTA_COLUMNS : DEFAULT_COLUMNS;
    const rec = newEventRecord(sep === ',' ? 'event-csv' : 'event-tsv', [s, end]);
    let descField: Field | undefined;
    const text = ctx.text;
    for (let fi = 0; fi < fields.length; fi++) {
      const f = fields[fi];
      const col = cols[fi] ?? (fi === fields.length - 1 ? 'desc' : '');
      if (col === 'desc') {
        descField = f;
        continue;
      }
      if (col === '') continue;
      const v = f.value.trim();
      switch (col) {
        case 'type':
          rec.type = v;
          rec.typeSpan = trimRange(text, f.s, f.e);
          break;
        case 'date':
          rec.date = v;
          rec.dateSpan = trimRange(text, f.s, f.e);
          break;
        case 'time':
          rec.time = v;
          rec.timeSpan = trimRange(text, f.s, f.e);
          break;
        case 'datetime':
          rec.date = v;
          rec.dateSpan = trimRange(text, f.s, f.e);
          break;
        case 'source':
          rec.source = v;
          rec.sourceSpan = trimRange(text, f.s, f.e);
          break;
        case 'category':
          rec.category = v;
          break;
        case 'id':
          rec.id = parseEventId(v);
          rec.idSpan = trimRange(text, f.s, f.e);
          break;
        case 'user':
          rec.user = v;
          rec.userSpan = trimRange(text, f.s, f.e);
          break;
        case 'computer':
          rec.computer = v;
          rec.computerSpan = trimRange(text, f.s, f.e);
          break;
      }
    }
    // unquoted last field: the description may continue on the following lines
    let rowEnd = end;
    let next = k + 1;
    while (next < n && ctx.lines.starts[next] < rowEnd) next++;
    if (descField && ctx.text.charCodeAt(descField.s - 1) !== 0x22) {
      const cs = ctx.cs;
      const ce = ctx.ce;
      while (next < n) {
        const ne = ce[next];
        if (cs[next] < ne) {
          if (ctx.boundary(next)) break;
          rowEnd = ne;
        } else {
          // a blank line inside a tab-separated description is kept only if more description follows
          let m = next + 1;
          while (m < n && ctx.cs[m] >= ctx.ce[m]) m++;
          if (m >= n || ctx.boundary(m) || ctx.detect(m) !== K.FREE) break;
        }
        next++;
      }
      descField.e = Math.max(descField.e, rowEnd);
    }
    if (rec.id === undefined) {
      // not an event row after all (no event id column): leave the line to the free-text pass
      if (k === i) return i + 1;
      break;
    }
    if (descField) rec.desc = trimRange(ctx.text, descField.s, descField.e);
    rec.span = [s, rowEnd];
    if (cut || (ctx.truncated && rowEnd >= ctx.text.length - 2)) rec.cut = true;
    coverLines(ctx, k, next);
    noteFormat(ctx, rec.format);
    interpretEvent(ctx, rec);
    k = next;
  }
  return Math.max(k, i + 1);
}

// ---------------------------------------------------------------- XML

/** Value span of attribute `name` inside [s, e). */
function attr(text: string, s: number, e: number, name: string): [number, number] | null {
  const at = indexIn(text, name + '=', s, e);
  if (at < 0) return null;
  const q = text.charCodeAt(at + name.length + 1);
  if (q !== 0x22 && q !== 0x27) return null;
  const close = indexIn(text, String.fromCharCode(q), at + name.length + 2, e);
  if (close < 0) return null;
  return [at + name.length + 2, close];
}

/** Content span of the first element `tag` inside [s, e). */
function tagText(text: string, s: number, e: number, tag: string): [number, number] | null {
  let at = indexIn(text, '<' + tag, s, e);
  let guard = 0;
  while (at >= 0 && guard++ < 64) {
    const c = text.charCodeAt(at + tag.length + 1);
    if (c === 0x3e || c === 0x20 || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) break;
    at = indexIn(text, '<' + tag, at + 1, e);
  }
  if (at < 0 || guard >= 64) return null;
  const gt = indexIn(text, '>', at, e);
  if (gt < 0) return null;
  if (text.charCodeAt(gt - 1) === 0x2f) return [gt, gt];
  const close = indexIn(text, '</' + tag + '>', gt, e);
  if (close < 0) return [gt + 1, e];
  return [gt + 1, close];
}

/**
 * Text of an XML value: entities decoded, and CDATA sections (`<![CDATA[547]]>`, which some exporters
 * write) unwrapped with their content kept literally.
 */
export function decodeEntities(s: string): string {
  const cd = s.indexOf('<![CDATA[');
  if (cd >= 0) {
    const end = s.indexOf(']]>', cd + 9);
    if (end >= 0) return decodeEntities(s.slice(0, cd)) + s.slice(cd + 9, end) + decodeEntities(s.slice(end + 3));
    return decodeEntities(s.slice(0, cd)) + s.slice(cd + 9);
  }
  if (!s.includes('&')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c !== '&') {
      out += c;
      i++;
      continue;
    }
    const semi = s.indexOf(';', i);
    if (semi < 0 || semi - i > 10) {
      out += c;
      i++;
      continue;
    }
    const ent = s.slice(i + 1, semi);
    let rep: string | null = null;
    if (ent === 'lt') rep = '<';
    else if (ent === 'gt') rep = '>';
    else if (ent === 'amp') rep = '&';
    else if (ent === 'quot') rep = '"';
    else if (ent === 'apos') rep = "'";
    else if (ent.startsWith('#x') || ent.startsWith('#X')) {
      const v = parseInt(ent.slice(2), 16);
      if (Number.isFinite(v) && v > 0 && v < 0x110000) rep = String.fromCodePoint(v);
    } else if (ent.startsWith('#')) {
      const v = parseInt(ent.slice(1), 10);
      if (Number.isFinite(v) && v > 0 && v < 0x110000) rep = String.fromCodePoint(v);
    }
    if (rep === null) {
      out += c;
      i++;
    } else {
      out += rep;
      i = semi + 1;
    }
  }
  return out;
}

/** Read one <Event> element in [st, stop). */
export function readXmlEvent(ctx: Ctx, st: number, stop: number): EventRecord {
  const text = ctx.text;
  const rec = newEventRecord('event-xml', [st, stop]);
  const prov = tagText(text, st, stop, 'Provider');
  const provAt = indexIn(text, '<Provider', st, stop);
  if (provAt >= 0) {
    const gt = indexIn(text, '>', provAt, stop);
    const nm = attr(text, provAt, gt < 0 ? stop : Math.min(gt, stop), 'Name');
    if (nm) {
      rec.source = decodeEntities(text.slice(nm[0], nm[1]));
      rec.sourceSpan = nm;
    }
  }
  void prov;
  const idT = tagText(text, st, stop, 'EventID');
  if (idT) {
    rec.id = parseEventId(decodeEntities(text.slice(idT[0], idT[1])).trim());
    rec.idSpan = trimRange(text, idT[0], idT[1]);
  }
  const tc = indexIn(text, '<TimeCreated', st, stop);
  if (tc >= 0) {
    const a = attr(text, tc, Math.min(stop, tc + 200), 'SystemTime');
    if (a) {
      rec.date = text.slice(a[0], a[1]);
      rec.dateSpan = a;
    }
  }
  const ch = tagText(text, st, stop, 'Channel');
  if (ch) {
    rec.log = decodeEntities(text.slice(ch[0], ch[1]).trim());
    rec.logSpan = ch;
  }
  const comp = tagText(text, st, stop, 'Computer');
  if (comp) {
    rec.computer = decodeEntities(text.slice(comp[0], comp[1]).trim());
    rec.computerSpan = trimRange(text, comp[0], comp[1]);
  }
  const lvl = tagText(text, st, stop, 'Keywords');
  if (lvl && text.slice(lvl[0], lvl[1]).includes('Audit')) rec.type = decodeEntities(text.slice(lvl[0], lvl[1]).trim());
  // EventData / UserData items
  const data: Array<{ name?: string; value: string; span: Span }> = [];
  let p = st;
  let guard = 0;
  for (;;) {
    const at = indexIn(text, '<Data', p, stop);
    if (at < 0 || guard++ > 500) break;
    const c = text.charCodeAt(at + 5);
    if (c !== 0x3e && c !== 0x20 && c !== 0x2f) {
      p = at + 5;
      continue;
    }
    const gt = indexIn(text, '>', at, stop);
    if (gt < 0) break;
    const nm = attr(text, at, gt, 'Name');
    if (text.charCodeAt(gt - 1) === 0x2f) {
      data.push({ name: nm ? text.slice(nm[0], nm[1]) : undefined, value: '', span: [gt, gt] });
      p = gt + 1;
      continue;
    }
    let close = indexIn(text, '</Data>', gt, stop);
    if (close < 0) close = stop;
    data.push({ name: nm ? text.slice(nm[0], nm[1]) : undefined, value: decodeEntities(text.slice(gt + 1, close)), span: unwrapCdata(text, [gt + 1, close]) });
    p = close + 1;
  }
  if (data.length) rec.data = data;
  const msg = tagText(text, st, stop, 'Message');
  if (msg && msg[1] > msg[0]) {
    const inner = unwrapCdata(text, trimRange(text, msg[0], msg[1]));
    rec.desc = trimRange(text, inner[0], inner[1]);
  }
  return rec;
}

/** The span inside `<![CDATA[`…`]]>` when the span is exactly one such section, else the span. */
function unwrapCdata(text: string, span: Span): Span {
  if (!text.startsWith('<![CDATA[', span[0]) || !text.startsWith(']]>', span[1] - 3) || span[1] - span[0] < 12) return span;
  return [span[0] + 9, span[1] - 3];
}

/** XML events starting on line i (from the '<Event' at offset `at`). */
export function readXml(ctx: Ctx, i: number, at: number, closeCursor: { find(s: number, e: number): number }): number {
  const text = ctx.text;
  const n = ctx.lines.count;
  let st = at;
  const closeAt = closeCursor.find(st, Math.min(text.length, st + XML_WINDOW));
  let stop: number;
  let cut = false;
  if (closeAt < 0) {
    // no closing tag close by: the event was cut off (or this is not really XML); read its own line(s) only
    let lim = Math.min(text.length, st + 16384);
    const blank = indexIn(text, '\n\n', st, lim);
    if (blank >= 0) lim = blank;
    const again = indexIn(text, '<Event', st + 6, lim);
    stop = again >= 0 ? again : lim;
    cut = true;
  } else stop = closeAt + 8;
  const rec = readXmlEvent(ctx, st, stop);
  if (rec.id === undefined) return i + 1; // XML-looking text without an EventID is not an event
  if (cut) rec.cut = true;
  noteFormat(ctx, 'event-xml');
  cover(ctx, st, stop);
  interpretEvent(ctx, rec);
  let k = i;
  while (k < n && ctx.lines.starts[k] < stop) k++;
  void closeAt;
  return Math.max(k, i + 1);
}

// ---------------------------------------------------------------- bare descriptions

/** First-line titles of event descriptions: looseKey -> ids. */
export interface TitleIndex {
  byKey: Map<string, number[]>;
  keys: string[];
  /** keys grouped by their first two characters. */
  byFirst2: Map<number, string[]>;
}

export function buildTitleIndex(events: Array<{ id: number; title: string; source: string }>): TitleIndex {
  const byKey = new Map<string, number[]>();
  for (const e of events) {
    if (!Number.isFinite(e.id) || !e.title || e.title.startsWith('%')) continue;
    if (!(e.id >= 541 && e.id <= 547) && !(e.id >= 4600 && e.id < 6000)) continue;
    let t = e.title;
    const paren = t.indexOf(' (Mode:');
    if (paren > 0) t = t.slice(0, paren);
    // first sentence
    const dot = t.indexOf('. ');
    if (dot > 0) t = t.slice(0, dot + 1);
    const k = looseKey(t);
    if (k.length < 10) continue;
    const list = byKey.get(k) ?? [];
    if (!list.includes(e.id)) list.push(e.id);
    byKey.set(k, list);
  }
  const keys = [...byKey.keys()].sort((a, b) => b.length - a.length);
  const byFirst2 = new Map<number, string[]>();
  for (const k of keys) {
    const f = k.charCodeAt(0) * 65536 + k.charCodeAt(1);
    const l = byFirst2.get(f) ?? [];
    l.push(k);
    byFirst2.set(f, l);
  }
  return { byKey, keys, byFirst2 };
}

/** Is c dropped by looseKey? */
function looseDrop(f: number): boolean {
  return f === SKIP || f === 0x2e || f === 0x3002 || f === 0x3001 || f === 0x2c || f === 0x21 || f === 0x3f || f === 0x2d || f === 0x7c || f === 0x3a || f === 0x2f;
}

/** Does the looseKey of text from s start with key? Returns the offset after the match or -1. */
function looseStartsWith(text: string, s: number, e: number, key: string): number {
  let p = s;
  let k = 0;
  let inDigits = false;
  while (k < key.length) {
    if (p >= e) return -1;
    const f = FOLD[text.charCodeAt(p)];
    p++;
    if (f >= 0x30 && f <= 0x39) {
      if (inDigits) continue;
      inDigits = true;
      if (key.charCodeAt(k) !== 0x23) return -1;
      k++;
      continue;
    }
    inDigits = false;
    if (looseDrop(f)) continue;
    if (f !== key.charCodeAt(k)) return -1;
    k++;
  }
  // include trailing punctuation of the title (the final period)
  while (p < e && (text.charCodeAt(p) === 0x2e || text.charCodeAt(p) === 0x3002)) p++;
  return p;
}

/** Ids whose title starts line [s, e). */
export function titleIds(ti: TitleIndex, text: string, s: number, e: number): { ids: number[]; end: number } | null {
  // first two loose characters
  let p = s;
  let k1 = -1;
  let k2 = -1;
  while (p < e && p < s + 24 && k2 < 0) {
    const f = FOLD[text.charCodeAt(p)];
    p++;
    if (looseDrop(f)) continue;
    const g = f >= 0x30 && f <= 0x39 ? 0x23 : f;
    if (k1 < 0) k1 = g;
    else k2 = g;
  }
  if (k2 < 0) return null;
  const cands = ti.byFirst2.get(k1 * 65536 + k2);
  if (!cands) return null;
  for (const k of cands) {
    const end = looseStartsWith(text, s, Math.min(e, s + 400), k);
    if (end >= 0) return { ids: ti.byKey.get(k) as number[], end };
  }
  return null;
}

/** A description without header: title line (or labels) + fields. `from` = offset where it starts. */
export function readDescription(ctx: Ctx, i: number, from: number, ids: number[] | null, prefixId?: { id: number; span: Span }): number {
  const n = ctx.lines.count;
  let blockEnd = i + 1;
  while (blockEnd < n && blockEnd < i + 80) {
    const kd = ctx.detect(blockEnd);
    if (kd !== K.FREE && kd !== K.FIELDS && kd !== K.NOISE) break;
    blockEnd++;
  }
  const endOff = ctx.lines.ends[blockEnd - 1];
  const vista = !!ids && ids.some((x) => x >= 4600);
  const res = tokenizeFields(ctx.text, from, endOff, vista ? vistaLabels : legacyLabels, 8192, true, ctx);
  // the description ends at the last line a field used (at least the first line)
  const lastEnd = Math.max(res.lastEnd, ctx.lines.ends[i]);
  let id: number | undefined = prefixId?.id;
  if (id === undefined && ids && ids.length) {
    id = ids[0];
    if (ids.includes(4652) && ids.includes(4653)) {
      // one title for both: 4652 is the main-mode failure that carries certificate blocks
      const body = ctx.text.slice(from, Math.min(endOff, from + 6000));
      id = /Certificate:|証明書:/.test(body) ? 4652 : 4653;
    }
    if (ids.includes(542) || ids.includes(543)) {
      const mode = res.hits.find((h) => h.name === 'mode');
      const inb = res.hits.some((h) => h.name === 'inboundSpi');
      id = inb || (mode && /quick|クイック/i.test(mode.value)) ? 542 : 543;
    }
  }
  if (id === undefined) {
    const names = new Set(res.hits.map((h) => h.name));
    if (names.has('reason') || names.has('failurePoint') || names.has('extraStatus')) id = 547;
    else if (names.has('espAlg') || names.has('outboundSpi') || names.has('§params')) id = 541;
    else if (names.has('inboundSpi')) id = 542;
    else return i + 1; // labels alone do not make an event: leave the line to the free-text pass
  }
  const rec = newEventRecord('event-description', [prefixId ? prefixId.span[0] : from, lastEnd]);
  rec.desc = [from, lastEnd];
  rec.id = id;
  if (prefixId) rec.idSpan = prefixId.span;
  if (ctx.truncated && lastEnd >= ctx.text.length - 2) rec.cut = true;
  let k = i;
  while (k < n && ctx.lines.starts[k] <= lastEnd) k++;
  coverLines(ctx, i, k);
  noteFormat(ctx, 'event-description');
  interpretEvent(ctx, rec);
  return Math.max(k, i + 1);
}

/** Legacy 547/541 labels that may start a description pasted without its title. */
const TOP_NAMES = new Set(['mode', '§filter', '§peer', '§params', 'failurePoint', 'reason', 'extraStatus']);

/** A line that starts with a top-level 541/547 label and has at least one more such label close below. */
export function isFieldsStart(ctx: Ctx, i: number): boolean {
  const [s, e] = content(ctx, i);
  const m = legacyLabels.at(ctx.text, s, e);
  if (!m || !TOP_NAMES.has(m[0].name)) return false;
  // "Failure Reason:" alone, with its value on the same or the next line, is a 547 fragment
  if (m[0].name === 'reason') {
    if (m[2] < e) return true;
    for (let k = i + 1; k < ctx.lines.count && k <= i + 2; k++) if (ctx.cs[k] < ctx.ce[k]) return !legacyLabels.at(ctx.text, ctx.cs[k], ctx.ce[k]);
  }
  let seen = 1;
  for (let k = i + 1; k < ctx.lines.count && k <= i + 10; k++) {
    const [ks, ke] = content(ctx, k);
    if (ks >= ke) continue;
    const mk = legacyLabels.at(ctx.text, ks, ke);
    if (mk && TOP_NAMES.has(mk[0].name) && mk[0].name !== m[0].name) seen++;
    if (seen >= 2) return true;
  }
  // one-line form: several labels on the same line
  if (e - s < 4000) {
    const res = tokenizeFields(ctx.text, s, e, legacyLabels, 8192, false, ctx);
    let tops = 0;
    for (const h of res.hits) if (TOP_NAMES.has(h.name)) tops++;
    if (tops >= 2) return true;
  }
  return false;
}

/** Event id written before a description on the same line ("547 Security Failure Audit … IKE …"). */
export function idBefore(ctx: Ctx, s: number, at: number): { id: number; span: Span } | undefined {
  const seg = ctx.text.slice(s, at);
  let best: { id: number; span: Span } | undefined;
  let p = 0;
  while (p < seg.length) {
    if (isDigit(seg.charCodeAt(p)) && (p === 0 || !isDigit(seg.charCodeAt(p - 1)))) {
      let q = p;
      while (q < seg.length && isDigit(seg.charCodeAt(q))) q++;
      const prev = p > 0 ? seg.charCodeAt(p - 1) : 0x20;
      const next = q < seg.length ? seg.charCodeAt(q) : 0x20;
      if (q - p >= 3 && q - p <= 4 && (isSpace(prev) || prev === 0x2c || prev === 0x09 || prev === 0x3a) && (isSpace(next) || next === 0x2c || next === 0x09 || next === 0x3a)) {
        const v = Number(seg.slice(p, q));
        if (ctx.idx.ipsecIds.has(v)) {
          best = { id: v, span: [s + p, s + q] };
          break;
        }
      }
      p = q;
    } else p++;
  }
  return best;
}

export { squash };
