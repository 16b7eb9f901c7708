/**
 * Safe matchers for message templates.
 *
 * A template (`Received %2 packet(s) … from %3.`, `<IP アドレス> から … <個数> 個受信しました。`) is
 * compiled into literal fragments separated by bounded gaps. Matching never uses a regular
 * expression: one pass of a table-driven Aho–Corasick automaton over folded characters finds the
 * first fragment of every template, and a bounded forward check confirms the rest. All work is
 * capped by a budget proportional to the input length, so adversarial text cannot make it slow.
 */
import { FOLD, SKIP, isDigit, isAsciiAlnum, isSpace, prefixStartToEol } from './text.ts';

/** Longest gap (in folded characters) that a placeholder may fill. */
export const MAX_GAP = 200;
/** Length of the anchor (prefix of the first fragment) fed to the automaton. */
export const ANCHOR_LEN = 10;
/** Fragments shorter than this are not matched literally (they become part of a gap). */
const MIN_FRAGMENT = 2;
/** The first fragment must be at least this long to anchor a template. */
const MIN_FIRST = 4;

export interface Placeholder {
  /** As written in the template: `%2`, `<IP アドレス>`, `#` (a number), `…` (elision), `|` (547 composite join). */
  raw: string;
}

export interface CompiledTemplate {
  /** Folded literal fragments, in order. */
  fragments: string[];
  /** gaps[0] = placeholders before fragments[0]; gaps[i] between i-1 and i; gaps[n] after the last. */
  gaps: Placeholder[][];
  literalLength: number;
  /** True when the template has placeholders or elisions (a match is then 'template', not 'exact'). */
  variable: boolean;
}

/** Turn a Windows message template (ja or en) into fragments and gaps. Returns null when too short to match safely. */
export function compileTemplate(raw: string): CompiledTemplate | null {
  type Item = { lit: number } | { ph: string };
  const items: Item[] = [];
  const n = raw.length;
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    // "\n" / "\t" written as two characters in messages.tsv
    if (c === 0x5c && i + 1 < n) {
      const d = raw.charCodeAt(i + 1);
      if (d === 0x6e || d === 0x74 || d === 0x72) {
        i += 2;
        continue;
      }
    }
    if (c === 0x25 && i + 1 < n) {
      const d = raw.charCodeAt(i + 1);
      if (isDigit(d)) {
        let j = i + 1;
        while (j < n && j < i + 3 && isDigit(raw.charCodeAt(j))) j++;
        items.push({ ph: raw.slice(i, j) });
        i = j;
        continue;
      }
      if (d === 0x6e || d === 0x74 || d === 0x72 || d === 0x62 || d === 0x30 || d === 0x2e || d === 0x21 || d === 0x5f) {
        i += 2;
        continue;
      }
      if (d === 0x25) {
        items.push({ lit: 0x25 });
        i += 2;
        continue;
      }
    }
    if (c === 0x3c) {
      let j = i + 1;
      const lim = Math.min(n, i + 48);
      while (j < lim && raw.charCodeAt(j) !== 0x3e && raw.charCodeAt(j) !== 0x0a) j++;
      if (j < lim && raw.charCodeAt(j) === 0x3e) {
        items.push({ ph: raw.slice(i, j + 1) });
        i = j + 1;
        continue;
      }
      // unterminated placeholder (`<CN=ipsecPolicy{GUID}"`): runs to the next quote or space
      j = i + 1;
      while (j < lim && raw.charCodeAt(j) !== 0x22 && !isSpace(raw.charCodeAt(j))) j++;
      items.push({ ph: raw.slice(i, j) + '>' });
      i = j;
      continue;
    }
    if (c === 0x2e && raw.charCodeAt(i + 1) === 0x2e && raw.charCodeAt(i + 2) === 0x2e) {
      items.push({ ph: '…' });
      i += 3;
      while (i < n && raw.charCodeAt(i) === 0x2e) i++;
      continue;
    }
    if (c === 0x2026) {
      items.push({ ph: '…' });
      i++;
      continue;
    }
    if (c === 0x30fb && raw.charCodeAt(i + 1) === 0x30fb) {
      items.push({ ph: '…' });
      while (i < n && raw.charCodeAt(i) === 0x30fb) i++;
      continue;
    }
    if (c === 0x7c && i > 0 && raw.charCodeAt(i - 1) === 0x20 && raw.charCodeAt(i + 1) === 0x20) {
      items.push({ ph: '|' });
      i++;
      continue;
    }
    if (isDigit(c) && (i === 0 || !isAsciiAlnum(raw.charCodeAt(i - 1)))) {
      let j = i;
      while (j < n && (isDigit(raw.charCodeAt(j)) || (raw.charCodeAt(j) === 0x2e && isDigit(raw.charCodeAt(j + 1))))) j++;
      if (j >= n || !isAsciiAlnum(raw.charCodeAt(j)) || isDigit(raw.charCodeAt(j))) {
        items.push({ ph: '#' });
        i = j;
        continue;
      }
    }
    items.push({ lit: c });
    i++;
  }
  // Build fragments and gaps.
  const fragments: string[] = [];
  const gaps: Placeholder[][] = [[]];
  let cur = '';
  let variable = false;
  for (const it of items) {
    if ('lit' in it) {
      const f = FOLD[it.lit];
      if (f !== SKIP) cur += String.fromCharCode(f);
    } else {
      variable = true;
      if (cur.length > 0) {
        fragments.push(cur);
        gaps.push([]);
        cur = '';
      }
      gaps[gaps.length - 1].push({ raw: it.ph });
    }
  }
  if (cur.length > 0) {
    fragments.push(cur);
    gaps.push([]);
  }
  // Merge fragments that are too short to be matched on their own into the surrounding gaps.
  const outF: string[] = [];
  const outG: Placeholder[][] = [gaps[0]];
  for (let k = 0; k < fragments.length; k++) {
    const f = fragments[k];
    const short = f.length < MIN_FRAGMENT || (outF.length === 0 && f.length < MIN_FIRST);
    if (short) {
      variable = true;
      outG[outG.length - 1].push({ raw: '~' }, ...gaps[k + 1]);
    } else {
      outF.push(f);
      outG.push([...gaps[k + 1]]);
    }
  }
  if (outF.length === 0) return null;
  let literalLength = 0;
  for (const f of outF) literalLength += f.length;
  if (literalLength < 4) return null;
  return { fragments: outF, gaps: outG, literalLength, variable };
}

