import * as vscode from 'vscode';
import { planApproval } from '../../../core/disposal/approve';
import { type ExclusionReason } from '../../../core/disposal/batch';
import { planBatch } from '../../../core/disposal/create';
import { executionStamp } from '../../../core/disposal/execute';
import { takeFingerprints } from '../../../core/git/fingerprints';
import { tryReadFileInside } from '../../../core/io/safe-fs';
import { scalarText, type RecordEntry } from '../../../core/model/records';
import { today } from '../../../core/retention/dates';
import type { FolderIndex } from '../../index/folder-index';
import { gitPath } from '../../git';
import { GuardedEdit } from '../../guarded-edit';
import { documentLanguage } from '../../settings';
import { type Batches, type KnownBatch } from './batches';

const REASONS: Record<ExclusionReason, () => string> = {
  hold: () => vscode.l10n.t('on hold'),
  'within-retention': () => vscode.l10n.t('still within retention'),
  waiting: () => vscode.l10n.t('retention has not started (its event is not recorded)'),
  errors: () => vscode.l10n.t('has errors; fix them first'),
  already: () => vscode.l10n.t('already destroyed, transferred or in a batch'),
};

/** Writing (and git) is off in Restricted Mode: say so once, do nothing. */
export function writable(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
  return false;
}

const existingIds = (batches: Batches) => batches.all().map((b) => scalarText(b.batch.data.batch_id));

/** Writes a new file (never replacing one) through a checked WorkspaceEdit, and opens it. */
async function createFile(folder: FolderIndex, rel: string, text: string): Promise<vscode.Uri | undefined> {
  const edit = new GuardedEdit();
  const uri = edit.createFile(folder, rel, text);
  if (!(await edit.apply())) return undefined;
  await vscode.window.showTextDocument(uri);
  return uri;
}

export interface CreatedBatch {
  uri?: vscode.Uri;
  items: number;
  excluded: { path: string; reason: ExclusionReason }[];
}

/** A new batch for each folder picked: what is refused is said, with why. */
async function createBatch(
  kind: 'destruction' | 'transfer',
  picked: { folder: FolderIndex; records: RecordEntry[] }[],
  batches: Batches,
  log: vscode.LogOutputChannel | undefined,
  recipient?: { name: string; contact: string },
): Promise<CreatedBatch> {
  const result: CreatedBatch = { items: 0, excluded: [] };
  const day = today();
  for (const { folder, records } of picked) {
    const pending = new Set([...batches.pending().keys()].filter((k) => k.startsWith(`${folder.root}\u0000`)).map((k) => k.slice(folder.root.length + 1)));
    const plan = planBatch({
      kind,
      records,
      schema: folder.schema,
      today: day,
      lang: documentLanguage(),
      existingIds: existingIds(batches),
      pending,
      errors: (r) => folder.index.problemCounts(r).errors,
      bytesOf: (p) => tryReadFileInside(folder.root, p) ?? new Uint8Array(),
      recipient,
      all: [...folder.index.records()],
    });
    result.excluded.push(...plan.excluded.map((e) => ({ path: e.record.file, reason: e.reason })));
    if (plan.excluded.length) {
      log?.info(
        vscode.l10n.t('Not in the batch:') +
          '\n  ' +
          plan.excluded.map((e) => `${e.record.file}: ${REASONS[e.reason]()}${e.until ? ` (${vscode.l10n.t('until {0}', e.until)})` : ''}`).join('\n  '),
      );
      const first = plan.excluded
        .slice(0, 3)
        .map((e) => `${e.record.file} — ${REASONS[e.reason]()}`)
        .join('; ');
      void vscode.window
        .showWarningMessage(vscode.l10n.t('{0} records left out: {1}', plan.excluded.length, first), vscode.l10n.t('Show Why'))
        .then((b) => b && log?.show(true));
    }
    if (!plan.batch) continue;
    const uri = await createFile(folder, plan.batch.path, plan.batch.text);
    if (uri) {
      result.uri = uri;
      result.items = plan.batch.records.length;
    }
  }
  batches.refreshSoon();
  return result;
}

/** "Create Destruction Batch": the due or selected records, screened. */
export async function createDestructionBatch(
  picked: { folder: FolderIndex; records: RecordEntry[] }[],
  batches: Batches,
  log: vscode.LogOutputChannel,
): Promise<CreatedBatch> {
  if (!writable()) return { items: 0, excluded: [] };
  const result = await createBatch('destruction', picked, batches, log);
  if (!result.uri && !result.excluded.length) void vscode.window.showInformationMessage(vscode.l10n.t('No records are due for destruction.'));
  return result;
}

