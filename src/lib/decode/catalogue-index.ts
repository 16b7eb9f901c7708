/**
 * Lookup structures derived from the catalogue (built once per catalogue object and cached):
 * playbooks by event / successor / code, the compiled signature templates, failure-reason keys,
 * the error-code table, and the event sources that belong to IPsec.
 */
import type { Catalogue, CatalogueErrorCode, CatalogueEvent, CataloguePlaybook } from '../catalogue/types.ts';
import type { GuideRef, PlaybookRef } from './types.ts';
import { TemplateSet, compileTemplate } from './matcher.ts';
import { looseKey } from './text.ts';

export interface SigRef {
  playbookId: string;
  sigIndex: number;
  lang: 'ja' | 'en' | 'variant';
  text: string;
  code?: number;
  event?: number;
  ref?: string;
}

export interface ReasonCandidate {
  playbookId: string;
  sigIndex: number;
  lang: 'ja' | 'en' | 'variant';
  /** looseKey of the Extra Status part of a composite 547 signature. */
  extraKey?: string;
  text: string;
  code?: number;
}

export interface CatalogueIndex {
  cat: Catalogue;
  playbooks: Map<string, CataloguePlaybook>;
  byEvent: Map<number, CataloguePlaybook[]>;
  bySuccessor: Map<number, CataloguePlaybook[]>;
  events: Map<number, CatalogueEvent[]>;
  /** Lower-case event source names that belong to IPsec. */
  ipsecSources: Set<string>;
  /** Event ids IPsec components log (legacy + Vista+). */
  ipsecIds: Set<number>;
  templates: TemplateSet<SigRef>;
  reasons: Map<string, ReasonCandidate[]>;
  codesByValue: Map<number, CatalogueErrorCode>;
  codesByName: Map<string, CatalogueErrorCode>;
  codesByMessage: Map<string, CatalogueErrorCode>;
  /** Signatures that carry a code: gives the Japanese text and the playbook of a code. */
  sigByCode: Map<number, { playbookId: string; ja: string }[]>;
  /** Guide and reference page id -> the page's own title. */
  guides: Map<string, string>;
  /** A number the chapter prints for an event -> the id Windows logs (4268 -> 4283), from `chapterSays`. */
  chapterIds: Map<number, number>;
  /** The reverse: the id Windows logs -> the number the chapter prints. */
  chapterSays: Map<number, number>;
}

const DEFAULT_SOURCES = ['Security', 'IPSEC', 'IPSec', 'PolicyAgent', 'Oakley', 'IPSECPolicyStorage', 'Microsoft-Windows-Security-Auditing', 'IPsec', 'PAStore'];

const cache = new WeakMap<Catalogue, CatalogueIndex>();

/** Template text with the two-character escapes of messages.tsv turned into spaces. */
export function unescapeTemplate(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ((c === '\\' || c === '%') && i + 1 < s.length && 'ntr'.includes(s[i + 1])) {
      out += ' ';
      i++;
    } else out += c;
  }
  return out;
}

function hasPlaceholder(s: string): boolean {
  for (let i = 0; i + 1 < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = s.charCodeAt(i + 1);
    if (c === 0x25 && d >= 0x30 && d <= 0x39) return true;
    if (c === 0x3c) return true;
  }
  return s.includes('...') || s.includes('・・・');
}

