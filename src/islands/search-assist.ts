/**
 * <search-assist>: turns Starlight's search dialog into the help desk's search. Starlight keeps its
 * dialog and Pagefind's input; the results come from SearchController (src/islands/search/): the
 * decoded answer for a paste, the pages the catalogue or an everyday word names, then Pagefind's
 * pages with playbooks above authoring and reference pages, and an honest notice when no page
 * explains the query. Pagefind's own list is hidden (Search.astro) so one list answers.
 * The pasted text stays in the page: never stored, never in a URL.
 */
import { SearchController } from './search/controller.ts';
import { el } from './dom.ts';

class SearchAssist extends HTMLElement {
  connectedCallback() {
    const dialog = document.querySelector<HTMLDialogElement>('site-search dialog');
    const search = dialog?.querySelector('#starlight__search');
    if (!dialog || !search) return;
    const panel = el('section', { className: 'sa-panel', id: 'sa-dialog' });
    panel.setAttribute('aria-label', '検索結果');
    panel.hidden = true;
    // below the input, so the input never moves when results appear
    search.after(panel);
    new SearchController({
      root: dialog,
      panel,
      base: this.dataset.base ?? '/',
      isInput: (t): t is HTMLInputElement => t instanceof HTMLInputElement && t.classList.contains('pagefind-ui__search-input'),
    });
  }
}

if (!customElements.get('search-assist')) customElements.define('search-assist', SearchAssist);
