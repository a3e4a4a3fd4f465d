import * as vscode from 'vscode';
import { matches, parseFilter } from '../../../core/index/filter';
import { field, type RecordEntry } from '../../../core/model/records';
import { langOf } from '../../../core/model/lang';
import { bulkCorePlanner, recordKey } from '../../../core/table';
import type { Feature } from '../../feature';
import type { FolderIndex } from '../../index/folder-index';
import { TablePanel } from './panel';

/** `customer="Wang Fang"`: a value the filter reads back whole, or undefined when it cannot be written so. */
function term(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '' || value.includes('"')) return undefined;
  return /\s/.test(value) ? `${name}="${value}"` : `${name}=${value}`;
}

/**
 * What the table opens on for records picked in the Records view: the filter text that selects exactly them
 * (a category, a customer) — live and editable — or else just those records.
 */
function openingFor(folder: FolderIndex, records: readonly RecordEntry[]): { filter?: string; scope?: ReadonlySet<string> } {
  const one = (name: string) => {
    const values = new Set(records.map((r) => field(r, name)));
    return values.size === 1 ? term(name, [...values][0]) : undefined;
  };
  const terms = [one('category'), one('customer')].filter((t): t is string => t !== undefined);
  if (terms.length) {
    const filter = terms.join(' ');
    const f = parseFilter(filter);
    let n = 0;
    for (const r of folder.index.records()) if (matches(r, f, folder.schema)) n++;
    if (n === records.length) return { filter };
  }
  return { scope: new Set(records.map(recordKey)) };
}

async function pickFolder(folders: readonly FolderIndex[]): Promise<FolderIndex | undefined> {
  if (folders.length < 2) return folders[0];
  const pick = await vscode.window.showQuickPick(
    folders.map((f) => ({ label: vscode.workspace.asRelativePath(f.uriOf(''), true) || f.root, folder: f })),
    { title: vscode.l10n.t('Records Table'), placeHolder: vscode.l10n.t('Which folder?') },
  );
  return pick?.folder;
}

/** Records: Open Table — every record as a sortable, filterable sheet with inline and bulk edits. */
export const tableFeature: Feature = {
  id: 'table',
  activate(context, services) {
    const panels = new Set<TablePanel>();
    context.subscriptions.push(
      vscode.commands.registerCommand('recordsCurator.openTable', async (node?: unknown, nodes?: unknown[]) => {
        await services.index.whenReady();
        let folder: FolderIndex | undefined;
        let opening: { filter?: string; scope?: ReadonlySet<string> } = {};
        const picked = node !== undefined && services.ui.recordsTree ? services.ui.recordsTree.recordsOf(nodes?.length ? nodes : [node]) : [];
        if (picked.length) {
          folder = picked[0].folder;
          opening = openingFor(folder, picked[0].records);
        } else folder = await pickFolder(services.index.all());
        if (!folder) {
          void vscode.window.showInformationMessage(vscode.l10n.t('No records folder is open.'));
          return undefined;
        }
        // Cells and selections are edited by the bulk edit core, as `records-curator set` edits them.
        const root = folder.root;
        const lang = langOf(vscode.env.language);
        const panel = new TablePanel(context, services, folder, () => bulkCorePlanner(root, lang), opening);
        panels.add(panel);
        panel.panel.onDidDispose(() => panels.delete(panel));
        return panel;
      }),
      {
        dispose: () => {
          for (const p of panels) p.panel.dispose();
        },
      },
    );
    return { tables: panels };
  },
};
