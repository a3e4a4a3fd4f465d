// Builds the extension and the command-line tool (and, on request, the tests and the benchmark).
// usage: node esbuild.js [--production] [--watch] [--tests] [--bench]
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');

/**
 * `compiled:default-schema`: the built-in schema as data (src/core/schema/compiled.ts), worked out here once by
 * a bundle of the schema reader that sees it as null and so parses the YAML.
 */
let compiledSchema;
function defaultSchemaJson() {
  // Watching, worked out again on every rebuild: the YAML may have changed.
  if (args.has('--watch')) compiledSchema = undefined;
  compiledSchema ??= (async () => {
    const built = await esbuild.build({
      stdin: {
        contents:
          "import { readSchema, defaultSchemaText } from './src/core/schema/load'; import { schemaToJson } from './src/core/schema/compiled'; module.exports = schemaToJson(readSchema(defaultSchemaText).schema);",
        resolveDir: __dirname,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      loader: { '.yaml': 'text' },
      plugins: [compiledSchemaPlugin(async () => null)],
      logLevel: 'warning',
    });
    const mod = { exports: {} };
    new Function('module', 'exports', 'require', built.outputFiles[0].text)(mod, mod.exports, require);
    return mod.exports;
  })();
  return compiledSchema;
}

function compiledSchemaPlugin(json) {
  return {
    name: 'compiled-default-schema',
    setup(build) {
      build.onResolve({ filter: /^compiled:default-schema$/ }, () => ({ path: 'default-schema', namespace: 'compiled' }));
      build.onLoad({ filter: /.*/, namespace: 'compiled' }, async () => ({
        contents: `export default ${JSON.stringify(await json())};`,
        loader: 'js',
        watchFiles: [path.join(__dirname, 'src/core/schema/default-schema.yaml')],
      }));
    },
  };
}

const common = {
  bundle: true,
  plugins: [compiledSchemaPlugin(defaultSchemaJson)],
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
// exceljs (reading an .xlsx to import, writing the table's export), mailparser and pdf-lib are bundles of their own, loaded only when used.
const xlsxReader = { in: 'src/core/table/xlsx-bundle.ts', out: 'xlsx-reader' };
const mailReader = { in: 'src/core/import/read-mail.ts', out: 'mail-reader' };
const pdfReader = { in: 'src/core/import/read-pdf.ts', out: 'pdf-reader' };

/**
 * The sealing UI (dist/seal-ui.js) is loaded on first use, and takes what it shares with the extension from the
 * extension's own bundle at run time (src/extension/shared.ts lists those modules): only its own code, about a
 * tenth of what a bundle of its own would be, is in it, and there is one copy of yaml and of the record parser.
 */
function takenFromExtension() {
  const listed = new Map();
  const text = fs.readFileSync(path.join(__dirname, 'src/extension/shared.ts'), 'utf8');
  for (const m of text.matchAll(/^export \* as (\w+) from '([^']+)';$/gm))
    listed.set(m[2].startsWith('.') ? path.resolve(__dirname, 'src/extension', m[2]) : m[2], m[1]);
  return {
    name: 'taken-from-extension',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const key = args.path.startsWith('.') ? path.resolve(args.resolveDir, args.path).replace(/\.ts$/, '') : args.path;
        const name = listed.get(key);
        return name === undefined ? undefined : { path: name, namespace: 'from-extension' };
      });
      build.onLoad({ filter: /.*/, namespace: 'from-extension' }, (args) => ({
        contents: `module.exports = require('./extension.js').shared[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

async function main() {
  const builds = [];
  const app = {
    ...common,
    entryPoints: {
      extension: 'src/extension/extension.ts',
      cli: 'src/cli/main.ts',
      'index-worker': 'src/core/index/worker.ts',
      'xlsx-reader': 'src/core/table/xlsx-bundle.ts',
      'mail-reader': 'src/core/import/read-mail.ts',
      'pdf-reader': 'src/core/import/read-pdf.ts',
      'import-command': 'src/cli/commands/import-run.ts',
      // The extension's import view plans in a worker of its own (large tables take seconds).
      'import-worker': 'src/extension/features/import/worker.ts',
      // The records table's page (markup, style, script): read when a table first opens.
      'table-page': 'src/extension/features/table/page.ts',
      // age-encryption (ESM, ~150 KB): only `seal`, `unseal`, `keys` and `check --keys` load it.
      'age-crypto': 'src/core/seal/age.ts',
    },
    outdir: 'dist',
    sourcemap: production ? false : 'linked',
    minify: production,
    define: { 'process.env.RC_VERSION': JSON.stringify(require('./package.json').version) },
  };
  builds.push(app);
  builds.push({
    ...app,
    entryPoints: { 'seal-ui': 'src/extension/features/seal/ui.ts' },
    plugins: [...common.plugins, takenFromExtension()],
    external: ['vscode', './extension.js'],
  });
  if (args.has('--tests')) {
    builds.push({
      ...common,
      entryPoints: [...entries('test/unit', /\.test\.ts$/), worker, xlsxReader, mailReader, pdfReader],
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
