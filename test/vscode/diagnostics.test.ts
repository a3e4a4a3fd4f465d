import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activated, EXTENSION_ID, eventually, workspaceRoot } from './helpers';

const uriOf = (rel: string) => vscode.Uri.joinPath(workspaceRoot(), rel);
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'records-curator');
const lineOf = (rel: string, prefix: string) =>
  fs
    .readFileSync(uriOf(rel).fsPath, 'utf8')
    .split(/\r?\n/)
    .findIndex((l) => l.startsWith(prefix));

async function ready(): Promise<void> {
  const api = await activated();
  await api.services.index.whenReady();
}

async function applyFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: RegExp): Promise<void> {
  // The first request after an editor opens can be cancelled by the workbench: ask again.
  const actions = await eventually(
    () =>
      Promise.resolve(
        vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value),
      ),
    'code actions',
  );
  const fix = actions.find((a) => title.test(a.title));
  assert.ok(fix?.edit, `a quick fix for ${codeOf(diagnostic)}: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
}

suite('diagnostics', () => {
  test("the sample's defects are in the Problems panel with their codes and ranges, for files never opened", async () => {
    await ready();
    const never = [
      'customers/zhang-wei/basic/profile.md',
      'customers/yunfan/contracts/maintenance-2020.md',
      'customers/li-na/basic/identity.md',
      'communication/2022/broken-meeting-notes.md',
    ];
    for (const rel of never) assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === uriOf(rel).fsPath), `${rel} is not open`);
    const expect = async (rel: string, code: string, range: [number, number, number, number]) => {
      const d = await eventually(() => ours(uriOf(rel)).find((x) => codeOf(x) === code), `${code} in ${rel}`);
      assert.deepStrictEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], range, `${code} range in ${rel}`);
      assert.ok(typeof d.code === 'object' && d.code.target.path.endsWith(`/docs/rules/${code}.md`), 'the code links to the rule page');
      return d;
    };
    const missing = await expect(never[0], 'missing-field', [0, 0, 0, 3]);
    assert.match(missing.message, /phone/);
    assert.strictEqual(missing.severity, vscode.DiagnosticSeverity.Error);
    const dateLine = lineOf(never[1], 'signed_date:');
    await expect(never[1], 'invalid-date', [dateLine, 13, dateLine, 23]);
    const idLine = lineOf(never[2], 'id_number:');
    const pi = await expect(never[2], 'pi-id-number', [idLine, 11, idLine, 29]);
    assert.strictEqual(pi.severity, vscode.DiagnosticSeverity.Warning);
    const broken = await eventually(() => ours(uriOf(never[3])).find((x) => codeOf(x) === 'yaml-syntax'), 'yaml-syntax');
    assert.ok(broken.range.start.line >= lineOf(never[3], 'participants:'));
  });

  test('the command line gives exactly the findings the Problems panel gives', async () => {
    await ready();
    const root = workspaceRoot().fsPath;
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist/cli.js');
    const run = spawnSync(process.execPath, [cli, 'check', root, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, LANG: vscode.env.language } });
    assert.strictEqual(run.status, 1, 'errors give exit code 1');
    const out = run.stdout;
    const cliFindings = (
      JSON.parse(out) as { findings: { path: string; line: number; column: number; code: string; severity: string; message: string }[] }
    ).findings
      .map((f) => `${f.path}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`)
      .sort();
    const sev = ['error', 'warning', 'info', 'hint'];
    const panel = vscode.languages
      .getDiagnostics()
      .flatMap(([uri, ds]) =>
        ds
          .filter((d) => d.source === 'records-curator')
          .map(
            (d) =>
              `${path.relative(root, uri.fsPath).split(path.sep).join('/')}:${d.range.start.line + 1}:${d.range.start.character + 1} ${sev[d.severity]} ${codeOf(d)} ${d.message}`,
          ),
      )
      .sort();
    assert.ok(cliFindings.length >= 4);
    assert.deepStrictEqual(panel, cliFindings);
  });

  test('no record outside the deliberate defects has a problem', async () => {
    await ready();
    const all = vscode.languages.getDiagnostics().filter(([, ds]) => ds.some((d) => d.source === 'records-curator'));
    const root = workspaceRoot().fsPath;
    const files = all.map(([u]) => u.fsPath.slice(root.length + 1)).sort();
    assert.deepStrictEqual(files, [
      'communication/2022/broken-meeting-notes.md',
      'customers/li-na/basic/identity.md',
      'customers/yunfan/contracts/maintenance-2020.md',
      'customers/zhang-wei/basic/profile.md',
    ]);
  });

  test('quick fix: insert the missing field; the diagnostic goes and the empty placeholder is flagged instead', async () => {
    await ready();
    const uri = uriOf('customers/zhang-wei/basic/profile.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const d = await eventually(() => ours(uri).find((x) => codeOf(x) === 'missing-field'), 'missing-field');
    await applyFix(uri, d, /^Insert missing field phone$/);
    const closing = before.indexOf('\n---', 3) + 1;
    assert.strictEqual(doc.getText(), before.slice(0, closing) + 'phone: ""\n' + before.slice(closing));
    await eventually(() => !ours(uri).some((x) => codeOf(x) === 'missing-field') && ours(uri).some((x) => codeOf(x) === 'empty-field'), 'missing-field to go');
    assert.ok(doc.isDirty, 'updated before saving');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('quick fix: mask the plain ID number; the warning goes', async () => {
    await ready();
    const uri = uriOf('customers/li-na/basic/identity.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const d = await eventually(() => ours(uri).find((x) => codeOf(x) === 'pi-id-number'), 'pi-id-number');
    await applyFix(uri, d, /^Mask as 110105\*{8}002X$/);
    assert.match(doc.getText(), /id_number: 110105\*{8}002X/);
    await eventually(() => !ours(uri).some((x) => codeOf(x) === 'pi-id-number'), 'pi-id-number to go');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('an edit in an open editor updates its diagnostics before saving; the enum fix picks the closest value', async () => {
    await ready();
    const rel = 'transactions/2024/wang-fang-training-fee.md';
    const uri = uriOf(rel);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const line = [...Array(doc.lineCount).keys()].find((i) => doc.lineAt(i).text.startsWith('currency:'))!;
    const original = doc.lineAt(line).text;
    await editor.edit((e) => e.replace(doc.lineAt(line).range, 'currency: cny'));
    const d = await eventually(() => ours(uri).find((x) => codeOf(x) === 'invalid-enum'), 'invalid-enum while typing');
    assert.ok(doc.isDirty);
    assert.strictEqual(d.range.start.line, line);
    await applyFix(uri, d, /^Change to CNY$/);
    assert.strictEqual(doc.lineAt(line).text, 'currency: CNY');
    await eventually(() => ours(uri).length === 0, 'the diagnostic to go');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.strictEqual(doc.lineAt(line).text, original);
  });

  test('fix one rule across the workspace in one edit', async () => {
    await ready();
    const a = uriOf('customers/li-na/basic/identity.md');
    const b = uriOf('other/2026/pi-note.md');
    fs.writeFileSync(
      b.fsPath,
      '---\nid: QT-2026-900\ncategory: other\ncustomer: 李娜\ncustomer_type: person\ntitle: 备注\ndate: 2026-02-01\nreason: 测试\n---\n身份证 360426199101010071\n',
    );
    await eventually(() => ours(b).some((x) => codeOf(x) === 'pi-id-number'), "the new file's finding");
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.fixRuleInWorkspace', 'pi-id-number', { preview: false }), true);
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty && [a.fsPath, b.fsPath].includes(doc.uri.fsPath)) assert.ok(await doc.save());
    assert.match(fs.readFileSync(a.fsPath, 'utf8'), /id_number: 110105\*{8}002X/);
    assert.match(fs.readFileSync(b.fsPath, 'utf8'), /身份证 360426\*{8}0071/);
    await eventually(() => !ours(a).length && !ours(b).length, 'both warnings to go');
    fs.rmSync(b.fsPath);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
