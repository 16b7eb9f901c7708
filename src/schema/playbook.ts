/**
 * Frontmatter schemas for every kind of page on the site.
 *
 * One schema per content kind, discriminated by `kind`. The same objects are used by
 * the Astro content collection (src/content.config.ts), by the catalogue build step
 * (scripts/build-catalogue.ts) and by the authoring lint, so a field is defined once.
 */
import { z } from 'astro/zod';

/** Windows releases the chapter covers, plus the Vista-and-later line for successor events. */
export const WindowsVersion = z.enum(['2000', 'XP', '2003', 'Vista+']);
export type WindowsVersion = z.infer<typeof WindowsVersion>;

/** Support tiers of the chapter: 1 help desk, 2 operations, 3 specialists / product support. */
export const Tier = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type Tier = z.infer<typeof Tier>;

/** Event logs an IPsec message can be written to. `console` / `UI` are for text that is never logged. */
export const EventLog = z.enum(['Security', 'System', 'Application', 'console', 'UI']);

/**
 * An event is identified by log + source + ID, never by the ID alone:
 * 547 from "Windows Server Backup" is not the IKE audit.
 */
export const EventRef = z.object({
  /** The Event ID that Event Viewer shows (low 16 bits of the message ID). */
  id: z.number().int().nonnegative(),
  /** The log the event is written to. */
  log: EventLog,
  /** Event source names as Event Viewer prints them; several when they differ per release (IPSEC vs IPSec). */
  sources: z.array(z.string().min(1)).min(1),
  /** The ID the chapter prints when it differs from the message tables (the bad-SPI event: chapter 4268, tables 4283). */
  chapterSays: z.number().int().optional(),
  /** Releases that log this event with this ID. */
  os: z.array(WindowsVersion).min(1),
});
export type EventRef = z.infer<typeof EventRef>;

/**
 * One message string that identifies the playbook. Templates keep Windows' own
 * placeholders: `%1`…`%12` in English, `<IP アドレス>`-style words in the Japanese edition.
 */
export const Signature = z.object({
  /** Row id in content/data/messages.tsv (c7m001…) when the string comes from the chapter. */
  ref: z.string().regex(/^c7m\d{3}$/).optional(),
  /** The Japanese string exactly as the chapter / Japanese Windows prints it. */
  ja: z.string().min(2),
  /** The English string exactly as Windows prints it (`\n` = line break inside the message); absent when unknown. */
  en: z.string().min(2).optional(),
  /** Other spellings seen in the wild (without the final 。, another release's wording…), matched like `ja`/`en`. */
  variants: z.array(z.string().min(2)).default([]),
  /** Win32 / SSPI status code whose FormatMessage text this is (13813 for "No response from peer"). */
  code: z.number().int().optional(),
  /** The event that carries the text, when it differs from the playbook's first event. */
  event: z.number().int().optional(),
});
export type Signature = z.infer<typeof Signature>;

/**
 * What callers and tickets say, in their own words (not Windows' text): the decoder and the search use these
 * for low-confidence 「おそらく」 matches, never for a fault verdict on their own.
 */
export const Symptoms = z.object({
  /** Japanese phrases as a caller or ticket puts them (「VPN につながらない」). */
  ja: z.array(z.string().min(2)).default([]),
  /** English phrases as a caller or ticket puts them ("VPN won't connect"). */
  en: z.array(z.string().min(2)).default([]),
});
export type Symptoms = z.infer<typeof Symptoms>;

/** The box at the top of a playbook for the help desk agent on the phone. */
export const Tier1Box = z.object({
  /** What to tell the caller, in one or two sentences. */
  tell: z.string().min(2),
  /** What to collect from the caller before anything else. */
  collect: z.array(z.string().min(2)).min(1),
  /** What not to do or say (social-engineering and safety points included). */
  dont: z.array(z.string().min(2)).min(1),
  /** When to escalate, and to whom. */
  escalate: z.string().min(2),
});
export type Tier1Box = z.infer<typeof Tier1Box>;

