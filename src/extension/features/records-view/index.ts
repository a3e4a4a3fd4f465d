import * as vscode from 'vscode';
import { langOf } from '../../../core/model/lang';
import type { Feature } from '../../feature';
import { parseFilter, type GroupBy } from './model';
import { RecordsTree, type Node } from './tree';

export const VIEW_ID = 'recordsCurator.records';

export const recordsViewFeature: Feature = {
  id: 'records-view',
  activate(context, services) {
    const ws = services.index;
    const tree = new RecordsTree(ws, langOf(vscode.env.language));
    services.ui.recordsTree = tree;
    const view = vscode.window.createTreeView<Node>(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
    const setContext = (key: string, value: unknown) => vscode.commands.executeCommand('setContext', `recordsCurator.${key}`, value);

    const update = () => {
      let total = 0;
      let problems = 0;
      for (const f of ws.all()) {
        const m = tree.model(f);
        total += m.total;
        problems += m.withProblems;
      }
      view.badge = problems ? { value: problems, tooltip: vscode.l10n.t('{0} records with problems', problems) } : undefined;
      const filterText = tree.filter ? filterLabel : undefined;
      view.description = filterText ? vscode.l10n.t('filter: {0}', filterText) : undefined;
      view.message = tree.filter && total === 0 ? vscode.l10n.t('No records match the filter.') : undefined;
      void setContext('hasRecords', total > 0 || !!tree.filter);
    };
    let filterLabel = '';
    const setGroupBy = (by: GroupBy) => {
      tree.groupBy = by;
      void setContext('groupBy', by);
      void context.workspaceState.update('groupBy', by);
      void tree.refresh();
    };
    const saved = context.workspaceState.get<GroupBy>('groupBy');
    if (saved === 'customer' || saved === 'status' || saved === 'disposition') tree.groupBy = saved;
    void setContext('groupBy', tree.groupBy);

    // While a folder is being indexed the view says so (not "no records"), with a progress bar on the view.
    const showBuilding = (on: boolean) => {
      void setContext('indexing', on);
      if (!on) return;
      void vscode.window.withProgress(
        { location: { viewId: VIEW_ID } },
        () =>
          new Promise<void>((resolve) => {
            const sub = ws.onDidChangeBuilding((still) => {
              if (still) return;
              sub.dispose();
              resolve();
            });
          }),
      );
    };
    showBuilding(ws.building);

    context.subscriptions.push(
      view,
      ws.onDidChangeBuilding(showBuilding),
      ws.onDidChange(() => tree.refreshSoon()),
      tree.onDidChangeTreeData(() => setTimeout(update, 0)),
      vscode.commands.registerCommand('recordsCurator.groupByCategory', () => setGroupBy('category')),
      vscode.commands.registerCommand('recordsCurator.groupByCustomer', () => setGroupBy('customer')),
      vscode.commands.registerCommand('recordsCurator.groupByStatus', () => setGroupBy('status')),
      vscode.commands.registerCommand('recordsCurator.groupByDisposition', () => setGroupBy('disposition')),
      vscode.commands.registerCommand('recordsCurator.showMore', (node: Node) => tree.showMore(node)),
      vscode.commands.registerCommand('recordsCurator.filter', async (text?: string) => {
        const input =
          text ??
          (await vscode.window.showInputBox({
            title: vscode.l10n.t('Filter Records'),
            prompt: vscode.l10n.t('Words match title, customer, id, archive number and path; field=value matches a field (e.g. status=archived).'),
            value: filterLabel,
          }));
        if (input === undefined) return;
        filterLabel = input.trim();
        tree.filter = filterLabel ? parseFilter(filterLabel) : undefined;
        void setContext('filtered', !!tree.filter);
        void tree.refresh();
      }),
      vscode.commands.registerCommand('recordsCurator.clearFilter', () => {
        filterLabel = '';
        tree.filter = undefined;
        void setContext('filtered', false);
        void tree.refresh();
      }),
      vscode.commands.registerCommand('recordsCurator.rebuildIndex', () => ws.rebuildAll('rebuild requested')),
      vscode.commands.registerCommand('recordsCurator.revealActiveRecord', async () => {
        const editor = vscode.window.activeTextEditor;
        const hit = editor && ws.recordAt(editor.document.uri, editor.selection.active.line);
        if (!hit) {
          void vscode.window.showInformationMessage(vscode.l10n.t('The active editor does not show a record.'));
          return;
        }
        const node = tree.nodeFor(hit.folder, hit.record);
        if (node) await view.reveal(node, { select: true, focus: false, expand: true });
      }),
    );
    void ws.whenReady().then(() => {
      void tree.refresh();
      update();
    });
    return { recordsTree: tree, recordsView: view };
  },
};
