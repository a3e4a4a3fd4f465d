import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { TablePanel } from '../../src/extension/features/table/panel';
import { activated, eventually } from './helpers';
import { cli, hoverText, keyStoreFor } from './seal-helpers';

// Runs in a workbench opened WITHOUT workspace trust, on a copy of the sample that is a git repository.
suite('Restricted Mode', () => {
  test('the workspace is untrusted, and the extension still activates and reads', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const api = await activated();
    await api.services.index.whenReady();
    assert.strictEqual([...api.services.index.all()[0].index.records()].length, 50);
    const problems = await eventually(
      () => vscode.languages.getDiagnostics().filter(([, d]) => d.some((x) => x.source === 'records-curator')).length || undefined,
      'diagnostics',
    );
    assert.strictEqual(problems, 4);
  });

  test('no git process starts, and the review says why it is off', async () => {
    const api = await activated();
    await vscode.commands.executeCommand('workbench.view.extension.recordsCurator');
    await api.review!.refresh();
    assert.strictEqual(api.review!.status.kind, 'untrusted');
    // Commands that would run git or write refuse (their enablement also hides them in the UI).
    await vscode.commands
      .executeCommand('recordsCurator.showHistory', vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'communication/2015/early-call.md'))
      .then(undefined, () => undefined);
    await vscode.commands.executeCommand('recordsCurator.purgeCheck').then(undefined, () => undefined);
    await vscode.commands.executeCommand('recordsCurator.purgeHistory', { confirm: false }).then(undefined, () => undefined);
    await vscode.commands.executeCommand('recordsCurator.executeTransfer', undefined, { confirm: false }).then(undefined, () => undefined);
    await vscode.commands.executeCommand('recordsCurator.exportCertificate', undefined, undefined, { confirm: false }).then(undefined, () => undefined);
    assert.strictEqual(await api.backup!.check(), undefined);
    assert.strictEqual(api.gitProcessCount(), 0, 'no git process');
  });

  test('nothing is written: quick fixes are not offered and numbering refuses', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'customers/li-na/basic/identity.md');
    await vscode.window.showTextDocument(uri);
    const diag = await eventually(() => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'records-curator'), 'the PI warning');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range);
    // Other extensions may offer their own actions here (Markdown's); none of ours.
    assert.deepStrictEqual(
      actions.filter((a) => /^(Mask as|Insert missing|Change to|Normalise|Fix all)/.test(a.title)).map((a) => a.title),
      [],
    );
    const before = (await vscode.workspace.fs.readFile(uri)).toString();
    // The record has no archive number and no errors: with trust it would be numbered, without a prompt.
    const api = await activated();
    await api.services.index.whenReady();
    const folder = api.services.index.all()[0];
    const record = folder.index.get('customers/li-na/basic/identity.md')!.records[0];
    assert.strictEqual(record.data?.archive_no, undefined);
    const node = api.recordsTree!.nodeFor(folder, record);
    assert.ok(node, 'the record is in the tree');
    const result = await vscode.commands.executeCommand('recordsCurator.assignArchiveNumbers', node, [node], { preview: false }).then(
      (r) => r,
      () => 'refused',
    );
    assert.ok(result === undefined || result === 'refused');
    assert.strictEqual((await vscode.workspace.fs.readFile(uri)).toString(), before);
  });

  test('Import Records refuses before asking anything, and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-import-'));
    const csv = path.join(dir, 'contracts.csv');
    fs.writeFileSync(csv, 'customer,contract_no,signed_date,amount\nAcme,HT-R-1,2024-01-01,10\n');
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const panel = await vscode.commands.executeCommand('recordsCurator.importRecords', { file: vscode.Uri.file(csv), category: 'contract' });
    assert.strictEqual(panel, undefined);
    assert.ok(!fs.existsSync(path.join(root, '.records/imports')), 'no mapping, no state');
    assert.ok(!fs.existsSync(path.join(root, 'customers/Acme')), 'no record');
  });

  test('the records table opens read-only: no edit UI, and an edit or a bulk set sent anyway writes nothing', async () => {
    const panel = await vscode.commands.executeCommand<TablePanel>('recordsCurator.openTable');
    await panel.handle({ type: 'ready' });
    await panel.whenBuilt();
    assert.strictEqual(panel.view?.rows.length, 50);
    const init = panel.posted.find((m) => m.type === 'init') as unknown as { readOnly: boolean; columns: { editable: boolean }[] };
    assert.strictEqual(init.readOnly, true);
    assert.ok(
      init.columns.every((c) => !c.editable),
      'no column is editable',
    );
    const r = panel.view.rows.find((x) => x.file === 'customers/li-na/basic/identity.md')!;
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, r.file);
    const before = (await vscode.workspace.fs.readFile(uri)).toString();
    const edited = (await panel.handle({ type: 'edit', seq: 1, key: `${r.file}#${r.index}`, field: 'title', value: 'x' })) as { applied?: boolean };
    assert.ok(!edited.applied);
    await panel.handle({ type: 'selectAll' });
    assert.strictEqual(await panel.handle({ type: 'bulk', op: 'set', field: 'status', value: 'archived', preview: false }), undefined);
    assert.strictEqual(await panel.handle({ type: 'bulk', op: 'rename', field: 'title', to: 'name', preview: false }), undefined);
    // Nor is an export written (a CSV or a workbook is a file like any other).
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'table.xlsx');
    assert.strictEqual(await panel.exportTo(target), undefined);
    assert.strictEqual(fs.existsSync(target.fsPath), false);
    assert.strictEqual((await vscode.workspace.fs.readFile(uri)).toString(), before);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.isDirty), 'no editor changed');
    panel.panel.dispose();
  });

  // Viewing a sealed value writes nothing and runs no process (age is in-process JavaScript): it stays on in
  // Restricted Mode, with the key store's setting read from the user's settings only. Sealing writes: refused.
  test('sealed values: the key store unlocks and a value shows masked, with no process and nothing written; Seal refuses', async () => {
    const api = await activated();
    await api.services.index.whenReady();
    const folder = api.services.index.all()[0];
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const rel = 'customers/zhao-min/basic/contact.md';
    const plain = 'customers/zhao-min/basic/plain.md';
    const record = (id: string) =>
      `---\nid: ${id}\ncategory: basic\ncustomer: 赵敏\ncustomer_type: person\ntitle: 联系方式\ndate: 2026-03-01\ncontact_person: 赵敏\nphone: "13912345678"\n---\n`;
    fs.mkdirSync(path.join(root, 'customers/zhao-min/basic'), { recursive: true });
    fs.writeFileSync(path.join(root, rel), record('JB-2026-901'));
    // The person seals from a terminal (the command line); the editor then only reads.
    const keys = keyStoreFor(root);
    try {
      const sealed = cli(root, 'seal', '.', '--write', '--keys', keys.store);
      assert.strictEqual(sealed.status, 0, sealed.stderr);
      fs.writeFileSync(path.join(root, plain), record('JB-2026-902'));
      await vscode.workspace.getConfiguration('recordsCurator').update('keyStore', keys.store, vscode.ConfigurationTarget.Global);
      await eventually(() => folder.index.findings(plain).some((f) => f.code === 'plain-sensitive'), 'the plain value found');
      const plainUri = vscode.Uri.file(path.join(root, plain));
      const before = fs.readFileSync(plainUri.fsPath, 'utf8');
      const d = await eventually(() => vscode.languages.getDiagnostics(plainUri).find((x) => /plain text/.test(x.message)), 'in the Problems panel');
      await vscode.window.showTextDocument(plainUri);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', plainUri, d.range);
      assert.deepStrictEqual(
        actions.filter((a) => a.title.startsWith('Seal')).map((a) => a.title),
        [],
      );
      assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.sealFields', plainUri, [plainUri], { preview: false }), undefined);
      assert.strictEqual(fs.readFileSync(plainUri.fsPath, 'utf8'), before);
      assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.unlockKeyStore', { identityFile: keys.alice.file }), true);
      const uri = vscode.Uri.file(path.join(root, rel));
      const doc = await vscode.workspace.openTextDocument(uri);
      const text = (await hoverText(uri, doc.positionAt(doc.getText().indexOf('phone: "age:') + 12))).replace(/&nbsp;/g, ' ').replace(/\\/g, '');
      assert.match(text, /139\*\*\*\*5678/);
      assert.ok(!text.includes('13912345678'));
      assert.strictEqual(await vscode.commands.executeCommand('recordsCurator.unsealForViewing', uri, { field: 'phone' }), '139****5678');
      assert.ok(!vscode.workspace.textDocuments.some((x) => x.isDirty), 'no editor changed');
      assert.strictEqual(api.gitProcessCount(), 0, 'no git process');
    } finally {
      await vscode.commands.executeCommand('recordsCurator.lockKeyStore');
      await vscode.workspace.getConfiguration('recordsCurator').update('keyStore', undefined, vscode.ConfigurationTarget.Global);
      // What the command line sealed in the sample is put back as committed (the test's own git, not the extension's).
      execFileSync('git', ['checkout', '-q', '--', '.'], { cwd: root });
      execFileSync('git', ['clean', '-fdq'], { cwd: root });
      fs.rmSync(keys.dir, { recursive: true, force: true });
    }
  });
});
