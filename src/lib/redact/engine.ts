/**
 * The one redactor of the site: the decoder's ticket copy, the escalation packet and the CLI all use it.
 *
 * IPv4 and IPv6 addresses -> <IP-1>; computer, user and domain names -> <HOST-1>, <USER-1>, <DOMAIN-1>;
 * certificate subject / issuer values -> <NAME-1> (or HOST / DOMAIN / USER when the value is one);
 * thumbprints and serial numbers -> <CERT-1>; domain SIDs -> <SID-1>; MAC addresses -> <MAC-1>.
 * The same value always gets the same placeholder within one Redactor, so a redacted report and a
 * redacted original still line up. What is kept (built-in principals, well-known SIDs, masks, Windows
 * paths…) is listed in policy.ts.
 *
 * Names are learned (from labelled lines such as `ユーザー: CORP\山田太郎`, from facts, from the packet
 * form, and from patterns such as DOMAIN\user) and then replaced everywhere in the text, in any script,
 * also in full-width letters and inside file names (`PC0423_oakley.log` -> `<HOST-1>_oakley.log`).
 */
import type { PiiKind } from '../decode/types.ts';
import { isIPv4, isIPv6, isNeutralAddress } from '../decode/text.ts';
import { isIdentifyingSid, isWellKnownPrincipal, WELL_KNOWN, type RedactionKind } from './policy.ts';
import { labelledValues } from './labels.ts';
import { pathAt, principalAt } from './paths.ts';
import { FILE_EXT, SERVICE_CLASSES, isAlnum, isFqdnLike, isHex, isNameChar, isNetbiosLike, ipv6At, macAt, rdnKeyAt, rdnValue, sidAt, thumbprintAt } from './scan.ts';

type Cat = RedactionKind;
/** A learned name found before the scan: its kind (FQDN = host.domain, replaced part by part) and its text. */
type Mark = [Cat | 'FQDN', string];

/** One row of a Redactor's placeholder table. */
export interface RedactionEntry {
  placeholder: string;
  kind: RedactionKind;
  /** The value as first seen (its first spelling; names match case-insensitively). */
  original: string;
}

/** Private-use characters mark learned names found before the scan; the scan treats them as neutral. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK_BASE = 0xe100;
const MARK_RE = /\uE000([\uE100-\uE4FF])([\uE100-\uE4FF])\uE001/g;

/** Full-width ASCII to ASCII and A–Z to a–z, one code unit for one (so positions stay the same). */
function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    out += String.fromCharCode(c);
  }
  return out;
}

const PLACEHOLDER_RE = /^<(?:IP|HOST|USER|DOMAIN|NAME|SID|MAC|CERT)-\d{1,6}>/;

const asciiWord = (c: number) => isAlnum(c) || c === 0x2d;

/**
 * The word of name characters that starts at a, without trailing dots and dashes: the token the scan reads there.
 * (Only called at a learned name followed by a dot and a letter or digit, so the trim stops after that character;
 * when s[a] is no ASCII name character the word is empty, and a trim below a still slices an empty word.)
 */
function wordAt(s: string, a: number): string {
  let e = a;
  while (isNameChar(s.charCodeAt(e))) e++;
  while (s.charCodeAt(e - 1) === 0x2e || s.charCodeAt(e - 1) === 0x2d) e--;
  return s.slice(a, e);
}

/**
 * Does the scan replace the word of text s that starts at a as a whole: a DNS name (PC0423.log.corp.example) or an
 * address (10.0.0.9, 10.0.0.9.500)? Only then may a learned name at its head be left to the scan; any other word
 * (PC0423.log, PC0423.log.1, srv01.x1, srv01.microsoft.com) would keep the name in clear.
 */
function scanReadsWhole(s: string, a: number): boolean {
  const w = wordAt(s, a);
  return isFqdnLike(w) || ipv4Head(w) !== undefined;
}

/** The IPv4 address a word is, or starts: a.b.c.d, or a.b.c.d.port as Oakley writes a peer. */
function ipv4Head(tok: string): string | undefined {
  if (isIPv4(tok)) return tok;
  const parts = tok.split('.');
  const ip = parts.slice(0, 4).join('.');
  return parts.length === 5 && isIPv4(ip) ? ip : undefined;
}

