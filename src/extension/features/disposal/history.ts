import * as vscode from 'vscode';
import { batchFiles } from '../../../core/disposal/files';
import { audit, purgeFolder, type Audit } from '../../../core/git/audit';
import { purgeReport } from '../../../core/git/report';
import type { FolderIndex } from '../../index/folder-index';
import { gitPath } from '../../git';
import { documentLanguage } from '../../settings';
import type { Batches } from './batches';
import { writable } from './commands';

const progress = <T>(title: string, task: (report: (step: string) => void) => Promise<T>) =>
  vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, (p) => task((step) => p.report({ message: step })));

async function openReport(markdown: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return doc;
}

const survivorPaths = (a: Audit) => [...new Set([...a.report.check.survivors, ...a.report.remotes.flatMap((r) => r.survivors)].map((s) => s.path))];

export interface HistoryReport {
  /** Destroyed files and attachments whose content is still held somewhere. */
  reachable: string[];
  clean: boolean;
  doc: vscode.TextDocument;
}

/**
 * The purge check of one folder (one batch, or every executed batch), by content, with progress; the
 * report opens beside the editor. Undefined when git may not run (Restricted Mode) or there is no repository.
 */
export async function historyReport(
  batches: Batches,
  folder: FolderIndex,
  batch?: string,
  o: { allRemotes?: boolean } = {},
): Promise<HistoryReport | undefined> {
  const git = await gitPath();
  if (!git) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Git history is not checked in Restricted Mode: the destroyed files may still be in it.'));
    return undefined;
  }
  const files = batchFiles(folder.root, folder.schema.disposal.folder);
  const a = await progress(vscode.l10n.t('Checking git history for destroyed records…'), (step) =>
    audit(git, folder.root, files, folder.schema, { ...(batch ? { batch } : {}), allRemotes: o.allRemotes ?? false, progress: step }),
  );
  if (!a) return undefined;
  const { clean, markdown } = purgeReport(a.report, documentLanguage());
  const doc = await openReport(markdown);
  const reachable = survivorPaths(a);
  if (clean) void vscode.window.showInformationMessage(vscode.l10n.t('No destroyed record is held anywhere in this repository.'));
  else if (a.report.check.incomplete)
    void vscode.window.showWarningMessage(vscode.l10n.t('This clone does not have all of history: nothing can be proved about what it lacks.'));
  else
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} destroyed files are still in the repository. See the report for the commands that purge them.', reachable.length),
    );
  return { reachable, clean, doc };
}

/** "Check Git History for Destroyed Records": every executed batch of every folder, and the folder's remotes. */
export async function purgeCheck(batches: Batches): Promise<string[] | undefined> {
  await batches.refresh();
  const folders = [
    ...new Set(
      batches
        .all()
        .filter((b) => b.batch.kind === 'destruction-batch' && b.batch.status === 'executed')
        .map((b) => b.folder),
    ),
  ];
  if (!folders.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No executed destruction batch yet.'));
    return [];
  }
  const all: string[] = [];
  for (const folder of folders) {
    const r = await historyReport(batches, folder, undefined, { allRemotes: true });
    if (!r) return undefined;
    all.push(...r.reachable);
  }
  return all;
}

/**
 * "Purge Destroyed Records from Git History": the same purge as `records-curator purge --yes`, after a modal
 * confirmation; refused (nothing changed) while the working tree or an editor has changes not committed.
 */
export async function purgeHistory(
  batches: Batches,
  options?: { confirm?: boolean; filterRepo?: boolean },
): Promise<{ clean: boolean; doc?: vscode.TextDocument } | undefined> {
  if (!writable()) return undefined;
  const git = await gitPath();
  if (!git) return undefined;
  await batches.refresh();
  const folders = [
    ...new Set(
      batches
        .all()
        .filter((b) => b.batch.status === 'executed' && b.batch.kind === 'destruction-batch')
        .map((b) => b.folder),
    ),
  ];
  if (!folders.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No executed destruction batch yet.'));
    return undefined;
  }
  if (vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.scheme === 'file')) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Save or revert every unsaved editor first: rewriting history resets the working tree.'));
    return undefined;
  }
  if (options?.confirm !== false) {
    const go = vscode.l10n.t('Rewrite History');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Rewrite the whole git history so the destroyed records and their attachments are gone? Every commit that held them changes, every reflog is expired and gc prunes the old objects. Remotes, clones and backups must then be purged too.',
      ),
      { modal: true },
      go,
    );
    if (answer !== go) return undefined;
  }
  let clean = true;
  let doc: vscode.TextDocument | undefined;
  for (const folder of folders) {
    const files = () => batchFiles(folder.root, folder.schema.disposal.folder);
    const outcome = await progress(vscode.l10n.t('Purging git history…'), (step) =>
      purgeFolder(git, folder.root, files, folder.schema, { progress: step, ...(options?.filterRepo === false ? { filterRepo: false } : {}) }),
    );
    if (!outcome) continue;
    const zh = vscode.env.language.startsWith('zh');
    if (outcome.refused) {
      void vscode.window.showErrorMessage(vscode.l10n.t('History was not rewritten: {0}', outcome.refused.map((r) => (zh ? r.zh : r.en)).join('; ')));
      return { clean: false };
    }
    if (outcome.run && !outcome.run.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The purge failed: {0}', outcome.run.error ?? ''));
      return { clean: false };
    }
    const after = outcome.after ?? outcome.before;
    const report = purgeReport(after.report, documentLanguage());
    const removed = outcome.run?.removedRemotes ?? [];
    const note = removed.length
      ? `\n\n> ${vscode.l10n.t('git filter-repo removed these remotes so the old history is not fetched back; force-push to them once checked: {0}', removed.map((r) => `${r.name} (${r.url})`).join(', '))}\n`
      : '';
    doc = await openReport(report.markdown + note);
    clean &&= report.clean;
  }
  if (clean) void vscode.window.showInformationMessage(vscode.l10n.t('Git history purged: no destroyed record is held anywhere in this repository.'));
  else void vscode.window.showWarningMessage(vscode.l10n.t('The purge ran, but something is still held: see the report.'));
  return { clean, doc };
}
