/**
 * Correlation rules (Sigma `event_count`) for the playbooks whose meaning is a count or a threshold. The table
 * in policy.ts names events, not rule files, so a rule added by a new playbook is counted without a code change.
 */
import { v5 as uuidv5 } from 'uuid';
import { CORRELATIONS, RULE_AUTHOR, RULE_DATE, RULE_NAMESPACE, RULE_STATUS } from './policy.ts';
import type { GeneratedCorrelation, GeneratedRule, SigmaSet } from './types.ts';

export function buildCorrelations(rules: GeneratedRule[], skipped: SigmaSet['skipped']): GeneratedCorrelation[] {
  const out: GeneratedCorrelation[] = [];
  for (const spec of CORRELATIONS) {
    // Count the bare event where a rule for it exists; a reason-narrowed rule would undercount.
    const members = spec.events.flatMap((id) => {
      const forId = rules.filter((r) => r.eventId === id);
      const bare = forId.filter((r) => !r.narrowed);
      return bare.length ? bare : forId;
    });
    if (members.length === 0) {
      skipped.push({ playbook: `(correlation ${spec.key})`, code: 'no-members', reason: `no detection rule yet for events ${spec.events.join(', ')}` });
      continue;
    }
    const playbooks = [...new Set(members.flatMap((m) => m.playbooks))];
    const name = `mr_${spec.key}`;
    out.push({
      kind: 'correlation',
      file: `${name}.yml`,
      playbooks,
      members,
      rule: {
        title: spec.title,
        id: uuidv5(`correlation|${spec.key}`, RULE_NAMESPACE),
        name,
        status: RULE_STATUS,
        description: `${spec.ja}\nCounts events ${spec.events.join(', ')} (whichever have rules) per ${spec['groupBy'].join(' + ')} over ${spec.timespan}.`,
        references: [...new Set(members.flatMap((m) => m.rule.references))],
        author: RULE_AUTHOR,
        date: RULE_DATE,
        correlation: { type: 'event_count', rules: members.map((m) => m.rule.name), 'group-by': spec.groupBy, timespan: spec.timespan, condition: { gte: spec.gte } },
        falsepositives: spec.falsepositives.map((fp) => `${fp.ja} (${fp.en})`),
        level: spec.level,
        // The counted rules stay useful on their own; without this a converter would drop them (spec: Generate).
        generate: true,
      },
    });
  }
  return out;
}
