/**
 * Catalogue → Sigma detection rules. One rule per detectable signature: an event (log + source + ID) read with
 * the failure reason or text that tells it apart where the ID alone does not (policy.ts says which IDs those are).
 * Two playbooks that would produce the same detection share one rule; the rule lists both pages.
 */
import { v5 as uuidv5 } from 'uuid';
import type { Catalogue, CataloguePlaybook } from '../catalogue/types.ts';
import type { EventRef, Signature } from '../../schema/playbook.ts';
import { pageUrl } from '../site/page-id.ts';
import { groupOf, REASON_EVENTS, RULE_AUTHOR, RULE_DATE, RULE_NAMESPACE, RULE_STATUS, SERVICE_OF_LOG, TEXT_ONLY_EVENTS, type FalsePositive } from './policy.ts';
import { fileStem, literalText, slug } from './text.ts';
import type { GeneratedRule, SelectionMap, SigmaDetectionRule, SigmaSet } from './types.ts';
import { buildCorrelations } from './correlations.ts';

export interface SigmaOptions {
  /** Origin of the published site (`https://intranet.example`), or '' for site-relative references. */
  siteUrl?: string;
  /** Astro base path (`/` or `/kb/`). */
  base?: string;
}

interface Candidate {
  key: string;
  playbooks: CataloguePlaybook[];
  event: EventRef;
  /** Match strings (failure reason or message text); empty for the bare event. */
  texts: string[];
  /** EventData field that carries the texts; undefined = keywords over the whole message. */
  field?: string;
  code?: number;
}

const KIND_RANK: Record<string, number> = { event: 0, message: 1, topic: 2, flowchart: 3 };
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const uniq = <T>(xs: T[]) => [...new Set(xs)];

const words = (s: string) => new Set(norm(s.replace(/%\d+|%[a-z]\b|<[^<>]+>/g, ' ')).replace(/[.,;:。、]/g, '').split(' ').filter(Boolean));

/**
 * The signature is the event's own title, in this or another release's wording (`blocked` / `has blocked`):
 * 80 % of its words shared. Such a string is in every event with that ID, so it cannot narrow a rule.
 */
function isTitle(sig: Signature, title: string | undefined): boolean {
  if (!title) return false;
  const t = words(title);
  const s = words(sig.en ?? sig.ja);
  let both = 0;
  for (const w of s) if (t.has(w)) both++;
  const union = t.size + s.size - both;
  return union > 0 && both / union >= 0.8;
}

function textsOf(sigs: Signature[], minLength: number): string[] {
  return uniq(sigs.flatMap((s) => [s.en, s.ja, ...s.variants]).filter((s): s is string => !!s).map(literalText)).filter((t) => t.length >= minLength);
}

/** Every (event, texts) a playbook can be detected by, plus why anything was left out. */
function candidatesOf(p: CataloguePlaybook, titles: Map<number, string>, skipped: SigmaSet['skipped']): Omit<Candidate, 'key' | 'playbooks'>[] {
  const logged = p.events.filter((e) => SERVICE_OF_LOG[e.log]);
  if (logged.length === 0) {
    skipped.push(p.events.length ? { playbook: p.id, code: 'not-logged', reason: 'events are console/UI text, not logged' } : { playbook: p.id, code: 'no-event', reason: 'no event (log + source + ID) in the catalogue' });
    return [];
  }
  const out: Omit<Candidate, 'key' | 'playbooks'>[] = [];
  for (const e of logged) {
    const reason = REASON_EVENTS[e.id];
    // A signature belongs to the event it names, or to the playbook's first event (schema: Signature.event). A
    // failure reason is the same Win32 text in 547 and in 4652/4653/4654, so an unnamed reason serves all of them.
    const sigs = p.signatures.filter((s) => s.event === e.id || (s.event === undefined && (reason || p.events[0].id === e.id)));
    if (reason) {
      let reasons = sigs.filter((s) => !isTitle(s, titles.get(e.id)));
      // A page that names Win32 codes lists other strings (a user right, a setting) beside its reasons: only the coded ones are reasons.
      if (reasons.some((s) => s.code !== undefined)) reasons = reasons.filter((s) => s.code !== undefined);
      const groups = new Map<string, Signature[]>();
      for (const s of reasons) {
        const k = s.code !== undefined ? `code:${s.code}` : `text:${literalText(s.en ?? s.ja)}`;
        groups.set(k, [...(groups.get(k) ?? []), s]);
      }
      if (groups.size === 0) out.push({ event: e, texts: [] });
      for (const g of groups.values()) {
        const texts = textsOf(g, 4);
        if (texts.length) out.push({ event: e, texts, field: reason.field, code: g[0].code });
        else skipped.push({ playbook: p.id, code: 'no-text', eventId: e.id, reason: `event ${e.id}: failure reason has no literal text to match` });
      }
    } else if (TEXT_ONLY_EVENTS.has(e.id)) {
      const template = norm(titles.get(e.id) ?? '');
      for (const s of sigs.filter((x) => !isTitle(x, titles.get(e.id)))) {
        // A piece of the event's own template is in every such event, whatever the service or VPN error: useless.
        const texts = textsOf([s], 8).filter((t) => !template.includes(norm(t)));
        if (texts.length) out.push({ event: e, texts, code: s.code });
        else skipped.push({ playbook: p.id, code: 'no-text', eventId: e.id, reason: `event ${e.id}: a shared event ID needs a text, and the signature has none literal enough` });
      }
      if (!out.some((c) => c.event === e)) skipped.push({ playbook: p.id, code: 'shared-id', eventId: e.id, reason: `event ${e.id}: shared event ID with no distinguishing signature` });
    } else out.push({ event: e, texts: [] });
  }
  return out;
}

