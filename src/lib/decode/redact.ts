/**
 * Redaction for tickets: addresses -> <IP-1>, computer / user / domain names -> <HOST-1>,
 * <USER-1>, <DOMAIN-1> (other identifying values -> <NAME-1>). The same value always gets the same
 * placeholder within one Redactor, so a redacted report and a redacted original still line up.
 */
import type { BundleReport, DecodeReport, Fact, PiiKind } from './types.ts';
import { isIPv4, isNeutralAddress } from './text.ts';

type Cat = 'IP' | 'HOST' | 'USER' | 'DOMAIN' | 'NAME';

const WELL_KNOWN = new Set([
  'nt authority',
  'builtin',
  'system',
  'network service',
  'local service',
  'anonymous logon',
  'n/a',
  'administrators',
  'users',
  'everyone',
  'authenticated users',
  'unknown',
  'localhost',
  'workgroup',
  'nt service',
  'authority',
  'nt',
  'network',
  'local',
]);

const FILE_EXT = new Set(['exe', 'dll', 'sys', 'txt', 'log', 'asp', 'aspx', 'htm', 'html', 'vbs', 'js', 'ts', 'mdx', 'md', 'msc', 'cpl', 'ini', 'inf', 'reg', 'xml', 'csv', 'bat', 'cmd', 'ps1', 'bak', 'sav', 'old', 'tmp', 'evt', 'evtx', 'cap', 'etl', 'pol', 'adm', 'json', 'zip', 'cab', 'msi', 'mspx', 'h', 'c']);
const KEEP_DOMAINS = ['microsoft.com', 'windows.com', 'w3.org', 'example.invalid'];
const SERVICE_CLASSES = new Set(['host', 'cifs', 'krbtgt', 'http', 'ldap', 'rpcss', 'rpc', 'gc', 'dns', 'restrictedkrbhost', 'wsman', 'termsrv', 'mssqlsvc']);

function isNameChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x2d || c === 0x5f || c === 0x24;
}

function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

function isFqdnLike(tok: string): boolean {
  if (tok.length < 4 || tok.length > 253 || !tok.includes('.')) return false;
  const labels = tok.split('.');
  if (labels.some((l) => l.length === 0 || l.length > 63)) return false;
  const last = labels[labels.length - 1];
  if (last.length < 2 || !hasLetter(last)) return false;
  for (let i = 0; i < last.length; i++) {
    const c = last.charCodeAt(i) | 0x20;
    if (!(c >= 0x61 && c <= 0x7a)) return false;
  }
  if (FILE_EXT.has(last.toLowerCase())) return false;
  if (!hasLetter(labels[0])) return false;
  const low = tok.toLowerCase();
  if (KEEP_DOMAINS.some((d) => low === d || low.endsWith('.' + d))) return false;
  return true;
}

export class Redactor {
  private maps: Record<Cat, Map<string, string>> = { IP: new Map(), HOST: new Map(), USER: new Map(), DOMAIN: new Map(), NAME: new Map() };
  /** Learned single names (lower case) -> category. */
  private known = new Map<string, Cat>();

  placeholder(cat: Cat, value: string): string {
    const key = cat === 'IP' ? value : value.toLowerCase();
    const m = this.maps[cat];
    let p = m.get(key);
    if (!p) {
      p = `<${cat}-${m.size + 1}>`;
      m.set(key, p);
    }
    return p;
  }

