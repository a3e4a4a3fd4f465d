import * as path from 'path';
import * as vscode from 'vscode';
import type { Lang } from '../../../core/model/lang';
import { field, type RecordEntry } from '../../../core/model/records';
import { retentionOf } from '../../../core/retention/retention';
import type { FolderIndex } from '../../index/folder-index';
import { dispositionLabel } from '../../disposition-label';
import { dueWithinDays } from '../../settings';
import type { WorkspaceIndex } from '../../index/workspace-index';
import type { Picked, RecordsSelection } from '../../services';
import { categoryLabel, DISPOSITION_ORDER, GroupModel, NO_VALUE, shownState, statusOf, type Filter, type GroupBy } from './model';

const PAGE = 500;

export type Node =
  | { kind: 'folder'; id: string; folder: FolderIndex }
  | { kind: 'group'; id: string; folder: FolderIndex; key: string; level: 1 | 2; parentKey?: string; parent?: Node }
  | { kind: 'record'; id: string; folder: FolderIndex; record: RecordEntry; parent: Node }
  | { kind: 'more'; id: string; parent: Node; shown: number; remaining: number };

const CATEGORY_ICONS: Record<string, string> = {
  basic: 'account',
  contract: 'law',
  transaction: 'credit-card',
  service: 'tools',
  communication: 'comment-discussion',
  other: 'archive',
};

/** A node of this view, as a command receives it (anything else — a Disposal-view node, a URI — is not). */
function isNode(n: unknown): n is Node {
  return typeof n === 'object' && n !== null && typeof (n as { id?: unknown }).id === 'string' && typeof (n as { kind?: unknown }).kind === 'string';
}

