import * as vscode from 'vscode';
import { today } from '../../../core/retention/dates';
import { exportCsv, exportJson } from '../../../core/export';
import type { Feature } from '../../feature';
import { documentLanguage } from '../../settings';
import { pickRecords } from '../../selection';
import { saveChosenFile } from '../../output-file';

/** "Export Index": every record's fields as CSV (UTF-8 with BOM, for spreadsheets) or JSON. */
export const exportFeature: Feature = {
  id: 'export',
  activate(context, services) {
    context.subscriptions.push(
      vscode.commands.registerCommand(
        'recordsCurator.exportIndex',
        async (node?: unknown, nodes?: unknown[], options?: { format?: 'csv' | 'json'; target?: vscode.Uri }) => {
          if (!vscode.workspace.isTrusted) {
            void vscode.window.showWarningMessage(vscode.l10n.t('Writing files is off in Restricted Mode. Trust the workspace first.'));
            return undefined;
          }
          await services.index.whenReady();
          const picked = await pickRecords(services.index, services.ui.recordsTree, node, nodes, vscode.l10n.t('Export Index'));
          if (!picked?.length) return undefined;
          const format =
            options?.format ??
            ((await vscode.window.showQuickPick(['CSV', 'JSON'], { title: vscode.l10n.t('Export Index') }))?.toLowerCase() as 'csv' | 'json' | undefined);
          if (!format) return undefined;
          const folder = picked[0].folder;
          const records = picked.flatMap((p) => p.records);
          // The local day: a file exported after midnight in Beijing is dated that day, not the UTC one before.
          const day = today().replace(/-/g, '');
          const target =
            options?.target ??
            (await vscode.window.showSaveDialog({
              defaultUri: folder.uriOf(`records-index-${day}.${format}`),
              filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
              title: vscode.l10n.t('Export Index'),
            }));
          if (!target) return undefined;
          const text = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Export Index') }, () =>
            format === 'csv' ? exportCsv(records, folder.schema, documentLanguage()) : exportJson(records),
          );
          if (!(await saveChosenFile(target, text))) return undefined;
          void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}', vscode.workspace.asRelativePath(target)));
          return target;
        },
      ),
    );
  },
};
