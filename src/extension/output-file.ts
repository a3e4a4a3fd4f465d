/**
 * Where every export, printout and report the user saves is written: a local file through the core's safe
 * write path (never through a link at that name, a temp file synced and renamed, the bytes written by the
 * thread pool so the extension host is not held while megabytes reach the disk); another scheme (a virtual
 * workspace) through VS Code's file system. The save dialog has asked before replacing a file, so replacing
 * is allowed here.
 */
import * as vscode from 'vscode';
import { langOf } from '../core/model/lang';
import { FileRefusal, REFUSAL_TEXT } from '../core/io/paths';
import { writeOutputFileAsync } from '../core/io/safe-fs';

/** False, with the reason shown, when the file was refused (a link at that name, a folder) or could not be written. */
export async function saveChosenFile(uri: vscode.Uri, data: string | Uint8Array | readonly Uint8Array[]): Promise<boolean> {
  const chunks = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data;
  try {
    if (uri.scheme === 'file') await writeOutputFileAsync(uri.fsPath, chunks, { overwrite: true });
    else await vscode.workspace.fs.writeFile(uri, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    return true;
  } catch (err) {
    const why = err instanceof FileRefusal ? REFUSAL_TEXT[err.reason][langOf(vscode.env.language)] : err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} was not written: {1}', uri.fsPath, why));
    return false;
  }
}
