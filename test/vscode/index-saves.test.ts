import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activated, eventually, workspaceRoot } from './helpers';

const DIR = 'communication/unwatched';
const FILE = `${DIR}/call.md`;
const abs = (rel: string) => path.join(workspaceRoot().fsPath, rel);

/**
 * The file watcher's events were seen to come late or not at all (the seal tests waited 15 s for a saved
 * record): a file saved in the editor is indexed from the save itself. Here the watcher is told to leave the
 * folder alone, so the save is the only news of the change.
 */
suite('a record saved in the editor, without the file watcher', () => {
  suiteSetup(async () => {
    await vscode.workspace.getConfiguration('files').update('watcherExclude', { [`**/${DIR}/**`]: true }, vscode.ConfigurationTarget.Workspace);
    fs.mkdirSync(abs(DIR), { recursive: true });
    fs.copyFileSync(abs('communication/2015/early-call.md'), abs(FILE));
    const folder = (await activated()).services.index.all()[0];
    // Unwatched, the copy is found by a full build.
    await folder.build('the test copied a record where the watcher does not look');
    assert.ok(folder.index.get(FILE)?.records[0], 'the copy indexed');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(abs(DIR), { recursive: true, force: true });
    await vscode.workspace.getConfiguration('files').update('watcherExclude', undefined, vscode.ConfigurationTarget.Workspace);
    // Unwatched, the removal is not reported either: a full build forgets the copy, or the suites after this
    // one count a record too many.
    const folder = (await activated()).services.index.all()[0];
    await folder.build('the test removed its unwatched folder');
    assert.ok(!folder.index.get(FILE), 'the copy forgotten');
  });

  test('an edit saved at once (before the index took the unsaved text) is in the index', async () => {
    const folder = (await activated()).services.index.all()[0];
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(abs(FILE)));
    const old = '首次电话咨询 / First phone enquiry';
    const at = doc.getText().indexOf(old);
    assert.ok(at >= 0, doc.getText());
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + old.length)), '保存即索引 Saved and indexed');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save());
    await eventually(() => folder.index.get(FILE)?.records[0]?.data?.title === '保存即索引 Saved and indexed' || undefined, 'the saved title in the index');
  });
});
