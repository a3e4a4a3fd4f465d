import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Lang } from '../i18n';
import { allRules } from '../rules';
import type { Schema, SeveritySetting } from '../schema/types';
import { readCacheAsync } from './cache';
import type { IndexOptions } from './index-file';
import type { Interner } from './record-index';
import { readAndIndex, workspaceFileExists } from './read-file';
import type { FileEntry } from './types';
import type { WorkerInit, WorkerJob } from './worker';
import { walkRecordFiles } from './walk';

export interface ListedFile {
  path: string;
  mtimeMs: number;
  size: number;
}

export interface ScanOptions {
  root: string;
  schema: Schema;
  /** The schema file's text, undefined for the built-in default (workers rebuild the schema from it). */
  schemaText: string | undefined;
  lang: Lang;
  severities?: ReadonlyMap<string, SeveritySetting>;
  /** Extra globs from settings, added to the schema's. */
  include?: readonly string[];
  exclude?: readonly string[];
  /** Entries from the cache: reused when mtime and size still match (a promise lets loading overlap listing). */
  previous?: ReadonlyMap<string, FileEntry> | Promise<ReadonlyMap<string, FileEntry> | undefined>;
  /** Worker threads; 0 indexes in this thread (yielding between slices). Default: up to 2 above 1,000 files. */
  workers?: number;
  workerPath?: string;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

export interface ScanResult {
  files: Map<string, FileEntry>;
  listed: number;
  reused: number;
  read: number;
}

/**
 * The record files of a folder with their stats. With a worker script the walk runs in a worker thread, so
 * the calling thread (the extension host) is free meanwhile. Symbolic links are not followed.
 */
export async function listRecordFiles(root: string, schema: Schema, extra?: { include?: readonly string[]; exclude?: readonly string[] }, workerPath?: string): Promise<ListedFile[]> {
  const include = [...schema.include, ...(extra?.include ?? [])];
  const exclude = [...schema.exclude, ...(extra?.exclude ?? [])];
  if (!workerPath) return walkRecordFiles(root, include, exclude);
  const init: WorkerInit = { mode: 'walk', root, include, exclude, schemaText: undefined, lang: 'en', severities: [] };
  return new Promise((resolve, reject) => {
    const out: ListedFile[] = [];
    const w = new Worker(workerPath, { workerData: init });
    w.on('message', (m: { files?: ListedFile[]; done?: boolean }) => {
      if (m.files) for (const f of m.files) out.push(f);
      if (m.done) {
        resolve(out);
        void w.terminate();
      } else setImmediate(() => w.postMessage('next')); // the next slice after this turn of the event loop
    });
    w.once('error', reject);
  });
}

/**
 * Reads the index cache without holding the thread: the file asynchronously, its lines in slices.
 * Undefined when the cache is missing, stale or corrupt.
 */
export async function loadCacheFile(file: string, key: string, interner?: Interner): Promise<Map<string, FileEntry> | undefined> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  return readCacheAsync(text, key, 8, interner);
}

export function defaultWorkerPath(): string {
  return path.join(__dirname, 'index-worker.js');
}

export function indexOptions(o: Pick<ScanOptions, 'root' | 'schema' | 'lang' | 'severities'>): IndexOptions {
  return { schema: o.schema, lang: o.lang, rules: allRules, severities: o.severities, fileExists: workspaceFileExists(o.root) };
}

export async function scanFolder(o: ScanOptions): Promise<ScanResult> {
  const inWorkers = o.workers !== 0;
  const [listed, previous] = await Promise.all([
    listRecordFiles(o.root, o.schema, o, inWorkers ? o.workerPath ?? defaultWorkerPath() : undefined),
    o.previous,
  ]);
  const files = new Map<string, FileEntry>();
  const todo: ListedFile[] = [];
  let sliceStart = Date.now();
  for (const f of listed) {
    const prev = previous?.get(f.path);
    if (prev && prev.mtimeMs === f.mtimeMs && prev.size === f.size) files.set(f.path, prev);
    else todo.push(f);
    if (Date.now() - sliceStart > 8) {
      await new Promise((r) => setImmediate(r));
      sliceStart = Date.now();
    }
  }
  const reused = files.size;
  let done = reused;
  const progress = (n: number) => {
    done += n;
    o.onProgress?.(done, listed.length);
  };
  o.onProgress?.(done, listed.length);
  const workers = o.workers ?? (todo.length > 1000 ? Math.min(2, Math.max(1, os.availableParallelism?.() ?? os.cpus().length)) : 0);
  if (workers > 0) await indexInWorkers(o, todo, workers, files, progress);
  else await indexHere(o, todo, files, progress);
  return { files, listed: listed.length, reused, read: todo.length };
}

/** In this thread, in slices of ~10 ms, so the extension host never stalls. */
async function indexHere(o: ScanOptions, todo: ListedFile[], files: Map<string, FileEntry>, progress: (n: number) => void): Promise<void> {
  const opts = indexOptions(o);
  let i = 0;
  while (i < todo.length) {
    o.signal?.throwIfAborted();
    const start = Date.now();
    const from = i;
    while (i < todo.length && Date.now() - start < 10) {
      const entry = readAndIndex(o.root, todo[i].path, todo[i], opts);
      if (entry) files.set(entry.path, entry);
      i++;
    }
    progress(i - from);
    if (i < todo.length) await new Promise((r) => setImmediate(r));
  }
}

const BATCH = 250;

async function indexInWorkers(o: ScanOptions, todo: ListedFile[], count: number, files: Map<string, FileEntry>, progress: (n: number) => void): Promise<void> {
  const init: WorkerInit = { root: o.root, schemaText: o.schemaText, lang: o.lang, severities: [...(o.severities ?? [])] };
  const workerPath = o.workerPath ?? defaultWorkerPath();
  const pool = Array.from({ length: Math.min(count, Math.ceil(todo.length / BATCH)) }, () => new Worker(workerPath, { workerData: init }));
  let next = 0;
  let jobId = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const onAbort = () => reject(o.signal?.reason ?? new Error('aborted'));
      o.signal?.addEventListener('abort', onAbort, { once: true });
      const feed = (w: Worker) => {
        if (next >= todo.length) {
          if (running === 0) resolve();
          return;
        }
        const job: WorkerJob = { id: jobId++, files: todo.slice(next, next + BATCH) };
        next += BATCH;
        running++;
        w.postMessage(job);
      };
      for (const w of pool) {
        w.on('message', (msg: { entries: FileEntry[]; vanished: string[] }) => {
          running--;
          for (const e of msg.entries) files.set(e.path, e);
          progress(msg.entries.length + msg.vanished.length);
          feed(w);
        });
        w.on('error', reject);
      }
      // Two batches in flight per worker keep it busy while the main thread takes results.
      for (const w of pool) {
        feed(w);
        feed(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