/** One template form registered in the automaton; `ref` is whatever the caller attaches. */
export interface FormEntry<T> {
  tpl: CompiledTemplate;
  ref: T;
}

export interface Budget {
  ops: number;
  exhausted: boolean;
}

export interface TemplateMatch<T> {
  form: FormEntry<T>;
  formIndex: number;
  start: number;
  end: number;
  /** Internal gap ranges (between fragments), untrimmed. */
  gaps: Array<[number, number]>;
  /** Text just before the match that fills a leading placeholder, when the template starts with one. */
  lead?: [number, number];
  /** Text just after the match that fills a trailing placeholder. */
  trail?: [number, number];
  partial: boolean;
  /** Folded literal characters actually matched (all of them unless partial). */
  matchedLiteral: number;
}

/**
 * Aho–Corasick automaton over the anchors of many templates, as a dense transition table on a
 * reduced alphabet (classes of folded characters). Built once per catalogue.
 */
export class TemplateSet<T> {
  readonly forms: FormEntry<T>[] = [];
  private cls = new Uint16Array(65536);
  private alpha = 1;
  private stride = 2;
  private next = new Int32Array(0);
  private outStart = new Int32Array(0);
  private outList: number[] = [];
  private anchorLen: number[] = [];
  private anchorForms: number[][] = [];
  private built = false;

  add(tpl: CompiledTemplate, ref: T): number {
    this.forms.push({ tpl, ref });
    this.built = false;
    return this.forms.length - 1;
  }

