// UI checks in headless Chromium against the real workbench: what a person sees, with screenshots.
// usage: node test/ui/run-ui-checks.js VSCODE_DIR   (screenshots go to test-results/)
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startServer, openBrowser } = require('../harness/workbench');
const { buildFirstDay } = require('../fixtures/first-day/build');

const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-results');
fs.mkdirSync(shots, { recursive: true });
// RC_UI_ONLY=batch runs only the checks whose file name contains it (while working on one).
const only = process.env.RC_UI_ONLY;
const checks = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith('.ui.js') && (!only || f.includes(only)))
  .sort()
  .map((f) => require(path.join(__dirname, f)));

/**
 * Checks marked `installed` run the packaged extension (the .vsix, installed once into a scratch extensions
 * folder), so VS Code shows modal dialogs for them to answer; the development build is put back afterwards.
 */
function installPackaged(vscodeDir) {
  const { execFileSync } = require('child_process');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'ignore' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-ui-ext-'));
  const ud = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-ui-ud-'));
  execFileSync(
    path.join(vscodeDir, 'bin/node'),
    [
      path.join(vscodeDir, 'node_modules/code-server/lib/vscode/out/server-main.js'),
      '--install-extension',
      path.join(root, 'records-curator.vsix'),
      '--extensions-dir',
      dir,
      '--user-data-dir',
      ud,
      '--server-data-dir',
      ud,
      '--accept-server-license-terms',
    ],
    { stdio: 'ignore' },
  );
  execFileSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: 'ignore' });
  fs.rmSync(ud, { recursive: true, force: true });
  return dir;
}

async function main() {
  const vscodeDir = process.argv[2];
  let passed = 0,
    failed = 0;
  const installed = checks.flat().some((c) => c.installed) ? installPackaged(vscodeDir) : undefined;
  for (const check of checks.flat()) {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-ui-ws-'));
    // The sample, or (check.workspace === 'first-day') the Chinese records of issue 16, with no schema.
    if (check.workspace === 'first-day') buildFirstDay(ws);
    else fs.cpSync(path.join(root, 'examples/sample-records'), ws, { recursive: true });
    // A check may set up its folder first (a git repository, say) before VS Code opens it.
    if (check.prepare) check.prepare(ws);
    const server = await startServer({
      vscodeDir,
      ext: root,
      workspace: ws,
      locale: check.locale,
      settings: check.settings,
      ...(check.installed ? { extensionsDir: installed } : {}),
    });
    const browser = await openBrowser({ locale: check.locale });
    try {
      await browser.page.goto(server.url);
      await browser.page.waitForSelector('.monaco-workbench .activitybar', { timeout: 30000 });
      await check.run({ page: browser.page, shot: (name) => browser.page.screenshot({ path: path.join(shots, name) }), workspace: ws });
      passed++;
      console.log(`  ✔ ${check.name}`);
    } catch (err) {
      failed++;
      console.log(`  ✘ ${check.name}: ${err && err.stack}`);
      await browser.page.screenshot({ path: path.join(shots, `failed-${check.name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
    } finally {
      await browser.close();
      server.stop();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  }
  if (installed) fs.rmSync(installed, { recursive: true, force: true });
  console.log(`ui: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
main().catch((e) => {
  console.error(e);
  process.exit(2);
});
