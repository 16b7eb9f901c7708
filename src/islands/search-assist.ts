/**
 * <search-assist>: what Starlight's search box does not: folds full-width letters (ＩＫＥ → IKE)
 * before Pagefind sees them, and when someone pastes an event or a long message it puts the
 * decoded answer first, then the pages found segment by segment (Pagefind ANDs every word, so a
 * whole paste finds nothing). The pasted text stays in the page: never stored, never in a URL.
 */
import { smartSearch } from '../lib/search/smart-search.ts';
import { loadSitePagefind } from './decoder/pagefind.ts';
import { el, linkList } from './dom.ts';

/** From this length a query is treated as a paste: decoded, and searched sentence by sentence. */
const LONG = 40;
/** Shorter queries only get the catalogue lookup (message fragments, codes, event IDs). */
const SHORT = 2;

class SearchAssist extends HTMLElement {
  private pasted: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  connectedCallback() {
    const dialog = document.querySelector<HTMLDialogElement>('site-search dialog');
    const container = dialog?.querySelector('.search-container');
    if (!dialog || !container) return;
    const base = this.dataset.base ?? '/';
    const panel = el('section', { className: 'sa-panel' });
    panel.setAttribute('aria-label', '貼り付けた内容の解析');
    panel.setAttribute('aria-live', 'polite');
    panel.hidden = true;
    container.prepend(panel);

    const isSearchInput = (t: EventTarget | null): t is HTMLInputElement => t instanceof HTMLInputElement && t.classList.contains('pagefind-ui__search-input');

    dialog.addEventListener(
      'paste',
      (e) => {
        if (!isSearchInput(e.target)) return;
        this.pasted = (e as ClipboardEvent).clipboardData?.getData('text') ?? null;
      },
      true,
    );
    dialog.addEventListener(
      'input',
      (e) => {
        if (!isSearchInput(e.target)) return;
        const input = e.target;
        // Runs before Pagefind's own listener (capture phase), so Pagefind searches the folded text.
        const folded = input.value.normalize('NFKC');
        if (folded !== input.value) input.value = folded;
        const raw = this.pasted && this.pasted.replace(/\s+/g, ' ').trim().normalize('NFKC') === folded.replace(/\s+/g, ' ').trim() ? this.pasted : folded;
        this.pasted = null;
        clearTimeout(this.timer);
        if (folded.trim().length < SHORT) {
          this.generation++;
          panel.hidden = true;
          panel.replaceChildren();
          return;
        }
        this.timer = setTimeout(() => void this.assist(raw, panel, base), 200);
      },
      true,
    );
  }

  private async assist(text: string, panel: HTMLElement, base: string) {
    const gen = ++this.generation;
    const [{ bestMatches }, { catalogue }] = await Promise.all([import('../lib/search/best-match.ts'), import('../lib/catalogue/data.ts')]);
    const nodes: Node[] = [];
    const best = bestMatches(catalogue, text, 3);
    if (best.length) {
      const ul = linkList(best.map((m) => ({ href: `${base.replace(/\/$/, '')}${m.url}`, title: m.title, note: ` — ${m.why}` })));
      const h = el('h2', {}, 'このメッセージ・番号のプレイブック');
      nodes.push(h, ul);
    }
    if (text.trim().length >= LONG) {
      const [{ decode }, { renderFinding, renderVerdict }] = await Promise.all([import('../lib/decode/index.ts'), import('./decoder/render.ts')]);
      // the same options as the decoder page and the CLI, so the verdict is the same for the same paste
      const report = decode(text, catalogue);
      const bestIds = new Set(best.map((b) => b.id));
      const useful = report.findings.filter((f) => (f.playbook && !bestIds.has(f.playbook.id)) || f.kind === 'not-ipsec').slice(0, 3);
      nodes.unshift(el('h2', {}, '貼り付けた内容の判定'), renderVerdict(report.verdictInfo, { base }));
      if (useful.length) {
        const h = el('h2', {}, '貼り付けた内容の解析');
        nodes.push(h, ...useful.map((f) => renderFinding(f, { base }, 'h3')));
      }
      let hits: Awaited<ReturnType<typeof smartSearch>> = [];
      try {
        hits = await smartSearch(await loadSitePagefind(base), text, 6);
      } catch {
        // search index not available (dev server): the decoded answer still shows
      }
      if (hits.length) {
        const h = el('h2', {}, '文ごとに検索した結果');
        const ul = linkList(hits.map((hit) => ({ href: hit.url, title: hit.title, note: ` (${hit.matched.length} 文が一致)` })));
        nodes.push(h, ul);
      }
    }
    if (gen !== this.generation) return;
    panel.replaceChildren(...nodes);
    panel.hidden = nodes.length === 0;
  }
}

if (!customElements.get('search-assist')) customElements.define('search-assist', SearchAssist);
