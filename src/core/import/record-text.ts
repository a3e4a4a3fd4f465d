/**
 * A new record's text from imported values, and its path from the mapping's pattern. Values are written as
 * strings, quoted where plain YAML would read them as something else, so an 18-digit ID or a contract number
 * with leading zeros stays exactly as imported; whole numbers and booleans of typed fields stay plain.
 */
import { yamlScalar } from '../fix/scalars';
import type { Schema } from '../model/schema';
import { newRecordFields } from '../new-record/new-record';
import { memoByKey } from './memo';

export type ImportValue = string | string[];

/** Removes what a file or folder name cannot hold, and leading dots (no `..`, no hidden folders). */
export function pathSegment(value: ImportValue): string {
  const s = (Array.isArray(value) ? value.join('-') : value)
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '-')
    .replace(/[\s\u3000]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return s.length > 80 ? s.slice(0, 80).replace(/[-.]+$/, '') : s;
}

/** The pattern with each `{field}` replaced; a field the row has no value for is named in `missing`. */
export function fillPattern(
  pattern: string,
  values: ReadonlyMap<string, ImportValue>,
  segment: (field: string, value: ImportValue) => string = (_, v) => pathSegment(v),
): { path: string; missing: string[] } {
  const missing: string[] = [];
  const path = pattern.replace(/\{([a-z_][a-z0-9_]*)\}/g, (_, f: string) => {
    const v = values.get(f);
    const seg = v === undefined ? '' : segment(f, v);
    if (!seg) missing.push(f);
    return seg || '_';
  });
  return { path, missing };
}

/** `{field}` in a default value, from the row. */
export function fillTemplate(template: string, values: ReadonlyMap<string, ImportValue>): string {
  return template.replace(/\{([a-z_][a-z0-9_]*)\}/g, (_, f: string) => {
    const v = values.get(f);
    return v === undefined ? '' : Array.isArray(v) ? v.join('、') : v;
  });
}

function valueText(schema: Schema, field: string, v: ImportValue): string {
  if (Array.isArray(v)) return `[${v.map((item) => yamlScalar('', item, true)).join(', ')}]`;
  const type = schema.fields.get(field)?.type;
  if (type === 'boolean' && (v === 'true' || v === 'false')) return v;
  if ((type === 'number' || type === 'money') && /^(0|[1-9]\d{0,14})$/.test(v)) return v;
  return yamlScalar('', v);
}

/** Each category's field order, worked out once per schema rather than for every row of an import. */
const fieldOrders = new WeakMap<Schema, Map<string, string[]>>();

/** The fields a new record of the category has, in their order, then the schema's other fields in its order. */
function fieldOrder(schema: Schema, category: string): string[] {
  let orders = fieldOrders.get(schema);
  if (!orders) fieldOrders.set(schema, (orders = new Map<string, string[]>()));
  let order = orders.get(category);
  if (!order) {
    const first = newRecordFields(schema, category);
    orders.set(category, (order = [...first, ...[...schema.fields.keys()].filter((f) => !first.includes(f))]));
  }
  return order;
}

/** Fields in the order a new record of the category has them, then the others in schema order. */
export function recordText(
  schema: Schema,
  category: string,
  values: ReadonlyMap<string, ImportValue>,
  kind: 'markdown' | 'yaml',
  text: (field: string, value: ImportValue) => string = (f, v) => valueText(schema, f, v),
): string {
  const lines: string[] = [];
  for (const f of fieldOrder(schema, category)) {
    const v = values.get(f);
    if (v !== undefined) lines.push(`${f}: ${text(f, v)}`);
  }
  if (kind === 'yaml') return lines.join('\n') + '\n';
  const title = values.get('title');
  const heading = typeof title === 'string' && title.trim() ? `\n# ${title.replace(/[\r\n]+/g, ' ')}\n` : '';
  return ['---', ...lines, '---', ''].join('\n') + heading;
}

/** For many rows (memo.ts): each field's distinct values quoted, and made path segments, once. */
export function rowWriters(schema: Schema): {
  text: (field: string, value: ImportValue) => string;
  segment: (field: string, value: ImportValue) => string;
} {
  const text = memoByKey((f, v) => valueText(schema, f, v));
  const segment = memoByKey((_, v) => pathSegment(v));
  return {
    text: (f, v) => (typeof v === 'string' ? text(f, v) : valueText(schema, f, v)),
    segment: (f, v) => (typeof v === 'string' ? segment(f, v) : pathSegment(v)),
  };
}
