/**
 * One table row as field values under a mapping: each mapped column converted to its field's form, the
 * defaults filled in, the category settled. A cell that cannot be imported exactly rejects the row.
 */
import type { Lang } from '../model/lang';
import type { Bilingual, FieldDef, Schema } from '../model/schema';
import { say } from '../text/bilingual';
import { convertCell, type Converted } from './convert';
import type { ImportMapping } from './mapping';
import { memoByKey } from './memo';
import { fillTemplate, type ImportValue } from './record-text';
import type { Table, TableRow } from './table';

const MSG = {
  noCategory: { en: 'no category: map a column to category or give --category', zh: '没有分类：请把某一列映射到 category，或给出 --category' },
  unknownCategory: { en: 'category {category} is not in the schema', zh: '分类 {category} 不在架构中' },
} satisfies Record<string, Bilingual>;

export type RowValues = { ok: true; values: Map<string, ImportValue>; category: string } | { ok: false; reason: string };

export function rowValues(table: Table, row: TableRow, mapping: ImportMapping, schema: Schema, lang: Lang = 'en'): RowValues {
  return rowReader(table, mapping, schema, lang)(row);
}

/**
 * rowValues for every row of one table: the mapped columns worked out once, and each column's text cells
 * converted once per distinct value (memo.ts); a list's value, an array, is converted for every row.
 */
export function rowReader(table: Table, mapping: ImportMapping, schema: Schema, lang: Lang = 'en'): (row: TableRow) => RowValues {
  const columns: { at: number; header: string; field: string; def: FieldDef | undefined }[] = [];
  for (let i = 0; i < table.headers.length; i++) {
    const field = mapping.columns.get(table.headers[i]);
    if (field) columns.push({ at: i, header: table.headers[i], field, def: schema.fields.get(field) });
  }
  const defs = new Map(columns.map((c) => [String(c.at), c.def]));
  const convertText = memoByKey((at, text): Converted => convertCell(text, defs.get(at), schema, lang));
  return (row) => {
    const values = new Map<string, ImportValue>();
    for (const col of columns) {
      const cell = row.cells[col.at] ?? null;
      const c = typeof cell === 'string' && col.def?.type !== 'list' ? convertText(String(col.at), cell) : convertCell(cell, col.def, schema, lang);
      if (!c.ok) return { ok: false, reason: `${col.header}: ${c.message}` };
      if (c.value !== undefined && !(Array.isArray(c.value) && !c.value.length)) values.set(col.field, c.value);
    }
    const category = values.get('category') ?? mapping.category;
    if (typeof category !== 'string') return { ok: false, reason: say(lang, MSG.noCategory) };
    if (!schema.categories.has(category)) return { ok: false, reason: say(lang, MSG.unknownCategory, { category: JSON.stringify(category) }) };
    values.set('category', category);
    for (const [f, template] of mapping.defaults) {
      if (values.has(f)) continue;
      const v = fillTemplate(template, values).trim();
      if (v) values.set(f, v);
    }
    return { ok: true, values, category };
  };
}