  /** Register a value that must be replaced wherever it appears. */
  learn(kind: PiiKind, value: string): void {
    const v = value.trim();
    if (!v || v === '-' || WELL_KNOWN.has(v.toLowerCase())) return;
    switch (kind) {
      case 'ip':
        if (isIPv4(v) && !isNeutralAddress(v)) this.placeholder('IP', v);
        else if (isFqdnLike(v)) this.learnFqdn(v);
        break;
      case 'host':
        if (v.includes('.')) this.learnFqdn(v);
        else this.add(v, 'HOST');
        break;
      case 'fqdn':
        if (isIPv4(v)) this.learn('ip', v);
        else if (v.includes('.')) this.learnFqdn(v);
        else this.add(v, 'HOST');
        break;
      case 'domain':
        this.add(v, 'DOMAIN');
        break;
      case 'user': {
        const bs = v.indexOf('\\');
        const at = v.indexOf('@');
        if (bs > 0) {
          const d = v.slice(0, bs);
          if (!WELL_KNOWN.has(d.toLowerCase())) this.add(d, 'DOMAIN');
          const u = v.slice(bs + 1);
          if (!WELL_KNOWN.has(u.toLowerCase())) this.add(u, u.endsWith('$') ? 'HOST' : 'USER');
        } else if (at > 0) {
          this.add(v.slice(0, at), 'USER');
          this.add(v.slice(at + 1), 'DOMAIN');
        } else this.add(v, 'USER');
        break;
      }
      case 'principal': {
        let rest = v;
        const at = rest.lastIndexOf('@');
        if (at > 0) {
          this.add(rest.slice(at + 1), 'DOMAIN');
          rest = rest.slice(0, at);
        }
        const sl = rest.indexOf('/');
        if (sl > 0) {
          const svc = rest.slice(0, sl).toLowerCase();
          const target = rest.slice(sl + 1);
          if (svc === 'krbtgt') this.add(target, 'DOMAIN');
          else if (target.includes('.')) this.learnFqdn(target);
          else this.add(target, 'HOST');
        } else if (rest.includes('\\')) this.learn('user', rest);
        else if (rest.includes('.')) this.learnFqdn(rest);
        else if (rest) this.add(rest, rest.endsWith('$') ? 'HOST' : 'USER');
        break;
      }
      case 'name':
        this.add(v, 'NAME');
        break;
    }
  }

  private add(v: string, cat: Cat) {
    const k = v.toLowerCase();
    if (!k || WELL_KNOWN.has(k)) return;
    if (!this.known.has(k)) this.known.set(k, cat);
    this.placeholder(cat, v);
  }

  private learnFqdn(v: string) {
    const dot = v.indexOf('.');
    const labels = v.split('.');
    if (labels.length >= 3) {
      this.add(v.slice(0, dot), 'HOST');
      this.add(v.slice(dot + 1), 'DOMAIN');
    } else this.add(v, 'DOMAIN');
  }

  /** Replace the domain part of an FQDN-like token and its host label. */
  private fqdn(tok: string): string {
    const low = tok.toLowerCase();
    const k = this.known.get(low);
    if (k) return this.placeholder(k, tok);
    const labels = tok.split('.');
    if (labels.length === 2) return this.placeholder('DOMAIN', tok);
    const dot = tok.indexOf('.');
    const host = tok.slice(0, dot);
    const dom = tok.slice(dot + 1);
    return `${this.placeholder('HOST', host)}.${this.placeholder(this.known.get(dom.toLowerCase()) ?? 'DOMAIN', dom)}`;
  }

  /** Learn names from labelled lines of raw text ("Computer: X", "User: D\\u", "Host Name . . : X"). */
  learnFromText(s: string): void {
    const LABELS: Array<[string, PiiKind]> = [
      ['Computer:', 'host'],
      ['コンピュータ:', 'host'],
      ['コンピューター:', 'host'],
      ['User:', 'user'],
      ['ユーザー:', 'user'],
      ['Host Name', 'host'],
      ['ホスト名', 'host'],
      ['Primary Dns Suffix', 'domain'],
      ['プライマリ DNS サフィックス', 'domain'],
      ['Source Machine', 'host'],
    ];
    let pos = 0;
    let guard = 0;
    while (pos < s.length && guard++ < 200000) {
      let nl = s.indexOf('\n', pos);
      if (nl < 0) nl = s.length;
      if (nl - pos < 300) {
        const line = s.slice(pos, nl).trim();
        for (const [lab, kind] of LABELS) {
          if (line.startsWith(lab)) {
            const c = line.indexOf(':', lab.length - 1);
            const v = c >= 0 ? line.slice(c + 1).trim() : '';
            if (v && v.length < 100) this.learn(kind, v);
          }
        }
      }
      pos = nl + 1;
    }
  }

