/**
 * <packet-form>: the escalation packet form. Reads the flowchart path from the URL (answers
 * only), rebuilds the ticket text on every change with the pure functions of src/lib/packet/,
 * copies it on request, and saves a draft in localStorage only when asked to.
 */
import { buildPacket, EMPTY_FIELDS, formatTimestamp, type PacketFields } from '../lib/packet/packet.ts';
import { describeLink, type DescribedPath, type PacketChart } from '../lib/packet/path.ts';
import { debugFileName } from '../lib/packet/debug-files.ts';
import { DRAFT_KEY, parseDraft, serializeDraft } from '../lib/packet/draft.ts';

const STATE_LABEL: Record<string, string> = { 'fixed-identified': '修正済 / 特定済', 'fixed-unidentified': '修正済 / 未特定', unfixed: '未修正' };
const TEXT = ['caller', 'target', 'user', 'domain', 'occurred', 'summary', 'findings', 'notes'] as const;

class PacketForm extends HTMLElement {
  private charts: Record<string, PacketChart & { url: string }> = {};
  private paths: DescribedPath[] = [];
  private linkParams = new URLSearchParams();

  connectedCallback() {
    this.charts = JSON.parse(this.dataset.charts ?? '{}');
    this.setLink(new URLSearchParams(location.search));
    this.addEventListener('input', () => this.update());
    this.addEventListener('change', () => this.update());
    this.addEventListener('click', (e) => this.onClick(e));
    this.acceptAttachments();
    this.showDraftNotice();
    this.update();
  }

  private $<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  /** Take the flowchart path from link parameters (only chart, path, prev are kept). */
  private setLink(params: URLSearchParams) {
    const keep = new URLSearchParams();
    for (const k of ['chart', 'path', 'prev']) {
      const v = params.get(k);
      if (v) keep.set(k, v);
    }
    this.linkParams = keep;
    this.paths = describeLink(this.charts, keep);
    this.renderPaths();
  }

  private renderPaths() {
    const view = this.$('[data-path-view]');
    const choice = this.$('[data-state-choice]');
    if (this.paths.length === 0) {
      choice.hidden = false;
      return;
    }
    view.replaceChildren();
    for (const p of this.paths) {
      const head = document.createElement('p');
      const strong = document.createElement('strong');
      strong.textContent = `図 ${p.figure} ${p.title}`;
      head.append(strong);
      const ol = document.createElement('ol');
      for (const s of p.steps) {
        const li = document.createElement('li');
        li.textContent = `${s.tag} ${s.question} → ${s.answer}`;
        ol.append(li);
      }
      const end = document.createElement('p');
      if (p.end.kind === 'outcome') end.textContent = `結果: ${STATE_LABEL[p.end.state]} — ${p.end.title}`;
      else if (p.end.kind === 'goto') end.textContent = `→ 図 ${p.end.figure}「${p.end.title}」へ進んだ`;
      else end.textContent = `途中 (${p.end.question}) で止まっています。`;
      view.append(head, ol, end);
      if (!p.complete) {
        const warn = document.createElement('p');
        warn.className = 'pk-hint';
        warn.textContent = 'リンクの経路の一部がフローチャートと合わなかったため、読める所までを載せています。';
        view.append(warn);
      }
    }
    const last = this.paths[this.paths.length - 1];
    choice.hidden = last.end.kind === 'outcome';
  }

