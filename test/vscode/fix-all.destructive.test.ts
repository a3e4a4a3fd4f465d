import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activated, eventually, EXTENSION_ID, workspaceRoot } from './helpers';

/** Every file below a folder (git's own and the editor's history aside), relative, `/`-separated. */
function filesOf(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) =>
      path
        .relative(root, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
        .split(path.sep)
        .join('/'),
    )
    .filter((p) => !p.startsWith('.git/'))
    .sort();
}

/** Records with one fixable defect of each kind, in several styles (block, flow, CRLF, a YAML stream). */
const DEFECTS: Record<string, string> = {
  'fix-all/enum-date.md':
    '---\nid: FW-2099-001\ncategory: service\ncustomer: 张伟\ncustomer_type: person\ntitle: 上门服务\ndate: 2099/3/5\nservice_type: suport\nstaff: 王工\n---\n手机 13912345678，身份证 11010519491231002X。\n',
  'fix-all/flow.md': '---\n{id: FW-2099-002, category: service, customer: 李娜, customer_type: person, title: 培训, date: 2099-03-06}\n---\nBody.\n',
  'fix-all/crlf.md':
    '---\r\nid: FW-2099-003\r\ncategory: service\r\ncustomer: 王芳\r\ncustomer_type: person\r\ntitle: t\r\ndate: 2099-03-07\r\nservice_type: Support\r\nstaff: 刘凯\r\nid_number: 360426199101010071\r\n---\r\n',
  'fix-all/stream.yaml':
    'id: QT-2099-001\ncategory: other\ncustomer: 张伟\ncustomer_type: person\ntitle: one\ndate: 2099-01-01\n---\nid: QT-2099-002\ncategory: other\ncustomer: 张伟\ncustomer_type: person\ntitle: two\n',
};

suite("check --fix writes what the editor's Fix All writes", () => {
  const root = () => workspaceRoot().fsPath;
  suiteTeardown(async () => {
    fs.rmSync(path.join(root(), 'fix-all'), { recursive: true, force: true });
    // The suites after this one see the workspace as it was: wait until the index has let the files go.
    const folder = (await activated()).services.index.all()[0];
    await eventually(() => Object.keys(DEFECTS).every((rel) => !folder.index.get(rel)), 'the fix-all records to leave the index', 30000);
  });

  test('on a copy of the workspace, byte for byte', async () => {
    const api = await activated();
    await api.services.index.whenReady();
    const root = workspaceRoot().fsPath;
    for (const [rel, text] of Object.entries(DEFECTS)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    const folder0 = api.services.index.all()[0];
    for (const rel of Object.keys(DEFECTS)) await eventually(() => folder0.index.findings(rel).some((f) => f.fix), `${rel} indexed with its fixes`, 30000);
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-fix-copy-'));
    fs.cpSync(root, copy, { recursive: true, filter: (src) => !src.split(path.sep).includes('.git') });
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist/cli.js');
    const run = spawnSync(process.execPath, [cli, 'check', copy, '--fix'], { encoding: 'utf8', env: { ...process.env, LANG: vscode.env.language } });
    assert.match(run.stderr, /fixed [1-9]\d* problems? in [1-9]\d* files?/, run.stderr);

    // In the editor: every file with a fixable problem, Fix All (source.fixAll), then save — as on save with codeActionsOnSave.
    const folder = api.services.index.all()[0];
    const fixable = [...folder.index.paths()].filter((p) => folder.index.findings(p).some((f) => f.fix));
    assert.ok(
      Object.keys(DEFECTS).every((rel) => fixable.includes(rel)),
      `files with fixes: ${fixable.join(', ')}`,
    );
    for (const rel of fixable) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, rel)));
      const all = new vscode.Range(0, 0, doc.lineCount, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        doc.uri,
        all,
        'source.fixAll.recordsCurator',
      );
      const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.recordsCurator');
      assert.ok(fixAll?.edit, `Fix All offered for ${rel}`);
      assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
      assert.ok(await doc.save());
    }

    const mine = filesOf(root);
    assert.deepStrictEqual(filesOf(copy), mine);
    for (const rel of mine) {
      assert.ok(fs.readFileSync(path.join(copy, rel)).equals(fs.readFileSync(path.join(root, rel))), `${rel} differs between check --fix and Fix All`);
    }
    fs.rmSync(copy, { recursive: true, force: true });
  });
});
