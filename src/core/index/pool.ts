/** The index workers of a scan (scan.ts): fed from a queue the listing keeps filling, their results delivered in order of arrival. */
import { Worker } from 'worker_threads';
import type { FileEntry } from '../model/records';
import { readAndIndex } from './read-file';
import { indexOptions, type ScanOptions } from './scan-options';
import type { ListedFile } from './walk';
import type { WorkerInit, WorkerJob, WorkerResult } from './worker';

/**
 * Files per worker job; two jobs in flight per worker keep it busy while this thread takes results. Each
 * result is decoded and added here in one go: 250 files at a time made 40-60 ms stalls with a scavenge.
 */
const BATCH = 100;
/** Files handed out to the workers before the queue lets go of them (a move of what is left, half the queue at most). */
const DROP_TAKEN = 4096;

/** Index worker threads alive now (a scan must never leave one behind, even when it fails). */
let liveWorkers = 0;
export function liveIndexWorkers(): number {
  return liveWorkers;
}

/** Index workers fed from a queue that the listing keeps filling. */
export function startPool(o: ScanOptions, workerPath: string, count: number, deliver: ConstructorParameters<typeof IndexPool>[3]): IndexPool {
  o.whenLarge?.();
  return new IndexPool(o, workerPath, count, deliver);
}

export class IndexPool {
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
