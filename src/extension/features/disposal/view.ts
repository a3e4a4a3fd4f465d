import * as path from 'path';
import * as vscode from 'vscode';
import { field, type RecordEntry } from '../../../core/model/records';
import { today } from '../../../core/retention/dates';
import { dayWindow, dispositionOf, stateIn, type DayWindow } from '../../../core/retention/disposition';
import { forEachInSlices } from '../../../core/async/slices';
import { basisOf } from '../../index/dispositions';
import type { FolderIndex } from '../../index/folder-index';
import type { WorkspaceIndex } from '../../index/workspace-index';
import { dueWithinDays } from '../../settings';
import type { Batches, KnownBatch } from './batches';
import { scalarText } from '../../../core/model/records';

export type DisposalGroup = 'due' | 'due-soon' | 'hold' | 'pending' | 'batches';

export type DisposalNode =
  | { kind: 'group'; group: DisposalGroup }
  | { kind: 'record'; folder: FolderIndex; record: RecordEntry; group: DisposalGroup; until: string | undefined }
  | { kind: 'more'; group: DisposalGroup; shown: number; remaining: number }
  | { kind: 'batch'; batch: KnownBatch };

/** Records shown per group before a "Show more" row: 40,000 due records at once would hold the view. */
const PAGE = 500;