  build(): void {
    // Anchors (deduplicated).
    const anchorIdx = new Map<string, number>();
    const anchors: string[] = [];
    this.anchorForms = [];
    this.forms.forEach((f, fi) => {
      const a = f.tpl.fragments[0].slice(0, ANCHOR_LEN);
      let id = anchorIdx.get(a);
      if (id === undefined) {
        id = anchors.length;
        anchorIdx.set(a, id);
        anchors.push(a);
        this.anchorForms.push([]);
      }
      this.anchorForms[id].push(fi);
    });
    this.anchorLen = anchors.map((a) => a.length);
    // Alphabet classes.
    const classOf = new Map<number, number>();
    for (const a of anchors) for (let i = 0; i < a.length; i++) if (!classOf.has(a.charCodeAt(i))) classOf.set(a.charCodeAt(i), classOf.size + 1);
    this.alpha = classOf.size + 1;
    // Skipped characters get their own class (the last column), whose transition keeps the state:
    // the scan loop then needs no branch for them.
    const skipClass = this.alpha;
    const cls = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) {
      const f = FOLD[c];
      cls[c] = f === SKIP ? skipClass : (classOf.get(f) ?? 0);
    }
    this.cls = cls;
    // Trie.
    const A = this.alpha;
    const go: Array<Map<number, number>> = [new Map()];
    const own: number[][] = [[]];
    anchors.forEach((a, ai) => {
      let s = 0;
      for (let i = 0; i < a.length; i++) {
        const k = classOf.get(a.charCodeAt(i)) as number;
        let t = go[s].get(k);
        if (t === undefined) {
          t = go.length;
          go.push(new Map());
          own.push([]);
          go[s].set(k, t);
        }
        s = t;
      }
      own[s].push(ai);
    });
    const N = go.length;
    const delta = N < 65535 ? new Uint16Array(N * A) : new Int32Array(N * A);
    const fail = new Int32Array(N);
    const outs: number[][] = own.map((o) => [...o]);
    const queue: number[] = [];
    for (let k = 0; k < A; k++) {
      const t = go[0].get(k);
      if (t !== undefined) {
        delta[k] = t;
        fail[t] = 0;
        queue.push(t);
      } else delta[k] = 0;
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi];
      if (outs[fail[s]].length) outs[s].push(...outs[fail[s]]);
      for (let k = 0; k < A; k++) {
        const t = go[s].get(k);
        if (t !== undefined) {
          fail[t] = delta[fail[s] * A + k];
          delta[s * A + k] = t;
          queue.push(t);
        } else delta[s * A + k] = delta[fail[s] * A + k];
      }
    }
    // Row-encoded table for scanning: next row offset (target * stride), bitwise-NOT when the target
    // has outputs; the extra last column (skipped characters) stays in the same row, without output.
    const stride = A + 1;
    const next = new Int32Array(N * stride);
    for (let s = 0; s < N; s++) {
      for (let k = 0; k < A; k++) {
        const t = delta[s * A + k];
        next[s * stride + k] = outs[t].length ? ~(t * stride) : t * stride;
      }
      next[s * stride + A] = s * stride;
    }
    this.next = next;
    this.stride = stride;
    this.outStart = new Int32Array(N).fill(-1);
    this.outList = [];
    for (let s = 0; s < N; s++) {
      if (outs[s].length) {
        this.outStart[s] = this.outList.length;
        this.outList.push(outs[s].length, ...outs[s]);
      }
    }
    this.built = true;
  }

  /**
   * Scan consecutive line ranges (`ranges` = [s0, e0, s1, e1, …], one paragraph: the automaton state
   * carries across line breaks so wrapped messages still match) and return verified matches.
   */
  scan(text: string, ranges: ArrayLike<number>, budget: Budget): TemplateMatch<T>[] {
    if (!this.built) this.build();
    const out: TemplateMatch<T>[] = [];
    if (this.forms.length === 0) return out;
    const cls = this.cls;
    const next = this.next;
    let row = 0;
    const limitEnd = ranges.length ? ranges[ranges.length - 1] : 0;
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const s = ranges[r];
      const e = ranges[r + 1];
      budget.ops -= e - s;
      // the hot loop: one table load per character; everything else happens on the rare outputs
      for (let i = s; i < e; i++) {
        const v = next[row + cls[text.charCodeAt(i)]];
        if (v >= 0) {
          row = v;
          continue;
        }
        row = ~v;
        this.outputs(text, ranges, r, i, (row / this.stride) | 0, limitEnd, budget, out);
      }
    }
    return out;
  }

  /** Verify every template whose anchor ends at position i (automaton state `state`). */
  private outputs(text: string, ranges: ArrayLike<number>, r: number, i: number, state: number, limitEnd: number, budget: Budget, out: TemplateMatch<T>[]): void {
    const os = this.outStart[state];
    if (os < 0) return;
    const cnt = this.outList[os];
    for (let m = 1; m <= cnt; m++) {
      const ai = this.outList[os + m];
      const start = anchorStart(text, ranges, r, i, this.anchorLen[ai]);
      if (start < 0) continue;
      for (const fi of this.anchorForms[ai]) {
        if (budget.ops <= 0) {
          budget.exhausted = true;
          continue;
        }
        const mt = this.verify(text, fi, start, limitEnd, budget);
        if (mt) out.push(mt);
      }
    }
  }

  /** Check a whole template from the position of its first character; null when it does not match. */
  verify(text: string, fi: number, start: number, limitEnd: number, budget: Budget): TemplateMatch<T> | null {
    const form = this.forms[fi];
    const frags = form.tpl.fragments;
    let pos = matchAt(text, start, frags[0], limitEnd, budget);
    if (pos < 0) return null;
    const gaps: Array<[number, number]> = [];
    for (let j = 1; j < frags.length; j++) {
      const found = search(text, pos, frags[j], limitEnd, budget);
      if (!found) {
        let matched = 0;
        for (let q = 0; q < j; q++) matched += frags[q].length;
        return { form, formIndex: fi, start, end: pos, gaps, partial: true, matchedLiteral: matched };
      }
      gaps.push([pos, found[0]]);
      pos = found[1];
    }
    const m: TemplateMatch<T> = { form, formIndex: fi, start, end: pos, gaps, partial: false, matchedLiteral: form.tpl.literalLength };
    if (form.tpl.gaps[0].length) m.lead = leadingValue(text, start);
    if (form.tpl.gaps[frags.length].length) m.trail = trailingValue(text, pos, limitEnd);
    return m;
  }
}

