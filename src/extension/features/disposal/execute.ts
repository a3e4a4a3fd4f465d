import * as vscode from 'vscode';
import { executionStamp, planExecution } from '../../../core/disposal/execute';
import { matchMethods } from '../../../core/disposal/methods';
import { planTransferExecution } from '../../../core/disposal/transfer';
import { setFieldEdits } from '../../../core/fix/fixes';
import { tryReadFileInside } from '../../../core/io/safe-fs';
import { today } from '../../../core/retention/dates';
import type { FolderIndex } from '../../index/folder-index';
import type { Erasure, KeyAccess } from '../../services';
import { GuardedEdit, type EditScope } from '../../guarded-edit';
import { currentText } from '../../current-text';
import type { Batches } from './batches';
import { batchAt, writable } from './commands';
import { historyReport } from './history';

export interface Execution {
  deleted: string[];
  /** Destroyed files and attachments whose content the repository still holds (undefined: git could not be asked). */
  reachable?: string[];
  report?: vscode.TextDocument;
  /** A crypto-erase batch: whose keys were destroyed. */
  erasure?: Erasure;
}

/** The folder as a delete sees it: its records, and the attachments the core checked go with them. */
function scopeWith(folder: FolderIndex, attachments: readonly string[]): EditScope {
  return { root: folder.root, uriOf: (rel) => folder.uriOf(rel), isDeletable: (rel) => folder.isDeletable(rel) || attachments.includes(rel) };
}

/** The files must still be what was checked and confirmed (an editor may have saved one meanwhile). */
function unchanged(folder: FolderIndex, before: ReadonlyMap<string, Uint8Array>): string | undefined {
  for (const [p, bytes] of before) {
    const now = tryReadFileInside(folder.root, p);
    if (!now || Buffer.compare(Buffer.from(now), Buffer.from(bytes)) !== 0) return p;
  }
  return undefined;
}

/** "Execute Destruction": an approved batch without problems, confirmed by the user; then the git report. */
export async function executeDestruction(batches: Batches, arg: unknown, options?: { confirm?: boolean }, keys?: KeyAccess): Promise<Execution | undefined> {
  if (!writable()) return undefined;
  await batches.refresh();
  const b = batchAt(batches, arg);
  if (!b || b.batch.kind !== 'destruction-batch' || b.batch.status !== 'approved') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Only an approved destruction batch can be executed.'));
    return undefined;
  }
  const batchText = batches.textOf(b.uri)!;
  const now = new Date();
  // The plan is made, and every listed entry checked, before anyone is asked to confirm.
  const planned = planExecution(batchText, batches.contextOf(b.folder), today(now), executionStamp(now));
  if (!planned.ok || batches.findingsCount(b.uri)) {
    const why = planned.ok
      ? ''
      : planned.findings
          .slice(0, 3)
          .map((f) => f.message)
          .join('; ');
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The batch has problems (see the Problems panel); fix them before executing it.') + (why ? ` ${why}` : ''),
    );
    return undefined;
  }
  const plan = planned.plan;
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && plan.before.has(b.folder.relative(d.uri) ?? ''));
  if (dirty.length) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Save or revert the unsaved changes to {0} first: a batch destroys the records as approved.',
        dirty.map((d) => b.folder.relative(d.uri)).join(', '),
      ),
    );
    return undefined;
  }
  // A crypto-erase batch destroys keys too: refused before anything is destroyed when they cannot be.
  const erase = matchMethods(b.batch.data.method, b.folder.schema).methods.some((m) => m.key === 'crypto-erase');
  const erasing = erase
    ? ((await keys?.prepareErase(b.folder)) ?? { refusal: vscode.l10n.t('Nothing was destroyed: the key store cannot be reached.') })
    : undefined;
  if (erasing && 'refusal' in erasing) {
    void vscode.window.showErrorMessage(erasing.refusal);
    return undefined;
  }
  if (options?.confirm !== false) {
    const destroy = vscode.l10n.t('Destroy');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Destroy the {0} records of {1} and their {2} attachments? Their files are deleted from the working tree and tombstones are written into the batch.',
        b.batch.items.length,
        String(b.batch.data.batch_id),
        plan.attachments.length,
      ) + (erasing ? ` ${erasing.warning}` : ''),
      { modal: true },
      destroy,
    );
    if (answer !== destroy) return undefined;
  }
  const edit = new GuardedEdit();
  const scope = scopeWith(b.folder, plan.attachments);
  for (const p of plan.deleteFiles) edit.deleteFile(scope, p);
  const docs: vscode.TextDocument[] = [];
  for (const [p, cuts] of plan.cutDocuments) {
    const doc = await vscode.workspace.openTextDocument(b.folder.uriOf(p));
    docs.push(doc);
    for (const c of cuts) edit.replace(b.folder, p, new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end)), c.newText);
  }
  const batchDoc = await vscode.workspace.openTextDocument(b.uri);
  docs.push(batchDoc);
  for (const e of plan.batchEdits) edit.replace(b.folder, b.path, new vscode.Range(batchDoc.positionAt(e.start), batchDoc.positionAt(e.end)), e.newText);
  const changed = unchanged(b.folder, plan.before);
  if (changed) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} changed while the destruction was confirmed; nothing was destroyed.', changed));
    return undefined;
  }
  if (!(await edit.apply())) return undefined;
  for (const d of docs) if (d.isDirty) await d.save();
  const result: Execution = { deleted: [...plan.deleteFiles, ...plan.cutDocuments.keys()] };
  if (erase && keys) result.erasure = await keys.eraseForBatch(b.folder, b.path, result.deleted);
  await batches.refresh();
  const report = await historyReport(batches, b.folder, b.path);
  if (report) {
    result.reachable = report.reachable;
    result.report = report.doc;
  }
  return result;
}

