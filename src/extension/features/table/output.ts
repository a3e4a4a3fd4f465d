/** The table's outputs: what is shown as CSV or an Excel workbook for spreadsheets, and as a page to print. */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Lang } from '../../../core/model/lang';
import { today } from '../../../core/retention/dates';
import { tableCsvChunks, tablePrintHtml, tableXlsx, type Column, type TableView } from '../../../core/table';
import type { FolderIndex } from '../../index/folder-index';
import { saveChosenFile } from '../../output-file';

export interface TableOutput {
  folder: FolderIndex;
  view: TableView;
  columns: readonly Column[];
  lang: Lang;
  filter: string;
  readOnly: boolean;
}

/** Asks where (unless `target`), or says why not in Restricted Mode. */
const FILTERS = { csv: { CSV: ['csv'] }, xlsx: { Excel: ['xlsx'] }, html: { HTML: ['html'] } };

async function destination(o: TableOutput, ext: keyof typeof FILTERS, title: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (o.readOnly) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
    return undefined;
  }
  return (
    target ??
    vscode.window.showSaveDialog({
      defaultUri: o.folder.uriOf(`records-table-${today().replace(/-/g, '')}.${ext}`),
      filters: FILTERS[ext],
      title,
    })
  );
}

export async function exportTableCsv(o: TableOutput, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri = await destination(o, 'csv', vscode.l10n.t('Export CSV…'), target);
  if (!uri) return undefined;
  if (!(await saveChosenFile(uri, await tableCsvChunks(o.view, o.columns, o.lang)))) return undefined;
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}', vscode.workspace.asRelativePath(uri)));
  return uri;
}

/** The exceljs bundle beside this one, which writes the workbook in a worker thread. */
const XLSX_BUNDLE = path.join(__dirname, 'xlsx-reader.js');

/**
 * What is shown as an .xlsx workbook: Chinese or English headers and labels, dates as dates, amounts as numbers,
 * identifiers as text (an 18-digit ID number never becomes a number), nothing as a formula. Written in a worker:
 * the extension host only turns rows into cells, in slices.
 */
export async function exportTableXlsx(o: TableOutput, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!fs.existsSync(XLSX_BUNDLE)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('This installation has no Excel writer ({0} is missing). Export CSV instead.', XLSX_BUNDLE));
    return undefined;
  }
  const uri = await destination(o, 'xlsx', vscode.l10n.t('Export Excel…'), target);
  if (!uri) return undefined;
  const title = vscode.l10n.t('Records table');
  let bytes: Uint8Array;
  try {
    bytes = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Writing {0}…', path.basename(uri.path)) },
      () => tableXlsx(o.view, o.columns, { bundle: XLSX_BUNDLE, lang: o.lang, title }),
    );
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The workbook could not be written: {0}', err instanceof Error ? err.message : String(err)));
    return undefined;
  }
  if (!(await saveChosenFile(uri, bytes))) return undefined;
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
  if (!(await saveChosenFile(uri, html))) return undefined;
  if (!target) void vscode.env.openExternal(uri);
  return uri;
}
