import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Node, RecordsTree } from '../../src/extension/features/records-view/tree';
import { activated, eventually, workspaceRoot } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/sample-manifest.json'), 'utf8')) as {
  recordCount: number;
  byCategory: Record<string, number>;
  customers: string[];
};

const CATEGORY_LABELS: Record<string, string> = {
  basic: 'Basic information',
  contract: 'Contracts',
  transaction: 'Transactions',
  service: 'Service',
  communication: 'Communication',
  other: 'Other',
};

async function tree(): Promise<RecordsTree> {
  const api = await activated();
  await api.services.index.whenReady();
  assert.ok(api.recordsTree, 'the extension exposes its records tree');
  // Earlier suites change files; the view coalesces changes for 60 ms. Read it settled.
  await api.recordsTree.refresh();
  return api.recordsTree;
}

function label(t: RecordsTree, n: Node): string {
  const l = t.getTreeItem(n).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

/** label → description of the top level, as the view shows it. */
function topLevel(t: RecordsTree): Map<string, string> {
  return new Map(t.getChildren().map((n) => [label(t, n), String(t.getTreeItem(n).description ?? '')]));
}

function allRecordTitles(t: RecordsTree): string[] {
  const out: string[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.kind === 'record') out.push(label(t, n));
      else walk(t.getChildren(n));
    }
  };
  walk(t.getChildren());
  return out;
}

function write(rel: string, text: string): vscode.Uri {
  const uri = vscode.Uri.joinPath(workspaceRoot(), rel);
  fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
  fs.writeFileSync(uri.fsPath, text);
  return uri;
}

const NEW_RECORD = (title: string, category = 'service') => `---
id: FW-2026-900
category: ${category}
customer: 测试客户 Test Customer
customer_type: organization
title: ${title}
date: 2026-05-01
service_type: support
staff: 王工
---
Body.
`;

