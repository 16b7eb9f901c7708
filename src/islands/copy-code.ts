/**
 * <ipsec-copy>: a copy button for the code block inside it (fleet queries on playbook pages). Without
 * JavaScript the button stays hidden and the query can still be selected by hand.
 */
class IpsecCopy extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>('button[data-copy]');
    const code = this.querySelector<HTMLElement>('pre');
    const status = this.querySelector<HTMLElement>('[data-copy-status]');
    if (!button || !code || !status) return;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const text = code.textContent ?? '';
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = 'コピーしました。';
      } catch {
        // No clipboard (http:// intranet, browser policy): select the text for Ctrl+C instead.
        const range = document.createRange();
        range.selectNodeContents(code);
        const sel = getSelection();
        sel?.removeAllRanges();
        sel?.addRange(range);
        code.focus();
        status.textContent = 'クリップボードを使えないため、クエリを選択しました。Ctrl+C でコピーしてください。';
      }
    });
  }
}

if (!customElements.get('ipsec-copy')) customElements.define('ipsec-copy', IpsecCopy);
