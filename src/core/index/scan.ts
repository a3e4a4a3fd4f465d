import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Schema } from '../model/schema';
import { yieldToEventLoop } from '../async/slices';
import { readCacheAsync } from './cache';
import { readAndIndex } from './read-file';
import { skippedEntry } from './skipped';
import type { FileEntry } from '../model/records';
import type { WalkSlice, WorkerInit } from './worker';
import { walkRecordFiles, type ListedFile, type Skipped } from './walk';
import { indexOptions, type ScanOptions } from './scan-options';
import { startPool } from './pool';

export type { ListedFile, Skipped } from './walk';
export { indexOptions, type ScanOptions } from './scan-options';
export { liveIndexWorkers } from './pool';

export interface ScanResult {
  /** Every entry by path (empty when `onEntries` took them). */
  files: Map<string, FileEntry>;
  listed: number;
  reused: number;
  read: number;
  /** Entries for what the walk saw but did not read (folders it could not list, links, FIFOs…), not in `listed`. */
  skipped: number;
}

/** Below this many files to read, worker start-up costs more than it saves. */
const WORKERS_FROM = 1000;
/** Unchanged entries handed over at once. */
const REUSE_BATCH = 250;
/** Longest run of work on this thread between yields (the extension host must stay responsive). */
const SLICE_MS = 8;

/**
 * Streams the record files of a folder, slice by slice, to `onSlice` (awaited before the next slice is asked
 * for). With a worker script the walk runs in a worker thread, so the calling thread is free meanwhile.
 * Symbolic links are not followed; they come in `skipped`, with folders that could not be listed and FIFOs.
 */
export async function streamRecordFiles(
  root: string,
  schema: Schema,
  extra: { include?: readonly string[]; exclude?: readonly string[] } | undefined,
  workerPath: string | undefined,
  stats: boolean,
  onSlice: (files: ListedFile[], last: boolean, skipped: Skipped[]) => void | Promise<void>,
): Promise<void> {
  const include = [...schema.include, ...(extra?.include ?? [])];
  const exclude = [...schema.exclude, ...(extra?.exclude ?? [])];
  if (!workerPath) {
    const walked = walkRecordFiles(root, include, exclude, stats);
    return onSlice(walked.files, true, walked.skipped);
  }
  const init: WorkerInit = { mode: 'walk', root, include, exclude, stats, lang: 'en', severities: [] };
  const w = new Worker(workerPath, { workerData: init });
  try {
    await new Promise<void>((resolve, reject) => {
      w.on('message', (m: WalkSlice) => {
        Promise.resolve(onSlice(m.files, m.done, m.skipped)).then(() => {
          if (m.done) resolve();
          else setImmediate(() => w.postMessage('next')); // the next slice after this turn of the event loop
        }, reject);
      });
      w.once('error', reject);
    });
  } finally {
    void w.terminate();
  }
}

/**
 * Every record file of a folder with its stats (listing only; the walk in a worker when given its script).
 * What the walk did not list (links, folders it could not list) is left out: scanFolder reports it.
 */
export async function listRecordFiles(
  root: string,
  schema: Schema,
  extra?: { include?: readonly string[]; exclude?: readonly string[] },
  workerPath?: string,
): Promise<ListedFile[]> {
  const out: ListedFile[] = [];
  await streamRecordFiles(root, schema, extra, workerPath, true, (files) => {
    for (const f of files) out.push(f);
  });
  return out;
}

/**
 * Reads the index cache without holding the thread: the file asynchronously, its lines in slices.
 * Undefined when the cache is missing, stale or corrupt.
 */
export async function loadCacheFile(file: string, key: string): Promise<Map<string, FileEntry> | undefined> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch {
    return undefined;
  }
  return readCacheAsync(bytes, key, SLICE_MS);
}

export function defaultWorkerPath(): string {
  return path.join(__dirname, 'index-worker.js');
}

/**
 * Lists, compares with the cache and indexes a folder as one pipeline: each slice of the listing is compared
 * with the cache as it arrives, and files to read go to the index workers at once, so reading starts long
 * before the walk of a large folder ends.
 */
