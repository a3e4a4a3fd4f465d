/**
 * The records table as the extension host keeps it: the records a query selects (the Records view's
 * filter syntax plus a filter per column), grouped and sorted, as one list of lines — group headings and
 * rows — of which the webview asks only for the window it shows. Built in slices: 100,000 records never
 * hold the extension host for more than a slice.
 */
import { forEachInSlices } from '../async/slices';
import { matches, parseFilter, type Filter } from '../index/filter';
import type { Lang } from '../model/lang';
import type { RecordEntry } from '../model/records';
import type { Schema } from '../model/schema';
import { cellText, rawValue, FILE_COLUMN, type Column } from './columns';
import { collator, dateKey, mapInSlices, numberKey, rankTexts, sortInSlices, type SortSlices } from './sort';

export type TableGroupBy = 'none' | 'category' | 'customer' | 'disposition';
export const TABLE_GROUPINGS: readonly TableGroupBy[] = ['none', 'category', 'customer', 'disposition'];

export interface TableQuery {
  /** The Records view's filter: words and `field=value` terms (Chinese names, quoted values). */
  filter: string;
  /** Per column: text its cells must contain (any case), as shown or as written. */
  columnFilters: Readonly<Record<string, string>>;
  sort?: { key: string; descending: boolean };
  groupBy: TableGroupBy;
}

/** What the table shows of a record besides its fields, worked out by the caller (the index knows it). */
export interface TableFacts {
  problems(r: RecordEntry): { errors: number; warnings: number };
  /** The record's disposition as every view shows it (due, hold, …). */
  disposition(r: RecordEntry): string;
}

export interface TableSource {
  records: () => Iterable<RecordEntry>;
  schema: Schema;
  lang: Lang;
  columns: readonly Column[];
  facts: TableFacts;
  /** Dispositions in the order their groups are shown. */
  dispositionOrder: readonly string[];
  /** A group's heading: the category's label, the customer, the disposition in words. */
  groupLabel(by: TableGroupBy, key: string): string;
}

export interface TableGroup {
  key: string;
  label: string;
  count: number;
}

export type WindowLine =
  | { kind: 'group'; line: number; label: string; count: number }
  | {
      kind: 'row';
      line: number;
      /** Stable while the view lasts: the row's place in `rows`. */
      row: number;
      /** `path#index`: the record, across views. */
      key: string;
      cells: string[];
      raw: string[];
      errors: number;
      warnings: number;
      disposition: string;
    };

export const recordKey = (r: Pick<RecordEntry, 'file' | 'index'>): string => `${r.file}#${r.index}`;

export class TableView {
  constructor(
    readonly source: TableSource,
    readonly query: TableQuery,
    /** The selected records, grouped and sorted. */
    readonly rows: readonly RecordEntry[],
    /** Each line: a row's index in `rows`, or -(group + 1) for a group's heading. */
    readonly lines: Int32Array,
    readonly groups: readonly TableGroup[],
  ) {}

  get lineCount(): number {
    return this.lines.length;
  }

  /** Lines `start` … `start + count` with the cells of `columns`: what the webview shows, never all of it. */
  window(start: number, count: number, columns: readonly Column[]): WindowLine[] {
    const out: WindowLine[] = [];
    const from = Math.max(0, Math.floor(start));
    const to = Math.min(this.lines.length, from + Math.max(0, Math.min(500, Math.floor(count))));
    for (let line = from; line < to; line++) {
      const v = this.lines[line];
      if (v < 0) {
        const g = this.groups[-v - 1];
        out.push({ kind: 'group', line, label: g.label, count: g.count });
        continue;
      }
      const r = this.rows[v];
      const p = this.source.facts.problems(r);
      out.push({
        kind: 'row',
        line,
        row: v,
        key: recordKey(r),
        cells: columns.map((c) => cellText(r, c)),
        raw: columns.map((c) => rawValue(r, c.key)),
        errors: p.errors,
        warnings: p.warnings,
        disposition: this.source.facts.disposition(r),
      });
    }
    return out;
  }

  /** The line a row is on. */
  lineOfRow(row: number): number {
    return this.lines.indexOf(row);
  }
}

