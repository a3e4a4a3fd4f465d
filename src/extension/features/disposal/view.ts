import * as path from 'path';
import * as vscode from 'vscode';
import { field, type RecordEntry } from '../../../core/records/types';
import { today } from '../../../core/retention/dates';
import { dispositionOf, type Disposition } from '../../../core/retention/disposition';
import type { FolderIndex } from '../../index/folder-index';
import type { WorkspaceIndex } from '../../index/workspace-index';
import { dueWithinDays } from '../../settings';
import type { Batches, KnownBatch } from './batches';

export type DisposalGroup = 'due' | 'due-soon' | 'hold' | 'pending' | 'batches';

export type DisposalNode =
  | { kind: 'group'; group: DisposalGroup }
  | { kind: 'record'; folder: FolderIndex; record: RecordEntry; disposition: Disposition; group: DisposalGroup }
  | { kind: 'batch'; batch: KnownBatch };

/** What is due for disposal, with the reason and the date; what is held; what batches are in progress. */
export class DisposalTree implements vscode.TreeDataProvider<DisposalNode> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private cache: Map<DisposalGroup, DisposalNode[]> | undefined;

  constructor(private readonly ws: WorkspaceIndex, private readonly batches: Batches, private readonly lang: 'zh' | 'en') {}

  refresh(): void {
    this.cache = undefined;
    this.emitter.fire();
  }

  /** Records per group, computed once per change. */
  groups(): Map<DisposalGroup, DisposalNode[]> {
    if (this.cache) return this.cache;
    const day = today();
    const soon = dueWithinDays();
    const pending = this.batches.pending();
    const out = new Map<DisposalGroup, DisposalNode[]>([['due', []], ['due-soon', []], ['hold', []], ['pending', []], ['batches', []]]);
    for (const folder of this.ws.all()) {
      for (const record of folder.index.records()) {
        // A record with errors (broken YAML, a wrong date) is corrected before anything is decided about it.
        if (folder.index.problemCounts(record).errors) continue;
        const disposition = dispositionOf(record.data, folder.schema, day, soon);
        const listed = pending.has(`${folder.root}\u0000${record.file}#${record.index}`);
        const group: DisposalGroup | undefined = listed ? 'pending' : disposition.state === 'due' || disposition.state === 'due-soon' || disposition.state === 'hold' ? disposition.state : undefined;
        if (group) out.get(group)!.push({ kind: 'record', folder, record, disposition, group });
      }
    }
    for (const list of out.values()) list.sort((a, b) => (a.kind === 'record' && b.kind === 'record' ? (a.disposition.until ?? '').localeCompare(b.disposition.until ?? '') : 0));
    out.set('batches', this.batches.all().map((batch) => ({ kind: 'batch', batch })));
    this.cache = out;
    return out;
  }

  getChildren(node?: DisposalNode): DisposalNode[] {
    if (!node) return (['due', 'due-soon', 'hold', 'pending', 'batches'] as const).filter((g) => this.groups().get(g)!.length).map((group) => ({ kind: 'group', group }));
    return node.kind === 'group' ? this.groups().get(node.group) ?? [] : [];
  }

  getTreeItem(node: DisposalNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const labels: Record<DisposalGroup, string> = {
        due: vscode.l10n.t('Due for disposal'), 'due-soon': vscode.l10n.t('Due within {0} days', dueWithinDays()), hold: vscode.l10n.t('On hold'),
        pending: vscode.l10n.t('Pending destruction or transfer'), batches: vscode.l10n.t('Batches'),
      };
      const icons: Record<DisposalGroup, string> = { due: 'trash', 'due-soon': 'watch', hold: 'lock', pending: 'loading', batches: 'checklist' };
      const item = new vscode.TreeItem(labels[node.group], node.group === 'due' || node.group === 'batches' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `disposal:${node.group}`;
      item.iconPath = new vscode.ThemeIcon(icons[node.group]);
      item.description = String(this.groups().get(node.group)!.length);
      item.contextValue = `disposalGroup.${node.group}`;
      return item;
    }
    if (node.kind === 'batch') {
      const b = node.batch.batch;
      const item = new vscode.TreeItem(String(b.data.batch_id ?? path.posix.basename(node.batch.path)), vscode.TreeItemCollapsibleState.None);
      item.id = `batch:${node.batch.uri.toString()}`;
      item.description = `${b.kind === 'destruction-batch' ? vscode.l10n.t('destruction') : vscode.l10n.t('transfer')} · ${b.status ?? '?'} · ${b.items.length}`;
      item.iconPath = new vscode.ThemeIcon(b.status === 'executed' ? 'pass-filled' : b.status === 'approved' ? 'verified' : 'edit');
      item.contextValue = `batch.${b.kind}.${b.status}`;
      item.resourceUri = node.batch.uri;
      item.command = { command: 'vscode.open', title: '', arguments: [node.batch.uri] };
      return item;
    }
    const r = node.record;
    const g = node.disposition.retention.governing;
    const item = new vscode.TreeItem(field(r, 'title') ?? r.file, vscode.TreeItemCollapsibleState.None);
    item.id = `disposal:${node.group}:${node.folder.root}:${r.file}#${r.index}`;
    const until = node.disposition.until ? vscode.l10n.t('until {0}', node.disposition.until) : '';
    item.description = [field(r, 'archive_no') ?? field(r, 'id'), g?.code, until].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(node.group === 'due' ? 'trash' : node.group === 'hold' ? 'lock' : node.group === 'pending' ? 'loading' : 'watch');
    item.contextValue = `disposalRecord.${node.group}`;
    const md = new vscode.MarkdownString();
    md.appendText(field(r, 'title') ?? r.file);
    md.appendMarkdown('\n\n');
    if (g) {
      md.appendMarkdown(`**${vscode.l10n.t('Retention')}**: `);
      md.appendText(`${g.code} — ${this.lang === 'zh' ? g.basis.zh : g.basis.en}`);
      md.appendMarkdown('  \n');
      if (g.start) {
        md.appendMarkdown(`**${vscode.l10n.t('Counted from')}**: `);
        md.appendText(`${g.from} ${g.start}`);
        md.appendMarkdown('  \n');
      }
    }
    if (node.disposition.until) {
      md.appendMarkdown(`**${vscode.l10n.t('Kept until')}**: `);
      md.appendText(node.disposition.until);
      md.appendMarkdown('  \n');
    }
    const reason = field(r, 'hold_reason');
    if (node.group === 'hold' && reason) {
      md.appendMarkdown(`**${vscode.l10n.t('Hold')}**: `);
      md.appendText(reason);
    }
    item.tooltip = md;
    item.command = { command: 'vscode.open', title: '', arguments: [node.folder.uriOf(r.file), { selection: new vscode.Range(r.line, 0, r.line, 0) }] };
    return item;
  }
}
