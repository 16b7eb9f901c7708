/**
 * The verdict: one pure reduction of a paste's findings to one word (ipsec-fault, ipsec-ok, vpn, not-ipsec,
 * need-data), a one-line Japanese reason, the evidence spans and what to collect next.
 *
 * The CLI, the decoder page, the embedded widgets and the search box all call `decide()` through the
 * report; none of them re-derives a verdict. Rules, in order of strength:
 * 1. A finding says what it is (`not-ipsec`, a look-alike, a symptom phrase, a placeholder template).
 * 2. Its playbook's domain: a VPN page makes it `vpn`.
 * 3. Thin evidence (partial match, no page, a code that both VPN and isolation pages explain) is `need-data`.
 * 4. Severity: error/warning with a page is `ipsec-fault`; informational IPsec evidence is `ipsec-ok`.
 * A symptom phrase never gives a fault verdict on its own.
 */
import type { CatalogueIndex } from './catalogue-index.ts';
import { vpnPageByCode } from './catalogue-index.ts';
import { isSuccessTitle } from './context.ts';
import { speaksIpsec } from './identity.ts';
import type { Finding, PlaybookRef, ReportVerdict, Span, UnrecognisedText, Verdict } from './types.ts';
import { isAsciiAlnum } from './text.ts';

/**
 * Placeholders of templates and documentation skeletons. Decisive ones stand where the values that
 * decide stand (%1, %t%t%1, [username]); header ones (<DateTime>, <ComputerName>, YYYY-MM-DD) are what KB
 * articles put in place of the date and the computer around a real message.
 */
const DECISIVE_RES = [/%\d{1,2}\b/g, /%[tn](?=%|\s|$)/g, /\[(?:username|user ?name|computer ?name|server ?name|domain|ip ?address|hostname)\]/gi];
const HEADER_RES = [/<(?:DateTime|Date|Time|Computer ?Name|User ?Name|Server ?Name|Domain|GUID|CoID)>/gi, /\bYYYY[-/]MM[-/]DD\b/g, /\bhh:mm(?::ss)?\b/gi, /\[(?:date|time)\]/gi];

function countRes(s: string, list: RegExp[]): number {
  const t = s.length > 20000 ? s.slice(0, 20000) : s;
  let n = 0;
  for (const re of list) {
    re.lastIndex = 0;
    const m = t.match(re);
    if (m) n += m.length;
  }
  return n;
}

/** Number of template placeholders in s (decisive and header ones); bounded: linear regexes on a capped text. */
export function countPlaceholders(s: string): number {
  return countRes(s, DECISIVE_RES) + countRes(s, HEADER_RES);
}

/** Placeholders where deciding values stand (%1, %t, [username]…). */
export function countDecisive(s: string): number {
  return countRes(s, DECISIVE_RES);
}

/** Documentation skeletons (Microsoft Learn "Event Details", message-table dumps) describe an event; they are not one. */
export function isDocumentation(s: string): boolean {
  const t = s.length > 20000 ? s.slice(0, 20000) : s;
  return /Symbolic Name:|SymbolicName=|MessageId=|Product:\s+Windows Operating System/.test(t);
}

export { VERDICT_LABEL } from './verdict-label.ts';

const VPN_WORDS = ['vpn', 'l2tp', 'ikev2', 'rasclient', 'remoteaccess', 'wan miniport', 'rasdial', 'rasphone', 'always on vpn', 'sstp', 'pptp', 'dialed a connection', 'demand dial', 'demand-dial', 'リモート アクセス', 'リモートアクセス', 'ダイヤルアップ'];

const STRONG_VPN_WORDS = ['error code returned on failure', 'returned on termination', 'l2tp', 'rasclient', 'dialed a connection', 'demand dial', 'demand-dial', 'wan miniport', 'vpn server', 'vpn client', 'vpn connection', 'vpn 接続', 'vpn接続', 'vpn サーバー', 'always on vpn', 'rasdial', 'rasphone'];

