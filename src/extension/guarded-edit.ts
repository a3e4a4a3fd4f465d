import * as vscode from 'vscode';
import { refusedTargets, targetRefusalText, type EditTarget } from '../core/io/targets';
import { langOf } from '../core/model/lang';

/** A workspace folder as an edit sees it (a EditScope is one). */
export interface EditScope {
  readonly root: string;
  uriOf(rel: string): vscode.Uri;
  /** Whether the tool may delete this file: an indexed record (or attachment). */
  isDeletable(rel: string): boolean;
}

/** A folder with no index (no schema yet): files may be written in it, none deleted. */
export function folderScope(folder: vscode.WorkspaceFolder): EditScope {
  return { root: folder.uri.fsPath, uriOf: (rel) => vscode.Uri.joinPath(folder.uri, ...rel.split('/')), isDeletable: () => false };
}

/**
 * A WorkspaceEdit that knows which files it touches, and is applied only when every one of them passes the
 * core's target check: inside the workspace folder, reached without a link, an existing regular file for an
 * edit, a free name for a new file, and an indexed record (or attachment) for a delete. One bad target and
 * nothing is applied.
 */
export class GuardedEdit {
  readonly edit = new vscode.WorkspaceEdit();
  private readonly targets = new Map<EditScope, Map<string, EditTarget>>();

  private note(folder: EditScope, path: string, op: EditTarget['op']): vscode.Uri {
    let list = this.targets.get(folder);
    if (!list) this.targets.set(folder, (list = new Map<string, EditTarget>()));
    const known = list.get(path);
    // A file created and then edited in the same change is still a creation.
    if (!known || op === 'delete') list.set(path, { path, op: known?.op === 'create' && op === 'edit' ? 'create' : op });
    return folder.uriOf(path);
  }

  replace(folder: EditScope, path: string, range: vscode.Range, text: string, metadata?: vscode.WorkspaceEditEntryMetadata): void {
    const uri = this.note(folder, path, 'edit');
    if (metadata) this.edit.replace(uri, range, text, metadata);
    else this.edit.replace(uri, range, text);
  }

  createFile(folder: EditScope, path: string, contents: string): vscode.Uri {
    const uri = this.note(folder, path, 'create');
    this.edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: Buffer.from(contents, 'utf8') });
    return uri;
  }

  deleteFile(folder: EditScope, path: string): void {
    this.edit.deleteFile(this.note(folder, path, 'delete'), { ignoreIfNotExists: false });
  }

  get size(): number {
    return this.edit.size;
  }

  /** Why the change may not be applied, one line per refused file (empty: it may). */
  refusals(): string[] {
    const lang = langOf(vscode.env.language);
    const out: string[] = [];
    for (const [folder, list] of this.targets) {
      for (const r of refusedTargets(folder.root, [...list.values()], (p) => folder.isDeletable(p))) out.push(targetRefusalText(r, lang));
    }
    return out;
  }

  /** Applies the edit when every target passes; otherwise says which did not and changes nothing. */
  async apply(log?: vscode.LogOutputChannel): Promise<boolean> {
    const refused = this.refusals();
    if (refused.length) {
      log?.warn(`${vscode.l10n.t('Nothing was changed:')}\n  ${refused.join('\n  ')}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was changed: {0}', refused.slice(0, 3).join('; ')));
      return false;
    }
    return vscode.workspace.applyEdit(this.edit);
  }
}
