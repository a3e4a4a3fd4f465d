/** The table's outputs: what is shown as CSV for spreadsheets, and as a page to print. */
import * as vscode from 'vscode';
import type { Lang } from '../../../core/model/lang';
import { today } from '../../../core/retention/dates';
import { tableCsv, tablePrintHtml, type Column, type TableView } from '../../../core/table';
import type { FolderIndex } from '../../index/folder-index';

export interface TableOutput {
  folder: FolderIndex;
  view: TableView;
  columns: readonly Column[];
  lang: Lang;
  filter: string;
  readOnly: boolean;
}

/** Asks where (unless `target`), or says why not in Restricted Mode. */
async function destination(o: TableOutput, ext: 'csv' | 'html', title: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (o.readOnly) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
    return undefined;
  }
  return (
    target ??
    vscode.window.showSaveDialog({
      defaultUri: o.folder.uriOf(`records-table-${today().replace(/-/g, '')}.${ext}`),
      filters: ext === 'csv' ? { CSV: ['csv'] } : { HTML: ['html'] },
      title,
    })
  );
}

export async function exportTableCsv(o: TableOutput, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri = await destination(o, 'csv', vscode.l10n.t('Export CSV…'), target);
  if (!uri) return undefined;
  const text = await tableCsv(o.view, o.columns, o.lang);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}', vscode.workspace.asRelativePath(uri)));
  return uri;
}

/**
 * What is shown (its rows in order, its columns, the filter) as a standalone page, saved where the user says and
 * opened in the browser, which prints it: a webview cannot. With `target` (tests, automation) it is not opened.
 */
export async function printTable(o: TableOutput, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri = await destination(o, 'html', vscode.l10n.t('Print…'), target);
  if (!uri) return undefined;
  const html = await tablePrintHtml(o.view, o.columns, { lang: o.lang, title: vscode.l10n.t('Records table'), filter: o.filter || undefined, date: today() });
  await vscode.workspace.fs.writeFile(uri, Buffer.from(html, 'utf8'));
  if (!target) void vscode.env.openExternal(uri);
  return uri;
}
