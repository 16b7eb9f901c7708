/**
 * <ipsec-decoder>: the paste-anything decoder as a thin custom element. It only moves data
 * between the page and the decoder library (src/lib/decode); nothing pasted leaves the browser,
 * goes into the URL or is stored.
 *
 * Attributes: data-scope (playbook id the widget is embedded in), data-base (Astro base path).
 */
import { DecoderRunner, MAX_CHARS, type Job, type RunHandle, type RunResult } from './run.ts';
import { renderBundle, renderReport } from './render.ts';
import { loadSitePagefind } from './pagefind.ts';
import { smartSearch } from '../../lib/search/smart-search.ts';
import { el, linkList } from '../dom.ts';

class IpsecDecoder extends HTMLElement {
  private running: RunHandle | null = null;
  private runner = new DecoderRunner();
  private last: RunResult | null = null;

  connectedCallback() {
    const q = <T extends Element>(s: string) => this.querySelector(s) as T;
    const form = q<HTMLFormElement>('form');
    const input = q<HTMLTextAreaElement>('textarea');
    const files = q<HTMLInputElement>('input[type=file]');
    const cancel = q<HTMLButtonElement>('[data-cancel]');
    const status = q<HTMLElement>('[data-status]');
    const results = q<HTMLElement>('[data-results]');
    const copyBar = q<HTMLElement>('[data-copy]');
    const redact = q<HTMLInputElement>('[data-redact]');
    const base = this.dataset.base ?? '/';
    const scope = this.dataset.scope || undefined;

    const say = (msg: string) => {
      status.textContent = msg;
    };

    const start = (job: Job, note = '') => {
      this.running?.cancel();
      const size = job.kind === 'text' ? job.text.length : job.kind === 'bundle' ? job.files.reduce((n, f) => n + f.text.length, 0) : job.kind === 'file' ? job.file.size : job.files.length;
      if (size > MAX_CHARS && (job.kind === 'text' || job.kind === 'bundle')) {
        say(`入力が大きすぎます (${size.toLocaleString()} 文字)。${MAX_CHARS.toLocaleString()} 文字までに分けて貼り付けるか、コマンド ライン (npm run decode) を使ってください。`);
        return;
      }
      if (size === 0) {
        say('解析する内容がありません。イベントやログを貼り付けるか、ファイルを選んでください。');
        return;
      }
      results.replaceChildren();
      copyBar.hidden = true;
      this.last = null;
      cancel.hidden = false;
      const what = job.kind === 'file' ? `「${job.file.name}」(${(job.file.size / 1024 / 1024).toFixed(1)} MB) を` : '';
      say(`${what}解析しています…`);
      const handle = this.runner.run(job, (done, total) => say(`${what}解析しています… ${Math.floor((done / Math.max(total, 1)) * 100)}%`));
      this.running = handle;
      handle.done
        .then((result) => {
          if (this.running !== handle) return;
          const file = result.kind === 'text' ? result.file : undefined;
          if (file?.refused) {
            say(file.refused);
            return;
          }
          // a file's text (or its .evtx rendered as event XML) goes in the box when small, so spans can be shown
          if (file?.text !== undefined) input.value = file.text;
          else if (file) input.value = '';
          this.last = result;
          const spans = job.kind === 'text' || file?.text !== undefined;
          const opts = { base, onShowSpan: spans ? (span: [number, number]) => showSpan(span) : undefined, onSearch: (t: string) => searchSite(t) };
          results.replaceChildren(result.kind === 'text' ? renderReport(result.report, opts) : renderBundle(result.report, opts));
          const n = result.kind === 'text' ? result.report.stats.findings : result.report.files.reduce((k, f) => k + f.report.stats.findings, 0);
          const st = result.kind === 'text' ? result.report.stats : undefined;
          const rec = st?.records !== undefined ? ` .evtx のレコード ${st.records} 件を読みました${st.damaged?.length ? ` (読めなかった箇所 ${st.damaged.length})` : ''}。` : '';
          say(`${note}解析が終わりました: ${n} 件見つかりました。${rec}`);
          copyBar.hidden = false;
        })
        .catch((e: Error) => {
          if (this.running === handle) say(e.message === 'cancelled' ? '解析を中止しました。' : `解析できませんでした: ${e.message}`);
        })
        .finally(() => {
          if (this.running === handle) {
            this.running = null;
            cancel.hidden = true;
          }
        });
    };

    const showSpan = ([s, e]: [number, number]) => {
      input.focus();
      input.setSelectionRange(s, e);
    };

    const searchSite = async (text: string) => {
      say('サイト内を検索しています…');
      try {
        const hits = await smartSearch(await loadSitePagefind(base), text, 5);
        const box = el('section', { className: 'dec-search' }, el('h3', {}, '検索結果'), hits.length ? linkList(hits.map((h) => ({ href: h.url, title: h.title }))) : '一致するページはありません。');
        results.prepend(box);
        say(`検索結果: ${hits.length} 件`);
      } catch {
        say('検索を読み込めませんでした (検索はビルドしたサイトでのみ使えます)。');
      }
    };

    // Load the decoder before it is needed, so decoding itself makes no request.
    this.addEventListener('focusin', () => void this.runner.prepare(), { once: true });
    this.addEventListener('pointerenter', () => void this.runner.prepare(), { once: true });

    form.addEventListener('submit', (e) => {
      e.preventDefault();
      start({ kind: 'text', text: input.value, scope });
    });
    // A paste is the usual way in: decode it at once (after the browser has put it in the box).
    input.addEventListener('paste', (e) => {
      if (!e.clipboardData?.getData('text').trim()) return;
      setTimeout(() => start({ kind: 'text', text: input.value, scope }), 0);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
        e.preventDefault();
        start({ kind: 'text', text: input.value, scope });
      }
    });
    cancel.addEventListener('click', () => this.running?.cancel());