/** Fields shared by event, message and topic playbooks. */
const playbookBase = {
  /** Releases the playbook concerns; the page states them in its header. */
  appliesTo: z.array(WindowsVersion).min(1),
  /** Tiers that act on this playbook; the first is the tier that usually takes it. */
  tiers: z.array(Tier).min(1),
  /** Exact strings that identify the playbook; the decoder and the search use them through the catalogue. */
  signatures: z.array(Signature).default([]),
  /** Events this playbook explains. */
  events: z.array(EventRef).default([]),
  /** Vista-and-later events that log the same failure (their titles come from content/data/event_ids.tsv). */
  successors: z.array(z.number().int()).default([]),
  /** Win32 error codes this playbook explains (the error-code table links each to the playbook). */
  codes: z.array(z.number().int()).default([]),
  /** Ids of related playbooks or guide pages (e.g. `ike-main-mode/no-response`); checked to exist. */
  related: z.array(z.string().min(1)).default([]),
  /** Flowchart or guide page that this playbook belongs to (shown in the header); checked to exist. */
  partOf: z.string().min(1),
  /** What to attach when escalating to the next tier (file names from table 7.3, command output…). */
  attach: z.array(z.string().min(1)).min(1),
  /** Kinds of sensitive information the page touches; shows the social-engineering card (ids in content/data/sensitive.json). */
  sensitive: z.array(z.string()).default([]),
  /** Callers' and tickets' own words for this problem (ja / en), for free-text matching. */
  symptoms: Symptoms.default({ ja: [], en: [] }),
  /** The 「ティア 1 の対応」 box shown at the top of the page, before 症状. Required for every event / message / topic
   *  playbook by the lint rule `tier1-box` (optional here only so that drafts still parse). */
  tier1: Tier1Box.optional(),
  /** What the problem belongs to: Windows IPsec (isolation, policy, IKE) or an IPsec-based VPN (another team's setup). */
  domain: z.enum(['isolation', 'vpn']).default('isolation'),
};

/** A playbook for one event ID (or one family of event texts). */
export const EventPlaybook = z.object({
  /** Discriminator: a page about an event that Windows writes to a log. */
  kind: z.literal('event'),
  ...playbookBase,
  /** An event playbook names at least one event. */
  events: z.array(EventRef).min(1),
});

/** A playbook for a message that is not (only) an event: console text, failure reasons, service messages. */
export const MessagePlaybook = z.object({
  /** Discriminator: a page about a message string. */
  kind: z.literal('message'),
  ...playbookBase,
  /** A message playbook is found by its strings, so it must have at least one. */
  signatures: z.array(Signature).min(1),
});

/** A playbook for a condition that has no message of its own (soft SAs, fragmentation…). */
export const TopicPlaybook = z.object({
  /** Discriminator: a troubleshooting topic. */
  kind: z.literal('topic'),
  ...playbookBase,
});

/** One test a flowchart step asks the agent to run. */
export const FlowTest = z.object({
  /** The exact command to type. */
  command: z.string().min(1),
  /** Shell the command runs in. */
  shell: z.enum(['cmd', 'powershell', 'text']).default('cmd'),
  /** What the output looks like when this check passes. */
  ok: z.string().min(1),
  /** What the output looks like when it fails. */
  bad: z.string().min(1),
  /** Whose computer the command is typed on: the caller's, the agent's own (help desk), or the target's. */
  where: z.enum(['caller', 'agent', 'target']).default('caller'),
});

/** One answer to a flowchart question: leads to another node or ends in an outcome. */
export const FlowAnswer = z.object({
  /** Button text. */
  label: z.string().min(1),
  /** Short ASCII id used in shareable links (`?path=node_key`); defaults to the answer's 1-based position. */
  key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
  /** Text on the diagram's arrow when the button text is too long for it; defaults to `label`. */
  short: z.string().min(1).optional(),
  /** Node id to go to next. Exactly one of `next` / `outcome` / `goto` (checked by src/lib/flowchart/validate.ts). */
  next: z.string().optional(),
  /** Outcome id that ends the path. */
  outcome: z.string().optional(),
  /** Id of another flowchart page that takes over from here (7.1 hands over to 7.2 or 7.3). */
  goto: z.string().optional(),
});

