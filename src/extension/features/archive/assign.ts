import * as vscode from 'vscode';
import { plural } from '../../plural';
import { assignmentValues, type Assignment, REFUSAL_REASONS } from '../../../core/archive/assign';
import { planFolderNumbers } from '../../../core/archive/blockers';
import { today } from '../../../core/retention/dates';
import { setFieldEdits } from '../../../core/fix/fixes';
import { currentText } from '../../current-text';
import { GuardedEdit } from '../../guarded-edit';
import type { FolderIndex } from '../../index/folder-index';
import type { Picked } from '../../services';
import { bi } from '../../../core/text/bilingual';

export interface AssignResult {
  assigned: number;
  kept: number;
  refused: number;
  /** Files or folders whose archive numbers the index could not see: with any, nothing is numbered. */
  blocked: number;
  applied: boolean;
}

/** Adds the edits that write archive numbers into their files to one WorkspaceEdit. */
function addEdits(edit: GuardedEdit, folder: FolderIndex, assignments: readonly Assignment[], archivedOn: string | undefined): void {
  const byFile = new Map<string, Assignment[]>();
  for (const a of assignments) byFile.set(a.record.file, [...(byFile.get(a.record.file) ?? []), a]);
  for (const [rel, list] of byFile) {
    const uri = folder.uriOf(rel);
    const current = currentText(uri);
    if (!current) continue;
    const edits = setFieldEdits(
      rel,
      current.text,
      list.flatMap((a) => assignmentValues(a, archivedOn)),
      folder.schema.aliases,
    );
    for (const e of edits) {
      const label = list.length === 1 ? vscode.l10n.t('Archive number {0}', list[0].archiveNo) : vscode.l10n.t('Archive numbers');
      edit.replace(folder, rel, new vscode.Range(current.position(e.start), current.position(e.end)), e.newText, { label, needsConfirmation: false });
    }
  }
}

/**
 * Numbers the picked records that lack an archive number, as one undoable WorkspaceEdit shown for review
 * first, dating those without an archive date. Numbers continue each scope's highest, counting unsaved
 * editors (the index holds their text).
 */
export async function assignArchiveNumbers(picked: readonly Picked[], log: vscode.LogOutputChannel, options?: { preview?: boolean }): Promise<AssignResult> {
  const edit = new GuardedEdit();
  const result: AssignResult = { assigned: 0, kept: 0, refused: 0, blocked: 0, applied: false };
  const refusals: string[] = [];
  const blockers: string[] = [];
  // Filing a record dates it too (归档日期), unless the setting says not to; an existing date is kept.
  const archivedOn = vscode.workspace.getConfiguration('recordsCurator').get<boolean>('numbering.setArchiveDate', true) ? today() : undefined;
  for (const { folder, records } of picked) {
    const numbering = planFolderNumbers(folder.index.entries(), records, folder.schema, (r) => folder.index.problemCounts(r).errors, folder.index.lang);
    for (const b of numbering.blockers) blockers.push(`${vscode.workspace.asRelativePath(folder.uriOf(b.path))} ${b.reason}`);
    const plan = numbering.plan;
    if (!plan) continue;
    addEdits(edit, folder, plan.assignments, archivedOn);
    result.assigned += plan.assignments.length;
    result.kept += plan.kept;
    result.refused += plan.refused.length;
    for (const r of plan.refused) refusals.push(`${r.record.file}:${r.record.line + 1} ${bi(folder.index.lang, REFUSAL_REASONS[r.reason])}`);
  }
  if (blockers.length) {
    // A number the index could not see could be handed out again: nothing is numbered, in any folder.
    result.blocked = blockers.length;
    log.warn(vscode.l10n.t('No archive numbers assigned. These could not be read and may hold archive numbers:') + '\n  ' + blockers.join('\n  '));
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t('No archive numbers assigned: {0} files or folders could not be read, and a new number could repeat one of theirs.', blockers.length),
        vscode.l10n.t('Show Why'),
      )
      .then((b) => b && log.show(true));
    return { ...result, assigned: 0 };
  }
  if (refusals.length) {
    log.info(vscode.l10n.t('Not numbered:') + '\n  ' + refusals.join('\n  '));
    void vscode.window
      .showWarningMessage(
        plural(
          refusals.length,
          vscode.l10n.t('{0} record could not be numbered.', refusals.length),
          vscode.l10n.t('{0} records could not be numbered.', refusals.length),
        ),
        vscode.l10n.t('Show Why'),
      )
      .then((b) => b && log.show(true));
  }
  if (!result.assigned) {
    if (!refusals.length) void vscode.window.showInformationMessage(vscode.l10n.t('Every selected record already has an archive number.'));
    return result;
  }
  // Shown for review, every number ticked: Apply writes them (GuardedEdit.reviewMarker says how).
  result.applied = await edit.apply(log, { review: options?.preview !== false });
  return result;
}
