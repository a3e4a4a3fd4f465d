import * as vscode from 'vscode';
import type { Feature } from '../../feature';
import { assignArchiveNumbers } from './assign';
import { renumberArchiveNumbers } from './renumber';
import { pickRecords } from '../../selection';

/** Archive numbers (档号): assigning them to the tree selection, a category or every record lacking one; renumbering. */
export const archiveFeature: Feature = {
  id: 'archive',
  activate(context, services) {
    context.subscriptions.push(
      // `options.preview: false` skips the review step (automation and tests); people always get it.
      vscode.commands.registerCommand('recordsCurator.assignArchiveNumbers', async (node?: unknown, nodes?: unknown[], options?: { preview?: boolean }) => {
        if (!vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
          return undefined;
        }
        await services.index.whenReady();
        const picked = await pickRecords(services.index, services.ui.recordsTree, node, nodes, vscode.l10n.t('Assign Archive Numbers'));
        if (!picked) return undefined;
        return assignArchiveNumbers(picked, services.log, options);
      }),
      // Numbers in an earlier format, or contradicting their record: a plan shown for review, never applied unseen.
      vscode.commands.registerCommand('recordsCurator.renumberArchiveNumbers', async (options?: { preview?: boolean; from?: string }) => {
        if (!vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
          return undefined;
        }
        await services.index.whenReady();
        return renumberArchiveNumbers(services.index, services.log, options);
      }),
    );
  },
};
