/**
 * `npm run bench`: indexing performance at 10,000 and 100,000 records, against the cost of merely listing
 * and reading the files. A report, not a test: it always exits 0 and ends with how many targets were met.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cacheKey, writeCacheAsync } from '../src/core/index/cache';
import { readAndIndex } from '../src/core/index/read-file';
import { configureIndex } from '../src/core/index/configure';
import { RecordIndex } from '../src/core/index/record-index';
import { defaultWorkerPath, indexOptions, listRecordFiles, loadCacheFile, scanFolder } from '../src/core/index/scan';
import { defaultSchema, defaultSchemaText } from '../src/core/schema/load';
import { ensureRecords, type Generated } from './generate';
import { runImportBench } from './import-bench';
import { largeFolderRows, smallFolderRows } from './cli-bench';
import {
  cpuNow,
  floorOneThread,
  floorWorkers,
  heapAfterGc,
  type FloorResult,
  ms,
  now,
  parallelSpeedup,
  percentile,
  printTable,
  withStallMonitor,
  type Row,
} from './measure';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
/** BENCH_ONLY=import: only the import bench; =index: only the index; =cli: only the small-folder command line. BENCH_IMPORT_ROWS: its size. */
const ONLY = process.env.BENCH_ONLY;
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const EDITS = 200;
const WARMUP_EDITS = 20;
const COLD_RUNS = 3;
const BIG = 100_000;
const score = { met: 0, missed: 0 };

function check(row: Row): Row {
  if (row.pass !== undefined) row.pass ? score.met++ : score.missed++;
  return row;
}

const log = (s: string) => console.log(`  · ${s}`);

interface ColdRun {
  ms: number;
  cpuMs: number;
  scanMs: number;
  /** Longest stall before the swap (scanFolder alone). */
  scanStallMs: number;
  replaceMs: number;
  stallMs: number;
  histMs: number;
  heapPerRecord: number;
  read: number;
  listed: number;
  index: RecordIndex;
  /** The floor measured just before this run. */
  floorMs?: number;
}

/** As the extension and the CLI make it: configured for duplicate and numbering-gap findings. */
function newIndex(): RecordIndex {
  const index = new RecordIndex('en');
  configureIndex(index, defaultSchema());
  return index;
}

/** Cold full index: scanFolder filling a staging index, then the swap, with the main thread's stalls and the heap watched. */
async function coldIndex(root: string): Promise<ColdRun> {
  const heapBefore = await heapAfterGc();
  const index = newIndex();
  const sub = { scanMs: 0, scanStallMs: 0, replaceMs: 0, read: 0, listed: 0 };
  const c0 = cpuNow();
  const t0 = now();
  const { maxStallMs, histMaxMs } = await withStallMonitor(async (stallSoFar) => {
    const ts = now();
    // As the extension does it: the index filled while the scan delivers entries, then swapped in.
    // Only counts leave this function: the scan's own map must not outlive it (the index holds the entries).
    const staging = index.staging();
    const scan = await scanFolder({ root, schema: defaultSchema(), lang: 'en', onEntries: (es) => staging.addAll(es) });
    sub.scanMs = now() - ts;
    sub.scanStallMs = stallSoFar();
    const tr = now();
    index.adopt(staging);
    sub.replaceMs = now() - tr;
    sub.read = scan.read;
    sub.listed = scan.listed;
  });
  const total = now() - t0;
  const cpuMs = cpuNow() - c0;
  const heapAfter = await heapAfterGc();
  const heapPerRecord = (heapAfter - heapBefore) / index.size;
  return { ms: total, cpuMs, ...sub, stallMs: maxStallMs, histMs: histMaxMs, heapPerRecord, index };
}

/**
 * Warm start as the extension does it: the cache read and parsed in a worker while another lists the
 * folder, scanFolder reusing every entry (nothing changed), then the index filled in slices.
 */
async function warmStart(root: string, cachePath: string, key: string): Promise<{ ms: number; index: RecordIndex; detail: string }> {
  const w0 = now();
  let loadedAt = 0;
  const previous = loadCacheFile(cachePath, key).then((m) => {
    loadedAt = now();
    if (!m) throw new Error('the cache it just wrote was refused');
    return m;
  });
  const index = newIndex();
  const staging = index.staging();
  const scan = await scanFolder({ root, schema: defaultSchema(), lang: 'en', previous, onEntries: (es, reused) => staging.addAll(es, reused) });
  const w3 = now();
  index.adopt(staging);
  const w4 = now();
  const detail = `cache read in slices ${ms(loadedAt - w0)} (beside the listing worker), scanFolder ${ms(w3 - w0)} (${scan.reused}/${scan.listed} reused, ${scan.read} read), swap ${ms(w4 - w3)}`;
  return { ms: w4 - w0, index, detail };
}

