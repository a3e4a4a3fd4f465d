import * as vscode from 'vscode';
import { field, type RecordEntry } from '../core/model/records';
import type { WorkspaceIndex } from './index/workspace-index';
import type { Picked, RecordsSelection } from './services';

/**
 * What a command acts on: the tree selection it was invoked on, or — from the Command Palette — a scope the
 * user picks: a category, or every record.
 */
export async function pickRecords(
  ws: WorkspaceIndex,
  tree: RecordsSelection | undefined,
  node: unknown,
  nodes: readonly unknown[] | undefined,
  title: string,
  filter: (r: RecordEntry) => boolean = () => true,
): Promise<Picked[] | undefined> {
  if (node && tree) return tree.recordsOf(nodes?.length ? nodes : [node]).map((p) => ({ ...p, records: p.records.filter(filter) }));
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
