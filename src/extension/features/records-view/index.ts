import * as vscode from 'vscode';
import type { Feature } from '../../feature';

/** Placeholder tree until the index lands: the welcome content explains what the view will hold. */
class EmptyTree implements vscode.TreeDataProvider<never> {
  getTreeItem(element: never): vscode.TreeItem {
    return element;
  }
  getChildren(): never[] {
    return [];
  }
}

export const recordsViewFeature: Feature = {
  id: 'records-view',
  activate(context) {
    const view = vscode.window.createTreeView('recordsCurator.records', { treeDataProvider: new EmptyTree() });
    context.subscriptions.push(view);
  },
};