  private fields(): PacketFields {
    const f: PacketFields = { ...EMPTY_FIELDS, files: [] };
    for (const k of TEXT) f[k] = (this.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${k}"]`)?.value ?? '');
    f.files = [...this.querySelectorAll<HTMLInputElement>('input[name="files"]:checked')].map((i) => i.value);
    const chosen = this.querySelector<HTMLInputElement>('input[name="pk-state"]:checked');
    f.state = (this.$('[data-state-choice]').hidden ? '' : (chosen?.value ?? '')) as PacketFields['state'];
    return f;
  }

  private fill(f: PacketFields) {
    for (const k of TEXT) {
      const el = this.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${k}"]`);
      if (el) el.value = f[k];
    }
    for (const box of this.querySelectorAll<HTMLInputElement>('input[name="files"]')) box.checked = f.files.includes(box.value);
    for (const r of this.querySelectorAll<HTMLInputElement>('input[name="pk-state"]')) r.checked = r.value === (f.state || 'unfixed');
  }

  /** Absolute link to the last flowchart at the same step (answers only). */
  private link(): string | undefined {
    const chart = this.linkParams.get('chart');
    const meta = chart ? this.charts[chart] : undefined;
    if (!meta) return undefined;
    const q = new URLSearchParams();
    const path = this.linkParams.get('path');
    if (path) q.set('path', path);
    const prev = this.linkParams.get('prev');
    if (prev) q.set('prev', prev);
    const query = q.toString();
    return new URL(`${meta.url}${query ? `?${query}` : ''}`, location.origin).href;
  }

  private update() {
    const f = this.fields();
    const redact = this.$<HTMLInputElement>('[data-redact]').checked;
    const now = new Date();
    const packet = buildPacket(f, this.paths, { redact, createdAt: formatTimestamp(now, -now.getTimezoneOffset()), link: this.link() });
    this.$<HTMLTextAreaElement>('[data-out="plain"]').value = packet.plain;
    this.$<HTMLTextAreaElement>('[data-out="markdown"]').value = packet.markdown;
    this.$('[data-print]').textContent = packet.plain;
    for (const code of this.querySelectorAll<HTMLElement>('[data-file-name]')) code.textContent = debugFileName(code.dataset.fileName!, f.caller, f.target);
    const table = this.$('[data-table]');
    const body = this.$('[data-table-body]');
    body.replaceChildren();
    for (const e of packet.entries) {
      const tr = document.createElement('tr');
      const a = document.createElement('td');
      const b = document.createElement('td');
      a.textContent = e.placeholder;
      b.textContent = e.value;
      tr.append(a, b);
      body.append(tr);
    }
    table.hidden = packet.entries.length === 0;
  }

  private async onClick(e: Event) {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button');
    if (!button) return;
    if (button.dataset.copy) await this.copy(button.dataset.copy);
    else if (button.hasAttribute('data-draft-save')) this.saveDraft();
    else if (button.hasAttribute('data-draft-clear')) this.clearDraft();
    else if (button.hasAttribute('data-draft-load')) this.loadDraft();
  }

  private async copy(which: string) {
    const area = this.$<HTMLTextAreaElement>(`[data-out="${which}"]`);
    const label = which === 'plain' ? 'プレーン テキスト' : 'Markdown';
    try {
      await navigator.clipboard.writeText(area.value);
      this.status(`${label}をコピーしました。チケットに貼り付けてください。`);
    } catch {
      area.focus();
      area.select();
      this.status(`${label}を選択しました。Ctrl+C でコピーしてください。`);
    }
  }

  private saveDraft() {
    const now = new Date();
    const draft = { savedAt: formatTimestamp(now, -now.getTimezoneOffset()), fields: this.fields(), redact: this.$<HTMLInputElement>('[data-redact]').checked, link: this.linkParams.toString() };
    try {
      localStorage.setItem(DRAFT_KEY, serializeDraft(draft));
      this.status(`下書きをこのブラウザーに保存しました (${draft.savedAt})。`);
    } catch {
      this.status('下書きを保存できませんでした (ブラウザーの設定で保存が禁止されています)。');
    }
    this.showDraftNotice();
  }

  private clearDraft() {
    try {
      localStorage.removeItem(DRAFT_KEY);
    } catch {
      /* storage disabled: nothing was saved */
    }
    this.status('保存した下書きを消去しました。画面の入力内容はそのままです。');
    this.showDraftNotice();
  }

  private loadDraft() {
    const draft = this.readDraft();
    if (!draft) return;
    this.fill(draft.fields);
    this.$<HTMLInputElement>('[data-redact]').checked = draft.redact;
    if (!this.linkParams.get('chart') && draft.link) this.setLink(new URLSearchParams(draft.link));
    this.update();
    this.status(`下書き (${draft.savedAt}) を読み込みました。`);
  }

  private readDraft() {
    try {
      return parseDraft(localStorage.getItem(DRAFT_KEY));
    } catch {
      return null;
    }
  }

  private showDraftNotice() {
    const draft = this.readDraft();
    const notice = this.$('[data-draft-notice]');
    const load = this.$('[data-draft-load]');
    notice.hidden = load.hidden = !draft;
    if (draft) notice.textContent = `このブラウザーに保存した下書きがあります (${draft.savedAt})。別の連絡の内容が混ざらないよう、読み込む前に確かめてください。`;
  }

  /**
   * Files dropped on the findings box are summarised, not pasted as bytes (packet-attach.ts,
   * loaded only when a file is dropped so the page's up-front script stays small).
   */
  private acceptAttachments() {
    const box = this.querySelector<HTMLTextAreaElement>('[name="findings"]');
    if (!box) return;
    box.addEventListener('dragover', (e) => e.preventDefault());
    box.addEventListener('drop', (e) => {
      const list = e.dataTransfer?.files;
      if (!list?.length) return;
      e.preventDefault();
      void (async () => {
        const { attachFile } = await import('./packet-attach.ts');
        for (const f of [...list]) await attachFile(box, f, (m) => this.status(m));
        this.update();
      })();
    });
  }

  private status(message: string) {
    const s = this.$('[data-status]');
    s.textContent = '';
    window.setTimeout(() => (s.textContent = message), 50);
  }
}

if (!customElements.get('packet-form')) customElements.define('packet-form', PacketForm);
