/**
 * The common CSV read without csv-parse: one pass over the text, no object per record besides its row.
 * csv-parse took most of a 100,000-row import's reading time (and an `info` object for every record, which
 * the collector then carried). This reader gives exactly what csv-parse gives (the rows, and each row's line
 * as `parseDelimited` works it out) for the text it takes, and takes only text whose reading is certain: one
 * kind of line break throughout (CRLF or LF), quotes only around whole fields, every quote closed. Anything
 * else — a stray quote (csv-parse's error), a lone CR, mixed line breaks — returns undefined, and csv-parse
 * reads it as before. test/unit/import-fast-csv.test.ts compares the two on generated text.
 */
import type { TableRow } from './table';

const QUOTE = 34;
const CR = 13;
const LF = 10;

function count(text: string, c: string): number {
  let n = 0;
  for (let i = text.indexOf(c); i !== -1; i = text.indexOf(c, i + 1)) n++;
  return n;
}

/** The rows of `text` split by `delimiter` (one character), or undefined when csv-parse must read it. */
export function fastCsvRows(text: string, delimiter: string): TableRow[] | undefined {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') return undefined;
  const crs = count(text, '\r');
  const crlf = crs > 0;
  // CRLF throughout (every CR before an LF, every LF after a CR) or LF throughout.
  if (crlf && (count(text, '\r\n') !== crs || count(text, '\n') !== crs)) return undefined;
  const d = delimiter.charCodeAt(0);
  const eolLength = crlf ? 2 : 1;
  const rows: TableRow[] = [];
  const n = text.length;
  // csv-parse's count of lines: one for each line break between records, and inside a quoted field one for
  // each CR and each LF (a CRLF there counts two); a row's line is that count at its end, less its cells' LFs.
  let lines = 1;
  let pos = 0;
  while (pos < n) {
    const cells: string[] = [];
    let breaks = 0;
    for (;;) {
      let cell: string;
      if (text.charCodeAt(pos) === QUOTE) {
        let from = pos + 1;
        cell = '';
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) return undefined; // not closed: csv-parse's error
          if (text.charCodeAt(q + 1) === QUOTE) {
            cell += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          cell += text.slice(from, q);
          pos = q + 1;
          break;
        }
        if (cell.includes('\r') || cell.includes('\n')) {
          const lfs = count(cell, '\n');
          lines += lfs + count(cell, '\r');
          breaks += lfs;
        }
        const next = text.charCodeAt(pos);
        if (pos < n && next !== d && next !== CR && next !== LF) return undefined; // text after the closing quote
      } else {
        let end = pos;
        for (; end < n; end++) {
          const c = text.charCodeAt(end);
          if (c === d || c === CR || c === LF) break;
          if (c === QUOTE) return undefined; // a quote inside a field: csv-parse's error
        }
        cell = text.slice(pos, end);
        pos = end;
      }
      cells.push(cell);
      if (pos >= n) break;
      if (text.charCodeAt(pos) === d) {
        pos++;
        continue;
      }
      pos += eolLength; // the record's line break
      break;
    }
    rows.push({ line: lines - breaks, cells });
    lines++;
  }
  return rows;
}
