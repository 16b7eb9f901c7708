/**
 * Run the decoder off the page. `prepare()` loads the library and the catalogue and starts a
 * worker as soon as the reader comes near the widget, so that decoding itself makes no network
 * request at all. Small inputs are decoded in the page; large ones in the worker, which reports
 * progress and can be cancelled (terminated) at any time.
 */
import type { BundleFile, BundleReport, DecodeReport } from '../../lib/decode/types.ts';

/** Above this many characters the work goes to a worker so the tab never freezes. */
export const WORKER_THRESHOLD = 100_000;
/** Inputs are refused beyond this size, with a message (the library would cut them anyway). */
export const MAX_CHARS = 5_000_000;

/** For a file job: what the file was, and its text (or the .evtx's event XML) when small enough to show. */
export interface FileInfo {
  name: string;
  kind: 'evtx' | 'text' | 'binary';
  encoding?: string;
  refused?: string;
  text?: string;
}
export type RunResult = { kind: 'text'; report: DecodeReport; file?: FileInfo } | { kind: 'bundle'; report: BundleReport };
/** `file` and `files` jobs always run in the worker: the File is read there in slices, never whole in the page. */
export type Job = { kind: 'text'; text: string; scope?: string } | { kind: 'bundle'; files: BundleFile[] } | { kind: 'file'; file: File; scope?: string } | { kind: 'files'; files: File[] };

export interface RunHandle {
  done: Promise<RunResult>;
  cancel(): void;
}

type Lib = typeof import('../../lib/decode/index.ts');
const jobSize = (job: Job) =>
  job.kind === 'text' ? job.text.length : job.kind === 'bundle' ? job.files.reduce((n, f) => n + f.text.length, 0) : Number.POSITIVE_INFINITY;

export class DecoderRunner {
  private lib: Promise<[Lib, unknown]> | null = null;
  private inputLib: Promise<typeof import('../../lib/input/index.ts')> | null = null;

  /** The small file-sniffing part of src/lib/input (loaded with the decoder, or on the first drop). */
  input(): Promise<typeof import('../../lib/input/index.ts')> {
    this.inputLib ??= import('../../lib/input/index.ts');
    return this.inputLib;
  }
  private worker: Worker | null = null;

  /** Load everything decoding needs (idempotent). */
  prepare(): Promise<[Lib, unknown]> {
    this.worker ??= new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' });
    void this.input();
    this.lib ??= Promise.all([import('../../lib/decode/index.ts'), import('../../lib/catalogue/data.ts').then((m) => m.catalogue)]);
    return this.lib;
  }

  run(job: Job, onProgress: (done: number, total: number) => void): RunHandle {
    if (jobSize(job) < WORKER_THRESHOLD) {
      const signal = { aborted: false };
      const done = this.prepare().then(([lib, catalogue]): RunResult => {
        if (job.kind === 'text') return { kind: 'text', report: lib.decode(job.text, catalogue as never, { scope: job.scope, signal, onProgress }) };
        if (job.kind !== 'bundle') throw new Error('file jobs run in the worker');
        return { kind: 'bundle', report: lib.decodeBundle(job.files, catalogue as never) };
      });
      return { done, cancel: () => (signal.aborted = true) };
    }
    void this.prepare();
    const worker = this.worker!;
    let reject: (e: Error) => void = () => {};
    const done = new Promise<RunResult>((ok, fail) => {
      reject = fail;
      worker.onmessage = (e: MessageEvent) => {
        const m = e.data as { type: 'progress'; done: number; total: number } | { type: 'done'; result: RunResult } | { type: 'error'; message: string };
        if (m.type === 'progress') onProgress(m.done, m.total);
        else if (m.type === 'done') ok(m.result);
        else fail(new Error(m.message));
      };
      worker.onerror = (e) => fail(new Error(e.message || 'worker failed'));
    });
    worker.postMessage(job);
    return {
      done,
      cancel: () => {
        // A worker cannot be interrupted mid-loop: end it, and start a fresh one for next time.
        worker.terminate();
        this.worker = null;
        reject(new Error('cancelled'));
      },
    };
  }
}
