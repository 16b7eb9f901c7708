/**
 * Binary XML of .evtx records: tokens → a small tree → event XML text as Event Viewer's XML view
 * shows it. Format: [MS-EVEN6] "Binary XML" (tokens 0x00–0x0f, 0x40 = "has more/attributes"),
 * and Joachim Metz's "Windows XML Event Log (EVTX) format" notes (libevtx docs).
 *
 * All offsets are chunk-relative, because names and templates are referenced by their offset in
 * the 64 KiB chunk: the string cache (names) and template cache live per chunk (ChunkCtx).
 */
import { EvtxError, need, u16, u32, u8, utf16At } from './bytes.ts';
import { T, arrayItems, renderValue } from './values.ts';

export interface Val {
  type: number;
  at: number;
  size: number;
}
export interface El {
  k: 'el';
  name: string;
  attrs: { name: string; value: Node[] }[];
  kids: Node[];
}
export type Node =
  | El
  | { k: 'text'; v: string }
  | { k: 'sub'; i: number; type: number; opt: boolean }
  | { k: 'tpl'; def: Node[]; values: Val[] }
  | { k: 'raw'; v: string };

/** Per-chunk caches: name strings and parsed template definitions, keyed by chunk offset. */
export interface ChunkCtx {
  buf: Uint8Array;
  names: Map<number, string>;
  templates: Map<number, Node[]>;
}

export function newChunkCtx(buf: Uint8Array): ChunkCtx {
  return { buf, names: new Map(), templates: new Map() };
}

const MAX_DEPTH = 48;

class Parser {
  p: number;
  private ctx: ChunkCtx;
  private b: Uint8Array;
  private end: number;
  private dep: boolean;
  private depth: number;

  constructor(ctx: ChunkCtx, p: number, end: number, dep: boolean, depth: number) {
    this.ctx = ctx;
    this.b = ctx.buf;
    this.p = p;
    this.end = end;
    this.dep = dep;
    this.depth = depth;
    if (depth > MAX_DEPTH) throw new EvtxError('Binary XML nested too deeply');
    if (end > this.b.length) throw new EvtxError('Binary XML runs past the chunk');
  }

  private tok(): number {
    if (this.p >= this.end) throw new EvtxError(`Binary XML ended early at ${this.p}`);
    return this.b[this.p];
  }

  /** Name structure: next offset (4), hash (2), char count (2), UTF-16 chars, NUL (2). */
  private name(): string {
    const off = u32(this.b, this.p);
    this.p += 4;
    let s = this.ctx.names.get(off);
    if (s === undefined) {
      const n = u16(this.b, off + 6);
      s = utf16At(this.b, off + 8, n);
      this.ctx.names.set(off, s);
    }
    // the name is stored right here (first use in the chunk): step over it
    if (off === this.p) this.p += 10 + u16(this.b, off + 6) * 2;
    return s;
  }

  /** Top level of a fragment: header, elements or a template instance, up to EOF. */
  fragment(): Node[] {
    const out: Node[] = [];
    while (this.p < this.end) {
      const t = this.b[this.p];
      if (t === 0x00) {
        this.p++;
        break;
      }
      if (t === 0x0f) {
        need(this.b, this.p, 4, 'fragment header');
        this.p += 4;
      } else if (t === 0x0c) out.push(this.template());
      else if ((t & 0x1f) === 0x01) out.push(this.element());
      else out.push(...this.content(true));
    }
    return out;
  }

  private element(): El {
    const hasAttrs = (this.tok() & 0x40) !== 0;
    this.p++;
    if (this.dep) this.p += 2;
    this.p += 4; // data size: the element's extent; we read token by token instead
    const el: El = { k: 'el', name: this.name(), attrs: [], kids: [] };
    if (hasAttrs) {
      this.p += 4; // attribute list size
      while ((this.tok() & 0x1f) === 0x06) {
        this.p++;
        const name = this.name();
        el.attrs.push({ name, value: this.values() });
      }
    }
    const t = this.tok();
    this.p++;
    if (t === 0x03) return el; // close empty element
    if (t !== 0x02) throw new EvtxError(`expected the end of a start tag, found token 0x${t.toString(16)} at ${this.p - 1}`);
    el.kids = this.content(false);
    return el;
  }

  /** Value tokens of an attribute (text, substitutions, references) until the next non-value. */
  private values(): Node[] {
    const out: Node[] = [];
    for (;;) {
      const t = this.tok() & 0x1f;
      if (t === 0x05 || t === 0x08 || t === 0x09 || t === 0x0d || t === 0x0e || t === 0x07) out.push(this.valueToken());
      else return out;
    }
  }

