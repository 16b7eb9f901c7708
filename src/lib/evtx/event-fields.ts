/**
 * The fields two readers must agree on, taken from one event's XML text: record id, provider,
 * channel, event id, time, computer and event data. Used to build the expected fixtures from
 * `evtxexport -f xml` (scripts/evtx-fixtures.ts) and to compare our rendering with them, so the
 * same normalisation applies to both sides:
 * - times keep 7 fraction digits (100 ns, FILETIME's resolution; evtxexport prints 9),
 * - hex numbers drop leading zeros (evtxexport pads 64-bit hex to 16 digits, Event Viewer does not),
 * - XML entities are decoded,
 * - trailing white space is dropped (evtxexport drops a value's trailing newline; Windows keeps it).
 */

export interface EventFields {
  recordId: number;
  provider: string;
  channel: string;
  eventId: number;
  time: string;
  computer: string;
  /** [name, value] in document order: EventData/Data (unnamed Data gets ''), Binary, UserData leaves. */
  data: [string, string][];
}

const ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENT[e],
  );
}

export function normaliseValue(v: string): string {
  const s = unescapeXml(v).trimEnd();
  const hex = /^0x([0-9a-fA-F]+)$/.exec(s);
  if (hex) return `0x${hex[1].replace(/^0+(?=.)/, '').toLowerCase()}`;
  const t = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(s);
  if (t) return `${t[1]}.${(t[2] ?? '').padEnd(7, '0').slice(0, 7)}Z`;
  return s;
}

const text = (xml: string, tag: string) => {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  return m ? unescapeXml(m[1]) : '';
};
const attr = (xml: string, tag: string, name: string) => {
  const m = new RegExp(`<${tag}\\s[^>]*?\\b${name}="([^"]*)"`).exec(xml);
  return m ? unescapeXml(m[1]) : '';
};

/** Fields of one `<Event>…</Event>` text. */
export function eventFields(xml: string): EventFields {
  const data: [string, string][] = [];
  const ed = /<EventData>([\s\S]*?)<\/EventData>/.exec(xml);
  if (ed) {
    // start tags found by a flat pattern; each value runs to its end tag (indexOf: linear)
    const body = ed[1];
    const re = /<(Data|Binary)([^>]*)>/g;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const name = m[1] === 'Binary' ? 'Binary' : (/\bName="([^"]*)"/.exec(m[2])?.[1] ?? '');
      let value = '';
      if (!m[2].endsWith('/')) {
        const close = body.indexOf(`</${m[1]}>`, re.lastIndex);
        if (close < 0) break;
        value = body.slice(re.lastIndex, close);
        re.lastIndex = close;
      }
      data.push([unescapeXml(name), normaliseValue(value)]);
    }
  }
  const ud = /<UserData>([\s\S]*?)<\/UserData>/.exec(xml);
  if (ud) {
    const re = /<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?>([^<]*)<\/\1>|<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?\/>/g;
    for (let m = re.exec(ud[1]); m; m = re.exec(ud[1])) {
      if (m[1]) data.push([m[1], normaliseValue(m[2])]);
      else if (m[3]) data.push([m[3], '']); // empty leaf (<Name/>)
    }
  }
  return {
    recordId: Number(text(xml, 'EventRecordID')) || 0,
    provider: attr(xml, 'Provider', 'Name'),
    channel: text(xml, 'Channel'),
    eventId: Number(text(xml, 'EventID')) || 0,
    time: normaliseValue(attr(xml, 'TimeCreated', 'SystemTime')),
    computer: text(xml, 'Computer'),
    data,
  };
}

/** Split a stream of rendered events (evtxexport output, or several pasted events) into `<Event>` texts. */
export function splitEvents(xml: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const s = xml.indexOf('<Event ', from);
    const s2 = xml.indexOf('<Event>', from);
    const start = s < 0 ? s2 : s2 < 0 ? s : Math.min(s, s2);
    if (start < 0) return out;
    const end = xml.indexOf('</Event>', start);
    if (end < 0) return out;
    out.push(xml.slice(start, end + 8));
    from = end + 8;
  }
}
