/** nslookup output (English and Japanese). */
import type { Ctx } from '../context.ts';
import { coverLines, fact } from '../context.ts';
import type { Fact } from '../types.ts';
import { findIPv4 } from '../text.ts';
import { blockEnd, blockLines, cmdFinding, kvAt, spanOf } from './util.ts';

export function isNslookupStart(ctx: Ctx, i: number, t: string): boolean {
  if (t.startsWith('Default Server:') || t.startsWith('既定のサーバー:') || t.startsWith('Non-authoritative answer') || t.startsWith('権限のない回答') || t.startsWith('DNS request timed out') || t.startsWith('DNS 要求がタイムアウトしました')) return true;
  if (t.startsWith('*** ') && (t.includes("can't find") || t.includes('見つけられません') || t.includes('見つかりません') || t.includes('Non-existent domain'))) return true;
  if (t.startsWith('Server:') || t.startsWith('サーバー:')) {
    // next content line is "Address:"
    for (let k = i + 1; k < ctx.lines.count && k <= i + 2; k++) {
      const s = ctx.lines.starts[k];
      const e = ctx.lines.ends[k];
      const line = ctx.text.slice(s, Math.min(e, s + 40)).trim();
      if (line.startsWith('Address:') || line.startsWith('Addresses:') || line.startsWith('アドレス:')) return true;
    }
  }
  return false;
}

export function readNslookup(ctx: Ctx, i: number, kind: number): number {
  const j = blockEnd(ctx, i, kind);
  const lines = blockLines(ctx, i, j);
  const used: number[] = [];
  const facts: Fact[] = [];
  const answers: string[] = [];
  const errors: string[] = [];
  let section: 'server' | 'answer' = 'server';
  let name: string | undefined;
  let server: string | undefined;
  let lastKey = '';
  for (const l of lines) {
    const t = l.text;
    if (t.startsWith('***') || t.startsWith('DNS request timed out') || t.startsWith('DNS 要求がタイムアウトしました') || t.startsWith('timeout was') || t.startsWith('タイムアウト')) {
      const msg = t.replace(/^\*+\s*/, '');
      errors.push(msg);
      if (!name) {
        const cf = msg.indexOf("can't find ");
        const ja = msg.indexOf(' を見つけられません');
        if (cf >= 0) name = msg.slice(cf + 11, msg.indexOf(':', cf) > 0 ? msg.indexOf(':', cf) : undefined).trim();
        else if (ja > 0) name = msg.slice(msg.lastIndexOf(' が ', ja) + 3, ja).trim();
      }
      facts.push(fact('error', 'エラー', t, [l.s, l.e]));
      used.push(l.i);
      continue;
    }
    if (t.startsWith('Non-authoritative answer') || t.startsWith('権限のない回答')) {
      used.push(l.i);
      facts.push(fact('nonAuthoritative', '回答の種類', '権限のない回答 (キャッシュ)', [l.s, l.e]));
      continue;
    }
    const kv = kvAt(ctx.text, l.s, l.e);
    if (kv) {
      const k = kv.norm;
      if (k === 'server' || k === 'サーバー' || k === 'defaultserver' || k === '既定のサーバー') {
        server = kv.value;
        section = 'server';
        facts.push(fact('dnsServer', 'DNS サーバー', kv.value, kv.valueSpan, kv.value.toLowerCase() === 'unknown' ? undefined : 'fqdn'));
      } else if (k === 'address' || k === 'addresses' || k === 'アドレス') {
        if (section === 'server' && !name) facts.push(fact('dnsServerAddress', 'DNS サーバーのアドレス', kv.value, kv.valueSpan, 'ip'));
        else {
          answers.push(kv.value);
          facts.push(fact('address', '解決されたアドレス', kv.value, kv.valueSpan, 'ip'));
        }
      } else if (k === 'name' || k === '名前') {
        name = kv.value;
        section = 'answer';
        facts.push(fact('name', '名前', kv.value, kv.valueSpan, kv.value.includes('.') ? 'fqdn' : 'host'));
      } else if (k === 'aliases' || k === 'エイリアス') {
        facts.push(fact('alias', '別名', kv.value, kv.valueSpan, 'fqdn'));
      } else continue;
      lastKey = k;
      used.push(l.i);
      continue;
    }
    // continuation of "Addresses:" (indented addresses)
    const a = findIPv4(t);
    if (a && a[0] === 0 && (lastKey === 'addresses' || lastKey === 'address' || lastKey === 'アドレス')) {
      answers.push(t.slice(a[0], a[1]));
      facts.push(fact('address', '解決されたアドレス', t.slice(a[0], a[1]), [l.s + a[0], l.s + a[1]], 'ip'));
      used.push(l.i);
    }
  }
  for (const k of used) coverLines(ctx, k, k + 1);
  if (!used.length) return j;
  const span = spanOf(lines.filter((l) => used.includes(l.i)));
  const bad = errors.length > 0 || !answers.length;
  ctx.emit(
    cmdFinding(ctx, {
      title: bad ? `nslookup: ${name ?? '名前'} を解決できません${errors[0] ? ` (${errors[0]})` : ''}` : `nslookup: ${name ?? '名前'} → ${answers.join(', ')}`,
      meaning: bad
        ? `DNS サーバー${server ? ` ${server} ` : ''}から答えが得られていないので、IPsec の前に名前解決を直す必要があります。`
        : `DNS は ${answers.length} 個のアドレスを返しており、ドメイン名を引いた場合はこれがドメイン コントローラーのアドレスの一覧です。`,
      facts,
      span,
      severity: bad ? 'warning' : 'info',
      priority: bad ? 65 : 15,
      guide: 'guides/name-resolution',
    }),
  );
  return j;
}
