/** Japanese labels for frontmatter values, shared by components and the decoder. */
const KIND: Record<string, string> = {
  event: 'イベント',
  message: 'メッセージ',
  topic: 'トピック',
  flowchart: 'フローチャート',
  guide: 'ガイド',
  reference: 'リファレンス',
};
export const kindLabel = (kind: string): string => KIND[kind] ?? kind;

export const tierLabel = (tier: number): string => `ティア ${tier}`;

const VERSION: Record<string, string> = {
  '2000': 'Windows 2000',
  XP: 'Windows XP',
  '2003': 'Windows Server 2003',
  'Vista+': 'Windows Vista 以降',
};
export const describeVersions = (versions: string[]): string => versions.map((v) => VERSION[v] ?? v).join('、');
