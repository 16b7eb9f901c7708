/**
 * What the redactor replaces and what it keeps, as data: the engine follows these rules, and the decoder
 * page lists them from here (content/tools/decoder.mdx), so the promise to help desks is written once.
 */

/** Kind of value a placeholder stands for: `<IP-1>`, `<HOST-1>`, `<USER-1>`, `<DOMAIN-1>`, `<NAME-1>`, `<SID-1>`, `<MAC-1>`, `<CERT-1>`. */
export type RedactionKind = 'IP' | 'HOST' | 'USER' | 'DOMAIN' | 'NAME' | 'SID' | 'MAC' | 'CERT';

export interface PolicyRow {
  /** What it is, in the site's words. */
  what: string;
  /** Examples as they appear in pasted text. */
  examples: string[];
  /** The placeholder it becomes (redacted rows only). */
  placeholder?: string;
}

/** Values that are always replaced. */
export const REDACTED: PolicyRow[] = [
  { what: 'IPv4 アドレス (プライベート アドレスを含む。「アドレス.ポート」の形も)', examples: ['192.168.0.20', '172.16.5.4', '192.168.0.20.500'], placeholder: '<IP-1>' },
  { what: 'IPv6 アドレス (ゾーン ID 付き、IPv4 射影を含む)', examples: ['fe80::1%12', '2001:db8::5', '::ffff:10.0.0.1'], placeholder: '<IP-1>' },
  { what: 'コンピューター名 (ラベル付きの行、UNC パスのサーバー名、FQDN、数字を含む NetBIOS 名、ファイル名の中)', examples: ['コンピューター: 経理-PC01', '\\\\NAS01\\share', '\\\\server.corp.example.co.jp\\share', 'PC0423', 'PC0423_oakley.log'], placeholder: '<HOST-1>' },
  { what: 'ユーザー名 (日本語・英数字・混在。ラベルや DOMAIN\\user、user@domain、プロファイル フォルダーから学習し、貼り付け全体で置き換え)', examples: ['ユーザー: CORP\\山田太郎', 'alice@corp.example.com', 'C:\\Users\\alice'], placeholder: '<USER-1>' },
  { what: 'ドメイン名 (NetBIOS 名、DNS 名、Kerberos レルム、DC=)', examples: ['CORP\\alice', 'corp.example.co.jp', 'DC=corp'], placeholder: '<DOMAIN-1>' },
  { what: '証明書のサブジェクトと発行者の各値 (CN、OU、O、L、S、C、E など。CA 名を含む)', examples: ['CN=srv01.corp.example.com, OU=経理部, O=Example Corp, L=Tokyo', '発行者: Example Issuing CA'], placeholder: '<NAME-1>' },
  { what: '証明書の拇印 (SHA-1 / SHA-256、区切りなし・空白・コロン区切り) とシリアル番号', examples: ['a909502dd82ae41433e6f83886b00d4277a32a7b', 'シリアル番号: 1a2b3c4d5e6f'], placeholder: '<CERT-1>' },
  { what: 'ドメインとコンピューターの SID (S-1-5-21-…、S-1-12-1-…)', examples: ['S-1-5-21-1004336348-1177238915-682003330-1001'], placeholder: '<SID-1>' },
  { what: 'MAC アドレス (- 区切り、: 区切り、. 区切り)', examples: ['00-0C-29-3A-4B-5C', '00:0c:29:3a:4b:5c', '000c.293a.4b5c'], placeholder: '<MAC-1>' },
  { what: 'エスカレーション パケットのフォームに入力した名前と、複数ファイルを解析したときのファイル名に含まれるコンピューター名', examples: ['CLIENT01_ipsec_547_events.txt'], placeholder: '<HOST-1>' },
];

/** Values that are kept, because they identify nobody and the reader needs them. */
export const KEPT: PolicyRow[] = [
  { what: '組み込みのアカウントとグループ', examples: ['NT AUTHORITY\\SYSTEM', 'NETWORK SERVICE', 'BUILTIN\\Administrators', 'LocalSystem'] },
  { what: 'よく知られた SID', examples: ['S-1-5-18', 'S-1-5-20', 'S-1-5-32-544', 'S-1-1-0'] },
  { what: 'サブネット マスク、0.0.0.0、127.0.0.1、255.255.255.255、::、::1', examples: ['255.255.255.0'] },
  { what: 'Windows の通常のパス (プロファイル フォルダーのユーザー名だけは置き換え)', examples: ['%SystemRoot%\\debug\\oakley.log', 'C:\\Program Files\\Support Tools'] },
  { what: 'エラー コード、イベント ID、バージョン番号、時刻、ポート番号、ファイル名の拡張子', examples: ['13801', '0x35E9', '5.2.3790.1830', '10:43:17'] },
  { what: 'Microsoft のサイトの URL と、例示用のドメイン', examples: ['go.microsoft.com', 'example.invalid'] },
  { what: '失敗の理由などの Windows のメッセージと、このサイトの文章', examples: ['No response from peer'] },
];

/** What the redactor cannot know: listed on the decoder page so nobody relies on it for these. */
export const NOT_DETECTED: PolicyRow[] = [
  { what: 'ラベルもフォームの入力もない、日本語や数字を含まない名前 (本文中の「山田さん」、FILESERVER など)。フォームに入力するか、ラベル付きの行があれば置き換わります。', examples: [] },
  { what: '半角カナで書かれた名前、画像やスクリーンショットの中の文字', examples: [] },
];

const WELL_KNOWN_NAMES = [
  'nt authority',
  'builtin',
  'system',
  'network service',
  'local service',
  'anonymous logon',
  'n/a',
  'administrators',
  'users',
  'everyone',
  'authenticated users',
  'unknown',
  'localhost',
  'workgroup',
  'nt service',
  'authority',
  'nt',
  'network',
  'local',
  'localsystem',
  'local system',
];

/** Names (lower case) that are never a person's or a site's. */
export const WELL_KNOWN = new Set(WELL_KNOWN_NAMES);

/** Account domains of built-in principals: whatever follows their backslash is not a user's name. */
export const PRINCIPAL_DOMAINS = ['NT AUTHORITY\\', 'BUILTIN\\', 'NT SERVICE\\'];

export function isPrincipalDomain(d: string): boolean {
  const low = d.trim().toLowerCase();
  return low === 'nt authority' || low === 'builtin' || low === 'nt service';
}

/**
 * Whether a value names a built-in Windows principal (NT AUTHORITY\*, BUILTIN\*, NT SERVICE\*,
 * SYSTEM, LocalSystem, NETWORK SERVICE, LOCAL SERVICE…): such values are never redacted.
 */
export function isWellKnownPrincipal(value: string): boolean {
  const v = value.trim();
  const bs = v.indexOf('\\');
  if (bs > 0) return isPrincipalDomain(v.slice(0, bs));
  return WELL_KNOWN.has(v.toLowerCase());
}

/**
 * Whether a SID identifies a domain, a computer or a person: S-1-5-21-<domain>-<rid> (domain and local
 * accounts) and S-1-12-1-… (Entra ID accounts). Everything else (S-1-5-18, S-1-5-32-544, S-1-5-80-… service
 * SIDs, S-1-1-0) is the same on every Windows and is kept.
 */
export function isIdentifyingSid(sid: string): boolean {
  const s = sid.toUpperCase();
  return /^S-1-5-21-\d+-\d+-\d+(-\d+)?$/.test(s) || /^S-1-12-1-\d+-\d+-\d+-\d+$/.test(s);
}