suite('records view', () => {
  test('shows the six categories of the sample with their record counts', async () => {
    const t = await tree();
    const top = topLevel(t);
    assert.deepStrictEqual([...top.keys()], Object.values(CATEGORY_LABELS));
    for (const [key, count] of Object.entries(manifest.byCategory)) {
      const desc = top.get(CATEGORY_LABELS[key]);
      assert.ok(desc?.startsWith(String(count)), `${key}: expected ${count}, view says ${desc}`);
    }
    assert.strictEqual(allRecordTitles(t).length, manifest.recordCount);
  });

  test('groups category → customer → record, and by customer or status from the title-bar toggle', async () => {
    const t = await tree();
    const contracts = t.getChildren().find((n) => label(t, n) === 'Contracts')!;
    const customers = t.getChildren(contracts).map((n) => label(t, n));
    assert.ok(customers.includes('北京云帆科技有限公司'), customers.join(', '));
    const records = t.getChildren(t.getChildren(contracts)[0]);
    assert.ok(records.length > 0 && records.every((n) => n.kind === 'record'));
    try {
      await vscode.commands.executeCommand('recordsCurator.groupByCustomer');
      assert.deepStrictEqual([...topLevel(t).keys()].sort(), [...manifest.customers].sort((a, b) => a.localeCompare(b, 'zh-CN')).sort());
      await vscode.commands.executeCommand('recordsCurator.groupByStatus');
      assert.ok(topLevel(t).has('No problems'));
      await vscode.commands.executeCommand('recordsCurator.groupByDisposition');
      assert.strictEqual(topLevel(t).get('Due for disposal')?.split(' ')[0], '2', 'the early call, and the broken record by its recovered date');
      assert.strictEqual(topLevel(t).get('On hold')?.split(' ')[0], '1');
    } finally {
      await vscode.commands.executeCommand('recordsCurator.groupByCategory');
    }
  });

  test('a record shows its title, its archive number as description, and opens at its front matter', async () => {
    const t = await tree();
    const basic = t.getChildren().find((n) => label(t, n) === 'Basic information')!;
    const yunfan = t.getChildren(basic).find((n) => label(t, n) === '北京云帆科技有限公司')!;
    const [rec] = t.getChildren(yunfan);
    const item = t.getTreeItem(rec);
    assert.ok(rec.kind === 'record');
    // A record further down its file (the second document of a YAML stream) must open at its own line.
    const transactions = t.getChildren().find((n) => label(t, n) === 'Transactions')!;
    const qiming = t.getChildren(transactions).find((n) => label(t, n) === '上海启明数据服务有限公司')!;
    const second = t.getChildren(qiming).find((n) => n.kind === 'record' && n.record.file.endsWith('qiming-installments.yaml') && n.record.index === 1)!;
    assert.ok(second?.kind === 'record' && second.record.line > 0);
    const secondItem = t.getTreeItem(second);
    await vscode.commands.executeCommand(secondItem.command!.command, ...(secondItem.command!.arguments ?? []));
    const at = await eventually(
      () => vscode.window.activeTextEditor?.document.uri.fsPath.endsWith('qiming-installments.yaml') && vscode.window.activeTextEditor,
      'the stream to open',
    );
    assert.strictEqual(at.selection.active.line, second.record.line);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.strictEqual(item.description, rec.record.data?.archive_no ?? rec.record.data?.id);
    assert.strictEqual(item.command?.command, 'vscode.open');
    // The tooltip with the key fields comes on hover (resolveTreeItem), not with every redraw.
    const tip = t.resolveTreeItem(item, rec).tooltip;
    assert.ok(tip instanceof vscode.MarkdownString);
    const shown = tip.value.replace(/\\/g, ''); // appendText escapes Markdown characters with backslashes
    for (const key of ['id', 'customer', 'date']) assert.ok(shown.includes(String(rec.record.data?.[key])), `tooltip shows ${key}`);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await eventually(() => vscode.window.activeTextEditor, 'the record to open');
    assert.ok(editor.document.uri.fsPath.endsWith(rec.record.file));
    assert.strictEqual(editor.selection.active.line, rec.record.line);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('creating, editing, renaming and deleting a record file updates the tree', async () => {
    const t = await tree();
    const uri = write('service/2026/new-visit.md', NEW_RECORD('新建回访 New visit'));
    await eventually(() => allRecordTitles(t).includes('新建回访 New visit'), 'the created record');
    fs.writeFileSync(uri.fsPath, NEW_RECORD('改过的标题 Edited title'));
    await eventually(() => allRecordTitles(t).includes('改过的标题 Edited title') && !allRecordTitles(t).includes('新建回访 New visit'), 'the edited title');
    const renamed = vscode.Uri.joinPath(workspaceRoot(), 'service/2026/renamed-visit.md');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const api = await activated();
    const folder = api.services.index.all()[0];
    await eventually(() => folder.index.get('service/2026/renamed-visit.md') && !folder.index.get('service/2026/new-visit.md'), 'the rename');
    fs.rmSync(renamed.fsPath);
    await eventually(() => !allRecordTitles(t).includes('改过的标题 Edited title'), 'the deleted record to go');
    assert.strictEqual(allRecordTitles(t).length, manifest.recordCount);
  });

  test('a burst of external changes (like a git checkout) lands as one consistent update', async () => {
    const t = await tree();
    const dir = path.join(workspaceRoot().fsPath, 'burst');
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(dir, `r${i}.md`), NEW_RECORD(`Burst ${i}`).replace('FW-2026-900', `FW-B-${i}`));
    await eventually(() => allRecordTitles(t).length === manifest.recordCount + 300, '300 new records', 30000);
    fs.rmSync(dir, { recursive: true });
    await eventually(() => allRecordTitles(t).length === manifest.recordCount, 'the burst to be gone', 30000);
  });

  test('an unsaved edit in an open editor shows in the tree before saving, and reverts when discarded', async () => {
    const t = await tree();
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'other/2025/qiming-feedback.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const titleLine = [...Array(doc.lineCount).keys()].find((i) => doc.lineAt(i).text.startsWith('title:'))!;
    const original = 'title: "项目满意度反馈 / Project satisfaction feedback"';
    assert.strictEqual(doc.lineAt(titleLine).text, original);
    await editor.edit((e) => e.replace(doc.lineAt(titleLine).range, 'title: 未保存的标题 Unsaved title'));
    await eventually(() => allRecordTitles(t).includes('未保存的标题 Unsaved title'), 'the unsaved title');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await eventually(
      () => allRecordTitles(t).includes('项目满意度反馈 / Project satisfaction feedback') && !allRecordTitles(t).includes('未保存的标题 Unsaved title'),
      'the saved title again',
    );
  });

  test('filters by text and by field value', async () => {
    const t = await tree();
    try {
      await vscode.commands.executeCommand('recordsCurator.filter', 'category=contract');
      assert.deepStrictEqual([...topLevel(t).keys()], ['Contracts']);
      await vscode.commands.executeCommand('recordsCurator.filter', 'Harbor');
      const titles = allRecordTitles(t);
      assert.ok(titles.length > 0);
      const api = await activated();
      const harbor = [...api.services.index.all()[0].index.records()].filter((r) => JSON.stringify(r.data).includes('Harbor') || r.file.includes('harbor'));
      assert.strictEqual(titles.length, harbor.length);
    } finally {
      await vscode.commands.executeCommand('recordsCurator.clearFilter');
    }
    assert.strictEqual(allRecordTitles(t).length, manifest.recordCount);
  });

  test("reveals the active editor's record", async () => {
    await tree();
    const api = await activated();
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'customers/harbor/basic/company-profile.md');
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('recordsCurator.revealActiveRecord');
    const selected = await eventually(() => api.recordsView?.selection[0], 'a selection in the view');
    assert.ok(selected.kind === 'record' && selected.record.file === 'customers/harbor/basic/company-profile.md', JSON.stringify(selected.id));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
