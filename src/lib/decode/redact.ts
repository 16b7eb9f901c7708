/**
 * Redaction for tickets: IPv4 and IPv6 addresses -> <IP-1>, computer / user / domain names ->
 * <HOST-1>, <USER-1>, <DOMAIN-1> (other identifying values -> <NAME-1>). The same value always gets
 * the same placeholder within one Redactor, so a redacted report and a redacted original still line
 * up. Well-known Windows principals (NT AUTHORITY\SYSTEM, BUILTIN\Administrators, LocalSystem…)
 * and ordinary paths (C:\Windows\…, %SystemRoot%\debug) identify nobody and stay as they are.
 */
import type { BundleReport, DecodeReport, Fact, PiiKind } from './types.ts';
import { isIPv4, isIPv6, isNeutralAddress, startsWithCI } from './text.ts';

type Cat = 'IP' | 'HOST' | 'USER' | 'DOMAIN' | 'NAME';

/** Kind of value a placeholder stands for. */
export type RedactionKind = Cat;

/** One row of a Redactor's placeholder table. */
export interface RedactionEntry {
  placeholder: string;
  kind: RedactionKind;
  /** The value as first seen (its first spelling; names match case-insensitively). */
  original: string;
}

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
  'localsystem',
  'local system',
]);

/** Account domains of built-in principals: whatever follows their backslash is not a user's name. */
const PRINCIPAL_DOMAINS = ['NT AUTHORITY\\', 'BUILTIN\\', 'NT SERVICE\\'];

function isPrincipalDomain(d: string): boolean {
  const low = d.trim().toLowerCase();
  return low === 'nt authority' || low === 'builtin' || low === 'nt service';
}

/**
 * Whether a value names a built-in Windows principal (NT AUTHORITY\*, BUILTIN\*, NT SERVICE\*,
 * SYSTEM, LocalSystem, NETWORK SERVICE, LOCAL SERVICE…): such values are never redacted.
 */
export function isWellKnownPrincipal(value: string): boolean {
  const v = value.trim();
  const bs = v.indexOf('\\');
  if (bs > 0) return isPrincipalDomain(v.slice(0, bs));
  return WELL_KNOWN.has(v.toLowerCase());
}

/** Multi-word folder names that a path may contain (a space otherwise ends a path). */
const SPACED_FOLDERS = ['Program Files (x86)', 'Program Files', 'Common Files', 'Documents and Settings', 'Local Settings', 'Application Data', 'Windows NT', 'Internet Explorer', 'Start Menu', 'All Users', 'Default User', 'Support Tools', 'Resource Kit', 'Windows Resource Kits', 'Windows Defender', 'Windows Mail', 'Windows Media Player', 'System Volume Information'];
/** Profile folders that are not a person's name. */
const GENERIC_PROFILES = new Set(['public', 'default', 'default user', 'all users', 'administrator', 'localservice', 'networkservice', 'systemprofile']);

