/**
 * "Records: Import Records…": a table (.csv, .tsv, .json, .xlsx) or mail (.eml, .mbox) picked from disk, the
 * folder to import into, the category when the mapping has none — then the import view: the mapping to
 * review and change, the preview, and Import, which writes it all as one undoable change.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { langOf } from '../../../core/model/lang';
import type { Schema } from '../../../core/model/schema';
import type { Feature } from '../../feature';
import type { Services } from '../../services';
import { ImportPanel } from './panel';
import { hasReader } from './readers';

export interface ImportCommandOptions {
  /** The file to import (otherwise an open dialog asks). */
  file?: vscode.Uri;
  /** The workspace folder to import into (otherwise asked when there are several). */
  folder?: vscode.WorkspaceFolder;
  /** The category of every row (otherwise asked when the mapping names none). */
  category?: string;
}

/** Larger files are refused with a message rather than read into the extension host. */
const MAX_BYTES = 64 * 1024 * 1024;

async function pickCategory(panel: ImportPanel, lang: 'en' | 'zh', schema: Schema): Promise<void> {
  const pick = await vscode.window.showQuickPick(
    [...schema.categories.values()].map((c) => ({ label: lang === 'zh' ? c.label.zh : c.label.en, description: c.key, key: c.key })),
    { title: vscode.l10n.t('Import: the category of the records'), placeHolder: vscode.l10n.t('No column gives the category: which is it for every row?') },
  );
  if (pick) await panel.receive({ type: 'category', value: pick.key });
}

export async function importRecords(services: Services, options: ImportCommandOptions = {}): Promise<ImportPanel | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Importing writes files, which is off in Restricted Mode. Trust the workspace first.'));
    return undefined;
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the folder of your records first: records are imported into it.'));
    return undefined;
  }
  const file =
    options.file ??
    (
      await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Import Records: pick a table or mail file'),
        openLabel: vscode.l10n.t('Preview the Import'),
        canSelectMany: false,
        filters: { [vscode.l10n.t('Tables and mail')]: ['csv', 'tsv', 'txt', 'json', 'xlsx', 'eml', 'mbox'] },
      })
    )?.[0];
  if (!file) return undefined;
  const name = path.basename(file.fsPath);
  // As the core reads them (import/session.ts tableKind); that module stays in the worker's bundle.
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const kind = ext === 'txt' ? 'tsv' : ['csv', 'tsv', 'json', 'xlsx', 'eml', 'mbox'].find((k) => k === ext);
  if (!kind) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not a file Import reads: .csv, .tsv, .json, .xlsx, .eml or .mbox.', name));
    return undefined;
  }
  if ((kind === 'xlsx' && !hasReader('xlsx')) || ((kind === 'eml' || kind === 'mbox') && !hasReader('mail'))) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('This installation cannot read {0} files. Save the sheet as CSV, or import it with the records-curator command line.', `.${kind}`),
    );
    return undefined;
  }
  const target =
    options.folder ??
    (folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Import into which folder?') }) : folders[0]);
  if (!target) return undefined;
  await services.index.whenReady();
  const folder = services.index.all().find((f) => f.root === target.uri.fsPath);
  if (!folder) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not indexed yet; try again in a moment.', target.name));
    return undefined;
  }
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(file);
    if (stat.size > MAX_BYTES) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} is larger than 64 MB; split it, or import it with the records-curator command line.', name));
      return undefined;
    }
    bytes = await vscode.workspace.fs.readFile(file);
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be read: {1}', name, err instanceof Error ? err.message : String(err)));
    return undefined;
  }
  const panel = new ImportPanel(folder, file, name, bytes, options.category, services.log);
  await panel.plan();
  const m = panel.model();
  if (!m.isMail && !m.category && !m.categoryFromColumn && !panel.error) await pickCategory(panel, langOf(vscode.env.language), folder.schema);
  return panel;
}

export const importFeature: Feature = {
  id: 'import',
  activate(context, services) {
    const panels: ImportPanel[] = [];
    context.subscriptions.push(
      vscode.commands.registerCommand('recordsCurator.importRecords', async (options?: ImportCommandOptions) => {
        // From a menu the argument is a view item, not options.
        const o = options && typeof options === 'object' && ('file' in options || 'folder' in options || 'category' in options) ? options : {};
        const panel = await importRecords(services, o);
        if (panel) {
          panels.push(panel);
          panel.panel.onDidDispose(() => panels.splice(panels.indexOf(panel), 1));
        }
        return panel;
      }),
      {
        dispose: () => {
          for (const p of [...panels]) p.panel.dispose();
        },
      },
    );
  },
};
