// Builds the extension and the command-line tool (and, on request, the tests and the benchmark).
// usage: node esbuild.js [--production] [--watch] [--tests] [--bench]
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  loader: { '.yaml': 'text' },
  logLevel: 'warning',
};

/** Test and bench files: every *.ts under a folder, each bundled on its own so `node --test DIR` finds them. */
function entries(dir, pattern) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = path.join(e.parentPath ?? e.path, e.name);
    if (e.isFile() && pattern.test(e.name)) out.push(p);
  }
  return out;
}

// The index's worker thread is loaded from beside whichever bundle starts it.
const worker = { in: 'src/core/index/worker.ts', out: 'index-worker' };
// The .xlsx (exceljs) and mail (mailparser) readers are bundles of their own, loaded only when such a file is imported.
const xlsxReader = { in: 'src/core/import/read-xlsx.ts', out: 'xlsx-reader' };
const mailReader = { in: 'src/core/import/read-mail.ts', out: 'mail-reader' };

async function main() {
  const builds = [];
  const app = {
    ...common,
    entryPoints: {
      extension: 'src/extension/extension.ts',
      cli: 'src/cli/main.ts',
      'index-worker': 'src/core/index/worker.ts',
      'xlsx-reader': 'src/core/import/read-xlsx.ts',
      'mail-reader': 'src/core/import/read-mail.ts',
      'import-command': 'src/cli/commands/import-run.ts',
      // age-encryption (ESM, ~150 KB): only `seal`, `unseal`, `keys` and `check --keys` load it.
      'age-crypto': 'src/core/seal/age.ts',
    },
    outdir: 'dist',
    sourcemap: production ? false : 'linked',
    minify: production,
    define: { 'process.env.RC_VERSION': JSON.stringify(require('./package.json').version) },
  };
  builds.push(app);
  if (args.has('--tests')) {
    builds.push({
      ...common,
      entryPoints: [...entries('test/unit', /\.test\.ts$/), worker, xlsxReader, mailReader],
      outdir: 'out/test/unit',
      sourcemap: 'inline',
    });
    builds.push({ ...common, entryPoints: entries('test/vscode', /\.ts$/), outdir: 'out/test/vscode', sourcemap: 'inline', external: ['vscode', 'mocha'] });
    builds.push({ ...common, entryPoints: ['test/electron/runTest.ts'], outdir: 'out/test/electron' });
  }
  if (args.has('--bench')) {
    builds.push({ ...common, entryPoints: [...entries('bench', /\.ts$/), worker], outdir: 'out/bench', sourcemap: 'inline' });
  }
  if (args.has('--watch')) {
    const ctxs = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(ctxs.map((c) => c.watch()));
    console.log('watching…');
    return;
  }
  await Promise.all(builds.filter((b) => b.entryPoints.length !== 0).map((b) => esbuild.build(b)));
  // The CLI is started directly as `records-curator`.
  const cli = path.join('dist', 'cli.js');
  const text = fs.readFileSync(cli, 'utf8');
  if (!text.startsWith('#!')) fs.writeFileSync(cli, '#!/usr/bin/env node\n' + text);
  fs.chmodSync(cli, 0o755);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
