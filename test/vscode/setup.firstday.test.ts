// Issue 16, item 7, in a real VS Code: a folder of Chinese records with no schema. The extension starts on
// its own (workspaceContains), finds that the files read like records, offers Set Up, and Set Up writes a
// schema after which the Problems panel shows exactly the genuine defects — as `records-curator check` does.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { firstDayDefects } from '../fixtures/first-day/build';
import type { RecordsCuratorApi } from '../../src/extension/extension';
import { EXTENSION_ID, eventually, workspaceRoot } from './helpers';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const panel = () =>
  vscode.languages
    .getDiagnostics()
    .flatMap(([uri, ds]) =>
      ds
        .filter((d) => d.source === 'records-curator')
        .map((d) => `${path.relative(workspaceRoot().fsPath, uri.fsPath).split(path.sep).join('/')} ${codeOf(d)}`),
    )
    .sort();

suite('Set Up Records Curator on a folder without a schema', () => {
  let api: RecordsCuratorApi;

  test('the extension starts without a schema file, reads the Chinese records and offers Set Up', async () => {
    const ext = vscode.extensions.getExtension<RecordsCuratorApi>(EXTENSION_ID)!;
    assert.strictEqual(fs.existsSync(path.join(workspaceRoot().fsPath, '.records/schema.yaml')), false);
    // Started by the workbench because the folder holds Markdown, not by this test.
    await eventually(() => ext.isActive, 'the extension to be activated by workspaceContains');
    api = ext.exports;
    await api.services.index.whenReady();
    const folder = workspaceRoot().toString();
    const seen = api.services.index.withoutSchema.get(folder);
    assert.ok(seen && seen.looksLikeRecords > 0, 'the sniff finds records');
    assert.ok(api.setUp?.offered.has(folder), 'Set Up is offered');
    // Under the built-in schema the Chinese keys already read: 合同 is a contract, 客户 its customer.
    const codes = await eventually(() => {
      const p = panel();
      return p.length ? p : undefined;
    }, 'diagnostics');
    assert.ok(!codes.some((c) => c.startsWith('客户档案/云帆科技/合同/2019 软件许可合同.md')), codes.join('\n'));
    assert.ok(codes.includes('客户档案/启明数据/合同/2021 数据平台合同.md unknown-field'), '备注 is not declared yet');
  });

  test('Set Up writes a schema fitted to the records; then the Problems panel lists exactly the genuine defects', async () => {
    const result = await vscode.commands.executeCommand<{ written: boolean; uri?: vscode.Uri; proposal?: { records: number } }>('recordsCurator.setUp', {
      fonds: 'Z109',
      write: true,
    });
    assert.ok(result.written);
    assert.strictEqual(result.proposal?.records, 29);
    const text = fs.readFileSync(path.join(workspaceRoot().fsPath, '.records/schema.yaml'), 'utf8');
    assert.match(text, /^ {2}fonds: Z109$/m);
    assert.match(text, /^# Written by Set Up Records Curator on \d{4}-\d{2}-\d{2}/m);
    assert.match(text, /^ {2}备注:$/m);
    assert.ok(vscode.window.activeTextEditor?.document.uri.fsPath.endsWith(path.join('.records', 'schema.yaml')), 'the written schema is shown');
    const want = firstDayDefects.map(([p, c]) => `${p} ${c}`).sort();
    await eventually(
      () => JSON.stringify(panel()) === JSON.stringify(want),
      `the Problems panel to list the defects:\n${want.join('\n')}\n---\n${panel().join('\n')}`,
      30000,
    );
    assert.strictEqual(api.services.index.withoutSchema.size, 0);
  });

  test("a Chinese key gets a rename to the schema's name on request, though nothing is wrong with it", async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), '客户档案/海川贸易/沟通/2022-08 投诉电话.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.deepStrictEqual(
      vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'records-curator'),
      [],
      'no problem to fix',
    );
    const line = doc
      .getText()
      .split(/\r?\n/)
      .findIndex((l) => l.startsWith('客户:'));
    const at = new vscode.Range(line, 1, line, 1);
    const actions = await eventually(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, at, 'refactor.rewrite');
      return found.some((a) => a.title === 'Rename to customer') && found;
    }, 'the rename');
    // Only on a line with an alias: the title line has none in English.
    const plain = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(0, 0, 0, 0),
      'refactor.rewrite',
    );
    assert.deepStrictEqual(
      plain.filter((a) => a.kind?.value.startsWith('refactor.rewrite.recordsCurator')),
      [],
    );
    const everything = actions.find((a) => /^Use the schema's names throughout this file \(\d+\)$/.test(a.title));
    assert.ok(everything?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(everything.edit));
    const text = doc.getText();
    for (const key of ['id', 'category', 'customer', 'customer_type', 'title', 'date', 'channel', 'participants'])
      assert.match(text, new RegExp(`^${key}: `, 'm'));
    assert.match(text, /^category: communication$/m);
    assert.match(text, /^channel: phone$/m);
    assert.match(text, /^customer: 上海海川贸易有限公司$/m);
    // Read the same as before, and still without a problem.
    const record = await eventually(() => {
      const r = api.services.index.all()[0].index.get('客户档案/海川贸易/沟通/2022-08 投诉电话.md')?.records[0];
      return r?.data?.channel === 'phone' && r;
    }, 'the index to read the renamed record');
    assert.strictEqual(record.data?.customer, '上海海川贸易有限公司');
    assert.deepStrictEqual(
      vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'records-curator'),
      [],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

suite('Record History from a folder inside a larger repository', () => {
  test('the history of a record lists its commits, and picking one opens the diff of that file as it was', async () => {
    const root = workspaceRoot().fsPath;
    const rel = '客户档案/云帆科技/合同/2019 软件许可合同.md';
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' };
    fs.writeFileSync(path.join(root, rel), fs.readFileSync(path.join(root, rel), 'utf8').replace('履行情况: 已履行完毕', '履行情况: 履行中'));
    execFileSync('git', ['commit', '-qam', '改为履行中'], { cwd: root, env });
    const history = await vscode.commands.executeCommand<{ subject: string; path: string; commit: string }[]>(
      'recordsCurator.showHistory',
      vscode.Uri.file(path.join(root, rel)),
    );
    assert.deepStrictEqual(
      history.map((h) => [h.subject, h.path]),
      [
        ['改为履行中', rel],
        ['records', rel],
      ],
    );
    // What picking the newest commit opens: the record before and after, read by this extension's git.
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const tab = await eventually(
      () =>
        vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff && vscode.window.tabGroups.activeTabGroup.activeTab.input,
      'the diff',
    );
    const [before, after] = await Promise.all([vscode.workspace.openTextDocument(tab.original), vscode.workspace.openTextDocument(tab.modified)]);
    assert.match(before.getText(), /^履行情况: 已履行完毕$/m);
    assert.match(after.getText(), /^履行情况: 履行中$/m);
    // The field changes open as a rendered table, not as Markdown source.
    await vscode.commands.executeCommand('recordsCurator.showHistory', vscode.Uri.file(path.join(root, rel)), 0);
    await eventually(
      () =>
        vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType))),
      'the field changes preview',
    );
    const table = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'records-review')!;
    assert.match(table.getText(), /\| 履行情况 \| changed \| 已履行完毕 \| 履行中 \|/);
  });
});
