import type * as vscode from 'vscode';
import type { Services } from './services';

/** One capability of the extension: it registers its own commands, views and providers. */
export interface Feature {
  readonly id: string;
  /** May return parts of the extension's API (what tests and other extensions reach). */
  // A feature may give the extension's API something (an object), or nothing.
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type
  activate(context: vscode.ExtensionContext, services: Services): void | object | Promise<void | object>;
}
