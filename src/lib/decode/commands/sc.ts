/** sc query policyagent (and any service): RUNNING / STOPPED, exit codes. */
import type { Ctx } from '../context.ts';
import { coverLines, fact } from '../context.ts';
import { describeCode, readToken } from '../errors.ts';
import type { Fact, Span } from '../types.ts';
import { blockEnd, blockLines, cmdFinding, kvAt, words } from './util.ts';

export function isScStart(t: string): boolean {
  return t.startsWith('SERVICE_NAME:') || t.startsWith('[SC] ');
}

export function readSc(ctx: Ctx, i: number, kind: number): number {
  const j = blockEnd(ctx, i, kind);
  const lines = blockLines(ctx, i, j);
  const used: number[] = [];
  type Svc = { name: string; facts: Fact[]; state?: string; exit?: string; lines: number[]; span: Span };
  const svcs: Svc[] = [];
  let cur: Svc | null = null;
  for (const l of lines) {
    const t = l.text;
    if (t.startsWith('[SC] ')) {
      used.push(l.i);
      const r = readToken(ctx.idx, words(t).pop() ?? '', true);
      ctx.emit(cmdFinding(ctx, { title: `sc: ${t}`, meaning: 'sc コマンドがエラーを返しました。', facts: r[0]?.code ? [fact('code', 'エラー コード', describeCode(r[0].code), [l.s, l.e])] : [], span: [l.s, l.e], severity: 'warning', priority: 50, guide: 'guides/ipsec-service' }));
      continue;
    }
    const kv = kvAt(ctx.text, l.s, l.e);
    if (kv && kv.norm === 'servicename') {
      cur = { name: kv.value, facts: [fact('service', 'サービス', kv.value, kv.valueSpan)], lines: [l.i], span: [l.s, l.e] };
      svcs.push(cur);
      used.push(l.i);
      continue;
    }
    if (!cur) continue;
    cur.span = [cur.span[0], l.e];
    used.push(l.i);
    if (!kv) continue;
    const w = words(kv.value);
    if (kv.norm === 'state') {
      cur.state = w[1] ?? w[0];
      cur.facts.push(fact('state', '状態', kv.value, kv.valueSpan));
    } else if (kv.norm === 'win32exitcode' || kv.norm === 'serviceexitcode') {
      cur.facts.push(fact(kv.norm, kv.key.trim(), kv.value, kv.valueSpan));
      if (w[0] && w[0] !== '0') {
        cur.exit = w[0];
        const r = readToken(ctx.idx, w[0], true).find((x) => x.code);
        if (r?.code) cur.facts.push(fact('exitMeaning', '終了コードの意味', describeCode(r.code), kv.valueSpan));
      }
    } else if (kv.norm === 'type' || kv.norm === 'displayname') cur.facts.push(fact(kv.norm, kv.key.trim(), kv.value, kv.valueSpan));
  }
  for (const k of used) coverLines(ctx, k, k + 1);
  for (const s of svcs) {
    const ipsec = ['policyagent', 'ipsec', 'ikeext', 'bfe', 'mpssvc'].includes(s.name.toLowerCase());
    const running = s.state === 'RUNNING';
    const stopped = s.state === 'STOPPED';
    ctx.emit(
      cmdFinding(ctx, {
        title: `sc query: ${s.name} は ${s.state ?? '状態不明'}${s.exit ? ` (終了コード ${s.exit})` : ''}`,
        meaning: ipsec
          ? running
            ? 'IPsec サービス (PolicyAgent) は動いています。'
            : 'IPsec サービスが動いていないため、ポリシーは適用されず IKE も応答しません。'
          : 'サービスの状態です。',
        facts: s.facts,
        span: s.span,
        severity: ipsec && stopped ? 'error' : 'info',
        priority: ipsec && stopped ? 95 : ipsec ? 20 : 10,
        guide: 'guides/ipsec-service',
      }),
    );
  }
  return j;
}
