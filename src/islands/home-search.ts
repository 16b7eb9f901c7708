/** <home-search>: the home page's search-or-paste box; the search itself is SearchController's. */
import { SearchController } from './search/controller.ts';

class HomeSearch extends HTMLElement {
  connectedCallback() {
    const input = this.querySelector<HTMLInputElement>('input')!;
    const panel = this.querySelector<HTMLElement>('.hs-panel')!;
    const form = this.querySelector('form')!;
    const search = new SearchController({ root: this, panel, base: this.dataset.base ?? '/', isInput: (t): t is HTMLInputElement => t === input });
    // the 「開く」 button does what Enter does
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void search.openFirst(input.value);
    });
  }
}

if (!customElements.get('home-search')) customElements.define('home-search', HomeSearch);