/**
 * Start of an anchor of `len` folded characters that ends at i: the len-th non-skipped character
 * back from i, through the earlier ranges of the paragraph (the scan feeds only the ranges). -1
 * when the paragraph has fewer characters before i.
 */
function anchorStart(text: string, ranges: ArrayLike<number>, r: number, i: number, len: number): number {
  let need = len;
  let p = i;
  let lo = ranges[r];
  for (;;) {
    while (p >= lo) {
      if (FOLD[text.charCodeAt(p)] !== SKIP && --need === 0) return p;
      p--;
    }
    r -= 2;
    if (r < 0) return -1;
    lo = ranges[r];
    p = ranges[r + 1] - 1;
  }
}

/** Match folded literal `lit` at p; returns the position after the last matched character, or -1. */
function matchAt(text: string, p: number, lit: string, end: number, budget: Budget): number {
  const q = matchFrom(text, p, lit, 0, end);
  if (q >= 0) budget.ops -= lit.length;
  return q;
}

/** Match lit[i..] at p (skipped characters and line prefixes in between); no budget accounting. */
function matchFrom(text: string, p: number, lit: string, i: number, end: number): number {
  for (; i < lit.length; i++) {
    // advance over skipped characters (after a line break also over quote marks / prompts), inlined: the common case is a character that is not skipped
    let c = 0;
    let f = SKIP;
    while (p < end) {
      c = text.charCodeAt(p);
      f = FOLD[c];
      if (f !== SKIP) break;
      if (c === 0x0a) {
        const st = prefixStartToEol(text, p + 1, end);
        p = st > p + 1 ? st : p + 1;
      } else p++;
    }
    if (p >= end) return -1;
    if (f !== lit.charCodeAt(i)) return -1;
    p++;
  }
  return p;
}

