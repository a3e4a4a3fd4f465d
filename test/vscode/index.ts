// Loaded by the extension host as extensionTestsPath: the same run() contract as @vscode/test-electron.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec', grep: process.env.RC_TEST_GREP });
  const only = process.env.RC_TEST_FILES?.split(',');
  // Suites for Restricted Mode need a workbench started without trust: they run only when asked for.
  const untrusted = process.env.RC_UNTRUSTED === '1';
  // Measurements (`*.bench.js`, for `npm run bench`) run only when named; they report, they do not judge.
  const wanted = (f: string) => (f.endsWith('.test.js') && (!only || only.includes(f))) || (f.endsWith('.bench.js') && only?.includes(f) === true);
  const files = fs.readdirSync(__dirname).filter((f) => wanted(f) && f.endsWith('.untrusted.test.js') === untrusted);
  // Suites that destroy or rewrite parts of the shared sample copy run after all the others.
  const last = (f: string) => (f.endsWith('.destructive.test.js') ? 1 : 0);
  for (const f of files.sort((a, b) => last(a) - last(b) || a.localeCompare(b))) mocha.addFile(path.join(__dirname, f));
  console.log(`VS Code ${vscode.version}, workspace ${vscode.workspace.workspaceFolders?.[0]?.uri.fsPath}`);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const s = runner.stats;
      // The closing line CI's log reader looks for.
      console.log(
        `${untrusted ? 'vscode-restricted' : 'vscode'}: ${s?.passes ?? 0} passed, ${s?.failures ?? 0} failed` + (s?.pending ? `, ${s.pending} skipped` : ''),
      );
      if (failures > 0) reject(new Error(`${failures} tests failed`));
      else resolve();
    });
  });
}
