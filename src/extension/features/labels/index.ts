import * as vscode from 'vscode';
import type { Feature } from '../../feature';
import { documentLanguage } from '../../settings';
import { pickRecords } from '../archive/selection';
import type { Node } from '../records-view/tree';
import { LabelsPanel } from './panel';
import { scalarText } from '../../../core/model/records';

/** Printable labels, filing stamps and box spines for the tree selection, a category or all archived records. */
export const labelsFeature: Feature = {
  id: 'labels',
  activate(context, services) {
    let last: LabelsPanel | undefined;
    context.subscriptions.push(
      vscode.commands.registerCommand('recordsCurator.generateLabels', async (node?: Node, nodes?: Node[]) => {
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
        if (skipped) void vscode.window.showInformationMessage(vscode.l10n.t('{0} records without an archive number are left out.', skipped));
        const perBox = vscode.workspace.getConfiguration('recordsCurator').get<number>('labels.itemsPerBox', 50);
        last = new LabelsPanel(first.folder, first.records, { preset: 'a4-3x8', language: documentLanguage(), kinds: ['record', 'stamp'] }, perBox);
        context.subscriptions.push(last.panel);
        return last;
      }),
    );
  },
};
