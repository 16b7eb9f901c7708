/**
 * Redaction for tickets. The engine lives in src/lib/redact/ and is shared with the escalation packet
 * and the CLI; this module keeps the decoder's import path.
 */
export { Redactor, redact, redactBundle, redactFileName, isWellKnownPrincipal, type RedactionEntry, type RedactionKind } from '../redact/index.ts';