/** Template text without its %N / <…> placeholders (for prefix comparisons). */
export function withoutPlaceholders(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%' && i + 1 < s.length && s.charCodeAt(i + 1) >= 0x30 && s.charCodeAt(i + 1) <= 0x39) {
      i++;
      while (i + 1 < s.length && s.charCodeAt(i + 1) >= 0x30 && s.charCodeAt(i + 1) <= 0x39) i++;
      continue;
    }
    if (c === '<') {
      const close = s.indexOf('>', i);
      if (close > i && close - i < 48) {
        i = close;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/** Split a composite 547 signature ("reason。- extra" / "reason | extra"). */
export function splitComposite(text: string): { reason: string; extra?: string } {
  const ja = text.indexOf('。-');
  if (ja > 0) return { reason: text.slice(0, ja), extra: text.slice(ja + 2) };
  const en = text.indexOf(' | ');
  if (en > 0) return { reason: text.slice(0, en), extra: text.slice(en + 3) };
  return { reason: text };
}

export function getIndex(cat: Catalogue): CatalogueIndex {
  let idx = cache.get(cat);
  if (!idx) {
    idx = buildIndex(cat);
    cache.set(cat, idx);
  }
  return idx;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

function buildIndex(cat: Catalogue): CatalogueIndex {
  const playbooks = new Map<string, CataloguePlaybook>();
  const byEvent = new Map<number, CataloguePlaybook[]>();
  const bySuccessor = new Map<number, CataloguePlaybook[]>();
  const events = new Map<number, CatalogueEvent[]>();
  const ipsecSources = new Set(DEFAULT_SOURCES.map((s) => s.toLowerCase()));
  const ipsecIds = new Set<number>();
  const templates = new TemplateSet<SigRef>();
  const reasons = new Map<string, ReasonCandidate[]>();
  const sigByCode = new Map<number, { playbookId: string; ja: string }[]>();
  const chapterIds = new Map<number, number>();
  const chapterSays = new Map<number, number>();

  for (const p of cat.playbooks ?? []) {
    if (!p || typeof p.id !== 'string') continue;
    playbooks.set(p.id, p);
    for (const e of p.events ?? []) {
      push(byEvent, e.id, p);
      ipsecIds.add(e.id);
      if (typeof e.chapterSays === 'number') {
        push(byEvent, e.chapterSays, p);
        chapterIds.set(e.chapterSays, e.id);
        chapterSays.set(e.id, e.chapterSays);
      }
      for (const s of e.sources ?? []) ipsecSources.add(s.toLowerCase());
    }
    for (const s of p.successors ?? []) {
      push(bySuccessor, s, p);
      ipsecIds.add(s);
    }
    (p.signatures ?? []).forEach((sig, sigIndex) => {
      const texts: Array<['ja' | 'en' | 'variant', string]> = [];
      if (sig.ja) texts.push(['ja', sig.ja]);
      if (sig.en) texts.push(['en', sig.en]);
      for (const v of sig.variants ?? []) texts.push(['variant', v]);
      for (const [lang, text] of texts) {
        const tpl = compileTemplate(text);
        if (tpl) templates.add(tpl, { playbookId: p.id, sigIndex, lang, text, code: sig.code, event: sig.event, ref: sig.ref });
        const { reason, extra } = splitComposite(text);
        if (!hasPlaceholder(reason)) {
          const key = looseKey(unescapeTemplate(reason));
          if (key.length >= 3) push(reasons, key, { playbookId: p.id, sigIndex, lang, extraKey: extra ? looseKey(withoutPlaceholders(unescapeTemplate(extra))) : undefined, text, code: sig.code });
        }
      }
      // a page whose `ja` repeats the English (no Japanese source) gives no Japanese text
      if (typeof sig.code === 'number' && sig.ja && /[\u3040-\u30ff\u4e00-\u9fff]/.test(sig.ja)) push(sigByCode, sig.code, { playbookId: p.id, ja: splitComposite(sig.ja).reason });
    });
  }
  for (const e of cat.events ?? []) {
    if (!e || !Number.isFinite(e.id)) continue;
    push(events, e.id, e);
    for (const s of splitSources(e.source)) ipsecSources.add(s.toLowerCase());
    if (!/not IPsec|not ipsec/.test(e.note ?? '')) ipsecIds.add(e.id);
  }
  templates.build();

  const codesByValue = new Map<number, CatalogueErrorCode>();
  const codesByName = new Map<string, CatalogueErrorCode>();
  const codesByMessage = new Map<string, CatalogueErrorCode>();
  for (const c of cat.errorCodes ?? []) {
    if (!c || !Number.isFinite(c.decimal)) continue;
    if (!codesByValue.has(c.decimal)) codesByValue.set(c.decimal, c);
    if (c.name && !c.name.startsWith('(')) codesByName.set(c.name.toUpperCase(), c);
    const mk = looseKey(c.message ?? '');
    if (mk.length >= 6 && !codesByMessage.has(mk)) codesByMessage.set(mk, c);
  }
  const guides = new Map((cat.guides ?? []).filter((g) => g && typeof g.id === 'string' && typeof g.title === 'string').map((g) => [g.id, g.title]));
  return { cat, playbooks, byEvent, bySuccessor, events, ipsecSources, ipsecIds, templates, reasons, codesByValue, codesByName, codesByMessage, sigByCode, guides, chapterIds, chapterSays };
}

/** "IPSEC (2000) / IPSec (XP/2003)" -> ["IPSEC", "IPSec"]. */
export function splitSources(s: string | undefined): string[] {
  if (!s) return [];
  let flat = '';
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) flat += ch;
  }
  return flat
    .split('/')
    .map((x) => x.trim())
    .filter((x) => x.length > 1 && !x.includes(' '));
}

export function playbookRef(p: CataloguePlaybook, anchor: '対処' | '症状' = '対処'): PlaybookRef {
  return { id: p.id, url: p.url, anchor, title: p.title };
}

/** href for a playbook reference: page URL + encoded section anchor. */
export function playbookHref(ref: PlaybookRef, base = ''): string {
  return `${base}${ref.url}#${encodeURIComponent(ref.anchor)}`;
}

/** The playbook that gives an overview of an event id (kind event / id ending in event-NNN). */
export function overviewPlaybook(idx: CatalogueIndex, id: number): CataloguePlaybook | undefined {
  const list = idx.byEvent.get(id) ?? [];
  return list.find((p) => p.id.endsWith(`event-${id}`)) ?? list.find((p) => p.kind === 'event');
}

/** Legacy playbooks that list a Vista+ event id among their successors. */
export function legacyFor(idx: CatalogueIndex, vistaId: number): CataloguePlaybook[] {
  return idx.bySuccessor.get(vistaId) ?? [];
}

/** English title of an event id (optionally for a given source). */
export function eventTitle(idx: CatalogueIndex, id: number, source?: string): string | undefined {
  const list = idx.events.get(id);
  if (!list || !list.length) return undefined;
  if (source) {
    const s = source.toLowerCase();
    const hit = list.find((e) => splitSources(e.source).some((x) => x.toLowerCase() === s));
    if (hit) return hit.title || undefined;
  }
  return list[0].title || undefined;
}

/** A guide or reference page, titled as the page titles itself (the catalogue collects the frontmatter titles). */
export function guideRef(id: string, idx?: CatalogueIndex): GuideRef {
  return { id, url: `/${id}/`, title: idx?.guides.get(id) ?? id };
}

const vpnPages = new WeakMap<CatalogueIndex, Map<number, string>>();

/** Code → the VPN page that explains it (codes or signature codes), built once per catalogue. */
export function vpnPageByCode(idx: CatalogueIndex): Map<number, string> {
  let m = vpnPages.get(idx);
  if (m) return m;
  m = new Map();
  for (const p of idx.playbooks.values()) {
    if ((p.domain ?? 'isolation') !== 'vpn') continue;
    for (const c of [...p.codes, ...p.signatures.flatMap((x) => (x.code !== undefined ? [x.code] : []))]) if (!m.has(c)) m.set(c, p.id);
  }
  vpnPages.set(idx, m);
  return m;
}
