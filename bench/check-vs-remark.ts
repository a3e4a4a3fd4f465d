/**
 * `check` beside remark-cli + remark-frontmatter + remark-lint-frontmatter-schema, both enforcing the default
 * schema's required fields on the same 10,000 Markdown records (one JSON Schema per category folder for remark).
 * Both run as whole processes, timed by the wall clock: one warm-up run each (fills the OS cache), then the best of
 * RUNS. Target: records-curator at least 5× faster, with the same set of (file, missing field) findings.
 * A report, not a test: it always exits 0.
 *
 * usage: node esbuild.js --bench && node --expose-gc out/bench/check-vs-remark.js
 * env:   BENCH_REMARK_N (records, default 10000), BENCH_REMARK_RUNS (timed runs per tool, default 1: remark takes about two minutes a run)
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CATEGORY_NAMES, ensureRemarkRecords } from './remark/records';

const N = Number(process.env.BENCH_REMARK_N ?? 10_000);
const RUNS = Math.max(1, Number(process.env.BENCH_REMARK_RUNS ?? 1));
const TARGET = 5;
/** The repository: this file runs as out/bench/check-vs-remark.js (or bench/check-vs-remark.ts through a loader). */
const REPO = path.resolve(__dirname, '..', '..');
const RC_NAME = '.remarkrc.json';

interface Pkg {
  version: string;
  main?: string;
  exports?: string | Record<string, unknown> | unknown[];
}

/** An installed package's folder and package.json. These are ESM packages whose `exports` hide package.json from require.resolve. */
function pkg(name: string): { dir: string; json: Pkg } {
  for (let dir = REPO; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(file)) return { dir: path.dirname(file), json: JSON.parse(fs.readFileSync(file, 'utf8')) as Pkg };
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed`);
  }
}

/** The file a package's `import` resolves to (string or `.` export, else main, else index.js). */
function entryOf(name: string): string {
  const { dir, json } = pkg(name);
  const dot = typeof json.exports === 'object' && !Array.isArray(json.exports) ? json.exports['.'] : undefined;
  const rel = typeof json.exports === 'string' ? json.exports : typeof dot === 'string' ? dot : (json.main ?? 'index.js');
  return path.join(dir, rel);
}

interface Run {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ ms: performance.now() - t0, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

/**
 * remark's configuration, written beside the records: remark-lint-frontmatter-schema resolves its schema paths from
 * the folder of the nearest `.remarkrc*` above each file (else from the process' cwd), so it has to live there.
 * Plugins by absolute path (the temp folder has no node_modules); schemas relative to that folder, as the plugin
 * joins them onto it.
 */
function writeRemarkConfig(root: string): string {
  const schemas: Record<string, string[]> = {};
  for (const c of CATEGORY_NAMES) {
    const abs = path.join(REPO, 'bench', 'remark', `${c}.schema.json`);
    if (!fs.existsSync(abs)) throw new Error(`missing ${abs}`);
    schemas[path.relative(root, abs).split(path.sep).join('/')] = [`${c}/**/*.md`];
  }
  const rc = {
    plugins: [
      [entryOf('remark-frontmatter'), ['yaml']],
      [entryOf('remark-lint-frontmatter-schema'), { schemas }],
    ],
  };
  const rcPath = path.join(root, RC_NAME);
  fs.writeFileSync(rcPath, JSON.stringify(rc, null, 2) + '\n');
  return rcPath;
}

type Key = string; // `path\u0000field`
const key = (file: string, field: string): Key => `${file.split(path.sep).join('/')}\u0000${field}`;
const show = (k: Key) => k.replace('\u0000', ' → ');

/**
 * vfile-reporter's text (remark's default reporter, on stderr): a line with the file's path, then one indented line
 * per message, e.g. `1:1  error  Must have required property 'phone' • ../schema.json • #/required  frontmatter-schema  remark-lint`.
 */
function remarkFindings(stderr: string): { missing: Set<Key>; other: string[] } {
  const missing = new Set<Key>();
  const other: string[] = [];
  let file: string | undefined;
  for (const line of stderr.split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      // A file header — unless it is the closing summary (`⚠ 12 warnings`, `✖ 3 errors`).
      if (/^[⚠✖✔!×‼]|^\d+ (?:error|warning|message)s?\b/.test(line.trim())) continue;
      file = line.trim().split(/\s+/)[0];
      continue;
    }
    const m = /must have required property '([^']+)'/i.exec(line);
    if (m && file) missing.add(key(file, m[1]));
    else other.push(`${file ?? '?'}: ${line.trim()}`);
  }
  return { missing, other };
}

interface JsonReport {
  summary: { records: number; files: number; errors: number; warnings: number };
  findings: { path: string; code: string; message: string }[];
}

function curatorFindings(stdout: string): { missing: Set<Key>; other: string[]; records: number } {
  const report = JSON.parse(stdout) as JsonReport;
  const missing = new Set<Key>();
  const other: string[] = [];
  for (const f of report.findings) {
    const m = /^missing required field (\S+)/.exec(f.message);
    if (f.code === 'missing-field' && m) missing.add(key(f.path, m[1]));
    else other.push(`${f.path}: ${f.code} ${f.message}`);
  }
  return { missing, other, records: report.summary.records };
}

