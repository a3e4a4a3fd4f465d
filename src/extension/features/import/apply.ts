/**
 * Writing an import: every file of the plan in ONE WorkspaceEdit (undone in one step), built in slices so
 * the extension host is never held, checked by the guarded edit (inside the folder, no link, a free name
 * for every new file), with progress. A file to update must still be what the plan read — on disk and in an
 * open editor — or nothing is written.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { yieldToEventLoop } from '../../../core/async/slices';
import type { FileChange } from '../../../core/io/changes';
import { decodeRecordBytes } from '../../../core/parse/decode';
import { LineIndex } from '../../../core/parse/lines';
import { GuardedEdit } from '../../guarded-edit';
import type { FolderIndex } from '../../index/folder-index';

/** How long one slice of building the edit may run before the event loop gets a turn. */
const SLICE_MS = 20;

export type ApplyOutcome = { ok: true; created: vscode.Uri[]; edited: vscode.Uri[] } | { ok: false; message?: string };

const decode = (b: Uint8Array): string | undefined => {
  const d = decodeRecordBytes(b, { maxBytes: Number.MAX_SAFE_INTEGER });
  return d.ok ? d.text : undefined;
};

/** The smallest replacement that turns `before` into `after`: a one-field update stays a one-line edit. */
function smallestEdit(before: string, after: string): { start: number; end: number; text: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

function addEdit(edit: GuardedEdit, folder: FolderIndex, c: FileChange): string | undefined {
  const uri = folder.uriOf(c.path);
  const planned = decode(c.before!);
  const after = decode(c.after!);
  if (planned === undefined || after === undefined) return vscode.l10n.t('{0} cannot be read as text', c.path);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  let disk: Buffer | undefined;
  try {
    disk = fs.readFileSync(uri.fsPath);
  } catch {
    return vscode.l10n.t('{0} is gone since the preview', c.path);
  }
  if (!disk.equals(Buffer.from(c.before!))) return vscode.l10n.t('{0} changed since the preview', c.path);
  if (open?.isDirty && open.getText() !== planned) return vscode.l10n.t('{0} has unsaved changes: save or revert them first', c.path);
  const e = smallestEdit(planned, after);
  const lines = new LineIndex(planned);
  const pos = (o: number) => {
    const p = open ? open.positionAt(o) : lines.positionAt(o);
    return new vscode.Position(p.line, p.character);
  };
  edit.replace(folder, c.path, new vscode.Range(pos(e.start), pos(e.end)), e.text, { label: vscode.l10n.t('Import records'), needsConfirmation: false });
  return undefined;
}

/** Applies the changes; `title` names the import in the progress notification. */
export async function applyImport(folder: FolderIndex, changes: readonly FileChange[], title: string, log: vscode.LogOutputChannel): Promise<ApplyOutcome> {
  return vscode.window.withProgress<ApplyOutcome>({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const edit = new GuardedEdit();
    const created: vscode.Uri[] = [];
    const edited: vscode.Uri[] = [];
    const problems: string[] = [];
    let start = Date.now();
    let reported = 0;
    for (let i = 0; i < changes.length; i++) {
      const c = changes[i];
      if (c.after === null) {
        problems.push(vscode.l10n.t('{0}: an import never deletes a file', c.path));
      } else if (c.before === null) {
        // The bytes as planned: a record's UTF-8, or a mail attachment as it came.
        created.push(edit.createFile(folder, c.path, c.after));
      } else {
        const problem = addEdit(edit, folder, c);
        if (problem) problems.push(problem);
        else edited.push(folder.uriOf(c.path));
      }
      if (Date.now() - start > SLICE_MS) {
        const done = Math.floor(((i + 1) / changes.length) * 80);
        progress.report({ increment: done - reported, message: vscode.l10n.t('{0} of {1} files prepared', i + 1, changes.length) });
        reported = done;
        await yieldToEventLoop();
        if (token.isCancellationRequested) return { ok: false };
        start = Date.now();
      }
    }
    if (problems.length) {
      log.warn(`import: nothing written:\n  ${problems.join('\n  ')}`);
      return { ok: false, message: problems.slice(0, 3).join('; ') };
    }
    progress.report({ increment: 80 - reported, message: vscode.l10n.t('Writing {0} files…', changes.length) });
    if (!(await edit.apply(log))) return { ok: false };
    // The edited records and the state are saved with the new ones, so the folder is the import, whole.
    for (const uri of edited) await (await vscode.workspace.openTextDocument(uri)).save();
    progress.report({ increment: 20 });
    return { ok: true, created, edited };
  });
}
