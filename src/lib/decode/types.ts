/**
 * Public types of the decoder library (src/lib/decode). Everything here is plain data so a
 * report can be serialised to JSON, shown in the browser, printed by the CLI or pasted in a ticket.
 */
import type { Catalogue } from '../catalogue/types.ts';

export type { Catalogue };

/** Character offsets [start, end) into the ORIGINAL input string. */
export type Span = [number, number];

export type FindingKind = 'event' | 'message' | 'error-code' | 'command-output' | 'registry' | 'oakley' | 'not-ipsec' | 'symptom' | 'lookalike' | 'anomaly' | 'component';

/**
 * One word for what a paste (or one finding) shows:
 * - `ipsec-fault`: an IPsec problem, with its playbook;
 * - `ipsec-ok`: IPsec evidence that shows no fault (look elsewhere);
 * - `vpn`: an IPsec-based remote-access or site-to-site VPN (another team's setup);
 * - `not-ipsec`: unrelated to IPsec;
 * - `need-data`: recognised, but not enough to decide (the report says what to collect next).
 */
export type Verdict = 'ipsec-fault' | 'ipsec-ok' | 'vpn' | 'not-ipsec' | 'need-data';

export type Confidence = 'exact' | 'template' | 'partial';

export type Severity = 'error' | 'warning' | 'info';

/** What kind of personal or site-identifying value a fact holds (drives redaction). */
export type PiiKind = 'ip' | 'host' | 'user' | 'domain' | 'fqdn' | 'principal' | 'name';

export interface Fact {
  /** Stable machine name (`reason`, `peer`, `filter.srcAddr`, `count`…). */
  name: string;
  /** Japanese label shown to the reader. */
  label: string;
  value: string;
  /** Where the value is in the original input (for highlighting). */
  span: Span;
  pii?: PiiKind;
}

/** A link to a playbook page of the catalogue. `url` is the page URL, `anchor` the section heading. */
export interface PlaybookRef {
  id: string;
  url: string;
  anchor: '対処' | '症状';
  title: string;
}

/** A link to a guide or reference page (not a playbook). */
export interface GuideRef {
  id: string;
  url: string;
  title: string;
}

export interface Finding {
  kind: FindingKind;
  /** One line, Japanese. */
  title: string;
  /** One Japanese sentence. */
  meaning: string;
  facts: Fact[];
  playbook?: PlaybookRef;
  /** Other playbooks that carry the same text (shared signatures, ambiguous matches). */
  alternatives?: PlaybookRef[];
  guide?: GuideRef;
  tier?: 1 | 2 | 3;
  /** Ids from content/data/sensitive.json. */
  sensitive?: string[];
  confidence: Confidence;
  /** Extent of the finding in the original input. */
  span: Span;
  severity: Severity;
  /** 0–100: how urgently a reader should look at this (used for "what to look at first"). */
  priority: number;
  eventId?: number;
  source?: string;
  /** True when the finding belongs to the playbook given as `scope`. */
  inScope?: boolean;
  /** This finding's own verdict (set by verdict.ts when the report is finished). */
  verdict?: Verdict;
  /** One Japanese line: why this finding has its verdict. */
  verdictReason?: string;
}

export interface SummaryGroup {
  key: string;
  kind: FindingKind;
  title: string;
  eventId?: number;
  source?: string;
  reason?: string;
  peer?: string;
  count: number;
  first?: string;
  last?: string;
  playbook?: PlaybookRef;
}

export interface UnrecognisedText {
  text: string;
  span: Span;
}

export type InputFormat =
  | 'empty'
  | 'event-text'
  | 'event-xml'
  | 'event-csv'
  | 'event-tsv'
  | 'event-description'
  | 'oakley-log'
  | 'command-output'
  | 'registry'
  | 'text'
  | 'mixed';

/** The verdict of a whole paste, with the evidence that decided it. */
export interface ReportVerdict {
  verdict: Verdict;
  /** One Japanese line. */
  reason: string;
  /** Spans of the input that decided the verdict (empty only when the input is empty). */
  evidence: Span[];
  /** The page to open first, when the verdict has one. */
  playbook?: PlaybookRef;
  /** A guide to open when the verdict has no playbook (the VPN guide for another product's log…). */
  guide?: GuideRef;
  /** For `need-data` (and thin evidence): what to paste or collect next, in Japanese. */
  next: string[];
  /** A security concern seen in the evidence (forged-ticket indicators…): escalate to security. */
  alert?: string;
}

export interface DecodeReport {
  /** The verdict for the whole paste (same value as `verdictInfo.verdict`). */
  verdict: Verdict;
  /** One Japanese line: why (same as `verdictInfo.reason`). */
  verdictReason: string;
  /** The verdict with its evidence spans, page and next steps. */
  verdictInfo: ReportVerdict;
  input: { bytes: number; lines: number; format: InputFormat; cutAt?: number };
  findings: Finding[];
  summary: SummaryGroup[];
  unrecognised: UnrecognisedText[];
  notices: string[];
  /** Short Japanese lines: what to look at first. */
  firstLook: string[];
  /** Counts before any cap on the number of detailed findings. */
  stats: {
    findings: number;
    events: number;
    unrecognised: number;
    /** .evtx input: event records read (src/lib/evtx). */
    records?: number;
    /** .evtx input: parts of the file that could not be read, by byte offset in the file. */
    damaged?: Array<{ offset: number; reason: string }>;
  };
}

/** Hint from a file name (bundle) about which parser fits. */
export type ParserHint =
  | 'events'
  | 'oakley'
  | 'netdiag'
  | 'gpresult'
  | 'ipsec-cli'
  | 'klist'
  | 'ping'
  | 'registry'
  | 'text';

export interface DecodeOptions {
  /** Playbook id of the page the decoder is embedded in: its matches are preferred and flagged. */
  scope?: string;
  /** Input beyond this many UTF-8 bytes is cut (default 5 MB). */
  maxBytes?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: { aborted: boolean };
  /** Detailed findings kept (the summary counts everything). Default 500. */
  maxFindings?: number;
  /** Unrecognised passages kept. Default 200. */
  maxUnrecognised?: number;
  /** Parser hint (set by decodeBundle from the file name). */
  hint?: ParserHint;
}

export interface BundleFile {
  name: string;
  text: string;
}

export interface BundleFileReport {
  name: string;
  /** Computer name taken from `<computer>_…` in the file name, when present. */
  computer?: string;
  hint: ParserHint;
  /** What the file is (Japanese, from table 7.3). */
  description: string;
  report: DecodeReport;
}

export interface BundleReport {
  /** The verdict over every file (same rules as one paste). */
  verdict: Verdict;
  verdictReason: string;
  verdictInfo: ReportVerdict;
  files: BundleFileReport[];
  summary: SummaryGroup[];
  firstLook: string[];
  notices: string[];
  /** Table 7.3 files that were expected but not given. */
  missing: string[];
}
