import * as vscode from 'vscode';
import { runGit } from '../../../core/git/run';
import type { WorkspaceIndex } from '../../index/workspace-index';
import { gitPath } from '../../git';
import type { BackupState, BackupView } from '../../services';

export type { BackupState } from '../../services';

/**
 * The motivating checklist's 备份存档: a records repository with no remote, or with commits not pushed,
 * has no copy anywhere else. Said once as a message and kept in the status bar until it is fixed.
 */
export class BackupWatch implements vscode.Disposable, BackupView {
  private readonly item = vscode.window.createStatusBarItem('recordsCurator.backup', vscode.StatusBarAlignment.Left, 10);
  private warned = false;
  state: BackupState | undefined;

  constructor(private readonly ws: WorkspaceIndex) {
    this.item.name = vscode.l10n.t('Records backup');
    this.item.command = 'recordsCurator.showOutput';
  }

  async check(): Promise<BackupState | undefined> {
    const git = await gitPath();
    const folder = this.ws.all()[0];
    if (!git || !folder) return undefined;
    const top = await runGit(git, folder.root, ['rev-parse', '--show-toplevel']);
    if (top.code !== 0) return undefined;
    const remotes = (await runGit(git, folder.root, ['remote'])).stdout.split('\n').filter(Boolean);
    let unpushed = 0;
    if (remotes.length) {
      // Commits on any local branch that no remote-tracking branch has.
      const r = await runGit(git, folder.root, ['rev-list', '--count', '--branches', '--not', '--remotes']);
      unpushed = Number(r.stdout.trim()) || 0;
    }
    this.state = { remote: remotes.length > 0, unpushed };
    if (!this.state.remote || unpushed > 0) {
      const text = !this.state.remote
        ? vscode.l10n.t('Records have no backup: the repository has no remote')
        : vscode.l10n.t('{0} commits of records not pushed to a remote', unpushed);
      this.item.text = `$(warning) ${!this.state.remote ? vscode.l10n.t('No backup') : vscode.l10n.t('{0} not pushed', unpushed)}`;
      this.item.tooltip = text;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.show();
      if (!this.warned) {
        this.warned = true;
        void vscode.window.showWarningMessage(text);
      }
    } else this.item.hide();
    return this.state;
  }

  dispose(): void {
    this.item.dispose();
  }
}