let lastText = '';
let lastLower = '';
let lastVpn: boolean | undefined;
let lastStrong: boolean | undefined;

/** Lower-cased head of the paste, computed once per paste (every verdict rule reads it). */
function lowerHead(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = (text.length > 200000 ? text.slice(0, 200000) : text).toLowerCase();
    lastVpn = undefined;
    lastStrong = undefined;
  }
  return lastLower;
}

/** Words only a remote-access / site-to-site VPN paste uses (answered once per paste). */
export function hasStrongVpnContext(text: string): boolean {
  const l = lowerHead(text);
  lastStrong ??= STRONG_VPN_WORDS.some((w) => l.includes(w));
  return lastStrong;
}

/** Does the paste speak of a VPN (RasClient, L2TP, IKEv2, a dialled connection…)? (answered once per paste) */
export function hasVpnContext(text: string): boolean {
  const l = lowerHead(text);
  lastVpn ??= VPN_WORDS.some((w) => l.includes(w));
  return lastVpn;
}

export interface VerdictEnv {
  idx: CatalogueIndex;
  text: string;
}

function domainOf(env: VerdictEnv, ref?: PlaybookRef): 'vpn' | 'isolation' | undefined {
  if (!ref) return undefined;
  const p = env.idx.playbooks.get(ref.id);
  return p ? (p.domain ?? 'isolation') : undefined;
}

/** Does an error-code finding name a code that both a VPN page and an isolation page explain? */
function splitCode(env: VerdictEnv, f: Finding): boolean {
  const refs = [f.playbook, ...(f.alternatives ?? [])].filter((r): r is PlaybookRef => !!r);
  const domains = new Set(refs.map((r) => domainOf(env, r)));
  return domains.has('vpn') && domains.has('isolation');
}

