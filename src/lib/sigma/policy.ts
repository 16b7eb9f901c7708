/**
 * Everything about the Sigma rules that is a decision rather than a fact from the catalogue, kept as data in one
 * place: levels and what they mean, false positives (our own words), which events need a failure-reason or text
 * filter, which Sigma field carries it, and the correlation (count / threshold) rules.
 *
 * The generator (rules.ts) reads only this file and the catalogue; nothing else is typed by hand.
 */
import type { Level } from './types.ts';

/** UUIDv5 namespace of this rule set (fixed once; changing it changes every rule id). */
export const RULE_NAMESPACE = '4e2b8d32-e81c-42ad-87b2-0683b60445a7';
/** Sigma `date`: when this generated rule set was first published. A constant so builds are byte-identical. */
export const RULE_DATE = '2026-12-04';
export const RULE_AUTHOR = 'IPsec Playbooks (generated from the playbook catalogue)';
/** None of these rules has been run across several production fleets yet: Sigma's word for that is experimental. */
export const RULE_STATUS = 'experimental' as const;
/** Folder and archive names on the published site. */
export const SIGMA_DIR = 'sigma';
export const SIGMA_ZIP = 'ipsec-playbooks-sigma.zip';

/** Event logs that map to a Sigma `service` (console and UI text is never logged). */
export const SERVICE_OF_LOG: Record<string, 'security' | 'system' | 'application'> = {
  Security: 'security',
  System: 'system',
  Application: 'application',
};

/** What each level means for someone running isolation on a fleet (shown on the guide page). */
export const LEVELS: Record<Level, { label: string; ja: string; en: string }> = {
  informational: {
    label: '情報',
    ja: '正常な動作の記録です。アラートにはせず、調査のときに前後関係を見るために使います。',
    en: 'Normal operation. Do not alert; use it for context while investigating.',
  },
  low: {
    label: '低',
    ja: '1 件だけなら日常的に起きうる失敗です。同じ相手や同じコンピューターで繰り返すときに見ます。',
    en: 'A single failure that happens in everyday operation. Look at it when it repeats for one peer or host.',
  },
  medium: {
    label: '中',
    ja: '通信が実際に止まっている可能性が高い出来事です。当日中に担当者が確認します。',
    en: 'Traffic is probably being dropped. Someone should review it the same day.',
  },
  high: {
    label: '高',
    ja: 'そのコンピューターの IPsec が全体として動いていないか、保護なしで動いている状態です。すぐに確認します。',
    en: 'IPsec on that computer is down as a whole, or running unprotected. Review promptly.',
  },
  critical: {
    label: '重大',
    ja: 'このルール集では使いません。IPsec の監査イベントだけでは、攻撃だとほぼ確実に言える場面がないためです。',
    en: 'Not used: an IPsec audit event alone never makes an incident near-certain.',
  },
};

/** A false positive in our own words, Japanese first (the rule file carries both). */
export interface FalsePositive {
  ja: string;
  en: string;
}

/** Families of events that share a level and the same false positives. */
export interface EventGroup {
  level: Level;
  falsepositives: FalsePositive[];
  /** Fields worth showing next to a hit (Vista+ audit events only; legacy events have no field names). */
  fields?: string[];
}

