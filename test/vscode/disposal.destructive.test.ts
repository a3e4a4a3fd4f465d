import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { readBatch } from '../../src/core/disposal/batch';
import type { CertificateResult } from '../../src/extension/features/disposal/certificate';
import type { CreatedBatch } from '../../src/extension/features/disposal/commands';
import type { Execution } from '../../src/extension/features/disposal/execute';
import type { DisposalNode } from '../../src/extension/features/disposal/view';
import type { RecordsCuratorApi } from '../../src/extension/extension';
import type { HealthPanel } from '../../src/extension/features/health';
import { GroupModel } from '../../src/extension/features/records-view/model';
import { dueWithinDays } from '../../src/extension/settings';
import { activated, eventually, workspaceRoot } from './helpers';

const root = () => workspaceRoot().fsPath;
const abs = (rel: string) => path.join(root(), rel);
const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Tester',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 'Tester',
  GIT_COMMITTER_EMAIL: 't@example.com',
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: root(), encoding: 'utf8', env: ENV });
const EARLY = 'communication/2015/early-call.md';
const SCAN = 'communication/2015/scans/early-call.pdf';
const HELD = 'communication/2023/dispute-emails.md';
/** Text only the early call holds (its body), and its scan: what "destroyed" is checked against. */
const NOTE = '电话记录：客户了解个人网站开发的价格与周期';
const SCAN_TEXT = 'SCAN OF THE EARLY CALL';

/** Every object of the repository, searched for a text: independent of the tool's own check. */
function objectsHolding(needle: string): number {
  const out = execFileSync('git', ['cat-file', '--batch-all-objects', '--batch'], { cwd: root(), maxBuffer: 1 << 30 });
  let n = 0;
  for (let pos = 0; pos < out.length;) {
    const nl = out.indexOf(10, pos);
    const size = Number(out.subarray(pos, nl).toString().split(' ')[2]);
    if (out.subarray(nl + 1, nl + 1 + size).includes(Buffer.from(needle))) n++;
    pos = nl + 2 + size;
  }
  return n;
}

async function api(): Promise<RecordsCuratorApi> {
  const a = await activated();
  await a.services.index.whenReady();
  return a;
}

function disposalRecord(a: RecordsCuratorApi, rel: string): DisposalNode | undefined {
  for (const list of a.disposalTree!.groups().values()) for (const n of list) if (n.kind === 'record' && n.record.file === rel) return n;
  return undefined;
}

/**
 * The Records view's grouping by disposition, from the model the view draws (with the batches' records, as
 * the view is given them). Not by toggling the view's grouping: see the transfer test at the end.
 */
function byDisposition(a: RecordsCuratorApi): Map<string, number> {
  const m = GroupModel.now(a.services.index.all()[0], 'disposition', undefined, dueWithinDays(), a.batches!.pending());
  const labels: Record<string, string> = { due: 'Due for disposal', errors: 'With errors: correct first', pending: 'In a batch (pending)' };
  return new Map([...m.groups].map(([k, list]) => [labels[k] ?? k, list.length]));
}

/** What is due in each place a records officer looks: Records view, Disposal view, status bar, Health Report. */
async function dueEverywhere(a: RecordsCuratorApi) {
  await a.disposalTree!.refresh();
  const health = await vscode.commands.executeCommand<HealthPanel>('recordsCurator.healthReport');
  health.panel.dispose();
  const state = (s: string) => health.stats.byDisposition.find((d) => d.state === s)?.count ?? 0;
  const records = byDisposition(a);
  return {
    records: records.get('Due for disposal') ?? 0,
    disposal: a.disposalTree!.groups().get('due')!.length,
    status: a.statusCounts!.due,
    health: state('due'),
    errors: [records.get('With errors: correct first'), a.disposalTree!.groups().get('errors')!.length, state('errors')],
    pending: [records.get('In a batch (pending)') ?? 0, a.disposalTree!.groups().get('pending')!.length, state('pending')],
  };
}

/** Replaces a document's whole text as a person would, in the editor, and saves it. */
async function edit(uri: vscode.Uri, change: (text: string) => string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const e = new vscode.WorkspaceEdit();
  e.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), change(doc.getText()));
  assert.ok(await vscode.workspace.applyEdit(e));
  assert.ok(await doc.save());
}