/**
 * Whether i starts a line (after its indentation) below lines that each start with an RDN, one of them with a key
 * of two or more letters: a DN printed one RDN per line. Looks at most 16 lines up.
 */
function rdnLinesAbove(s: string, i: number): boolean {
  let b = i;
  while (b > 0 && (s.charCodeAt(b - 1) === 0x20 || s.charCodeAt(b - 1) === 0x09)) b--;
  for (let n = 0; n < 16 && b > 0 && s.charCodeAt(b - 1) === 0x0a; n++) {
    const start = s.lastIndexOf('\n', b - 2) + 1;
    let p = start;
    while (s.charCodeAt(p) === 0x20 || s.charCodeAt(p) === 0x09) p++;
    const k = rdnKeyAt(s, p);
    if (!k) return false;
    if (k.key.length > 1) return true;
    b = start;
  }
  return false;
}

/** Is the word ending at the colon at `colon` a label (3+ letters and digits with a letter, or any non-hex letter)? */
function labelBefore(s: string, colon: number): boolean {
  let b = colon;
  while (b > 0 && isAlnum(s.charCodeAt(b - 1))) b--;
  const w = s.slice(b, colon);
  return /[g-z]/i.test(w) || (w.length >= 3 && /[a-f]/i.test(w));
}

export class Redactor {
  private maps = new Map<Cat, Map<string, string>>();
  /** Every placeholder in the order it was first given out. */
  private table: RedactionEntry[] = [];
  /** Learned names (folded) -> category, replaced wherever they appear. */
  private known = new Map<string, Cat>();
  /** Learned dotted names (folded), matched whole too: fs01.corp.example.com inside fs01.corp.example.com_ping.txt. */
  private fqdns = new Set<string>();
  private literalRe: RegExp | null = null;
  /** Bumped whenever a name is learned: the literal pattern is rebuilt only when it has moved. */
  private learned = 0;
  private literalFor = -1;

