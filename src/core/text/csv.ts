/** CSV as spreadsheet programs read it, with record text that cannot run as a formula. */

/** One CSV field: formula-injection guard, then RFC 4180 quoting. */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
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
