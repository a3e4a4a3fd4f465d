// Worker-thread entry (bundled on its own as index-worker.js): reads and indexes batches of files.
import { parentPort, workerData } from 'worker_threads';
import { allRules } from '../rules';
import { loadSchema } from '../schema/load';
import type { SeveritySetting } from '../schema/types';
import type { Lang } from '../i18n';
import type { IndexOptions } from './index-file';
import * as fs from 'fs';
import { readCache } from './cache';
import { readAndIndex, workspaceFileExists } from './read-file';
import type { FileEntry } from './types';
import { walkRecordFiles } from './walk';

export interface WorkerInit {
  /** index (default): index batches of files on request; walk: list the record files once; cache: read the cache file once. */
  mode?: 'index' | 'walk' | 'cache';
  include?: string[];
  exclude?: string[];
  cacheFile?: string;
  cacheKey?: string;
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
  parentPort?.postMessage(walkRecordFiles(init.root, init.include ?? [], init.exclude ?? []));
} else if (init.mode === 'cache') {
  postCache();
} else {
  serveIndexing();
}

/** The cache, parsed here and handed over in slices, so the receiving thread never stalls on one big message. */
function postCache(): void {
  let map: Map<string, FileEntry> | undefined;
  try {
    map = readCache(fs.readFileSync(init.cacheFile!, 'utf8'), init.cacheKey!);
  } catch {
    map = undefined;
  }
  if (!map) {
    parentPort?.postMessage({ done: true, ok: false });
    return;
  }
  const all = [...map.values()];
  for (let i = 0; i < all.length; i += 2000) parentPort?.postMessage({ entries: all.slice(i, i + 2000) });
  parentPort?.postMessage({ done: true, ok: true });
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