export const GROUPS: Record<string, EventGroup> = {
  success: {
    level: 'informational',
    falsepositives: [{ ja: '正常な SA の確立・終了です。件数の多さ自体は問題ではありません。', en: 'Normal SA set-up and tear-down; volume alone is not a problem.' }],
  },
  negotiation: {
    level: 'low',
    falsepositives: [
      { ja: 'IPsec を使わない相手 (ドメイン外のコンピューター、アプライアンス) への通信で、フォールバック前に 1 件記録されることがあります。', en: 'A peer that does not speak IPsec (non-domain host, appliance) can log one failure before clear-text fallback.' },
      { ja: '相手の再起動、スリープ、ネットワーク切断の直後に単発で起きます。', en: 'One-off failures right after the peer restarts, sleeps or drops off the network.' },
    ],
    fields: ['Computer', 'LocalAddress', 'RemoteAddress', 'FailurePoint', 'FailureReason', 'Role'],
  },
  drop: {
    level: 'medium',
    falsepositives: [
      { ja: 'ポリシーの割り当てや更新の直後、両側のポリシーがそろうまでの数分間に少数記録されます。', en: 'A few events for the minutes after a policy assignment or refresh, until both sides agree.' },
      { ja: '鍵の更新 (再キー) の瞬間の取り違えで、単発の少数のパケットが捨てられることがあります。', en: 'A few packets can be dropped around a rekey.' },
    ],
    fields: ['Computer', 'RemoteAddress', 'LocalAddress', 'SPI'],
  },
  policy: {
    level: 'medium',
    falsepositives: [
      { ja: 'ドメイン コントローラーに一時的に届かないとき (VPN 接続前、起動直後) は、キャッシュのポリシーで動き続けます。', en: 'When no domain controller is reachable for a while (before VPN, at boot), the cached policy keeps applying.' },
      { ja: '意図してポリシーを外した、または入れ替えた直後です。', en: 'Right after a policy was removed or replaced on purpose.' },
    ],
  },
  service: {
    level: 'high',
    falsepositives: [
      { ja: '計画した保守でサービスを止めた、またはコンピューターを停止した場合です。', en: 'Planned maintenance that stops the service or shuts the computer down.' },
    ],
  },
  informational: {
    level: 'informational',
    falsepositives: [{ ja: '状態の記録です。単独ではアラートにしません。', en: 'State record; not an alert on its own.' }],
  },
  other: {
    level: 'low',
    falsepositives: [{ ja: '同じ ID の別製品のイベントは、ログとソースの条件で除いています。それ以外は未確認です。', en: 'Other products that reuse the ID are excluded by log and source; nothing else is known.' }],
  },
};

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/**
 * Group of each event ID (log + source are checked by the rule itself). IDs not listed fall back to `other`
 * and are reported by the build, so a new page never silently gets a made-up level.
 */
const GROUP_OF_EVENT_LIST: Record<string, number[]> = {
  success: [541, 542, 543, 4650, 4651, 4655, 5451, 5452, 5049, ...range(4979, 4982)],
  negotiation: [544, 545, 546, 547, 548, 549, 4652, 4653, 4654, 4976, 4977, 4978, 4983, 4984, 4289, 20226, 20227],
  drop: [...range(4283, 4291), ...range(864, 867), 4960, 4961, 4962, 4963, 4965, 5152, 5157],
  policy: [13, 14, 16, 2, 5, 6, 8, 24, 25, 26, 160, 168, 169, 296, 297, 4711, 5457, 5459, 5461, 5462, 5472, 5474, 5477, 5480, 5485, 550, 4646],
  service: [260, 261, ...range(263, 273), 295, 307, 520, 507, 526, 4292, 614, 616, 4710, 4712, 5453, 5479, 5483, 5484, 7000, 7001, 7023, 7024, 7031, 7034],
  informational: [15, 22, 613, 615, 4293, 4294, 4295, 4296, 4297, 4709, 5456, 5458, 5460, 5463, 5464, 5465, 5466, 5467, 5468, 5471, 5473, 5478, 20111],
};
/** Application-log IPSECPolicyStorage 2–10 are policy failures even though PolicyAgent uses the same numbers. */
const GROUP_BY_SOURCE: Record<string, string> = { IPSECPolicyStorage: 'policy', Oakley: 'service' };

export function groupOf(eventId: number, sources: string[]): { key: string; group: EventGroup; listed: boolean } {
  for (const s of sources) if (GROUP_BY_SOURCE[s]) return { key: GROUP_BY_SOURCE[s], group: GROUPS[GROUP_BY_SOURCE[s]], listed: true };
  for (const [key, ids] of Object.entries(GROUP_OF_EVENT_LIST)) if (ids.includes(eventId)) return { key, group: GROUPS[key], listed: true };
  return { key: 'other', group: GROUPS.other, listed: false };
}