/** The verdict of one finding, with its reason. Sets nothing: the caller stores the result. */
export function findingVerdict(env: VerdictEnv, f: Finding): { verdict: Verdict; reason: string } {
  if (f.verdict) return { verdict: f.verdict, reason: f.verdictReason ?? '' };
  const spanText = env.text.slice(f.span[0], Math.min(f.span[1], f.span[0] + 20000));
  if (f.kind === 'not-ipsec') return { verdict: 'not-ipsec', reason: 'ソースまたは内容が IPsec 以外の製品のものです。' };
  if (f.kind === 'symptom') return { verdict: 'need-data', reason: '利用者の言葉による症状だけで、Windows のメッセージやイベントがありません。' };
  if (f.kind === 'anomaly') return { verdict: 'need-data', reason: 'それ自体が異常な証拠です。IPsec の対処ではなく、エスカレーションが必要です。' };
  const ph = countDecisive(spanText);
  if (ph >= 2 || (ph >= 1 && f.facts.some((x) => countDecisive(x.value) > 0 && ['reason', 'address', 'peer', 'remote.address', 'ikePeer', 'code', 'message', 'rasCode', 'service'].includes(x.name)))) {
    return { verdict: 'need-data', reason: '%1 などの差し込み文字が残ったひな形で、実際に記録された値がありません。' };
  }
  const dom = domainOf(env, f.playbook);
  if (f.kind === 'error-code') {
    // a number read only as an event ID: the number alone never decides, unless the paste also names
    // the event's source or quotes its text
    if (!f.facts.some((x) => x.name === 'decimal')) {
      const id = Number.parseInt((f.facts.find((x) => x.name === 'reading.event')?.value ?? '').replace(/^\D+/, ''), 10);
      if (f.playbook && Number.isFinite(id) && eventNamedInPaste(env, id)) {
        const ok = f.severity === 'info' && successTitle(env, id);
        return ok ? { verdict: 'ipsec-ok', reason: 'イベント ID とそのソース (または説明文) がそろった、正常を示す記録です。' } : { verdict: dom === 'vpn' ? 'vpn' : 'ipsec-fault', reason: 'イベント ID とそのソース (または説明文) がそろっています。' };
      }
      return { verdict: 'need-data', reason: 'イベント ID の番号だけで、ソースも説明文もありません。' };
    }
    if (!f.playbook) {
      // RAS codes belong to dial-up/VPN connections; an IKE code in a VPN paste is the VPN's
      const ras = f.facts.some((x) => x.name === 'decimal' && +x.value >= 600 && +x.value <= 899);
      if (ras || hasStrongVpnContext(env.text)) {
        const page = vpnEventPage(env);
        if (page) f.playbook = page;
        return { verdict: 'vpn', reason: ras ? 'リモート アクセス (VPN/ダイヤルアップ) のエラー コードです。' : 'VPN 接続の文脈で出た IKE のエラー コードです。' };
      }
      return { verdict: 'need-data', reason: 'エラー コードは分かりましたが、対応するページがありません。' };
    }
    if (f.confidence === 'partial') return { verdict: 'need-data', reason: '数値の読み方が 1 つに決まりません。' };
    const codes = codesOf(env, f);
    // a general Windows error (RPC server unavailable, parameter incorrect, context expired…) is not IPsec's on its
    // own, nor a VPN's: a VPN page that explains it (87, 1931) decides only when the paste is about a VPN
    if (codes.length && codes.every((c) => env.idx.codesByValue.get(c)?.table === 'win32') && (dom !== 'vpn' || !hasVpnContext(env.text))) {
      return { verdict: 'need-data', reason: 'Windows の一般的なエラー コードです。IPsec が原因かどうかは、出た場面 (コマンド、イベント) で決まります。' };
    }
    if (splitCode(env, f) || (dom !== 'vpn' && codes.some((c) => vpnPageByCode(env.idx).has(c)))) {
      if (hasVpnContext(env.text)) return { verdict: 'vpn', reason: 'VPN 接続の文脈で出たエラー コードです。' };
      return { verdict: 'need-data', reason: 'このコードは VPN 接続でもドメイン分離でも出ます。どちらの場面かが分かりません。' };
    }
    return dom === 'vpn' ? { verdict: 'vpn', reason: 'IPsec を使う VPN 接続のエラー コードです。' } : { verdict: 'ipsec-fault', reason: 'IPsec の失敗を示すエラー コードです。' };
  }
  if (dom === 'vpn') return { verdict: 'vpn', reason: 'IPsec を使う VPN 接続の記録です。' };
  // A failure message quoted on its own (no event around it) whose code a VPN page also explains: the VPN
  // dialog and the isolation audit print the same words, so the text alone cannot say which setup failed.
  const quoted = f.facts.some((x) => x.name === 'message') && !f.facts.some((x) => x.name === 'eventId' || x.name === 'reason');
  if (quoted && f.severity !== 'info' && codesOf(env, f).some((c) => vpnPageByCode(env.idx).has(c))) {
    return { verdict: 'need-data', reason: 'この文言は VPN 接続でもドメイン分離でも出ます。どちらの場面かが分かりません。' };
  }
  if (f.kind === 'component') return { verdict: 'need-data', reason: 'IPsec のコンポーネントの記録ですが、カタログにない ID または内容です。' };
  if (f.severity === 'info' && f.confidence !== 'partial') return { verdict: 'ipsec-ok', reason: 'IPsec が正常に動いていることを示す記録です。' };
  if (!f.playbook) return { verdict: 'need-data', reason: '対応するページを特定できませんでした。' };
  // a partial match of unknown type (no Type/Level line) is not evidence of success unless the event only ever
  // reports success ("… service failed to start" read by its ID is no "IPsec is fine")
  if (f.severity === 'info' && (f.eventId === undefined || successTitle(env, f.eventId))) return { verdict: 'ipsec-ok', reason: 'IPsec が正常に動いていることを示す記録です。' };
  if (f.confidence === 'partial') return { verdict: 'need-data', reason: '一部しか一致しないため、断定できません。' };
  return { verdict: 'ipsec-fault', reason: 'IPsec の失敗を示す記録です。' };
}

