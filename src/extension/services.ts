import * as vscode from 'vscode';
import type { RecordsTree } from './features/records-view/tree';
import { WorkspaceIndex } from './index/workspace-index';

/** What features share. Built once in `activate`, handed to every feature. */
export interface Services {
  readonly log: vscode.LogOutputChannel;
  readonly index: WorkspaceIndex;
  /** Views other features act on (a command run on the tree's selection); set by the feature that owns them. */
  readonly ui: { recordsTree?: RecordsTree };
}

export function createServices(context: vscode.ExtensionContext): Services {
  const log = vscode.window.createOutputChannel('Records Curator', { log: true });
  const index = new WorkspaceIndex(context, log);
  context.subscriptions.push(log, index);
  return { log, index, ui: {} };
}
