/** CSV as spreadsheet programs read it, with record text that cannot run as a formula. */

/** A plain number (-2000, +3.5, -1,234.50): what a spreadsheet would make of it is the number, no formula. */
const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/**
 * One CSV field: formula-injection guard, then RFC 4180 quoting. A leading `=`, `+`, `-` or `@` makes a cell a
 * formula — except in a plain number, which must stay a number (a refund of -2000 is not `'-2000`).
 */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v) && !NUMBER.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One CSV row with its CRLF. */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

/** CSV text with a UTF-8 BOM (spreadsheet programs then read Chinese correctly) and CRLF line ends. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map(csvLine).join('');
}
