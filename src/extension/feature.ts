import type * as vscode from 'vscode';
import type { Services } from './services';

/** One capability of the extension: it registers its own commands, views and providers. */
export interface Feature {
  readonly id: string;
  activate(context: vscode.ExtensionContext, services: Services): void | Promise<void>;
}
