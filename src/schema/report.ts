/**
 * The decoder's report format (CLI JSON, `decode()`), as a zod schema: published as
 * schemas/decode-report.schema.json for tools that read `npm run decode` output. The TypeScript types in
 * src/lib/decode/types.ts are checked against it in report.test.ts, both ways, so the two cannot drift.
 */
import { z } from 'astro/zod';

/** [start, end) character offsets into the original input. */
const Span = z.tuple([z.number().int(), z.number().int()]);

/** One word for what a paste or a finding shows. */
export const VerdictSchema = z.enum(['ipsec-fault', 'ipsec-ok', 'vpn', 'not-ipsec', 'need-data']);

/** A link to a playbook page. */
const PlaybookRef = z.object({
  /** Page id (`ike-main-mode/no-response`). */
  id: z.string(),
  /** Site-relative URL without the base path. */
  url: z.string(),
  /** Section to open: the remedy or the symptom. */
  anchor: z.enum(['対処', '症状']),
  /** Page title. */
  title: z.string(),
});

/** A link to a guide or reference page. */
const GuideRef = z.object({
  /** Page id (`guides/vpn-vs-isolation`). */
  id: z.string(),
  /** Site-relative URL. */
  url: z.string(),
  /** Page title. */
  title: z.string(),
});

/** One fact read from the input. */
const Fact = z.object({
  /** Stable machine name (`reason`, `peer`, `service`…). */
  name: z.string(),
  /** Japanese label. */
  label: z.string(),
  /** The value as read (or as explained). */
  value: z.string(),
  /** Where the value is in the input. */
  span: Span,
  /** What kind of identifying value it holds (drives redaction). */
  pii: z.enum(['ip', 'host', 'user', 'domain', 'fqdn', 'principal', 'name']).optional(),
});

/** One recognised item of the paste. */
const Finding = z.object({
  /** What the item is. */
  kind: z.enum(['event', 'message', 'error-code', 'command-output', 'registry', 'oakley', 'not-ipsec', 'symptom', 'lookalike', 'anomaly', 'component']),
  /** One Japanese line. */
  title: z.string(),
  /** One Japanese sentence. */
  meaning: z.string(),
  /** Facts with their spans. */
  facts: z.array(Fact),
  /** The playbook that explains it. */
  playbook: PlaybookRef.optional(),
  /** Other playbooks that carry the same text. */
  alternatives: z.array(PlaybookRef).optional(),
  /** A guide page, when no playbook fits. */
  guide: GuideRef.optional(),
  /** The tier that usually takes it. */
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  /** Sensitive-topic ids (social-engineering card). */
  sensitive: z.array(z.string()).optional(),
  /** How the item was matched. */
  confidence: z.enum(['exact', 'template', 'partial']),
  /** Extent in the input. */
  span: Span,
  /** How bad it is. */
  severity: z.enum(['error', 'warning', 'info']),
  /** 0–100: what to look at first. */
  priority: z.number(),
  /** Event ID, for events. */
  eventId: z.number().int().optional(),
  /** Event source, for events. */
  source: z.string().optional(),
  /** True when it belongs to the page the decoder is embedded in. */
  inScope: z.boolean().optional(),
  /** This item's own verdict. */
  verdict: VerdictSchema.optional(),
  /** Why, in one Japanese line. */
  verdictReason: z.string().optional(),
});

/** Counts of one kind of item (event + reason + peer…). */
const SummaryGroup = z.object({
  /** Grouping key. */
  key: z.string(),
  /** Kind of the grouped items. */
  kind: Finding.shape.kind,
  /** Japanese title. */
  title: z.string(),
  /** Event ID. */
  eventId: z.number().int().optional(),
  /** Event source. */
  source: z.string().optional(),
  /** Failure reason. */
  reason: z.string().optional(),
  /** Peer address. */
  peer: z.string().optional(),
  /** How many. */
  count: z.number().int(),
  /** First time seen. */
  first: z.string().optional(),
  /** Last time seen. */
  last: z.string().optional(),
  /** The playbook of the group. */
  playbook: PlaybookRef.optional(),
});

/** The verdict of the whole paste. */
export const ReportVerdictSchema = z.object({
  /** The word. */
  verdict: VerdictSchema,
  /** One Japanese line. */
  reason: z.string(),
  /** Spans that decided it. */
  evidence: z.array(Span),
  /** The page to open first. */
  playbook: PlaybookRef.optional(),
  /** A guide to open when there is no playbook. */
  guide: GuideRef.optional(),
  /** What to paste or collect next. */
  next: z.array(z.string()),
  /** A security concern: escalate to security. */
  alert: z.string().optional(),
});

/** The report of one paste or file. */
export const DecodeReportSchema = z.object({
  /** The verdict word for the whole paste. */
  verdict: VerdictSchema,
  /** Why, in one Japanese line. */
  verdictReason: z.string(),
  /** The verdict with evidence, page and next steps. */
  verdictInfo: ReportVerdictSchema,
  /** Size and detected format of the input. */
  input: z.object({
    /** UTF-8 bytes. */
    bytes: z.number().int(),
    /** Lines. */
    lines: z.number().int(),
    /** Detected format. */
    format: z.enum(['empty', 'event-text', 'event-xml', 'event-csv', 'event-tsv', 'event-description', 'oakley-log', 'command-output', 'registry', 'text', 'mixed']),
    /** Byte offset where the input was cut, when it was. */
    cutAt: z.number().int().optional(),
  }),
  /** Recognised items (capped; the summary counts all). */
  findings: z.array(Finding),
  /** Counts by kind, reason and peer. */
  summary: z.array(SummaryGroup),
  /** Text nothing recognised. */
  unrecognised: z.array(z.object({ /** The text. */ text: z.string(), /** Where. */ span: Span })),
  /** Messages about the decoding itself (cuts, limits). */
  notices: z.array(z.string()),
  /** What to look at first. */
  firstLook: z.array(z.string()),
  /** Counts before caps; .evtx input adds records read and damaged ones. */
  stats: z.looseObject({
    /** Findings before the cap. */
    findings: z.number().int(),
    /** Events read. */
    events: z.number().int(),
    /** Unrecognised passages. */
    unrecognised: z.number().int(),
  }),
});

export function reportJsonSchema(): Record<string, unknown> {
  const json = z.toJSONSchema(DecodeReportSchema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...json, title: 'IPsec Playbooks: decoder report (npm run decode)', $comment: 'Generated from src/schema/report.ts by npm run catalogue. Do not edit.' };
}
