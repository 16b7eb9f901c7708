/**
 * Character-level recognisers for the redactor: where an identifying value starts and ends in a text
 * (IPv6, MAC, SID, certificate thumbprint, distinguished-name values, FQDN- and NetBIOS-like names).
 * Pure functions over (text, index); each returns the end of the value, or -1.
 */
import { isIPv6 } from '../decode/text.ts';

export function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

export function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Characters of an ASCII name token: letters, digits, . - _ $ */
export function isNameChar(c: number): boolean {
  return isAlnum(c) || c === 0x2e || c === 0x2d || c === 0x5f || c === 0x24;
}

export function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

export const FILE_EXT = new Set(['exe', 'dll', 'sys', 'txt', 'log', 'asp', 'aspx', 'htm', 'html', 'vbs', 'js', 'ts', 'mdx', 'md', 'msc', 'cpl', 'ini', 'inf', 'reg', 'xml', 'csv', 'bat', 'cmd', 'ps1', 'bak', 'sav', 'old', 'tmp', 'evt', 'evtx', 'cap', 'etl', 'pol', 'adm', 'json', 'zip', 'cab', 'msi', 'mspx', 'h', 'c', 'cer', 'crt', 'pfx', 'p7b', 'pcap', 'pcapng', 'dmp']);
const KEEP_DOMAINS = ['microsoft.com', 'windows.com', 'w3.org', 'example.invalid'];
export const SERVICE_CLASSES = new Set(['host', 'cifs', 'krbtgt', 'http', 'ldap', 'rpcss', 'rpc', 'gc', 'dns', 'restrictedkrbhost', 'wsman', 'termsrv', 'mssqlsvc']);

export function isFqdnLike(tok: string): boolean {
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

/**
 * Technical words with digits that are not computer names (algorithms, protocols, releases, our own
 * labels). Upper case; matched against the whole token.
 */
const TECH = /^(?:SHA\d*|MD[245]|DES\d*|3DES|AES\d*|AES-?(?:128|192|256)(?:-?GCM)?|GCM\d*|GMAC\d*|DH\d+|ECDH\d*|ECDSA\d*|ECP\d+|MODP\d+|P\d{3}|RSA\d*|IPV[46]|IKEV[12]|NTLMV\d|L2TP|PPTP|SSTP|P2P|E2E|X64|X86|X\d{2}|W2K\d*|WIN\d+|WINNT\d*|NT\d|XP\d*|XPSP\d|SP\d+|KB\d+|MS\d+(?:-\d+)*|RFC\d+|CVE-\d+-\d+|UDP\d*|TCP\d*|ICMP\d*|UTF-?\d+|UCS-?\d|ISO\d+|CP\d+|TLS\d*|SSL\d*|HTTP\d*|V\d+|Q\d+|C7M\d+|ID\d*|CRC\d+|PKCS\d+|X509|X\.509|MPPE\d*|EAP\d*|PEAP\d*|MSCHAPV?\d|CHAP\d|DNS\d*|NAT-?T\d*|ESP\d*|RC\d|SMB\d*|HMAC\w*|AH\d*|IKE\d*|ISAKMP\d*|OAKLEY\d*|PFS\d*|PF\d+|QM\d*|MM\d*|SA\d*|SPI\d*|ERROR\d*|STATUS\d*|HRESULT\d*|WIN32|WIN64|API\d*|GPO\d*|IPSEC\d*|WFP\d*|BFE\d*|RPC\d*|LDAP\d*|KDC\d*|PAC\d*|GUID\d*|UUID\d*|[A-F]\d|\d+[A-Z]+)$/;

/**
 * Whether a token looks like a NetBIOS computer name written without a label: letters and digits in
 * upper case (Windows shows computer names in upper case), at least one digit and two letters, 3–15
 * characters, not a technical word (SHA256, IKEv2, KB123456…).
 */
export function isNetbiosLike(tok: string): boolean {
  if (tok.length < 3 || tok.length > 15) return false;
  if (!/^[A-Z][A-Z0-9-]*[A-Z0-9]$/.test(tok) || !/\d/.test(tok) || (tok.match(/[A-Z]/g)?.length ?? 0) < 2) return false;
  if (TECH.test(tok)) return false;
  // a hex number (ABC123 could be either; long runs of hex are data, not names)
  if (/^[0-9A-F]{8,}$/.test(tok)) return false;
  return true;
}

/** End of an IPv6 address (with an optional %zone) that starts at i, or -1. Not :: or ::1. */
export function ipv6At(s: string, i: number): number {
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
  // a word glued to the address by a full stop (…::1.Done) is not part of it
  const dot = s.lastIndexOf('.', j - 1);
  if (dot > s.lastIndexOf(':', j - 1) && /[a-f]/i.test(s.slice(dot + 1, j))) j = dot;
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

/** Groups of `size` hex digits joined by `sep`, `count` of them, starting at i: the end, or -1. */
function hexGroups(s: string, i: number, size: number, count: number, sep: number): number {
  let p = i;
  for (let g = 0; g < count; g++) {
    if (g > 0) {
      if (s.charCodeAt(p) !== sep) return -1;
      p++;
    }
    for (let k = 0; k < size; k++) if (!isHex(s.charCodeAt(p + k))) return -1;
    p += size;
  }
  return p;
}

/** True when the value ending at `end` is not followed by more of the same (hex or the separator + hex). */
function endsClean(s: string, end: number, sep: number): boolean {
  const c = s.charCodeAt(end);
  if (isAlnum(c) || c === 0x5f) return false;
  if (sep && c === sep && isHex(s.charCodeAt(end + 1))) return false;
  return true;
}

/** End of a MAC address at i (00-0C-29-3A-4B-5C, 00:0c:29:3a:4b:5c, 000c.293a.4b5c), or -1. */
export function macAt(s: string, i: number): number {
  for (const sep of [0x2d, 0x3a]) {
    const e = hexGroups(s, i, 2, 6, sep);
    if (e > 0 && endsClean(s, e, sep)) return e;
  }
  const e = hexGroups(s, i, 4, 3, 0x2e);
  if (e > 0 && endsClean(s, e, 0x2e)) return e;
  return -1;
}

/** End of a certificate thumbprint at i: 40 or 64 hex digits, plain or in pairs split by one space or colon. */
export function thumbprintAt(s: string, i: number): number {
  for (const len of [64, 40]) {
    const e = hexGroups(s, i, len, 1, 0);
    if (e > 0 && endsClean(s, e, 0)) return e;
  }
  for (const sep of [0x20, 0x3a]) {
    for (const pairs of [32, 20]) {
      const e = hexGroups(s, i, 2, pairs, sep);
      if (e > 0 && endsClean(s, e, sep)) return e;
    }
  }
  return -1;
}

/** End of a security identifier (S-1-5-21-…) at i, or -1. */
export function sidAt(s: string, i: number): number {
  if ((s.charCodeAt(i) | 0x20) !== 0x73 || s.charCodeAt(i + 1) !== 0x2d || s.charCodeAt(i + 2) !== 0x31 || s.charCodeAt(i + 3) !== 0x2d) return -1;
  let j = i + 4;
  let dashes = 1;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c >= 0x30 && c <= 0x39) j++;
    else if (c === 0x2d && s.charCodeAt(j + 1) >= 0x30 && s.charCodeAt(j + 1) <= 0x39) {
      dashes++;
      j++;
    } else break;
  }
  if (dashes < 2 || isAlnum(s.charCodeAt(j))) return -1;
  return j;
}

