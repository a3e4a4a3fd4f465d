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
  [
    'its lazily loaded readers are in the package: the installed command line imports a workbook and a message',
    async (ext) => {
      const fs = require('fs');
      const os = require('os');
      const ExcelJS = require('exceljs'); // the repository's, only to write the fixture
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-probe-'));
      try {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('客户');
        sheet.addRow(['客户名称', '合同编号', '签订日期']);
        sheet.addRow(['华远科技', 'HT-2024-001', new Date(Date.UTC(2024, 2, 1))]);
        await book.xlsx.writeFile(path.join(dir, 'contracts.xlsx'));
        const mail = ['From: 张三 <zhang@example.com>', 'To: a@example.com', 'Subject: 续约', 'Date: Fri, 01 Mar 2024 10:00:00 +0800', '', 'Hello.', ''];
        fs.writeFileSync(path.join(dir, 'note.eml'), mail.join('\r\n'));
        const cli = path.join(ext.extensionPath, 'dist/cli.js');
        const run = (file, more) =>
          JSON.parse(
            require('child_process').execFileSync(process.execPath, [cli, 'import', path.join(dir, file), ...more, '--into', dir, '--format', 'json'], {
              encoding: 'utf8',
            }),
          );
        const book1 = run('contracts.xlsx', ['--category', 'contract']);
        assert.strictEqual(book1.counts.created, 1, JSON.stringify(book1).slice(0, 400));
        const mail1 = run('note.eml', []);
        assert.strictEqual(mail1.counts.created, 1, JSON.stringify(mail1).slice(0, 400));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  ],
  [
    "its sealing UI is in the package and runs from the installed bundles: a sealed value's hover",
    async (ext) => {
      // dist/seal-ui.js takes yaml and the record parser from the installed (minified) extension.js.
      const fs = require('fs');
      const age = require(path.join(ext.extensionPath, 'dist/age-crypto.js'));
      const value = await age.sealValue((await age.newIdentity()).recipient, '13912345678');
      const root = vscode.workspace.workspaceFolders[0].uri.fsPath;
      const dir = path.join(root, 'customers/probe');
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'sealed.md');
      fs.writeFileSync(
        file,
        `---\nid: JB-2026-999\ncategory: basic\ncustomer: 探针\ncustomer_type: person\ntitle: probe\ndate: 2026-01-01\ncontact_person: 探针\nphone: "${value}"\n---\n`,
      );
      try {
        const doc = await vscode.workspace.openTextDocument(file);
        await vscode.window.showTextDocument(doc);
        const at = doc.positionAt(doc.getText().indexOf('age:') + 5);
        const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, at);
        const text = hovers
          .flatMap((h) => h.contents)
          .map((c) => (typeof c === 'string' ? c : c.value))
          .join('\n')
          .replace(/&nbsp;/g, ' ');
        assert.match(text, /Sealed/, text);
        assert.match(text, /探针 has no key in \.records\/keys\.yaml/, text);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  ],
  [
    'the records table opens from the package (its page is a bundle of its own) and exports a workbook (the Excel writer runs in its worker)',
    async () => {
      const fs = require('fs');
      const os = require('os');
      const ExcelJS = require('exceljs'); // the repository's, only to read the export back
      const panel = await vscode.commands.executeCommand('recordsCurator.openTable');
      await panel.handle({ type: 'ready' });
      await panel.whenBuilt();
      assert.match(panel.panel.webview.html, /role="grid"/);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-probe-table-'));
      try {
        const target = vscode.Uri.file(path.join(dir, 'table.xlsx'));
        // The rows shown when the export starts (the view follows the index: a check before may still be cleaning up).
        const shown = panel.view.rows.length;
        await panel.exportTo(target);
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(target.fsPath);
        assert.strictEqual(book.worksheets[0].rowCount, shown + 1, 'a header and a row per record');
      } finally {
        panel.panel.dispose();
        fs.rmSync(dir, { recursive: true, force: true });
      }
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
