/**
 * One search box (the header's dialog or the home page's box): folds full-width letters as the
 * agent types, keeps the raw text of a paste (newlines and all) for the decoder, runs the search
 * pipeline (loaded on first use) and owns the keyboard: Enter opens the first answer, ↓/↑ move
 * through the results, ↑ on the first one returns to the box. Results are shown below the box,
 * never above it, so the box does not move while the agent types. Nothing typed leaves the page.
 */
import { el } from '../dom.ts';

/** Shorter queries are not searched (one letter finds everything). */
const SHORT = 2;
const DEBOUNCE_MS = 200;

export interface SearchBox {
  /** Element the input, paste and key events are caught on (capture phase, before Pagefind's own). */
  root: HTMLElement;
  /** Is this the search input? (Pagefind creates the dialog's input late, so it is recognised, not held.) */
  isInput: (t: EventTarget | null) => t is HTMLInputElement;
  /** Where the results go: directly below the input. */
  panel: HTMLElement;
  base: string;
}

export class SearchController {
  private pasted: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** Text of the last search started, and its promise (Enter waits for it). */
  private current: { text: string; done: Promise<void> } | null = null;
  private status: HTMLElement;
  private body: HTMLElement;
  private hintId: string;

  constructor(private box: SearchBox) {
    const { root, panel, isInput } = box;
    this.hintId = `${panel.id || 'sa'}-hint`;
    this.status = el('p', { className: 'sa-status' });
    this.status.setAttribute('role', 'status');
    this.body = el('div', { className: 'sa-body' });
    const hint = el('p', { className: 'sr-only', id: this.hintId }, '入力すると下に結果が出ます。Enter で最初の結果を開き、下矢印キーで結果を順に選べます。');
    panel.append(hint, this.status, this.body);

    root.addEventListener('focusin', (e) => {
      if (isInput(e.target) && !e.target.hasAttribute('aria-describedby')) e.target.setAttribute('aria-describedby', this.hintId);
    });
    root.addEventListener('paste', (e) => {
      if (isInput(e.target)) this.pasted = (e as ClipboardEvent).clipboardData?.getData('text') ?? null;
    }, true);
    root.addEventListener('input', (e) => {
      if (isInput(e.target)) this.onInput(e.target);
    }, true);
    root.addEventListener('keydown', (e) => this.onKey(e as KeyboardEvent), true);
  }

  private onInput(input: HTMLInputElement) {
    // Runs before Pagefind's own listener (capture phase), so everything searches the folded text.
    const folded = input.value.normalize('NFKC');
    if (folded !== input.value) input.value = folded;
    const same = this.pasted && this.pasted.replace(/\s+/g, ' ').trim().normalize('NFKC') === folded.replace(/\s+/g, ' ').trim();
    const raw = same ? this.pasted! : folded;
    this.pasted = null;
    clearTimeout(this.timer);
    if (folded.trim().length < SHORT) {
      this.generation++;
      this.current = null;
      this.show([], '');
      delete this.box.panel.dataset.query;
      return;
    }
    this.pending = raw;
    this.timer = setTimeout(() => this.start(raw), DEBOUNCE_MS);
  }

  /** Text typed but not yet searched (the debounce has not fired). */
  private pending: string | null = null;

  private start(text: string): Promise<void> {
    this.pending = null;
    if (this.current?.text === text) return this.current.done;
    const gen = ++this.generation;
    if (!this.body.childNodes.length) this.status.textContent = '検索しています…';
    const done = (async () => {
      const { runSearch } = await import('./pipeline.ts');
      const result = await runSearch(text, this.box.base);
      if (gen !== this.generation) return;
      this.show(result.nodes, result.status);
      // which query the shown results answer (tests and assistive tools can tell stale from fresh)
      this.box.panel.dataset.query = text;
    })().catch(() => {
      if (gen === this.generation) this.show([], '検索を読み込めませんでした。');
    });
    this.current = { text, done };
    return done;
  }

  private show(nodes: Node[], status: string) {
    this.body.replaceChildren(...nodes);
    this.status.textContent = status;
    this.box.panel.hidden = !nodes.length && !status;
  }

  private links(): HTMLAnchorElement[] {
    return [...this.body.querySelectorAll<HTMLAnchorElement>('a[href]')];
  }

  private onKey(e: KeyboardEvent) {
    if (e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    const inInput = this.box.isInput(e.target);
    const links = this.links();
    const at = links.indexOf(e.target as HTMLAnchorElement);
    if (e.key === 'Enter' && inInput) {
      e.preventDefault();
      e.stopPropagation();
      void this.openFirst((e.target as HTMLInputElement).value);
    } else if (e.key === 'ArrowDown' && (inInput || at >= 0)) {
      const next = links[at + 1];
      if (next) {
        e.preventDefault();
        next.focus();
      }
    } else if (e.key === 'ArrowUp' && at >= 0) {
      e.preventDefault();
      if (at > 0) links[at - 1].focus();
      else this.box.root.querySelector<HTMLInputElement>('input')?.focus();
    }
  }

  /** Enter: search now if the debounce has not run yet, then follow the first answer. */
  async openFirst(value: string) {
    clearTimeout(this.timer);
    if (this.pending) await this.start(this.pending);
    else if (this.current) await this.current.done;
    else if (value.trim().length >= SHORT) await this.start(value.normalize('NFKC'));
    const first = this.links()[0];
    if (first) first.click();
  }
}
