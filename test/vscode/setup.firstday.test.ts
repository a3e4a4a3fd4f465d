// Issue 16, item 7, in a real VS Code: a folder of Chinese records with no schema. The extension starts on
// its own (workspaceContains), finds that the files read like records, offers Set Up, and Set Up writes a
// schema after which the Problems panel shows exactly the genuine defects — as `records-curator check` does.
import * as assert from 'assert';
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
});
