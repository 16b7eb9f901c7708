import { describe, expect, it } from 'vitest';
import { layoutFlowchart, textWidth, wrap } from './layout.ts';
import { goodChart } from './fixtures.ts';

function overlaps(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('text measure and wrapping', () => {
  it('counts CJK as 1 em and ASCII as 0.6 em', () => {
    expect(textWidth('あい', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBe(12);
  });

  it('wraps Japanese anywhere, keeps ASCII words whole and never starts a line with 。', () => {
    const lines = wrap('連絡者のコンピュータで Refresh_IPsec_Policy.vbs を実行しました。', 200, 13);
    expect(lines.join('')).toBe('連絡者のコンピュータでRefresh_IPsec_Policy.vbsを実行しました。');
    expect(lines.some((l) => l.includes('Refresh_IPsec_Policy.vbs'))).toBe(true);
    expect(lines.every((l) => !l.startsWith('。'))).toBe(true);
    for (const l of lines) expect(textWidth(l, 13)).toBeLessThanOrEqual(200 + 13);
  });

  it('cuts a word longer than the line', () => {
    const lines = wrap('x'.repeat(40), 60, 10);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('x'.repeat(40));
  });
});

describe('layoutFlowchart', () => {
  const layout = layoutFlowchart(goodChart(), { describeGoto: () => ({ figure: '7.2', title: '連絡者のコンピュータ' }) });

  it('draws every question once, numbered in reading order', () => {
    const q = layout.boxes.filter((b) => b.kind === 'question');
    expect(q.map((b) => `${b.heading} ${b.ref}`)).toEqual(['Q1 ping', 'Q2 name', 'Q3 app', 'Q4 refresh']);
  });

  it('hangs every ending next to each question that leads to it', () => {
    const ends = layout.boxes.filter((b) => b.kind !== 'question').map((b) => b.key);
    expect(ends).toEqual(['o:network@ping', 'o:application@app', 'o:refreshed@refresh', 'o:network@refresh', 'g:flowcharts/other@refresh']);
    const goto = layout.boxes.find((b) => b.kind === 'goto')!;
    expect(goto.heading).toBe('図 7.2 へ進む');
    expect(layout.boxes.find((b) => b.key === 'o:network@ping')!.heading).toBe('未修正 → ティア 2');
  });

  it('keeps the main line of questions in one column, top to bottom', () => {
    const q = layout.boxes.filter((b) => b.kind === 'question');
    expect(new Set(q.map((b) => b.x)).size).toBe(1);
    for (let i = 1; i < q.length; i++) expect(q[i].y).toBeGreaterThan(q[i - 1].y + q[i - 1].h);
  });

  it('never overlaps two boxes and stays inside the drawing', () => {
    for (const a of layout.boxes) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + a.w).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.h).toBeLessThanOrEqual(layout.height);
      for (const b of layout.boxes) if (a !== b) expect(overlaps(a, b), `${a.key} / ${b.key}`).toBe(false);
    }
  });

  it('draws one arrow per answer, from its question to its target box, with the answer as label', () => {
    const chart = goodChart();
    const answers = Object.values(chart.nodes).flatMap((n) => n.answers);
    expect(layout.edges).toHaveLength(answers.length);
    const byKey = new Map(layout.boxes.map((b) => [b.key, b]));
    for (const e of layout.edges) {
      const from = byKey.get(e.from)!;
      const to = byKey.get(e.to)!;
      const [sx, sy] = e.points[0];
      const [tx, ty] = e.points[e.points.length - 1];
      expect(sx >= from.x && sx <= from.x + from.w && sy >= from.y && sy <= from.y + from.h).toBe(true);
      expect(tx >= to.x && tx <= to.x + to.w && ty >= to.y && ty <= to.y + to.h).toBe(true);
      expect(e.label.join('').length).toBeGreaterThan(0);
    }
  });

  it('sends an arrow that skips a row down a lane left of every box', () => {
    const skip = layout.edges.find((e) => e.from === 'name' && e.to === 'refresh')!;
    const laneX = skip.points[1][0];
    expect(Math.min(...layout.boxes.map((b) => b.x))).toBeGreaterThan(laneX);
  });
});

describe('arrows that share ends', () => {
  it('merges two answers with the same target into one arrow and keeps ports apart', () => {
    const c = goodChart();
    // name: both answers to refresh (skip arrow), app also to refresh; refresh also entered and left on the left.
    c.nodes.name.answers = [
      { label: 'はい', key: 'ok', next: 'refresh' },
      { label: 'たぶん', key: 'maybe', next: 'refresh' },
      { label: 'いいえ', key: 'ng', next: 'app' },
    ];
    c.nodes.app.answers = [{ label: 'はい', key: 'ok', outcome: 'application' }];
    c.nodes.extra = { question: '追加?', answers: [{ label: 'x', outcome: 'network' }] };
    c.nodes.ping.answers[1] = { label: 'いいえ', key: 'ng', next: 'extra' };
    const l = layoutFlowchart(c);
    const toRefresh = l.edges.filter((e) => e.from === 'name' && e.to === 'refresh');
    expect(toRefresh).toHaveLength(1);
    expect(toRefresh[0].label.join('')).toContain('はい / たぶん');
    // No two lane arrows touch the same box side at the same y.
    const ys = new Map<string, number[]>();
    for (const e of l.edges) {
      if (e.labelAnchor !== 'end') continue;
      const sy = e.points[0][1];
      const ty = e.points[e.points.length - 1][1];
      (ys.get(e.from) ?? ys.set(e.from, []).get(e.from)!).push(sy);
      (ys.get(e.to) ?? ys.set(e.to, []).get(e.to)!).push(ty);
    }
    for (const [, list] of ys) expect(new Set(list).size).toBe(list.length);
  });
});
