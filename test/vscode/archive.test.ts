import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AssignResult } from '../../src/extension/features/archive/assign';
import type { Node, RecordsTree } from '../../src/extension/features/records-view/tree';
import { today } from '../../src/core/retention/dates';
import { activated, eventually, workspaceRoot } from './helpers';

const abs = (rel: string) => path.join(workspaceRoot().fsPath, rel);
const read = (rel: string) => fs.readFileSync(abs(rel), 'utf8');
const archiveNo = (rel: string) => /^archive_no: (.*)$/m.exec(read(rel))?.[1];

async function tree(): Promise<RecordsTree> {
  const api = await activated();
  await api.services.index.whenReady();
  return api.recordsTree!;
}

function group(t: RecordsTree, label: string): Node {
  const n = t.getChildren().find((x) => {
    const l = t.getTreeItem(x).label;
    return (typeof l === 'string' ? l : l?.label) === label;
  });
  assert.ok(n, `group ${label}`);
  return n;
}

async function assign(node: Node): Promise<AssignResult> {
  const r = await vscode.commands.executeCommand<AssignResult>('recordsCurator.assignArchiveNumbers', node, [node], { preview: false });
  for (const doc of vscode.workspace.textDocuments) if (doc.isDirty) await doc.save();
  return r;
}

