import * as vscode from 'vscode';
import { features } from './features';
import { createServices, type Services } from './services';

/** What `activate` returns: used by the integration tests and by other extensions. */
export interface RecordsCuratorApi {
  readonly services: Services;
}

export async function activate(context: vscode.ExtensionContext): Promise<RecordsCuratorApi> {
  const services = createServices(context);
  for (const feature of features) {
    try {
      await feature.activate(context, services);
    } catch (err) {
      // One broken feature must not take the others down; say which one failed.
      services.log.error(`feature ${feature.id} failed to activate`, err);
    }
  }
  services.log.info(`activated (VS Code ${vscode.version})`);
  return { services };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
