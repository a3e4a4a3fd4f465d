/**
 * The records table's columns: the schema's fields in the schema's order, each with its label in both
 * languages, its type and (for enums and categories) the allowed values with their labels, and how a value
 * reads in a cell.
 */
import type { Lang } from '../model/lang';
import { ownValue, scalarText, type RecordEntry } from '../model/records';
import type { Bilingual, FieldType, Schema } from '../model/schema';

/** What a column sorts and edits as: the schema's type, or the table's own columns. */
export type ColumnType = FieldType | 'category' | 'file';

export interface ColumnOption {
  value: string;
  label: string;
}

export interface Column {
  key: string;
  label: Bilingual;
  type: ColumnType;
  /** Allowed values, labelled in the table's language (enum fields and the category). */
  options?: ColumnOption[];
  /** Whether a cell may be edited in place: a field with one value (not a list or a long text), not the file. */
  editable: boolean;
}

/** The file a record is in: not a field, but what people look a record up by. */
export const FILE_COLUMN = '$file';

/** Shown when the workspace has chosen nothing: what a records officer reads a record by. */
export const DEFAULT_COLUMNS: readonly string[] = ['archive_no', 'id', 'category', 'customer', 'title', 'date', 'status', 'retention'];

/** Archive numbers are given by numbering and changed only by renumbering (DA/T 13-2022 §4.3). */
const NOT_EDITED = new Set(['archive_no']);

export function tableColumns(schema: Schema, lang: Lang): Column[] {
  const out: Column[] = [];
  for (const def of schema.fields.values()) {
    if (def.name === 'category') {
      const options = [...schema.categories.values()].map((c) => ({ value: c.key, label: lang === 'zh' ? c.label.zh : c.label.en }));
      out.push({ key: def.name, label: def.label, type: 'category', options, editable: true });
      continue;
    }
    const options =
      def.type === 'enum'
        ? (def.choices ?? (def.values ?? []).map((value) => ({ value, aliases: [] as string[], label: undefined }))).map((c) => ({
            value: c.value,
            label: c.label ? (lang === 'zh' ? c.label.zh : c.label.en) : c.value,
          }))
        : undefined;
    out.push({ key: def.name, label: def.label, type: def.type, options, editable: def.type !== 'list' && def.type !== 'text' && !NOT_EDITED.has(def.name) });
  }
  out.push({ key: FILE_COLUMN, label: { zh: '文件', en: 'File' }, type: 'file', editable: false });
  return out;
}

/** A field's value as typed (scalars as written, a list joined), the text an edit starts from. */
export function rawValue(r: RecordEntry, key: string): string {
  if (key === FILE_COLUMN) return r.file;
  const v = ownValue(r.data, key);
  if (Array.isArray(v)) return v.map(scalarText).join(', ');
  return scalarText(v);
}

/** How a value reads in a cell: an allowed value by its label, a list joined, one line. */
export function cellText(r: RecordEntry, c: Column): string {
  const raw = rawValue(r, c.key);
  const option = c.options?.find((o) => o.value === raw);
  const text = option && option.label !== raw ? option.label : raw;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text.replace(/[\r\n]+/g, ' ');
}

/** The visible columns: the chosen ones that the schema still has, in the chosen order; the defaults when none is left. */
export function visibleColumns(all: readonly Column[], chosen: readonly string[] | undefined): Column[] {
  const byKey = new Map(all.map((c) => [c.key, c]));
  const picked = (chosen ?? []).map((k) => byKey.get(k)).filter((c): c is Column => c !== undefined);
  if (picked.length) return picked;
  const defaults = DEFAULT_COLUMNS.map((k) => byKey.get(k)).filter((c): c is Column => c !== undefined);
  return defaults.length ? defaults : all.slice(0, 8);
}