/** The view a query asks for; undefined when a newer query replaced it meanwhile. */
export async function buildView(source: TableSource, query: TableQuery, o: SortSlices = {}): Promise<TableView | undefined> {
  const filter = query.filter.trim() ? named(parseFilter(query.filter), source.schema) : undefined;
  const byKey = new Map(source.columns.map((c) => [c.key, c]));
  const perColumn = Object.entries(query.columnFilters)
    .map(([k, v]) => [byKey.get(k), v.trim().toLowerCase()] as const)
    .filter((e): e is readonly [Column, string] => e[0] !== undefined && e[1] !== '');
  const picked: RecordEntry[] = [];
  await forEachInSlices(
    () => [...source.records()],
    (r) => {
      if (!matches(r, filter, source.schema)) return;
      for (const [c, text] of perColumn) {
        if (!cellText(r, c).toLowerCase().includes(text) && !rawValue(r, c.key).toLowerCase().includes(text)) return;
      }
      picked.push(r);
    },
    { isCurrent: o.isCurrent },
  );
  if (o.isCurrent && !o.isCurrent()) return undefined;

  const groupKeys = await groupKeysOf(source, query.groupBy, picked, o);
  const sortKeys = await sortKeysOf(source, query.sort && byKey.get(query.sort.key), picked, o);
  if (!groupKeys || !sortKeys) return undefined;
  const desc = query.sort?.descending ? -1 : 1;
  const order = await sortInSlices(
    picked.map((_, i) => i),
    (a, b) => {
      const g = groupKeys.keys[a] - groupKeys.keys[b];
      if (g) return g;
      const ka = sortKeys[a];
      const kb = sortKeys[b];
      // Empty values last, whichever way the column sorts.
      if (Number.isNaN(ka) || Number.isNaN(kb)) return Number.isNaN(ka) ? (Number.isNaN(kb) ? 0 : 1) : -1;
      return (ka - kb) * desc;
    },
    o,
  );
  if (!order) return undefined;
  const rows = order.map((i) => picked[i]);
  if (query.groupBy === 'none') return new TableView(source, query, rows, Int32Array.from(rows.keys()), []);
  const groups: TableGroup[] = [];
  const lines: number[] = [];
  let last = NaN;
  order.forEach((i, row) => {
    const g = groupKeys.keys[i];
    if (g !== last) {
      last = g;
      const key = groupKeys.names[i];
      groups.push({ key, label: source.groupLabel(query.groupBy, key), count: 0 });
      lines.push(-groups.length);
    }
    groups[groups.length - 1].count++;
    lines.push(row);
  });
  return new TableView(source, query, rows, Int32Array.from(lines), groups);
}

/** A term's field by its name, an alias the files write (`客户`), or its label in either language (`Customer`, `客户`). */
function named(f: Filter, schema: Schema): Filter {
  const byLabel = new Map<string, string>();
  for (const d of schema.fields.values()) byLabel.set(d.label.zh, d.name).set(d.label.en.toLowerCase(), d.name);
  const name = (n: string) => (schema.fields.has(n) ? n : (schema.aliases.keys.get(n) ?? byLabel.get(n) ?? byLabel.get(n.toLowerCase()) ?? n));
  return { ...f, fields: f.fields.map(([n, v]) => [name(n), v]) };
}

async function groupKeysOf(
  source: TableSource,
  by: TableGroupBy,
  rows: readonly RecordEntry[],
  o: SortSlices,
): Promise<{ keys: Float64Array; names: string[] } | undefined> {
  const keys = new Float64Array(rows.length);
  if (by === 'none') return { keys, names: [] };
  const names = await mapInSlices(rows, (r) => (by === 'disposition' ? source.facts.disposition(r) : rawValue(r, by)), o);
  if (!names) return undefined;
  if (by === 'customer') {
    const ranks = await rankTexts(names, o);
    if (!ranks) return undefined;
    // No customer: the last group.
    names.forEach((n, i) => (keys[i] = n === '' ? Number.MAX_SAFE_INTEGER : ranks.get(n)!));
    return { keys, names };
  }
  const order = by === 'category' ? [...source.schema.categories.keys()] : [...source.dispositionOrder];
  names.forEach((n, i) => {
    const at = order.indexOf(n);
    keys[i] = at < 0 ? order.length + (n === '' ? 1 : 0) : at;
  });
  return { keys, names };
}

async function sortKeysOf(source: TableSource, column: Column | undefined, rows: readonly RecordEntry[], o: SortSlices): Promise<Float64Array | undefined> {
  const keys = new Float64Array(rows.length);
  if (!column) return keys;
  if (column.type === 'date' || column.type === 'datetime') {
    return (await mapInSlices(rows, (r, i) => (keys[i] = dateKey(rawValue(r, column.key))), o)) && keys;
  }
  if (column.type === 'number' || column.type === 'money') {
    return (await mapInSlices(rows, (r, i) => (keys[i] = numberKey(rawValue(r, column.key))), o)) && keys;
  }
  // Text (and enums, by their labels as shown): by pinyin; the file column by its path.
  const shown = await mapInSlices(rows, (r) => (column.key === FILE_COLUMN ? r.file : cellText(r, column)), o);
  const ranks = shown && (await rankTexts(shown, o));
  if (!shown || !ranks) return undefined;
  return (await mapInSlices(shown, (s, i) => (keys[i] = s === '' ? NaN : ranks.get(s)!), o)) && keys;
}

/** For tests and the CSV: the collator texts compare with. */
export { collator };
