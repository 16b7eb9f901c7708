/**
 * Property: a paste with known identifying values in every position and format leaves none of them
 * in the redacted text, while the facts (Windows messages, codes) stay readable next to placeholders.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Redactor, redact } from './index.ts';
import { createRedactor } from '../packet/redact.ts';
import { decode } from '../decode/index.ts';
import { testCatalogue } from '../../../test/fixtures/decode/test-catalogue.ts';

const cat = testCatalogue();

const up = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const low = up.toLowerCase();
const KANJI = '鈴木佐藤高橋渡辺伊藤山本中村小林加藤吉田';
const str = (chars: string, min: number, max: number) => fc.string({ unit: fc.constantFrom(...chars), minLength: min, maxLength: max });
const digits = (min: number, max: number) => str('0123456789', min, max);
const byte = fc.integer({ min: 0, max: 255 });
const hex2 = byte.map((b) => b.toString(16).padStart(2, '0'));

/** Upper-case NetBIOS name with a digit (found without a label). */
const netbios = fc.tuple(str(up, 2, 6), digits(1, 3)).map(([a, d]) => `Q${a}${d}`);
const jaName = str(KANJI, 2, 4);
const mixedHost = fc.tuple(str(KANJI, 2, 3), digits(2, 3)).map(([k, d]) => `${k}-PC${d}`);
const asciiUser = str(low, 4, 8).map((s) => `u${s}`);
const domain = str(up, 3, 6).map((s) => `DQ${s}`);
const dnsDomain = str(low, 3, 6).map((s) => `dq${s}.co.jp`);
const private4 = fc.oneof(
  fc.tuple(byte, byte, byte).map(([a, b, c]) => `10.${a}.${b}.${Math.max(1, c)}`),
  fc.tuple(fc.integer({ min: 16, max: 31 }), byte, byte).map(([a, b, c]) => `172.${a}.${b}.${Math.max(1, c)}`),
  fc.tuple(byte, byte).map(([b, c]) => `192.168.${b}.${Math.max(1, c)}`),
);
const ipv6 = fc.tuple(fc.integer({ min: 1, max: 0xffff }), fc.integer({ min: 1, max: 0xffff })).map(([a, b]) => `2001:db8:${a.toString(16)}::${b.toString(16)}`);
const mac = fc.tuple(fc.array(hex2, { minLength: 6, maxLength: 6 }), fc.constantFrom('-', ':')).map(([b, sep]) => b.join(sep).toUpperCase());
const sid = fc.tuple(fc.integer({ min: 1e8, max: 4e9 }), fc.integer({ min: 1e8, max: 4e9 }), fc.integer({ min: 1e8, max: 4e9 }), fc.integer({ min: 1000, max: 99999 })).map(([a, b, c, r]) => `S-1-5-21-${a}-${b}-${c}-${r}`);
const thumb = fc.array(hex2, { minLength: 20, maxLength: 20 }).map((b) => b.join(''));

const paste = fc.record({
  host: netbios,
  jaHost: mixedHost,
  jaUser: jaName,
  user: asciiUser,
  dom: domain,
  dns: dnsDomain,
  fqdnHost: netbios.map((h) => h.toLowerCase()),
  ip: private4,
  ip6: ipv6,
  mac,
  sid,
  thumb,
  ca: str(low, 4, 7).map((s) => `Cq${s} Issuing CA`),
  org: str(low, 4, 7).map((s) => `Oq${s} Corp`),
  ou: str(KANJI, 2, 3).map((s) => `${s}部`),
  order: fc.array(fc.nat(1000), { minLength: 40, maxLength: 40 }),
});

type P = typeof paste extends fc.Arbitrary<infer T> ? T : never;

/** Every way a value appears in pastes: labelled lines, free text, paths, UNC, file names, DNs, mail forms. */
function lines(p: P): string[] {
  const fq = `${p.fqdnHost}.${p.dns}`;
  return [
    `Computer: ${p.host}`,
    `コンピューター: ${p.jaHost}`,
    `ユーザー: ${p.dom}\\${p.jaUser}`,
    `User: ${p.dom}\\${p.user}`,
    `${p.host} から ${fq} に接続できない (${p.ip})。`,
    `${p.jaUser}さんの ${p.jaHost} で失敗。`,
    `open \\\\${p.host}\\share and \\\\${fq}\\public\\x.txt`,
    `files: ${p.host}_oakley.log, ${p.jaHost}_ipsec_547_events.txt, C:\\Users\\${p.user}\\Desktop\\trace.txt`,
    `IKE Peer Addr ${p.ip} peer ${p.ip}.500 v6 ${p.ip6}%12`,
    `Failure Reason: No response from peer / ピアから応答がありません (13805)`,
    `mail ${p.user}@${p.dns} and host/${fq}`,
    `Subject: CN=${fq}, OU=${p.ou}, O=${p.org}, L=Tokyo, C=JP`,
    `Issuer: CN=${p.ca}, DC=${p.dns.split('.')[0]}, DC=co, DC=jp`,
    `the chain ends at ${p.ca}.`,
    `Thumbprint: ${p.thumb}`,
    `Security ID: ${p.sid} (S-1-5-18 is SYSTEM)`,
    `Physical Address: ${p.mac}`,
    `${p.user} と ${p.jaUser} が ${p.dom} に所属`,
    `ＦＷ: ${p.host.replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))} の件`,
  ];
}

/** A value as it would be searched for in the output: full-width folded, case-insensitive. */
const fold = (s: string) => s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();

function secrets(p: P): string[] {
  return [p.host, p.jaHost, p.jaUser, p.user, p.dom, p.dns.split('.')[0], p.fqdnHost, p.ip, p.ip6, p.mac, p.sid, p.thumb, p.ca, p.org, p.ou, p.thumb.slice(0, 12), p.sid.split('-')[4]];
}

function shuffled(p: P): string {
  const ls = lines(p);
  return ls
    .map((l, i) => [p.order[i % p.order.length] * 100 + i, l] as const)
    .sort((a, b) => a[0] - b[0])
    .map((x) => x[1])
    .join('\n');
}

describe('redaction property', () => {
  it('no identifying value survives, in any position or format; facts stay readable', () => {
    fc.assert(
      fc.property(paste, (p) => {
        const text = shuffled(p);
        for (const out of [redact(text, new Redactor()), createRedactor().redact(text)]) {
          const f = fold(out);
          for (const v of secrets(p)) expect(f, `${v} survived in:\n${out}`).not.toContain(fold(v));
          expect(out).toContain('Failure Reason: No response from peer / ピアから応答がありません (13805)');
          expect(out).toContain('(S-1-5-18 is SYSTEM)');
          for (const k of ['IP', 'HOST', 'USER', 'DOMAIN', 'NAME', 'SID', 'MAC', 'CERT']) expect(out).toContain(`<${k}-1>`);
          // the same value keeps its placeholder: the address of the peer line is the one in free text
          const ip = /IKE Peer Addr (<IP-\d+>)/.exec(out)![1];
          expect(out).toContain(`(${ip})。`);
        }
      }),
      { numRuns: 120, seed: 11 },
    );
  });

  it('a decoded report (facts, summary, unrecognised text, verdict) leaves none of them in its JSON', () => {
    fc.assert(
      fc.property(paste, (p) => {
        const report = decode(shuffled(p), cat);
        const json = JSON.stringify(redact(report, new Redactor()));
        const f = fold(json);
        for (const v of secrets(p)) expect(f, v).not.toContain(fold(v));
      }),
      { numRuns: 40, seed: 12 },
    );
  });
});
