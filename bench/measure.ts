/** Measuring helpers: the reading floor, event-loop stalls, percentiles, heap, and the report table. */
import fg from 'fast-glob';
import * as fs from 'fs';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import { Worker } from 'worker_threads';
import type { Schema } from '../src/core/model/schema';

export const now = (): number => performance.now();

/** CPU time of the whole process (every thread, workers included), in ms: contention on a shared machine inflates wall time, much less this. */
export const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * The schema's include/exclude through fast-glob, as listRecordFiles does. The floor lists without stats: reading a
 * file needs only its path (listRecordFiles' per-file stats are reported apart, as a cost of the index).
 */
export async function listFloor(root: string, schema: Schema, stats = false): Promise<string[]> {
  const entries = await fg(schema.include, {
    cwd: root,
    ignore: schema.exclude,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    stats,
    suppressErrors: true,
    unique: true,
  });
  return (entries as (string | { path: string })[]).map((e) => (typeof e === 'string' ? e : e.path));
}

export interface FloorResult {
  ms: number;
  cpuMs: number;
  listMs: number;
  files: number;
  bytes: number;
}

/** List, then read every file with readFileSync in this thread. */
export async function floorOneThread(root: string, schema: Schema): Promise<FloorResult> {
  const c0 = cpuNow();
  const t0 = now();
  const files = await listFloor(root, schema);
  const listMs = now() - t0;
  let bytes = 0;
  for (const f of files) bytes += fs.readFileSync(path.join(root, f)).length;
  return { ms: now() - t0, cpuMs: cpuNow() - c0, listMs, files: files.length, bytes };
}

const BATCH = 250;

/** List, then read every file with readFileSync in `count` workers, batched and pipelined as scanFolder does. */
export async function floorWorkers(root: string, schema: Schema, count = 2): Promise<FloorResult> {
  const c0 = cpuNow();
  const t0 = now();
  const files = await listFloor(root, schema);
  const listMs = now() - t0;
  const pool = Array.from({ length: count }, () => new Worker(path.join(__dirname, 'read-worker.js'), { workerData: { root } }));
  let bytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let running = 0;
      let id = 0;
      const feed = (w: Worker) => {
        if (next >= files.length) {
          if (running === 0) resolve();
          return;
        }
        w.postMessage({ id: id++, files: files.slice(next, next + BATCH) });
        next += BATCH;
        running++;
      };
      for (const w of pool) {
        w.on('message', (m: { bytes: number }) => {
          running--;
          bytes += m.bytes;
          feed(w);
        });
        w.on('error', reject);
      }
      for (const w of pool) {
        feed(w);
        feed(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { ms: now() - t0, cpuMs: cpuNow() - c0, listMs, files: files.length, bytes };
}

/** Longest main-thread stall while `fn` runs: a 5 ms interval's drift, cross-checked with monitorEventLoopDelay. */
export async function withStallMonitor<T>(fn: (stallSoFar: () => number) => Promise<T>): Promise<{ value: T; maxStallMs: number; histMaxMs: number }> {
  const hist = monitorEventLoopDelay({ resolution: 10 });
  hist.enable();
  let last = now();
  let maxStall = 0;
  const timer = setInterval(() => {
    const t = now();
    maxStall = Math.max(maxStall, t - last - 5);
    last = t;
  }, 5);
  try {
    const value = await fn(() => Math.max(maxStall, now() - last - 5));
    // A stall at the very end (synchronous tail of fn) shows up when the timer next runs.
    const t = now();
    maxStall = Math.max(maxStall, t - last - 5);
    return { value, maxStallMs: maxStall, histMaxMs: hist.max / 1e6 };
  } finally {
    clearInterval(timer);
    hist.disable();
  }
}

/**
 * How much two threads actually get done at once right now (1.0–2.0 on two cores): the machine is shared, and
 * the ratios below mean little if other processes hold the CPUs.
 */
export async function parallelSpeedup(): Promise<number> {
  const src = `const { parentPort } = require('worker_threads'); let x = 0; for (let i = 0; i < 1.5e8; i++) x = (x * 31 + i) | 0; parentPort.postMessage(x);`;
  const run = async (n: number) => {
    const t = now();
    await Promise.all(
      Array.from(
        { length: n },
        () =>
          new Promise<void>((resolve, reject) => {
            const w = new Worker(src, { eval: true });
            w.once('message', () => void w.terminate().then(() => resolve()));
            w.once('error', reject);
          }),
      ),
    );
    return now() - t;
  };
  await run(1);
  const one = await run(1);
  const two = await run(2);
  return (2 * one) / two;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/**
 * heapUsed after full collections, measured from a fresh macrotask: right after an `await`, the native callback
 * that resolved it (an fs request, a worker message) is still on the stack, and its handles keep that callback's
 * closures alive — fast-glob's whole entry list with Stats, or the scan's map — which would skew the figure by MBs.
 */
export async function heapAfterGc(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run node with --expose-gc');
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export interface Row {
  metric: string;
  value: string;
  floor?: string;
  ratio?: string;
  target?: string;
  /** undefined: informational, no target. */
  pass?: boolean;
}

export const ms = (v: number): string => (v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`);

export function printTable(title: string, rows: readonly Row[]): void {
  const head: Row = { metric: 'metric', value: 'value', floor: 'floor', ratio: 'ratio', target: 'target' };
  const cells = (r: Row, isHead = false) => [
    r.metric,
    r.value,
    r.floor ?? '',
    r.ratio ?? '',
    r.target ?? '',
    isHead ? 'result' : r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL',
  ];
  const all = [cells(head, true), ...rows.map((r) => cells(r))];
  const widths = all[0].map((_, i) => Math.max(...all.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((s, i) => (i === 1 || i === 2 || i === 3 ? s.padStart(widths[i]) : s.padEnd(widths[i])))
      .join(' | ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(all[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const c of all.slice(1)) console.log(line(c));
}
