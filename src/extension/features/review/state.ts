import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { recordChanges } from '../../../core/review/changes';
import { lastMark, readMarks, REVIEWS_PATH } from '../../../core/review/marks';
import { isGitRepo } from '../../../core/git/run';
import type { WorkspaceIndex } from '../../index/workspace-index';
import type { FolderReview, ReviewStatus, ReviewView } from '../../services';
import { gitPath } from '../../git';

/** git's empty tree: the base when nothing has been reviewed yet, so every record counts as new. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export type { FolderReview, ReviewStatus } from '../../services';

/** What changed in the records since the last review mark, per folder; recomputed when records change. */
export class ReviewState implements vscode.Disposable, ReviewView {
  private readonly emitter = new vscode.EventEmitter<ReviewStatus>();
  readonly onDidChange = this.emitter.event;
  status: ReviewStatus = { kind: vscode.workspace.isTrusted ? 'no-git' : 'untrusted' };
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(
    private readonly ws: WorkspaceIndex,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const marks = vscode.workspace.createFileSystemWatcher(`**/${REVIEWS_PATH}`);
    this.disposables.push(
      marks,
      marks.onDidChange(() => this.refreshSoon()),
      marks.onDidCreate(() => this.refreshSoon()),
      ws.onDidChange(() => this.refreshSoon(1000)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshSoon(0)),
    );
    void ws.whenReady().then(() => this.refresh());
  }

  refreshSoon(delay = 300): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** Recomputes (one run at a time); resolves when the status is current. */
  async refresh(): Promise<ReviewStatus> {
    while (this.running) await this.running;
    this.running = this.compute().finally(() => (this.running = undefined));
    await this.running;
    return this.status;
  }

  private async compute(): Promise<void> {
    const git = await gitPath();
    if (!git) {
      this.status = { kind: 'untrusted' };
      this.emitter.fire(this.status);
      return;
    }
    const folders: FolderReview[] = [];
    for (const folder of this.ws.all()) {
      if (!(await isGitRepo(git, folder.root))) continue;
      const mark = lastMark(readMarks(readText(path.join(folder.root, REVIEWS_PATH))));
      try {
        const changes = await recordChanges(git, folder.root, mark?.commit ?? EMPTY_TREE, undefined, folder.schemaText);
        folders.push({ folder, mark, changes });
      } catch (err) {
        this.log.warn(`review: ${String(err)}`);
      }
    }
    this.status = folders.length ? { kind: 'ready', folders } : { kind: 'no-git' };
    this.emitter.fire(this.status);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
