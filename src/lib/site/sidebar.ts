/** Starlight sidebar, derived from the family list and the content folders. */
import { FAMILIES } from './families.ts';

export const sidebar = [
  { label: 'はじめに', items: [{ autogenerate: { directory: 'content/start' } }] },
  ...FAMILIES.map((f) => ({ label: f.label, collapsed: f.dir !== 'flowcharts', items: [{ autogenerate: { directory: `playbooks/${f.dir}` } }] })),
  { label: 'ガイド', collapsed: true, items: [{ autogenerate: { directory: 'content/guides' } }] },
  { label: 'リファレンス', collapsed: true, items: [{ autogenerate: { directory: 'content/reference' } }] },
  { label: 'ツール', items: [{ autogenerate: { directory: 'content/tools' } }] },
  { label: '執筆ガイド (ティア 3)', collapsed: true, items: [{ autogenerate: { directory: 'content/authoring' } }] },
];
