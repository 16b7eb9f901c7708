/**
 * Playbook families: one folder under playbooks/ each, in sidebar order.
 * The folder is the family; pages never repeat it in frontmatter.
 */
export interface Family {
  /** Folder name under playbooks/. */
  dir: string;
  /** Sidebar label. */
  label: string;
}

export const FAMILIES: readonly Family[] = [
  { dir: 'flowcharts', label: 'フローチャート (ティア 1)' },
  { dir: 'ike-main-mode', label: 'IKE メイン モード (イベント 547)' },
  { dir: 'ike-quick-mode', label: 'IKE クイック モード (イベント 547)' },
  { dir: 'ike-auth', label: 'IKE 認証 (イベント 547)' },
  { dir: 'ike-success', label: 'IKE 成功監査 (541/542/543)' },
  { dir: 'ike-info', label: 'IKE 情報メッセージ (表 7.5)' },
  { dir: 'ipsec-driver', label: 'IPsec ドライバー (4283/4284/4285)' },
  { dir: 'policy-agent-2000', label: 'ポリシー エージェント (Windows 2000)' },
  { dir: 'ipsec-service', label: 'IPSec サービス (XP/2003)' },
  { dir: 'pastore', label: 'PAStore (XP/2003)' },
  { dir: 'console', label: 'コマンドの表示 (ping など)' },
  { dir: 'modern-ike', label: 'IKE/AuthIP 監査 (Vista 以降: 4650〜4655 ほか)' },
  { dir: 'modern-driver', label: 'IPsec ドライバーと WFP (Vista 以降: 4960〜4965 ほか)' },
  { dir: 'modern-services', label: 'IPsec 関連サービス (Vista 以降: IKEEXT / BFE)' },
  { dir: 'vpn', label: 'IPsec VPN (RasClient / エラー 809 など)' },
];
