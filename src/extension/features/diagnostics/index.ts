import * as vscode from 'vscode';
import type { Feature } from '../../feature';
import type { FolderIndex } from '../../index/folder-index';
import { RecordsCodeActions, registerWorkspaceFix } from './code-actions';
import { toDiagnostic } from './convert';

/**
 * Every record's findings in the Problems panel — files never opened included — kept current from the
 * index, which follows the disk and unsaved editors alike.
 */
export const diagnosticsFeature: Feature = {
  id: 'diagnostics',
  activate(context, services) {
    const collection = vscode.languages.createDiagnosticCollection('records');
    const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
    const publish = (folder: FolderIndex, paths: readonly string[]) => {
      const batch: [vscode.Uri, vscode.Diagnostic[]][] = [];
      for (const p of paths) {
        const findings = folder.index.findings(p);
        batch.push([folder.uriOf(p), findings.map((f) => toDiagnostic(f, docs))]);
      }
      collection.set(batch);
    };
    const publishAll = (folder: FolderIndex) => {
      // Clear this folder's old entries (files that vanished), then set the current ones in one batch.
      collection.forEach((uri) => {
        if (services.index.folderOf(uri) === folder) collection.delete(uri);
      });
      const withFindings = [...folder.index.entries()].filter((e) => folder.index.findings(e.path).length).map((e) => e.path);
      publish(folder, withFindings);
    };
    context.subscriptions.push(
      collection,
      services.index.onDidChange((e) => (e.paths ? publish(e.folder, e.paths) : publishAll(e.folder))),
      vscode.languages.registerCodeActionsProvider(
        [{ scheme: 'file', language: 'markdown' }, { scheme: 'file', language: 'yaml' }],
        new RecordsCodeActions(services.index),
        { providedCodeActionKinds: RecordsCodeActions.kinds },
      ),
      registerWorkspaceFix(services.index),
    );
    void services.index.whenReady().then(() => services.index.all().forEach(publishAll));
  },
};
