// Worker-thread entry (bundled on its own as index-worker.js): lists record files, or reads and indexes batches of them.
import { parentPort, workerData } from 'worker_threads';
import { allRules } from '../rules';
import { defaultSchema } from '../schema/load';
import type { Schema, SeveritySetting } from '../model/schema';
import type { Lang } from '../model/lang';
import type { IndexOptions } from './index-file';
import { readAndIndex, workspaceFileExists } from './read-file';
import { indexWritten } from './index-file';
import type { FileEntry } from '../model/records';
import { RecordWalker, type ListedFile, type Skipped } from './walk';

export interface WorkerInit {
  /** index (default): index batches of files on request; walk: list the record files. */
  mode?: 'index' | 'walk';
  include?: string[];
  exclude?: string[];
  /** walk: take each file's stats (to compare with a cache). */
  stats?: boolean;
  root: string;
  /** index: the schema, as a structured clone. */
  schema?: Schema;
  lang: Lang;
  severities: [string, SeveritySetting][];
  maxBytes?: number;
}

export interface WorkerJob {
  id: number;
  files: ListedFile[];
}

/** Records not written yet, from their text (text-pool.ts): an import's new records. */
export interface WrittenJob {
  id: number;
  texts: { path: string; text: string; size: number }[];
}

export interface WorkerResult {
  id: number;
  entries: FileEntry[];
  vanished: string[];
}

/** What the walk sends each time it is asked: files found since the last slice, and what it did not list. */
export interface WalkSlice {
  files: ListedFile[];
  /** Folders it could not list, links, FIFOs…: each becomes an entry with a finding on the receiving side. */
  skipped: Skipped[];
  done: boolean;
}

/** At most this many paths per slice: a slice is decoded in one go on the receiving thread. */
export const WALK_SLICE = 4000;

const init = workerData as WorkerInit;

if (init.mode === 'walk') serveWalk();
else serveIndexing();

/**
 * Walks in steps and sends what it has found whenever the receiver asks, so indexing starts while the walk
 * goes on. One slice per request: slices queued together would be decoded back to back on the receiver.
 */
function serveWalk(): void {
  const walker = new RecordWalker(init.root, init.include ?? [], init.exclude ?? [], init.stats !== false);
  let found: ListedFile[] = [];
  let skipped: Skipped[] = [];
  let asked = true;
  const send = () => {
    for (const s of walker.takeSkipped()) skipped.push(s);
    if (!asked || (found.length === 0 && skipped.length === 0 && !walker.done)) return;
    asked = false;
    const files = found.length > WALK_SLICE ? found.splice(0, WALK_SLICE) : found;
    if (files === found) found = [];
    const slice: WalkSlice = { files, skipped, done: walker.done && found.length === 0 };
    skipped = [];
    parentPort?.postMessage(slice);
  };
  parentPort?.on('message', () => {
    asked = true;
    send();
  });
  const step = () => {
    walker.next(500, found);
    send();
    if (!walker.done) setImmediate(step);
  };
  step();
}

function serveIndexing(): void {
  const opts: IndexOptions = {
    schema: init.schema ?? defaultSchema(),
    lang: init.lang,
    rules: allRules,
    severities: new Map(init.severities),
    fileExists: workspaceFileExists(init.root),
    maxBytes: init.maxBytes,
    detach: false,
  };
  parentPort?.on('message', (job: WorkerJob | WrittenJob) => {
    if ('texts' in job) {
      const written: WorkerResult = { id: job.id, entries: job.texts.map((t) => indexWritten(t.path, t.text, t.size, opts)), vanished: [] };
      parentPort?.postMessage(written);
      return;
    }
    const entries: FileEntry[] = [];
    const vanished: string[] = [];
    for (const f of job.files) {
      const entry = readAndIndex(init.root, f.path, opts);
      if (entry) entries.push(entry);
      else vanished.push(f.path);
    }
    const result: WorkerResult = { id: job.id, entries, vanished };
    parentPort?.postMessage(result);
  });
}
