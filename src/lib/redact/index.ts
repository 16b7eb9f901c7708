/** The site's one redactor (decoder, escalation packet, CLI) and what it promises (policy). */
export { Redactor, type RedactionEntry } from './engine.ts';
export { redact, redactBundle, redactFileName } from './report.ts';
export { isWellKnownPrincipal, isIdentifyingSid, REDACTED, KEPT, NOT_DETECTED, type RedactionKind, type PolicyRow } from './policy.ts';