async function runSize(n: number, p95At: Map<number, number>): Promise<void> {
  console.log(`\n=== N = ${n.toLocaleString('en')} ===`);
  const gen: Generated = ensureRecords(n);
  log(
    `${gen.reused ? 'reused' : 'generated'} ${gen.files} files (${gen.records} records, ${(gen.bytes / 1e6).toFixed(1)} MB, +${gen.excluded} excluded) in ${gen.root} — ${ms(gen.ms)}`,
  );
  const schema = defaultSchema();
  const root = gen.root;
  const big = n >= BIG;
  const speedup = await parallelSpeedup();

  // An untimed pass first, so the floor and the index both see a warm OS page cache.
  await floorWorkers(root, schema, 2);
  // As scanFolder lists: the walk in a worker (the same index-worker.js, beside this bundle).
  const lr = await withStallMonitor(() => listRecordFiles(root, schema, undefined, defaultWorkerPath()));
  const tl = now();
  await listRecordFiles(root, schema, undefined, defaultWorkerPath());
  const listMs = now() - tl;
  log(`listRecordFiles (walk with stats + matcher, in a worker): ${ms(listMs)}, longest main-thread stall in it ${ms(lr.maxStallMs)}`);

  // Floor and cold full index, interleaved and repeated: each run's ratio against the floor measured just
  // before it, and the worst of the runs reported (the target holds in every run, issue #20), as is the
  // longest stall of any run.
  let f1: FloorResult | undefined;
  let f2: FloorResult | undefined;
  const runs: ColdRun[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const a = await floorWorkers(root, schema, 2);
    const b = await floorOneThread(root, schema);
    log(
      `floor #${i + 1}: 2 workers ${ms(a.ms)} (fast-glob listing ${ms(a.listMs)}; CPU ${ms(a.cpuMs)}), 1 thread ${ms(b.ms)} (listing ${ms(b.listMs)}; CPU ${ms(b.cpuMs)}); ${b.files} files, ${(b.bytes / 1e6).toFixed(1)} MB`,
    );
    if (!f2 || a.ms < f2.ms) f2 = a;
    if (!f1 || b.ms < f1.ms) f1 = b;
    runs.at(-1)?.index.replaceAll(new Map()); // drop the previous run's entries before measuring the heap again
    runs.push(await coldIndex(root));
    const r = runs.at(-1)!;
    r.floorMs = Math.min(a.ms, b.ms);
    log(
      `cold #${i + 1}: ${ms(r.ms)} (CPU ${ms(r.cpuMs)}, all threads) = scanFolder (index filled meanwhile) ${ms(r.scanMs)} + swap ${ms(r.replaceMs)}; ${r.read} files read, ${r.index.size} records; stall ${ms(r.stallMs)} (hist ${ms(r.histMs)}; in scanFolder alone ${ms(r.scanStallMs)}); heap ${(r.heapPerRecord / 1024).toFixed(2)} KB/record`,
    );
  }
  const floor = Math.min(f1!.ms, f2!.ms);
  const ratioOf = (r: ColdRun) => r.ms / (r.floorMs ?? floor);
  const cold = runs.reduce((a, b) => (ratioOf(b) > ratioOf(a) ? b : a));
  const coldMs = cold.ms;
  const coldFloor = cold.floorMs ?? floor;
  const stall = runs.reduce((a, b) => (b.stallMs > a.stallMs ? b : a));
  // Per generated record: each earlier run's index has been emptied by now.
  const cpuPerRecord = Math.max(...runs.map((r) => (r.cpuMs * 1000) / gen.records));
  const heapPerRecord = runs[0].heapPerRecord;
  let index: RecordIndex | undefined = runs.at(-1)!.index;
  runs.length = 0;
  const records = index.size;
  if (cold.listed !== gen.files || records !== gen.records)
    log(`WARNING: expected ${gen.files} files / ${gen.records} records, indexed ${cold.listed} / ${records}`);

  // Warm start from the cache (a fresh process would not hold the cold index: drop it first).
  const key = cacheKey([defaultSchemaText, 'en', 'bench']);
  const cachePath = path.join(gen.work, 'index-cache.json');
  // As the extension saves it: in slices, through a file handle.
  const tw = now();
  const handle = await fs.promises.open(cachePath, 'w');
  const written = await withStallMonitor(() =>
    writeCacheAsync(key, index!.entries(), async (chunk) => {
      await handle.write(chunk);
    }),
  );
  await handle.close();
  const writeMs = now() - tw;
  index = undefined;
  await heapAfterGc();
  const w = await withStallMonitor(() => warmStart(root, cachePath, key));
  const warm = w.value.index;
  const warmMs = w.value.ms;
  log(`warm: ${w.value.detail}; longest stall ${ms(w.maxStallMs)}; cache written in slices in ${ms(writeMs)}, longest stall ${ms(written.maxStallMs)}`);

  // Sanity: generated records are valid (no findings of the rules nor of the index: duplicates, numbering gaps).
  const codes = new Map<string, number>();
  for (const p of warm.paths()) for (const f of warm.findings(p)) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
  if (codes.size) log(`WARNING: findings in generated data: ${[...codes].map(([c, k]) => `${c} ×${k}`).join(', ')}`);

  // One changed file re-indexed.
  const opts = indexOptions({ root, schema, lang: 'en' });
  const paths = [...warm.paths()];
  const staff = ['陈晨', '刘静', '孙倩', '王磊', '赵敏', '周杰', '吴昊', '郑丽'];
  let seed = 12345 + n;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const times: number[] = [];
  // The first edits compile readAndIndex in this thread (the scan ran it in workers): not timed.
  for (let i = -WARMUP_EDITS; i < EDITS; i++) {
    const rel = paths[Math.floor(rand() * paths.length)];
    const abs = path.join(root, rel);
    const before = fs.readFileSync(abs, 'utf8');
    const after = before.replace(/^custodian: .*$/m, `custodian: ${staff[i % staff.length]}${i % 2 ? '' : ' '}`);
    fs.writeFileSync(abs, after === before ? before + '\n' : after);
    const te = now();
    const entry = readAndIndex(root, rel, opts);
    if (!entry) throw new Error(`${rel} vanished`);
    warm.set([entry]);
    if (i >= 0) times.push(now() - te);
    if (entry.findings.length) log(`WARNING: edit of ${rel} gave findings: ${entry.findings.map((f) => f.code).join(', ')}`);
  }
  times.sort((a, b) => a - b);
  // Cross-check of the heap figure: what dropping the index releases.
  const withIndex = await heapAfterGc();
  const warmRecords = warm.size;
  warm.replaceAll(new Map());
  log(`heap released by dropping the (warm-start) index: ${((withIndex - (await heapAfterGc())) / warmRecords / 1024).toFixed(2)} KB/record`);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  p95At.set(n, p95);

  const rows: Row[] = [
    { metric: 'files / records', value: `${gen.files} / ${records}` },
    { metric: 'machine: two-thread speedup, load avg', value: `${speedup.toFixed(2)}×, ${os.loadavg()[0].toFixed(2)}` },
    { metric: 'floor: list + read, 2 workers', value: ms(f2!.ms) },
    { metric: 'floor: list + read, 1 thread', value: ms(f1!.ms) },
    big
      ? check({
          metric: `cold full index (scan, index filled meanwhile), worst of ${COLD_RUNS}`,
          value: ms(coldMs),
          floor: ms(coldFloor),
          ratio: `${(coldMs / coldFloor).toFixed(2)}×`,
          target: '≤ 2× floor',
          pass: coldMs <= 2 * coldFloor,
        })
      : // At 10,000 records the workers' start-up and JIT warm-up weigh most; the target is set at 100,000.
        {
          metric: 'cold full index (scan, index filled meanwhile)',
          value: ms(coldMs),
          floor: ms(coldFloor),
          ratio: `${(coldMs / coldFloor).toFixed(2)}×`,
          target: '(at 100k)',
        },
    {
      metric: 'cold full index, CPU time of all threads',
      value: ms(cold.cpuMs),
      floor: ms(f1!.cpuMs),
      ratio: `${(cold.cpuMs / f1!.cpuMs).toFixed(2)}×`,
      target: '(info)',
    },
    big
      ? check({
          metric: `cold full index, CPU per record, worst of ${COLD_RUNS}`,
          value: `${cpuPerRecord.toFixed(0)} µs`,
          target: '≤ 30 µs',
          pass: cpuPerRecord <= 30,
        })
      : { metric: 'cold full index, CPU per record', value: `${cpuPerRecord.toFixed(0)} µs`, target: '(at 100k)' },
    big
      ? check({
          metric: 'warm start (cache + list + index)',
          value: ms(warmMs),
          floor: ms(floor),
          ratio: `${(warmMs / floor).toFixed(2)}×`,
          target: '≤ 1.2× floor',
          pass: warmMs <= 1.2 * floor,
        })
      : { metric: 'warm start (cache + list + index)', value: ms(warmMs), floor: ms(floor), ratio: `${(warmMs / floor).toFixed(2)}×`, target: '(at 100k)' },
    { metric: `one changed file: p50 (${EDITS} edits)`, value: ms(p50) },
    check({ metric: `one changed file: p95 (${EDITS} edits)`, value: ms(p95), target: '≤ 5 ms', pass: p95 <= 5 }),
  ];
  const small = p95At.get(10_000);
  if (big && small !== undefined) {
    const r = p95 / small;
    rows.push(check({ metric: 'one changed file: p95 100k / 10k', value: `${r.toFixed(2)}`, target: '≤ 1.5', pass: r <= 1.5 }));
  }
  const kb = heapPerRecord / 1024;
  rows.push(
    big
      ? check({ metric: 'heap per record (index alive, after gc)', value: `${kb.toFixed(2)} KB`, target: '≤ 1.5 KB', pass: kb <= 1.5 })
      : { metric: 'heap per record (index alive, after gc)', value: `${kb.toFixed(2)} KB`, target: '(at 100k)' },
  );
  const stallRow: Row = {
    metric: `longest main-thread stall, cold index, worst of ${COLD_RUNS}`,
    value: `${ms(stall.stallMs)} (before the swap ${ms(stall.scanStallMs)})`,
  };
  rows.push(big ? check({ ...stallRow, target: '≤ 50 ms', pass: stall.stallMs <= 50 }) : { ...stallRow, target: '(at 100k)' });
  const warmStall: Row = { metric: 'longest main-thread stall, warm start', value: ms(w.maxStallMs) };
  rows.push(big ? check({ ...warmStall, target: '≤ 50 ms', pass: w.maxStallMs <= 50 }) : { ...warmStall, target: '(at 100k)' });
  rows.push({ metric: 'writing the cache in slices: time, longest stall', value: `${ms(writeMs)}, ${ms(written.maxStallMs)}`, target: '(info)' });
  // The command line on the same folder, against the same floor (a pre-commit hook's and a CI job's view).
  if (big) rows.push(...largeFolderRows(root, floor, check));
  printTable(`Records Curator bench — N = ${n.toLocaleString('en')}`, rows);
}

