/**
 * Lay a flowchart out for an SVG drawn at build time (no browser, no font metrics).
 *
 * Questions are stacked in one column in reading order (types.ts nodeOrder: every question
 * above the questions it leads to), so the main line reads straight down and the diagram stays
 * narrow enough for the page. Endings (outcomes and hand-overs to another flowchart) hang to the
 * right of the question that leads to them; an ending reached from several questions is drawn
 * next to each of them, as paper flowcharts do. An arrow to a question further down runs along a
 * lane on the left, so it never crosses a box; two answers with the same target share one arrow.
 *
 * Input:  the flowchart data (+ how to name another flowchart for hand-over boxes).
 * Output: boxes with wrapped text lines and arrows as polylines with their labels, in px.
 * Text width is estimated: CJK and full-width characters 1 em, others 0.6 em. Japanese breaks
 * only between phrases (wrap.ts), so no label shows 「対/象」 or a lone last character.
 */
import { END_STATE_LABEL, nodeOrder, type EndState, type FlowchartData } from './types.ts';
import { textWidth as measure, wrap as phraseWrap } from './wrap.ts';

export const FONT = 13;
export const LINE = 18;
export const LABEL_FONT = 11.5;
export const LABEL_LINE = 14;
const PAD = 10;
const NODE_W = 232;
const LEAF_W = 204;
const GAP_X = 120;
const TRUNK = 16;
const ROW_GAP = 40;
const LEAF_GAP = 14;
const LANE_SP = 14;
const LANE_LABEL_W = 112;
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

/** Estimated width of a string in px at `size` (wrap.ts: CJK 1 em, others 0.6 em). */
export function textWidth(text: string, size = FONT): number {
  return measure(text, size);
}

/** Wrap text to lines no wider than `max` px, breaking Japanese only between phrases (wrap.ts, BudouX). */
export function wrap(text: string, max: number, size = FONT): string[] {
  return phraseWrap(text, max, size);
}

function boxHeight(lines: number): number {
  return PAD * 2 + LINE * (lines + 1);
}

interface Arrow {
  from: string;
  to: string;
  labels: string[];
}

