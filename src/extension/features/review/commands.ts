import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { GuardedEdit } from '../../guarded-edit';
import { fileAt, fileHistory, type HistoryEntry } from '../../../core/review/history';
import { fieldDiff, formatValue } from '../../../core/review/field-diff';
import { appendMark, REVIEWS_PATH, type ReviewMark } from '../../../core/review/marks';
import { parseRecordText } from '../../../core/parse/record-file';
import { recordKind } from '../../../core/model/records';
import { runGit } from '../../../core/git/run';
import { maskPersonal } from '../../../core/labels/model';
import type { FolderIndex } from '../../index/folder-index';
import type { WorkspaceIndex } from '../../index/workspace-index';
import { gitPath, gitUri } from '../../git';

export const FIELD_SCHEME = 'records-review';
export const WORKTREE = 'WORKTREE';

function restricted(): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window.showWarningMessage(vscode.l10n.t('Git review is off in Restricted Mode: no git process runs in an untrusted workspace.'));
  return true;
}

/** The record file a command is about: its argument (a URI or a tree node with a resource) or the active editor. */
export function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const a = arg as { resourceUri?: vscode.Uri; record?: { file: string }; folder?: FolderIndex; change?: { path: string } } | undefined;
  if (a?.folder && a.record) return a.folder.uriOf(a.record.file);
  if (a?.folder && a.change) return a.folder.uriOf(a.change.path);
  return vscode.window.activeTextEditor?.document.uri;
}

