import * as vscode from 'vscode';
import { plural } from '../../plural';
import { goneFromBatches, printableRecords } from '../../../core/labels';
import { scalarText } from '../../../core/model/records';
import type { Feature } from '../../feature';
import type { Services } from '../../services';
import { documentLanguage } from '../../settings';
import { pickRecords } from '../../selection';
import type { FolderIndex } from '../../index/folder-index';
import { LabelsPanel } from './panel';

/** Items an executed destruction batch of this folder destroyed: still in the catalogue and their box. */
function goneOf(services: Services, folder: FolderIndex) {
  const batches = (services.ui.batches?.all() ?? []).filter((b) => b.folder === folder).map((b) => b.batch.data);
  return goneFromBatches(batches);
}

/**
 * Printable labels, filing stamps, box spines, the catalogue and the box note sheets for the tree selection,
 * a category or all archived records. A record whose archive number contradicts it is left out, and said so:
 * a stamp must not carry a period the record does not have.
 */
export const labelsFeature: Feature = {
  id: 'labels',
  activate(context, services) {
    let last: LabelsPanel | undefined;
    context.subscriptions.push(
      vscode.commands.registerCommand('recordsCurator.generateLabels', async (node?: unknown, nodes?: unknown[]) => {
        await services.index.whenReady();
        const picked = await pickRecords(services.index, services.ui.recordsTree, node, nodes, vscode.l10n.t('Generate Labels'));
        if (!picked) return undefined;
        const withNumber = picked.map((p) => ({ ...p, records: p.records.filter((r) => scalarText(r.data?.archive_no).trim() !== '') }));
        const skipped = picked.reduce((n, p) => n + p.records.length, 0) - withNumber.reduce((n, p) => n + p.records.length, 0);
        const first = withNumber.find((p) => p.records.length);
        if (!first) {
          void vscode.window.showInformationMessage(vscode.l10n.t('None of these records has an archive number yet. Assign archive numbers first.'));
          return undefined;
        }
        if (skipped)
          void vscode.window.showInformationMessage(
            plural(
              skipped,
              vscode.l10n.t('{0} record without an archive number is left out.', skipped),
              vscode.l10n.t('{0} records without an archive number are left out.', skipped),
            ),
          );
        const { ok, contradicted } = printableRecords(first.records, first.folder.schema);
        if (contradicted.length) {
          services.log.warn(
            `${vscode.l10n.t('Left out of the labels: archive numbers that contradict their records (archive-no-mismatch).')}\n  ${contradicted
              .map((r) => `${r.file}:${r.line + 1} ${scalarText(r.data?.archive_no)}`)
              .join('\n  ')}`,
          );
          void vscode.window.showWarningMessage(
            vscode.l10n.t('{0} records are left out: their archive numbers contradict the records. Renumber them first.', contradicted.length),
          );
        }
        const perBox = vscode.workspace.getConfiguration('recordsCurator').get<number>('labels.itemsPerBox', 50);
        const state = { preset: 'a4-3x8' as const, language: documentLanguage(), kinds: ['record' as const, 'stamp' as const] };
        last = new LabelsPanel(first.folder, ok, state, perBox, goneOf(services, first.folder));
        context.subscriptions.push(last.panel);
        return last;
      }),
    );
  },
};
