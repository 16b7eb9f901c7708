/**
 * Files dropped on the escalation packet's findings box (<packet-form>): an .evtx (or a large text
 * file) is summarised by the decoder's worker — record count, verdict, what to look at first, the
 * summary — instead of being read as text; a small text file is added in its detected encoding
 * (src/lib/input); binaries are refused with a message. Nothing leaves the browser.
 */
import { ENCODING_LABEL, INLINE_TEXT_BYTES, SNIFF_BYTES, decodeBytes, refusalMessage, sniff } from '../lib/input/index.ts';
import type { RunResult } from './decoder/run.ts';

export async function attachFile(box: HTMLTextAreaElement, f: File, status: (message: string) => void): Promise<void> {
  const kind = sniff(new Uint8Array(await f.slice(0, SNIFF_BYTES).arrayBuffer()), f.size <= SNIFF_BYTES);
  const refused = refusalMessage(f.name, f.size, kind);
  if (refused) return status(refused);
  const add = (text: string) => (box.value = box.value ? `${box.value.replace(/\s+$/, '')}\n\n${text}` : text);
  if (kind.kind === 'text' && f.size <= INLINE_TEXT_BYTES) {
    const r = decodeBytes(new Uint8Array(await f.arrayBuffer()), f.name);
    if (!r.ok) return status(r.message);
    add(r.text);
    return status(`「${f.name}」を${r.encoding === 'utf-8' ? '' : ` ${ENCODING_LABEL[r.encoding]} として`}読み込みました。`);
  }
  status(`「${f.name}」を解析しています…`);
  const worker = new Worker(new URL('./decoder/decode-worker.ts', import.meta.url), { type: 'module' });
  try {
    const result = await new Promise<RunResult>((ok, fail) => {
      worker.onmessage = (m: MessageEvent) => (m.data.type === 'done' ? ok(m.data.result) : m.data.type === 'error' ? fail(new Error(m.data.message)) : undefined);
      worker.onerror = (er) => fail(new Error(er.message || 'worker failed'));
      worker.postMessage({ kind: 'file', file: f });
    });
    if (result.kind !== 'text') return;
    if (result.file?.refused) return status(result.file.refused);
    const r = result.report;
    const head = r.stats.records !== undefined ? `.evtx のレコード ${r.stats.records} 件${r.stats.damaged?.length ? ` (読めなかった箇所 ${r.stats.damaged.length})` : ''}` : `イベント ${r.stats.events} 件`;
    const lines = [`[添付 ${f.name}: ${head}、所見 ${r.stats.findings} 件] ${r.verdictReason ?? ''}`.trim()];
    for (const l of r.firstLook) lines.push(`- ${l}`);
    for (const g of r.summary.filter((x) => x.kind !== 'not-ipsec').slice(0, 10)) lines.push(`- ${g.title} × ${g.count}${g.peer ? ` (相手 ${g.peer})` : ''}${g.first ? ` 最初 ${g.first}` : ''}${g.last && g.last !== g.first ? ` 最後 ${g.last}` : ''}`);
    add(lines.join('\n'));
    status(`「${f.name}」の要約を「デコーダーの所見」に加えました。`);
  } catch (err) {
    status(`「${f.name}」を解析できませんでした (${err instanceof Error ? err.message : String(err)})。`);
  } finally {
    worker.terminate();
  }
}