  private valueToken(): Node {
    const t = this.tok() & 0x1f;
    this.p++;
    switch (t) {
      case 0x05: {
        const type = u8(this.b, this.p);
        const n = u16(this.b, this.p + 1);
        this.p += 3;
        if (type !== T.String) throw new EvtxError(`value token of type 0x${type.toString(16)} (only strings are defined)`);
        const v = utf16At(this.b, this.p, n);
        this.p += n * 2;
        return { k: 'text', v: esc(v) };
      }
      case 0x07: {
        const n = u16(this.b, this.p);
        this.p += 2;
        const v = utf16At(this.b, this.p, n);
        this.p += n * 2;
        return { k: 'raw', v: `<![CDATA[${v}]]>` };
      }
      case 0x08: {
        const c = u16(this.b, this.p);
        this.p += 2;
        return { k: 'raw', v: `&#${c};` };
      }
      case 0x09:
        return { k: 'raw', v: `&${this.name()};` };
      case 0x0d:
      case 0x0e: {
        const i = u16(this.b, this.p);
        const type = u8(this.b, this.p + 2);
        this.p += 3;
        return { k: 'sub', i, type, opt: t === 0x0e };
      }
      default:
        throw new EvtxError(`unexpected token 0x${t.toString(16)}`);
    }
  }

  /** Element content up to the matching end-element token (or EOF at top level). */
  private content(top: boolean): Node[] {
    const out: Node[] = [];
    for (;;) {
      if (top && this.p >= this.end) return out;
      const raw = this.tok();
      const t = raw & 0x1f;
      if (t === 0x04) {
        this.p++;
        return out;
      }
      if (t === 0x00) {
        if (top) return out;
        throw new EvtxError(`Binary XML ended inside an element at ${this.p}`);
      }
      if (t === 0x01) out.push(this.element());
      else if (raw === 0x0c) out.push(this.template());
      else if (t === 0x0a) {
        this.p++;
        const target = this.name();
        let data = '';
        if ((this.tok() & 0x1f) === 0x0b) {
          this.p++;
          const n = u16(this.b, this.p);
          data = utf16At(this.b, this.p + 2, n);
          this.p += 2 + n * 2;
        }
        out.push({ k: 'raw', v: `<?${target}${data ? ' ' + data : ''}?>` });
      } else if (top && t === 0x0f) {
        this.p += 4;
      } else out.push(this.valueToken());
      if (top) return out;
    }
  }

  /** Template instance: definition (inline the first time, else by offset), then its values. */
  private template(): Node {
    this.p += 2; // token, unknown byte
    this.p += 4; // template id
    const defOff = u32(this.b, this.p);
    this.p += 4;
    let def = this.ctx.templates.get(defOff);
    if (def === undefined) {
      const size = u32(this.b, defOff + 20);
      const start = defOff + 24;
      need(this.b, start, size, 'template definition');
      this.ctx.templates.set(defOff, []); // a template that refers to itself renders empty, not forever
      def = new Parser(this.ctx, start, start + size, true, this.depth + 1).fragment();
      this.ctx.templates.set(defOff, def);
    }
    if (defOff === this.p) this.p = defOff + 24 + u32(this.b, defOff + 20);
    const n = u32(this.b, this.p);
    this.p += 4;
    if (n > 4096) throw new EvtxError(`template instance claims ${n} values`);
    need(this.b, this.p, n * 4, 'value descriptors');
    const values: Val[] = [];
    let at = this.p + n * 4;
    for (let i = 0; i < n; i++) {
      const size = u16(this.b, this.p + i * 4);
      const type = this.b[this.p + i * 4 + 2];
      values.push({ type, at, size });
      at += size;
    }
    need(this.b, this.p, at - this.p, 'template values');
    this.p = at;
    return { k: 'tpl', def, values };
  }
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export function esc(s: string): string {
  return /[&<>"]/.test(s) ? s.replace(/[&<>"]/g, (c) => ESC[c]) : s;
}

/** Parse the Binary XML of one record (chunk-relative [start, end)). */
export function parseRecordXml(ctx: ChunkCtx, start: number, end: number): Node[] {
  return new Parser(ctx, start, end, true, 0).fragment();
}

/** Nested Binary XML (value type 0x21): element headers carry no dependency id; try both. */
function parseNested(ctx: ChunkCtx, v: Val, depth: number): Node[] {
  try {
    return new Parser(ctx, v.at, v.at + v.size, false, depth).fragment();
  } catch {
    return new Parser(ctx, v.at, v.at + v.size, true, depth).fragment();
  }
}

interface Out {
  s: string[];
  depth: number;
}

/** Render nodes to pretty-printed event XML (2-space indent, like Event Viewer's XML view). */
export function renderXml(ctx: ChunkCtx, nodes: Node[]): string {
  const o: Out = { s: [], depth: 0 };
  renderNodes(ctx, nodes, [], o, 0);
  return o.s.join('');
}

