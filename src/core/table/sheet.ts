/**
 * The table as shown (its rows in order, its visible columns) as the cells of a spreadsheet, typed: a date a
 * date, an amount a number, and everything else — ID numbers, contract numbers, phone numbers, archive
 * numbers — text, so a spreadsheet never reads an 18-digit ID as a number (and rounds it) or `00123` as 123.
 * Text stays text whatever it starts with: the workbook stores it as a string, never as a formula. Nothing
 * here knows the file format (write-xlsx.ts does, in the lazily loaded exceljs bundle).
 */
import { forEachInSlices } from '../async/slices';
import type { Lang } from '../model/lang';
import type { RecordEntry } from '../model/records';
import { rawValue, type Column } from './columns';
import type { TableView } from './view';

/** How a column's cells are written: text (the spreadsheet's Text format, `@`), or a typed value. */
export type SheetKind = 'text' | 'date' | 'datetime' | 'number' | 'money' | 'boolean';

export interface SheetColumn {
  header: string;
  kind: SheetKind;
  /** In characters, as spreadsheets count them (a Chinese character counts two). */
  width: number;
}

/** A cell: text, a number, a boolean, a date (UTC midnight, or the wall-clock time as written), or empty. */
export type SheetCell = string | number | boolean | Date | null;

export interface SheetSpec {
  /** The sheet's tab (at most 31 characters, none of `[]:*?/\`). */
  name: string;
  columns: SheetColumn[];
}

/** What the exceljs bundle is told when started as the sheet writer's worker (write-xlsx.ts, xlsx-export.ts). */
export const SHEET_WRITER_TASK = 'records-curator:write-xlsx';

/** The most text one cell holds (Excel's limit); a longer value is cut there with an ellipsis. */
export const MAX_CELL_TEXT = 32767;

function kindOf(c: Column): SheetKind {
  switch (c.type) {
    case 'date':
    case 'datetime':
    case 'number':
    case 'money':
    case 'boolean':
      return c.type;
    default:
      return 'text';
  }
}

/** A sheet's tab name from a title: the characters a workbook refuses replaced, at most 31 characters. */
export function sheetName(title: string): string {
  const t = title.replace(/[[\]:*?/\\]/g, ' ').trim();
  return (t || 'Sheet1').slice(0, 31);
}

/** A value's width as a spreadsheet shows it: wide (CJK, fullwidth) characters count two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/** The text a cell shows: an allowed value by its label (in the table's language), a list joined, whole. */
function shownText(r: RecordEntry, c: Column): string {
  const raw = rawValue(r, c.key);
  const option = c.options?.find((o) => o.value === raw);
  const text = option ? option.label : raw;
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
/** A number a spreadsheet holds exactly: at most 15 significant digits, no leading zero, no exponent. */
const EXACT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

function realDate(y: number, m: number, d: number, h = 0, min = 0, s = 0): Date | undefined {
  const t = new Date(Date.UTC(y, m - 1, d, h, min, s));
  const same = t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && h < 24 && min < 60 && s < 60;
  return same ? t : undefined;
}

function exactNumber(s: string): number | undefined {
  if (!EXACT.test(s)) return undefined;
  const digits = s.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  return digits.length <= 15 ? Number(s) : undefined;
}

/**
 * One cell of a record: typed where the column's type says so and the value really is one (a real date, an
 * exact number); otherwise the text as the table shows it, so nothing is lost or changed on the way.
 */
export function sheetCell(r: RecordEntry, c: Column, kind: SheetKind = kindOf(c)): SheetCell {
  const raw = rawValue(r, c.key);
  if (raw === '') return null;
  const t = raw.trim();
  if (kind === 'date') {
    const m = DATE.exec(t);
    const d = m && realDate(+m[1], +m[2], +m[3]);
    if (d) return d;
  } else if (kind === 'datetime') {
    // Without a zone the time is the wall-clock time written; with one (Z, +08:00) it stays text, as written.
    const m = DATETIME.exec(t);
    const d = m && realDate(+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] ?? 0));
    if (d) return d;
  } else if (kind === 'number' || kind === 'money') {
    const n = exactNumber(t);
    if (n !== undefined) return n;
  } else if (kind === 'boolean') {
    if (t === 'true' || t === 'false') return t === 'true';
  }
  return shownText(r, c);
}

/** The sheet's columns: headers in the table's language, each column's kind and a width to read it by. */
export function sheetColumns(view: TableView, columns: readonly Column[], lang: Lang): SheetColumn[] {
  const sample = view.rows.slice(0, 200);
  return columns.map((c) => {
    const header = lang === 'zh' ? c.label.zh : c.label.en;
    const kind = kindOf(c);
    const widest = kind === 'text' ? Math.max(0, ...sample.map((r) => displayWidth(shownText(r, c)))) : kind === 'datetime' ? 16 : 12;
    return { header, kind, width: Math.min(60, Math.max(8, displayWidth(header) + 2, widest + 1)) };
  });
}

/**
 * The rows shown, as cells, handed to `fn` a batch at a time (in slices: 100,000 rows never hold the
 * extension host), for a writer that works elsewhere (a worker thread).
 */
export async function sheetBatches(view: TableView, columns: readonly Column[], fn: (rows: SheetCell[][]) => void, batch = 500): Promise<void> {
  const kinds = columns.map(kindOf);
  let rows: SheetCell[][] = [];
  await forEachInSlices(view.rows, (r) => {
    rows.push(columns.map((c, i) => sheetCell(r, c, kinds[i])));
    if (rows.length >= batch) {
      fn(rows);
      rows = [];
    }
  });
  if (rows.length) fn(rows);
}
