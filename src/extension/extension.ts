import * as vscode from 'vscode';
import { gitProcessCount } from '../core/git/run';
import { features } from './features';
import { createServices, type Services } from './services';
import type { Batches } from './features/disposal/batches';
import type { BackupWatch } from './features/review/backup';
import type { ReviewState } from './features/review/state';
import type { StatusCounts } from './features/status-bar';
import type { DisposalTree } from './features/disposal/view';
import type { Node, RecordsTree } from './features/records-view/tree';
import type { TablePanel } from './features/table/panel';

// For dist/seal-ui.js, loaded later: what it would otherwise carry a second copy of (see shared.ts).
export * as shared from './shared';

/** What `activate` returns: used by the integration tests and by other extensions. */
export interface RecordsCuratorApi {
  readonly services: Services;
  /** Git processes started so far (none may start in Restricted Mode). */
  readonly gitProcessCount: () => number;
  readonly recordsTree?: RecordsTree;
  readonly recordsView?: vscode.TreeView<Node>;
  readonly disposalTree?: DisposalTree;
  readonly batches?: Batches;
  readonly review?: ReviewState;
  readonly backup?: BackupWatch;
  readonly statusCounts?: StatusCounts;
  /** Folders (by URI) Set Up was offered to. */
  readonly setUp?: { offered: ReadonlySet<string> };
  /** Records tables open now. */
  readonly tables?: ReadonlySet<TablePanel>;
}

export async function activate(context: vscode.ExtensionContext): Promise<RecordsCuratorApi> {
  const services = createServices(context);
  const api: RecordsCuratorApi = { services, gitProcessCount };
  for (const feature of features) {
    try {
      const part = await feature.activate(context, services);
      if (part) Object.assign(api, part);
    } catch (err) {
      // One broken feature must not take the others down; say which one failed.
      services.log.error(`feature ${feature.id} failed to activate`, err);
    }
  }
  services.log.info(`activated (VS Code ${vscode.version})`);
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