/**
 * "Execute Transfer": an approved transfer whose every task is checked (handed over, everyone notified);
 * only now do the records become transferred — and their local copies due once no legal period runs.
 */
export async function executeTransfer(batches: Batches, arg: unknown, options?: { confirm?: boolean }): Promise<boolean> {
  if (!writable()) return false;
  await batches.refresh();
  const b = batchAt(batches, arg);
  if (!b || b.batch.kind !== 'transfer-batch' || b.batch.status !== 'approved') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Only an approved transfer batch can be executed.'));
    return false;
  }
  const text = batches.textOf(b.uri)!;
  const planned = planTransferExecution(text, batches.contextOf(b.folder), executionStamp());
  if (!planned.ok) {
    if (planned.reason === 'tasks')
      void vscode.window.showErrorMessage(vscode.l10n.t('Check off every task first (hand-over, notices): {0}', planned.tasks.slice(0, 3).join('; ')));
    else void vscode.window.showErrorMessage(vscode.l10n.t('The batch has problems (see the Problems panel); fix them before executing it.'));
    return false;
  }
  if (options?.confirm !== false) {
    const go = vscode.l10n.t('Mark Transferred');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Mark the {0} records of {1} as transferred?', planned.plan.items.length, String(b.batch.data.batch_id)),
      { modal: true },
      go,
    );
    if (answer !== go) return false;
  }
  const edit = new GuardedEdit();
  for (const [rel, values] of planned.plan.statuses) {
    const cur = currentText(b.folder.uriOf(rel));
    if (!cur) return false;
    for (const e of setFieldEdits(rel, cur.text, values)) edit.replace(b.folder, rel, new vscode.Range(cur.position(e.start), cur.position(e.end)), e.newText);
  }
  const doc = await vscode.workspace.openTextDocument(b.uri);
  for (const e of planned.plan.batchEdits) edit.replace(b.folder, b.path, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  if (!(await edit.apply())) return false;
  // Saved by URI: the edit opens a record that was not open, and the extension host may learn of that document
  // only after applyEdit resolves, so walking `textDocuments` could miss it and leave the record unsaved.
  for (const uri of [b.uri, ...[...planned.plan.statuses.keys()].map((rel) => b.folder.uriOf(rel))]) {
    const d = await vscode.workspace.openTextDocument(uri);
    if (d.isDirty && !(await d.save())) return false;
  }
  await batches.refresh();
  return true;
}
