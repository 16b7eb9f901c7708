/**
 * The verdict words in Japanese, in a module of their own: the page islands show them without pulling the
 * verdict logic (and the catalogue index behind it) into every page's up-front JavaScript.
 */
import type { Verdict } from './types.ts';

/** Japanese label of each verdict, for every place a verdict is shown (page, widget, CLI text, ticket copy). */
export const VERDICT_LABEL: Record<Verdict, string> = {
  'ipsec-fault': 'IPsec の障害',
  'ipsec-ok': 'IPsec は正常 (原因はほかにあります)',
  vpn: 'IPsec VPN の問題 (ドメイン分離とは別の構成・別の担当)',
  'not-ipsec': 'IPsec とは無関係',
  'need-data': '判断には情報が足りません',
};
