import * as vscode from 'vscode';
import type { Feature } from '../../feature';

export const outputFeature: Feature = {
  id: 'output',
  activate(context, services) {
    context.subscriptions.push(vscode.commands.registerCommand('recordsCurator.showOutput', () => services.log.show(true)));
  },
};
