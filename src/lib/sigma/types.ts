/** Shapes of the Sigma rules we emit (a subset of Sigma 2.x) and of the generator's output. */

export type Level = 'informational' | 'low' | 'medium' | 'high' | 'critical';
export type Service = 'security' | 'system' | 'application';

/** A search identifier: field (with optional `|contains`) → value or list of values (OR). */
export type SelectionMap = Record<string, string | number | (string | number)[]>;

/** Fields every rule we emit carries, detection or correlation. */
interface RuleMeta {
  title: string;
  id: string;
  name: string;
  status: 'experimental' | 'test' | 'stable';
  description: string;
  references: string[];
  author: string;
  date: string;
  falsepositives: string[];
  level: Level;
}

export interface SigmaDetectionRule extends RuleMeta {
  tags: string[];
  logsource: { product: 'windows'; service: Service };
  /** `selection` (a map) and optionally `keywords` (a list matched anywhere in the event). */
  detection: { selection: SelectionMap; keywords?: string[]; condition: string };
  fields?: string[];
}

export interface SigmaCorrelationRule extends RuleMeta {
  correlation: { type: 'event_count'; rules: string[]; 'group-by': string[]; timespan: string; condition: { gte: number } };
  generate: boolean;
}

/** A detection rule plus what the site needs to know about it (not written to the .yml). */
export interface GeneratedRule {
  kind: 'detection';
  /** File name on the site and in the export (`<name>.yml`). */
  file: string;
  rule: SigmaDetectionRule;
  /** Playbook ids this rule serves; the first one owns it. */
  playbooks: string[];
  eventId: number;
  log: string;
  /** True when the rule matches a failure reason or text, not the bare event. */
  narrowed: boolean;
}

export interface GeneratedCorrelation {
  kind: 'correlation';
  file: string;
  rule: SigmaCorrelationRule;
  playbooks: string[];
  /** The detection rules it counts. */
  members: GeneratedRule[];
}

/** Why a playbook (or a correlation) has no rule: no logged event, console/UI text only, a shared ID with no narrowing text, no counted rule yet. */
export type SkipCode = 'no-event' | 'not-logged' | 'shared-id' | 'no-text' | 'no-members';

export interface SigmaSet {
  rules: GeneratedRule[];
  correlations: GeneratedCorrelation[];
  /** What the generator left out and why (printed by the build and the export). */
  skipped: { playbook: string; code: SkipCode; reason: string; eventId?: number }[];
  /** Event IDs whose level fell back to the default group (no entry in policy.ts). */
  unlistedEvents: number[];
}