/** Attribute types of distinguished names (certificate subject / issuer, LDAP). */
const RDN_KEYS = ['EMAILADDRESS', 'SERIALNUMBER', 'POSTALCODE', 'STREET', 'EMAIL', 'TITLE', 'UID', 'DNQ', 'OU', 'CN', 'DC', 'ST', 'SN', 'O', 'L', 'S', 'C', 'E', 'T', 'G', 'I'];

/** The RDN key (upper case) and the index after its `=` when one starts at i, else null. */
export function rdnKeyAt(s: string, i: number): { key: string; after: number } | null {
  for (const k of RDN_KEYS) {
    let ok = true;
    for (let x = 0; x < k.length && ok; x++) if ((s.charCodeAt(i + x) & ~0x20) !== k.charCodeAt(x)) ok = false;
    if (!ok) continue;
    let p = i + k.length;
    while (s.charCodeAt(p) === 0x20) p++;
    if (s.charCodeAt(p) !== 0x3d) continue;
    return { key: k, after: p + 1 };
  }
  return null;
}

/**
 * The value of an RDN whose `=` ends at `after`: [start, end) of the value, and where scanning goes on.
 * Values end at , ; + a line break, or a `/KEY=` of the slash form; "quoted" values at their quote. A backslash
 * escapes the character after it (RFC 4514: \, \+ \; \" \\), except a line break.
 */
export function rdnValue(s: string, after: number): { start: number; end: number; next: number } {
  let p = after;
  while (s.charCodeAt(p) === 0x20) p++;
  if (s.charCodeAt(p) === 0x22) {
    const q = s.indexOf('"', p + 1);
    const nl = s.indexOf('\n', p + 1);
    if (q > 0 && (nl < 0 || q < nl)) return { start: p + 1, end: q, next: q + 1 };
  }
  let e = p;
  while (e < s.length) {
    const c = s.charCodeAt(e);
    if (c === 0x2c || c === 0x3b || c === 0x2b || c === 0x0a || c === 0x0d || c === 0x22 || c === 0x29) break;
    if (c === 0x2f && rdnKeyAt(s, e + 1)) break;
    if (c === 0x5c && e + 1 < s.length && s.charCodeAt(e + 1) !== 0x0a && s.charCodeAt(e + 1) !== 0x0d) {
      e += 2; // an escaped character (\, \+ \; \" \\ …) stays in the value
      continue;
    }
    e++;
  }
  let v = e;
  while (v > p && (s.charCodeAt(v - 1) === 0x20 || s.charCodeAt(v - 1) === 0x09)) v--;
  return { start: p, end: v, next: e };
}
