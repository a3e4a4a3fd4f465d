import type * as vscode from 'vscode';
import type { Services } from './services';

/** One capability of the extension: it registers its own commands, views and providers. */
export interface Feature {
  readonly id: string;
  /** May return parts of the extension's API (what tests and other extensions reach). */
  activate(context: vscode.ExtensionContext, services: Services): void | object | Promise<void | object>;
}
