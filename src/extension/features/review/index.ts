import * as vscode from 'vscode';
import { langOf } from '../../../core/model/lang';
import type { Feature } from '../../feature';
import { BackupWatch } from './backup';
import { FIELD_SCHEME, FieldChangesProvider, markReviewed, showHistory } from './commands';
import { ReviewState } from './state';
import { ReviewTree } from './view';

/**
 * Git-based review: a record's history (following renames), field-level changes, the Review view of what
 * changed since the last review mark, Mark Reviewed, and the backup warning. Off in Restricted Mode.
 */
export const reviewFeature: Feature = {
  id: 'review',
  activate(context, services) {
    const state = new ReviewState(services.index, services.log);
    const tree = new ReviewTree(state, langOf(vscode.env.language));
    const view = vscode.window.createTreeView('recordsCurator.review', { treeDataProvider: tree, showCollapseAll: true });
    const backup = new BackupWatch(services.index);
    services.ui.review = state;
    services.ui.backup = backup;
    const describe = () => {
      const s = state.status;
      void vscode.commands.executeCommand('setContext', 'recordsCurator.reviewStatus', s.kind);
      if (s.kind === 'untrusted') view.message = vscode.l10n.t('Git review is off in Restricted Mode: no git process runs in an untrusted workspace.');
      else if (s.kind === 'no-git') view.message = vscode.l10n.t('This folder is not in a git repository.');
      else {
        const n = s.folders.reduce((k, f) => k + f.changes.length, 0);
        const mark = s.folders[0]?.mark;
        view.message = mark
          ? vscode.l10n.t('{0} records changed since {1} reviewed {2} on {3}.', n, mark.reviewer, mark.commit.slice(0, 7), mark.date.slice(0, 10))
          : vscode.l10n.t('No review mark yet: all {0} records are unreviewed.', n);
        view.badge = n ? { value: n, tooltip: vscode.l10n.t('{0} records changed since the last review', n) } : undefined;
      }
    };
    context.subscriptions.push(
      state,
      view,
      backup,
      state.onDidChange(describe),
      vscode.workspace.registerTextDocumentContentProvider(FIELD_SCHEME, new FieldChangesProvider()),
      vscode.commands.registerCommand('recordsCurator.showHistory', (arg?: unknown, pick?: number) => showHistory(services.index, arg, pick)),
      vscode.commands.registerCommand('recordsCurator.markReviewed', async (comment?: string) => {
        const mark = await markReviewed(services.index, comment);
        if (mark) {
          await state.refresh();
          void backup.check();
        }
        return mark;
      }),
      vscode.commands.registerCommand('recordsCurator.refreshReview', () => state.refresh()),
    );
    describe();
    void services.index.whenReady().then(() => backup.check());
    return { review: state, backup };
  },
};