const NEXT: Record<string, string> = {
  event: 'イベント ビューアーでそのイベントを開き、「ログの名前」「ソース」「イベント ID」と説明の全文をそのまま貼り付けてください。',
  template: '実際に記録されたイベント (%1 などが値に置き換わったもの) を貼り付けてください。',
  symptom: 'エラー メッセージの文言 (画面どおり)、発生時刻、接続先の名前と IP アドレス、イベント ビューアーのセキュリティ ログとシステム ログの該当イベントを集めてください。',
  component: '同じ時刻の前後のイベント (セキュリティ ログとシステム ログ) も含めて、説明の全文を貼り付けてください。',
  split: 'VPN 接続 (RasClient のイベント、接続名) なのか、社内のサーバーへの接続 (ドメイン分離) なのかを確認してください。',
  nothing: 'イベント ビューアーのイベント (ログの名前・ソース・ID・説明の全文)、コマンドの出力、またはエラー メッセージをそのまま貼り付けてください。',
};

function nextFor(f: Finding, reason: string): string {
  if (reason.includes('差し込み')) return NEXT.template;
  if (f.kind === 'symptom') return NEXT.symptom;
  if (f.kind === 'component') return NEXT.component;
  if (reason.includes('VPN 接続でもドメイン分離')) return NEXT.split;
  return NEXT.event;
}

/** Codes a finding stands for: its own code facts, else the codes of its playbook. */
function codesOf(env: VerdictEnv, f: Finding): number[] {
  const out: number[] = [];
  for (const x of f.facts) {
    if (x.name === 'decimal' || x.name === 'code' || x.name === 'rasCode') {
      const n = Number.parseInt(x.value, 10);
      if (Number.isFinite(n)) out.push(n);
    }
  }
  if (out.length) return out;
  const p = f.playbook ? env.idx.playbooks.get(f.playbook.id) : undefined;
  if (p) for (const c of [...p.codes, ...p.signatures.flatMap((x) => (x.code !== undefined ? [x.code] : []))]) out.push(c);
  return out;
}

