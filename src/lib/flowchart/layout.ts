/**
 * Lay a flowchart out for an SVG drawn at build time (no browser, no font metrics).
 *
 * Questions are stacked in rows by their longest distance from the start, so the main line of
 * questions reads top to bottom. Endings (outcomes and hand-overs to another flowchart) hang to
 * the right of the question that leads to them; an ending reached from several questions is
 * drawn next to each of them, as paper flowcharts do. An arrow that skips rows runs down a lane
 * on the left so it never crosses a box.
 *
 * Input:  the flowchart data (+ how to name another flowchart for hand-over boxes).
 * Output: boxes with wrapped text lines and arrows as polylines with their labels, in px.
 * Text width is estimated: CJK and full-width characters 1 em, others 0.6 em.
 */
import { END_STATE_LABEL, nodeOrder, type EndState, type FlowchartData } from './types.ts';

export const FONT = 13;
export const LINE = 18;
export const LABEL_FONT = 11.5;
export const LABEL_LINE = 14;
const PAD = 10;
const NODE_W = 250;
const LEAF_W = 220;
const GAP_X = 128;
const TRUNK = 16;
const ROW_GAP = 64;
const LEAF_GAP = 16;
const CELL_GAP = 40;
const LANE_SP = 14;
const LANE_LABEL_W = 96;
const MARGIN = 12;

export interface LaidBox {
  /** Node id, or outcome/goto id prefixed for uniqueness (`o:<id>@<node>`, `g:<id>@<node>`). */
  key: string;
  /** The node, outcome or flowchart id the box stands for. */
  ref: string;
  kind: 'question' | 'outcome' | 'goto';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Bold first line: "Q3", "未修正", "図 7.2 へ". */
  heading: string;
  lines: string[];
  state?: EndState;
}

export interface LaidEdge {
  from: string;
  to: string;
  points: [number, number][];
  label: string[];
  /** Top-left of the label's first line (text baseline is added by the renderer). */
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'end';
}

export interface Layout {
  width: number;
  height: number;
  boxes: LaidBox[];
  edges: LaidEdge[];
}

export interface LayoutOptions {
  /** Name and figure of another flowchart, for hand-over boxes. */
  describeGoto?: (id: string) => { figure?: string; title: string };
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f]/;
const NO_LINE_START = /^[、。，．・：；？！ー」』）)\]〕】,.:;!?]/;

/** Estimated width of a string in px at `size`. */
export function textWidth(text: string, size = FONT): number {
  let em = 0;
  for (const ch of text) em += WIDE.test(ch) ? 1 : ch === ' ' ? 0.33 : 0.6;
  return em * size;
}

