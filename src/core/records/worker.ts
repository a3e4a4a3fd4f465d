// Worker-thread entry (bundled on its own as index-worker.js): reads and indexes batches of files.
import { parentPort, workerData } from 'worker_threads';
import { allRules } from '../rules';
import { loadSchema } from '../schema/load';
import type { SeveritySetting } from '../schema/types';
import type { Lang } from '../i18n';
import type { IndexOptions } from './index-file';
import { readAndIndex, workspaceFileExists } from './read-file';
import { walkRecordFiles } from './walk';

export interface WorkerInit {
  /** index (default): index batches of files on request; walk: list the record files once. */
  mode?: 'index' | 'walk';
  include?: string[];
  exclude?: string[];
  root: string;
  schemaText: string | undefined;
  lang: Lang;
  severities: [string, SeveritySetting][];
  maxBytes?: number;
}

export interface WorkerJob {
  id: number;
  files: { path: string; mtimeMs: number; size: number }[];
}

const init = workerData as WorkerInit;

if (init.mode === 'walk') {
  // In slices, each sent when the receiver asks: messages queued together are decoded back to back,
  // which held the extension host ~100 ms at 90,000 files.
  const all = walkRecordFiles(init.root, init.include ?? [], init.exclude ?? []);
  let at = 0;
  const send = () => {
    if (at >= all.length) parentPort?.postMessage({ done: true });
    else parentPort?.postMessage({ files: all.slice(at, (at += 5000)) });
  };
  parentPort?.on('message', send);
  send();
} else {
  serveIndexing();
}

function serveIndexing(): void {
  const opts: IndexOptions = {
    schema: loadSchema(init.schemaText).schema,
    lang: init.lang,
    rules: allRules,
    severities: new Map(init.severities),
    fileExists: workspaceFileExists(init.root),
    maxBytes: init.maxBytes,
  };
  parentPort?.on('message', (job: WorkerJob) => {
    const entries = [];
    const vanished: string[] = [];
    for (const f of job.files) {
      const entry = readAndIndex(init.root, f.path, f, opts);
      if (entry) entries.push(entry);
      else vanished.push(f.path);
    }
    parentPort?.postMessage({ id: job.id, entries, vanished });
  });
}