    // Files: the kind and size are decided from the first 64 KiB before anything is read whole.
    // Small text files come into the box (in their detected encoding); .evtx and large files are
    // read in slices in the worker; binaries are refused. The same reader serves the CLI.
    const readFiles = async (list: FileList | null) => {
      if (!list?.length) return;
      const files = [...list];
      if (files.length > 1) return start({ kind: 'files', files });
      const f = files[0];
      const inp = await this.runner.input();
      const kind = inp.sniff(new Uint8Array(await f.slice(0, inp.SNIFF_BYTES).arrayBuffer()), f.size <= inp.SNIFF_BYTES);
      const refused = inp.refusalMessage(f.name, f.size, kind);
      if (refused) {
        this.running?.cancel();
        results.replaceChildren();
        copyBar.hidden = true;
        this.last = null;
        say(refused);
        return;
      }
      if (kind.kind === 'text' && f.size <= inp.INLINE_TEXT_BYTES) {
        const r = inp.decodeBytes(new Uint8Array(await f.arrayBuffer()), f.name);
        if (!r.ok) return say(r.message);
        input.value = r.text;
        return start({ kind: 'text', text: r.text, scope }, r.encoding === 'utf-8' ? '' : `文字コード ${inp.ENCODING_LABEL[r.encoding]} として読みました。`);
      }
      start({ kind: 'file', file: f, scope });
    };
    files.addEventListener('change', () => void readFiles(files.files));
    // the file sniffer is loaded as soon as a file is on its way (picker opened, drag entered)
    files.addEventListener('click', () => void this.runner.input());
    input.addEventListener('dragenter', () => void this.runner.input(), { once: true });
    input.addEventListener('dragover', (e) => e.preventDefault());
    input.addEventListener('drop', (e) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      void readFiles(e.dataTransfer.files);
    });

    const copy = async (markdown: boolean) => {
      // the bar is hidden until a decode finishes; never copy an empty or stale report
      if (!this.last) return say('先に解析してください。コピーするものがありません。');
      const lib = await import('../../lib/decode/index.ts');
      const opts = { redact: redact.checked, baseUrl: location.origin + base.replace(/\/$/, ''), markdown };
      const text = this.last.kind === 'text' ? (markdown ? lib.formatReportMarkdown : lib.formatReportText)(this.last.report, opts) : lib.formatBundleText(this.last.report, opts);
      try {
        await navigator.clipboard.writeText(text);
        say(`${markdown ? 'Markdown' : 'テキスト'}でコピーしました${redact.checked ? ' (伏せ字あり)' : ''}。`);
      } catch {
        const out = this.querySelector('[data-copy-out]') as HTMLTextAreaElement;
        out.hidden = false;
        out.value = text;
        out.select();
        say('クリップボードを使えないため、下の欄に表示しました。選択してコピーしてください。');
      }
    };
    q<HTMLButtonElement>('[data-copy-text]').addEventListener('click', () => void copy(false));
    q<HTMLButtonElement>('[data-copy-md]').addEventListener('click', () => void copy(true));
  }
}

if (!customElements.get('ipsec-decoder')) customElements.define('ipsec-decoder', IpsecDecoder);
