// Worker-thread entry (bundled on its own as index-worker.js): reads and indexes batches of files.
import { parentPort, workerData } from 'worker_threads';
import { allRules } from '../rules';
import { loadSchema } from '../schema/load';
import type { SeveritySetting } from '../schema/types';
import type { Lang } from '../i18n';
import type { IndexOptions } from './index-file';
import { readAndIndex, workspaceFileExists } from './read-file';

export interface WorkerInit {
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