export function layoutFlowchart(chart: FlowchartData, options: LayoutOptions = {}): Layout {
  const order = nodeOrder(chart).filter((id) => chart.nodes[id]);
  const row = new Map(order.map((id, i) => [id, i]));

  // Arrows between questions; answers with the same target share one arrow ("a / b").
  const arrows: Arrow[] = [];
  for (const id of order) {
    for (const a of chart.nodes[id].answers) {
      if (!a.next || !chart.nodes[a.next]) continue;
      const label = a.short ?? a.label;
      const same = arrows.find((x) => x.from === id && x.to === a.next);
      if (same) same.labels.push(label);
      else arrows.push({ from: id, to: a.next, labels: [label] });
    }
  }
  const straight = (x: Arrow) => row.get(x.to)! === row.get(x.from)! + 1;

  // Lanes on the left for the other arrows: shortest spans get the lanes nearest the boxes.
  const laneOf = new Map<Arrow, number>();
  const busy: [number, number][][] = [];
  const laned = arrows.filter((x) => !straight(x)).sort((a, b) => span(a) - span(b) || row.get(a.from)! - row.get(b.from)!);
  function span(x: Arrow) {
    return Math.abs(row.get(x.to)! - row.get(x.from)!);
  }
  for (const x of laned) {
    const lo = Math.min(row.get(x.from)!, row.get(x.to)!);
    const hi = Math.max(row.get(x.from)!, row.get(x.to)!);
    let lane = 0;
    while ((busy[lane] ?? []).some(([a, b]) => lo <= b && a <= hi)) lane++;
    (busy[lane] ??= []).push([lo, hi]);
    laneOf.set(x, lane);
  }
  const lanes = busy.length;
  const x0 = MARGIN + (lanes ? lanes * LANE_SP + LANE_LABEL_W : 0);

  const boxes: LaidBox[] = [];
  const edges: LaidEdge[] = [];
  const nodeBox = new Map<string, LaidBox>();
  let y = MARGIN;
  let width = x0 + NODE_W;

  order.forEach((id, i) => {
    const node = chart.nodes[id];
    const lines = wrap(node.short ?? node.question, NODE_W - PAD * 2);
    const box: LaidBox = { key: id, ref: id, kind: 'question', x: x0, y, w: NODE_W, h: boxHeight(lines.length), heading: `Q${i + 1}`, lines };
    boxes.push(box);
    nodeBox.set(id, box);

    // Endings hang to the right, each with room above its branch for the label.
    let leafY = y;
    const leaves: { box: LaidBox; label: string[] }[] = [];
    for (const a of node.answers) {
      if (!a.outcome && !a.goto) continue;
      const label = wrap(a.short ?? a.label, GAP_X - TRUNK - 12, LABEL_FONT);
      const lx = x0 + NODE_W + GAP_X;
      let leaf: LaidBox;
      if (a.outcome) {
        const o = chart.outcomes[a.outcome];
        const state = o?.state;
        const l2 = wrap(o?.title ?? a.outcome, LEAF_W - PAD * 2);
        leaf = { key: `o:${a.outcome}@${id}`, ref: a.outcome, kind: 'outcome', x: lx, y: leafY, w: LEAF_W, h: boxHeight(l2.length), heading: state ? END_STATE_LABEL[state] + (state === 'unfixed' ? ' → ティア 2' : '') : '', lines: l2, state };
      } else {
        const g = options.describeGoto?.(a.goto!) ?? { title: a.goto! };
        const l2 = wrap(g.title, LEAF_W - PAD * 2 - 14);
        leaf = { key: `g:${a.goto}@${id}`, ref: a.goto!, kind: 'goto', x: lx, y: leafY, w: LEAF_W, h: boxHeight(l2.length), heading: g.figure ? `図 ${g.figure} へ進む` : '次のフローチャートへ', lines: l2 };
      }
      if (leaves.length > 0) leaf.y += Math.max(0, label.length * LABEL_LINE + 6 - leaf.h / 2);
      leafY = leaf.y + leaf.h + LEAF_GAP;
      leaves.push({ box: leaf, label });
      boxes.push(leaf);
      width = Math.max(width, lx + LEAF_W);
    }
    const sx = x0 + NODE_W;
    const sy = y + Math.min(box.h / 2, 30);
    const tx = sx + TRUNK;
    leaves.forEach(({ box: leaf, label }, k) => {
      const ly = leaf.y + leaf.h / 2;
      edges.push({
        from: id,
        to: leaf.key,
        points: k === 0 && Math.abs(ly - sy) < 1 ? [[sx, sy], [leaf.x, ly]] : [[sx, sy], [tx, sy], [tx, ly], [leaf.x, ly]],
        label,
        labelX: tx + 6,
        labelY: ly - 4 - label.length * LABEL_LINE,
        labelAnchor: 'start',
      });
    });
    const rowH = Math.max(box.h, leaves.length ? leafY - LEAF_GAP - y : 0);
    y += rowH + ROW_GAP;
  });
  const height = y - ROW_GAP + MARGIN;

  // Arrows between questions.
  const exits = new Map<string, Arrow[]>();
  const entries = new Map<string, Arrow[]>();
  for (const x of laned) {
    (exits.get(x.from) ?? exits.set(x.from, []).get(x.from)!).push(x);
    (entries.get(x.to) ?? entries.set(x.to, []).get(x.to)!).push(x);
  }
  for (const list of [...exits.values(), ...entries.values()]) list.sort((a, b) => row.get(a.to)! - row.get(b.to)! || row.get(a.from)! - row.get(b.from)!);
  for (const x of arrows) {
    const from = nodeBox.get(x.from)!;
    const to = nodeBox.get(x.to)!;
    const label = x.labels.join(' / ');
    if (straight(x)) {
      const cx = from.x + from.w / 2;
      const lines = wrap(label, 150, LABEL_FONT);
      edges.push({ from: x.from, to: x.to, points: [[cx, from.y + from.h], [cx, to.y]], label: lines, labelX: cx + 6, labelY: from.y + from.h + 2, labelAnchor: 'start' });
      continue;
    }
    // Ports on a box's left side: arrows coming in above, arrows going out below, never the same y.
    const port = (id: string, box: LaidBox, slot: number) => {
      const total = (entries.get(id)?.length ?? 0) + (exits.get(id)?.length ?? 0);
      return box.y + (box.h * (slot + 1)) / (total + 1);
    };
    const sy = port(x.from, from, (entries.get(x.from)?.length ?? 0) + exits.get(x.from)!.indexOf(x));
    const ty = port(x.to, to, entries.get(x.to)!.indexOf(x));
    const lx = x0 - LANE_LABEL_W - LANE_SP * (laneOf.get(x)! + 1) + LANE_SP / 2;
    const lines = wrap(label, LANE_LABEL_W - 10, LABEL_FONT);
    edges.push({
      from: x.from,
      to: x.to,
      points: [[from.x, sy], [lx, sy], [lx, ty], [to.x, ty]],
      label: lines,
      labelX: from.x - 5,
      labelY: sy - 3 - lines.length * LABEL_LINE,
      labelAnchor: 'end',
    });
  }
  return { width: Math.ceil(width + MARGIN), height: Math.ceil(height), boxes, edges };
}
