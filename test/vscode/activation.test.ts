import * as assert from 'assert';
import * as vscode from 'vscode';
import { activated, EXTENSION_ID, eventually } from './helpers';

suite('activation', () => {
  test('runs in the real VS Code 1.100.3', () => {
    assert.strictEqual(vscode.version, '1.100.3');
  });

  test('activates by itself on a workspace that holds records', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    // No one called activate(): the workspaceContains event must have done it.
    await eventually(() => ext.isActive, 'activation by workspaceContains');
  });

  test('contributes the Records view container and its view', async () => {
    await activated();
    // The command exists only when the container is registered; running it shows the container.
    await vscode.commands.executeCommand('workbench.view.extension.recordsCurator');
    await vscode.commands.executeCommand('recordsCurator.records.focus');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('recordsCurator.showOutput'));
  });

  test('the status bar sums up the sample: records, errors, due for destruction', async () => {
    const api = await activated();
    await api.services.index.whenReady();
    await eventually(() => api.statusCounts && api.statusCounts.records === 50, 'the status bar counts');
    assert.deepStrictEqual({ ...api.statusCounts }, { records: 50, errors: 3, due: 1 });
  });

  test('the Getting Started walkthrough has its six steps, each with its page', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const steps = ext.packageJSON.contributes.walkthroughs[0].steps as { id: string; media: { markdown: string } }[];
    assert.deepStrictEqual(
      steps.map((s) => s.id),
      ['open', 'schema', 'problems', 'number', 'review', 'dispose'],
    );
    for (const s of steps) await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, s.media.markdown));
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#gettingStarted`, false);
  });
});
