import * as fs from 'fs';
import * as vscode from 'vscode';
import { decodeRecordBytes } from '../core/parse/decode';
import { LineIndex } from '../core/parse/lines';

/** The text a record file has now: the open editor's (unsaved edits included) or the disk's. */
export function currentText(uri: vscode.Uri): { text: string; position(offset: number): vscode.Position } | undefined {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return { text: open.getText(), position: (o) => open.positionAt(o) };
  const decoded = decodeRecordBytes(fs.readFileSync(uri.fsPath));
  if (!decoded.ok) return undefined;
  const lines = new LineIndex(decoded.text);
  return {
    text: decoded.text,
    position: (o) => {
      const p = lines.positionAt(o);
      return new vscode.Position(p.line, p.character);
    },
  };
}
