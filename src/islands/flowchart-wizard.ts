/**
 * <flowchart-wizard>: one question at a time over the pure state machine in
 * src/lib/flowchart/machine.ts. The page renders every question and ending at build time
 * (hidden); this element only shows the right one, keeps the answers in the URL
 * (?path=node_key.node_key, answers only), draws the breadcrumb, moves focus to the new
 * heading and announces changes in an aria-live region.
 *
 * URL: ?path=…       answers in this flowchart
 *      ?prev=…       "<flowchart id>:<path>" when an earlier flowchart handed over to this one
 */
import { back, backTo, choose, formatPath, initialState, parsePath, parsePrev, position, restart, type WizardGraph, type WizardState } from '../lib/flowchart/machine.ts';

interface ChartMeta {
  figure: string;
  title: string;
  url: string;
}

interface Graph extends WizardGraph {
  chart: string;
  figure: string;
  nodes: Record<string, { tag: string; short: string; answers: { key: string; label: string; next?: string; outcome?: string; goto?: string }[] }>;
  outcomes: Record<string, { state: string; title: string }>;
  charts: Record<string, ChartMeta>;
  packetUrl: string;
}

const STATE_LABEL: Record<string, string> = { 'fixed-identified': '修正済 / 特定済', 'fixed-unidentified': '修正済 / 未特定', unfixed: '未修正' };

class FlowchartWizard extends HTMLElement {
  private graph!: Graph;
  private state: WizardState = initialState();
  private prev: string | null = null;

  connectedCallback() {
    this.graph = JSON.parse(this.dataset.graph ?? '{}') as Graph;
    this.hidden = false;
    this.addEventListener('click', (e) => this.onClick(e));
    window.addEventListener('popstate', () => this.loadFromUrl(true));
    this.loadFromUrl(false);
  }

  private $(selector: string): HTMLElement | null {
    return this.querySelector<HTMLElement>(selector);
  }

  private onClick(e: Event) {
    const target = (e.target as HTMLElement).closest<HTMLElement>('button');
    if (!target || !this.contains(target)) return;
    if (target.matches('.fc-answer')) {
      const label = target.textContent?.trim() ?? '';
      this.go(choose(this.graph, this.state, target.dataset.key!), `「${label}」を選びました。`);
    } else if (target.hasAttribute('data-back')) {
      this.go(back(this.state), '1 つ前の質問に戻りました。');
    } else if (target.hasAttribute('data-restart')) {
      this.go(restart(), '最初の質問からやり直します。');
    } else if (target.dataset.backTo) {
      const n = Number(target.dataset.backTo);
      this.go(backTo(this.state, n), `ステップ ${n} に戻りました。`);
    }
  }

  /** Apply a new state: push it to the URL, render, focus the new heading, announce. */
  private go(next: WizardState, message: string) {
    if (formatPath(next) === formatPath(this.state)) return;
    this.state = next;
    history.pushState({ flowchart: formatPath(next) }, '', this.url());
    this.render();
    this.announce(message);
    this.focusCurrent();
  }

  private loadFromUrl(fromHistory: boolean) {
    const params = new URLSearchParams(location.search);
    const parsed = parsePath(this.graph, params.get('path'));
    this.state = parsed.state;
    this.prev = parsePrev(params.get('prev')) ? params.get('prev') : null;
    const notice = this.$('[data-notice]')!;
    if (!parsed.complete) {
      notice.textContent = `リンクの経路の一部 (${parsed.rejected}) がこのフローチャートと合わないため、読める所までで止めています。`;
      notice.hidden = false;
      history.replaceState(history.state, '', this.url());
    } else {
      notice.hidden = true;
    }
    this.render();
    // On arrival too (a fresh page, a hand-over from 7.1, a shared link), focus goes to the current
    // question, so the first answer is one Tab away instead of behind the header and the sidebar.
    // A link to an anchor (#…) keeps its target.
    if (fromHistory || !location.hash) this.focusCurrent(!fromHistory);
    const handover = parsePrev(this.prev);
    const from = handover && this.graph.charts[handover.chart];
    if (!fromHistory && from && parsed.state.steps.length === 0) this.announce(`図 ${from.figure} から引き継ぎました。図 ${this.graph.figure} の最初の質問です。`);
    else if (parsed.state.steps.length > 0 && !fromHistory) this.announce(`リンクの経路を読み込みました。ステップ ${parsed.state.steps.length + 1} から続けます。`);
  }

  /** This page's URL for the current state (other parameters kept). */
  private url(): string {
    const u = new URL(location.href);
    const path = formatPath(this.state);
    if (path) u.searchParams.set('path', path);
    else u.searchParams.delete('path');
    return u.pathname + u.search + u.hash;
  }

  private render() {
    const at = position(this.graph, this.state);
    for (const s of this.querySelectorAll<HTMLElement>('[data-node], [data-outcome], [data-goto]')) {
      const show =
        (at.kind === 'question' && s.dataset.node === at.node) ||
        (at.kind === 'outcome' && s.dataset.outcome === at.outcome) ||
        (at.kind === 'goto' && s.dataset.goto === at.goto);
      s.hidden = !show;
      if (show && at.kind === 'question') {
        const no = s.querySelector<HTMLElement>('[data-step-no]');
        if (no) no.textContent = `ステップ ${at.number}`;
      }
    }
    this.renderCrumbs(at);
    this.renderDiagram(at);
    this.renderLinks();
    this.renderPrev();
    const backButton = this.$('[data-back]') as HTMLButtonElement;
    backButton.disabled = this.state.steps.length === 0;
    (this.$('[data-restart]') as HTMLButtonElement).disabled = this.state.steps.length === 0;
  }

