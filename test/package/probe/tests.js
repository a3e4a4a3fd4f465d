// Runs in the extension host of a VS Code server into which the packaged .vsix was installed.
// It checks the *installed* extension (not the working tree) activates by itself on the sample and works.
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');

const checks = [
  [
    'the extension is installed from the .vsix, not loaded from the working tree',
    async (ext) => {
      assert.ok(ext, 'records-curator.records-curator is not installed');
      assert.ok(ext.extensionPath.startsWith(process.env.RC_EXTENSIONS_DIR), `loaded from ${ext.extensionPath}`);
    },
  ],
  [
    'it activates by itself on the sample workspace',
    async (ext) => {
      const end = Date.now() + 20000;
      while (!ext.isActive && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      assert.ok(ext.isActive, 'not activated by workspaceContains');
    },
  ],
  [
    'its commands and view are registered',
    async () => {
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('recordsCurator.showOutput'));
      await vscode.commands.executeCommand('workbench.view.extension.recordsCurator');
    },
  ],
  [
    'its command-line tool is in the package and runs',
    async (ext) => {
      const out = require('child_process').execFileSync(process.execPath, [path.join(ext.extensionPath, 'dist/cli.js'), '--version'], { encoding: 'utf8' });
      assert.strictEqual(out.trim(), ext.packageJSON.version);
    },
  ],
];

exports.run = async function run() {
  const ext = vscode.extensions.getExtension('records-curator.records-curator');
  let passed = 0;
  let failed = 0;
  for (const [name, check] of checks) {
    try {
      await check(ext);
      passed++;
      console.log(`  ✔ ${name}`);
    } catch (err) {
      failed++;
      console.log(`  ✘ ${name}: ${err && err.message}`);
    }
  }
  console.log(`package: ${passed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} package checks failed`);
};
