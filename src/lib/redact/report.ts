/** Redaction of decoder reports and bundle reports (deep copies), with the one engine. */
import type { BundleReport, DecodeReport, Fact } from '../decode/types.ts';
import { classifyFile } from '../decode/bundle.ts';
import { Redactor } from './engine.ts';

/** Facts about certificates whose value is a name (an issuing CA, a subject) or a thumbprint. */
const CERT_NAME_FACT = /issuer|rootca|subject/i;
const CERT_HASH_FACT = /thumbprint|hash|serial/i;

function learnFacts(r: Redactor, facts: Fact[]) {
  for (const f of facts) {
    if (f.pii) r.learn(f.pii, f.value);
    else if (CERT_HASH_FACT.test(f.name) && /^[0-9a-f :]{16,}$/i.test(f.value.trim())) r.learn('cert', f.value);
    else if (CERT_NAME_FACT.test(f.name) && f.value.trim().length > 1) r.learn('name', f.value);
  }
}

/** Every string of a report the redactor must see (for learning before replacing). */
function reportStrings(rep: DecodeReport): string[] {
  const out: string[] = [];
  for (const f of rep.findings) out.push(f.title, f.meaning, ...f.facts.map((x) => x.value));
  for (const g of rep.summary) out.push(g.title, g.key, g.reason ?? '', g.peer ?? '');
  if (rep.verdictReason) out.push(rep.verdictReason);
  if (rep.verdictInfo) out.push(rep.verdictInfo.reason, rep.verdictInfo.alert ?? '');
  for (const u of rep.unrecognised) out.push(u.text);
  out.push(...rep.notices, ...rep.firstLook);
  return out;
}

/** Redact a report (deep copy) or a text. Pass the same Redactor to keep placeholders consistent. */
export function redact(input: DecodeReport, redactor?: Redactor): DecodeReport;
export function redact(input: string, redactor?: Redactor): string;
export function redact(input: DecodeReport | string, redactor: Redactor = new Redactor()): DecodeReport | string {
  if (typeof input === 'string') return redactor.redactText(input);
  const rep = input;
  for (const f of rep.findings) learnFacts(redactor, f.facts);
  for (const u of rep.unrecognised) redactor.learnFromText(u.text);
  // a first pass learns names found by pattern in any field, so the second replaces them in every field
  for (const s of reportStrings(rep)) redactor.text(s);
  const t = (s: string) => redactor.text(s);
  const vi = rep.verdictInfo;
  return {
    verdict: rep.verdict,
    verdictReason: t(rep.verdictReason),
    verdictInfo: { ...vi, reason: t(vi.reason), evidence: vi.evidence.map((s) => [s[0], s[1]]), next: [...vi.next], playbook: vi.playbook ? { ...vi.playbook } : undefined, alert: vi.alert ? t(vi.alert) : undefined },
    input: { ...rep.input },
    findings: rep.findings.map((f) => ({
      ...f,
      title: t(f.title),
      meaning: t(f.meaning),
      verdictReason: f.verdictReason ? t(f.verdictReason) : undefined,
      facts: f.facts.map((x) => ({ ...x, value: t(x.value) })),
      alternatives: f.alternatives ? f.alternatives.map((a) => ({ ...a })) : undefined,
      playbook: f.playbook ? { ...f.playbook } : undefined,
      guide: f.guide ? { ...f.guide } : undefined,
      sensitive: f.sensitive ? [...f.sensitive] : undefined,
      span: [f.span[0], f.span[1]],
    })),
    summary: rep.summary.map((g) => ({ ...g, title: t(g.title), key: t(g.key), reason: g.reason ? t(g.reason) : undefined, peer: g.peer ? t(g.peer) : undefined })),
    unrecognised: rep.unrecognised.map((u) => ({ text: t(u.text), span: [u.span[0], u.span[1]] })),
    notices: rep.notices.map(t),
    firstLook: rep.firstLook.map(t),
    stats: { ...rep.stats },
  };
}

/**
 * Learn the computer name that a file name carries (table 7.3: <computer>_oakley.log, …), so the
 * name is replaced in the file name and everywhere else. Returns the file name redacted.
 */
export function redactFileName(name: string, redactor: Redactor): string {
  const { computer } = classifyFile(name);
  if (computer) redactor.learn('host', computer);
  return redactor.text(name);
}

/** Redact a bundle report; computer names are also replaced inside the table 7.3 file names. */
export function redactBundle(b: BundleReport, redactor: Redactor = new Redactor()): BundleReport {
  for (const f of b.files) {
    if (f.computer) redactor.learn('host', f.computer);
    redactFileName(f.name, redactor);
  }
  const t = (s: string) => redactor.text(s);
  return {
    verdict: b.verdict,
    verdictReason: t(b.verdictReason),
    verdictInfo: { ...b.verdictInfo, reason: t(b.verdictInfo.reason), evidence: b.verdictInfo.evidence.map((s) => [s[0], s[1]]), next: [...b.verdictInfo.next], alert: b.verdictInfo.alert ? t(b.verdictInfo.alert) : undefined },
    files: b.files.map((f) => ({ ...f, name: t(f.name), computer: f.computer ? t(f.computer) : undefined, report: redact(f.report, redactor) })),
    summary: b.summary.map((g) => ({ ...g, key: t(g.key), title: t(g.title), reason: g.reason ? t(g.reason) : undefined, peer: g.peer ? t(g.peer) : undefined })),
    firstLook: b.firstLook.map(t),
    notices: b.notices.map(t),
    missing: [...b.missing],
  };
}
