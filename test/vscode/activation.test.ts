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
});