/** What is due for disposal, with the reason and the date; what is held; what batches are in progress. */
export class DisposalTree implements vscode.TreeDataProvider<DisposalNode> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private cache: Map<DisposalGroup, DisposalNode[]> | undefined;
  private readonly limits = new Map<DisposalGroup, number>();

  constructor(
    private readonly ws: WorkspaceIndex,
    private readonly batches: Batches,
    private readonly lang: 'zh' | 'en',
  ) {}

  /**
   * Regroups in slices while the view keeps showing the current groups, then swaps them in and redraws.
   * Resolves when the view shows the latest groups.
   */
  refresh(): Promise<void> {
    this.latest = this.regroup(++this.generation);
    return this.latest;
  }

  private generation = 0;
  private latest: Promise<void> = Promise.resolve();

  private async regroup(generation: number): Promise<void> {
    const out = this.emptyGroups();
    const w = dayWindow(today(), dueWithinDays());
    const pending = this.batches.pending();
    const isCurrent = () => generation === this.generation;
    // Over a snapshot: an entry replaced during the pass moves to the end of the index and would show twice.
    for (const folder of this.ws.all()) {
      await forEachInSlices(
        () => [...folder.index.entries()],
        (e) => {
          for (const record of e.records) this.place(out, folder, record, w, pending);
        },
        { isCurrent },
      );
    }
    if (generation !== this.generation) return this.latest; // superseded: settle with the newer one
    this.cache = this.finish(out);
    this.emitter.fire();
  }

  /**
   * Records per group, oldest retention end first, from each record's cached disposition basis: the last
   * regrouping, or one done now if there is none yet.
   */
  groups(): Map<DisposalGroup, DisposalNode[]> {
    if (this.cache) return this.cache;
    const out = this.emptyGroups();
    const w = dayWindow(today(), dueWithinDays());
    const pending = this.batches.pending();
    for (const folder of this.ws.all()) for (const record of folder.index.records()) this.place(out, folder, record, w, pending);
    this.cache = this.finish(out);
    return this.cache;
  }

  private emptyGroups(): Map<DisposalGroup, DisposalNode[]> {
    return new Map<DisposalGroup, DisposalNode[]>([
      ['due', []],
      ['due-soon', []],
      ['hold', []],
      ['pending', []],
      ['batches', []],
    ]);
  }

  /** Files a record under its group, if it has one. */
  private place(out: Map<DisposalGroup, DisposalNode[]>, folder: FolderIndex, record: RecordEntry, w: DayWindow, pending: ReadonlyMap<string, unknown>): void {
    const basis = basisOf(folder, record);
    const state = stateIn(basis, w);
    const listed = pending.size > 0 && pending.has(`${folder.root}\u0000${record.file}#${record.index}`);
    const group: DisposalGroup | undefined = listed ? 'pending' : state === 'due' || state === 'due-soon' || state === 'hold' ? state : undefined;
    // A record with errors (broken YAML, a wrong date) is corrected before anything is decided about it.
    if (group && !folder.index.problemCounts(record).errors) out.get(group)!.push({ kind: 'record', folder, record, group, until: basis.until });
  }

  /**
   * Orders each group by retention end, oldest first. By buckets of equal dates, not a comparison sort:
   * 40,000 due records share a few thousand dates, and sorting them one by one held the host ~40 ms.
   */
  private finish(out: Map<DisposalGroup, DisposalNode[]>): Map<DisposalGroup, DisposalNode[]> {
    for (const [group, list] of out) {
      const byDate = new Map<string, DisposalNode[]>();
      for (const n of list) {
        const key = n.kind === 'record' ? (n.until ?? '') : '';
        const bucket = byDate.get(key);
        if (bucket) bucket.push(n);
        else byDate.set(key, [n]);
      }
      out.set(
        group,
        [...byDate.keys()].sort().flatMap((k) => byDate.get(k)!),
      );
    }
    out.set(
      'batches',
      this.batches.all().map((batch) => ({ kind: 'batch', batch })),
    );
    return out;
  }

  getChildren(node?: DisposalNode): DisposalNode[] {
    if (!node)
      return (['due', 'due-soon', 'hold', 'pending', 'batches'] as const)
        .filter((g) => this.groups().get(g)!.length)
        .map((group) => ({ kind: 'group', group }));
    if (node.kind !== 'group') return [];
    const all = this.groups().get(node.group) ?? [];
    const limit = this.limits.get(node.group) ?? PAGE;
    if (all.length <= limit) return all;
    return [...all.slice(0, limit), { kind: 'more', group: node.group, shown: limit, remaining: all.length - limit }];
  }

  /** The "Show more" row: the next pages of its group. */
  showMore(node: DisposalNode): void {
    if (node.kind !== 'more') return;
    this.limits.set(node.group, node.shown + PAGE * 4);
    this.emitter.fire();
  }

  getTreeItem(node: DisposalNode): vscode.TreeItem {
    if (node.kind === 'more') {
      const item = new vscode.TreeItem(vscode.l10n.t('Show more ({0} remaining)', node.remaining), vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { command: 'recordsCurator.showMoreDisposal', title: '', arguments: [node] };
      return item;
    }
    if (node.kind === 'group') {
      const labels: Record<DisposalGroup, string> = {
        due: vscode.l10n.t('Due for disposal'),
        'due-soon': vscode.l10n.t('Due within {0} days', dueWithinDays()),
        hold: vscode.l10n.t('On hold'),
        pending: vscode.l10n.t('Pending destruction or transfer'),
        batches: vscode.l10n.t('Batches'),
      };
      const icons: Record<DisposalGroup, string> = { due: 'trash', 'due-soon': 'watch', hold: 'lock', pending: 'loading', batches: 'checklist' };
      const item = new vscode.TreeItem(
        labels[node.group],
        node.group === 'due' || node.group === 'batches' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = `disposal:${node.group}`;
      item.iconPath = new vscode.ThemeIcon(icons[node.group]);
      item.description = String(this.groups().get(node.group)!.length);
      item.contextValue = `disposalGroup.${node.group}`;
      return item;
    }
    if (node.kind === 'batch') {
      const b = node.batch.batch;
      const item = new vscode.TreeItem(scalarText(b.data.batch_id) || path.posix.basename(node.batch.path), vscode.TreeItemCollapsibleState.None);
      item.id = `batch:${node.batch.uri.toString()}`;
      item.description = `${b.kind === 'destruction-batch' ? vscode.l10n.t('destruction') : vscode.l10n.t('transfer')} · ${b.status ?? '?'} · ${b.items.length}`;
      item.iconPath = new vscode.ThemeIcon(b.status === 'executed' ? 'pass-filled' : b.status === 'approved' ? 'verified' : 'edit');
      item.contextValue = `batch.${b.kind}.${b.status}`;
      item.resourceUri = node.batch.uri;
      item.command = { command: 'vscode.open', title: '', arguments: [node.batch.uri] };
      return item;
    }
    const r = node.record;
    // The full disposition, with the retention behind it, only for the rows on screen.
    const disposition = dispositionOf(r.data, node.folder.schema, today(), dueWithinDays());
    const g = disposition.retention.governing;
    const item = new vscode.TreeItem(field(r, 'title') ?? r.file, vscode.TreeItemCollapsibleState.None);
    item.id = `disposal:${node.group}:${node.folder.root}:${r.file}#${r.index}`;
    const until = disposition.until ? vscode.l10n.t('until {0}', disposition.until) : '';
    item.description = [field(r, 'archive_no') ?? field(r, 'id'), g?.code, until].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(node.group === 'due' ? 'trash' : node.group === 'hold' ? 'lock' : node.group === 'pending' ? 'loading' : 'watch');
    item.contextValue = `disposalRecord.${node.group}`;
    item.command = { command: 'vscode.open', title: '', arguments: [node.folder.uriOf(r.file), { selection: new vscode.Range(r.line, 0, r.line, 0) }] };
    return item;
  }

  /** Tooltips are made on hover: hundreds of Markdown tooltips per redraw held the extension host. */
  resolveTreeItem(item: vscode.TreeItem, node: DisposalNode): vscode.TreeItem {
    if (node.kind !== 'record' || item.tooltip !== undefined) return item;
    const r = node.record;
    const disposition = dispositionOf(r.data, node.folder.schema, today(), dueWithinDays());
    const g = disposition.retention.governing;
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
    if (disposition.until) {
      md.appendMarkdown(`**${vscode.l10n.t('Kept until')}**: `);
      md.appendText(disposition.until);
      md.appendMarkdown('  \n');
    }
    const reason = field(r, 'hold_reason');
    if (node.group === 'hold' && reason) {
      md.appendMarkdown(`**${vscode.l10n.t('Hold')}**: `);
      md.appendText(reason);
    }
    item.tooltip = md;
    return item;
  }
}