  /** Redact one string. */
  text(s: string): string {
    if (!s) return s;
    let out = '';
    let i = 0;
    const n = s.length;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (!isNameChar(c) || c === 0x2e || c === 0x2d) {
        out += s[i];
        i++;
        continue;
      }
      let j = i;
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
      let tok = s.slice(i, j);
      let trail = '';
      while (tok.length && (tok.endsWith('.') || tok.endsWith('-'))) {
        trail = tok[tok.length - 1] + trail;
        tok = tok.slice(0, -1);
      }
      out += this.token(s, i, tok) + trail;
      i = j;
    }
    return out;
  }

  private token(s: string, at: number, tok: string): string {
    if (!tok) return tok;
    const low = tok.toLowerCase();
    const prev = at > 0 ? s.charCodeAt(at - 1) : 0;
    const next = at + tok.length < s.length ? s.charCodeAt(at + tok.length) : 0;
    // addresses (also "192.168.0.20.500")
    const c0 = tok.charCodeAt(0);
    if (c0 >= 0x30 && c0 <= 0x39) {
      if (isIPv4(tok)) return isNeutralAddress(tok) ? tok : this.placeholder('IP', tok);
      const parts = tok.split('.');
      if (parts.length === 5) {
        const ip = parts.slice(0, 4).join('.');
        if (isIPv4(ip) && !isNeutralAddress(ip)) return `${this.placeholder('IP', ip)}.${parts[4]}`;
      }
    }
    // DC=example
    if (at >= 3 && (s.slice(at - 3, at) === 'DC=' || s.slice(at - 3, at) === 'dc=')) return this.placeholder('DOMAIN', tok);
    // DOMAIN\user
    if (next === 0x5c) {
      if (WELL_KNOWN.has(low) || low === 'nt') return tok;
      if (this.known.get(low) === 'HOST') return this.placeholder('HOST', tok);
      // a path segment like C:\ is never a name token
      if (tok.length === 1) return tok;
      return this.looksLikePathSegment(s, at) ? tok : this.placeholder('DOMAIN', tok);
    }
    if (prev === 0x5c && at >= 2) {
      const k = this.known.get(low);
      if (k) return this.placeholder(k, tok);
      // the user part after a domain we just replaced
      const before = s.slice(Math.max(0, at - 40), at - 1);
      const lastSep = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t'), before.lastIndexOf(':'), before.lastIndexOf('\n'));
      const dom = before.slice(lastSep + 1);
      if (dom && !dom.includes('\\') && dom.length > 1 && !WELL_KNOWN.has(dom.toLowerCase()) && !this.looksLikePathSegment(s, at - 1 - dom.length)) return this.placeholder(tok.endsWith('$') ? 'HOST' : 'USER', tok);
      return tok;
    }
    // user@REALM / REALM part
    if (next === 0x40) {
      if (SERVICE_CLASSES.has(low)) return tok;
      return this.known.get(low) ? this.placeholder(this.known.get(low) as Cat, tok) : this.placeholder('USER', tok);
    }
    if (prev === 0x40) return isFqdnLike(tok) || !tok.includes('.') ? this.placeholder('DOMAIN', tok) : tok;
    // service/host
    if (prev === 0x2f && at > 1) {
      let b = at - 1;
      while (b > 0 && isNameChar(s.charCodeAt(b - 1))) b--;
      const svc = s.slice(b, at - 1).toLowerCase();
      if (SERVICE_CLASSES.has(svc)) {
        if (svc === 'krbtgt') return this.placeholder('DOMAIN', tok);
        return tok.includes('.') ? this.fqdn(tok) : this.placeholder('HOST', tok);
      }
    }
    const k = this.known.get(low);
    if (k) return this.placeholder(k, tok);
    if (isFqdnLike(tok)) return this.fqdn(tok);
    return tok;
  }

  private looksLikePathSegment(s: string, at: number): boolean {
    // C:\path\seg, \\server\share, HKEY_...\..., %windir%\...
    const before = s.slice(Math.max(0, at - 3), at);
    if (before.endsWith(':\\') || before.endsWith('\\') || before.endsWith('%') || before.endsWith('$')) return true;
    const tok = s.slice(at, at + 5).toUpperCase();
    if (tok.startsWith('HKEY') || tok.startsWith('HKLM') || tok.startsWith('HKCU') || tok.startsWith('SYSTE') || tok.startsWith('SOFTW')) return true;
    return false;
  }
}

