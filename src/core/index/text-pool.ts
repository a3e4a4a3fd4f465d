/**
 * Records that exist only as text yet (an import's new records, before anything is written) indexed in a
 * worker thread while the calling thread goes on planning: the same entries `indexWritten` gives here.
 */
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import type { FileEntry } from '../model/records';
import { indexWritten, type IndexOptions } from './index-file';
import type { WorkerInit, WrittenJob, WorkerResult } from './worker';

export interface WrittenText {
  path: string;
  text: string;
  /** Its size in bytes as it would be written. */
  size: number;
}

/** Texts handed over as they come, the entries back in the order the texts were pushed. */
export interface TextIndexer {
  push(item: WrittenText): void;
  finish(): Promise<FileEntry[]>;
  /** Whether a worker indexes them (false: this thread, at `finish`). */
  readonly inWorker: boolean;
}

/** Texts per message to the worker. */
const BATCH = 250;

/** In this thread, at `finish` (small imports, no worker script beside this bundle, or a worker that failed). */
export function indexTextsHere(opts: IndexOptions): TextIndexer {
  const items: WrittenText[] = [];
  return {
    inWorker: false,
    push: (item) => void items.push(item),
    finish: () => Promise.resolve(items.map((t) => indexWritten(t.path, t.text, t.size, opts))),
  };
}

/**
 * One index worker (the calling thread is busy planning meanwhile: on two cores a second worker would only
 * take turns with it). The worker's options are made from the same schema, language, severities and folder
 * as `opts`; should the worker fail, whatever it did not return is indexed in this thread.
 */
export function indexTextsInWorker(root: string, opts: IndexOptions, workerPath: string): TextIndexer {
  if (!fs.existsSync(workerPath)) return indexTextsHere(opts);
  const init: WorkerInit = { root, schema: opts.schema, lang: opts.lang, severities: [...(opts.severities ?? [])], maxBytes: opts.maxBytes };
  const worker = new Worker(workerPath, { workerData: init });
  const sent: WrittenText[][] = [];
  const got = new Map<number, FileEntry[]>();
  let pending: WrittenText[] = [];
  let failed = false;
  let settle: (() => void) | undefined;
  const done = () => got.size === sent.length && settle?.();
  worker.on('message', (r: WorkerResult) => {
    got.set(r.id, r.entries);
    done();
  });
  worker.on('error', () => {
    failed = true;
    settle?.();
  });
  const send = () => {
    const job: WrittenJob = { id: sent.length, texts: pending };
    sent.push(pending);
    pending = [];
    if (!failed) worker.postMessage(job);
  };
  return {
    inWorker: true,
    push(item) {
      pending.push(item);
      if (pending.length === BATCH) send();
    },
    async finish() {
      if (pending.length) send();
      try {
        if (!failed && got.size < sent.length) await new Promise<void>((resolve) => (settle = resolve));
      } finally {
        void worker.terminate();
      }
      // Batch by batch in order; a batch the worker did not return (it failed) is indexed here.
      return sent.flatMap((texts, id) => got.get(id) ?? texts.map((t) => indexWritten(t.path, t.text, t.size, opts)));
    },
  };
}