function falsepositiveText(fp: FalsePositive): string {
  return `${fp.ja} (${fp.en})`;
}

/** Title in English (SigmaHQ convention), from the catalogue's English event title and the reason text. */
function titleOf(c: Candidate, eventTitle: string | undefined): string {
  const what = (eventTitle ?? '').replace(/%\d+|%[a-z]\b/g, '…').replace(/\s+/g, ' ').trim();
  const head = `Windows ${c.event.log} ${c.event.id} (${c.event.sources.join('/')})`;
  const t = c.texts.length ? `${head}: ${c.texts[0]}` : what ? `${head}: ${what}` : head;
  return t.length > 200 ? `${t.slice(0, 199)}…` : t;
}

export function buildDetections(cat: Catalogue, opts: SigmaOptions = {}): { rules: GeneratedRule[]; skipped: SigmaSet['skipped']; unlistedEvents: number[] } {
  const titles = new Map(cat.events.map((e) => [e.id, e.title]));
  const skipped: SigmaSet['skipped'] = [];
  const byKey = new Map<string, Candidate>();
  const playbooks = [...cat.playbooks].sort((a, b) => (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9) || a.id.localeCompare(b.id));
  for (const p of playbooks) {
    if (p.kind === 'flowchart') continue;
    for (const c of candidatesOf(p, titles, skipped)) {
      const providers = [...c.event.sources].sort();
      // The key is the detection itself, so a rule keeps its id when pages are renamed or split.
      const key = [c.event.log, providers.join(','), c.event.id, c.field ?? '', ...[...c.texts].sort()].join('|');
      const prev = byKey.get(key);
      if (prev) {
        if (!prev.playbooks.includes(p)) prev.playbooks.push(p);
      } else byKey.set(key, { ...c, key, playbooks: [p] });
    }
  }

  const site = (opts.siteUrl ?? '').replace(/\/$/, '');
  const base = opts.base ?? '/';
  const used = new Set<string>();
  const unlisted = new Set<number>();
  const rules: GeneratedRule[] = [];
  for (const c of byKey.values()) {
    const owner = c.playbooks[0];
    const service = SERVICE_OF_LOG[c.event.log];
    const { group, listed } = groupOf(c.event.id, c.event.sources);
    if (!listed) unlisted.add(c.event.id);
    const id = uuidv5(c.key, RULE_NAMESPACE);
    const suffix = c.texts.length ? (c.code !== undefined ? String(c.code) : slug(c.texts.find((t) => /[a-z]/i.test(t)) ?? '').split('_').slice(0, 4).join('_') || id.slice(0, 8)) : '';
    let stem = fileStem(['win', service, String(c.event.id), owner.id.replace(/\//g, '_'), suffix]);
    if (used.has(stem)) stem = fileStem(['win', service, String(c.event.id), owner.id.replace(/\//g, '_'), id.slice(0, 8)]);
    used.add(stem);

    const selection: SelectionMap = { EventID: c.event.id, Provider_Name: c.event.sources.length === 1 ? c.event.sources[0] : [...c.event.sources] };
    if (c.texts.length && c.field) selection[`${c.field}|contains`] = c.texts;
    // No field names on 2000/XP/2003 events (547), or a text inside a generic event: match the message text.
    const detection: SigmaDetectionRule['detection'] =
      c.texts.length && !c.field ? { selection, keywords: c.texts, condition: 'selection and keywords' } : { selection, condition: 'selection' };
    const others = c.playbooks.slice(1);
    const description = [
      `プレイブック「${owner.title}」の検出ルールです。${owner.description ?? ''}`.trim(),
      others.length ? `同じ条件は ${others.map((p) => `「${p.title}」`).join('、')} にも当てはまります。` : '',
      'Generated from the IPsec Playbooks catalogue; the playbook in references explains the event and what to do.',
    ].filter(Boolean).join('\n');
    const modern = c.event.sources.includes('Microsoft-Windows-Security-Auditing');
    const rule: SigmaDetectionRule = {
      title: titleOf(c, titles.get(c.event.id)),
      id,
      name: stem,
      status: RULE_STATUS,
      description,
      references: c.playbooks.map((p) => `${site}${pageUrl(p.id, undefined, base)}`),
      author: RULE_AUTHOR,
      date: RULE_DATE,
      tags: uniq([`ipsec.event-${c.event.id}`, ...c.playbooks.map((p) => `ipsec.${slug(p.family).replace(/_/g, '-')}`), ...c.playbooks.map((p) => `ipsec.tier-${p.tiers[0]}`)]),
      logsource: { product: 'windows', service },
      detection,
      ...(modern && group.fields ? { fields: group.fields } : {}),
      falsepositives: group.falsepositives.map(falsepositiveText),
      level: group.level,
    };
    rules.push({ kind: 'detection', file: `${stem}.yml`, rule, playbooks: c.playbooks.map((p) => p.id), eventId: c.event.id, log: c.event.log, narrowed: c.texts.length > 0 });
  }
  rules.sort((a, b) => a.file.localeCompare(b.file));
  return { rules, skipped, unlistedEvents: [...unlisted].sort((a, b) => a - b) };
}

/** The whole rule set: detections, then the correlations that count them. */
export function buildSigma(cat: Catalogue, opts: SigmaOptions = {}): SigmaSet {
  const { rules, skipped, unlistedEvents } = buildDetections(cat, opts);
  const correlations = buildCorrelations(rules, skipped);
  return { rules, correlations, skipped, unlistedEvents };
}

