/** gpresult output: where policy came from, when, which GPOs applied or were filtered. */
import type { Ctx } from '../context.ts';
import { coverLines, fact } from '../context.ts';
import type { Fact, Span } from '../types.ts';
import { blockEnd, blockLines, cmdFinding, kvAt } from './util.ts';

export function isGpresultStart(t: string): boolean {
  return (
    (t.startsWith('Microsoft (R) Windows (R)') && t.includes('Group Policy')) ||
    t.startsWith('RSOP data for') ||
    t.startsWith('RSOP results for') ||
    t.startsWith('COMPUTER SETTINGS') ||
    t.startsWith('USER SETTINGS') ||
    t.startsWith('コンピュータの設定') ||
    t.startsWith('コンピューターの設定') ||
    t.startsWith('ユーザーの設定') ||
    (t.startsWith('RSOP') && t.includes('データ'))
  );
}

type Section = 'none' | 'computer' | 'user';
type List = 'none' | 'applied' | 'filtered' | 'groups';

export function readGpresult(ctx: Ctx, i: number, kind: number): number {
  const j = blockEnd(ctx, i, kind);
  const lines = blockLines(ctx, i, j);
  const used: number[] = [];
  const facts: Fact[] = [];
  let section: Section = 'none';
  let list: List = 'none';
  const applied: string[] = [];
  const filtered: Array<{ name: string; reason?: string }> = [];
  let lastApplied: string | undefined;
  let appliedFrom: string | undefined;
  let slow: string | undefined;
  for (const l of lines) {
    const t = l.text;
    if (t.startsWith('COMPUTER SETTINGS') || t.startsWith('コンピュータの設定') || t.startsWith('コンピューターの設定')) {
      section = 'computer';
      list = 'none';
      used.push(l.i);
      continue;
    }
    if (t.startsWith('USER SETTINGS') || t.startsWith('ユーザーの設定')) {
      section = 'user';
      list = 'none';
      used.push(l.i);
      continue;
    }
    if (t.startsWith('Applied Group Policy Objects') || t.startsWith('適用されたグループ ポリシー オブジェクト')) {
      list = 'applied';
      used.push(l.i);
      continue;
    }
    if (t.startsWith('The following GPOs were not applied') || t.startsWith('次の GPO は') || t.startsWith('以下の GPO は')) {
      list = 'filtered';
      used.push(l.i);
      continue;
    }
    if (t.includes('security groups') || t.includes('セキュリティ グループ')) {
      list = 'groups';
      used.push(l.i);
      continue;
    }
    if (t.startsWith('Microsoft (R)') || t.startsWith('Copyright') || t.startsWith('Created On') || t.startsWith('RSOP') || t.startsWith('作成日')) {
      used.push(l.i);
      if (t.startsWith('RSOP data for') || t.startsWith('RSOP results for')) {
        const on = t.lastIndexOf(' on ');
        const forAt = t.indexOf(' for ') + 5;
        const colon = t.lastIndexOf(' : ');
        if (on > forAt) {
          const who = t.slice(forAt, on);
          const host = t.slice(on + 4, colon > on ? colon : undefined).trim();
          facts.push(fact('user', 'ユーザー', who, [l.s + forAt, l.s + on], 'user'));
          facts.push(fact('computer', 'コンピューター', host, [l.s + on + 4, l.s + on + 4 + host.length], 'host'));
        }
      }
      continue;
    }
    const kv = kvAt(ctx.text, l.s, l.e);
    if (kv && kv.value) {
      const k = kv.norm;
      if (section === 'computer' && (k.startsWith('lasttimegrouppolicywasapplied') || k.startsWith('最後にグループポリシーが適用された'))) {
        lastApplied = kv.value;
        facts.push(fact('lastApplied', '最後に適用された時刻 (コンピューター)', kv.value, kv.valueSpan));
      } else if (section === 'computer' && (k.startsWith('grouppolicywasappliedfrom') || k.startsWith('グループポリシーの適用元'))) {
        appliedFrom = kv.value;
        facts.push(fact('appliedFrom', '適用元のドメイン コントローラー', kv.value, kv.valueSpan, 'fqdn'));
      } else if (k.startsWith('connectedoveraslowlink') || k.startsWith('低速リンク')) {
        slow = kv.value;
        facts.push(fact('slowLink', '低速リンク', kv.value, kv.valueSpan));
      } else if (k === 'domainname' || k === 'ドメイン名') facts.push(fact('domain', 'ドメイン', kv.value, kv.valueSpan, 'domain'));
      else if (k === 'sitename' || k === 'サイト名') facts.push(fact('site', 'サイト', kv.value, kv.valueSpan, 'name'));
      else if ((k === 'filtering' || k === 'フィルタ') && list === 'filtered' && filtered.length) filtered[filtered.length - 1].reason = kv.value;
      used.push(l.i);
      continue;
    }
    if (list !== 'none' && !kv) {
      if (list === 'applied' && section === 'computer') applied.push(t);
      if (list === 'filtered' && section === 'computer') filtered.push({ name: t });
      used.push(l.i);
      continue;
    }
    if (t.startsWith('CN=') || t.startsWith('OU=')) used.push(l.i);
  }
  for (const k of used) coverLines(ctx, k, k + 1);
  if (!used.length) return j;
  const span: Span = [lines[0].s, lines[lines.length - 1].e];
  if (applied.length) facts.push(fact('appliedGpos', '適用された GPO (コンピューター)', applied.join('、'), span));
  if (filtered.length) facts.push(fact('filteredGpos', '適用されなかった GPO (コンピューター)', filtered.map((f) => (f.reason ? `${f.name} (${f.reason})` : f.name)).join('、'), span));
  const denied = filtered.filter((f) => f.reason && (f.reason.includes('Denied') || f.reason.includes('拒否')));
  ctx.emit(
    cmdFinding(ctx, {
      title: lastApplied ? `gpresult: コンピューター ポリシーは ${lastApplied} に${appliedFrom ? ` ${appliedFrom} から` : ''}適用されています` : 'gpresult: コンピューター ポリシーの適用時刻が見つかりません',
      meaning: denied.length
        ? `アクセス拒否で適用されなかった GPO (${denied.map((d) => d.name).join('、')}) があり、IPsec ポリシーを含む GPO ならアクセス許可を確認します。`
        : slow && (slow.toLowerCase().startsWith('yes') || slow.startsWith('はい'))
          ? '低速リンクと判定されており、IPsec ポリシーの適用に影響することがあります。'
          : 'グループ ポリシーがいつ、どこから届いたか、どの GPO が適用されたかを示します。',
      facts,
      span,
      severity: denied.length || !lastApplied ? 'warning' : 'info',
      priority: denied.length ? 70 : lastApplied ? 20 : 45,
      guide: 'guides/policy-delivery',
      sensitive: ['policy-details'],
    }),
  );
  return j;
}
