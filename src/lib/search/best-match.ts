/**
 * The playbooks a query names outright, from the catalogue: a whole or partial message string,
 * an error code in any spelling, or an event ID. These come before Pagefind's ranked results,
 * because a page that merely mentions a message must never outrank the page that explains it.
 *
 *   "13801" / "0x35E9" / "ERROR_IPSEC_IKE_AUTH_FAIL" → ike-auth/credentials-unacceptable
 *   "4268" (the chapter's number) / "4283"            → ipsec-driver/bad-spi
 *   "タイムアウト"                                      → ike-main-mode/negotiation-timed-out
 */
import type { Catalogue, CataloguePlaybook } from '../catalogue/types.ts';
import { decode } from '../decode/index.ts';
import { getIndex, vpnPageByCode } from '../decode/catalogue-index.ts';

export interface BestMatch {
  id: string;
  url: string;
  title: string;
  /** Why it matched, for the reader. */
  why: string;
}

/** Fold for comparison: NFKC, no spaces, no final punctuation, lower-case Latin. */
const key = (s: string) => s.normalize('NFKC').replace(/\\n|%\d+|<[^>]*>/g, '').replace(/[\s。.、,「」"']/g, '').toLowerCase();

const MIN_PARTIAL = 2;

/** Does `text` hold the words of `q` in order, starting and ending at word boundaries (case and spacing ignored)? */
function wholeWords(text: string, q: string): boolean {
  // placeholders (%2, <個数>) are no words: a query may skip them or copy them
  const words = (s: string) => s.normalize('NFKC').replace(/\\n|%\d+|<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  const t = words(text);
  const w = words(q);
  if (!w) return false;
  const word = (c: string | undefined) => c !== undefined && /[a-z0-9]/.test(c);
  for (let at = t.indexOf(w); at >= 0; at = t.indexOf(w, at + 1)) {
    if (!(word(w[0]) && word(t[at - 1])) && !(word(w[w.length - 1]) && word(t[at + w.length]))) return true;
  }
  return false;
}

export function bestMatches(catalogue: Catalogue, query: string, limit = 3): BestMatch[] {
  const q = query.normalize('NFKC').trim();
  if (!q || q.length > 2000) return [];
  const out = new Map<string, BestMatch>();
  const add = (p: CataloguePlaybook | undefined, why: string) => {
    if (p && !out.has(p.id)) out.set(p.id, { id: p.id, url: p.url, title: p.title, why });
  };
  const byId = new Map(catalogue.playbooks.map((p) => [p.id, p]));

  // Event IDs: the playbook of that event (the chapter's own numbers too), then Vista+ successors.
  if (/^\d{3,4}$/.test(q)) {
    const id = Number(q);
    const direct = catalogue.playbooks.filter((p) => p.events.some((e) => e.id === id || e.chapterSays === id));
    direct.sort((a, b) => Number(b.kind === 'event') - Number(a.kind === 'event') || a.signatures.length - b.signatures.length);
    for (const p of direct) add(p, `イベント ${id}`);
    for (const p of catalogue.playbooks.filter((p) => p.successors.includes(id))) add(p, `Vista 以降のイベント ${id} に相当`);
  }

  // Whole messages and codes in any spelling: what the decoder recognises exactly.
  const report = decode(q, catalogue, { maxFindings: 5 });
  // the verdict's page first: it weighs the whole query ("Error 13806: IKE failed…" is the VPN dialog)
  const vp = report.verdictInfo.playbook;
  if (vp && report.verdict !== 'need-data' && report.verdict !== 'not-ipsec') add(byId.get(vp.id), report.verdictInfo.reason);
  const vpnByCode = vpnPageByCode(getIndex(catalogue));
  for (const f of report.findings) {
    // the decoder gave this record to another product (its source, its log): its number names no IPsec page
    if (f.verdict === 'not-ipsec') continue;
    if (f.playbook && (f.confidence === 'exact' || f.confidence === 'template')) {
      add(byId.get(f.playbook.id), f.title);
      // a code a VPN page explains too (13801 in a VPN dialog and in an isolation audit): both setups' pages
      for (const x of f.facts) {
        const vpn = x.name === 'decimal' ? vpnByCode.get(Number(x.value)) : undefined;
        if (vpn) add(byId.get(vpn), `VPN 接続の場合: ${f.title}`);
      }
    }
  }

  // Part of a message: the signature it covers most of.
  const k = key(q);
  // English words match whole words only: "ping" is not in "stopping", "IPsec" not in "IP Security"
  const ascii = /^[\x20-\x7e]+$/.test(q);
  if (k.length >= MIN_PARTIAL && !/^\d+$/.test(k)) {
    const partial: { p: CataloguePlaybook; cover: number; text: string }[] = [];
    for (const p of catalogue.playbooks) {
      for (const s of p.signatures) {
        for (const text of [s.ja, s.en, ...(s.variants ?? [])]) {
          if (!text) continue;
          const sk = key(text);
          if (sk.includes(k) && (!ascii || wholeWords(text, q))) partial.push({ p, cover: k.length / sk.length, text });
        }
      }
    }
    partial.sort((a, b) => b.cover - a.cover);
    for (const m of partial) add(m.p, `メッセージ「${m.text.slice(0, 40)}」の一部`);
  }
  return [...out.values()].slice(0, limit);
}
