import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseRecordText } from '../../src/core/parse/record-file';
import { today } from '../../src/core/retention/dates';
import type { HealthPanel } from '../../src/extension/features/health';
import { activated, eventually, workspaceRoot } from './helpers';

suite('everyday use', () => {
  test("New Record writes the schema's fields in order with the next id, and puts the cursor on the first empty field", async () => {
    const api = await activated();
    await api.services.index.whenReady();
    const folder = api.services.index.all()[0];
    const uri = await vscode.commands.executeCommand<vscode.Uri>('recordsCurator.newRecord', { category: 'contract', customer: '北京云帆科技有限公司' });
    const year = new Date().getFullYear();
    const rel = path.relative(workspaceRoot().fsPath, uri.fsPath).split(path.sep).join('/');
    assert.strictEqual(rel, `contract/${year}/HT-${year}-001.md`);
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    const data = parseRecordText(text, 'markdown').records[0].data!;
    assert.deepStrictEqual(Object.keys(data).slice(0, 9), [
      'id',
      'category',
      'customer',
      'customer_type',
      'title',
      'date',
      'contract_no',
      'signed_date',
      'amount',
    ]);
    assert.deepStrictEqual([data.id, data.category, data.customer, data.customer_type], [`HT-${year}-001`, 'contract', '北京云帆科技有限公司', 'organization']);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.fsPath, uri.fsPath);
    assert.strictEqual(editor.document.lineAt(editor.selection.active.line).text.slice(0, editor.selection.active.character), 'title: ');
    // The placeholders are flagged until filled, nothing else.
    const codes = await eventually(() => folder.index.get(rel)?.findings.map((f) => f.code), 'the new record indexed');
    assert.ok(codes.length > 0 && codes.every((c) => c === 'empty-field'), codes.join(', '));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.dirname(path.dirname(uri.fsPath)), { recursive: true });
    await eventually(() => !folder.index.get(rel), 'the new record removed again');
  });

  test('Export Index writes every record as CSV with a BOM and as JSON', async () => {
    const api = await activated();
    await api.services.index.whenReady();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-export-'));
    const t = api.recordsTree!;
    await t.refresh();
    const nodes = t.getChildren();
    const csv = vscode.Uri.file(path.join(dir, 'index.csv'));
    await vscode.commands.executeCommand('recordsCurator.exportIndex', nodes[0], nodes, { format: 'csv', target: csv });
    const text = fs.readFileSync(csv.fsPath, 'utf8');
    assert.ok(text.startsWith('\uFEFF'));
    const rows = text.slice(1).trimEnd().split('\r\n');
    assert.strictEqual(rows.length, 51);
    assert.match(rows[0], /Path.*Record ID.*Category.*Customer/);
    assert.ok(rows.some((r) => r.includes('北京云帆科技有限公司') && r.includes('HT-2020-001')));
    const json = vscode.Uri.file(path.join(dir, 'index.json'));
    await vscode.commands.executeCommand('recordsCurator.exportIndex', nodes[0], nodes, { format: 'json', target: json });
    const list = JSON.parse(fs.readFileSync(json.fsPath, 'utf8')) as { path: string; fields: Record<string, unknown> }[];
    assert.strictEqual(list.length, 50);
    assert.strictEqual(list.find((r) => r.path === 'customers/li-na/basic/contact.yaml')?.fields.customer, '李娜');
    fs.rmSync(dir, { recursive: true });
  });

  test("the Health Report shows the sample's figures under a CSP with a nonce, and exports a dated page", async () => {
    await activated();
    const panel = await vscode.commands.executeCommand<HealthPanel>('recordsCurator.healthReport');
    assert.strictEqual(panel.stats.total, 50);
    assert.strictEqual(panel.stats.errors, 3);
    const html = panel.html();
    assert.match(html, /Content-Security-Policy/);
    assert.match(html, /<script nonce="/);
    assert.match(html, /data-key="category:contract"/);
    panel.panel.dispose();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-health-'));
    const out = vscode.Uri.file(path.join(dir, 'report.html'));
    await vscode.commands.executeCommand('recordsCurator.healthReport', { exportTo: out });
    const page = fs.readFileSync(out.fsPath, 'utf8');
    assert.doesNotMatch(page, /<script/);
    assert.ok(page.includes(today()), 'dated today');
    fs.rmSync(dir, { recursive: true });
  });
});