/** Text of a value node list (attribute values, or inline text content). */
function textOf(ctx: ChunkCtx, nodes: Node[], vals: Val[]): { text: string; hadSub: boolean } {
  let text = '';
  let hadSub = false;
  for (const n of nodes) {
    if (n.k === 'text' || n.k === 'raw') text += n.v;
    else if (n.k === 'sub') {
      hadSub = true;
      const v = vals[n.i];
      if (v && v.type !== T.BinXml) text += esc(renderValue(v.type, ctx.buf, v.at, v.size));
    }
  }
  return { text, hadSub };
}

/** Does this content render as child elements (as opposed to text only)? */
function hasElements(nodes: Node[], vals: Val[]): boolean {
  for (const n of nodes) {
    if (n.k === 'el' || n.k === 'tpl') return true;
    if (n.k === 'sub' && vals[n.i]?.type === T.BinXml) return true;
  }
  return false;
}

function renderNodes(ctx: ChunkCtx, nodes: Node[], vals: Val[], o: Out, depth: number): void {
  if (depth > MAX_DEPTH) throw new EvtxError('Binary XML nested too deeply');
  for (const n of nodes) {
    if (n.k === 'el') renderEl(ctx, n, vals, o, depth);
    else if (n.k === 'tpl') renderNodes(ctx, n.def, n.values, o, depth + 1);
    else if (n.k === 'sub') {
      const v = vals[n.i];
      if (!v) continue;
      if (v.type === T.BinXml) renderNodes(ctx, parseNested(ctx, v, depth + 1), [], o, depth + 1);
      else if (!(n.opt && (v.type === T.Null || v.size === 0))) o.s.push(esc(renderValue(v.type, ctx.buf, v.at, v.size)));
    } else o.s.push(n.v);
  }
}

/** The array-typed substitution an element's content holds, if any (Windows repeats the element per item). */
function arraySub(el: El, vals: Val[]): number {
  for (const n of el.kids) if (n.k === 'sub' && vals[n.i] && vals[n.i].type & T.ArrayFlag && vals[n.i].type !== (T.ArrayFlag | T.Binary)) return n.i;
  return -1;
}

/** An element with no attributes whose only content is optional substitutions that are empty is left out (<Binary>). */
function emptyOptional(el: El, vals: Val[]): boolean {
  if (el.attrs.length || !el.kids.length) return false;
  return el.kids.every((n) => n.k === 'sub' && n.opt && (!vals[n.i] || vals[n.i].type === T.Null || vals[n.i].size === 0));
}

function renderEl(ctx: ChunkCtx, el: El, vals: Val[], o: Out, depth: number): void {
  if (emptyOptional(el, vals)) return;
  const ai = arraySub(el, vals);
  if (ai >= 0) {
    const v = vals[ai];
    for (const item of arrayItems(ctx.buf, v)) {
      const copy = vals.slice();
      copy[ai] = item;
      renderOne(ctx, el, copy, o, depth);
    }
    return;
  }
  renderOne(ctx, el, vals, o, depth);
}

function renderOne(ctx: ChunkCtx, el: El, vals: Val[], o: Out, depth: number): void {
  const pad = '  '.repeat(o.depth);
  let head = `${pad}<${el.name}`;
  if (o.depth === 0 && el.name === 'Event') head = `<${el.name}`;
  for (const a of el.attrs) {
    const { text, hadSub } = textOf(ctx, a.value, vals);
    // an attribute filled only by an empty substitution is left out, as Windows does (<Security/>)
    if (hadSub && text === '') continue;
    head += ` ${a.name}="${text}"`;
  }
  if (hasElements(el.kids, vals)) {
    o.s.push(`${head}>\n`);
    o.depth++;
    renderChildren(ctx, el.kids, vals, o, depth);
    o.depth--;
    o.s.push(`${pad}</${el.name}>\n`);
    return;
  }
  const inner: Out = { s: [], depth: 0 };
  renderNodes(ctx, el.kids, vals, inner, depth + 1);
  const text = inner.s.join('');
  o.s.push(text === '' ? `${head}/>\n` : `${head}>${text}</${el.name}>\n`);
}

/** Mixed content: elements on their own lines; stray text kept in place. */
function renderChildren(ctx: ChunkCtx, nodes: Node[], vals: Val[], o: Out, depth: number): void {
  for (const n of nodes) {
    if (n.k === 'el') renderEl(ctx, n, vals, o, depth + 1);
    else if (n.k === 'tpl') renderChildren(ctx, n.def, n.values, o, depth + 1);
    else if (n.k === 'sub') {
      const v = vals[n.i];
      if (!v) continue;
      if (v.type === T.BinXml) renderChildren(ctx, parseNested(ctx, v, depth + 1), [], o, depth + 1);
      else if (!(n.opt && (v.type === T.Null || v.size === 0))) o.s.push(esc(renderValue(v.type, ctx.buf, v.at, v.size)));
    } else if (n.v.trim()) o.s.push(n.v);
  }
}