export async function scanFolder(o: ScanOptions): Promise<ScanResult> {
  const inWorkers = o.workers !== 0;
  const workerPath = o.workerPath ?? defaultWorkerPath();
  const files = new Map<string, FileEntry>();
  let listed = 0;
  let reused = 0;
  let skipped = 0;
  let done = 0;
  const entryOpts = indexOptions(o);
  const deliver = (entries: readonly FileEntry[], settled: number, reusedNow = false) => {
    if (o.onEntries) {
      if (entries.length) o.onEntries(entries, reusedNow);
    } else for (const e of entries) files.set(e.path, e);
    done += settled;
    o.onProgress?.(done, listed);
  };
  let previous: ReadonlyMap<string, FileEntry> | undefined;
  let previousLoaded = o.previous === undefined;
  // A cache that cannot be loaded is no cache: everything is read.
  const previousSoon = o.previous instanceof Promise ? o.previous.catch(() => undefined) : o.previous;
  const todo: ListedFile[] = [];
  const count = o.workers ?? Math.min(2, Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
  // A first index (no cache) of anything but a tiny folder needs the workers: they start now, beside the
  // walk, and are ready by its first slice (a worker takes ~100 ms to start). Stopped unused if it is tiny.
  let pool =
    inWorkers && count > 0 && o.previous === undefined && o.workers === undefined && !o.listInThread ? startPool(o, workerPath, count, deliver) : undefined;
  let feeding = false;

  try {
    await streamRecordFiles(
      o.root,
      o.schema,
      o,
      inWorkers && !o.listInThread ? workerPath : undefined,
      o.previous !== undefined,
      async (slice, last, unlisted) => {
        o.signal?.throwIfAborted();
        if (listed < WORKERS_FROM && listed + slice.length >= WORKERS_FROM) o.whenLarge?.();
        listed += slice.length;
        // Never compared with the cache (they are not in it): the walk's word on them is the current one.
        if (unlisted.length) {
          skipped += unlisted.length;
          deliver(
            unlisted.map((s) => skippedEntry(s, entryOpts)),
            0,
          );
        }
        if (!previousLoaded) {
          previous = await previousSoon;
          previousLoaded = true;
        }
        // Unchanged entries go to the caller a few hundred at a time (it indexes them as they come), and the
        // work yields every few ms: a listing slice holds thousands.
        let same: FileEntry[] = [];
        let sliceStart = Date.now();
        for (const f of slice) {
          const prev = previous?.get(f.path);
          if (prev && prev.mtimeMs === f.mtimeMs && prev.size === f.size) same.push(prev);
          else todo.push(f);
          if (same.length === REUSE_BATCH) {
            reused += same.length;
            deliver(same, same.length, true);
            same = [];
            if (Date.now() - sliceStart > SLICE_MS) {
              await yieldToEventLoop();
              sliceStart = Date.now();
            }
          }
        }
        reused += same.length;
        deliver(same, same.length, true);
        if (!feeding && inWorkers && count > 0) {
          // Workers asked for explicitly are used whatever the count; by default only where they pay off: a
          // thousand files to read, or a listing that goes on while workers are already there.
          feeding = o.workers !== undefined ? todo.length > 0 : todo.length >= WORKERS_FROM || (pool !== undefined && !last && todo.length > 0);
          if (feeding) pool ??= startPool(o, workerPath, count, deliver);
        }
        if (feeding) pool!.push(todo.splice(0));
      },
    );
  } catch (err) {
    // The listing failed or was aborted: the workers must not outlive the scan.
    await pool?.stop();
    throw err;
  }
  const read = listed - reused;
  if (feeding) await pool!.finish();
  else {
    pool?.finish().catch(() => undefined); // started for nothing: stopped
    await indexHere(o, todo, deliver);
  }
  return { files, listed, reused, read, skipped };
}

/** In this thread, in slices of ~10 ms, so the extension host never stalls. */
async function indexHere(o: ScanOptions, todo: ListedFile[], deliver: (entries: FileEntry[], settled: number) => void): Promise<void> {
  // A command line reading a small folder here ends soon after: copying every string out of the file's text
  // (so an entry does not keep the whole text alive) would cost it more than the memory it saves.
  const opts = o.listInThread ? { ...indexOptions(o), detach: false } : indexOptions(o);
  let i = 0;
  while (i < todo.length) {
    o.signal?.throwIfAborted();
    const start = Date.now();
    const from = i;
    const entries: FileEntry[] = [];
    while (i < todo.length && Date.now() - start < 10) {
      const entry = readAndIndex(o.root, todo[i].path, opts);
      if (entry) entries.push(entry);
      i++;
    }
    deliver(entries, i - from);
    if (i < todo.length) await yieldToEventLoop();
  }
}
