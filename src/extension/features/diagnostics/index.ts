import * as vscode from 'vscode';
import { forEachInSlices } from '../../../core/async/slices';
import type { Feature } from '../../feature';
import type { FolderIndex } from '../../index/folder-index';
import { RecordsCodeActions, registerWorkspaceFix } from './code-actions';
import { toDiagnostic } from '../../diagnostic';

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
        // The findings the baseline (check --update-baseline) knows show as known, as `check` says.
        const findings = folder.known(p, folder.index.findings(p));
        batch.push([folder.uriOf(p), findings.map((f) => toDiagnostic(f, docs))]);
      }
      collection.set(batch);
    };
    /**
     * After a full build: every file's findings, worked out and handed over in slices (100,000 records take
     * a few hundred ms), then the files that no longer have any are cleared. A newer pass for the same folder
     * stops an older one; changes meanwhile are published as they come and are not overwritten.
     */
    const passes = new Map<FolderIndex, number>();
    const publishAll = async (folder: FolderIndex) => {
      const pass = (passes.get(folder) ?? 0) + 1;
      passes.set(folder, pass);
      const before = new Set<string>();
      collection.forEach((uri) => {
        if (services.index.folderOf(uri) === folder) before.add(uri.toString());
      });
      let batch: string[] = [];
      const flush = () => {
        if (batch.length) publish(folder, batch);
        batch = [];
      };
      await forEachInSlices(
        () => [...folder.index.entries()],
        (e) => {
          if (folder.index.findings(e.path).length) {
            batch.push(e.path);
            before.delete(folder.uriOf(e.path).toString());
            if (batch.length >= 500) flush();
          }
        },
        { isCurrent: () => passes.get(folder) === pass },
      );
      if (passes.get(folder) !== pass) return;
      flush();
      for (const uri of before) {
        const u = vscode.Uri.parse(uri);
        const rel = folder.relative(u);
        if (rel === undefined || !folder.index.findings(rel).length) collection.delete(u);
      }
    };
    context.subscriptions.push(
      collection,
      services.index.onDidChange((e) => (e.paths ? publish(e.folder, e.paths) : void publishAll(e.folder))),
      vscode.languages.registerCodeActionsProvider(
        [
          { scheme: 'file', language: 'markdown' },
          { scheme: 'file', language: 'yaml' },
        ],
        new RecordsCodeActions(services.index),
        { providedCodeActionKinds: RecordsCodeActions.kinds },
      ),
      registerWorkspaceFix(services.index, services.log),
      // After a quick fix that inserted a field: select its placeholder in the editor of that document.
      vscode.commands.registerCommand('recordsCurator.selectInDocument', (uri: vscode.Uri, start: number, end: number) => {
        const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
        if (!editor) return;
        const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range);
      }),
    );
    void services.index.whenReady().then(() => services.index.all().forEach((f) => void publishAll(f)));
  },
};