export class RecordsTree implements vscode.TreeDataProvider<Node>, RecordsSelection {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  groupBy: GroupBy = 'category';
  filter: Filter | undefined;
  private models = new Map<FolderIndex, GroupModel>();
  /** How many records each group shows (paging keeps a 20,000-record group fast). */
  private readonly limits = new Map<string, number>();
  private readonly nodes = new Map<string, Node>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ws: WorkspaceIndex,
    private readonly lang: Lang,
    /** Records listed in batches not executed yet: shown as pending, as the Disposal view and the status bar do. */
    private readonly pending: () => ReadonlyMap<string, unknown> | undefined = () => undefined,
  ) {}

  /** Coalesces bursts of index changes into one refresh. */
  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 60);
  }

  /**
   * Regroups every folder in slices while the view keeps showing the current grouping, then swaps the new
   * one in and redraws. Resolves when the view shows the latest grouping.
   */
  refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.latest = this.regroup(++this.generation);
    return this.latest;
  }

  private generation = 0;
  private latest: Promise<void> = Promise.resolve();

  private async regroup(generation: number): Promise<void> {
    const by = this.groupBy;
    const filter = this.filter;
    const next = new Map<FolderIndex, GroupModel>();
    const isCurrent = () => generation === this.generation;
    for (const folder of this.ws.all()) next.set(folder, await GroupModel.build(folder, by, filter, dueWithinDays(), isCurrent, this.pending()));
    if (generation !== this.generation) return this.latest; // superseded: settle with the newer one
    this.models = next;
    this.emitter.fire(undefined);
  }

  model(folder: FolderIndex): GroupModel {
    let m = this.models.get(folder);
    // A folder not grouped yet, or grouped another way (the grouping just changed): at once.
    if (!m || m.by !== this.groupBy || m.filter !== this.filter)
      this.models.set(folder, (m = GroupModel.now(folder, this.groupBy, this.filter, dueWithinDays(), this.pending())));
    return m;
  }

  private node<T extends Node>(n: T): T {
    const existing = this.nodes.get(n.id) as T | undefined;
    if (existing && existing.kind === n.kind) {
      Object.assign(existing, n);
      return existing;
    }
    this.nodes.set(n.id, n);
    return n;
  }

  getChildren(element?: Node): Node[] {
    if (!element) {
      const folders = this.ws.all();
      if (folders.length === 1) return this.groupNodes(folders[0]);
      return folders.map((folder) => this.node({ kind: 'folder', id: `f:${folder.root}`, folder }));
    }
    if (element.kind === 'folder') return this.groupNodes(element.folder, element);
    if (element.kind === 'group') {
      const m = this.model(element.folder);
      if (element.level === 1 && this.groupBy === 'category') {
        const subs = m.sub.get(element.key) ?? new Map<string, RecordEntry[]>();
        return [...subs.keys()]
          .sort(compareKeys)
          .map((cust) =>
            this.node({ kind: 'group', id: `${element.id}/${cust}`, folder: element.folder, key: cust, level: 2, parentKey: element.key, parent: element }),
          );
      }
      const list = element.level === 2 ? (m.sub.get(element.parentKey!)?.get(element.key) ?? []) : (m.groups.get(element.key) ?? []);
      return this.recordNodes(element, list);
    }
    return [];
  }

  private groupNodes(folder: FolderIndex, parent?: Node): Node[] {
    const m = this.model(folder);
    const keys = [...m.groups.keys()];
    if (this.groupBy === 'category') {
      const order = [...folder.schema.categories.keys()];
      keys.sort((a, b) => rank(order, a) - rank(order, b) || compareKeys(a, b));
    } else if (this.groupBy === 'problems') {
      const order = ['error', 'warning', 'ok'];
      keys.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    } else if (this.groupBy === 'status') {
      // The lifecycle's order (active → archived → …), as the schema lists the values; others after.
      const order = folder.schema.fields.get('status')?.values ?? [];
      keys.sort((a, b) => rank(order, a) - rank(order, b) || compareKeys(a, b));
    } else if (this.groupBy === 'disposition') {
      keys.sort((a, b) => DISPOSITION_ORDER.indexOf(a as never) - DISPOSITION_ORDER.indexOf(b as never));
    } else keys.sort(compareKeys);
    return keys.map((key) => this.node({ kind: 'group', id: `${folder.root}|${this.groupBy}:${key}`, folder, key, level: 1, parent }));
  }

  private recordNodes(parent: Node & { folder: FolderIndex }, list: RecordEntry[]): Node[] {
    const sorted = this.model(parent.folder).sorted(list, compareRecords);
    const limit = this.limits.get(parent.id) ?? PAGE;
    const out: Node[] = sorted
      .slice(0, limit)
      .map((record) => this.node({ kind: 'record', id: `${parent.id}#${record.file}#${record.index}`, folder: parent.folder, record, parent }));
    if (sorted.length > limit) out.push(this.node({ kind: 'more', id: `${parent.id}#more`, parent, shown: limit, remaining: sorted.length - limit }));
    return out;
  }

  showMore(node: Node): void {
    if (node.kind !== 'more') return;
    this.limits.set(node.parent.id, node.shown + PAGE * 4);
    this.emitter.fire(node.parent);
  }

  getParent(element: Node): Node | undefined {
    return element.kind === 'folder' ? undefined : element.parent;
  }

  getTreeItem(n: Node): vscode.TreeItem {
    if (n.kind === 'folder') {
      const item = new vscode.TreeItem(path.basename(n.folder.root), vscode.TreeItemCollapsibleState.Expanded);
      item.id = n.id;
      item.iconPath = vscode.ThemeIcon.Folder;
      item.description = String(this.model(n.folder).total);
      return item;
    }
    if (n.kind === 'more') {
      const item = new vscode.TreeItem(vscode.l10n.t('Show more ({0} remaining)', n.remaining), vscode.TreeItemCollapsibleState.None);
      item.id = n.id;
      item.command = { command: 'recordsCurator.showMore', title: '', arguments: [n] };
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      return item;
    }
    if (n.kind === 'group') return this.groupItem(n);
    return this.recordItem(n);
  }

  private groupItem(n: Extract<Node, { kind: 'group' }>): vscode.TreeItem {
    const m = this.model(n.folder);
    const list = n.level === 2 ? (m.sub.get(n.parentKey!)?.get(n.key) ?? []) : (m.groups.get(n.key) ?? []);
    const label = this.groupLabel(n);
    // Large groups start collapsed; a filter opens everything it found.
    const state = this.filter || (n.level === 1 && m.groups.size === 1) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(label, state);
    item.id = n.id;
    const problems = m.problemsIn(list);
    item.description = problems ? vscode.l10n.t('{0} · {1} with problems', list.length, problems) : String(list.length);
    item.contextValue = `group.${this.groupBy}.${n.level}`;
    if (n.level === 2 || this.groupBy === 'customer') {
      const type = list.length ? field(list[0], 'customer_type') : undefined;
      item.iconPath = new vscode.ThemeIcon(type === 'person' ? 'person' : type === 'organization' ? 'organization' : 'account');
    } else if (this.groupBy === 'category') {
      item.iconPath = new vscode.ThemeIcon(CATEGORY_ICONS[n.key] ?? 'question');
    } else if (this.groupBy === 'disposition') {
      item.iconPath = new vscode.ThemeIcon(DISPOSITION_ICONS[n.key] ?? 'circle-outline');
    } else {
      item.iconPath = statusIcon(n.key);
    }
    return item;
  }

  private groupLabel(n: Extract<Node, { kind: 'group' }>): string {
    if (n.key === NO_VALUE) {
      if (n.level === 1 && this.groupBy === 'status') return vscode.l10n.t('No status');
      return n.level === 1 && this.groupBy === 'category' ? vscode.l10n.t('Uncategorised') : vscode.l10n.t('No customer');
    }
    if (n.level === 1 && this.groupBy === 'category') {
      const label = categoryLabel(n.folder.schema, n.key, this.lang);
      return label ?? n.key;
    }
    if (n.level === 1 && this.groupBy === 'disposition') return dispositionLabel(n.key);
    if (n.level === 1 && this.groupBy === 'problems') {
      return n.key === 'error' ? vscode.l10n.t('Errors') : n.key === 'warning' ? vscode.l10n.t('Warnings') : vscode.l10n.t('No problems');
    }
    if (n.level === 1 && this.groupBy === 'status') {
      // 已归档 (archived): the value's label in the display language, then the value itself.
      const label = n.folder.schema.fields.get('status')?.choices?.find((c) => c.value === n.key)?.label;
      const l = label && (this.lang === 'zh' ? label.zh : label.en);
      if (!l || l === n.key) return n.key;
      return l.toLowerCase() === n.key.toLowerCase() ? l : `${l} (${n.key})`;
    }
    return n.key;
  }

  private recordItem(n: Extract<Node, { kind: 'record' }>): vscode.TreeItem {
    const r = n.record;
    const title = field(r, 'title') ?? path.posix.basename(r.file);
    const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.None);
    item.id = n.id;
    item.description = field(r, 'archive_no') ?? field(r, 'id') ?? '';
    item.resourceUri = n.folder.uriOf(r.file);
    const status = statusOf(n.folder, r);
    // Problems first; then whether it is due for disposal (not when it is already in a batch).
    const due = status === 'ok' ? shownState(n.folder, r, dueWithinDays(), this.pending()) : undefined;
    item.iconPath =
      status !== 'ok'
        ? statusIcon(status)
        : due === 'due'
          ? new vscode.ThemeIcon('trash', new vscode.ThemeColor('list.warningForeground'))
          : new vscode.ThemeIcon('file-text');
    item.contextValue = 'record';
    // The tooltip is made on hover (resolveTreeItem): hundreds of Markdown tooltips per redraw held the host.
    item.command = {
      command: 'vscode.open',
      title: vscode.l10n.t('Open Record'),
      arguments: [n.folder.uriOf(r.file), { selection: new vscode.Range(r.line, 0, r.line, 0), preview: true } satisfies vscode.TextDocumentShowOptions],
    };
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, n: Node): vscode.TreeItem {
    if (n.kind === 'record' && item.tooltip === undefined) item.tooltip = this.tooltip(n.folder, n.record);
    return item;
  }

  private tooltip(folder: FolderIndex, r: RecordEntry): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, false);
    md.supportHtml = false;
    md.isTrusted = false;
    const cat = field(r, 'category');
    const rows: [string, string | undefined][] = [
      [vscode.l10n.t('ID'), field(r, 'id')],
      [vscode.l10n.t('Category'), cat ? (categoryLabel(folder.schema, cat, this.lang) ?? cat) : undefined],
      [vscode.l10n.t('Customer'), field(r, 'customer')],
      [vscode.l10n.t('Date'), field(r, 'date')],
      [vscode.l10n.t('Archive number'), field(r, 'archive_no')],
      // The period that governs (the one the number, the labels and the Disposal view carry), not the field alone.
      [vscode.l10n.t('Retention'), retentionOf(r.data, folder.schema).governing?.code ?? field(r, 'retention')],
      [vscode.l10n.t('Status'), field(r, 'status')],
      [vscode.l10n.t('Disposition'), dispositionLabel(shownState(folder, r, dueWithinDays(), this.pending()))],
    ];
    md.appendText(field(r, 'title') ?? r.file);
    md.appendMarkdown('\n\n');
    for (const [k, v] of rows) {
      if (v === undefined) continue;
      md.appendMarkdown(`**${k}**: `);
      md.appendText(v);
      md.appendMarkdown('  \n');
    }
    const c = folder.index.problemCounts(r);
    if (c.errors || c.warnings) md.appendMarkdown(`\n${vscode.l10n.t('{0} errors, {1} warnings', c.errors, c.warnings)}  \n`);
    md.appendMarkdown('\n');
    md.appendText(`${r.file}:${r.line + 1}`);
    return md;
  }

  /** Every record a node stands for (after the current filter). */
  recordsOf(nodes: readonly unknown[]): Picked[] {
    const byFolder = new Map<FolderIndex, Set<RecordEntry>>();
    const add = (folder: FolderIndex, r: RecordEntry) => {
      let set = byFolder.get(folder);
      if (!set) byFolder.set(folder, (set = new Set()));
      set.add(r);
    };
    for (const n of nodes) {
      if (!isNode(n) || n.kind === 'more') continue;
      for (const r of this.recordsUnder(n)) add(n.folder, r);
    }
    return [...byFolder].map(([folder, set]) => ({ folder, records: [...set] }));
  }

  recordsUnder(n: Node): RecordEntry[] {
    if (n.kind === 'record') return [n.record];
    if (n.kind === 'folder') return [...this.model(n.folder).groups.values()].flat();
    if (n.kind !== 'group') return [];
    const m = this.model(n.folder);
    return (n.level === 2 ? m.sub.get(n.parentKey!)?.get(n.key) : m.groups.get(n.key)) ?? [];
  }

  /** The node of a record, for reveal: walks the same grouping the view shows. */
  nodeFor(folder: FolderIndex, record: RecordEntry): Node | undefined {
    const parents = this.ws.all().length > 1 ? [this.node({ kind: 'folder', id: `f:${folder.root}`, folder })] : [];
    let level: Node[] = parents.length ? this.getChildren(parents[0]) : this.getChildren();
    for (let depth = 0; depth < 3; depth++) {
      for (const n of level) {
        if (n.kind === 'record' && n.record.file === record.file && n.record.index === record.index) return n;
      }
      const group = level.find((n) => n.kind === 'group' && this.containsRecord(n, record));
      if (!group) return undefined;
      if (group.kind === 'group') {
        const list = this.getChildren(group);
        // Page far enough to include the record.
        const more = list.find((x) => x.kind === 'more');
        if (more && !list.some((x) => x.kind === 'record' && x.record === record)) {
          this.limits.set(group.id, Number.MAX_SAFE_INTEGER);
          level = this.getChildren(group);
        } else level = list;
      }
    }
    return undefined;
  }

  private containsRecord(n: Node, record: RecordEntry): boolean {
    if (n.kind !== 'group') return false;
    const m = this.model(n.folder);
    const list = n.level === 2 ? m.sub.get(n.parentKey!)?.get(n.key) : m.groups.get(n.key);
    return !!list?.includes(record);
  }
}

const DISPOSITION_ICONS: Record<string, string> = {
  due: 'trash',
  errors: 'error',
  pending: 'checklist',
  'due-soon': 'watch',
  hold: 'lock',
  'pending-destruction': 'loading',
  active: 'pulse',
  retention: 'archive',
  transferred: 'arrow-swap',
  destroyed: 'close',
};

function statusIcon(status: string): vscode.ThemeIcon {
  if (status === 'error') return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (status === 'warning') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length + (key === NO_VALUE ? 1 : 0) : i;
}

function compareKeys(a: string, b: string): number {
  if (a === NO_VALUE) return 1;
  if (b === NO_VALUE) return -1;
  return a.localeCompare(b, 'zh-CN');
}

function compareRecords(a: RecordEntry, b: RecordEntry): number {
  const da = field(a, 'date') ?? '';
  const db = field(b, 'date') ?? '';
  if (da !== db) return da < db ? 1 : -1; // newest first
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index;
}

export type { Lang };