suite('archive numbers', () => {
  test('numbering a category writes the expected numbers, keeps comments and formatting, and a second run changes nothing', async () => {
    const t = await tree();
    const withComment = 'service/2026/harbor-consulting.md';
    fs.writeFileSync(abs(withComment), read(withComment).replace('rating: 4\n', 'rating: 4   # 客户评分\n# 归档前已核对\n'));
    const before = read(withComment);
    const api = await activated();
    const folder = api.services.index.all()[0];
    await eventually(
      () => /客户评分/.test(JSON.stringify(folder.index.get(withComment))) || folder.index.get(withComment)?.mtimeMs === fs.statSync(abs(withComment)).mtimeMs,
      'the edit indexed',
    );
    const first = await assign(group(t, 'Service'));
    assert.deepStrictEqual([first.assigned, first.kept, first.refused], [4, 3, 0]);
    assert.strictEqual(archiveNo('service/2025/qiming-training.md'), 'Z109-WS·2025-D3-FW-0003');
    assert.strictEqual(archiveNo('service/2026/harbor-consulting.md'), 'Z109-WS·2026-D3-FW-0001');
    assert.strictEqual(archiveNo('service/2026/wang-fang-support.md'), 'Z109-WS·2026-D3-FW-0002');
    assert.strictEqual(archiveNo('service/2026/zhang-wei-site-handover.md'), 'Z109-WS·2026-D3-FW-0003');
    // Only the archive_no and archive-date lines were added; everything else is byte for byte what it was.
    assert.strictEqual(
      read(withComment),
      before.replace('custodian: 陈晨\n', `custodian: 陈晨\narchive_no: Z109-WS·2026-D3-FW-0001\narchived_at: ${today()}\n`),
    );
    await eventually(() => [...folder.index.records()].filter((r) => r.data?.category === 'service' && r.data?.archive_no).length === 7, 'the index to follow');
    const second = await assign(group(t, 'Service'));
    assert.deepStrictEqual([second.assigned, second.kept], [0, 7]);
  });

  test('a number held only by an unsaved editor is never handed out again', async () => {
    const t = await tree();
    const api = await activated();
    const folder = api.services.index.all()[0];
    const rec = (id: string, extra = '') =>
      `---\nid: ${id}\ncategory: other\ncustomer: 张伟\ncustomer_type: person\ntitle: ${id}\ndate: 2024-06-01\nreason: 测试\nretention: D10\n${extra}---\n`;
    fs.mkdirSync(abs('other/2024'), { recursive: true });
    fs.writeFileSync(abs('other/2024/held.md'), rec('QT-2024-901'));
    fs.writeFileSync(abs('other/2024/fresh.md'), rec('QT-2024-902'));
    await eventually(() => folder.index.get('other/2024/fresh.md'), 'the new files indexed');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(abs('other/2024/held.md')));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(9, 0), 'archive_no: Z109-WS·2024-D10-QT-0001\n'));
    await eventually(() => folder.index.get('other/2024/held.md')?.records[0].data?.archive_no, 'the unsaved number indexed');
    const fresh = t
      .getChildren(group(t, 'Other'))
      .flatMap((c) => t.getChildren(c))
      .find((n) => n.kind === 'record' && n.record.file === 'other/2024/fresh.md')!;
    const r = await vscode.commands.executeCommand<AssignResult>('recordsCurator.assignArchiveNumbers', fresh, [fresh], { preview: false });
    assert.strictEqual(r.assigned, 1);
    const freshDoc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === abs('other/2024/fresh.md'))!;
    assert.match(freshDoc.getText(), /archive_no: Z109-WS·2024-D10-QT-0002/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    for (const d of vscode.workspace.textDocuments) if (d.isDirty) await d.save();
    fs.rmSync(abs('other/2024'), { recursive: true });
    await eventually(() => !folder.index.get('other/2024/fresh.md'), 'the test files to go');
  });

  test('with recordsCurator.numbering.setArchiveDate off, only the number is written', async () => {
    const t = await tree();
    const api = await activated();
    const folder = api.services.index.all()[0];
    const rel = 'other/2023/undated.md';
    fs.mkdirSync(abs('other/2023'), { recursive: true });
    const text =
      '---\nid: QT-2023-901\ncategory: other\ncustomer: 张伟\ncustomer_type: person\ntitle: 未归档\ndate: 2023-06-01\nreason: 测试\nretention: D10\n---\n';
    fs.writeFileSync(abs(rel), text);
    await eventually(() => folder.index.get(rel), 'the new file indexed');
    const config = vscode.workspace.getConfiguration('recordsCurator');
    await config.update('numbering.setArchiveDate', false, vscode.ConfigurationTarget.Workspace);
    try {
      const node = t
        .getChildren(group(t, 'Other'))
        .flatMap((c) => t.getChildren(c))
        .find((n) => n.kind === 'record' && n.record.file === rel)!;
      assert.strictEqual((await assign(node)).assigned, 1);
      assert.strictEqual(read(rel), text.replace('retention: D10\n', 'retention: D10\narchive_no: Z109-WS·2023-D10-QT-0001\n'));
    } finally {
      await config.update('numbering.setArchiveDate', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(abs('other/2023'), { recursive: true });
      await eventually(() => !folder.index.get(rel), 'the test file to go');
    }
  });

  test('a number written the earlier way is renumbered only by the reviewed command, keeping its item number', async () => {
    const api = await activated();
    const folder = api.services.index.all()[0];
    // other/2022 holds a sample record: only this file is added and removed.
    const rel = 'other/2022/old-form.md';
    const text =
      '---\nid: QT-2022-901\ncategory: other\ncustomer: 张伟\ncustomer_type: person\ntitle: 旧档号\ndate: 2022-06-01\nreason: 测试\nretention: D10\narchive_no: Z109-QT·2022-D10-0001\n---\n';
    fs.writeFileSync(abs(rel), text);
    try {
      await eventually(() => folder.index.findings(rel).some((f) => f.code === 'invalid-archive-no'), 'the earlier form reported');
      assert.strictEqual(read(rel), text, 'never migrated by itself');
      const r = await vscode.commands.executeCommand<{ planned: number; applied: boolean }>('recordsCurator.renumberArchiveNumbers', { preview: false });
      assert.deepStrictEqual([r.planned, r.applied], [1, true]);
      for (const d of vscode.workspace.textDocuments) if (d.isDirty) await d.save();
      assert.strictEqual(read(rel), text.replace('Z109-QT·2022-D10-0001', 'Z109-WS·2022-D10-QT-0001'));
      await eventually(() => !folder.index.findings(rel).some((f) => f.code === 'invalid-archive-no'), 'the finding gone');
    } finally {
      fs.rmSync(abs(rel));
      await eventually(() => !folder.index.get(rel), 'the test file to go');
    }
  });

  test('numbering undoes in one step', async () => {
    const t = await tree();
    const api = await activated();
    const folder = api.services.index.all()[0];
    const rel = 'transactions/2022/pair.yaml';
    const doc = (id: string, d: string) =>
      `id: ${id}\ncategory: transaction\ncustomer: 李娜\ncustomer_type: person\ntitle: ${id}\ndate: ${d}\namount: 10\ncurrency: CNY\npayment_method: alipay\n`;
    fs.mkdirSync(abs('transactions/2022'), { recursive: true });
    const original = doc('JY-2022-901', '2022-03-01') + '---\n' + doc('JY-2022-902', '2022-04-01');
    fs.writeFileSync(abs(rel), original);
    await eventually(() => folder.index.get(rel)?.records.length === 2, 'the stream indexed');
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(abs(rel)));
    const nodes = t
      .getChildren(group(t, 'Transactions'))
      .flatMap((c) => t.getChildren(c))
      .filter((n) => n.kind === 'record' && n.record.file === rel);
    assert.strictEqual(nodes.length, 2);
    const r = await vscode.commands.executeCommand<AssignResult>('recordsCurator.assignArchiveNumbers', nodes[0], nodes, { preview: false });
    assert.strictEqual(r.assigned, 2);
    assert.strictEqual((editor.document.getText().match(/archive_no: Z109-WS·2022-D30-JY-\d{4}\narchived_at: \d{4}-\d\d-\d\d\n/g) ?? []).length, 2);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    fs.rmSync(abs('transactions/2022'), { recursive: true });
    await eventually(() => !folder.index.get(rel), 'the test file to go');
  });

  test('what the index cannot see blocks numbering; a FIFO, a link and a blank line before `---` are findings, gone with their causes', async () => {
    const t = await tree();
    const api = await activated();
    const folder = api.services.index.all()[0];
    const pipe = 'other/pipe.md';
    const link = 'other/link.md';
    const late = 'service/2026/wang-fang-support.md';
    const original = read(late);
    const code = (rel: string) => folder.index.get(rel)?.findings[0]?.code;
    fs.mkdirSync(abs('other'), { recursive: true });
    execFileSync('mkfifo', [abs(pipe)]);
    fs.symlinkSync('../service/2026/harbor-consulting.md', abs(link));
    try {
      // A FIFO or a link may come without a file event: a rebuild (the Rebuild Index command) finds them.
      await vscode.commands.executeCommand('recordsCurator.rebuildIndex');
      assert.deepStrictEqual([code(pipe), code(link)], ['not-a-file', 'symlink']);
      assert.match(folder.index.get(link)!.findings[0].message, /^symbolic link to service\/2026\/harbor-consulting\.md, inside this folder/);
      await eventually(() => vscode.languages.getDiagnostics(vscode.Uri.file(abs(pipe))).length === 1, 'the FIFO in the Problems panel');
      // One keystroke in a record, saved: the file event brings the finding, the record is not read.
      fs.writeFileSync(abs(late), '\n' + original);
      await eventually(() => code(late) === 'front-matter-not-at-start', 'the blank line reported');
      assert.strictEqual(folder.index.get(late)!.records.length, 0);
      const r = await assign(group(t, 'Service'));
      assert.deepStrictEqual([r.assigned, r.blocked, r.applied], [0, 1, false]);
      fs.rmSync(abs(pipe));
      fs.rmSync(abs(link));
      fs.writeFileSync(abs(late), original);
      await vscode.commands.executeCommand('recordsCurator.rebuildIndex');
      assert.deepStrictEqual([folder.index.get(pipe), folder.index.get(link), folder.index.get(late)?.records.length], [undefined, undefined, 1]);
      assert.strictEqual((await assign(group(t, 'Service'))).blocked, 0);
    } finally {
      fs.rmSync(abs(pipe), { force: true });
      fs.rmSync(abs(link), { force: true });
      fs.writeFileSync(abs(late), original);
    }
  });
});
