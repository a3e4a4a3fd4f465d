import * as vscode from 'vscode';
import type { Feature } from '../../feature';
import { runSetUp, type SetUpAnswers } from './flow';

/** workspaceState key: the user said "Not Now" to Set Up in this workspace. */
const DECLINED = 'recordsCurator.setUpDeclined';

/**
 * Onboarding: a folder without `.records/schema.yaml` whose files read like customer records is offered Set
 * Up Records Curator once (and always from the Records view and the walkthrough), which fits a schema to
 * the records and writes it.
 */
export const setUpFeature: Feature = {
  id: 'setup',
  activate(context, services) {
    const ws = services.index;
    const offered = new Set<string>();
    const update = () => {
      const folders = [...ws.withoutSchema.values()];
      void vscode.commands.executeCommand('setContext', 'recordsCurator.noSchema', folders.length > 0);
      // Writing a schema is off in Restricted Mode; and "Not Now" means not again in this workspace.
      if (!vscode.workspace.isTrusted || context.workspaceState.get<boolean>(DECLINED)) return;
      for (const { folder, looksLikeRecords } of folders) {
        if (!looksLikeRecords || offered.has(folder.uri.toString())) continue;
        offered.add(folder.uri.toString());
        const setUp = vscode.l10n.t('Set Up Records Curator');
        const notNow = vscode.l10n.t('Not Now');
        void vscode.window
          .showInformationMessage(
            vscode.l10n.t(
              '{0} has files that read like customer records, and no records schema yet. Set Up reads them and proposes one that fits.',
              folder.name,
            ),
            setUp,
            notNow,
          )
          .then((choice) => {
            if (choice === setUp) void vscode.commands.executeCommand('recordsCurator.setUp');
            if (choice === notNow) void context.workspaceState.update(DECLINED, true);
          });
      }
    };
    context.subscriptions.push(
      ws.onDidChangeWithoutSchema(update),
      vscode.commands.registerCommand('recordsCurator.setUp', (answers?: SetUpAnswers) => runSetUp(services.log, answers)),
    );
    update();
    return { setUp: { offered } };
  },
};