  private renderCrumbs(at: ReturnType<typeof position>) {
    const list = this.$('[data-crumbs]')!;
    list.replaceChildren();
    this.state.steps.forEach((step, i) => {
      const node = this.graph.nodes[step.node];
      const answer = node.answers.find((a) => a.key === step.key);
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.backTo = String(i + 1);
      button.textContent = `${node.tag} ${node.short}`;
      button.setAttribute('aria-label', `ステップ ${i + 1} に戻る: ${node.tag} ${node.short}`);
      li.append(button, ` → ${answer?.label ?? step.key}`);
      list.append(li);
    });
    const current = document.createElement('li');
    current.setAttribute('aria-current', 'step');
    if (at.kind === 'question') current.textContent = `いまの質問: ${this.graph.nodes[at.node].tag} ${this.graph.nodes[at.node].short}`;
    else if (at.kind === 'outcome') current.textContent = `結果: ${STATE_LABEL[this.graph.outcomes[at.outcome].state]} — ${this.graph.outcomes[at.outcome].title}`;
    else current.textContent = `図 ${this.graph.charts[at.goto]?.figure ?? ''} へ進む`;
    list.append(current);
    this.$('[data-crumbs-empty]')!.hidden = this.state.steps.length > 0;
  }

  /** Links that carry the path: the escalation packet and the hand-over to another flowchart. */
  private renderLinks() {
    const path = formatPath(this.state);
    for (const a of this.querySelectorAll<HTMLAnchorElement>('a[data-packet-link]')) {
      const q = new URLSearchParams();
      q.set('chart', this.graph.chart);
      if (path) q.set('path', path);
      if (this.prev) q.set('prev', this.prev);
      a.href = `${this.graph.packetUrl}?${q.toString()}`;
    }
    for (const a of this.querySelectorAll<HTMLAnchorElement>('a[data-goto-link]')) {
      const section = a.closest<HTMLElement>('[data-goto]');
      const meta = section && this.graph.charts[section.dataset.goto!];
      if (!meta) continue;
      const q = new URLSearchParams();
      q.set('prev', `${this.graph.chart}:${path}`);
      a.href = `${meta.url}?${q.toString()}`;
    }
  }

  private renderPrev() {
    const box = this.$('[data-prev]')!;
    const prev = parsePrev(this.prev);
    const meta = prev && this.graph.charts[prev.chart];
    if (!prev || !meta) {
      box.hidden = true;
      return;
    }
    const count = prev.path ? prev.path.split('.').length : 0;
    box.replaceChildren();
    const link = document.createElement('a');
    link.href = `${meta.url}?path=${prev.path}`;
    link.textContent = `図 ${meta.figure} でたどった経路 (${count} 問) を見る`;
    box.append(`図 ${meta.figure}「${meta.title.replace(/^フローチャート [\d.]+:\s*/, '')}」から引き継いでいます。`, link);
    box.hidden = false;
  }

  private focusCurrent(onArrival = false) {
    const visible = this.querySelector<HTMLElement>('.fc-steps > section:not([hidden]) h3');
    if (!visible) return;
    if (!onArrival) return visible.focus();
    // arriving: keep the page title in view when the question is already on screen
    visible.focus({ preventScroll: true });
    const r = visible.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) visible.scrollIntoView({ block: 'center' });
  }

  /**
   * Mark where the agent is on the diagram drawn at build time (Diagram.astro: data-box on each
   * box): the current box, and the questions already answered. The caption says it in words too.
   */
  private renderDiagram(at: ReturnType<typeof position>) {
    const chart = this.closest('.fc');
    if (!chart) return;
    const last = this.state.steps[this.state.steps.length - 1];
    const current = at.kind === 'question' ? at.node : at.kind === 'outcome' ? `o:${at.outcome}@${last?.node}` : `g:${at.goto}@${last?.node}`;
    const visited = new Set(this.state.steps.map((s) => s.node));
    for (const box of chart.querySelectorAll<SVGGElement>('[data-box]')) {
      const key = box.dataset.box!;
      box.classList.toggle('fc-current', key === current);
      box.classList.toggle('fc-visited', key !== current && visited.has(key));
    }
    for (const li of chart.querySelectorAll<HTMLElement>('[data-text-node]')) {
      if (at.kind === 'question' && li.dataset.textNode === at.node) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    }
    const where = chart.querySelector<HTMLElement>('[data-diagram-where]');
    if (where) {
      const tag = at.kind === 'question' ? this.graph.nodes[at.node].tag : '';
      where.textContent =
        at.kind === 'question'
          ? `太い枠がいまの質問 (${tag} ${this.graph.nodes[at.node].short}) です。色の付いた枠は答えた質問です。`
          : at.kind === 'outcome'
            ? `太い枠がたどり着いた結果 (${STATE_LABEL[this.graph.outcomes[at.outcome].state]}) です。色の付いた枠は答えた質問です。`
            : `太い枠が次のフローチャートへの引き継ぎ (図 ${this.graph.charts[at.goto]?.figure ?? ''}) です。`;
    }
  }

  private announce(message: string) {
    const live = this.$('[data-live]')!;
    live.textContent = '';
    // A new text node after clearing makes screen readers announce repeated messages too.
    window.setTimeout(() => (live.textContent = message), 50);
  }
}

if (!customElements.get('flowchart-wizard')) customElements.define('flowchart-wizard', FlowchartWizard);
