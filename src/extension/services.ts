import * as vscode from 'vscode';

/** What features share. Built once in `activate`, handed to every feature. */
export interface Services {
  readonly log: vscode.LogOutputChannel;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const log = vscode.window.createOutputChannel('Records Curator', { log: true });
  context.subscriptions.push(log);
  return { log };
}
