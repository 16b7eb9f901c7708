/**
 * Split pasted text into short search segments for the site search (Pagefind ANDs every word, so
 * the page searches each segment separately and merges the results).
 */
import { isIPv4 } from './text.ts';

const LABEL_NOISE = new Set(
  [
    'event type', 'event source', 'event category', 'event id', 'date', 'time', 'user', 'computer', 'description', 'log name', 'source', 'task category', 'level', 'keywords', 'opcode',
    '種類', 'ソース', '分類', 'イベント id', '日付', '時刻', 'ユーザー', 'コンピュータ', 'コンピューター', '説明', 'ログの名前', 'タスクのカテゴリ', 'レベル', 'キーワード',
    'mode', 'filter', 'peer identity', 'failure point', 'failure reason', 'extra status', 'parameters', 'me', 'peer', 'n/a',
    'モード', 'フィルタ', '失敗点', '失敗の理由', '追加の状態',
  ],
);

function isNoiseToken(w: string): boolean {
  if (!w) return true;
  if (isIPv4(w)) return true;
  let digits = 0;
  let hex = 0;
  let other = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if ((c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46) || c === 0x78 || c === 0x58) hex++;
    else other++;
  }
  if (other === 0 && digits > 0 && (digits + hex) === w.length && w.length > 4 && !w.toLowerCase().startsWith('0x')) return true; // long numbers / hex dumps
  if (other === 0 && digits > 0 && hex === 0 && w.length >= 5) return true;
  // timestamps and dates: only digits and separators
  let sep = 0;
  for (let i = 0; i < w.length; i++) if (':/-.'.includes(w[i])) sep++;
  if (sep > 0 && digits + sep === w.length) return true;
  return false;
}

/** NFKC, split into segments (lines, 。, ：/:, sentence ends), drop noise, dedupe; at most `max`. */
export function searchSegments(text: string, max = 30): string[] {
  if (typeof text !== 'string' || !text) return [];
  let t = text.length > 200_000 ? text.slice(0, 200_000) : text;
  try {
    t = t.normalize('NFKC');
  } catch {
    /* keep as is */
  }
  const raw: string[] = [];
  let cur = '';
  const push = () => {
    if (cur) raw.push(cur);
    cur = '';
  };
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    const c = t.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || ch === '。' || ch === '：' || ch === '|' || ch === '\t') {
      push();
      continue;
    }
    if (ch === ':') {
      const nx = t[i + 1];
      // keep "C:\" and "10:05" together
      if (nx === '\\' || nx === '/' || (nx >= '0' && nx <= '9' && i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9')) {
        cur += ch;
        continue;
      }
      push();
      continue;
    }
    if ((ch === '.' || ch === '!' || ch === '?') && (i + 1 >= t.length || t[i + 1] === ' ' || t[i + 1] === '\n')) {
      push();
      continue;
    }
    cur += ch;
    if (cur.length > 400) push();
  }
  push();
  const out: string[] = [];
  const seen = new Set<string>();
  for (const seg of raw) {
    const words = seg.split(' ').filter((w) => w.length > 0 && !isNoiseToken(w.replace(/[()[\],;"'<>]/g, '')));
    let s = words.join(' ').trim();
    while (s.startsWith('-') || s.startsWith('>') || s.startsWith('*') || s.startsWith('•')) s = s.slice(1).trim();
    if (s.length < 2) continue;
    let letters = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0x3040) letters++;
    }
    if (letters < 2) continue;
    const key = s.toLowerCase();
    if (LABEL_NOISE.has(key) || seen.has(key)) continue;
    if (s.length > 160) {
      const cut = s.lastIndexOf(' ', 160);
      s = s.slice(0, cut > 40 ? cut : 160);
    }
    seen.add(key);
    out.push(s);
    if (out.length >= max) break;
  }
  return out;
}
