/**
 * For EVERY signature of the catalogue: a Japanese sample (and an English one when `en` exists),
 * built from the signature with its placeholders filled with plausible values, decodes to the
 * playbook that carries the signature. Run against the generated catalogue of the site (whatever
 * playbooks exist now) and against the complete test catalogue built from messages.tsv.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedCatalogue, testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';
import type { Catalogue } from '../catalogue/types.ts';
import { decode } from './index.ts';

/** Replace Windows / chapter placeholders with plausible values. */
export function fill(t: string, lang: 'ja' | 'en'): string {
  let s = t.split('""').join('"');
  s = s.split('\\n').join('\n').split('\\t').join('\t');
  s = s.split('%n').join('\n').split('%t').join('\t');
  const ja: Record<string, string> = {
    '<IP アドレス>': '192.168.0.20',
    '<個数>': '5',
    '<番号>': '13801',
    '<ポリシー名>': 'ドメイン分離ポリシー',
    '<CN=ipsecPolicy{GUID}': 'CN=ipsecPolicy{6A1F3D7E-0D2B-4C55-9E1A-2B3C4D5E6F70},CN=IP Security,CN=System,DC=example,DC=com',
  };
  for (const [k, v] of Object.entries(ja)) s = s.split(k).join(v);
  // any other <…> placeholder
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '<') {
      const close = s.indexOf('>', i);
      if (close > i && close - i < 40) {
        out += 'テスト';
        i = close;
        continue;
      }
    }
    if (s[i] === '%' && /\d/.test(s[i + 1] ?? '')) {
      let j = i + 1;
      while (j < s.length && /\d/.test(s[j])) j++;
      const before = s.slice(Math.max(0, i - 8), i).toLowerCase();
      const after = s.slice(j, j + 9).toLowerCase();
      out += after.startsWith(' packet') ? '5' : before.endsWith('from ') || before.endsWith('with ') ? '192.168.0.20' : before.includes('error') ? '13801' : before.endsWith('time ') ? '0' : 'PolicyAgent';
      i = j - 1;
      continue;
    }
    out += s[i];
  }
  s = out.split('・・・').join(lang === 'ja' ? 'は、保護するための' : ' ').split('...').join(lang === 'ja' ? 'サービス' : 'register interface');
  return s;
}

/** English composite "reason | extra status" as Windows prints it in a 547. */
function sampleEn(en: string): string {
  const bar = en.indexOf(' | ');
  if (bar < 0) return fill(en, 'en');
  return `IKE security association negotiation failed.\n Mode: \nKey Exchange Mode (Main Mode)\n\n Failure Point: \nMe\n\n Failure Reason: \n${fill(en.slice(0, bar), 'en')}\n\n Extra Status: \n${fill(en.slice(bar + 3), 'en')}\n`;
}

/** A signature text several playbooks carry (the driver events' shared last sentence) names none of them alone. */
function sharedTexts(cat: Catalogue): Set<string> {
  const owners = new Map<string, Set<string>>();
  for (const p of cat.playbooks) for (const sig of p.signatures) for (const t of [sig.ja, sig.en, ...(sig.variants ?? [])]) if (t) owners.set(t, (owners.get(t) ?? new Set()).add(p.id));
  return new Set([...owners].filter(([, o]) => o.size > 1).map(([t]) => t));
}

const CHAPTER_REFS = readFileSync('content/data/messages.tsv', 'utf8').split('\n').map((l) => l.split('\t')[0]).filter((id) => /^c7m\d{3}$/.test(id));

function check(cat: Catalogue, label: string, expectedCases?: number) {
  describe(`every signature decodes to its playbook (${label})`, () => {
    const shared = sharedTexts(cat);
    const cases: Array<[string, string, string, boolean]> = [];
    for (const p of cat.playbooks) {
      for (const sig of p.signatures) {
        cases.push([p.id, `${sig.ref ?? ''} ja`, fill(sig.ja, 'ja'), shared.has(sig.ja)]);
        if (sig.en) cases.push([p.id, `${sig.ref ?? ''} en`, sampleEn(sig.en), shared.has(sig.en)]);
        for (const v of sig.variants ?? []) cases.push([p.id, `${sig.ref ?? ''} variant`, fill(v, /[\u3000-\u9fff]/.test(v) ? 'ja' : 'en'), shared.has(v)]);
      }
    }
    if (expectedCases !== undefined) {
      it(`has ${expectedCases} signature samples to check`, () => {
        expect(cases.length).toBe(expectedCases);
      });
    } else {
      it('carries every chapter message (c7m001–c7m091), so the samples cover the whole chapter', () => {
        const refs = new Set(cat.playbooks.flatMap((p) => p.signatures.map((s) => s.ref)));
        expect(CHAPTER_REFS).toHaveLength(91);
        expect(CHAPTER_REFS.filter((r) => !refs.has(r))).toEqual([]);
      });
    }
    for (const [id, what, sample, isShared] of cases) {
      it(`${id} ${what}`, () => {
        const r = decode(sample, cat);
        // the finding's own page; a page offered only as an alternative counts only for a text several pages share
        const ids = r.findings.flatMap((f) => [f.playbook?.id, ...(isShared ? (f.alternatives ?? []).map((a) => a.id) : [])]);
        expect(ids, `${JSON.stringify(sample)}\n→ ${r.findings.map((f) => `${f.kind}:${f.title}`).join(' | ')}`).toContain(id);
      });
    }
  });
}

check(testCatalogue(), 'test catalogue', 168);
// built by the unit project's global setup (test/support/global-catalogue.ts); generatedCatalogue() throws when missing
check(generatedCatalogue(), 'generated catalogue');
