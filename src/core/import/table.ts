/**
 * A table read from a file: its header row and its data rows, each with the line (or row) it came from, so
 * every message can say where. Cells are text as written (CSV, TSV, JSON) or what a spreadsheet cell held.
 */

/** A spreadsheet's number is kept with whether it could hold the digits it was meant to (an 18-digit ID cannot). */
import type { Lang } from '../model/lang';
import { say } from '../text/bilingual';
import { TABLE_MSG } from './table-messages';

export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  /** 1-based line (CSV, TSV), row (XLSX) or array position (JSON) for messages. */
  line: number;
  cells: Cell[];
}

export interface TableProblem {
  line: number;
  message: string;
}

export interface Table {
  /** Header names, trimmed; a repeated name gets ` (2)`, ` (3)`… so every column keeps its own name. */
  headers: string[];
  headerLine: number;
  rows: TableRow[];
  /** Encoding of a text file, or `xlsx`. */
  encoding: string;
  /** What was noticed reading it: repeated headers, rows before the header, numbers too long for a spreadsheet. */
  notes: TableProblem[];
}

/** Whether a row holds nothing but empty cells. */
export function emptyRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** A cell as text for a header or a message. */
export function cellText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : c.toISOString();
  return String(c);
}

/** How many of the first non-empty rows the header is looked for in. */
export const HEADER_SEARCH = 20;

/**
 * Picks the header row among the first rows: the one with the most cells that name a known field (a title
 * row such as 客户合同台账 above it names none), else the first row with two or more non-empty cells.
 */
export function findHeader(rows: readonly TableRow[], known: (header: string) => boolean): number {
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(rows.length, HEADER_SEARCH);
  for (let i = 0; i < limit; i++) {
    const score = rows[i].cells.filter((c) => known(cellText(c).trim())).length;
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  if (best >= 0) return best;
  const wide = rows.findIndex((r, i) => i < limit && r.cells.filter((c) => cellText(c).trim() !== '').length >= 2);
  return wide >= 0 ? wide : 0;
}

/** Builds the table from raw rows once the header is known: empty rows dropped, repeated headers named apart. */
export function tableFrom(
  raw: readonly TableRow[],
  encoding: string,
  known: (header: string) => boolean,
  o: { notes?: TableProblem[]; headerFirst?: boolean; lang?: Lang } = {},
): Table {
  const lang = o.lang ?? 'en';
  const notes = o.notes ?? [];
  const rows = raw.filter((r) => !emptyRow(r.cells));
  if (!rows.length) return { headers: [], headerLine: 0, rows: [], encoding, notes: [...notes, { line: 1, message: say(lang, TABLE_MSG.noRows) }] };
  const h = o.headerFirst ? 0 : findHeader(rows, known);
  const header = rows[h];
  if (h > 0) notes.push({ line: header.line, message: say(lang, h === 1 ? TABLE_MSG.headerLineOne : TABLE_MSG.headerLine, { line: header.line, count: h }) });
  const seen = new Map<string, number>();
  const headers = header.cells.map((c, i) => {
    const name = cellText(c).trim() || `column ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n === 1) return name;
    notes.push({
      line: header.line,
      message: say(lang, TABLE_MSG.headerTwice, { name: JSON.stringify(name), count: n, as: JSON.stringify(`${name} (${n})`) }),
    });
    return `${name} (${n})`;
  });
  return { headers, headerLine: header.line, rows: rows.slice(h + 1), encoding, notes };
}
