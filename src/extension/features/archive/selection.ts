import * as vscode from 'vscode';
import { field, type RecordEntry } from '../../../core/model/records';
import type { FolderIndex } from '../../index/folder-index';
import type { WorkspaceIndex } from '../../index/workspace-index';
import type { Node, RecordsTree } from '../records-view/tree';

export interface Picked {
  folder: FolderIndex;
  records: RecordEntry[];
}

/** The records under tree nodes: a record node itself, every record of a group. */
export function recordsOfNodes(tree: RecordsTree, nodes: readonly Node[]): Picked[] {
  const byFolder = new Map<FolderIndex, Set<RecordEntry>>();
  const add = (folder: FolderIndex, r: RecordEntry) => {
    let set = byFolder.get(folder);
    if (!set) byFolder.set(folder, (set = new Set()));
    set.add(r);
  };
  const walk = (n: Node) => {
    if (n.kind === 'record') add(n.folder, n.record);
    else if (n.kind === 'group' || n.kind === 'folder') {
      for (const r of tree.recordsUnder(n)) add(n.folder, r);
    }
  };
  nodes.forEach(walk);
  return [...byFolder].map(([folder, set]) => ({ folder, records: [...set] }));
}

/**
 * What a command acts on: the tree selection it was invoked on, or — from the Command Palette — a scope the
 * user picks: a category, or every record.
 */
export async function pickRecords(
  ws: WorkspaceIndex,
  tree: RecordsTree | undefined,
  node: Node | undefined,
  nodes: readonly Node[] | undefined,
  title: string,
  filter: (r: RecordEntry) => boolean = () => true,
): Promise<Picked[] | undefined> {
  if (node && tree) return recordsOfNodes(tree, nodes?.length ? nodes : [node]).map((p) => ({ ...p, records: p.records.filter(filter) }));
  const folders = ws.all();
  if (!folders.length) return undefined;
  const lang = vscode.env.language.startsWith('zh') ? 'zh' : 'en';
  const categories = new Map<string, string>();
  for (const f of folders) for (const c of f.schema.categories.values()) categories.set(c.key, lang === 'zh' ? c.label.zh : c.label.en);
  const count = (pred: (r: RecordEntry) => boolean) => folders.reduce((n, f) => n + [...f.index.records()].filter((r) => filter(r) && pred(r)).length, 0);
  const items: (vscode.QuickPickItem & { key?: string })[] = [
    { label: vscode.l10n.t('All records'), description: String(count(() => true)) },
    ...[...categories].map(([key, label]) => ({ label, key, description: `${key} · ${count((r) => field(r, 'category') === key)}` })),
  ];
  const pick = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Which records?') });
  if (!pick) return undefined;
  return folders.map((folder) => ({
    folder,
    records: [...folder.index.records()].filter((r) => filter(r) && (!pick.key || field(r, 'category') === pick.key)),
  }));
}