/** "Create Transfer Batch" (PIPL Art. 22): recipient, records, notice list. Records become transferred only on execution. */
export async function createTransferBatch(
  picked: { folder: FolderIndex; records: RecordEntry[] }[],
  batches: Batches,
  recipient?: { name: string; contact: string },
): Promise<vscode.Uri | undefined> {
  if (!writable()) return undefined;
  const name =
    recipient?.name ??
    (await vscode.window.showInputBox({ title: vscode.l10n.t('Create Transfer Batch'), prompt: vscode.l10n.t("The recipient's name (company or person)") }));
  if (!name) return undefined;
  const contact =
    recipient?.contact ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Create Transfer Batch'),
      prompt: vscode.l10n.t("The recipient's contact (address, phone or email), told to every person whose information moves"),
    }));
  if (!contact) return undefined;
  return (await createBatch('transfer', picked, batches, undefined, { name, contact })).uri;
}

export function batchAt(batches: Batches, arg: unknown): KnownBatch | undefined {
  const uri = arg instanceof vscode.Uri ? arg : ((arg as { batch?: KnownBatch })?.batch?.uri ?? vscode.window.activeTextEditor?.document.uri);
  return uri ? batches.all().find((b) => b.uri.toString() === uri.toString()) : undefined;
}

/**
 * "Approve Batch": only a complete draft. Every listed file and attachment is fingerprinted now — for a
 * destruction, with the git blob id of every version it ever had, read from history with progress shown.
 */
export async function approveBatch(batches: Batches, arg: unknown): Promise<boolean> {
  if (!writable()) return false;
  await batches.refresh();
  const b = batchAt(batches, arg);
  if (!b || b.batch.status !== 'draft') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a draft batch (in {0}) to approve it.', 'disposal/'));
    return false;
  }
  const text = batches.textOf(b.uri)!;
  const ctx = batches.contextOf(b.folder);
  let fingerprints;
  let notes: { en: string; zh: string }[] = [];
  // What a person must do first is said before git history is read (which takes time).
  const first = planApproval(text, ctx, today());
  if (b.batch.kind === 'destruction-batch' && !first.ok && first.reason === 'fingerprints') {
    const git = await gitPath();
    const taken = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Approving: fingerprinting every version of every file in git history…') },
      () => takeFingerprints(git, b.batch, ctx, executionStamp()),
    );
    fingerprints = taken.fingerprints;
    notes = taken.notes;
  }
  const plan = fingerprints ? planApproval(text, ctx, today(), fingerprints) : first;
  if (!plan.ok) {
    const zh = vscode.env.language.startsWith('zh');
    const list = (xs: readonly { zh: string; en: string }[]) => xs.map((x) => (zh ? x.zh : x.en)).join('; ');
    if (plan.reason === 'incomplete') void vscode.window.showWarningMessage(vscode.l10n.t('Fill in before approving: {0}', list(plan.missing)));
    else if (plan.reason === 'appraisal')
      void vscode.window.showErrorMessage(vscode.l10n.t('No valid appraisal opinion (Accounting Archives Measures Art. 16): {0}', list(plan.problems)));
    else if (plan.reason === 'notices')
      void vscode.window.showErrorMessage(vscode.l10n.t('The notice list is incomplete (PIPL Arts. 22, 31): {0}', list(plan.problems)));
    else if (plan.reason === 'entries') {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'The batch cannot be approved: {0}',
          plan.findings
            .slice(0, 3)
            .map((f) => f.message)
            .join('; '),
        ),
      );
    } else void vscode.window.showWarningMessage(vscode.l10n.t('Open a draft batch (in {0}) to approve it.', 'disposal/'));
    return false;
  }
  // The batch must still be what was fingerprinted and checked.
  if (batches.textOf(b.uri) !== text) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} changed while it was being approved; approve it again.', b.path));
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(b.uri);
  const edit = new GuardedEdit();
  for (const e of plan.edits) edit.replace(b.folder, b.path, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  const ok = await edit.apply();
  if (ok) await doc.save();
  const zh = vscode.env.language.startsWith('zh');
  for (const n of notes) void vscode.window.showWarningMessage(zh ? n.zh : n.en);
  await batches.refresh();
  return ok;
}
