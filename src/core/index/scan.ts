import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Lang } from '../model/lang';
import { allRules } from '../rules';
import type { Schema, SeveritySetting } from '../model/schema';
import { yieldToEventLoop } from '../async/slices';
import { readCacheAsync } from './cache';
import type { IndexOptions } from './index-file';
import { readAndIndex, workspaceFileExists } from './read-file';
import { skippedEntry } from './skipped';
import type { FileEntry } from '../model/records';
import type { WalkSlice, WorkerInit, WorkerJob, WorkerResult } from './worker';
import { walkRecordFiles, type ListedFile, type Skipped } from './walk';

export type { ListedFile, Skipped } from './walk';

export interface ScanOptions {
  root: string;
  /** Handed to worker threads as it is (a structured clone): parsing it again there cost each worker ~50 ms. */
  schema: Schema;
  lang: Lang;
  severities?: ReadonlyMap<string, SeveritySetting>;
  /** Extra globs from settings, added to the schema's. */
  include?: readonly string[];
  exclude?: readonly string[];
  /**
   * Entries from the cache: reused when mtime and size still match (a promise lets loading overlap listing).
   * Without one the listing takes no stats at all: every file is read, and its stats come from reading it.
   */
  previous?: ReadonlyMap<string, FileEntry> | Promise<ReadonlyMap<string, FileEntry> | undefined>;
  /** Worker threads; 0 indexes in this thread (yielding between slices). Default: up to 2 above 1,000 files to read. */
  workers?: number;
  /**
   * Walk the folder in this thread, and start the index workers only once a thousand files wait to be read:
   * for a command line, whose thread has nobody to stay responsive for, and whose small folders would
   * otherwise pay for starting three workers (~100 ms each on two cores) that are then stopped unused.
   */
  listInThread?: boolean;
  /**
   * Index workers with a young generation of 2 MB and an old one of at most 1 GB (V8's defaults are larger,
   * the old one's from the machine's memory): a worker holds one batch at a time, so a bigger heap only delays
   * its collections. For a command line's peak memory: `check` at 100,000 records went from about 355 MB to
   * 300 MB with the young generation at 4 MB; the limit on the old one (whose growth V8 sets from it) saved
   * another ~25 MB on this 24 GB machine, 2 MB instead of 4 a few more. A 5 MB file, the largest read, needs
   * a small part of that gigabyte.
   */
  leanWorkers?: boolean;
  /**
   * Called when the folder turns out to be large (a thousand files listed; again as index workers start): the
   * command line, which runs a small folder without V8's optimising compiler, turns it back on.
   */
  whenLarge?: () => void;
  workerPath?: string;
  /**
   * Entries as they become ready (reused ones and each batch read), so a caller can build its index meanwhile.
   * The result's `files` then stays empty: the caller holds the entries. `reused`: they come from `previous`.
   */
  onEntries?(entries: readonly FileEntry[], reused: boolean): void;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

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
/**
 * Files per worker job; two jobs in flight per worker keep it busy while this thread takes results. Each
 * result is decoded and added here in one go: 250 files at a time made 40-60 ms stalls with a scavenge.
 */
const BATCH = 100;
/** Files handed out to the workers before the queue lets go of them (a move of what is left, half the queue at most). */
const DROP_TAKEN = 4096;
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

export function indexOptions(o: Pick<ScanOptions, 'root' | 'schema' | 'lang' | 'severities'>): IndexOptions {
  return { schema: o.schema, lang: o.lang, rules: allRules, severities: o.severities, fileExists: workspaceFileExists(o.root) };
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

/** Index worker threads alive now (a scan must never leave one behind, even when it fails). */
let liveWorkers = 0;
export function liveIndexWorkers(): number {
  return liveWorkers;
}

/** Index workers fed from a queue that the listing keeps filling. */
function startPool(o: ScanOptions, workerPath: string, count: number, deliver: ConstructorParameters<typeof IndexPool>[3]): IndexPool {
  o.whenLarge?.();
  return new IndexPool(o, workerPath, count, deliver);
}

class IndexPool {
  private readonly workers: Worker[];
  private readonly queue: ListedFile[] = [];
  private head = 0;
  private running = 0;
  private jobId = 0;
  private ended = false;
  private settle?: { resolve(): void; reject(e: unknown): void };
  private failure: unknown;

  constructor(
    o: ScanOptions,
    workerPath: string,
    count: number,
    private readonly deliver: (entries: FileEntry[], settled: number) => void,
  ) {
    const init: WorkerInit = { root: o.root, schema: o.schema, lang: o.lang, severities: [...(o.severities ?? [])] };
    const resourceLimits = o.leanWorkers ? { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 1024 } : undefined;
    this.workers = Array.from({ length: count }, () => new Worker(workerPath, { workerData: init, resourceLimits }));
    for (const w of this.workers) {
      liveWorkers++;
      w.once('exit', () => liveWorkers--);
      w.on('message', (msg: WorkerResult) => {
        this.running--;
        this.busy.set(w, this.inFlight(w) - 1);
        this.jobs.get(w)?.shift();
        try {
          this.deliver(msg.entries, msg.entries.length + msg.vanished.length);
        } catch (e) {
          this.fail(e); // the caller's onEntries threw: the scan fails rather than waiting forever
          return;
        }
        this.feed(w);
        this.check();
      });
      w.on('error', (e) => {
        if (o.leanWorkers && (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') this.outOfMemory(w, o);
        else this.fail(e);
      });
    }
    this.lean = o.leanWorkers ? o : undefined;
    o.signal?.addEventListener('abort', () => this.fail(o.signal?.reason ?? new Error('aborted')), { once: true });
  }

  push(files: readonly ListedFile[]): void {
    for (const f of files) this.queue.push(f);
    if (this.workers.length === 0 && this.lean) {
      this.readHere(this.lean, this.takeAll());
      return;
    }
    // Two jobs in flight per worker.
    for (let round = 0; round < 2; round++) for (const w of this.workers) if (this.inFlight(w) <= round) this.feed(w);
  }

  private readonly busy = new Map<Worker, number>();
  /** Each worker's jobs in flight, oldest first. */
  private readonly jobs = new Map<Worker, WorkerJob[]>();
  private readonly lean?: ScanOptions;

  /**
   * A lean worker ran out of its heap (the syntax tree of a huge file): the files it held are read in this
   * thread, which has no such limit, and the other workers go on; once none is left, this thread reads the rest.
   */
  private outOfMemory(w: Worker, o: ScanOptions): void {
    const held = this.jobs.get(w) ?? [];
    this.workers.splice(this.workers.indexOf(w), 1);
    this.jobs.delete(w);
    this.busy.delete(w);
    this.running -= held.length;
    const files = held.flatMap((j) => j.files);
    if (this.workers.length === 0) files.push(...this.takeAll());
    this.readHere(o, files);
  }

  private readHere(o: ScanOptions, files: readonly ListedFile[]): void {
    const opts = indexOptions(o);
    const entries: FileEntry[] = [];
    for (const f of files) {
      const entry = readAndIndex(o.root, f.path, opts);
      if (entry) entries.push(entry);
    }
    try {
      this.deliver(entries, files.length);
    } catch (e) {
      this.fail(e);
      return;
    }
    this.check();
  }

  private takeAll(): ListedFile[] {
    const rest = this.queue.slice(this.head);
    this.queue.length = 0;
    this.head = 0;
    return rest;
  }

  private inFlight(w: Worker): number {
    return this.busy.get(w) ?? 0;
  }

  private feed(w: Worker): void {
    if (this.failure !== undefined || this.head >= this.queue.length) return;
    const job: WorkerJob = { id: this.jobId++, files: this.queue.slice(this.head, this.head + BATCH) };
    this.head += job.files.length;
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    } else if (this.head >= DROP_TAKEN && this.head * 2 >= this.queue.length) {
      // What was handed out goes: a listing far ahead of the reading queued all 89,269 files of the 100,000-record
      // folder, and kept them (a path each, which the entry brings back as a copy of its own) to the end.
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    this.running++;
    this.busy.set(w, this.inFlight(w) + 1);
    const jobs = this.jobs.get(w);
    if (jobs) jobs.push(job);
    else this.jobs.set(w, [job]);
    w.postMessage(job);
  }

  private check(): void {
    if (this.ended && this.running === 0 && this.head >= this.queue.length) this.settle?.resolve();
  }

  private fail(e: unknown): void {
    this.failure ??= e;
    this.settle?.reject(this.failure);
  }

  /** Stops the workers, whatever they were doing. */
  async stop(): Promise<void> {
    this.failure ??= new Error('stopped');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Resolves when everything pushed has been indexed; the workers are stopped either way. */
  async finish(): Promise<void> {
    this.ended = true;
    try {
      await new Promise<void>((resolve, reject) => {
        this.settle = { resolve, reject };
        // The failure is what the scan failed with (an error, or the abort signal's reason): passed on as it is.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        if (this.failure !== undefined) reject(this.failure);
        else this.check();
      });
    } finally {
      await Promise.all(this.workers.map((w) => w.terminate()));
    }
  }
}
