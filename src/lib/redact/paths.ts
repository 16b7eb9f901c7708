/** Windows paths and built-in principals, which the redactor copies as they are (except profile folders). */
import { startsWithCI } from '../decode/text.ts';
import { PRINCIPAL_DOMAINS } from './policy.ts';
import { isAlnum, isNameChar } from './scan.ts';

/** Multi-word folder names that a path may contain (a space otherwise ends a path). */
const SPACED_FOLDERS = ['Program Files (x86)', 'Program Files', 'Common Files', 'Documents and Settings', 'Local Settings', 'Application Data', 'Windows NT', 'Internet Explorer', 'Start Menu', 'All Users', 'Default User', 'Support Tools', 'Resource Kit', 'Windows Resource Kits', 'Windows Defender', 'Windows Mail', 'Windows Media Player', 'System Volume Information'];
/** Profile folders that are not a person's name. */
const GENERIC_PROFILES = new Set(['public', 'default', 'default user', 'all users', 'administrator', 'localservice', 'networkservice', 'systemprofile']);

/**
 * A Windows path that starts at i ("C:\…", "%SystemRoot%\…"; also escaped as in JSON, "C:\\Users\\…"): its end
 * and its text, in which only a profile folder (C:\Users\alice, …\Documents and Settings\alice) is replaced, by what
 * `profile` returns, and a folder named by a SID (C:\$Recycle.Bin\S-1-5-21-…), by what `sid` returns.
 */
export function pathAt(s: string, i: number, profile: (name: string) => string | null, sid: (seg: string) => string | null = () => null): { end: number; text: string } | null {
  const c = s.charCodeAt(i);
  let p: number;
  if (((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) && s.charCodeAt(i + 1) === 0x3a && s.charCodeAt(i + 2) === 0x5c) p = i + 2;
  else if (c === 0x25) {
    // %VARIABLE%\
    let q = i + 1;
    while (q < s.length && q - i < 40 && (isAlnum(s.charCodeAt(q)) || s.charCodeAt(q) === 0x5f || s.charCodeAt(q) === 0x28 || s.charCodeAt(q) === 0x29)) q++;
    if (q === i + 1 || s.charCodeAt(q) !== 0x25 || s.charCodeAt(q + 1) !== 0x5c) return null;
    p = q + 1;
  } else return null;
  // the separator: one backslash, or two where the path is escaped (JSON, C strings); it stays the same to the end
  const sep = s.charCodeAt(p + 1) === 0x5c ? '\\\\' : '\\';
  p += sep.length;
  let text = s.slice(i, p);
  let prevSeg = '';
  for (;;) {
    let e = p;
    for (const f of SPACED_FOLDERS) {
      if (startsWithCI(s, p, f)) {
        const after = p + f.length < s.length ? s.charCodeAt(p + f.length) : 0;
        if (!isPathChar(after) || after === 0x5c) {
          e = p + f.length;
          break;
        }
      }
    }
    if (e === p) while (e < s.length && isPathChar(s.charCodeAt(e))) e++;
    const seg = s.slice(p, e);
    const low = prevSeg.toLowerCase();
    // the folder of a user profile is the user's name
    const more = s.startsWith(sep, e);
    const user = seg && (low === 'users' || low === 'documents and settings') && !GENERIC_PROFILES.has(seg.toLowerCase()) && (more || !/\.[A-Za-z0-9]{1,5}$/.test(seg)) ? profile(seg) : null;
    text += user ?? (/^S-1-\d+(?:-\d+)+$/i.test(seg) ? (sid(seg) ?? seg) : seg);
    if (!more) return { end: e, text };
    text += sep;
    prevSeg = seg;
    p = e + sep.length;
  }
}

function isPathChar(c: number): boolean {
  // characters of a path segment: anything but white space, separators and the characters Windows forbids
  return c > 0x20 && c !== 0x5c && c !== 0x2f && c !== 0x3c && c !== 0x3e && c !== 0x3a && c !== 0x22 && c !== 0x7c && c !== 0x3f && c !== 0x2a && c !== 0x3001 && c !== 0x3002 && c !== 0x3000 && c !== 0x2c && c !== 0x3b;
}

/** End of "NT AUTHORITY\name", "BUILTIN\name" or "NT SERVICE\name" starting at i (i when none). */
export function principalAt(s: string, i: number): number {
  const c = s.charCodeAt(i) | 0x20;
  if (c !== 0x6e && c !== 0x62) return i;
  for (const d of PRINCIPAL_DOMAINS) {
    if (!startsWithCI(s, i, d)) continue;
    // the account name (first word) after the backslash
    let j = i + d.length;
    while (j < s.length && isNameChar(s.charCodeAt(j))) j++;
    return j;
  }
  return i;
}
