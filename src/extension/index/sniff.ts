import * as fs from 'fs';
import * as vscode from 'vscode';
import type { Schema } from '../../core/model/schema';
import { looksLikeRecord } from '../../core/schema/infer';

/** The sniff before a folder without a schema is indexed: a few files, their first bytes. */
const SNIFF_FILES = 40;
const SNIFF_BYTES = 4096;

/** The schema's record globs as a search over one folder (the search runs outside the extension host). */
export function recordGlobs(folder: vscode.WorkspaceFolder, schema: Schema): { include: vscode.RelativePattern; exclude: string } {
  return {
    include: new vscode.RelativePattern(folder, `{${schema.include.join(',')}}`),
    exclude: `{${[...schema.exclude, '**/.records/**'].join(',')}}`,
  };
}

/**
 * How many of a few Markdown/YAML files of a folder read like customer records (looksLikeRecord): the cheap
 * look taken when the extension starts in a folder that has no schema yet. File search runs outside the
 * extension host; each file costs one 4 KB read.
 */
export async function sniffFolder(folder: vscode.WorkspaceFolder, schema: Schema): Promise<number> {
  const { include, exclude } = recordGlobs(folder, schema);
  const uris = await vscode.workspace.findFiles(include, exclude, SNIFF_FILES);
  let hits = 0;
  for (const uri of uris) {
    let text: string;
    try {
      const handle = await fs.promises.open(uri.fsPath, 'r');
      try {
        const buf = Buffer.alloc(SNIFF_BYTES);
        const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
        text = buf.subarray(0, bytesRead).toString('utf8');
      } finally {
        await handle.close();
      }
    } catch {
      continue; // gone, or not readable: it says nothing either way
    }
    // Cut at the last whole line: a fence split by the 4 KB limit must not make a record look broken.
    if (looksLikeRecord(uri.fsPath, text.slice(0, text.lastIndexOf('\n') + 1) || text, schema)) hits++;
  }
  return hits;
}
