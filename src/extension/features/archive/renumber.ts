import * as vscode from 'vscode';
import { planFolderRenumbering, type Renumbering } from '../../../core/archive/renumber';
import { setFieldEdits } from '../../../core/fix/fixes';
import { GuardedEdit } from '../../guarded-edit';
import type { FolderIndex } from '../../index/folder-index';
import type { WorkspaceIndex } from '../../index/workspace-index';
import { currentText } from '../../current-text';

export interface RenumberResult {
  planned: number;
  unreadable: number;
  blocked: number;
  applied: boolean;
}

function addEdits(edit: GuardedEdit, folder: FolderIndex, changes: readonly Renumbering[], confirm: boolean): void {
  const byFile = new Map<string, Renumbering[]>();
  for (const c of changes) byFile.set(c.record.file, [...(byFile.get(c.record.file) ?? []), c]);
  for (const [rel, list] of byFile) {
    const current = currentText(folder.uriOf(rel));
    if (!current) continue;
    // One record at a time against the same text: the edits of a YAML stream's documents never overlap.
    for (const c of list) {
      for (const e of setFieldEdits(rel, current.text, [{ record: c.record.index, field: 'archive_no', value: c.to }])) {
        edit.replace(folder, rel, new vscode.Range(current.position(e.start), current.position(e.end)), e.newText, {
          label: vscode.l10n.t('{0} → {1}', c.from, c.to),
          description:
            c.why === 'format' ? vscode.l10n.t('the same item number, written in the schema format') : vscode.l10n.t('the next item number of its scope'),
          needsConfirmation: confirm,
        });
      }
    }
  }
}

/**
 * Plans new archive numbers for numbers in an earlier format or that contradict their record, and offers them
 * as one WorkspaceEdit to review in the refactor preview: an archive number is stable once given (DA/T 13-2022
 * §4.3), so nothing here is ever applied unseen. `options.preview: false` is for automation and tests.
 */
export async function renumberArchiveNumbers(
  ws: WorkspaceIndex,
  log: vscode.LogOutputChannel,
  options?: { preview?: boolean; from?: string },
): Promise<RenumberResult> {
  const edit = new GuardedEdit();
  const result: RenumberResult = { planned: 0, unreadable: 0, blocked: 0, applied: false };
  const lines: string[] = [];
  for (const folder of ws.all()) {
    const numbering = planFolderRenumbering(folder.index.entries(), folder.schema, folder.index.lang, options?.from);
    result.blocked += numbering.blockers.length;
    if (!numbering.plan) continue;
    const plan = numbering.plan;
    addEdits(edit, folder, plan.changes, options?.preview !== false);
    result.planned += plan.changes.length;
    result.unreadable += plan.unreadable.length;
    for (const c of plan.changes) lines.push(`${c.record.file}:${c.record.line + 1} ${c.from} → ${c.to}`);
    for (const r of plan.unreadable) lines.push(`${r.file}:${r.line + 1} ${vscode.l10n.t('not readable in either format; left as it is')}`);
  }
  if (result.blocked) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('No archive numbers changed: {0} files or folders could not be read, and may hold archive numbers.', result.blocked),
    );
    return { ...result, planned: 0 };
  }
  if (lines.length) log.info(`${vscode.l10n.t('Renumbering planned:')}\n  ${lines.join('\n  ')}`);
  if (!result.planned) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Every archive number already follows the schema and its record.'));
    return result;
  }
  result.applied = await edit.apply(log);
  return result;
}
