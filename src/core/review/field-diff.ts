/** Field-by-field comparison of two versions of a record's front matter (plain values as the parser gives them). */
import { scalarText } from '../model/records';

export interface FieldChange {
  field: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Top-level front-matter fields compared by value (deep-equal for lists/maps); order: the after-record's
 * key order, then removed keys. A number and the string of the same digits differ (`1` ≠ `"1"`).
 */
export function fieldDiff(before: Readonly<Record<string, unknown>> | undefined, after: Readonly<Record<string, unknown>> | undefined): FieldChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const out: FieldChange[] = [];
  for (const field of Object.keys(a)) {
    if (!has(b, field)) out.push({ field, kind: 'added', after: a[field] });
    else if (!deepEqual(b[field], a[field])) out.push({ field, kind: 'changed', before: b[field], after: a[field] });
  }
  for (const field of Object.keys(b)) {
    if (!has(a, field)) out.push({ field, kind: 'removed', before: b[field] });
  }
  return out;
}

/** Structural equality of plain YAML values: scalars by `Object.is` (so NaN equals NaN), lists by order, maps by keys. */
export function deepEqual(x: unknown, y: unknown): boolean {
  if (Object.is(x, y)) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (x instanceof Date || y instanceof Date) return x instanceof Date && y instanceof Date && x.getTime() === y.getTime();
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    return x.every((v, i) => deepEqual(v, y[i]));
  }
  if (x instanceof Map || y instanceof Map) {
    if (!(x instanceof Map) || !(y instanceof Map) || x.size !== y.size) return false;
    for (const [k, v] of x) if (!y.has(k) || !deepEqual(v, y.get(k))) return false;
    return true;
  }
  const xo = x as Record<string, unknown>;
  const yo = y as Record<string, unknown>;
  const xk = Object.keys(xo);
  if (xk.length !== Object.keys(yo).length) return false;
  return xk.every((k) => has(yo, k) && deepEqual(xo[k], yo[k]));
}

/** Short one-line rendering for tables: strings as is, lists joined with ", " in [..], null/undefined as "—". */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${String(k)}: ${formatValue(x)}`).join(', ')}}`;
  if (typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${k}: ${formatValue(x)}`)
      .join(', ')}}`;
  return scalarText(v);
}
