/**
 * One table row as field values under a mapping: each mapped column converted to its field's form, the
 * defaults filled in, the category settled. A cell that cannot be imported exactly rejects the row.
 */
import type { Schema } from '../model/schema';
import { convertCell } from './convert';
import type { ImportMapping } from './mapping';
import { fillTemplate, type ImportValue } from './record-text';
import type { Table, TableRow } from './table';

export type RowValues = { ok: true; values: Map<string, ImportValue>; category: string } | { ok: false; reason: string };

export function rowValues(table: Table, row: TableRow, mapping: ImportMapping, schema: Schema): RowValues {
  const values = new Map<string, ImportValue>();
  for (let i = 0; i < table.headers.length; i++) {
    const field = mapping.columns.get(table.headers[i]);
    if (!field) continue;
    const c = convertCell(row.cells[i] ?? null, schema.fields.get(field), schema);
    if (!c.ok) return { ok: false, reason: `${table.headers[i]}: ${c.message}` };
    if (c.value !== undefined && !(Array.isArray(c.value) && !c.value.length)) values.set(field, c.value);
  }
  const category = values.get('category') ?? mapping.category;
  if (typeof category !== 'string') return { ok: false, reason: 'no category: map a column to category or give --category' };
  if (!schema.categories.has(category)) return { ok: false, reason: `category ${JSON.stringify(category)} is not in the schema` };
  values.set('category', category);
  for (const [f, template] of mapping.defaults) {
    if (values.has(f)) continue;
    const v = fillTemplate(template, values).trim();
    if (v) values.set(f, v);
  }
  return { ok: true, values, category };
}
