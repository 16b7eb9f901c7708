/**
 * Labelled lines whose value is a name (English and Japanese Windows, ipconfig, Vista+ event fields):
 * "Computer: X", "ユーザー: D\\u", "Host Name . . . : X". The redactor learns these values first.
 */
import type { PiiKind } from '../decode/types.ts';

/** Labelled lines whose value is a name (English and Japanese Windows, ipconfig, Vista+ event fields). */
export const LABELS: Array<[string, PiiKind | 'cert']> = [
  ['Computer Name', 'host'],
  ['Computer', 'host'],
  ['コンピューター名', 'host'],
  ['コンピュータ名', 'host'],
  ['コンピューター', 'host'],
  ['コンピュータ', 'host'],
  ['Workstation Name', 'host'],
  ['ワークステーション名', 'host'],
  ['Source Machine', 'host'],
  ['Host Name', 'host'],
  ['ホスト名', 'host'],
  ['User Name', 'user'],
  ['User', 'user'],
  ['ユーザー名', 'user'],
  ['ユーザー', 'user'],
  ['Account Name', 'user'],
  ['アカウント名', 'user'],
  ['Account Domain', 'domain'],
  ['アカウント ドメイン', 'domain'],
  ['Domain', 'domain'],
  ['ドメイン', 'domain'],
  ['Primary Dns Suffix', 'domain'],
  ['プライマリ DNS サフィックス', 'domain'],
  ['Connection-specific DNS Suffix', 'domain'],
  ['接続固有の DNS サフィックス', 'domain'],
  ['Issued To', 'name'],
  ['Issued By', 'name'],
  ['発行先', 'name'],
  ['発行者', 'name'],
  ['Issuer', 'name'],
  ['Subject', 'name'],
  ['サブジェクト', 'name'],
  ['Certification Authority', 'name'],
  ['CA Name', 'name'],
  ['CA 名', 'name'],
  ['Serial Number', 'cert'],
  ['シリアル番号', 'cert'],
];

/** The [kind, value] of every labelled line of the text (lines over 300 characters are not labels). */
export function labelledValues(s: string): Array<[PiiKind | 'cert', string]> {
  const out: Array<[PiiKind | 'cert', string]> = [];
  let pos = 0;
  let guard = 0;
  while (pos < s.length && guard++ < 200000) {
    let nl = s.indexOf('\n', pos);
    if (nl < 0) nl = s.length;
    if (nl - pos < 300) {
      const line = s.slice(pos, nl).trim().replace(/：/g, ':');
      for (const [lab, kind] of LABELS) {
        if (!line.startsWith(lab)) continue;
        // the label is the whole key: "User:" or "Host Name . . . :", not "Username" or "Computer Configuration"
        const c = line.indexOf(':', lab.length);
        if (c < 0 || !/^[\s.]*$/.test(line.slice(lab.length, c))) continue;
        const v = line.slice(c + 1).trim();
        if (v && v.length < 100) out.push([kind, v]);
        break;
      }
    }
    pos = nl + 1;
  }
  return out;
}
