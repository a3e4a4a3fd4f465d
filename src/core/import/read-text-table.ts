/**
 * CSV, TSV and JSON tables from text. CSV and TSV are read by csv-parse (quotes, doubled quotes, line breaks
 * inside cells, ragged rows); JSON must be an array of objects, and its numbers are kept as the digits
 * written, so an 18-digit ID or a contract number with leading zeros survives exactly.
 */
import { parse } from 'csv-parse/sync';
import { parseDocument } from 'yaml';
import { decodeTableBytes } from './decode-table';
import { tableFrom, type Cell, type Table, type TableRow } from './table';

export type TextTableKind = 'csv' | 'tsv' | 'json';

export type ReadTable = { ok: true; table: Table } | { ok: false; message: string; line?: number };

export function readTextTable(bytes: Uint8Array, kind: TextTableKind, known: (header: string) => boolean): ReadTable {
  const decoded = decodeTableBytes(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/^\uFEFF/, '');
  try {
    const raw = kind === 'json' ? jsonRows(text) : delimitedRows(text, kind === 'tsv' ? '\t' : delimiterOf(text));
    return { ok: true, table: tableFrom(raw, decoded.encoding, known, { headerFirst: kind === 'json' }) };
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

function delimitedRows(text: string, delimiter: string): TableRow[] {
  // csv-parse builds an error, stack trace and all, for every row whose length differs from the first row's —
  // and then drops it (relax_column_count). With a title row above the headers (as Chinese Excel ledgers have)
  // that is every row: at 20,000 rows most of the parsing time. The stack of its errors is never shown (only
  // the message and the line), so none is captured while it parses.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: false, skip_empty_lines: false, info: true }) as unknown as typeof records;
  } finally {
    Error.stackTraceLimit = limit;
  }
  // info.lines is the line a record ends on; a record spanning lines is reported at its first.
  return records.map((r) => ({ line: r.info.lines - (r.record.join('').match(/\n/g)?.length ?? 0), cells: r.record }));
}

/** Numbers outside strings become strings of their own digits before JSON.parse can round them. */
function exactNumbers(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g, (m) => (m.startsWith('"') ? m : JSON.stringify(m)));
}

/** JSON.parse keeps the last of two equal keys silently; the yaml parser (JSON is YAML) says where. */
function duplicateKey(text: string): { line: number; message: string } | undefined {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const dup = doc.errors.find((e) => e.code === 'DUPLICATE_KEY');
  return (
    dup && { line: dup.linePos?.[0].line ?? 1, message: 'an object has the same key twice; JSON readers would keep only the last, so the file is not imported' }
  );
}

function jsonRows(text: string): TableRow[] {
  const exact = exactNumbers(text);
  const dup = duplicateKey(exact);
  if (dup) throw Object.assign(new Error(dup.message), { lines: dup.line });
  const data: unknown = JSON.parse(exact);
  if (!Array.isArray(data)) throw new Error('a JSON table must be an array of objects');
  const keys: string[] = [];
  for (const item of data as unknown[]) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new Error('a JSON table must be an array of objects');
    for (const k of Object.keys(item)) if (!keys.includes(k)) keys.push(k);
  }
  const cell = (v: unknown): Cell => (v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : (v as string | boolean));
  const rows: TableRow[] = [{ line: 0, cells: keys }];
  (data as Record<string, unknown>[]).forEach((item, i) => rows.push({ line: i + 1, cells: keys.map((k) => cell(item[k])) }));
  return rows;
}