/** Wrap text to lines no wider than `max` px: CJK may break anywhere, ASCII words stay whole when they fit. */
export function wrap(text: string, max: number, size = FONT): string[] {
  const tokens = text.match(/[A-Za-z0-9_./:\\<>=%@+#'"()-]+|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  for (const raw of tokens) {
    const token = /^\s+$/.test(raw) ? ' ' : raw;
    if (token === ' ' && line === '') continue;
    // Closing punctuation stays on its line even when it overflows a little (kinsoku).
    if (textWidth(line + token, size) <= max || NO_LINE_START.test(token)) {
      line += token;
      continue;
    }
    flush();
    if (token === ' ') continue;
    if (textWidth(token, size) <= max) {
      line = token;
      continue;
    }
    // A word longer than a whole line: cut it.
    for (const ch of token) {
      if (line && textWidth(line + ch, size) > max) flush();
      line += ch;
    }
  }
  flush();
  return lines.length ? lines : [''];
}

function boxHeight(lines: number): number {
  return PAD * 2 + LINE * (lines + 1);
}

export function layoutFlowchart(chart: FlowchartData, options: LayoutOptions = {}): Layout {
  const order = nodeOrder(chart).filter((id) => chart.nodes[id]);
  const tag = new Map(order.map((id, i) => [id, `Q${i + 1}`]));

  // Rank = longest distance from the start over `next` answers (back edges ignored).
  const rank = new Map<string, number>();
  const indeg = new Map<string, number>(order.map((id) => [id, 0]));
  // An answer that leads back to an ancestor would be a cycle (validate.ts rejects it); ignore it here.
  const forward = (from: string, to: string) => !isAncestor(chart, to, from);
  for (const id of order) for (const a of chart.nodes[id].answers) if (a.next && chart.nodes[a.next] && forward(id, a.next)) indeg.set(a.next, (indeg.get(a.next) ?? 0) + 1);
  const queue = order.filter((id) => (indeg.get(id) ?? 0) === 0);
  for (const id of queue) rank.set(id, 0);
  while (queue.length) {
    const id = queue.shift()!;
    for (const a of chart.nodes[id].answers) {
      if (!a.next || !chart.nodes[a.next] || !forward(id, a.next)) continue;
      rank.set(a.next, Math.max(rank.get(a.next) ?? 0, (rank.get(id) ?? 0) + 1));
      indeg.set(a.next, (indeg.get(a.next) ?? 1) - 1);
      if (indeg.get(a.next) === 0) queue.push(a.next);
    }
  }
  for (const id of order) if (!rank.has(id)) rank.set(id, 0);
  const rows: string[][] = [];
  for (const id of order) (rows[rank.get(id)!] ??= []).push(id);

  // Lanes for arrows that skip rows.
  const skips: { from: string; to: string }[] = [];
  for (const id of order) {
    for (const a of chart.nodes[id].answers) {
      if (a.next && chart.nodes[a.next] && rank.get(a.next)! - rank.get(id)! !== 1) skips.push({ from: id, to: a.next });
    }
  }
  const x0 = MARGIN + (skips.length ? skips.length * LANE_SP + LANE_LABEL_W : 0);

  const boxes: LaidBox[] = [];
  const edges: LaidEdge[] = [];
  const nodeBox = new Map<string, LaidBox>();
  let y = MARGIN;
  let width = 0;

  for (const row of rows.filter(Boolean)) {
    let cursor = x0;
    let rowH = 0;
    const leafEdges: (() => void)[] = [];
    for (const id of row) {
      const node = chart.nodes[id];
      // Keep a question under the question that leads to it when there is room (the main line stays straight).
      const parent = order.find((p) => chart.nodes[p].answers.some((a) => a.next === id) && nodeBox.has(p));
      const x = Math.max(cursor, parent ? nodeBox.get(parent)!.x : x0);
      const lines = wrap(node.short ?? node.question, NODE_W - PAD * 2);
      const box: LaidBox = { key: id, ref: id, kind: 'question', x, y, w: NODE_W, h: boxHeight(lines.length), heading: tag.get(id)!, lines };
      boxes.push(box);
      nodeBox.set(id, box);
      let cellRight = x + NODE_W;
      let leafY = y;
      const leaves: LaidBox[] = [];
      const leafLabels: string[][] = [];
      for (const a of node.answers) {
        if (!a.outcome && !a.goto) continue;
        const label = wrap(a.short ?? a.label, GAP_X - TRUNK - 12, LABEL_FONT);
        let leaf: LaidBox;
        if (a.outcome) {
          const o = chart.outcomes[a.outcome];
          const state = o?.state;
          const lines2 = wrap(o?.title ?? a.outcome, LEAF_W - PAD * 2);
          leaf = { key: `o:${a.outcome}@${id}`, ref: a.outcome, kind: 'outcome', x: x + NODE_W + GAP_X, y: leafY, w: LEAF_W, h: boxHeight(lines2.length), heading: state ? END_STATE_LABEL[state] + (state === 'unfixed' ? ' → ティア 2' : '') : '', lines: lines2, state };
        } else {
          const g = options.describeGoto?.(a.goto!) ?? { title: a.goto! };
          const lines2 = wrap(g.title, LEAF_W - PAD * 2 - 14);
          leaf = { key: `g:${a.goto}@${id}`, ref: a.goto!, kind: 'goto', x: x + NODE_W + GAP_X, y: leafY, w: LEAF_W, h: boxHeight(lines2.length), heading: g.figure ? `図 ${g.figure} へ進む` : '次のフローチャートへ', lines: lines2 };
        }
        // Leave room above each branch for its label.
        const labelRoom = Math.max(0, label.length * LABEL_LINE + 6 - leaf.h / 2);
        leaf.y += labelRoom;
        leafY = leaf.y + leaf.h + LEAF_GAP;
        leaves.push(leaf);
        leafLabels.push(label);
        boxes.push(leaf);
        cellRight = leaf.x + LEAF_W;
      }
      if (leaves.length) {
        leafEdges.push(() => {
          const sx = x + NODE_W;
          const sy = y + Math.min(box.h / 2, 30);
          const tx = sx + TRUNK;
          leaves.forEach((leaf, k) => {
            const ly = leaf.y + leaf.h / 2;
            edges.push({
              from: id,
              to: leaf.key,
              points: k === 0 && Math.abs(ly - sy) < 1 ? [[sx, sy], [leaf.x, ly]] : [[sx, sy], [tx, sy], [tx, ly], [leaf.x, ly]],
              label: leafLabels[k],
              labelX: tx + 6,
              labelY: ly - 4 - leafLabels[k].length * LABEL_LINE,
              labelAnchor: 'start',
            });
          });
        });
      }
      const cellH = Math.max(box.h, leaves.length ? leafY - LEAF_GAP - y : 0);
      rowH = Math.max(rowH, cellH);
      cursor = cellRight + CELL_GAP;
      width = Math.max(width, cellRight);
    }
    leafEdges.forEach((f) => f());
    y += rowH + ROW_GAP;
  }
  const height = y - ROW_GAP + MARGIN;

  // Arrows between questions.
  let lane = 0;
  for (const id of order) {
    const from = nodeBox.get(id)!;
    const down = chart.nodes[id].answers.filter((a) => a.next && nodeBox.has(a.next) && rank.get(a.next)! - rank.get(id)! === 1);
    let d = 0;
    for (const a of chart.nodes[id].answers) {
      if (!a.next || !nodeBox.has(a.next)) continue;
      const to = nodeBox.get(a.next)!;
      const label = a.short ?? a.label;
      if (rank.get(a.next)! - rank.get(id)! === 1) {
        d++;
        const sx = from.x + (from.w * d) / (down.length + 1);
        const rowBottom = rowBottomOf(boxes, from);
        const midY = rowBottom + ROW_GAP / 2;
        const tx = to.x + to.w / 2;
        const lines = wrap(label, 150, LABEL_FONT);
        edges.push({
          from: id,
          to: a.next,
          points: Math.abs(sx - tx) < 1 && rowBottom === from.y + from.h ? [[sx, from.y + from.h], [tx, to.y]] : [[sx, from.y + from.h], [sx, midY], [tx, midY], [tx, to.y]],
          label: lines,
          labelX: sx + 6,
          labelY: from.y + from.h + 4,
          labelAnchor: 'start',
        });
      } else {
        const lx = MARGIN + lane * LANE_SP;
        lane++;
        const sy = from.y + from.h / 2;
        const ty = to.y + Math.min(to.h / 2, 24);
        const lines = wrap(label, LANE_LABEL_W - 8, LABEL_FONT);
        edges.push({
          from: id,
          to: a.next,
          points: [[from.x, sy], [lx, sy], [lx, ty], [to.x, ty]],
          label: lines,
          labelX: from.x - 6,
          labelY: sy - 4 - lines.length * LABEL_LINE,
          labelAnchor: 'end',
        });
      }
    }
  }
  return { width: Math.ceil(width + MARGIN), height: Math.ceil(height), boxes, edges };
}

/** Bottom of the row a box sits in (the lowest box that starts on the same y). */
function rowBottomOf(boxes: LaidBox[], box: LaidBox): number {
  let bottom = box.y + box.h;
  for (const b of boxes) if (b.kind === 'question' && b.y === box.y) bottom = Math.max(bottom, b.y + b.h);
  for (const b of boxes) if (b.kind !== 'question' && b.key.endsWith(`@${box.key}`)) bottom = Math.max(bottom, b.y + b.h);
  // Other cells in the row may hang their endings lower.
  for (const b of boxes) {
    if (b.kind === 'question' || b.y < box.y) continue;
    const owner = boxes.find((q) => q.kind === 'question' && b.key.endsWith(`@${q.key}`));
    if (owner && owner.y === box.y) bottom = Math.max(bottom, b.y + b.h);
  }
  return bottom;
}

/** True when `a` can reach `b` over `next` answers. */
function isAncestor(chart: FlowchartData, a: string, b: string): boolean {
  const seen = new Set<string>();
  const stack = [a];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === b) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const x of chart.nodes[id]?.answers ?? []) if (x.next) stack.push(x.next);
  }
  return false;
}
