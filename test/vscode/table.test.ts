import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import * as vscode from 'vscode';
import type { RecordEntry } from '../../src/core/model/records';
import type { BulkResult, CellCheck } from '../../src/extension/features/table/edits';
import type { TablePanel } from '../../src/extension/features/table/panel';
import { activated, eventually, workspaceRoot } from './helpers';

const abs = (rel: string) => path.join(workspaceRoot().fsPath, rel);
const customers = (rows: readonly RecordEntry[]) => rows.map((r) => String(r.data?.customer ?? ''));

async function openTable(): Promise<TablePanel> {
  const panel = await vscode.commands.executeCommand<TablePanel>('recordsCurator.openTable');
  assert.ok(panel, 'the command returns the table');
  await panel.handle({ type: 'ready' });
  await panel.whenBuilt();
  return panel;
}

suite('records table', () => {
  test('opens on the sample: every record, a strict CSP with a nonce, an ARIA grid; the page gets windows, never every row', async () => {
    const api = await activated();
    await api.services.index.whenReady();
    const folder = api.services.index.all()[0];
    const panel = await openTable();
    assert.strictEqual(panel.view?.rows.length, [...folder.index.records()].length);
    const html = panel.panel.webview.html;
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(csp.startsWith("default-src 'none'") && nonce, csp);
    for (const tag of html.match(/<script[^>]*>/g) ?? []) assert.ok(tag.includes(`nonce="${nonce}"`), tag);
    assert.match(html, /role="grid"/);
    assert.ok(!html.includes('innerHTML'), 'the page never writes HTML from data');
    await panel.handle({ type: 'window', start: 3, count: 10 });
    const rows = panel.posted.filter((m) => m.type === 'rows').pop() as unknown as { start: number; lines: { line: number; cells: string[] }[] };
    assert.strictEqual(rows.start, 3);
    assert.strictEqual(rows.lines.length, 10);
    assert.strictEqual(rows.lines[0].line, 3);
    await panel.handle({ type: 'window', start: 0, count: 100000 });
    const capped = panel.posted.filter((m) => m.type === 'rows').pop() as unknown as { lines: unknown[] };
    assert.ok(capped.lines.length <= 200, `one message holds ${capped.lines.length} lines`);
    panel.panel.dispose();
  });

  test('sorts Chinese by pinyin and dates as dates; filters with the tree syntax and per column; remembers columns', async () => {
    const panel = await openTable();
    await panel.handle({ type: 'sort', key: 'customer' });
    const order = customers(panel.view!.rows);
    const at = (name: string) => order.findIndex((c) => c.startsWith(name));
    // bei < hang < shang < shen
    assert.ok(at('北京') < at('杭州') && at('杭州') < at('上海') && at('上海') < at('深圳'), order.join(' '));
    await panel.handle({ type: 'sort', key: 'date' });
    await panel.handle({ type: 'sort', key: 'date' });
    const dates = panel.view!.rows.map((r) => String(r.data?.date ?? '')).filter(Boolean);
    assert.deepStrictEqual(dates, [...dates].sort().reverse(), 'newest first');
    await panel.handle({ type: 'filter', text: '客户=张伟' });
    assert.ok(panel.view!.rows.length > 0 && customers(panel.view!.rows).every((c) => c === '张伟'), customers(panel.view!.rows).join());
    await panel.handle({ type: 'columnFilter', key: 'category', text: 'communication' });
    assert.ok(panel.view!.rows.every((r) => r.data?.category === 'communication' && r.data.customer === '张伟'));
    await panel.handle({ type: 'group', by: 'category' });
    assert.ok(panel.view!.groups.length >= 1);
    await panel.handle({ type: 'columns', visible: ['customer', 'date', 'nonsense'], widths: { customer: 222 } });
    panel.panel.dispose();
    const again = await openTable();
    assert.deepStrictEqual(
      again.visible().map((c) => c.key),
      ['customer', 'date'],
      'the chosen columns, per workspace',
    );
    const init = again.posted.find((m) => m.type === 'init') as unknown as { widths: Record<string, number> };
    assert.strictEqual(init.widths.customer, 222);
    await again.handle({ type: 'columns', visible: [], widths: {} });
    await again.handle({ type: 'group', by: 'none' });
    await again.handle({ type: 'sort', key: 'date' }); // descending → off
    again.panel.dispose();
  });

  test('a cell edit is checked with check’s rules before it is written, then written in the record’s style', async () => {
    const api = await activated();
    const folder = api.services.index.all()[0];
    const panel = await openTable();
    await panel.handle({ type: 'filter', text: 'id=GT-2015-001' });
    const r = panel.view!.rows[0];
    assert.ok(r, 'the record');
    const key = `${r.file}#${r.index}`;
    const original = fs.readFileSync(abs(r.file), 'utf8');
    const bad = (await panel.handle({ type: 'check', seq: 1, key, field: 'date', value: '2015-02-30' })) as CellCheck;
    assert.strictEqual(bad.ok, false);
    assert.deepStrictEqual(
      bad.findings.map((f) => f.code),
      ['invalid-date'],
    );
    const refused = (await panel.handle({ type: 'edit', seq: 2, key, field: 'date', value: '2015-02-30' })) as CellCheck & { applied: boolean };
    assert.strictEqual(refused.applied, false, 'an error is not written');
    const done = (await panel.handle({ type: 'edit', seq: 3, key, field: 'date', value: '2015-06-11' })) as CellCheck & { applied: boolean };
    assert.ok(done.applied, JSON.stringify(done));
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(abs(r.file)));
    assert.strictEqual(doc.getText(), original.replace('date: 2015-06-10', 'date: 2015-06-11'), 'only the value changed');
    await eventually(() => panel.view?.rows[0]?.data?.date === '2015-06-11', 'the table to follow the edit');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await eventually(() => folder.index.get(r.file)?.records[0]?.data?.date === '2015-06-10', 'the index back');
    panel.panel.dispose();
  });

  test('bulk: set a field on a filtered selection — the files change exactly as planned — and undo it in one step', async () => {
    const api = await activated();
    const folder = api.services.index.all()[0];
    const rel = 'transactions/2022/table-bulk.yaml';
    const other = 'transactions/2022/table-other.yaml';
    const doc = (id: string, customer: string, extra = '') =>
      `id: ${id}\ncategory: transaction\ncustomer: ${customer}\ncustomer_type: person\ntitle: "${id} 付款"  # 备注\ndate: 2022-03-01\namount: 10\ncurrency: CNY\npayment_method: alipay\n${extra}`;
    fs.mkdirSync(abs('transactions/2022'), { recursive: true });
    const original = doc('JY-2022-801', '表格客户', 'status: active\n') + '---\n' + doc('JY-2022-802', '表格客户') + '---\n' + doc('JY-2022-803', '表格客户');
    fs.writeFileSync(abs(rel), original);
    fs.writeFileSync(abs(other), doc('JY-2022-804', '别的客户'));
    await eventually(() => folder.index.get(rel)?.records.length === 3 && folder.index.get(other), 'the files indexed');
    const panel = await openTable();
    await panel.handle({ type: 'filter', text: 'customer=表格客户' });
    assert.strictEqual(panel.view!.rows.length, 3);
    await panel.handle({ type: 'selectAll' });
    assert.strictEqual(panel.selection().length, 3);
    const result = (await panel.handle({ type: 'bulk', op: 'set', field: 'status', value: 'archived', preview: false })) as BulkResult;
    assert.ok(result.applied);
    assert.deepStrictEqual(
      result.files.map((f) => [f.path, f.records]),
      [[rel, 3]],
    );
    const edited = await vscode.workspace.openTextDocument(vscode.Uri.file(abs(rel)));
    assert.strictEqual(edited.getText(), result.files[0].after, 'exactly what was planned');
    assert.strictEqual(edited.getText().match(/^status: archived$/gm)?.length, 3);
    assert.strictEqual(edited.getText().match(/# 备注/g)?.length, 3, 'comments kept');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === abs(other) && d.isDirty), 'the record not selected is untouched');
    await vscode.window.showTextDocument(edited);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(edited.getText(), original, 'one undo');
    // Remove a field from the selection (the bulk edit core): only the record that has it changes; undone again.
    const removed = (await panel.handle({ type: 'bulk', op: 'remove', field: 'status', preview: false })) as BulkResult;
    assert.ok(removed.applied);
    assert.strictEqual(edited.getText(), removed.files[0].after);
    assert.strictEqual(edited.getText(), original.replace('status: active\n', ''));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(edited.getText(), original);
    // An invalid value is refused with check's finding, and nothing is written.
    const bad = (await panel.handle({ type: 'bulk', op: 'set', field: 'status', value: 'lost', preview: false })) as BulkResult;
    assert.strictEqual(bad.files.length, 0);
    assert.match(bad.refused[0]?.reason ?? '', /invalid-enum/);
    assert.strictEqual(edited.getText(), original);
    // Export what is shown: BOM, the visible columns' labels, one line per row.
    const target = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rc-table-')), 'table.csv'));
    await panel.exportTo(target);
    const csv = fs.readFileSync(target.fsPath, 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'BOM');
    assert.strictEqual(csv.trimEnd().split('\r\n').length, 4, csv);
    assert.match(csv, /表格客户/);
    // Print what is shown: a page of the same rows.
    const page = await panel.print(vscode.Uri.file(target.fsPath.replace(/\.csv$/, '.html')));
    const html = fs.readFileSync(page!.fsPath, 'utf8');
    assert.strictEqual((html.match(/<tr><td>/g) ?? []).length, 3, 'one line per row');
    assert.match(html, /表格客户/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    panel.panel.dispose();
    fs.rmSync(abs(rel));
    fs.rmSync(abs(other));
    await eventually(() => !folder.index.get(rel) && !folder.index.get(other), 'the test files to go');
  });

  test('Excel export of what is shown: identifiers as text, dates as dates, amounts as numbers, no formula', async () => {
    const api = await activated();
    const folder = api.services.index.all()[0];
    const rel = 'customers/xlsx-export/records.yaml';
    fs.mkdirSync(abs('customers/xlsx-export'), { recursive: true });
    fs.writeFileSync(
      abs(rel),
      [
        'id: JB-2024-901\ncategory: basic\ncustomer: 导出客户\ncustomer_type: person\ntitle: 身份信息\ndate: 2024-03-01\nid_number: "110105194912310021"\nphone: "01088886666"\n',
        'id: HT-2024-902\ncategory: contract\ncustomer: 导出客户\ncustomer_type: person\ntitle: \'=HYPERLINK("http://x","点此")\'\ndate: 2024-05-06\ncontract_no: "-0017"\nsigned_date: 2024-05-06\namount: 1234.50\n',
      ].join('---\n'),
    );
    await eventually(() => folder.index.get(rel)?.records.length === 2, 'the file indexed');
    const panel = await openTable();
    await panel.handle({ type: 'filter', text: 'customer=导出客户' });
    await panel.handle({ type: 'sort', key: 'date' });
    await panel.handle({
      type: 'columns',
      visible: ['id', 'customer', 'customer_type', 'title', 'date', 'id_number', 'phone', 'contract_no', 'amount'],
      widths: {},
    });
    const target = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rc-table-xlsx-')), '表格.xlsx'));
    // A link planted at the chosen name: refused, nothing written through it, no file said to be exported.
    const planted = path.join(path.dirname(target.fsPath), 'planted.xlsx');
    const elsewhere = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rc-elsewhere-')), 'secret.txt');
    fs.writeFileSync(elsewhere, 'secret\n');
    fs.symlinkSync(elsewhere, planted);
    assert.strictEqual(await panel.exportTo(vscode.Uri.file(planted)), undefined);
    assert.strictEqual(fs.readFileSync(elsewhere, 'utf8'), 'secret\n');
    assert.strictEqual((await panel.exportTo(target))?.fsPath, target.fsPath);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(target.fsPath) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    assert.deepStrictEqual((ws.getRow(1).values as unknown[]).slice(1), [
      'Record ID',
      'Customer',
      'Customer type',
      'Title',
      'Date',
      'ID number (masked)',
      'Phone',
      'Contract number',
      'Amount',
    ]);
    assert.strictEqual(ws.rowCount, 3, 'the header and the two rows shown');
    const basic = ws.getRow(2);
    assert.strictEqual(basic.getCell(1).value, 'JB-2024-901');
    assert.strictEqual(basic.getCell(3).value, 'Person', 'an allowed value by its label');
    assert.deepStrictEqual(basic.getCell(5).value, new Date(Date.UTC(2024, 2, 1)));
    assert.strictEqual(basic.getCell(6).value, '110105194912310021', 'the 18-digit ID number exactly, as text');
    assert.strictEqual(basic.getCell(6).type, ExcelJS.ValueType.String);
    assert.strictEqual(basic.getCell(7).value, '01088886666', 'the phone number keeps its leading zero');
    const contract = ws.getRow(3);
    assert.strictEqual(contract.getCell(4).value, '=HYPERLINK("http://x","点此")');
    assert.strictEqual(contract.getCell(4).type, ExcelJS.ValueType.String, 'record text is never a formula');
    assert.strictEqual(contract.getCell(8).value, '-0017');
    assert.strictEqual(contract.getCell(8).type, ExcelJS.ValueType.String);
    assert.strictEqual(contract.getCell(9).value, 1234.5);
    await panel.handle({ type: 'columns', visible: [], widths: {} });
    await panel.handle({ type: 'sort', key: 'date' });
    await panel.handle({ type: 'sort', key: 'date' });
    panel.panel.dispose();
    fs.rmSync(abs('customers/xlsx-export'), { recursive: true });
    fs.rmSync(path.dirname(target.fsPath), { recursive: true });
    await eventually(() => !folder.index.get(rel), 'the test file to go');
  });

  test('bulk: rename a field on a selection — an unknown key and an alias alike — and move records to another category, each one undo', async () => {
    const api = await activated();
    const folder = api.services.index.all()[0];
    const rel = 'service/2023/table-rename.yaml';
    const relB = 'service/2023/table-rename-b.md';
    fs.mkdirSync(abs('service/2023'), { recursive: true });
    const rec = (id: string, keys: string) =>
      `id: ${id}\ncategory: service\ncustomer: 改名客户\ncustomer_type: person\ntitle: 上门服务\ndate: 2023-04-01\nservice_type: onsite\n${keys}`;
    const original = [rec('FW-2023-801', 'handled_by: 张三  # 经办人\n'), rec('FW-2023-803', '')].join('---\n');
    // Writes custodian under its alias 保管人, and has handled_by too.
    const originalB = `---\n${rec('FW-2023-802', '保管人: 李四\nhandled_by: 王五\n')}---\n正文。\n`;
    fs.writeFileSync(abs(rel), original);
    fs.writeFileSync(abs(relB), originalB);
    await eventually(() => folder.index.get(rel)?.records.length === 2 && folder.index.get(relB)?.records.length === 1, 'the files indexed');
    const panel = await openTable();
    await panel.handle({ type: 'filter', text: 'customer=改名客户' });
    await panel.handle({ type: 'selectAll' });
    assert.strictEqual(panel.selection().length, 3);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(abs(rel)));
    const docB = await vscode.workspace.openTextDocument(vscode.Uri.file(abs(relB)));
    await vscode.window.showTextDocument(doc);

    // handled_by, a key the schema does not know, renamed to custodian; the record that has a custodian already is
    // refused, with the reason, and its file left as it is.
    const renamed = (await panel.handle({ type: 'bulk', op: 'rename', field: 'handled_by', to: 'custodian', preview: false })) as BulkResult;
    assert.ok(renamed.applied, JSON.stringify(renamed));
    assert.deepStrictEqual(
      renamed.files.map((f) => [f.path, f.records]),
      [[rel, 2]],
    );
    assert.strictEqual(doc.getText(), renamed.files[0].after, 'exactly what was planned');
    assert.strictEqual(doc.getText(), original.replace('handled_by: 张三  # 经办人', 'custodian: 张三  # 经办人'), 'the key alone, comment kept');
    assert.deepStrictEqual(
      renamed.refused.map((r) => [r.path, r.reason]),
      [[relB, 'it has a field custodian already']],
    );
    assert.strictEqual(docB.getText(), originalB);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original, 'one undo');

    // custodian, which the other record writes as 保管人 (its alias): that key is renamed.
    await eventually(() => folder.index.get(rel)?.records[0]?.data?.handled_by === '张三', 'the index back');
    const aliased = (await panel.handle({ type: 'bulk', op: 'rename', field: 'custodian', to: 'keeper', preview: false })) as BulkResult;
    assert.ok(aliased.applied, JSON.stringify(aliased));
    assert.strictEqual(docB.getText(), originalB.replace('保管人: 李四', 'keeper: 李四'));
    assert.strictEqual(doc.getText(), original, 'no record there has a custodian');
    await vscode.window.showTextDocument(docB);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(docB.getText(), originalB);

    // A move: the category set on the selection, by its Chinese label; only the field changes, never the path.
    await eventually(() => folder.index.get(relB)?.records[0]?.data?.custodian === '李四', 'the index back');
    const moved = (await panel.handle({ type: 'bulk', op: 'set', field: 'category', value: '沟通记录', preview: false })) as BulkResult;
    assert.ok(moved.applied, JSON.stringify(moved));
    assert.strictEqual(doc.getText(), original.replace(/^category: service$/gm, 'category: communication'));
    assert.strictEqual(docB.getText(), originalB.replace('category: service', 'category: communication'));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original, 'one undo for both files');
    assert.strictEqual(docB.getText(), originalB);
    for (const d of [doc, docB]) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    panel.panel.dispose();
    fs.rmSync(abs(rel));
    fs.rmSync(abs(relB));
    await eventually(() => !folder.index.get(rel) && !folder.index.get(relB), 'the test files to go');
  });

  test('opened from a customer in the Records view, the table is filtered to that customer', async () => {
    const api = await activated();
    const t = api.recordsTree!;
    const group = t.getChildren().find((n) => t.getTreeItem(n).label === 'Contracts');
    assert.ok(group, 'the Contracts group');
    const customer = t.getChildren(group).find((n) => n.kind === 'group');
    assert.ok(customer && customer.kind === 'group');
    const panel = await vscode.commands.executeCommand<TablePanel>('recordsCurator.openTable', customer, [customer]);
    await panel.whenBuilt();
    const picked = api.services.ui.recordsTree!.recordsOf([customer])[0].records;
    assert.strictEqual(panel.view!.rows.length, picked.length);
    assert.ok(panel.view!.rows.every((r) => r.data?.customer === customer.key && r.data.category === 'contract'));
    panel.panel.dispose();
  });
});