/** Find `lit` starting within MAX_GAP folded characters of p. */
function search(text: string, p: number, lit: string, end: number, budget: Budget): [number, number] | null {
  const first = lit.charCodeAt(0);
  // the budget is counted in a local and written back on every exit (same accounting, no memory traffic per step)
  let ops = budget.ops;
  let seen = 0;
  while (seen <= MAX_GAP) {
    let c = 0;
    let f = SKIP;
    while (p < end) {
      c = text.charCodeAt(p);
      f = FOLD[c];
      if (f !== SKIP) break;
      if (c === 0x0a) {
        const st = prefixStartToEol(text, p + 1, end);
        p = st > p + 1 ? st : p + 1;
      } else p++;
    }
    if (p >= end) {
      budget.ops = ops;
      return null;
    }
    ops--;
    if (ops <= 0) {
      budget.ops = ops;
      budget.exhausted = true;
      return null;
    }
    if (f === first) {
      // the first character is already matched
      const q = matchFrom(text, p + 1, lit, 1, end);
      if (q >= 0) {
        budget.ops = ops - lit.length;
        return [p, q];
      }
    }
    p++;
    seen++;
  }
  budget.ops = ops;
  return null;
}

/** The token just before `pos` (an address or a count), for templates that start with a placeholder. */
function leadingValue(text: string, pos: number): [number, number] | undefined {
  let e = pos;
  while (e > 0 && (text.charCodeAt(e - 1) === 0x20 || text.charCodeAt(e - 1) === 0x09)) e--;
  let s = e;
  while (s > 0 && e - s < 64) {
    const c = text.charCodeAt(s - 1);
    if (isSpace(c) || c === 0x22 || c === 0x28 || c === 0x3a || c === 0x3002 || c === 0x3001) break;
    s--;
  }
  return s < e ? [s, e] : undefined;
}

/** The rest of the line after `pos` (up to a sentence end), for templates that end with a placeholder. */
function trailingValue(text: string, pos: number, end: number): [number, number] | undefined {
  let s = pos;
  while (s < end && (text.charCodeAt(s) === 0x20 || text.charCodeAt(s) === 0x09)) s++;
  let e = s;
  const lim = Math.min(end, s + 120);
  while (e < lim) {
    const c = text.charCodeAt(e);
    if (c === 0x0a || c === 0x0d || c === 0x3002) break;
    if (c === 0x2e && (e + 1 >= end || isSpace(text.charCodeAt(e + 1)))) break;
    e++;
  }
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return s < e ? [s, e] : undefined;
}

/**
 * Templates that the input ends in the middle of (a paste cut off mid-message). Looks only at the
 * last `window` characters; returns matches flagged partial.
 */
export function tailPartials<T>(set: TemplateSet<T>, text: string, end: number, window = 400): TemplateMatch<T>[] {
  // Folded tail with positions.
  const start = Math.max(0, end - window);
  let t = '';
  const pos: number[] = [];
  for (let i = start; i < end; i++) {
    const f = FOLD[text.charCodeAt(i)];
    if (f === SKIP) continue;
    t += String.fromCharCode(f);
    pos.push(i);
  }
  const out: TemplateMatch<T>[] = [];
  if (t.length < 8) return out;
  set.forms.forEach((form, fi) => {
    const frags = form.tpl.fragments;
    for (let j = 0; j < frags.length; j++) {
      const f = frags[j];
      if (f.length < 10) continue;
      const head = f.slice(0, 8);
      const at = t.lastIndexOf(head);
      if (at < 0) continue;
      const rest = t.slice(at);
      if (rest.length >= f.length || !f.startsWith(rest)) continue;
      if (j > 0) {
        const prev = frags[j - 1];
        const tailPrev = prev.slice(-Math.min(8, prev.length));
        const pi = t.lastIndexOf(tailPrev, at);
        if (pi < 0 || at - (pi + tailPrev.length) > MAX_GAP) continue;
      }
      let matched = rest.length;
      for (let q = 0; q < j; q++) matched += frags[q].length;
      out.push({ form, formIndex: fi, start: pos[at], end, gaps: [], partial: true, matchedLiteral: matched });
      break;
    }
  });
  return out;
}