/** The field-level changes of a record between two revisions, as a Markdown table (a virtual document). */
export class FieldChangesProvider implements vscode.TextDocumentContentProvider {
  static uri(folder: FolderIndex, rel: string, from: string, to: string, oldRel = rel): vscode.Uri {
    return vscode.Uri.from({ scheme: FIELD_SCHEME, path: `/${rel}`, query: new URLSearchParams({ root: folder.root, from, to, old: oldRel }).toString() });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const q = new URLSearchParams(uri.query);
    const root = q.get('root') ?? '';
    const rel = uri.path.slice(1);
    const from = q.get('from') ?? '';
    const to = q.get('to') ?? WORKTREE;
    const git = await gitPath();
    if (!git) return vscode.l10n.t('Git review is off in Restricted Mode: no git process runs in an untrusted workspace.');
    const before = await fileAt(git, root, from, q.get('old') ?? rel);
    const after = to === WORKTREE ? readDisk(path.join(root, rel)) : await fileAt(git, root, to, rel);
    const kind = recordKind(rel) ?? 'markdown';
    const docs = (text: string | undefined) => (text === undefined ? [] : parseRecordText(text, kind).records);
    const a = docs(before);
    const b = docs(after);
    const lines = [`# ${rel}`, '', `${from.slice(0, 12)} → ${to === WORKTREE ? vscode.l10n.t('working tree') : to.slice(0, 12)}`, ''];
    const n = Math.max(a.length, b.length);
    const esc = (s: string) => maskPersonal(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    for (let i = 0; i < n; i++) {
      const changes = fieldDiff(a[i]?.data, b[i]?.data);
      if (n > 1) lines.push(`## ${vscode.l10n.t('Record {0}', i + 1)}`, '');
      if (!changes.length) {
        lines.push(vscode.l10n.t('No field changed.'), '');
        continue;
      }
      lines.push(`| ${vscode.l10n.t('Field')} | ${vscode.l10n.t('Change')} | ${vscode.l10n.t('Before')} | ${vscode.l10n.t('After')} |`, '|---|---|---|---|');
      for (const c of changes) {
        const kindText = c.kind === 'added' ? vscode.l10n.t('added') : c.kind === 'removed' ? vscode.l10n.t('removed') : vscode.l10n.t('changed');
        lines.push(
          `| ${c.field} | ${kindText} | ${esc(c.kind === 'added' ? '' : formatValue(c.before))} | ${esc(c.kind === 'removed' ? '' : formatValue(c.after))} |`,
        );
      }
      lines.push('');
    }
    return lines.join('\n');
  }
}

function readDisk(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** "Record History": the record's commits, following renames; picking one opens that commit's diff. */
export async function showHistory(ws: WorkspaceIndex, arg: unknown, pickIndex?: number): Promise<HistoryEntry[] | undefined> {
  if (restricted()) return undefined;
  const uri = targetUri(arg);
  const folder = uri && ws.folderOf(uri);
  const rel = folder?.relative(uri!);
  const git = await gitPath();
  if (!folder || rel === undefined || !git) return undefined;
  const history = await fileHistory(git, folder.root, rel);
  if (!history.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no history in git yet.', rel));
    return history;
  }
  const fieldsButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('list-flat'), tooltip: vscode.l10n.t('Show field changes') };
  const items = history.map((h, i) => ({
    label: h.subject,
    description: `${h.author} · ${h.date.slice(0, 10)}`,
    detail: `${h.commit.slice(0, 10)} · ${h.status} · ${h.path}`,
    entry: h,
    i,
    buttons: [fieldsButton],
  }));
  const openDiff = async (i: number) => {
    const h = history[i];
    const older = history[i + 1];
    const parent = h.parents[0];
    const right = await gitUri(folder.uriOf(h.path), h.commit);
    const left = parent && older ? await gitUri(folder.uriOf(older.path), parent) : undefined;
    if (right && left) await vscode.commands.executeCommand('vscode.diff', left, right, `${path.posix.basename(h.path)} (${h.commit.slice(0, 7)})`);
    else if (right) await vscode.commands.executeCommand('vscode.open', right);
  };
  const openFields = async (i: number) => {
    const h = history[i];
    const older = history[i + 1];
    const doc = await vscode.workspace.openTextDocument(
      FieldChangesProvider.uri(folder, h.path, h.parents[0] ?? '4b825dc642cb6eb9a060e54bf8d69288fbee4904', h.commit, older?.path ?? h.path),
    );
    await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(doc, { preview: true });
  };
  if (pickIndex !== undefined) {
    await openFields(pickIndex);
    return history;
  }
  const qp = vscode.window.createQuickPick<(typeof items)[number]>();
  qp.title = vscode.l10n.t('History of {0}', rel);
  qp.items = items;
  qp.onDidTriggerItemButton((e) => void openFields(e.item.i));
  qp.onDidAccept(() => {
    const sel = qp.selectedItems[0];
    qp.hide();
    if (sel) void openDiff(sel.i);
  });
  qp.onDidHide(() => qp.dispose());
  qp.show();
  return history;
}

/** "Mark Reviewed": HEAD, the reviewer from git config, today, a comment — appended to .records/reviews.yaml. */
export async function markReviewed(ws: WorkspaceIndex, comment?: string): Promise<ReviewMark | undefined> {
  if (restricted()) return undefined;
  const git = await gitPath();
  const folder = ws.all()[0];
  if (!git || !folder) return undefined;
  const head = (await runGit(git, folder.root, ['rev-parse', 'HEAD'])).stdout.trim();
  if (!head) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Commit the records first: a review mark names a commit.'));
    return undefined;
  }
  const name = (await runGit(git, folder.root, ['config', 'user.name'])).stdout.trim();
  const email = (await runGit(git, folder.root, ['config', 'user.email'])).stdout.trim();
  const note =
    comment ??
    (await vscode.window.showInputBox({ title: vscode.l10n.t('Mark Reviewed'), prompt: vscode.l10n.t('A comment for the review record (optional)') }));
  if (note === undefined) return undefined;
  const mark: ReviewMark = {
    commit: head,
    reviewer: name || vscode.l10n.t('unknown'),
    email,
    date: new Date().toISOString(),
    ...(note.trim() ? { comment: note.trim() } : {}),
  };
  const uri = folder.uriOf(REVIEWS_PATH);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const text = open?.getText() ?? readDisk(uri.fsPath);
  const change = appendMark(text, mark);
  const edit = new GuardedEdit();
  if (change.newFile !== undefined) edit.createFile(folder, REVIEWS_PATH, change.newFile);
  else if (change.edit) {
    const doc = open ?? (await vscode.workspace.openTextDocument(uri));
    edit.replace(folder, REVIEWS_PATH, new vscode.Range(doc.positionAt(change.edit.start), doc.positionAt(change.edit.end)), change.edit.newText);
  }
  if (!(await edit.apply())) return undefined;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc?.isDirty) await doc.save();
  return mark;
}
