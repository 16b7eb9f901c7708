/**
 * The files IPsec_Debug.vbs writes (table 7.3 of the chapter; one row each in
 * content/data/chapter_structure.tsv, kind "table7.3-file" — a unit test keeps the two equal).
 * Names are fixed by the script: <コンピュータ名> is the computer it ran on, <サーバー名> the
 * server it tested with ping and net view.
 */
export interface DebugFile {
  /** File name as the chapter writes it. */
  template: string;
  /** When the script writes it only on some systems. */
  only?: string;
}

export const DEBUG_FILES: readonly DebugFile[] = [
  { template: '<コンピュータ名>_FileVer.txt' },
  { template: '<コンピュータ名>_gpresult.txt' },
  { template: '<コンピュータ名>_ipsec_547_events.txt' },
  { template: '<コンピュータ名>_ipsec_policy_version.txt' },
  { template: '<コンピュータ名>_ipseccmd_show_all.txt', only: 'Windows XP のみ' },
  { template: '<コンピュータ名>_kerberos_events.txt' },
  { template: '<コンピュータ名>_klist_purge_mt.txt' },
  { template: '<コンピュータ名>_lsass.log', only: 'ファイルがある場合' },
  { template: '<コンピュータ名>_netdiag.txt' },
  { template: '<コンピュータ名>_netsh_show_all.txt', only: 'サーバーのみ' },
  { template: '<コンピュータ名>_netsh_show_gpo.txt', only: 'サーバーのみ' },
  { template: '<コンピュータ名>_oakley.log', only: 'ファイルがある場合' },
  { template: '<コンピュータ名>_OSInfo.txt' },
  { template: '<コンピュータ名>_RegDefault.txt' },
  { template: '<コンピュータ名>_userenv.log', only: 'ファイルがある場合' },
  { template: '<コンピュータ名>_winlogon.log', only: 'ファイルがある場合' },
  { template: '<コンピュータ名>_<サーバー名>_netview.txt' },
  { template: '<コンピュータ名>_<サーバー名>_ping.txt' },
];

/**
 * Files ticked before the agent says otherwise: the ones the script writes on every computer.
 * XP-only, server-only and "if present" files are ticked only when the agent has them.
 */
export const DEFAULT_FILES: readonly string[] = DEBUG_FILES.filter((f) => !f.only).map((f) => f.template);

/** The file name for a computer (and the server it tested); placeholders stay when a name is empty. */
export function debugFileName(template: string, computer?: string, server?: string): string {
  let name = template;
  if (computer?.trim()) name = name.replace('<コンピュータ名>', computer.trim());
  if (server?.trim()) name = name.replace('<サーバー名>', server.trim().replace(/^\\\\/, ''));
  return name;
}
