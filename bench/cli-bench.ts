/**
 * The command line as a pre-commit hook and a CI job meet it: whole processes of the built dist/cli.js,
 * timed from outside, three runs each, the worst reported. Small folders against `records-curator --help`
 * (start-up is the cost there), large ones against the floor of the same run; peak memory is the process's
 * own maximum resident set (worker threads included), read at its exit.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ms, type Row } from './measure';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const RUNS = 3;

interface Run {
  ms: number;
  peakMb: number;
  status: number | null;
}

let preload: string | undefined;
/** A script node loads before the CLI, writing the process's peak resident set (kB) at its exit. */
function peakPreload(): string {
  if (preload) return preload;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-cli-bench-'));
  preload = path.join(dir, 'peak.js');
  fs.writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.RC_PEAK_FILE, String(process.resourceUsage().maxRSS)));\n");
  return preload;
}

function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const peakFile = path.join(path.dirname(peakPreload()), `peak-${process.pid}-${Date.now()}`);
  const t = performance.now();
  // Output to a file, as a hook's or a job's log takes it; a pipe read here would time this process too.
  const out = fs.openSync(path.join(path.dirname(peakPreload()), 'out.txt'), 'w');
  const r = spawnSync(process.execPath, ['-r', peakPreload(), CLI, ...args], {
    cwd,
    stdio: ['ignore', out, 'ignore'],
    env: { ...process.env, LANG: 'C', ...env, RC_PEAK_FILE: peakFile },
  });
  const elapsed = performance.now() - t;
  fs.closeSync(out);
  let peakMb = NaN;
  try {
    peakMb = Number(fs.readFileSync(peakFile, 'utf8')) / 1024;
    fs.rmSync(peakFile);
  } catch {
    // No peak written: the process died before its exit handlers; the status says so.
  }
  return { ms: elapsed, peakMb, status: r.status };
}

/** `check` at a small folder: A/B against --help, run in turn, each pair's ratio, the worst of three. */
export function smallFolderRows(root: string, records: number, check: (row: Row) => Row): Row[] {
  const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-cli-bench-cache-'));
  const env = { XDG_CACHE_HOME: cacheHome };
  runCli(['--help'], root); // warm the page cache for the bundle
  runCli(['check', '.', '--cache'], root, env); // and fill the cache the --cache runs read
  const pairs: { help: Run; cold: Run; cached: Run }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const help = runCli(['--help'], root);
    const cold = runCli(['check', '.'], root);
    const cached = runCli(['check', '.', '--cache'], root, env);
    if (cold.status !== 0 || cached.status !== 0) throw new Error(`check exited ${cold.status}/${cached.status} on generated records`);
    pairs.push({ help, cold, cached });
  }
  fs.rmSync(cacheHome, { recursive: true, force: true });
  const worst = (k: 'cold' | 'cached') => pairs.reduce((a, b) => (b[k].ms / b.help.ms > a[k].ms / a.help.ms ? b : a));
  const row = (k: 'cold' | 'cached', metric: string): Row => {
    const w = worst(k);
    const ratio = w[k].ms / w.help.ms;
    return check({ metric, value: ms(w[k].ms), floor: `--help ${ms(w.help.ms)}`, ratio: `${ratio.toFixed(2)}×`, target: '≤ 2× --help', pass: ratio <= 2 });
  };
  return [
    row('cold', `check at ${records.toLocaleString('en')} records, no cache (worst of ${RUNS})`),
    row('cached', `check --cache at ${records.toLocaleString('en')} records, nothing changed (worst of ${RUNS})`),
  ];
}

/** `check` and `index --format json` at a large folder: time against the floor, peak memory. */
export function largeFolderRows(root: string, floorMs: number, check: (row: Row) => Row): Row[] {
  const checks: Run[] = [];
  const indexes: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    checks.push(runCli(['check', '.'], root));
    indexes.push(runCli(['index', '.', '--format', 'json'], root));
  }
  const slowest = (runs: Run[]) => runs.reduce((a, b) => (b.ms > a.ms ? b : a));
  const highest = (runs: Run[]) => runs.reduce((a, b) => (b.peakMb > a.peakMb ? b : a)).peakMb;
  const c = slowest(checks);
  const cPeak = highest(checks);
  const iPeak = highest(indexes);
  return [
    check({
      metric: `CLI check, whole process (worst of ${RUNS})`,
      value: ms(c.ms),
      floor: ms(floorMs),
      ratio: `${(c.ms / floorMs).toFixed(2)}×`,
      target: '≤ 2.5× floor',
      pass: c.ms <= 2.5 * floorMs,
    }),
    check({ metric: `CLI check, peak memory (highest of ${RUNS})`, value: `${cPeak.toFixed(0)} MB`, target: '≤ 250 MB', pass: cPeak <= 250 }),
    { metric: `CLI index --format json, time (worst of ${RUNS})`, value: ms(slowest(indexes).ms), floor: ms(floorMs), target: '(info)' },
    check({ metric: `CLI index --format json, peak memory (highest of ${RUNS})`, value: `${iPeak.toFixed(0)} MB`, target: '≤ 300 MB', pass: iPeak <= 300 }),
  ];
}