/** One question of a flowchart. */
export const FlowNode = z.object({
  /** The question, answerable from what the agent sees. */
  question: z.string().min(1),
  /** Text of the diagram box when the question is too long for it; defaults to `question`. */
  short: z.string().min(1).optional(),
  /** Why the question is asked, in one or two sentences. */
  why: z.string().optional(),
  /** How to test it. */
  test: FlowTest.optional(),
  /** A caution shown with the test: what a script changes, what to watch for while it runs. */
  note: z.string().optional(),
  /** Page ids to read for this step (`guides/name-resolution`, optionally `#見出し`); checked to exist. */
  links: z.array(z.string().min(1)).default([]),
  /** Sensitive-information ids this step touches (shows the social-engineering card). */
  sensitive: z.array(z.string()).default([]),
  /** Possible answers, in the order they are shown. */
  answers: z.array(FlowAnswer).min(1),
});

/** The chapter's three end states. */
export const EndState = z.enum(['fixed-identified', 'fixed-unidentified', 'unfixed']);

/** An end of a flowchart path. */
export const FlowOutcome = z.object({
  /** One of the chapter's three end states (修正済/特定済, 修正済/未特定, 未修正). */
  state: EndState,
  /** Short title of the outcome. */
  title: z.string().min(1),
  /** What to do next. */
  action: z.string().min(1),
  /** Page ids to open for this outcome (optionally `#見出し`); checked to exist. */
  links: z.array(z.string()).default([]),
});

/** A flowchart of the chapter, written once as data; rendered as an SVG diagram and as a wizard. */
export const FlowchartPlaybook = z.object({
  /** Discriminator: a flowchart page. */
  kind: z.literal('flowchart'),
  /** Figure number in the chapter (7.1, 7.2, 7.3). */
  figure: z.string().regex(/^7\.\d$/),
  /** Releases the flowchart concerns. */
  appliesTo: z.array(WindowsVersion).min(1),
  /** Tiers that walk this flowchart. */
  tiers: z.array(Tier).min(1),
  /** Id of the first node. */
  start: z.string().min(1),
  /** Nodes keyed by id. */
  nodes: z.record(z.string(), FlowNode),
  /** Outcomes keyed by id. */
  outcomes: z.record(z.string(), FlowOutcome),
  /** Related pages. */
  related: z.array(z.string().min(1)).default([]),
  /** What to attach when the path ends in escalation. */
  attach: z.array(z.string().min(1)).min(1),
  /** Sensitive-information ids the flowchart touches as a whole. */
  sensitive: z.array(z.string()).default([]),
  /** Always empty: kept so every playbook has the same catalogue shape. */
  signatures: z.array(Signature).default([]),
});

/** A guide or reference page under content/. */
export const GuidePage = z.object({
  /** Discriminator: explanatory guide, reference table page, or the site's home / tool pages. */
  kind: z.enum(['guide', 'reference', 'home', 'tool']),
  /** Tiers the page is written for; empty = everyone. */
  tiers: z.array(Tier).default([]),
  /** Related pages. */
  related: z.array(z.string().min(1)).default([]),
  /** Sensitive-information ids the page touches (shows the social-engineering card). */
  sensitive: z.array(z.string()).default([]),
});

/** Every playbook kind (files under playbooks/). */
export const Playbook = z.discriminatedUnion('kind', [EventPlaybook, MessagePlaybook, TopicPlaybook, FlowchartPlaybook]);
export type Playbook = z.infer<typeof Playbook>;

/** What Starlight's docs schema is extended with: any page of the site. */
export const PageFields = z.union([EventPlaybook, MessagePlaybook, TopicPlaybook, FlowchartPlaybook, GuidePage]);
export type PageFields = z.infer<typeof PageFields>;

/** Headings every event / message / topic playbook has, in this order (the validator and the lint enforce it). */
export const REQUIRED_SECTIONS = [
  '症状',
  '意味',
  '原因',
  '確認',
  '対処',
  '各ティアの対応',
  'エスカレーション時に添付するもの',
  '関連',
] as const;
