/// <reference lib="webworker" />
/**
 * Web Worker: decode large pastes, bundles and dropped files off the main thread, reporting
 * progress. Files are read here in slices (Blob.slice), so a 100 MB .evtx or text file never
 * sits in the page or in memory whole (src/lib/input, src/lib/evtx).
 */
import { decode, decodeBundle } from '../../lib/decode/index.ts';
import { catalogue } from '../../lib/catalogue/data.ts';
import { decodeFile, readFileText } from '../../lib/input/file.ts';
import type { Job } from './run.ts';

/** Files up to this size come back with their text (or event XML) to show in the paste box. */
const SHOW_TEXT_BYTES = 2 * 1024 * 1024;

const slices = (file: Blob) => async (offset: number, length: number) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());

self.onmessage = async (e: MessageEvent<Job>) => {
  const job = e.data;
  try {
    let last = 0;
    const onProgress = (done: number, total: number) => {
      const now = Date.now();
      if (now - last > 100) {
        last = now;
        self.postMessage({ type: 'progress', done, total });
      }
    };
    let result;
    if (job.kind === 'text') result = { kind: 'text', report: decode(job.text, catalogue as never, { scope: job.scope, onProgress }) };
    else if (job.kind === 'bundle') result = { kind: 'bundle', report: decodeBundle(job.files, catalogue as never) };
    else if (job.kind === 'file') {
      const f = job.file;
      const r = await decodeFile(slices(f), f.size, f.name, catalogue as never, { scope: job.scope, onProgress, keepTextUpTo: SHOW_TEXT_BYTES });
      result = { kind: 'text', report: r.report, file: { name: f.name, kind: r.kind, encoding: r.encoding, refused: r.refused, text: r.text } };
    } else {
      const texts = [];
      const refused: string[] = [];
      for (let i = 0; i < job.files.length; i++) {
        const f = job.files[i];
        const r = await readFileText(slices(f), f.size, f.name);
        if ('text' in r) texts.push({ name: f.name, text: r.text });
        else refused.push(r.refused);
        onProgress(i + 1, job.files.length);
      }
      const report = decodeBundle(texts, catalogue as never);
      report.notices.unshift(...refused);
      result = { kind: 'bundle', report };
    }
    self.postMessage({ type: 'done', result });
  } catch (err) {
    self.postMessage({ type: 'error', message: String(err) });
  }
};
