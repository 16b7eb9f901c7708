/**
 * Redaction for the escalation packet: the site's one redactor (src/lib/redact/), so the packet, the
 * decoder and the CLI redact alike. What the packet adds is the form: the names typed into it (caller's
 * and target computer, user, domain) are learned first and numbered in that order (<HOST-1> is always
 * the caller's computer), then replaced wherever they appear, also inside file names
 * (PC123_oakley.log -> <HOST-1>_oakley.log), in any script and in full-width letters.
 *
 *   const r = createRedactor({ hosts: ['PC123'] });
 *   r.redact('PC123_oakley.log from 192.168.0.10 to srv1.corp.example.com as CORP\\alice')
 *   -> '<HOST-1>_oakley.log from <IP-1> to <HOST-2>.<DOMAIN-1> as <DOMAIN-2>\\<USER-1>'
 *
 * Imports the engine alone (not the decoder), so the packet form stays small.
 */
import { Redactor as Engine } from '../redact/engine.ts';
import { isWellKnownPrincipal, type RedactionKind } from '../redact/policy.ts';
import { isIPv4, isIPv6 as isIPv6Address } from '../decode/text.ts';

export { isIPv4 };

export type RedactKind = RedactionKind;

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

const ORDER: RedactKind[] = ['HOST', 'IP', 'USER', 'DOMAIN', 'NAME', 'SID', 'MAC', 'CERT'];

export function createRedactor(known: KnownNames = {}): Redactor {
  const engine = new Engine();
  const learn = (value: string | undefined, kind: 'host' | 'user' | 'domain') => {
    const v = (value ?? '').trim();
    if (v.replace(/^\\\\/, '').length < 2 || isWellKnownPrincipal(v)) return;
    engine.learn(kind, v);
  };
  for (const h of known.hosts ?? []) learn(h, 'host');
  for (const u of known.users ?? []) learn(u, 'user');
  for (const d of known.domains ?? []) learn(d, 'domain');

  return {
    redact: (text: string) => engine.redactText(text),
    entries(): RedactEntry[] {
      // The engine's table (in order of first sight), grouped by kind as this API always listed it.
      const table = engine.entries();
      const out: RedactEntry[] = [];
      for (const kind of ORDER) for (const e of table) if (e.kind === kind) out.push({ kind, value: kind === 'IP' ? e.original : e.original.toLowerCase(), placeholder: e.placeholder });
      return out;
    },
  };
}

/** True for an IPv6 address (full, compressed, or with an IPv4 tail; no zone index). */
export function isIPv6(s: string): boolean {
  return isIPv6Address(s);
}
