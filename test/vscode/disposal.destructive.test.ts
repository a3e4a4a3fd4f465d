import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { readBatch } from '../../src/core/disposal/batch';
import type { CreatedBatch } from '../../src/extension/features/disposal/commands';
import type { Execution } from '../../src/extension/features/disposal/execute';
import type { DisposalNode } from '../../src/extension/features/disposal/view';
import type { RecordsCuratorApi } from '../../src/extension/extension';
import { activated, eventually, workspaceRoot } from './helpers';

const root = () => workspaceRoot().fsPath;
const abs = (rel: string) => path.join(root(), rel);
const git = (...args: string[]) => execFileSync('git', args, { cwd: root(), encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Tester', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Tester', GIT_COMMITTER_EMAIL: 't@example.com' } });
const EARLY = 'communication/2015/early-call.md';
const HELD = 'communication/2023/dispute-emails.md';

async function api(): Promise<RecordsCuratorApi> {
  const a = await activated();
  await a.services.index.whenReady();
  return a;
}

function disposalRecord(a: RecordsCuratorApi, rel: string): DisposalNode | undefined {
  for (const list of a.disposalTree!.groups().values()) for (const n of list) if (n.kind === 'record' && n.record.file === rel) return n;
  return undefined;
}

suite('disposal (on a git repository)', () => {
  let batchUri: vscode.Uri;

  suiteSetup(() => {
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'records');
  });

  test('a record past retention is due, with its date; a held record is on hold', async () => {
    const a = await api();
    const due = await eventually(() => disposalRecord(a, EARLY), 'the early call in the Disposal view');
    assert.strictEqual(due.kind === 'record' && due.group, 'due');
    assert.strictEqual(due.kind === 'record' && due.until, '2018-06-10');
    const held = disposalRecord(a, HELD);
    assert.strictEqual(held?.kind === 'record' && held.group, 'hold');
    assert.deepStrictEqual(a.disposalTree!.groups().get('due')!.map((n) => n.kind === 'record' && n.record.file), [EARLY]);
  });

  test('a held record never enters a batch; the batch lists the due one with the checklist and the register', async () => {
    const a = await api();
    const nodes = [disposalRecord(a, EARLY)!, disposalRecord(a, HELD)!];
    const created = await vscode.commands.executeCommand<CreatedBatch>('recordsCurator.createDestructionBatch', nodes[0], nodes);
    assert.strictEqual(created.items, 1);
    assert.deepStrictEqual(created.excluded, [{ path: HELD, reason: 'hold' }]);
    batchUri = created.uri!;
    assert.ok(batchUri.fsPath.endsWith(`disposal/XH-${new Date().getFullYear()}-001.md`), batchUri.fsPath);
    const batch = readBatch(fs.readFileSync(batchUri.fsPath, 'utf8'))!;
    assert.deepStrictEqual(batch.items.map((i) => i.path), [EARLY]);
    assert.strictEqual(batch.status, 'draft');
    assert.match(fs.readFileSync(batchUri.fsPath, 'utf8'), /- \[ \] .*(监销人|supervisors)/);
  });

  test('approving needs approvers, two supervisors, method, place and time', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.approveBatch', batchUri), false);
    const text = (await vscode.workspace.openTextDocument(batchUri)).getText()
      .replace('approvers: []', 'approvers: [总经理 王强]').replace('supervisors: []', 'supervisors: [李档案, 赵法务]')
      .replace('method: ""', 'method: 粉碎 shredding').replace('place: ""', 'place: 档案室 Archive room')
      .replace('scheduled_at: ""', 'scheduled_at: 2026-12-01T10:00+08:00').replace(/- \[ \]/g, '- [x]');
    // As a person does it: in the editor, then saved.
    const doc = await vscode.workspace.openTextDocument(batchUri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(batchUri, new vscode.Range(0, 0, doc.lineCount, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save());
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.approveBatch', batchUri), true);
    assert.strictEqual(readBatch(fs.readFileSync(batchUri.fsPath, 'utf8'))!.status, 'approved');
  });

  test('executing deletes exactly the listed file, leaves tombstones, and reports it still in git history', async () => {
    const a = await api();
    const before = fs.readdirSync(abs('communication/2015'));
    const result = await vscode.commands.executeCommand<Execution>('recordsCurator.executeDestruction', batchUri, { confirm: false });
    assert.deepStrictEqual(result.deleted, [EARLY]);
    assert.ok(!fs.existsSync(abs(EARLY)));
    assert.deepStrictEqual(fs.readdirSync(abs('communication/2015')), before.filter((f) => f !== 'early-call.md'));
    assert.ok(fs.existsSync(abs(HELD)), 'the held record is untouched');
    const batch = readBatch(fs.readFileSync(batchUri.fsPath, 'utf8'))!;
    assert.strictEqual(batch.status, 'executed');
    const tomb = (batch.data.tombstones as Record<string, string>[])[0];
    assert.deepStrictEqual([tomb.id, tomb.archive_no, tomb.customer, tomb.category, tomb.retention, tomb.path], ['GT-2015-001', 'Z109-GT·2015-D3-0001', '张伟', 'communication', 'D3', EARLY]);
    assert.deepStrictEqual(result.reachable, [EARLY], 'still reachable from main');
    assert.match(result.report!.getText(), /git filter-(repo|branch)/);
    await eventually(() => !a.services.index.all()[0].index.get(EARLY), 'the index to drop it');
  });

  test('purge-check reports the record reachable until history is rewritten, then clean', async () => {
    git('add', '-A');
    git('commit', '-qm', 'destruction XH');
    assert.deepStrictEqual(await vscode.commands.executeCommand('recordsCurator.purgeCheck'), [EARLY]);
    execFileSync('sh', ['-c', `git filter-branch --force --index-filter 'git rm --cached --ignore-unmatch -- ${EARLY}' --prune-empty --tag-name-filter cat -- --all && git for-each-ref --format='delete %(refname)' refs/original | git update-ref --stdin && git reflog expire --expire=now --all && git gc -q --prune=now`],
      { cwd: root(), stdio: 'ignore', env: { ...process.env, FILTER_BRANCH_SQUELCH_WARNING: '1' } });
    assert.deepStrictEqual(await vscode.commands.executeCommand('recordsCurator.purgeCheck'), []);
  });

  test('the certificate of destruction carries the register, the method and the signatures', async () => {
    const target = vscode.Uri.file(abs('disposal/certificate.md'));
    await vscode.commands.executeCommand('recordsCurator.exportCertificate', batchUri, target);
    const md = fs.readFileSync(target.fsPath, 'utf8');
    assert.match(md, /档案销毁证明/);
    assert.match(md, /Z109-GT·2015-D3-0001/);
    assert.match(md, /粉碎 shredding/);
    assert.match(md, /监销人 .*1 \| 李档案/);
  });

  test('a transfer batch lists the recipient and the people to notify; the records become transferred', async () => {
    const a = await api();
    const t = a.recordsTree!;
    const rel = 'customers/wang-fang/contracts/training-2024.md';
    const contracts = t.getChildren().find((n) => t.getTreeItem(n).label === 'Contracts')!;
    const node = t.getChildren(contracts).flatMap((c) => t.getChildren(c)).find((n) => n.kind === 'record' && n.record.file === rel)!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('recordsCurator.createTransferBatch', node, [node], { name: '继任公司 Successor Ltd.', contact: 'dpo@successor.example' });
    // Saved as a person would (the untitled git report stays as it is).
    for (const d of vscode.workspace.textDocuments) if (d.isDirty && d.uri.scheme === 'file') await d.save();
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    assert.match(text, /recipient: "继任公司 Successor Ltd\."/);
    assert.match(text, /- \[ \] Wang Fang/);
    assert.match(fs.readFileSync(abs(rel), 'utf8'), /^status: transferred$/m);
  });
});
