/** The generator on a small hand-made catalogue: reasons, titles, shared IDs, correlations, queries, zip == export. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import type { Catalogue, CataloguePlaybook } from '../catalogue/types.ts';
import { buildSigma, kqlCorrelation, kqlQuery, sigmaBundle, sigmaFiles, sigmaZip, splCorrelation, splQuery } from './index.ts';
import { matches } from './evaluate.ts';
import { literalText } from './text.ts';

const ROOT = join(import.meta.dirname, '../../..');
const SA = 'Microsoft-Windows-Security-Auditing';

function pb(id: string, over: Partial<CataloguePlaybook>): CataloguePlaybook {
  return {
    id, url: `/${id}/`, title: id, description: `${id} の説明。`, kind: 'message', family: id.split('/')[0], tiers: [2], appliesTo: ['Vista+'], events: [], successors: [], codes: [],
    signatures: [], related: [], sensitive: [], attach: ['x'], symptoms: { ja: [], en: [] }, domain: 'isolation', ...over,
  } as CataloguePlaybook;
}
const cat: Catalogue = {
  generatedFrom: 'test',
  events: [
    { id: 4653, os: 'Vista+', log: 'Security', source: SA, title: 'An IPsec Main Mode negotiation failed.', note: '' },
    { id: 4963, os: 'Vista+', log: 'Security', source: SA, title: 'IPsec dropped an inbound clear text packet that should have been secured.', note: '' },
    { id: 7023, os: '2000 and later', log: 'System', source: 'Service Control Manager', title: 'The %1 service terminated with the following error: %n%2', note: '' },
  ],
  errorCodes: [],
  playbooks: [
    pb('modern-ike/event-4653', { kind: 'event', events: [{ id: 4653, log: 'Security', sources: [SA], os: ['Vista+'] }], signatures: [{ ja: 'An IPsec main mode negotiation failed.', en: 'An IPsec main mode negotiation failed.', variants: [], event: 4653 }] }),
    pb('ike-main-mode/no-policy-configured', {
      events: [{ id: 547, log: 'Security', sources: ['Security'], os: ['2003'] }, { id: 4653, log: 'Security', sources: [SA], os: ['Vista+'] }],
      signatures: [{ ja: 'ポリシーが構成されていません', en: 'No policy configured', variants: [], code: 13825 }, { ja: 'ネットワーク経由でコンピュータへアクセス', en: 'Access this computer from the network', variants: [] }],
    }),
    pb('modern-driver/clear-text', { kind: 'event', events: [{ id: 4963, log: 'Security', sources: [SA], os: ['Vista+'] }] }),
    pb('modern-services/scm-events', { kind: 'event', events: [{ id: 7023, log: 'System', sources: ['Service Control Manager'], os: ['Vista+'] }], signatures: [{ ja: '%1 サービスは次のエラーで終了しました: %2', en: 'The %1 service terminated with the following error: %n%2', variants: [] }] }),
    pb('modern-services/ikeext-stopped', { kind: 'event', events: [{ id: 7023, log: 'System', sources: ['Service Control Manager'], os: ['Vista+'] }], signatures: [{ ja: 'IKE and AuthIP IPsec Keying Modules サービスは次のエラーで終了しました: %1', en: 'The IKE and AuthIP IPsec Keying Modules service terminated with the following error: %n%1', variants: [] }] }),
    pb('console/ping', { signatures: [{ ja: 'IP セキュリティをネゴシエートしています。', variants: [] }] }),
  ],
} as unknown as Catalogue;
const set = buildSigma(cat, { siteUrl: 'https://kb.example', base: '/kb/' });
const byFile = new Map(set.rules.map((r) => [r.file, r]));

describe('generator on a small catalogue', () => {
  it('makes a reason rule per coded reason for 547 (keywords) and 4653 (FailureReason), a bare rule for the generic page', () => {
    expect([...byFile.keys()]).toEqual([
      'win_security_4653_ike_main_mode_no_policy_configured_13825.yml',
      'win_security_4653_modern_ike_event_4653.yml',
      'win_security_4963_modern_driver_clear_text.yml',
      'win_security_547_ike_main_mode_no_policy_configured_13825.yml',
      'win_system_7023_modern_services_ikeext_stopped_the_ike_and_authip.yml',
    ]);
    expect(byFile.get('win_security_4653_ike_main_mode_no_policy_configured_13825.yml')!.rule.detection).toEqual({
      selection: { EventID: 4653, Provider_Name: SA, 'FailureReason|contains': ['No policy configured', 'ポリシーが構成されていません'] },
      condition: 'selection',
    });
    expect(byFile.get('win_security_547_ike_main_mode_no_policy_configured_13825.yml')!.rule.detection.keywords).toEqual(['No policy configured', 'ポリシーが構成されていません']);
    expect(byFile.get('win_security_4653_modern_ike_event_4653.yml')!.rule.detection).toEqual({ selection: { EventID: 4653, Provider_Name: SA }, condition: 'selection' });
  });

  it('references the playbook under SITE_URL + BASE_PATH and fills level, status, tags, fields from policy data', () => {
    const r = byFile.get('win_security_4963_modern_driver_clear_text.yml')!.rule;
    expect(r.references).toEqual(['https://kb.example/kb/modern-driver/clear-text/']);
    expect(r.level).toBe('medium');
    expect(r.status).toBe('experimental');
    expect(r.tags).toEqual(['ipsec.event-4963', 'ipsec.modern-driver', 'ipsec.tier-2']);
    expect(r.fields).toContain('RemoteAddress');
  });

  it('a shared ID (SCM 7023) gets a rule only from a text that names the IPsec service; the template alone is skipped', () => {
    expect(set.skipped).toContainEqual({ playbook: 'console/ping', code: 'no-event', reason: 'no event (log + source + ID) in the catalogue' });
    expect(set.skipped.filter((s) => s.playbook === 'modern-services/scm-events').map((s) => s.code)).toEqual(['shared-id']);
    expect(set.rules.filter((r) => r.eventId === 7023).map((r) => [r.playbooks, r.rule.detection])).toEqual([
      [['modern-services/ikeext-stopped'], { selection: { EventID: 7023, Provider_Name: 'Service Control Manager' }, keywords: ['IKE and AuthIP IPsec Keying Modules サービスは次のエラーで終了しました:', 'The IKE and AuthIP IPsec Keying Modules service terminated with the following error:'].reverse(), condition: 'selection and keywords' }],
    ]);
    const other = { Channel: 'System', Provider_Name: 'Service Control Manager', EventID: 7023, Message: 'The Print Spooler service terminated with the following error: \nThe system cannot find the file specified.' };
    expect(set.rules.filter((r) => matches(r.rule, other))).toEqual([]);
  });

  it('correlations count the bare event rules and are skipped when none exist', () => {
    const mm = set.correlations.find((c) => c.rule.name === 'mr_main_mode_failures_one_peer')!;
    expect(mm.rule.correlation).toEqual({ type: 'event_count', rules: ['win_security_4653_modern_ike_event_4653'], 'group-by': ['Computer', 'RemoteAddress'], timespan: '10m', condition: { gte: 10 } });
    expect(set.correlations.find((c) => c.rule.name === 'mr_clear_text_drops_repeated')!.rule.correlation.rules).toEqual(['win_security_4963_modern_driver_clear_text']);
    expect(set.skipped).toContainEqual({ playbook: '(correlation ipsec_services_down)', code: 'no-members', reason: 'no detection rule yet for events 5453, 5484' });
  });

  it('the reason rule matches the 4653 XML fixture of the decoder tests and the generic rule does too; 4654 does not', () => {
    const xml = readFileSync(join(ROOT, 'test/fixtures/decode/event-4653.xml'), 'utf8');
    const ev: Record<string, string | number> = { Channel: 'Security', EventID: 4653, Provider_Name: SA };
    for (const d of xml.matchAll(/<Data Name="([^"]+)">([^<]*)<\/Data>/g)) ev[d[1]] = d[2];
    expect(set.rules.filter((r) => matches(r.rule, ev)).map((r) => r.file)).toEqual(['win_security_4653_ike_main_mode_no_policy_configured_13825.yml', 'win_security_4653_modern_ike_event_4653.yml']);
    expect(set.rules.filter((r) => matches(r.rule, { ...ev, EventID: 4654 }))).toEqual([]);
  });
});

describe('queries', () => {
  it('SPL and KQL for a 4653 reason rule', () => {
    const r = byFile.get('win_security_4653_ike_main_mode_no_policy_configured_13825.yml')!;
    expect(splQuery(r).split('\n').slice(1)).toEqual([
      'source="WinEventLog:Security" EventCode=4653 (Message="*No policy configured*" OR Message="*ポリシーが構成されていません*")',
      '| table _time host EventCode SourceName Message',
    ]);
    expect(kqlQuery(r).split('\n').slice(1)).toEqual([
      'SecurityEvent',
      '| where EventID == 4653 and EventSourceName in~ ("Microsoft-Windows-Security-Auditing")',
      '| where EventData contains "No policy configured" or EventData contains "ポリシーが構成されていません"',
      '| project TimeGenerated, Computer, EventID, Activity, EventData',
    ]);
  });
  it('System-log rules use the Event table and the source names; quotes are escaped', () => {
    const c = buildSigma({ ...cat, playbooks: [pb('ipsec-driver/clear-text', { kind: 'event', events: [{ id: 4284, log: 'System', sources: ['IPSEC', 'IPSec'], os: ['2003'] }] })] } as Catalogue);
    const r = c.rules[0];
    expect(splQuery(r)).toContain('source="WinEventLog:System" EventCode=4284 SourceName IN ("IPSEC", "IPSec")');
    expect(kqlQuery(r)).toContain('Event\n| where EventLog == "System" and Source in~ ("IPSEC", "IPSec") and EventID == 4284');
    const q = { ...r, rule: { ...r.rule, detection: { ...r.rule.detection, keywords: ['say "hi" \\ there'] } } };
    expect(splQuery(q)).toContain('Message="*say \\"hi\\" \\\\ there*"');
    expect(kqlQuery(q)).toContain('RenderedDescription contains "say \\"hi\\" \\\\ there"');
  });
  it('a correlation counts per window and group in both languages', () => {
    const mm = set.correlations.find((c) => c.rule.name === 'mr_main_mode_failures_one_peer')!;
    expect(splCorrelation(mm).split('\n').slice(1)).toEqual(['(source="WinEventLog:Security" EventCode=4653)', '| bin _time span=10m', '| stats count by _time host RemoteAddress', '| where count >= 10']);
    expect(kqlCorrelation(mm).split('\n').slice(1)).toEqual([
      'SecurityEvent',
      '| where EventID == 4653 and EventSourceName in~ ("Microsoft-Windows-Security-Auditing")',
      `| extend RemoteAddress = extract(@'Name="RemoteAddress">([^<]*)<', 1, EventData)`,
      '| summarize Count = count() by bin(TimeGenerated, 10m), Computer, RemoteAddress',
      '| where Count >= 10',
    ]);
  });
});

describe('text', () => {
  it('keeps the literal part of a template', () => {
    expect(literalText('Received %2 packet(s) in the clear from %3 which should have been secured.\\nThis could be a temporary glitch')).toBe('This could be a temporary glitch');
    expect(literalText('Negotiation timed out | Processed first (SA) payload')).toBe('Negotiation timed out');
    expect(literalText('ネゴシエーションがタイムアウトしました。- 最初の SA ペイロードを処理しました。')).toBe('ネゴシエーションがタイムアウトしました');
    expect(literalText('<IP アドレス> から <個数> 個')).toBe('から');
  });
});

describe('zip and export', () => {
  it('the zip holds exactly the files npm run export:sigma writes, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigma-export-'));
    // Export from the real catalogue through the real script, then compare with the zip the site publishes.
    execFileSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'scripts/export-sigma.ts'), dir], { cwd: ROOT, env: { ...process.env, SITE_URL: '', BASE_PATH: '/' } });
    const realCat = JSON.parse(readFileSync(join(ROOT, 'src/generated/catalogue.json'), 'utf8')) as Catalogue;
    const { files } = sigmaBundle(realCat, { siteUrl: '', base: '/' });
    const unzipped = unzipSync(sigmaZip(files));
    const exported = readdirSync(dir).sort();
    expect(Object.keys(unzipped).sort()).toEqual(exported);
    expect(exported.length).toBe(files.length);
    for (const name of exported) expect(Buffer.from(unzipped[name]).equals(readFileSync(join(dir, name))), name).toBe(true);
  });
  it('two zips of the same rules are the same bytes, and the export removes only its own stale rules', () => {
    const files = sigmaFiles(set);
    expect(Buffer.from(sigmaZip(files)).equals(Buffer.from(sigmaZip(sigmaFiles(buildSigma(cat, { siteUrl: 'https://kb.example', base: '/kb/' })))))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'sigma-stale-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'win_security_1_old.yml'), '# Generated from the IPsec Playbooks catalogue (old)\n');
    writeFileSync(join(dir, 'mine.yml'), 'title: kept\n');
    execFileSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'scripts/export-sigma.ts'), dir], { cwd: ROOT });
    const left = readdirSync(dir);
    expect(left).toContain('mine.yml');
    expect(left).not.toContain('win_security_1_old.yml');
  });
});
