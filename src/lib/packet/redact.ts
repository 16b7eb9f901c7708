/**
 * Redaction for ticket text: IPv4/IPv6 addresses, computer names, user names and domain names
 * become stable placeholders (<IP-1>, <HOST-1>, <USER-1>, <DOMAIN-1>). The same value gets the
 * same placeholder everywhere in one packet (case-insensitive), so tier 2 can still follow
 * "<HOST-1> could not reach <HOST-2>".
 *
 * The engine is the decoder's (src/lib/decode/redact.ts: `Redactor` and `redact`), so the packet
 * and the decoder redact alike and number from one table. This module adds what a ticket needs
 * on top of it, before handing the text over:
 *   - the names typed into the form (caller's and target computer, user, domain) are known from
 *     the start and numbered in that order (<HOST-1> is always the caller's computer), and are
 *     replaced wherever they appear, also inside file names (PC123_oakley.log -> <HOST-1>_oakley.log);
 *   - IPv6 addresses (fe80::1%11, 2001:db8::5, ::ffff:10.0.0.1), except :: and ::1, before the
 *     literal pass so a typed name never matches inside an address;
 *   - \\host in UNC paths.
 * Built-in principals typed into the form (NT AUTHORITY\SYSTEM, BUILTIN\Administrators, SYSTEM)
 * identify nobody and are left alone, as the engine leaves them.
 *
 *   const r = createRedactor({ hosts: ['PC123'] });
 *   r.redact('PC123_oakley.log from 192.168.0.10 to srv1.corp.example.com as CORP\\alice')
 *   -> '<HOST-1>_oakley.log from <IP-1> to <HOST-2>.<DOMAIN-1> as <DOMAIN-2>\\<USER-1>'
 */
import { Redactor as DecodeRedactor, isWellKnownPrincipal } from '../decode/redact.ts';
import { isIPv4, isIPv6 as isIPv6Address } from '../decode/text.ts';

export { isIPv4 };

export type RedactKind = 'IP' | 'HOST' | 'USER' | 'DOMAIN';

export interface RedactEntry {
  kind: RedactKind;
  /** The value as first seen (lower-cased for names). */
  value: string;
  placeholder: string;
}

export interface KnownNames {
  hosts?: string[];
  users?: string[];
  domains?: string[];
}

export interface Redactor {
  redact(text: string): string;
  /** Placeholder table (shown to the agent only, never in the ticket). */
  entries(): RedactEntry[];
}

/** Private-use characters mark text already replaced, so the engine never sees inside it. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

export function createRedactor(known: KnownNames = {}): Redactor {
  const engine = new DecodeRedactor();
  const literals: { value: string; kind: 'HOST' | 'USER' | 'DOMAIN'; host?: string; domain?: string }[] = [];

  // Learn the form's names in order, so they are numbered first; keep them for the literal pass.
  const learn = (value: string | undefined, kind: 'HOST' | 'USER' | 'DOMAIN') => {
    const v = (value ?? '').trim().replace(/^\\\\/, '');
    if (v.length < 2 || (kind === 'HOST' && isIPv4(v)) || isWellKnownPrincipal(v)) return;
    engine.learn(kind === 'HOST' ? 'host' : kind === 'USER' ? 'user' : 'domain', v);
    if (kind === 'HOST' && v.includes('.')) {
      // A dotted computer name: the whole name (also inside file names), then its parts on their own.
      const dot = v.indexOf('.');
      literals.push({ value: v, kind: 'HOST', host: v.slice(0, dot), domain: v.slice(dot + 1) });
      literals.push({ value: v.slice(0, dot), kind: 'HOST' }, { value: v.slice(dot + 1), kind: 'DOMAIN' });
    } else if (kind === 'USER' && /[\\@]/.test(v)) {
      const [a, b] = v.includes('\\') ? v.split('\\') : v.split('@').reverse();
      literals.push({ value: a, kind: 'DOMAIN' }, { value: b, kind: 'USER' });
    } else {
      literals.push({ value: v, kind });
    }
  };
  for (const h of known.hosts ?? []) learn(h, 'HOST');
  for (const u of known.users ?? []) learn(u, 'USER');
  for (const d of known.domains ?? []) learn(d, 'DOMAIN');
  literals.sort((a, b) => b.value.length - a.value.length);

  function redact(text: string): string {
    // Names on labelled lines of pasted text ("Computer: X") first, from the text as it is.
    engine.learnFromText(text);
    const tokens: string[] = [];
    const mark = (replacement: string) => {
      tokens.push(replacement);
      return `${OPEN}${tokens.length - 1}${CLOSE}`;
    };
    let s = text;
    // IPv6 (the engine handles IPv4 only).
    s = s.replace(/(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?(?:%[0-9A-Za-z]+)?(?![0-9A-Za-z:]|\.\d)/g, (m) => {
      const bare = m.replace(/%.*$/, '');
      if (!isIPv6(bare) || bare === '::' || bare === '::1') return m;
      return mark(engine.placeholder('IP', bare.toLowerCase()));
    });
    // \\host of UNC paths, when the host is not an address.
    s = s.replace(/\\\\([A-Za-z][A-Za-z0-9-]*)(?=[\\\s,;)」。、]|$)/g, (_m, h: string) => `\\\\${mark(engine.placeholder('HOST', h))}`);
    // The form's names wherever they are, even inside file names (PC123_oakley.log).
    for (const { value, kind, host, domain } of literals) {
      // Not part of a longer name, a dotted name or an address: "srv01" alone or in srv01_ping.txt,
      // but not the srv01 of srv01.other.example (the engine numbers that whole name).
      const re = new RegExp(`(?<![A-Za-z0-9${OPEN}-]|[A-Za-z0-9]\\.)${escapeRegExp(value)}(?![A-Za-z0-9${CLOSE}-]|\\.[A-Za-z0-9])`, 'gi');
      s = s.replace(re, (m) => mark(host && domain ? `${engine.placeholder('HOST', host)}.${engine.placeholder('DOMAIN', domain)}` : engine.placeholder(kind, m)));
    }
    // Everything else: the decoder's engine (IPv4, dotted names, DOMAIN\\user, user@domain, service/host).
    // The marks are neutral characters to it, so the text around them keeps its context.
    s = engine.text(s);
    return s.replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'), (_m, i: string) => tokens[Number(i)]);
  }

  function entries(): RedactEntry[] {
    // The engine's table (in order of first sight), grouped by kind as this API always listed it.
    const table = engine.entries();
    const out: RedactEntry[] = [];
    for (const kind of ['HOST', 'IP', 'USER', 'DOMAIN'] as const)
      for (const e of table) if (e.kind === kind) out.push({ kind, value: kind === 'IP' ? e.original : e.original.toLowerCase(), placeholder: e.placeholder });
    return out;
  }

  return { redact, entries };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True for an IPv6 address (full, compressed, or with an IPv4 tail; no zone index). */
export function isIPv6(s: string): boolean {
  return isIPv6Address(s);
}