/** Does the paste name the source of event `id` or quote 30+ characters of its catalogue text? */
function eventNamedInPaste(env: VerdictEnv, id: number): boolean {
  const l = lowerHead(env.text);
  for (const e of env.idx.events.get(id) ?? []) {
    const src = (e.source ?? '').toLowerCase();
    // for SCM and RAS events the service name or the code decides, not the source
    if (src === 'service control manager' || src === 'rasclient' || src === 'remoteaccess') return false;
    // "IPSEC (2000) / IPSec (XP/2003)": each name without its versions
    for (const name of src.split(' / ').map((x) => x.replace(/\s*\(.*?\)/g, '').trim())) {
      if (name.length >= 5 && !name.includes(' ') && sourceNamed(l, name, e.log.toLowerCase() === name)) return true;
    }
    for (const chunk of (e.title ?? '').toLowerCase().split(/%\d+|%n|[.(]/)) if (chunk.trim().length >= 30 && l.includes(chunk.trim())) return true;
  }
  return false;
}

/**
 * Does lower-cased `l` name the event source `src` (lower case) as a whole word? A provider name nobody writes in
 * prose (Microsoft-Windows-Security-Auditing, IPSECPolicyStorage) counts anywhere; the words people also use for
 * the technology or a file (IPsec, Security, Oakley, PolicyAgent) only as a source: after "Source:", "ソース:",
 * "Provider", "from", or as "Security log" when the log has the source's name. "IPsec の 4292" names no source.
 */
function sourceNamed(l: string, src: string, logNamed: boolean): boolean {
  const generic = GENERIC_SOURCES.has(src);
  let at = l.indexOf(src);
  while (at >= 0) {
    const end = at + src.length;
    if (!isWordChar(l.charCodeAt(at - 1)) && !isWordChar(l.charCodeAt(end))) {
      if (!generic || SOURCE_LABEL.test(l.slice(Math.max(0, at - 24), at)) || (logNamed && /^\s*(?:log\b|ログ)/.test(l.slice(end, end + 6)))) return true;
    }
    at = l.indexOf(src, at + 1);
  }
  return false;
}
const GENERIC_SOURCES = new Set(['ipsec', 'security', 'oakley', 'policyagent']);
const SOURCE_LABEL = /(?:source|ソース|provider|プロバイダー|from)(?:\s*name)?\s*(?:[:=：]|は|が)?\s*["'「]?$/;
const isWordChar = (c: number) => isAsciiAlnum(c) || c === 0x2d || c === 0x5f;

function successTitle(env: VerdictEnv, id: number): boolean {
  const t = (env.idx.events.get(id) ?? []).map((e) => e.title ?? '');
  return t.length > 0 && t.every(isSuccessTitle);
}

/** The VPN page for the RasClient events (where a code without its own page is explained in context). */
function vpnEventPage(env: VerdictEnv): PlaybookRef | undefined {
  for (const p of env.idx.byEvent.get(20227) ?? []) if ((p.domain ?? 'isolation') === 'vpn') return { id: p.id, url: p.url, anchor: '対処', title: p.title };
  return undefined;
}

/** Only event-ID readings (no code): the finding is a bare event number. */
function eventNumberOnly(f: Finding): boolean {
  return f.kind === 'error-code' && !f.facts.some((x) => x.name === 'decimal') && f.facts.some((x) => x.name === 'reading.event');
}

function carried(findings: Finding[], f: Finding): void {
  if (f.verdict || !eventNumberOnly(f)) return;
  const before = findings.filter((x) => x.kind === 'not-ipsec' && x.source && x.span[1] <= f.span[0]);
  const prev = before[before.length - 1];
  if (!prev) return;
  f.verdict = 'not-ipsec';
  f.verdictReason = `直前の「${prev.source}」のイベントに続く番号なので、同じ製品の記録と判断しました。`;
}

/** Send an isolation-page finding to the VPN page of the same code (the caller checked the VPN context). */
function reroute(env: VerdictEnv, f: Finding, strong = false): void {
  if (f.verdict || !f.playbook || domainOf(env, f.playbook) === 'vpn') return;
  if (f.kind !== 'event' && f.kind !== 'message' && f.kind !== 'error-code') return;
  const byCode = vpnPageByCode(env.idx);
  for (const c of codesOf(env, f)) {
    const id = byCode.get(c);
    const p = id ? env.idx.playbooks.get(id) : undefined;
    if (!p) continue;
    f.alternatives = [f.playbook, ...(f.alternatives ?? [])];
    f.playbook = { id: p.id, url: p.url, anchor: '対処', title: p.title };
    f.verdict = 'vpn';
    f.verdictReason = `VPN 接続の文脈で出た失敗です (コード ${c})。`;
    return;
  }
  if (strong && f.kind !== 'error-code') {
    f.alternatives = [f.playbook, ...(f.alternatives ?? [])];
    f.playbook = undefined;
    f.guide = { id: 'guides/vpn-vs-isolation', url: '/guides/vpn-vs-isolation/', title: 'VPN とドメイン分離の違いと担当' };
    f.verdict = 'vpn';
    f.verdictReason = 'VPN 接続 (L2TP や RasClient など) の記録の中の IKE の失敗です。ドメイン分離のページではなく、VPN の担当に回します。';
  }
}

/** A page about a code explains more than a page about the event that carries it. */
function specificity(env: VerdictEnv, f: Finding): number {
  const p = f.playbook ? env.idx.playbooks.get(f.playbook.id) : undefined;
  if (!p) return f.guide ? -1 : -2;
  // an event's hub page (event-4653) is less specific than the page of the failure it names
  if (/\/event-\d+$/.test(p.id)) return -1;
  return p.codes.length || p.signatures.some((x) => x.code !== undefined) ? 1 : 0;
}

const RANK: Record<Verdict, number> = { 'ipsec-fault': 5, vpn: 4, 'need-data': 3, 'ipsec-ok': 2, 'not-ipsec': 1 };

/** Spans that show a finding's identity: event id, source, reason, code; else the finding itself. */
function evidenceOf(f: Finding): Span[] {
  const keys = new Set(['eventId', 'source', 'log', 'reason', 'code', 'message', 'token', 'rasCode', 'service', 'title']);
  const spans = f.facts.filter((x) => keys.has(x.name)).map((x) => x.span);
  const uniq: Span[] = [];
  for (const s of spans.length ? spans : [f.span]) if (!uniq.some((u) => u[0] === s[0] && u[1] === s[1])) uniq.push(s);
  return uniq.slice(0, 6);
}

/**
 * Set every finding's verdict and reduce them to the paste's verdict. `findings` are the kept findings;
 * the summary only counts repeats of them, so they carry every kind that occurred.
 */
export function decide(env: VerdictEnv, findings: Finding[], unrecognised: UnrecognisedText[] = []): ReportVerdict {
  // In a paste that speaks of a VPN (its words, or a message only VPN pages carry), an IKE failure whose
  // code a VPN page explains is that VPN failure; with strong VPN words, an IKE failure no VPN page
  // explains is still the VPN's (the isolation page would send the agent to the wrong setup).
  const vpnCtx = hasVpnContext(env.text) || findings.some((f) => f.kind !== 'error-code' && f.kind !== 'lookalike' && domainOf(env, f.playbook) === 'vpn');
  if (vpnCtx) for (const f of findings) reroute(env, f, hasStrongVpnContext(env.text));
  // A bare event number that follows another product's event belongs to that product.
  for (const f of findings) carried(findings, f);
  // a paste full of placeholders is a template or a documentation skeleton: nothing in it is a diagnosis
  const decisive = countDecisive(env.text);
  // (a documentation block whose message has no placeholder at all, such as 5480's, is judged by its message: the
  // message is complete, and it is what the caller reads out; corpus 057)
  const template = decisive >= 2 || (decisive >= 1 && isDocumentation(env.text));
  for (const f of findings) {
    const v = findingVerdict(env, f);
    const tpl = template && v.verdict !== 'not-ipsec' && f.kind !== 'lookalike';
    f.verdict = tpl ? 'need-data' : v.verdict;
    f.verdictReason = tpl ? '%1 などの差し込み文字が残ったひな形で、実際に記録された値がありません。' : v.reason;
  }
  const alerts = findings.filter((f) => f.kind === 'anomaly');
  const alert = alerts.length ? alerts[0].title : undefined;
  if (!findings.length) {
    const text = env.text.trim();
    if (!text) return { verdict: 'need-data', reason: '入力が空です。', evidence: [], next: [NEXT.nothing] };
    const span: Span[] = unrecognised.length ? [unrecognised[0].span] : [[0, Math.min(env.text.length, 200)]];
    if (countDecisive(env.text) >= 2) return { verdict: 'need-data', reason: '%1 などの差し込み文字が残ったひな形で、実際の値がありません。', evidence: span, next: [NEXT.template] };
    if (hasVpnContext(env.text)) return { verdict: 'need-data', reason: 'VPN に触れていますが、判断できるメッセージやイベントが見つかりません。', evidence: span, next: [NEXT.nothing] };
    if (speaksIpsec(env.text)) return { verdict: 'need-data', reason: 'IPsec に触れていますが、判断できるメッセージやイベントが見つかりません。', evidence: span, next: [NEXT.nothing] };
    return { verdict: 'not-ipsec', reason: 'IPsec や IPsec VPN に関係する記述が見つかりませんでした (知らない形式の可能性もあります)。', evidence: span, next: [NEXT.nothing] };
  }
  // strongest verdict, then the highest-priority finding within it
  let best: Finding | undefined;
  for (const f of findings) {
    if (!best) best = f;
    else {
      const a = RANK[f.verdict as Verdict];
      const b = RANK[best.verdict as Verdict];
      const sa = specificity(env, f);
      const sb = specificity(env, best);
      if (a > b || (a === b && sa > sb) || (a === b && sa === sb && f.priority > best.priority)) best = f;
    }
  }
  // Another product's VPN log with RAS codes but no Windows VPN event: the codes are that product's
  const lookalike = findings.find((f) => f.kind === 'lookalike' && f.verdict === 'vpn');
  if (lookalike && best?.verdict === 'vpn' && !findings.some((f) => (f.kind === 'event' || f.kind === 'message') && f.verdict === 'vpn') && !lowerHead(env.text).includes('rasclient')) best = lookalike;
  const top = best as Finding;
  let verdict = top.verdict as Verdict;
  let reasonHead = top.verdictReason ?? '';
  // Vista+ IKEv2 failures on a machine that also logs VPN dial failures are the VPN's
  if (verdict === 'ipsec-fault' && findings.some((f) => f.verdict === 'vpn')) {
    const faults = findings.filter((f) => f.verdict === 'ipsec-fault');
    if (faults.every((f) => f.facts.some((x) => x.name === 'keyingModule' && /ikev2/i.test(x.value)))) {
      verdict = 'vpn';
      reasonHead = 'VPN 接続の失敗と、同じ接続の IKEv2 ネゴシエーションの失敗です。';
    }
  }
  const same = findings.filter((f) => f.verdict === verdict);
  const evidence: Span[] = [];
  for (const f of [top, ...same.filter((f) => f !== top)].slice(0, 4)) for (const s of evidenceOf(f)) if (evidence.length < 8) evidence.push(s);
  const next: string[] = [];
  if (verdict === 'need-data') {
    for (const f of same) {
      const n = nextFor(f, f.verdictReason ?? '');
      if (!next.includes(n)) next.push(n);
    }
  }
  const others = findings.filter((f) => f.verdict !== verdict);
  const also = others.length ? ` ほかに ${others.length} 件の記録があります。` : '';
  const label = top.title.length > 80 ? top.title.slice(0, 79) + '…' : top.title;
  let reason = `${reasonHead} (${label})${also}`;
  if (verdict === 'ipsec-ok' && findings.some((f) => f.verdict === 'not-ipsec')) reason = `${reasonHead} IPsec 以外の記録もあります。(${label})`;
  if (alert) reason = `セキュリティ上の異常があります: ${alert}。${reason}`;
  // need-data keeps the page of what was recognised: the reason says it is not a diagnosis
  const playbook = top.playbook;
  const out: ReportVerdict = { verdict, reason, evidence, next };
  if (playbook) out.playbook = playbook;
  else if (top.guide) out.guide = top.guide;
  if (alert) out.alert = alert;
  return out;
}

/** The verdict over several reports (a bundle, a fleet, a batch of .evtx records): the strongest one wins. */
export function combine(verdicts: ReportVerdict[]): ReportVerdict {
  const real = verdicts.filter((v) => v.evidence.length || v.verdict !== 'need-data');
  if (!real.length) return verdicts[0] ?? { verdict: 'need-data', reason: '入力が空です。', evidence: [], next: [NEXT.nothing] };
  let best = real[0];
  for (const v of real) if (RANK[v.verdict] > RANK[best.verdict]) best = v;
  const alert = real.find((v) => v.alert)?.alert;
  const next = [...new Set(real.filter((v) => v.verdict === best.verdict).flatMap((v) => v.next))];
  return { ...best, next, ...(alert ? { alert } : {}) };
}
