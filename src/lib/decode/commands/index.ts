/** Command-output detection and dispatch. */
import type { Ctx } from '../context.ts';
import { noteFormat } from '../context.ts';
import { K } from '../kinds.ts';
import { isGpresultStart, readGpresult } from './gpresult.ts';
import { isIpconfigStart, readIpconfig } from './ipconfig.ts';
import { IPSEC_CLI_PREFIXES, isIpsecCliStart, isNetdiagStart, readIpsecCli, readNetdiag } from './ipsec-cli.ts';
import { isKlistStart, readKlist } from './klist.ts';
import { isNetstatStart, isPortqryStart, readNetstat, readPortqry } from './netstat.ts';
import { isNslookupStart, readNslookup } from './nslookup.ts';
import { isPingStart, isTracertStart, readPing, readTracert } from './ping.ts';
import { isScStart, readSc } from './sc.ts';
import { AUDITPOL_PREFIXES, isAuditpolStart, readAuditpol } from './auditpol.ts';
import { isGetNetIpsecStart, readGetNetIpsec } from './get-netipsec.ts';
import { NETSH_ADVFIREWALL_PREFIXES, isNetshAdvfirewallStart, readNetshAdvfirewall } from './netsh-advfirewall.ts';
import { WFPDIAG_PREFIXES, isWfpdiagStart, readWfpdiag } from './wfpdiag.ts';
import { KV_EVENT_PREFIXES, isKvEventStart, readKvEvent } from '../formats/kv-event.ts';

/**
 * A command-output module: its own kind number, the literal line starts the engine's dispatch
 * table needs, a detector and a reader. New formats are registered here with one line each, and
 * detection and reading both walk this one list (no second hand-written list to keep in step).
 */
interface CommandModule {
  kind: number;
  prefixes: string[];
  /** `t` is the line's content, at most 240 characters. */
  detect(ctx: Ctx, i: number, t: string): boolean;
  read(ctx: Ctx, i: number, kind: number): number;
}

const MODULES: CommandModule[] = [
  { kind: 40, prefixes: NETSH_ADVFIREWALL_PREFIXES, detect: isNetshAdvfirewallStart, read: readNetshAdvfirewall },
  { kind: 41, prefixes: ['IPsecRuleName', 'Name '], detect: isGetNetIpsecStart, read: readGetNetIpsec },
  { kind: 42, prefixes: AUDITPOL_PREFIXES, detect: (_c, _i, t) => isAuditpolStart(t), read: readAuditpol },
  { kind: 43, prefixes: WFPDIAG_PREFIXES, detect: (_c, _i, t) => isWfpdiagStart(t), read: readWfpdiag },
  { kind: 44, prefixes: KV_EVENT_PREFIXES, detect: isKvEventStart, read: (ctx, i) => readKvEvent(ctx, i) },
];

/** Literal line starts of every command output (used to build the engine's dispatch table). */
export const COMMAND_PREFIXES = [
  'Pinging ', 'Ping request could not find host', 'ping 要求ではホスト', 'Ping statistics for',
  'Tracing route to ',
  'Windows IP Configuration', 'Windows IP 構成', 'Windows IP の構成',
  'Active Connections', 'アクティブな接続',
  'Port Statistics', 'PortQry', 'Querying target system', 'Port to Process Mapping', 'Process ID:', 'UDP port ', 'TCP port ',
  'Current LogonId is', 'Cached Tickets:', 'キャッシュされたチケット:', '現在のログオン ID は', 'Ticket(s) purged', 'Deleting all tickets', 'Kerberos Tickets', 'klist failed',
  'Microsoft (R) Windows (R)', 'RSOP data for', 'RSOP results for', 'COMPUTER SETTINGS', 'USER SETTINGS', 'コンピュータの設定', 'コンピューターの設定', 'ユーザーの設定', 'RSOP',
  'SERVICE_NAME:', '[SC] ',
  'Per interface results', 'Global results', 'インターフェイスごとの結果', 'グローバルの結果', 'Computer Name:', 'DNS Host Name:', 'コンピュータ名:', 'DNS ホスト名:',
  'Default Server:', '既定のサーバー:', 'Non-authoritative answer', '権限のない回答', 'DNS request timed out', 'DNS 要求がタイムアウトしました', '*** ', 'Server:', 'サーバー:',
  ...IPSEC_CLI_PREFIXES,
  ...MODULES.flatMap((m) => m.prefixes),
];

/** Kind of command output that starts at content [s, e) of line i, or 0. */
export function detectCommand(ctx: Ctx, i: number, s: number, e: number): number {
  const len = e - s;
  const t = ctx.text.slice(s, Math.min(e, s + 240));
  const c0 = t.charCodeAt(0);
  for (const m of MODULES) if (m.detect(ctx, i, t)) return m.kind;
  if (c0 < 0x3000) {
    if (isPingStart(t)) return K.PING;
    if (isTracertStart(t)) return K.TRACERT;
    if (isIpconfigStart(t)) return K.IPCONFIG;
    if (isNetstatStart(t)) return K.NETSTAT;
    if (isPortqryStart(t)) return K.PORTQRY;
    if (isKlistStart(t)) return K.KLIST;
    if (isGpresultStart(t)) return K.GPRESULT;
    if (isScStart(t)) return K.SC;
    if (isIpsecCliStart(t)) return K.IPSECCLI;
    if (len <= 240 && isNetdiagStart(t)) return K.NETDIAG;
    if (isNslookupStart(ctx, i, t)) return K.NSLOOKUP;
    return 0;
  }
  if (len > 240) return 0;
  if (isPingStart(t)) return K.PING;
  if (isTracertStart(t)) return K.TRACERT;
  if (isIpconfigStart(t)) return K.IPCONFIG;
  if (isNetstatStart(t)) return K.NETSTAT;
  if (isKlistStart(t)) return K.KLIST;
  if (isGpresultStart(t)) return K.GPRESULT;
  if (isIpsecCliStart(t)) return K.IPSECCLI;
  if (isNetdiagStart(t)) return K.NETDIAG;
  if (isNslookupStart(ctx, i, t)) return K.NSLOOKUP;
  return 0;
}

export function readCommand(ctx: Ctx, i: number, kind: number): number {
  noteFormat(ctx, 'command-output');
  switch (kind) {
    case K.PING:
      return readPing(ctx, i, kind);
    case K.TRACERT:
      return readTracert(ctx, i, kind);
    case K.NSLOOKUP:
      return readNslookup(ctx, i, kind);
    case K.IPCONFIG:
      return readIpconfig(ctx, i, kind);
    case K.NETSTAT:
      return readNetstat(ctx, i, kind);
    case K.PORTQRY:
      return readPortqry(ctx, i, kind);
    case K.KLIST:
      return readKlist(ctx, i, kind);
    case K.GPRESULT:
      return readGpresult(ctx, i, kind);
    case K.IPSECCLI:
      return readIpsecCli(ctx, i, kind);
    case K.NETDIAG:
      return readNetdiag(ctx, i, kind);
    case K.SC:
      return readSc(ctx, i, kind);
    default: {
      const m = MODULES.find((x) => x.kind === kind);
      return m ? m.read(ctx, i, kind) : i + 1;
    }
  }
}
