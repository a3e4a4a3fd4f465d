import * as vscode from 'vscode';
import type { RecordChange } from '../../../core/review/changes';
import type { FieldChange } from '../../../core/review/field-diff';
import { formatValue } from '../../../core/review/field-diff';
import { maskPersonal } from '../../../core/labels/model';
import type { FolderIndex } from '../../index/folder-index';
import type { FolderReview, ReviewState } from './state';

export type ReviewNode =
  | { kind: 'category'; review: FolderReview; category: string; changes: RecordChange[] }
  | { kind: 'record'; folder: FolderIndex; change: RecordChange }
  | { kind: 'field'; change: FieldChange };

/** Records changed since the last review mark, by category, each with its changed fields. */
export class ReviewTree implements vscode.TreeDataProvider<ReviewNode> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(
    private readonly state: ReviewState,
    private readonly lang: 'zh' | 'en',
  ) {
    state.onDidChange(() => this.emitter.fire());
  }

  getChildren(node?: ReviewNode): ReviewNode[] {
    const s = this.state.status;
    if (s.kind !== 'ready') return [];
    if (!node) {
      const out: ReviewNode[] = [];
      for (const review of s.folders) {
        const by = new Map<string, RecordChange[]>();
        for (const c of review.changes) by.set(c.category ?? '', [...(by.get(c.category ?? '') ?? []), c]);
        const order = [...review.folder.schema.categories.keys()];
        for (const [category, changes] of [...by].sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))) {
          out.push({ kind: 'category', review, category, changes });
        }
      }
      return out;
    }
    if (node.kind === 'category') return node.changes.map((change) => ({ kind: 'record', folder: node.review.folder, change }));
    if (node.kind === 'record') return node.change.changes.map((change) => ({ kind: 'field', change }));
    return [];
  }

  getTreeItem(node: ReviewNode): vscode.TreeItem {
    if (node.kind === 'category') {
      const c = node.review.folder.schema.categories.get(node.category);
      const item = new vscode.TreeItem(
        c ? (this.lang === 'zh' ? c.label.zh : c.label.en) : node.category || vscode.l10n.t('Uncategorised'),
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.description = String(node.changes.length);
      return item;
    }
    if (node.kind === 'record') {
      const ch = node.change;
      const item = new vscode.TreeItem(
        ch.title ?? ch.path,
        ch.changes.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
      );
      const status: Record<RecordChange['status'], string> = {
        added: vscode.l10n.t('added'),
        deleted: vscode.l10n.t('deleted'),
        modified: vscode.l10n.t('changed'),
        renamed: vscode.l10n.t('renamed from {0}', ch.oldPath ?? ''),
      };
      const fields = ch.changes.length ? vscode.l10n.t('{0} fields', ch.changes.length) : ch.bodyChanged ? vscode.l10n.t('body') : '';
      item.description = [status[ch.status], fields].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(
        ch.status === 'added' ? 'diff-added' : ch.status === 'deleted' ? 'diff-removed' : ch.status === 'renamed' ? 'diff-renamed' : 'diff-modified',
      );
      item.tooltip = `${ch.oldPath ? `${ch.oldPath} → ` : ''}${ch.path}`;
      item.contextValue = 'reviewRecord';
      if (ch.status !== 'deleted') item.command = { command: 'vscode.open', title: '', arguments: [node.folder.uriOf(ch.path)] };
      return item;
    }
    const f = node.change;
    // Personal numbers never appear in full in the view, even as "before" values.
    const v = (x: unknown) => maskPersonal(formatValue(x));
    const text = f.kind === 'added' ? `+ ${v(f.after)}` : f.kind === 'removed' ? `− ${v(f.before)}` : `${v(f.before)} → ${v(f.after)}`;
    const item = new vscode.TreeItem(f.field, vscode.TreeItemCollapsibleState.None);
    item.description = text;
    item.tooltip = `${f.field}: ${text}`;
    item.iconPath = new vscode.ThemeIcon(f.kind === 'added' ? 'add' : f.kind === 'removed' ? 'remove' : 'arrow-right');
    return item;
  }
}
