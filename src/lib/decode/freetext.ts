/**
 * What help desks receive as prose: callers' words, a Windows message quoted inside a sentence, a service
 * failure described in a blog or ticket. Runs last, over the lines no parser claimed.
 * - An IPsec service named beside a failure word (「Windows ファイアウォール サービスを開始できませんでした」,
 *   "Base Filtering Engine ... could not be found") is a service fault: the services guide.
 * - Callers' phrases from the playbooks' `symptoms` give one low-confidence 「おそらく」 finding per page:
 *   never a fault verdict on their own.
 * - APIPA addresses (169.254.x.x) in prose: the computer has no DHCP address, which is not IPsec.
 */
import type { CataloguePlaybook } from '../catalogue/types.ts';
import type { Ctx } from './context.ts';
import { content } from './event-sources.ts';
import { fact, refFor } from './context.ts';
import { namedService } from './families/scm.ts';
// the decoder's own folding (case, width, spaces and punctuation), as everywhere else in the engine
import { fold } from './text.ts';
import type { Finding } from './types.ts';

const FAIL_WORDS = ['fail', 'could not', 'cannot', "can't", 'terminated', 'not be found', 'not found', 'stopped', 'not running', 'error', 'エラー', 'できません', 'できない', '失敗', '停止', '見つかりません', '起動しない', '開始しない'];

interface Phrase {
  key: string;
  text: string;
  page: CataloguePlaybook;
}

const phraseCache = new WeakMap<object, Phrase[]>();


function phrases(ctx: Ctx): Phrase[] {
  let list = phraseCache.get(ctx.idx);
  if (list) return list;
  list = [];
  for (const p of ctx.idx.playbooks.values()) {
    const sy = p.symptoms ?? { ja: [], en: [] };
    for (const t of [...(sy.ja ?? []), ...(sy.en ?? [])]) {
      const key = fold(t);
      if (key.length >= 4) list.push({ key, text: t, page: p });
    }
  }
  // longer phrases first: the most specific match wins a line
  list.sort((a, b) => b.key.length - a.key.length);
  phraseCache.set(ctx.idx, list);
  return list;
}

export function scanFreeText(ctx: Ctx, freeLines: number[]): void {
  const text = ctx.text;
  const services = new Map<string, { at: [number, number]; line: string; count: number }>();
  const symptomHits = new Map<string, { page: CataloguePlaybook; phrase: string; span: [number, number]; count: number }>();
  // callers' words come in short pastes: a long log gets no phrase matching (it has real evidence, and
  // matching hundreds of phrases against thousands of lines would cost more than the whole decode)
  const plist = freeLines.length <= 300 ? phrases(ctx) : [];
  let apipa: [number, number] | undefined;
  let seen = 0;
  for (const li of freeLines) {
    if (ctx.covered[li]) continue;
    const [s, e] = content(ctx, li);
    if (s >= e || e - s > 2000) continue;
    if (++seen > 3000) break;
    const line = text.slice(s, e);
    const low = line.toLowerCase();
    const svc = namedService(ctx.idx.cat, line);
    if (svc && !svc.svc.vpn && FAIL_WORDS.some((w) => low.includes(w))) {
      const g = services.get(svc.svc.name);
      if (g) g.count++;
      else services.set(svc.svc.name, { at: [s + svc.at, s + svc.at + svc.len], line: line.trim().slice(0, 200), count: 1 });
      continue;
    }
    const m = /\b169\.254\.\d{1,3}\.\d{1,3}\b/.exec(line);
    if (m && !apipa) apipa = [s + m.index, s + m.index + m[0].length];
    if (!plist.length) continue;
    const key = fold(line);
    for (const ph of plist) {
      if (!key.includes(ph.key)) continue;
      const g = symptomHits.get(ph.page.id);
      if (g) g.count++;
      else symptomHits.set(ph.page.id, { page: ph.page, phrase: ph.text, span: [s, e], count: 1 });
      break;
    }
  }
  for (const [name, g] of services) {
    const f: Finding = {
      kind: 'message',
      title: `IPsec 関連サービス ${name} の失敗が書かれています`,
      meaning: `文中で ${name} が開始できない・見つからない・止まったと述べています。IKEEXT、BFE、PolicyAgent、MpsSvc の関係と確認方法は、サービスのガイドにあります。`,
      facts: [fact('service', 'サービス', name, g.at), fact('line', '該当する文', g.line, g.at)],
      guide: { id: 'guides/modern-services', url: '/guides/modern-services/', title: 'IPsec に関係するサービス (Vista 以降)' },
      confidence: 'template',
      span: g.at,
      severity: 'error',
      priority: 65,
      verdict: 'ipsec-fault',
      verdictReason: `IPsec が依存するサービス (${name}) が動いていないという記述です。`,
    };
    ctx.emit(f, { key: `svc-text|${name}`, title: f.title });
  }
  for (const g of symptomHits.values()) {
    const pb = refFor(ctx, g.page.id, '症状');
    const f: Finding = {
      kind: 'symptom',
      title: `おそらく: ${g.page.title}`,
      meaning: `利用者の言葉「${g.phrase}」に近い記述があります。Windows のメッセージやイベントがないため、確定ではありません。`,
      facts: [fact('phrase', '一致した言い回し', g.phrase, g.span)],
      playbook: pb,
      confidence: 'partial',
      span: g.span,
      severity: 'info',
      priority: 30,
    };
    ctx.emit(f, { key: `symptom|${g.page.id}`, title: f.title, playbook: pb });
  }
  if (apipa) {
    const f: Finding = {
      kind: 'message',
      title: `自動構成アドレス (APIPA) ${text.slice(apipa[0], apipa[1])}`,
      meaning: '169.254.x.x は DHCP からアドレスを取得できなかったときに Windows が自分で付けるアドレスです。IPsec より手前の、IP アドレス構成の問題です。',
      facts: [fact('address', 'アドレス', text.slice(apipa[0], apipa[1]), apipa, 'ip')],
      guide: { id: 'guides/ip-configuration', url: '/guides/ip-configuration/', title: 'IP アドレス構成の問題' },
      confidence: 'exact',
      span: apipa,
      severity: 'warning',
      priority: 40,
      verdict: 'not-ipsec',
      verdictReason: 'IP アドレスを取得できていない状態で、IPsec の失敗ではありません。',
    };
    ctx.emit(f, { key: 'apipa', title: f.title });
  }
}