function diff(a: Set<Key>, b: Set<Key>): Key[] {
  return [...a].filter((k) => !b.has(k));
}

const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  console.log(`\n=== check vs remark-cli (remark-frontmatter + remark-lint-frontmatter-schema) ===`);
  let versions: string;
  try {
    versions = ['remark-cli', 'remark-frontmatter', 'remark-lint-frontmatter-schema'].map((p) => `${p}@${pkg(p).json.version}`).join(', ');
  } catch {
    console.log('  remark-cli, remark-frontmatter or remark-lint-frontmatter-schema is not installed (npm install); skipped');
    return;
  }
  const cli = path.join(REPO, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) {
    console.log(`  ${cli} is missing: build first (node esbuild.js); skipped`);
    return;
  }
  const remarkCli = path.join(pkg('remark-cli').dir, 'cli.js');
  const gen = ensureRemarkRecords(N);
  const expected = new Set<Key>();
  for (const [file, fields] of Object.entries(gen.expected)) for (const f of fields) expected.add(key(file, f));
  console.log(
    `  · node ${process.version}, ${os.availableParallelism()} cores, load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}; ${versions}`,
  );
  console.log(
    `  · ${gen.reused ? 'reused' : 'generated'} ${gen.records} records (${(gen.bytes / 1e6).toFixed(1)} MB; ${Object.keys(gen.expected).length} miss ${expected.size} required fields) in ${gen.root} — ${sec(gen.ms)}`,
  );
  const rcPath = writeRemarkConfig(gen.root);

  // Both from the records folder (remark resolves its globs and schemas from there), the same folder argument.
  const remarkArgs = [remarkCli, '.', '--quiet', '--frail', '--no-stdout', '--no-color', '--no-ignore', '--no-config', '--rc-path', rcPath];
  const curatorArgs = [cli, 'check', '.', '--format', 'json', '--lang', 'en'];
  const tools = [
    { name: 'remark-cli', args: remarkArgs, best: Infinity, times: [] as number[], last: undefined as Run | undefined },
    { name: 'records-curator check', args: curatorArgs, best: Infinity, times: [] as number[], last: undefined as Run | undefined },
  ];
  // Warm-up, then the timed runs, alternating the tools so both see the same machine.
  for (let i = 0; i <= RUNS; i++) {
    for (const t of tools) {
      const r = await run(t.args, gen.root);
      t.last = r;
      if (i > 0) {
        t.times.push(r.ms);
        t.best = Math.min(t.best, r.ms);
      }
      console.log(`  · ${t.name} ${i === 0 ? 'warm-up' : `#${i}`}: ${sec(r.ms)} (exit ${r.code})`);
    }
  }
  const [remark, curator] = tools;

  const rf = remarkFindings(remark.last!.stderr);
  let cf: ReturnType<typeof curatorFindings>;
  try {
    cf = curatorFindings(curator.last!.stdout);
  } catch (e) {
    console.log(`  records-curator check gave no JSON report: ${String(e)}\n${curator.last!.stderr.slice(0, 2000)}`);
    return;
  }
  const onlyRemark = diff(rf.missing, cf.missing);
  const onlyCurator = diff(cf.missing, rf.missing);
  const same = onlyRemark.length === 0 && onlyCurator.length === 0;
  const matchesGenerated = diff(expected, cf.missing).length === 0 && diff(cf.missing, expected).length === 0;
  const ratio = remark.best / curator.best;
  const pass = same && ratio >= TARGET;

  const rows: [string, string][] = [
    ['records', `${gen.records.toLocaleString('en')} (records-curator indexed ${cf.records.toLocaleString('en')})`],
    [`remark-cli, best of ${RUNS}`, `${sec(remark.best)}   [${remark.times.map(sec).join(', ')}]`],
    [`records-curator check, best of ${RUNS}`, `${sec(curator.best)}   [${curator.times.map(sec).join(', ')}]`],
    ['ratio remark / records-curator', `${ratio.toFixed(1)}×   (target ≥ ${TARGET}×)`],
    ['missing-field findings', `remark ${rf.missing.size}, records-curator ${cf.missing.size}, generated ${expected.size}`],
    ['same findings', `${same ? 'yes' : 'no'}${matchesGenerated ? ' (and as generated)' : ' (records-curator differs from what was generated)'}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  if (!same) {
    for (const k of onlyRemark.slice(0, 5)) console.log(`    only remark:          ${show(k)}`);
    for (const k of onlyCurator.slice(0, 5)) console.log(`    only records-curator: ${show(k)}`);
  }
  if (rf.other.length) console.log(`  remark's other messages: ${rf.other.length}, e.g. ${rf.other.slice(0, 3).join(' | ')}`);
  if (cf.other.length) console.log(`  records-curator's other findings: ${cf.other.length}, e.g. ${cf.other.slice(0, 3).join(' | ')}`);
  console.log(
    `  ${pass ? 'PASS' : 'FAIL'}: records-curator ${ratio.toFixed(1)}× faster than remark-cli${same ? ', same findings' : ', findings differ'} (target ≥ ${TARGET}×, same findings)`,
  );
}

main()
  .catch((e) => console.error('check-vs-remark failed:', e))
  .finally(() => {
    process.exitCode = 0;
  });
