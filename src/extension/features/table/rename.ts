/**
 * Rename a field in the selected records: which key (the fields the selection has, known to the schema or
 * not, each with how many of the selected records have it), then its new name (a field of the schema, by
 * name and label, or any name typed). The edit itself is the bulk core's, previewed like the others.
 */
import * as vscode from 'vscode';
import type { Lang } from '../../../core/model/lang';
import type { RecordEntry } from '../../../core/model/records';
import type { Schema } from '../../../core/model/schema';

interface KeyItem extends vscode.QuickPickItem {
  key: string;
}

/** The keys the records have, in schema order, then the ones the schema does not know (misspelt, custom). */
function keysOf(records: readonly RecordEntry[], schema: Schema): [string, number][] {
  const counts = new Map<string, number>();
  // Archive numbers are not offered: numbering gives them and only renumbering changes them.
  for (const r of records) for (const k of Object.keys(r.data ?? {})) if (k !== 'archive_no') counts.set(k, (counts.get(k) ?? 0) + 1);
  const order = [...schema.fields.keys()];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...counts].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
}

const labelOf = (schema: Schema, lang: Lang, key: string): string | undefined => {
  const d = schema.fields.get(key);
  return d && (lang === 'zh' ? d.label.zh : d.label.en);
};

/** The key to rename and its new name, asked in two steps; undefined when the person cancels. */
export async function askRename(records: readonly RecordEntry[], schema: Schema, lang: Lang): Promise<{ field: string; to: string } | undefined> {
  const items: KeyItem[] = keysOf(records, schema).map(([key, n]) => ({
    key,
    label: key,
    description: labelOf(schema, lang, key) ?? vscode.l10n.t('not a field of the schema'),
    detail: vscode.l10n.t('in {0} of the {1} selected records', n, records.length),
  }));
  const from = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Rename a field in the selected records (1/2)'),
    placeHolder: vscode.l10n.t('Which field?'),
    matchOnDescription: true,
  });
  if (!from) return undefined;
  const to = await askNewName(from.key, schema, lang);
  return to === undefined ? undefined : { field: from.key, to };
}

/** A quick pick of the schema's fields that also takes a name typed: the typed name is its first item. */
function askNewName(from: string, schema: Schema, lang: Lang): Promise<string | undefined> {
  const fields: KeyItem[] = [...schema.fields.values()]
    .filter((d) => d.name !== from && d.name !== 'archive_no')
    .map((d) => ({ key: d.name, label: d.name, description: lang === 'zh' ? d.label.zh : d.label.en }));
  const pick = vscode.window.createQuickPick<KeyItem>();
  pick.title = vscode.l10n.t('Rename {0} to… (2/2)', from);
  pick.placeholder = vscode.l10n.t('A field of the schema, or type a new name');
  pick.matchOnDescription = true;
  pick.items = fields;
  pick.onDidChangeValue((value) => {
    const v = value.trim();
    const typed: KeyItem[] =
      v && !schema.fields.has(v) && !/[\u0000-\u001f\u007f]/.test(v) && v !== from
        ? [{ key: v, label: v, description: vscode.l10n.t('a new name'), alwaysShow: true }]
        : [];
    pick.items = [...typed, ...fields];
  });
  return new Promise((resolve) => {
    let chosen: string | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.key;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}