function isPathChar(c: number): boolean {
  // characters of a path segment: anything but white space, separators and the characters Windows forbids
  return c > 0x20 && c !== 0x5c && c !== 0x2f && c !== 0x3c && c !== 0x3e && c !== 0x3a && c !== 0x22 && c !== 0x7c && c !== 0x3f && c !== 0x2a && c !== 0x3001 && c !== 0x3002 && c !== 0x3000 && c !== 0x2c && c !== 0x3b;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

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
  /** Every placeholder in the order it was first given out. */
  private table: RedactionEntry[] = [];
  /** Learned single names (lower case) -> category. */
  private known = new Map<string, Cat>();

  placeholder(cat: Cat, value: string): string {
    const key = cat === 'IP' ? value : value.toLowerCase();
    const m = this.maps[cat];
    let p = m.get(key);
    if (!p) {
      p = `<${cat}-${m.size + 1}>`;
      m.set(key, p);
      this.table.push({ placeholder: p, kind: cat, original: value });
    }
    return p;
  }

  /**
   * The placeholder table, in the order the placeholders were given out: what each one stands for.
   * For the agent only (it undoes the redaction), never for the ticket. Copies: changing them does
   * not change the Redactor.
   */
  entries(): RedactionEntry[] {
    return this.table.map((e) => ({ ...e }));
  }

  /** Register a value that must be replaced wherever it appears. */
  learn(kind: PiiKind, value: string): void {
    const v = value.trim();
    if (!v || v === '-' || WELL_KNOWN.has(v.toLowerCase()) || isWellKnownPrincipal(v)) return;
    switch (kind) {
      case 'ip': {
        const bare = v.indexOf('%') > 0 ? v.slice(0, v.indexOf('%')) : v;
        if (isIPv4(v) && !isNeutralAddress(v)) this.placeholder('IP', v);
        else if (isIPv6(bare)) {
          if (bare !== '::' && bare !== '::1') this.placeholder('IP', bare.toLowerCase());
        } else if (isFqdnLike(v)) this.learnFqdn(v);
        break;
      }
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
          if (isPrincipalDomain(d)) break;
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
      const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
      // IPv6 addresses (before names: "fe80" or "dead" would otherwise be read as words)
      if ((isHex(c) || c === 0x3a) && !isAlnum(prev) && prev !== 0x3a && prev !== 0x2e) {
        const end = this.ipv6At(s, i);
        if (end > 0) {
          const bare = s.slice(i, end);
          const pct = bare.indexOf('%');
          out += this.placeholder('IP', (pct > 0 ? bare.slice(0, pct) : bare).toLowerCase());
          i = end;
          continue;
        }
      }
      if (!isNameChar(prev) && prev !== 0x5c && prev !== 0x25) {
        // built-in principals and Windows paths are copied as they are
        const keep = principalAt(s, i);
        if (keep > i) {
          out += s.slice(i, keep);
          i = keep;
          continue;
        }
        const path = this.pathAt(s, i);
        if (path) {
          out += path.text;
          i = path.end;
          continue;
        }
      }
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

  /** End of an IPv6 address (with an optional %zone) that starts at i, or -1. Not :: or ::1. */
  private ipv6At(s: string, i: number): number {
    const n = s.length;
    let j = i;
    let colons = 0;
    while (j < n && j - i < 46) {
      const c = s.charCodeAt(j);
      if (c === 0x3a) colons++;
      else if (!isHex(c) && c !== 0x2e) break;
      j++;
    }
    if (colons < 2) return -1;
    // a sentence's full stop is not part of the address
    while (j > i && s.charCodeAt(j - 1) === 0x2e) j--;
    let end = j;
    if (s.charCodeAt(end) === 0x25) {
      let z = end + 1;
      while (z < n && isAlnum(s.charCodeAt(z)) && z - end < 16) z++;
      if (z > end + 1) end = z;
    }
    const next = end < n ? s.charCodeAt(end) : 0;
    if (isAlnum(next) || next === 0x3a || next === 0x5f || (next === 0x2e && end + 1 < n && s.charCodeAt(end + 1) >= 0x30 && s.charCodeAt(end + 1) <= 0x39)) return -1;
    const bare = s.slice(i, j);
    if (bare === '::' || bare === '::1' || !isIPv6(bare)) return -1;
    return end;
  }

  /**
   * A Windows path that starts at i ("C:\…", "%SystemRoot%\…"): its end and its text, in which
   * only a profile folder (C:\Users\alice, …\Documents and Settings\alice) is replaced.
   */
  private pathAt(s: string, i: number): { end: number; text: string } | null {
    const c = s.charCodeAt(i);
    let p: number;
    if (((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) && s.charCodeAt(i + 1) === 0x3a && s.charCodeAt(i + 2) === 0x5c) p = i + 3;
    else if (c === 0x25) {
      // %VARIABLE%\
      let q = i + 1;
      while (q < s.length && q - i < 40 && (isAlnum(s.charCodeAt(q)) || s.charCodeAt(q) === 0x5f || s.charCodeAt(q) === 0x28 || s.charCodeAt(q) === 0x29)) q++;
      if (q === i + 1 || s.charCodeAt(q) !== 0x25 || s.charCodeAt(q + 1) !== 0x5c) return null;
      p = q + 2;
    } else return null;
    let text = s.slice(i, p);
    let prevSeg = '';
    for (;;) {
      let e = p;
      for (const f of SPACED_FOLDERS) {
        if (startsWithCI(s, p, f)) {
          const after = p + f.length < s.length ? s.charCodeAt(p + f.length) : 0;
          if (!isPathChar(after) || after === 0x5c) {
            e = p + f.length;
            break;
          }
        }
      }
      if (e === p) while (e < s.length && isPathChar(s.charCodeAt(e))) e++;
      const seg = s.slice(p, e);
      const low = prevSeg.toLowerCase();
      // the folder of a user profile is the user's name
      if (seg && (low === 'users' || low === 'documents and settings') && !GENERIC_PROFILES.has(seg.toLowerCase()) && s.charCodeAt(e) === 0x5c) text += this.placeholder('USER', seg);
      else text += seg;
      if (s.charCodeAt(e) !== 0x5c) return { end: e, text };
      text += '\\';
      prevSeg = seg;
      p = e + 1;
    }
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

/** End of "NT AUTHORITY\name", "BUILTIN\name" or "NT SERVICE\name" starting at i (i when none). */
function principalAt(s: string, i: number): number {
  const c = s.charCodeAt(i) | 0x20;
  if (c !== 0x6e && c !== 0x62) return i;
  for (const d of PRINCIPAL_DOMAINS) {
    if (!startsWithCI(s, i, d)) continue;
    // the account name (first word) after the backslash
    let j = i + d.length;
    while (j < s.length && isNameChar(s.charCodeAt(j))) j++;
    return j;
  }
  return i;
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
  const vi = rep.verdictInfo;
  return {
    verdict: rep.verdict,
    verdictReason: t(rep.verdictReason),
    verdictInfo: { ...vi, reason: t(vi.reason), evidence: vi.evidence.map((s) => [s[0], s[1]]), next: [...vi.next], playbook: vi.playbook ? { ...vi.playbook } : undefined, alert: vi.alert ? t(vi.alert) : undefined },
    input: { ...rep.input },
    findings: rep.findings.map((f) => ({
      ...f,
      title: t(f.title),
      meaning: t(f.meaning),
      verdictReason: f.verdictReason ? t(f.verdictReason) : undefined,
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
    verdict: b.verdict,
    verdictReason: t(b.verdictReason),
    verdictInfo: { ...b.verdictInfo, reason: t(b.verdictInfo.reason), evidence: b.verdictInfo.evidence.map((s) => [s[0], s[1]]), next: [...b.verdictInfo.next], alert: b.verdictInfo.alert ? t(b.verdictInfo.alert) : undefined },
    files: b.files.map((f) => ({ ...f, name: t(f.name), computer: f.computer ? t(f.computer) : undefined, report: redact(f.report, redactor) })),
    summary: b.summary.map((g) => ({ ...g, key: t(g.key), title: t(g.title), reason: g.reason ? t(g.reason) : undefined, peer: g.peer ? t(g.peer) : undefined })),
    firstLook: b.firstLook.map(t),
    notices: b.notices.map(t),
    missing: [...b.missing],
  };
}
