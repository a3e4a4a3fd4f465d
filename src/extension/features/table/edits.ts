import * as vscode from 'vscode';
import { forEachInSlices } from '../../../core/async/slices';
import type { Finding } from '../../../core/model/findings';
import type { RecordEntry } from '../../../core/model/records';
import { fieldOf } from '../../../core/bulk/values';
import { givenField, newFieldFindings, type TableBulkOperation, type TableBulkPlanner } from '../../../core/table';
import type { TextEdit } from '../../../core/fix/text-edit';
import { currentText } from '../../current-text';
import { GuardedEdit } from '../../guarded-edit';
import type { FolderIndex } from '../../index/folder-index';

export interface ShownFinding {
  severity: Finding['severity'];
  code: string;
  message: string;
}

/** A cell's new value checked: the findings it brings to the field (check's rules), or why it cannot be written. */
export interface CellCheck {
  ok: boolean;
  findings: ShownFinding[];
  /** Why the value cannot be written at all (the record's YAML does not read cleanly, the file is gone). */
  reason?: string;
}

const shown = (f: Finding): ShownFinding => ({ severity: f.severity, code: f.code, message: f.message });

/** The record as the index has it now (the row may be older than the last change). */
export function currentRecord(folder: FolderIndex, file: string, index: number): RecordEntry | undefined {
  return folder.index.get(file)?.records.find((r) => r.index === index);
}

function planCell(
  folder: FolderIndex,
  planner: TableBulkPlanner,
  r: RecordEntry,
  field: string,
  value: string,
): CellCheck & { edits?: TextEdit[]; current?: ReturnType<typeof currentText> } {
  let current: ReturnType<typeof currentText>;
  try {
    current = currentText(folder.uriOf(r.file));
  } catch {
    return { ok: false, findings: [], reason: vscode.l10n.t('The file could not be read: it may have been moved or deleted.') };
  }
  if (!current) return { ok: false, findings: [], reason: vscode.l10n.t('The file is not UTF-8 text, so it is not edited here.') };
  const plan = planner.planFile(r.file, current.text, [r.index], { op: 'set', field, value }, folder.schema);
  if (!plan.ok) return { ok: false, findings: [], reason: vscode.l10n.t('Not changed, the edit could damage the record: {0}', plan.reason) };
  const { findings } = newFieldFindings(current.text, plan.edits, new Set([r.index]), field, (t) => folder.findingsOfText(r.file, t));
  return { ok: !findings.some((f) => f.severity === 'error'), findings: findings.map(shown), edits: plan.edits, current };
}

/** What writing `value` into the cell would bring, without writing it (the editor asks as the person types). */
export function checkCell(folder: FolderIndex, planner: TableBulkPlanner, r: RecordEntry, field: string, value: string): CellCheck {
  const { ok, findings, reason } = planCell(folder, planner, r, field, value);
  return { ok, findings, reason };
}

/** Writes the cell as one undoable WorkspaceEdit, unless the value brings an error (then nothing changes). */
export async function applyCell(
  folder: FolderIndex,
  planner: TableBulkPlanner,
  r: RecordEntry,
  field: string,
  value: string,
  log: vscode.LogOutputChannel,
): Promise<CellCheck & { applied: boolean }> {
  const c = planCell(folder, planner, r, field, value);
  if (!c.ok || !c.edits || !c.current) return { ok: c.ok, findings: c.findings, reason: c.reason, applied: false };
  const edit = new GuardedEdit();
  const current = c.current;
  for (const e of c.edits) {
    edit.replace(folder, r.file, new vscode.Range(current.position(e.start), current.position(e.end)), e.newText, {
      label: vscode.l10n.t('Set {0}', field),
      needsConfirmation: false,
    });
  }
  const applied = c.edits.length === 0 || (await edit.apply(log));
  return { ok: c.ok, findings: c.findings, applied };
}

export interface BulkFile {
  path: string;
  records: number;
  before: string;
  after: string;
}

export interface BulkResult {
  files: BulkFile[];
  refused: { path: string; reason: string }[];
  applied: boolean;
}

/**
 * One operation over the selected records, planned file by file in slices (the bulk planner gives each file's
 * edits), each file checked with check's rules: a file whose edit brings an error on the field it gives a value
 * (the field set, or a rename's new key) is left as it is, with the reason. The rest is one WorkspaceEdit, shown in the refactor preview first unless `preview` is false.
 */
export async function bulkEdit(
  folder: FolderIndex,
  records: readonly RecordEntry[],
  op: TableBulkOperation,
  planner: TableBulkPlanner,
  log: vscode.LogOutputChannel,
  options: { preview: boolean },
): Promise<BulkResult> {
  const byFile = new Map<string, number[]>();
  for (const r of records) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r.index]);
  const edit = new GuardedEdit();
  const result: BulkResult = { files: [], refused: [], applied: false };
  const label =
    op.op === 'set'
      ? vscode.l10n.t('{0} → {1}', op.field, op.value)
      : op.op === 'rename'
        ? vscode.l10n.t('Rename {0} to {1}', op.field, op.to)
        : vscode.l10n.t('Remove {0}', op.field);
  // The field the edit gives a value: a new error there refuses the file (a removal gives none).
  const given = fieldOf(givenField(op), folder.schema);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: label }, () =>
    forEachInSlices([...byFile], ([path, indices]) => {
      let current: ReturnType<typeof currentText>;
      try {
        current = currentText(folder.uriOf(path));
      } catch {
        current = undefined;
      }
      if (!current) {
        result.refused.push({ path, reason: vscode.l10n.t('The file could not be read.') });
        return;
      }
      const plan = planner.planFile(path, current.text, indices, op, folder.schema);
      if (!plan.ok) {
        result.refused.push({ path, reason: plan.reason });
        return;
      }
      if (!plan.edits.length) return;
      const { after, findings } = newFieldFindings(current.text, plan.edits, new Set(indices), given, (t) => folder.findingsOfText(path, t));
      const error = findings.find((f) => f.severity === 'error');
      if (error && op.op !== 'remove') {
        result.refused.push({ path, reason: `${error.code}: ${error.message}` });
        return;
      }
      for (const e of plan.edits) {
        edit.replace(folder, path, new vscode.Range(current.position(e.start), current.position(e.end)), e.newText, { label, needsConfirmation: false });
      }
      result.files.push({ path, records: indices.length, before: current.text, after });
    }),
  );
  if (result.refused.length) {
    log.warn(`${label}: ${vscode.l10n.t('not changed:')}\n  ${result.refused.map((r) => `${r.path}: ${r.reason}`).join('\n  ')}`);
    void vscode.window
      .showWarningMessage(vscode.l10n.t('{0} files were left as they are.', result.refused.length), vscode.l10n.t('Show Why'))
      .then((b) => b && log.show(true));
  }
  if (!result.files.length) {
    if (!result.refused.length) void vscode.window.showInformationMessage(vscode.l10n.t('Every selected record already reads so.'));
    return result;
  }
  result.applied = await edit.apply(log, { review: options.preview });
  return result;
}