/**
 * Events whose ID + source is shared by many failures, so the rule must also match the failure reason.
 * `field` is the EventData name that carries it on Vista and later; 547 (2000/XP/2003) has no field names in
 * its data, so its reason is matched as a keyword in the message text.
 */
export const REASON_EVENTS: Record<number, { field?: string }> = {
  547: {},
  4652: { field: 'FailureReason' },
  4653: { field: 'FailureReason' },
  4654: { field: 'FailureReason' },
};

/**
 * Events written by a generic source for many reasons (any service for SCM, any VPN error for RasClient, any
 * firewall drop for WFP): a rule is only emitted per signature text, never for the bare ID.
 */
export const TEXT_ONLY_EVENTS = new Set([4711, 5152, 5157, 7000, 7001, 7023, 7024, 7031, 7034, 20111, 20226, 20227]);

/** A count or threshold over time that the playbooks describe in words; rules are found by event ID. */
export interface CorrelationSpec {
  key: string;
  events: number[];
  groupBy: string[];
  timespan: string;
  gte: number;
  level: Level;
  title: string;
  ja: string;
  falsepositives: FalsePositive[];
}

export const CORRELATIONS: CorrelationSpec[] = [
  {
    key: 'main_mode_failures_one_peer',
    events: [4653, 4652],
    groupBy: ['Computer', 'RemoteAddress'],
    timespan: '10m',
    gte: 10,
    level: 'medium',
    title: 'Many IPsec main mode failures to one peer',
    ja: '1 台のコンピューターで、同じ相手とのメイン モードの失敗が 10 分間に 10 件以上あります。単発の失敗ではなく、その相手との IPsec が続けて成り立っていません。',
    falsepositives: [{ ja: 'IPsec を話さない相手に、アプリケーションが短い間隔で接続を繰り返している場合です。', en: 'An application retrying quickly against a peer that does not speak IPsec.' }],
  },
  {
    key: 'ipsec_services_down',
    events: [5453, 5484],
    groupBy: ['Computer'],
    timespan: '1h',
    gte: 1,
    level: 'high',
    title: 'IKEEXT not running or IPsec Services shut down after a critical failure',
    ja: 'IKEEXT サービスが動いていない (5453)、または IPsec サービスが重大な障害で停止した (5484) ことが 1 件でもあれば、そのコンピューターの分離は働いていません。1 時間ごと、コンピューターごとにまとめます。',
    falsepositives: [{ ja: '計画した保守で IKEEXT を止めた場合です。', en: 'IKEEXT stopped on purpose during planned maintenance.' }],
  },
  {
    key: 'clear_text_drops_repeated',
    events: [4963, 4284],
    groupBy: ['Computer'],
    timespan: '1h',
    gte: 5,
    level: 'high',
    title: 'Repeated clear-text packets dropped that should have been secured',
    ja: '保護されるべきクリア テキストのパケットを捨てたイベントが、1 台で 1 時間に 5 件以上あります。一時的な食い違いではなく、両側のポリシーが合っていない状態が続いています。',
    falsepositives: [{ ja: 'ポリシーの展開中で、まだ一部のコンピューターにしか届いていない間です。', en: 'While a policy roll-out has reached only part of the fleet.' }],
  },
];

/** How each Sigma field is named by the two query languages we print (Splunk Windows add-on, Sentinel tables). */
export const QUERY_FIELDS: Record<string, { spl: string; kqlSecurity: string; kqlEvent: string }> = {
  Computer: { spl: 'host', kqlSecurity: 'Computer', kqlEvent: 'Computer' },
  RemoteAddress: { spl: 'RemoteAddress', kqlSecurity: 'RemoteAddress', kqlEvent: 'RemoteAddress' },
};
