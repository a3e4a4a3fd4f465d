import * as vscode from 'vscode';
import { folderScope, GuardedEdit } from '../../guarded-edit';
import { defaultSchemaText, SCHEMA_PATH } from '../../../core/schema/load';
import { schemaFindings } from '../../../core/check/schema-findings';
import { toDiagnostic } from '../../diagnostic';
import type { Feature } from '../../feature';
import type { FolderIndex } from '../../index/folder-index';

/** Mistakes in `.records/schema.yaml` as diagnostics on that file, and a command that writes the default. */
export const schemaFeature: Feature = {
  id: 'schema',
  activate(context, services) {
    const diagnostics = vscode.languages.createDiagnosticCollection('records-schema');
    const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
    const publish = (folder: FolderIndex) => {
      const uri = folder.uriOf(SCHEMA_PATH);
      if (!folder.schemaFromWorkspace || !folder.schemaText) {
        diagnostics.delete(uri);
        return;
      }
      // The same findings `check` reports on the schema file, linked to their docs page like every other.
      diagnostics.set(
        uri,
        folder.known(SCHEMA_PATH, schemaFindings(folder.schemaText, folder.schemaProblems)).map((f) => toDiagnostic(f, docs)),
      );
    };
    const publishAll = () => services.index.all().forEach(publish);
    context.subscriptions.push(
      diagnostics,
      services.index.onDidChange((e) => {
        if (!e.paths) publish(e.folder);
      }),
      vscode.commands.registerCommand('recordsCurator.initSchema', async () => {
        if (!vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
          return;
        }
        const folders = vscode.workspace.workspaceFolders ?? [];
        const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick() : folders[0];
        if (!folder) return;
        const uri = vscode.Uri.joinPath(folder.uri, ...SCHEMA_PATH.split('/'));
        try {
          await vscode.workspace.fs.stat(uri);
          void vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists; it was not changed.', SCHEMA_PATH));
          await vscode.window.showTextDocument(uri);
          return;
        } catch {
          // does not exist: write it
        }
        const edit = new GuardedEdit();
        edit.createFile(folderScope(folder), SCHEMA_PATH, defaultSchemaText);
        if (await edit.apply(services.log)) await vscode.window.showTextDocument(uri);
      }),
    );
    void services.index.whenReady().then(publishAll);
  },
};