suite('disposal end to end (on a git repository)', () => {
  let batchUri: vscode.Uri;

  suiteSetup(async () => {
    // History as it happens: the call filed first in an inbox, with its scan, then moved to its place.
    fs.mkdirSync(abs('inbox/scans'), { recursive: true });
    fs.renameSync(abs(EARLY), abs('inbox/early-call.md'));
    fs.writeFileSync(
      abs('inbox/early-call.md'),
      fs.readFileSync(abs('inbox/early-call.md'), 'utf8').replace('custodian: 陈晨\n', 'custodian: 陈晨\nattachments: [scans/early-call.pdf]\n'),
    );
    fs.writeFileSync(abs('inbox/scans/early-call.pdf'), `%PDF-1.4 ${SCAN_TEXT}\n`);
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'records');
    fs.mkdirSync(abs('communication/2015/scans'), { recursive: true });
    git('mv', 'inbox/early-call.md', EARLY);
    git('mv', 'inbox/scans/early-call.pdf', SCAN);
    git('commit', '-qm', 'file the early call');
    const a = await api();
    await eventually(() => a.services.index.all()[0].index.get(EARLY)?.records[0]?.data?.attachments, 'the moved record indexed with its scan');
    // Batches another suite wrote and removed may still be known until the watcher says so: look now.
    await a.batches!.refresh();
  });

  test('a record past retention is due, with its date; a held record is on hold', async () => {
    const a = await api();
    // Due once the view has regrouped (a batch of another suite listing it may just have gone).
    const due = await eventually(() => {
      const n = disposalRecord(a, EARLY);
      return n?.kind === 'record' && n.group === 'due' && n;
    }, 'the early call due in the Disposal view');
    assert.strictEqual(due.kind === 'record' && due.group, 'due');
    assert.strictEqual(due.kind === 'record' && due.until, '2018-06-10');
    const held = disposalRecord(a, HELD);
    assert.strictEqual(held?.kind === 'record' && held.group, 'hold');
  });

  test('one disposition everywhere: the same records due in every view; records with errors counted, not left out', async () => {
    const a = await api();
    const seen = await eventually(async () => {
      const d = await dueEverywhere(a);
      return d.status === 1 && d;
    }, 'the status bar');
    assert.deepStrictEqual(
      { ...seen, errors: undefined, pending: undefined },
      { records: 1, disposal: 1, status: 1, health: 1, errors: undefined, pending: undefined },
    );
    const { index } = a.services.index.all()[0];
    const withErrors = [...index.records()].filter((r) => index.problemCounts(r).errors > 0).length;
    assert.ok(withErrors > 0);
    assert.deepStrictEqual(seen.errors, [withErrors, withErrors, withErrors], 'records with errors, shown as such in each view');
  });

  test('a held record never enters a batch; the batch lists the due one with its scan, the checklist and the register', async () => {
    const a = await api();
    const nodes = [disposalRecord(a, EARLY)!, disposalRecord(a, HELD)!];
    const created = await vscode.commands.executeCommand<CreatedBatch>('recordsCurator.createDestructionBatch', nodes[0], nodes);
    assert.strictEqual(created.items, 1);
    assert.deepStrictEqual(created.excluded, [{ path: HELD, reason: 'hold' }]);
    batchUri = created.uri!;
    const batch = readBatch(fs.readFileSync(batchUri.fsPath, 'utf8'))!;
    assert.deepStrictEqual(
      batch.items.map((i) => [i.path, i.attachments]),
      [[EARLY, [SCAN]]],
    );
    assert.match(fs.readFileSync(batchUri.fsPath, 'utf8'), /- \[ \] .*(监销人|supervisors)/);
  });

  test('a record in a batch not executed yet is pending in every view, no longer due', async () => {
    const a = await api();
    const seen = await eventually(async () => {
      const d = await dueEverywhere(a);
      return d.status === 0 && d.disposal === 0 && d;
    }, 'every view to see the batch');
    assert.deepStrictEqual([seen.records, seen.disposal, seen.status, seen.health], [0, 0, 0, 0]);
    assert.deepStrictEqual(seen.pending, [1, 1, 1]);
  });

  test('approving needs the details, then fingerprints every version of the record and its scan from git history', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.approveBatch', batchUri), false);
    // The signatories and supervisors of 会计档案管理办法 Art. 18 (no accounting archives in this batch).
    await edit(batchUri, (t) =>
      t
        .replace('unit_head: ""', 'unit_head: "总经理 王强"')
        .replace('archives_head: ""', 'archives_head: "李档案"')
        .replace('archives_handler: ""', 'archives_handler: "陈晨"')
        .replace('supervisors: []', 'supervisors: [{ name: 李档案, role: archives }, { name: 赵工, role: it }]')
        .replace('method: ""', 'method: git-purge')
        .replace('place: ""', 'place: 档案室 Archive room')
        .replace('scheduled_at: ""', 'scheduled_at: 2026-12-01T10:00+08:00')
        .replace(/- \[ \]/g, '- [x]'),
    );
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.approveBatch', batchUri), false, 'not without an appraisal opinion (Art. 16)');
    const opinion = await vscode.commands.executeCommand<string>('recordsCurator.appraiseBatch', batchUri, {
      appraisers: ['李档案:archives', '周审计:audit'],
      appraised_at: '2026-11-20',
    });
    assert.match(opinion, /^disposal\/JD-\d{4}-001\.md$/);
    assert.match(fs.readFileSync(batchUri.fsPath, 'utf8'), /^appraisal_ref: "JD-\d{4}-001"/m);
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.approveBatch', batchUri), false, 'not before the opinion is signed');
    await edit(vscode.Uri.file(abs(opinion)), (t) => t.replace(/^status: draft/m, 'status: final'));
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.approveBatch', batchUri), true);
    // The register printed to sign before destruction (Art. 18), and the opinion.
    const printed = vscode.Uri.file(abs('disposal/register-print.html'));
    assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri>('recordsCurator.printDocument', batchUri, printed))?.fsPath, printed.fsPath);
    const html = fs.readFileSync(printed.fsPath, 'utf8');
    assert.match(html, /档案销毁清册|Destruction Register/);
    assert.match(html, /已保管期限|Kept for/);
    assert.match(html, /总经理 王强/);
    assert.doesNotMatch(html, /<script/);
    const opinionPrint = vscode.Uri.file(abs('disposal/opinion-print.md'));
    await vscode.commands.executeCommand('recordsCurator.printDocument', vscode.Uri.file(abs(opinion)), opinionPrint);
    assert.match(fs.readFileSync(opinionPrint.fsPath, 'utf8'), /鉴定意见书|Appraisal Opinion/);
    fs.rmSync(printed.fsPath);
    fs.rmSync(opinionPrint.fsPath);
    const batch = readBatch(fs.readFileSync(batchUri.fsPath, 'utf8'))!;
    assert.strictEqual(batch.status, 'approved');
    const record = batch.fingerprints!.files.find((f) => f.role === 'record')!;
    assert.deepStrictEqual(record.paths.sort(), [EARLY, 'inbox/early-call.md'].sort(), 'the path before the move is followed');
    assert.strictEqual(record.blobs.length, 1, 'one version, held under both paths');
    assert.deepStrictEqual(
      batch.fingerprints!.files.filter((f) => f.role === 'attachment').map((f) => f.path),
      [SCAN],
    );
  });

  test('executing deletes exactly the record and its scan, leaves tombstones, and reports both still in git history', async () => {
    const a = await api();
    const result = await vscode.commands.executeCommand<Execution>('recordsCurator.executeDestruction', batchUri, { confirm: false });
    assert.deepStrictEqual(result.deleted.sort(), [EARLY, SCAN].sort());
    assert.ok(!fs.existsSync(abs(EARLY)) && !fs.existsSync(abs(SCAN)));
    assert.ok(fs.existsSync(abs(HELD)), 'the held record is untouched');
    const batch = readBatch(fs.readFileSync(batchUri.fsPath, 'utf8'))!;
    assert.strictEqual(batch.status, 'executed');
    const tombs = batch.data.tombstones as Record<string, string>[];
    assert.deepStrictEqual(
      tombs.map((t) => t.path),
      [EARLY, SCAN],
    );
    assert.deepStrictEqual(result.reachable!.sort(), [EARLY, SCAN].sort(), 'still in history');
    assert.match(result.report!.getText(), /git filter-repo --force --strip-blobs-with-ids/);
    await eventually(() => !a.services.index.all()[0].index.get(EARLY), 'the index to drop it');
  });

  test('the certificate refuses while the purge check fails, and the unverified record says so in its title', async () => {
    git('add', '-A');
    git('commit', '-qm', 'destruction XH');
    const refused = await vscode.commands.executeCommand<CertificateResult>('recordsCurator.exportCertificate', batchUri, undefined, { confirm: false });
    assert.strictEqual(refused.verified, false);
    assert.ok(
      refused.missing.some((m) => /purge check did not pass|清除检查未通过/.test(m)),
      refused.missing.join('; '),
    );
    const target = vscode.Uri.file(abs('disposal/record.md'));
    const record = await vscode.commands.executeCommand<CertificateResult>('recordsCurator.exportCertificate', batchUri, target, { unverified: true });
    assert.strictEqual(record.verified, false);
    // The certificate is a document of record: its front matter binds it to the executed register (kept permanently).
    assert.match(
      fs.readFileSync(target.fsPath, 'utf8'),
      /^---\nkind: destruction-certificate\n[\s\S]*^# (销毁记录（尚未核实）|Destruction record \(not yet verified\))/m,
    );
    fs.rmSync(target.fsPath);
  });

  test('purge-check reports the record, the path before the move and the scan; the purge removes them from every object', async () => {
    assert.ok(objectsHolding(NOTE) > 0 && objectsHolding(SCAN_TEXT) > 0, 'history holds them');
    const reachable = await vscode.commands.executeCommand<string[]>('recordsCurator.purgeCheck');
    assert.deepStrictEqual(reachable.sort(), [EARLY, SCAN].sort());
    const purged = await vscode.commands.executeCommand<{ clean: boolean }>('recordsCurator.purgeHistory', { confirm: false });
    assert.strictEqual(purged.clean, true);
    assert.strictEqual(objectsHolding(NOTE), 0, 'no object of the repository holds the record');
    assert.strictEqual(objectsHolding(SCAN_TEXT), 0, 'nor its scan');
    assert.deepStrictEqual(await vscode.commands.executeCommand('recordsCurator.purgeCheck'), []);
    assert.ok(fs.existsSync(abs(HELD)) && objectsHolding('dispute') > 0, 'the other records are kept');
  });

  test('then the certificate of destruction: verified, with the repository, the commit range and every blob id', async () => {
    const target = vscode.Uri.file(abs('disposal/certificate.md'));
    const cert = await vscode.commands.executeCommand<CertificateResult>('recordsCurator.exportCertificate', batchUri, target, { confirm: false });
    assert.strictEqual(cert.verified, true, cert.missing.join('; '));
    const md = fs.readFileSync(target.fsPath, 'utf8');
    assert.match(md, /档案销毁证明|Certificate of Destruction/);
    assert.match(md, /Z109-WS·2015-D3-GT-0001/);
    assert.match(md, /NIST SP 800-88/);
    assert.match(md, new RegExp(git('rev-parse', 'HEAD').trim().slice(0, 12)));
    const blobs = readBatch(fs.readFileSync(batchUri.fsPath, 'utf8'))!.fingerprints!.files.flatMap((f) => f.blobs);
    for (const b of blobs) assert.ok(md.includes(b), `blob ${b} listed`);
  });

  test('a transfer: the record becomes transferred only when the executed batch says the hand-over and notices are done', async () => {
    const a = await api();
    const t = a.recordsTree!;
    const rel = 'customers/wang-fang/contracts/training-2024.md';
    const contracts = t.getChildren().find((n) => t.getTreeItem(n).label === 'Contracts')!;
    const node = t
      .getChildren(contracts)
      .flatMap((c) => t.getChildren(c))
      .find((n) => n.kind === 'record' && n.record.file === rel)!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('recordsCurator.createTransferBatch', node, [node], {
      name: '继任公司 Successor Ltd.',
      contact: 'dpo@successor.example',
    });
    const text = fs.readFileSync(uri.fsPath, 'utf8');
    assert.match(text, /recipient: "继任公司 Successor Ltd\."/);
    assert.match(text, /- \[ \] Wang Fang/);
    assert.doesNotMatch(fs.readFileSync(abs(rel), 'utf8'), /^status: transferred$/m, 'not on creation');
    await edit(uri, (x) => x.replace('approvers: []', 'approvers: [王强]'));
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.approveBatch', uri), false, 'not without an impact assessment (PIPL Art. 55)');
    await edit(uri, (x) => x.replace('impact_assessment_ref: ""', 'impact_assessment_ref: "PIA-2026-003"'));
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.approveBatch', uri), true);
    assert.strictEqual(
      await vscode.commands.executeCommand('recordsCurator.executeTransfer', uri, { confirm: false }),
      false,
      'not before the notices are sent',
    );
    assert.doesNotMatch(fs.readFileSync(abs(rel), 'utf8'), /^status: transferred$/m);
    await edit(uri, (x) => x.replace(/- \[ \]/g, '- [x]'));
    assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.executeTransfer', uri, { confirm: false }), true);
    assert.match(fs.readFileSync(abs(rel), 'utf8'), /^status: transferred$/m);
    assert.strictEqual(readBatch(fs.readFileSync(uri.fsPath, 'utf8'))!.status, 'executed');
  });
});
