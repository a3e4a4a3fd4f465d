import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Schema } from '../../../core/model/schema';
import { decodeRecordBytes } from '../../../core/parse/decode';
import { SchemaInference, type Proposal } from '../../../core/schema/infer';
import { recordGlobs } from '../../index/sniff';

/** Files one Set Up reads at most: enough to see how a workspace writes its records. */
const MAX_FILES = 5000;
/** Work on the extension host between yields, well under the 50 ms a stall may take. */
const SLICE_MS = 10;

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads a folder's record files into the one inference `records-curator init --infer` uses, in slices. */
export async function inferFolderAsync(
  folder: vscode.WorkspaceFolder,
  schema: Schema,
  token: vscode.CancellationToken,
  progress: (done: number, total: number) => void,
): Promise<Proposal | undefined> {
  const { include, exclude } = recordGlobs(folder, schema);
  const uris = await vscode.workspace.findFiles(include, exclude, MAX_FILES, token);
  const inference = new SchemaInference(schema);
  let slice = Date.now();
  for (let i = 0; i < uris.length; i++) {
    if (token.isCancellationRequested) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = await fs.promises.readFile(uris[i].fsPath);
    } catch {
      continue;
    }
    const decoded = decodeRecordBytes(bytes);
    if (decoded.ok) inference.addFile(vscode.workspace.asRelativePath(uris[i], false), decoded.text);
    if (Date.now() - slice > SLICE_MS) {
      progress(i + 1, uris.length);
      await yieldNow();
      slice = Date.now();
    }
  }
  progress(uris.length, uris.length);
  return inference.proposal();
}
