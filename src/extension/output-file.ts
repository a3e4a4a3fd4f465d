/**
 * Where every export, printout and report the user saves is written: a local file through the core's safe
 * write path (never through a link at that name, a temp file synced and renamed, the bytes written by the
 * thread pool so the extension host is not held while megabytes reach the disk); another scheme (a virtual
 * workspace) through VS Code's file system. The save dialog has asked before replacing a file, so replacing
 * is allowed here.
 */
import * as vscode from 'vscode';
import { writeOutputFileAsync } from '../core/io/safe-fs';

export async function saveChosenFile(uri: vscode.Uri, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  const chunks = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data;
  if (uri.scheme === 'file') return writeOutputFileAsync(uri.fsPath, chunks, { overwrite: true });
  await vscode.workspace.fs.writeFile(uri, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
}
