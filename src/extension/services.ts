import * as vscode from 'vscode';
import type { Batches } from './features/disposal/batches';
import type { RecordsTree } from './features/records-view/tree';
import type { BackupWatch } from './features/review/backup';
import type { ReviewState } from './features/review/state';
import { WorkspaceIndex } from './index/workspace-index';

/** What features share. Built once in `activate`, handed to every feature. */
export interface Services {
  readonly log: vscode.LogOutputChannel;
  readonly index: WorkspaceIndex;
  /** Views other features act on (a command run on the tree's selection); set by the feature that owns them. */
  readonly ui: { recordsTree?: RecordsTree; review?: ReviewState; backup?: BackupWatch; batches?: Batches };
}

export function createServices(context: vscode.ExtensionContext): Services {
  const log = vscode.window.createOutputChannel('Records Curator', { log: true });
  const index = new WorkspaceIndex(context, log);
  context.subscriptions.push(log, index);
  return { log, index, ui: {} };
}
