/**
 * CSV, TSV and JSON tables from text. CSV and TSV are read by csv-parse (quotes, doubled quotes, line breaks
 * inside cells, ragged rows); JSON must be an array of objects, and its numbers are kept as the digits
 * written, so an 18-digit ID or a contract number with leading zeros survives exactly.
 */
import { parse } from 'csv-parse/sync';
import { parseDocument } from 'yaml';
import { decodeTableBytes } from './decode-table';
import type { Lang } from '../model/lang';
import { say } from '../text/bilingual';
import { TABLE_MSG } from './table-messages';
import { fastCsvRows } from './fast-csv';
import { emptyRow, findHeader, HEADER_SEARCH, tableFrom, type Cell, type Table, type TableRow } from './table';

export type TextTableKind = 'csv' | 'tsv' | 'json';

export type ReadTable = { ok: true; table: Table } | { ok: false; message: string; line?: number };

export function readTextTable(bytes: Uint8Array, kind: TextTableKind, known: (header: string) => boolean, lang: Lang = 'en'): ReadTable {
  const decoded = decodeTableBytes(bytes, lang);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/^\uFEFF/, '');
  try {
    const raw = kind === 'json' ? jsonRows(text, lang) : delimitedRows(text, kind === 'tsv' ? '\t' : delimiterOf(text), known);
    return { ok: true, table: tableFrom(raw, decoded.encoding, known, { headerFirst: kind === 'json', lang }) };
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return { ok: false, message: err instanceof Error ? err.message : String(err), line };
  }
}

/** A `.csv` that is really tab- or semicolon-separated (Excel's "Unicode text", European Excel): by its first line. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => first.split(c).length - 1;
  const [best] = [',', '\t', ';'].sort((a, b) => count(b) - count(a));
  return count(best) > 0 ? best : ',';
}

type Parsed = { record: string[]; info: { lines: number } }[];

function parseDelimited(text: string, delimiter: string, more: { to?: number; from_line?: number } = {}): TableRow[] {
  // The stack of csv-parse's errors is never shown (only the message and the line), so none is captured.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let records: Parsed;
  try {
    const options = { delimiter, relax_column_count: true, relax_quotes: false, skip_empty_lines: false, info: true, ...more };
    records = parse(text, options) as unknown as Parsed;
  } finally {
    Error.stackTraceLimit = limit;
  }
  // info.lines is the line a record ends on; a record spanning lines is reported at its first.
  return records.map((r) => ({ line: r.info.lines - (r.record.join('').match(/\n/g)?.length ?? 0), cells: r.record }));
}

/**
 * The rows, read from the header's line on. csv-parse builds an error (its message, a deep copy of its
 * context) for every row whose length differs from the first row's, and then drops it (relax_column_count):
 * with a title row above the headers, as Chinese Excel ledgers have, that was every row and most of the
 * parsing time. So the first rows are read to find the header as the table will (findHeader), and the rest
 * from the header's line, with the header as the first row; the rows above it are kept for the table's note.
 */
function delimitedRows(text: string, delimiter: string, known: (header: string) => boolean): TableRow[] {
  return fastCsvRows(text, delimiter) ?? csvParseRows(text, delimiter, known);
}

/** The rows as csv-parse reads them (exported for the test that compares fastCsvRows with it). */
export function csvParseRows(text: string, delimiter: string, known: (header: string) => boolean): TableRow[] {
  let first: TableRow[];
  for (let n = 4 * HEADER_SEARCH; ; n *= 4) {
    first = parseDelimited(text, delimiter, { to: n });
    if (first.length < n) return first;
    if (first.filter((r) => !emptyRow(r.cells)).length >= HEADER_SEARCH) break;
  }
  const nonEmpty = first.filter((r) => !emptyRow(r.cells));
  const header = nonEmpty[findHeader(nonEmpty, known)];
  const at = first.indexOf(header);
  if (at <= 0) return parseDelimited(text, delimiter);
  const rest = parseDelimited(text, delimiter, { from_line: header.line });
  // The header's line as counted (a quoted line break in a row above it could mislead it): else read it all.
  const same = rest[0]?.line === header.line && rest[0].cells.length === header.cells.length && rest[0].cells.every((c, i) => c === header.cells[i]);
  return same ? [...first.slice(0, at), ...rest] : parseDelimited(text, delimiter);
}

/** Numbers outside strings become strings of their own digits before JSON.parse can round them. */
function exactNumbers(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g, (m) => (m.startsWith('"') ? m : JSON.stringify(m)));
}

/** JSON.parse keeps the last of two equal keys silently; the yaml parser (JSON is YAML) says where. */
function duplicateKey(text: string, lang: Lang): { line: number; message: string } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const dup = doc.errors.find((e) => e.code === 'DUPLICATE_KEY');
  return dup && { line: dup.linePos?.[0].line ?? 1, message: say(lang, TABLE_MSG.duplicateKey) };
}

function jsonRows(text: string, lang: Lang): TableRow[] {
  const exact = exactNumbers(text);
  const dup = duplicateKey(exact, lang);
  if (dup) throw Object.assign(new Error(dup.message), { lines: dup.line });
  const data: unknown = JSON.parse(exact);
  if (!Array.isArray(data)) throw new Error(say(lang, TABLE_MSG.jsonArray));
  const keys: string[] = [];
  for (const item of data as unknown[]) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new Error(say(lang, TABLE_MSG.jsonArray));
    for (const k of Object.keys(item)) if (!keys.includes(k)) keys.push(k);
  }
  const cell = (v: unknown): Cell => (v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : (v as string | boolean));
  const rows: TableRow[] = [{ line: 0, cells: keys }];
  (data as Record<string, unknown>[]).forEach((item, i) => rows.push({ line: i + 1, cells: keys.map((k) => cell(item[k])) }));
  return rows;
}
