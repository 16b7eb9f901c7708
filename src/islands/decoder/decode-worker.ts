/// <reference lib="webworker" />
/** Web Worker: decode large pastes and bundles off the main thread, reporting progress. */
import { decode, decodeBundle } from '../../lib/decode/index.ts';
import { catalogue } from '../../lib/catalogue/data.ts';
import type { Job } from './run.ts';

self.onmessage = (e: MessageEvent<Job>) => {
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
    const result =
      job.kind === 'text'
        ? { kind: 'text', report: decode(job.text, catalogue as never, { scope: job.scope, onProgress }) }
        : { kind: 'bundle', report: decodeBundle(job.files, catalogue as never) };
    self.postMessage({ type: 'done', result });
  } catch (err) {
    self.postMessage({ type: 'error', message: String(err) });
  }
};
