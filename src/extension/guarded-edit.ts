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

  /** `contents` as text (written as UTF-8) or as the bytes to write (an imported mail's attachment). */
  createFile(folder: EditScope, path: string, contents: string | Uint8Array): vscode.Uri {
    const uri = this.note(folder, path, 'create');
    this.edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents });
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

  /**
   * Applies the edit when every target passes; otherwise says which did not and changes nothing. With
   * `review`, the refactor preview opens first, every entry ticked, and Apply applies them (see reviewMarker).
   */
  async apply(log?: vscode.LogOutputChannel, options?: { review?: boolean }): Promise<boolean> {
    const refused = this.refusals();
    if (refused.length) {
      log?.warn(`${vscode.l10n.t('Nothing was changed:')}\n  ${refused.join('\n  ')}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was changed: {0}', refused.slice(0, 3).join('; ')));
      return false;
    }
    if (options?.review) this.reviewMarker();
    return vscode.workspace.applyEdit(this.edit);
  }

  /**
   * VS Code opens the refactor preview when any entry of an edit needs confirmation, and shows exactly
   * those entries unticked (bulkEditPreview: `checked = !metadata.needsConfirmation`) — so marking the real
   * edits leaves Apply writing nothing until each is ticked. Only one entry asks instead: creating a file
   * this very edit changes, with `ignoreIfExists`. The preview leaves out a creation of an existing file,
   * and it is never applied: left unticked, it is dropped; applied without a preview, it does nothing.
   */
  private reviewMarker(): void {
    for (const [folder, list] of this.targets) {
      const target = [...list.values()].find((t) => t.op === 'edit');
      if (!target) continue;
      this.edit.createFile(folder.uriOf(target.path), { ignoreIfExists: true }, { label: vscode.l10n.t('Review'), needsConfirmation: true });
      return;
    }
  }
}
