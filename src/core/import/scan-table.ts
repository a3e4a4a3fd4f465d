/**
 * A mapping table of scans to records: a CSV (or TSV) whose first column names each scan, relative to the
 * scans folder, and whose second holds the record's key — under a `key` header (the mapping's `key:` field,
 * default contract_no) or under a field's own header (`contract_no`, 合同编号). Decoded as any imported table
 * (UTF-8, GBK, a BOM). A row naming a path that climbs out (`../x.pdf`), an absolute path or a scan twice is
 * rejected; the rest of the table still counts.
 */
import type { Schema } from '../model/schema';
import { pathSyntaxProblem } from '../io/paths';
import type { Lang } from '../model/lang';
import { say } from '../text/bilingual';
import { SCAN_MSG } from './scan-messages';
import { headerGuesser } from './headers';
import { readTextTable } from './read-text-table';
import { cellText } from './table';

export interface ScanTable {
  /** The record field the keys are values of. */
  key: string;
  /** Scan name (NFC, `/`-separated, relative to the scans folder) → its row. */
  rows: Map<string, { line: number; key: string }>;
  rejected: { line: number; reason: string }[];
}

const FILE_HEADER = /^(file|filename|scan|path|文件|文件名|扫描件)$/i;

export function readScanTable(
  bytes: Uint8Array,
  file: string,
  schema: Schema,
  key: string | undefined,
  lang: Lang = 'en',
): { ok: true; table: ScanTable } | { ok: false; message: string } {
  const guess = headerGuesser(schema);
  const known = (h: string) => FILE_HEADER.test(h.trim()) || /^key$/i.test(h.trim()) || guess(h) !== undefined;
  const kind = /\.tsv$|\.txt$/i.test(file) ? 'tsv' : 'csv';
  const read = readTextTable(bytes, kind, known, lang);
  if (!read.ok) return { ok: false, message: say(lang, SCAN_MSG.tableAt, { path: `${file}${read.line ? `:${read.line}` : ''}`, message: read.message }) };
  const t = read.table;
  if (t.headers.length < 2 || !FILE_HEADER.test(t.headers[0]))
    return { ok: false, message: say(lang, SCAN_MSG.tableColumns, { path: file, headers: t.headers.join(',') || say(lang, SCAN_MSG.nothing) }) };
  const second = t.headers[1].trim();
  const field = /^key$/i.test(second) ? (key ?? 'contract_no') : guess(second);
  if (!field || !schema.fields.has(field)) return { ok: false, message: say(lang, SCAN_MSG.tableSecond, { path: file, column: JSON.stringify(second) }) };
  const table: ScanTable = { key: field, rows: new Map(), rejected: [] };
  for (const row of t.rows) {
    const name = cellText(row.cells[0] ?? null)
      .trim()
      .normalize('NFC')
      .replace(/^\.\/+/, '');
    const value = cellText(row.cells[1] ?? null).trim();
    const reject = (reason: string) => table.rejected.push({ line: row.line, reason });
    if (!name) reject(say(lang, SCAN_MSG.noFileNamed));
    else if (pathSyntaxProblem(name)) reject(say(lang, SCAN_MSG.notInside, { name: JSON.stringify(name) }));
    else if (!value) reject(say(lang, SCAN_MSG.noValue, { name, field }));
    else if (table.rows.has(name)) reject(say(lang, SCAN_MSG.namedAgain, { name, line: table.rows.get(name)!.line }));
    else table.rows.set(name, { line: row.line, key: value });
  }
  return { ok: true, table };
}