/** The command line on a small folder, where start-up is the cost. */
function runSmallCli(): void {
  const n = 1000;
  console.log(`\n=== command line, N = ${n.toLocaleString('en')} ===`);
  const gen = ensureRecords(n);
  log(`${gen.reused ? 'reused' : 'generated'} ${gen.files} files (${gen.records} records) in ${gen.root}`);
  printTable(`Records Curator bench — command line at ${n.toLocaleString('en')} records`, smallFolderRows(gen.root, gen.records, check));
}

async function main(): Promise<void> {
  const t = now();
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  console.log(
    `bench: node ${process.version}, ${os.availableParallelism()} cores, load average ${load()}, two-thread speedup now ${(await parallelSpeedup()).toFixed(2)}× (2.00 = both cores free)`,
  );
  const p95At = new Map<number, number>();
  if (ONLY === undefined || ONLY === 'cli') runSmallCli();
  if (ONLY !== 'import' && ONLY !== 'cli') for (const n of SIZES) await runSize(n, p95At);
  if (ONLY !== 'index' && ONLY !== 'cli') await runImportBench(IMPORT_ROWS, check);
  console.log(`\nload average at the end ${load()}, two-thread speedup now ${(await parallelSpeedup()).toFixed(2)}×`);
  console.log(`bench: ${score.met} targets met, ${score.missed} missed (${((now() - t) / 1000).toFixed(0)} s)`);
}

main()
  .catch((e) => {
    console.error('bench: failed:', e);
    console.log(`\nbench: ${score.met} targets met, ${score.missed} missed (bench did not finish)`);
  })
  .finally(() => {
    process.exitCode = 0;
  });