  placeholder(cat: Cat, value: string): string {
    // one key per value however it is cased (FE80::1 and fe80::1 are one address)
    const key = fold(value);
    let m = this.maps.get(cat);
    if (!m) this.maps.set(cat, (m = new Map()));
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
  learn(kind: PiiKind | 'cert', value: string): void {
    const v = value.trim();
    // (isWellKnownPrincipal covers the bare well-known names too)
    if (!v || v === '-' || isWellKnownPrincipal(v)) return;
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
        if (v.startsWith('\\\\')) this.learn('host', v.slice(2));
        else if (isIPv4(v)) this.learn('ip', v);
        else if (v.includes('.') && !/[^\x21-\x7e]/.test(v)) this.learnFqdn(v);
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
        // a leading separator ("\alice", "@alice") leaves the name itself, not the name with its separator
        if (bs >= 0) {
          // (NT AUTHORITY\…, BUILTIN\… never get here: isWellKnownPrincipal above; an empty domain part adds nothing)
          const d = v.slice(0, bs);
          if (!WELL_KNOWN.has(d.toLowerCase())) this.add(d, 'DOMAIN');
          const u = v.slice(bs + 1);
          if (!WELL_KNOWN.has(u.toLowerCase())) this.add(u, u.endsWith('$') ? 'HOST' : 'USER');
        } else if (at > 0) {
          this.add(v.slice(0, at).trim(), 'USER');
          this.add(v.slice(at + 1).trim(), 'DOMAIN');
        } else if (at === 0) this.learn('user', v.slice(1));
        else this.add(v, v.endsWith('$') ? 'HOST' : 'USER');
        break;
      }
      case 'principal': {
        // klist writes "krbtgt/CORP.EXAMPLE.COM @ CORP.EXAMPLE.COM": the spaces around @ belong to neither part;
        // a principal may be a realm alone (@CORP) or a service-less target (/PC01)
        let rest = v;
        const at = rest.lastIndexOf('@');
        if (at >= 0) {
          this.add(rest.slice(at + 1).trim(), 'DOMAIN');
          rest = rest.slice(0, at).trim();
        }
        const sl = rest.indexOf('/');
        if (sl >= 0) {
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
        // a distinguished name is redacted value by value by the scan; other names as a whole
        if (!rdnKeyAt(v, 0)) this.add(v, isFqdnLike(v) ? 'HOST' : 'NAME');
        break;
      case 'cert':
        this.add(v.replace(/[\s:]/g, ''), 'CERT');
        break;
    }
  }

  private add(v: string, cat: Cat) {
    const k = fold(v);
    if (!k || WELL_KNOWN.has(k) || k.includes(OPEN)) return;
    if (!this.known.has(k)) {
      this.known.set(k, cat);
      this.learned++;
    }
    this.placeholder(cat, v);
  }

  private learnFqdn(v: string) {
    const dot = v.indexOf('.');
    const labels = v.split('.');
    if (labels.length >= 3) {
      const k = fold(v);
      if (!v.includes(OPEN) && !this.fqdns.has(k)) {
        this.fqdns.add(k);
        this.learned++;
      }
      this.add(v.slice(0, dot), 'HOST');
      this.add(v.slice(dot + 1), 'DOMAIN');
    } else this.add(v, 'DOMAIN');
  }

  /** Replace the domain part of an FQDN-like token and its host label. */
  private fqdn(tok: string, learn = false): string {
    const k = this.known.get(fold(tok));
    if (k) return this.placeholder(k, tok);
    const labels = tok.split('.');
    if (labels.length === 2) {
      if (learn) this.add(tok, 'DOMAIN');
      return this.placeholder('DOMAIN', tok);
    }
    const dot = tok.indexOf('.');
    const host = tok.slice(0, dot);
    const dom = tok.slice(dot + 1);
    if (learn) this.learnFqdn(tok);
    return `${this.placeholder(this.known.get(fold(host)) ?? 'HOST', host)}.${this.placeholder(this.known.get(fold(dom)) ?? 'DOMAIN', dom)}`;
  }

  /** Learn names from labelled lines of raw text ("Computer: X", "ユーザー: D\\u", "Host Name . . : X"). */
  learnFromText(s: string): void {
    for (const [kind, v] of labelledValues(s)) this.learn(kind, v);
  }

  /** Learn what `text` reveals (labels and patterns), then redact it: the same value is replaced everywhere. */
  redactText(s: string): string {
    this.learnFromText(s);
    this.text(s); // discovery: DOMAIN\user, UNC hosts, NetBIOS names… seen anywhere count everywhere
    return this.text(s);
  }

  /** Learned names in the text, as marks the scan copies through (see OPEN / CLOSE). */
  private markLiterals(s: string, marks: Mark[]): string {
    if (this.known.size === 0) return s;
    if (this.literalFor !== this.learned) {
      const keys = [...this.known.keys(), ...this.fqdns].filter((k) => k.length >= 2).sort((a, b) => b.length - a.length);
      this.literalRe = keys.length ? new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : null;
      this.literalFor = this.learned;
    }
    const re = this.literalRe;
    if (!re) return s;
    const f = fold(s);
    let out = '';
    let last = 0;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    // one mark per name (its placeholder does not depend on the spelling), so the 2^20 marks are never used up
    const markOf = new Map<string, number>();
    // each pass moves on (a match is 2+ characters, a skip restarts one further), so the loop ends
    while ((m = re.exec(f))) {
      const a = m.index;
      const b = a + m[0].length;
      // ASCII ends need a word boundary (CORP is not in CORPORATE; srv01 of srv01.other.example is the
      // whole name's business); other scripts have none (山田太郎さん)
      const first = f.charCodeAt(a);
      const lastC = f.charCodeAt(b - 1);
      const prev = a > 0 ? f.charCodeAt(a - 1) : 0;
      const next = b < f.length ? f.charCodeAt(b) : 0;
      const badStart = asciiWord(first) && (asciiWord(prev) || (prev === 0x2e && a > 1 && isAlnum(f.charCodeAt(a - 2))));
      // (a dot ends the name, PC0423.log, PC0423.log.1, srv01.x1, unless the scan replaces the whole word: a DNS
      // name, PC0423.log.corp.example, or an address)
      const badEnd = asciiWord(lastC) && (asciiWord(next) || (next === 0x2e && isAlnum(f.charCodeAt(b + 1)) && scanReadsWhole(s, a)));
      let idx = markOf.get(m[0]);
      if (badStart || badEnd || (idx === undefined && marks.length >= 0x100000)) {
        re.lastIndex = a + 1;
        continue;
      }
      if (idx === undefined) {
        idx = marks.length;
        markOf.set(m[0], idx);
        marks.push([this.known.get(m[0]) ?? 'FQDN', s.slice(a, b)]);
      }
      out += s.slice(last, a) + OPEN + String.fromCharCode(MARK_BASE + (idx >> 10), MARK_BASE + (idx & 1023)) + CLOSE;
      last = b;
    }
    return out + s.slice(last);
  }

  /** Redact one string. */
  text(input: string): string {
    if (!input) return input;
    const marks: Mark[] = [];
    const s = this.markLiterals(input.includes(OPEN) || input.includes(CLOSE) ? input.replace(/[\uE000\uE001]/g, '\uFFFD') : input, marks);
    let out = '';
    let i = 0;
    const n = s.length;
    while (i < n) {
      const c = s.charCodeAt(i);
      const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
      if (c === 0xe000) {
        const idx = ((s.charCodeAt(i + 1) - MARK_BASE) << 10) | (s.charCodeAt(i + 2) - MARK_BASE);
        out += this.markText(marks[idx]);
        i += 4;
        continue;
      }
      // our own placeholders stay as they are (redacting redacted text changes nothing)
      if (c === 0x3c) {
        const ph = PLACEHOLDER_RE.exec(s.slice(i, i + 16));
        if (ph) {
          out += ph[0];
          i += ph[0].length;
          continue;
        }
      }
      // \\server\share: the server is a computer (or an address). In a longer run of backslashes (escaped JSON:
      // \\\\server\\share) the server follows the last two: uncAt finds no server after the others.
      if (c === 0x5c && s.charCodeAt(i + 1) === 0x5c) {
        const u = this.uncAt(s, i + 2);
        if (u) {
          out += '\\\\' + u.text;
          i = u.end;
          continue;
        }
      }
      // a label's colon (Thumbprint:a909…, MAC:00-0C-…) may come straight before a value; a colon after two hex
      // digits (ab:cd:…) or after another colon is inside one. (A "-" or "." inside a word never gets here: the
      // word is read whole below. One that does stands alone, as in 経理-00-0C-…, and the value after it counts.)
      if (isHex(c) && !isAlnum(prev) && (prev !== 0x3a || labelBefore(s, i - 1))) {
        // thumbprints, then MAC addresses (before IPv6: 00:0c:… is not an address)
        const t = thumbprintAt(s, i);
        if (t > 0) {
          out += this.placeholder('CERT', s.slice(i, t).replace(/[\s:]/g, ''));
          i = t;
          continue;
        }
        const mac = macAt(s, i);
        if (mac > 0) {
          out += this.placeholder('MAC', s.slice(i, mac).replace(/[-:.]/g, ''));
          i = mac;
          continue;
        }
      }
      // IPv6 addresses (before names: "fe80" or "dead" would otherwise be read as words), after a word's colon too:
      // Address:fe80::1, and 12345:fe80::1, where the scan could not read an address from the word's start. Unlike
      // a thumbprint, an address is checked whole by ipv6At, so starting after any colon risks no half-value; a
      // colon after another colon (Queue::Add::Dead, a C++ name) is inside a word and nothing starts there.
      if ((isHex(c) || c === 0x3a) && !isAlnum(prev) && !(prev === 0x3a && s.charCodeAt(i - 2) === 0x3a)) {
        const end = ipv6At(s, i);
        if (end > 0) {
          const bare = s.slice(i, end);
          const pct = bare.indexOf('%');
          out += this.placeholder('IP', (pct > 0 ? bare.slice(0, pct) : bare).toLowerCase());
          i = end;
          continue;
        }
      }
      // SIDs, distinguished names, built-in principals and paths: wherever the scan stands, as a word is read
      // whole below (so never inside one). After a backslash (HKEY_USERS\S-1-5-21-…, \\?\C:\Users\…), a lone
      // "-" or "." (経理-S-1-5-21-…) or a "%" (%HOMEDRIVE%%HOMEPATH%\…) they start as anywhere else.
      // SIDs: domain and account SIDs are replaced, well-known ones kept
      const sid = sidAt(s, i);
      if (sid > 0) {
        const v = s.slice(i, sid);
        out += isIdentifyingSid(v) ? this.placeholder('SID', v.toUpperCase()) : v;
        i = sid;
        continue;
      }
      // certificate subject / issuer: every RDN value
      const rdn = this.rdnAt(s, i, marks);
      if (rdn) {
        out += rdn.text;
        i = rdn.end;
        continue;
      }
      // built-in principals and Windows paths are copied as they are
      const keep = principalAt(s, i);
      if (keep > i) {
        out += s.slice(i, keep);
        i = keep;
        continue;
      }
      const path = pathAt(s, i, (seg) => {
        if (seg.includes(OPEN)) return null;
        this.add(seg, 'USER');
        return this.placeholder('USER', seg);
      }, (seg) => (isIdentifyingSid(seg) ? this.placeholder('SID', seg.toUpperCase()) : null));
      if (path) {
        out += path.text;
        i = path.end;
        continue;
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
    return marks.length ? out.replace(MARK_RE, (_m, a: string, b: string) => {
      const idx = ((a.charCodeAt(0) - MARK_BASE) << 10) | (b.charCodeAt(0) - MARK_BASE);
      return this.markText(marks[idx]);
    }) : out;
  }

  private markText([kind, value]: Mark): string {
    return kind === 'FQDN' ? this.fqdn(value) : this.placeholder(kind, value);
  }

  /** The server of a UNC path starting at i (after the two backslashes), redacted, or null. */
  private uncAt(s: string, i: number): { end: number; text: string } | null {
    let e = i;
    while (e < s.length) {
      const c = s.charCodeAt(e);
      if (c <= 0x20 || c === 0x5c || c === 0x2f || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e || c === 0x7c || c === 0x2c || c === 0x3b || c === 0x29 || c === 0x3001 || c === 0x3002 || c === 0x300d || c === 0x3000) break;
      e++;
    }
    let host = s.slice(i, e);
    while (host.endsWith('.')) host = host.slice(0, -1);
    e = i + host.length;
    if (!host || host.includes(OPEN) || host === '?') return null;
    if (isIPv4(host)) return { end: e, text: isNeutralAddress(host) ? host : this.placeholder('IP', host) };
    if (host.includes('.')) return { end: e, text: this.fqdn(host, true) };
    if (WELL_KNOWN.has(fold(host))) return { end: e, text: host };
    this.add(host, 'HOST');
    return { end: e, text: this.placeholder(this.known.get(fold(host)) ?? 'HOST', host) };
  }

  /** A run of RDNs (CN=…, OU=…, O=…) starting at i: every value replaced. */
  private rdnAt(s: string, i: number, marks: Mark[]): { end: number; text: string } | null {
    const first = rdnKeyAt(s, i);
    if (!first) return null;
    // one-letter keys (O=, L=, C=…) count only inside a distinguished name: after , ; / + or before another RDN,
    // or one RDN per line under a CN=, OU=… line (certutil: "CN=…\n    OU=…\n    O=…")
    const before = i > 0 ? s.slice(Math.max(0, i - 3), i).trimEnd() : '';
    const inDn = /[,;/+]$/.test(before) || rdnLinesAbove(s, i);
    const v0 = rdnValue(s, first.after);
    if (first.key.length === 1 && !inDn) {
      let p = v0.next;
      if (s.charCodeAt(p) !== 0x2c && s.charCodeAt(p) !== 0x3b && s.charCodeAt(p) !== 0x2f) return null;
      p++;
      while (s.charCodeAt(p) === 0x20) p++;
      if (!rdnKeyAt(s, p)) return null;
    }
    if (v0.end <= v0.start) return null;
    // collect the RDNs first: a certificate DN (with O=, OU=, L=…) teaches its CN; an LDAP path
    // (CN=IP Security,CN=System,DC=…) does not, or "IP Security" would vanish from the whole paste
    const parts: Array<{ key: string; lead: string; start: number; end: number; tail: string }> = [];
    let p = i;
    let lead = '';
    for (;;) {
      // (never null: p is i, whose key is `first`, or a q whose key was found below)
      const k = rdnKeyAt(s, p)!;
      const v = rdnValue(s, k.after);
      parts.push({ key: k.key, lead: lead + s.slice(p, v.start), start: v.start, end: v.end, tail: s.slice(v.end, v.next) });
      p = v.next;
      // the separator and the next key (", OU=" / "/O=" / "+ E=")
      let q = p;
      const sep = s.charCodeAt(q);
      if (sep !== 0x2c && sep !== 0x3b && sep !== 0x2f && sep !== 0x2b && sep !== 0x22) break;
      q++;
      while (s.charCodeAt(q) === 0x20) q++;
      // at most 65 RDNs in one run; the scan goes on at the separator, so no text is lost
      if (!rdnKeyAt(s, q) || parts.length > 64) break;
      lead = s.slice(p, q);
      p = q;
    }
    const isCert = parts.some((x) => x.key !== 'CN' && x.key !== 'DC') || parts.filter((x) => x.key === 'CN').length === 1;
    let text = '';
    for (const x of parts) text += x.lead + this.rdnReplace(x.key, s.slice(x.start, x.end), isCert, marks) + x.tail;
    return { end: p, text };
  }

  private rdnReplace(key: string, value: string, learnCn: boolean, marks: Mark[]): string {
    if (!value) return value;
    if (value.includes(OPEN)) {
      // a learned name alone: the mark is restored later; with more text (CN=山田 太郎, E=alice@corp.example.com)
      // the value is redacted as a whole, or the rest of it would stay
      if (/^\uE000[\uE100-\uE4FF]{2}\uE001$/.test(value)) return value;
      value = value.replace(MARK_RE, (_m, a: string, b: string) => marks[((a.charCodeAt(0) - MARK_BASE) << 10) | (b.charCodeAt(0) - MARK_BASE)][1]);
    }
    if (PLACEHOLDER_RE.test(value) && PLACEHOLDER_RE.exec(value)![0] === value) return value;
    // one label of a domain (DC=corp): replaced here, not learned (DC=com must not hide every "com")
    if (key === 'DC') return this.placeholder(this.known.get(fold(value)) ?? 'DOMAIN', value);
    const at = value.indexOf('@');
    if (at > 0 && !value.includes(' ')) {
      this.add(value.slice(0, at), 'USER');
      this.add(value.slice(at + 1), 'DOMAIN');
      return `${this.placeholder('USER', value.slice(0, at))}@${this.placeholder(this.known.get(fold(value.slice(at + 1))) ?? 'DOMAIN', value.slice(at + 1))}`;
    }
    if (key === 'CN' && isFqdnLike(value)) return this.fqdn(value, true);
    const known = this.known.get(fold(value));
    if (known) return this.placeholder(known, value);
    if (key === 'SERIALNUMBER') return this.placeholder('CERT', value);
    // a certificate's CN (a CA, a person, a computer) is a name to find elsewhere too; OU=Computers or O=… stay local
    if (key === 'CN' && learnCn) this.add(value, 'NAME');
    return this.placeholder('NAME', value);
  }

  private token(s: string, at: number, tok: string): string {
    // (never empty: text() starts a token at a name character and strips only trailing dots and dashes)
    const low = tok.toLowerCase();
    const prev = at > 0 ? s.charCodeAt(at - 1) : 0;
    const next = at + tok.length < s.length ? s.charCodeAt(at + tok.length) : 0;
    // addresses (also "192.168.0.20.500", the address.port form of Oakley.log)
    const c0 = tok.charCodeAt(0);
    if (c0 >= 0x30 && c0 <= 0x39) {
      const ip = ipv4Head(tok);
      if (ip === tok) return isNeutralAddress(tok) ? tok : this.placeholder('IP', tok);
      if (ip && !isNeutralAddress(ip)) return `${this.placeholder('IP', ip)}${tok.slice(ip.length)}`;
    }
    // DOMAIN\user
    if (next === 0x5c) {
      if (WELL_KNOWN.has(low)) return tok;
      if (this.known.get(fold(tok)) === 'HOST') return this.placeholder('HOST', tok);
      // a path segment like C:\ is never a name token
      if (tok.length === 1) return tok;
      if (this.looksLikePathSegment(s, at)) return tok;
      this.add(tok, 'DOMAIN');
      return this.placeholder(this.known.get(fold(tok)) ?? 'DOMAIN', tok);
    }
    if (prev === 0x5c) {
      const k = this.known.get(fold(tok));
      if (k) return this.placeholder(k, tok);
      // the user part after a domain we just replaced
      const before = s.slice(Math.max(0, at - 40), at - 1);
      const lastSep = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t'), before.lastIndexOf(':'), before.lastIndexOf('\n'));
      const dom = before.slice(lastSep + 1);
      // a lone backslash (nothing before it: a UNC path that lost a backslash, "\PC0423"): the word is judged on its
      // own below, as at the start of a text
      if (dom) {
        // an environment variable (x%windir%\system32) is a path, not a domain
        if (!dom.includes('\\') && dom.length > 1 && !dom.endsWith('%') && !WELL_KNOWN.has(dom.toLowerCase()) && !this.looksLikePathSegment(s, at - 1 - dom.length)) {
          const cat: Cat = tok.endsWith('$') ? 'HOST' : 'USER';
          this.add(tok, cat);
          return this.placeholder(cat, tok);
        }
        return tok;
      }
    }
    // user@REALM / REALM part
    if (next === 0x40) {
      if (SERVICE_CLASSES.has(low)) return tok;
      const k = this.known.get(fold(tok));
      if (k) return this.placeholder(k, tok);
      this.add(tok, 'USER');
      return this.placeholder('USER', tok);
    }
    if (prev === 0x40) {
      if (!isFqdnLike(tok) && tok.includes('.')) return tok;
      const k = this.known.get(fold(tok));
      return this.placeholder(k ?? 'DOMAIN', tok);
    }
    // service/host
    if (prev === 0x2f && at > 1) {
      let b = at - 1;
      while (b > 0 && isNameChar(s.charCodeAt(b - 1))) b--;
      const svc = s.slice(b, at - 1).toLowerCase();
      if (SERVICE_CLASSES.has(svc)) {
        if (svc === 'krbtgt') return this.placeholder('DOMAIN', tok);
        if (tok.includes('.')) return this.fqdn(tok, true);
        // a built-in name (HTTP/localhost) is kept, as in a UNC path (\\localhost\c$)
        if (WELL_KNOWN.has(low)) return tok;
        this.add(tok, 'HOST');
        return this.placeholder(this.known.get(fold(tok)) ?? 'HOST', tok);
      }
    }
    const k = this.known.get(fold(tok));
    if (k) return this.placeholder(k, tok);
    if (isFqdnLike(tok)) return this.fqdn(tok, true);
    // a NetBIOS-like computer name with no label (PC0423), also at the head of a file name (PC0423_oakley.log)
    if (isNetbiosLike(tok)) {
      this.add(tok, 'HOST');
      return this.placeholder('HOST', tok);
    }
    const us = tok.indexOf('_');
    if (us > 2) {
      const head = tok.slice(0, us);
      const ext = tok.slice(tok.lastIndexOf('.') + 1).toLowerCase();
      if (isNetbiosLike(head) && FILE_EXT.has(ext)) {
        this.add(head, 'HOST');
        return this.placeholder('HOST', head) + tok.slice(us);
      }
    }
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