function learnFacts(r: Redactor, facts: Fact[]) {
  for (const f of facts) if (f.pii) r.learn(f.pii, f.value);
}

/** Redact a report (deep copy) or a text. Pass the same Redactor to keep placeholders consistent. */
export function redact(input: DecodeReport, redactor?: Redactor): DecodeReport;
export function redact(input: string, redactor?: Redactor): string;
export function redact(input: DecodeReport | string, redactor: Redactor = new Redactor()): DecodeReport | string {
  if (typeof input === 'string') {
    redactor.learnFromText(input);
    return redactor.text(input);
  }
  const rep = input;
  for (const f of rep.findings) learnFacts(redactor, f.facts);
  for (const u of rep.unrecognised) redactor.learnFromText(u.text);
  const t = (s: string) => redactor.text(s);
  return {
    input: { ...rep.input },
    findings: rep.findings.map((f) => ({
      ...f,
      title: t(f.title),
      meaning: t(f.meaning),
      facts: f.facts.map((x) => ({ ...x, value: t(x.value) })),
      alternatives: f.alternatives ? f.alternatives.map((a) => ({ ...a })) : undefined,
      playbook: f.playbook ? { ...f.playbook } : undefined,
      guide: f.guide ? { ...f.guide } : undefined,
      sensitive: f.sensitive ? [...f.sensitive] : undefined,
      span: [f.span[0], f.span[1]],
    })),
    summary: rep.summary.map((g) => ({ ...g, title: t(g.title), key: t(g.key), reason: g.reason ? t(g.reason) : undefined, peer: g.peer ? t(g.peer) : undefined })),
    unrecognised: rep.unrecognised.map((u) => ({ text: t(u.text), span: [u.span[0], u.span[1]] })),
    notices: rep.notices.map(t),
    firstLook: rep.firstLook.map(t),
    stats: { ...rep.stats },
  };
}


/** Redact a bundle report; computer names are also replaced inside the table 7.3 file names. */
export function redactBundle(b: BundleReport, redactor: Redactor = new Redactor()): BundleReport {
  const computers = [...new Set(b.files.map((f) => f.computer).filter((c): c is string => !!c))];
  for (const c of computers) redactor.learn('host', c);
  const t = (s: string) => {
    let x = s;
    for (const c of computers) x = x.split(c).join(redactor.placeholder('HOST', c));
    return redactor.text(x);
  };
  return {
    files: b.files.map((f) => ({ ...f, name: t(f.name), computer: f.computer ? t(f.computer) : undefined, report: redact(f.report, redactor) })),
    summary: b.summary.map((g) => ({ ...g, key: t(g.key), title: t(g.title), reason: g.reason ? t(g.reason) : undefined, peer: g.peer ? t(g.peer) : undefined })),
    firstLook: b.firstLook.map(t),
    notices: b.notices.map(t),
    missing: [...b.missing],
  };
}
