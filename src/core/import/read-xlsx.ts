/**
 * An .xlsx workbook's first sheet with data, as a table, read by exceljs. A formula cell gives the value
 * Excel cached when it last calculated; nothing is ever evaluated, and a formula without a cached value is
 * an empty cell with a note. Cells of a merged range read as the range's value. Dates formatted as dates come
 * as dates. A number is passed on as the number the file holds: the import refuses one with more than 15
 * digits, which a spreadsheet cannot hold exactly (an 18-digit ID stored as a number is already rounded).
 *
 * This module is bundled on its own (dist/xlsx-reader.js) and loaded only when an .xlsx is imported, so
 * the rest of the tool does not load exceljs.
 */
import ExcelJS from 'exceljs';
import type { ReadTable } from './read-text-table';
import type { Lang } from '../model/lang';
import { say } from '../text/bilingual';
import { TABLE_MSG } from './table-messages';
import { tableFrom, type Cell, type TableProblem, type TableRow } from './table';

type CellValue = ExcelJS.CellValue;

function cellOf(v: CellValue, line: number, column: number, notes: TableProblem[], lang: Lang): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) {
      notes.push({ line, message: say(lang, TABLE_MSG.formula, { column }) });
      return null;
    }
    if (typeof result === 'object' && !(result instanceof Date)) return null;
    return result;
  }
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : v.hyperlink;
  if ('error' in v) {
    notes.push({ line, message: say(lang, TABLE_MSG.cellError, { column, error: v.error }) });
    return null;
  }
  return null;
}

export async function readXlsx(bytes: Uint8Array, known: (header: string) => boolean, lang: Lang = 'en'): Promise<ReadTable> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { ok: false, message: say(lang, TABLE_MSG.xls) };
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, message: say(lang, TABLE_MSG.notZip) };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    return { ok: false, message: say(lang, TABLE_MSG.workbook, { why: err instanceof Error ? err.message : String(err) }) };
  }
  const sheets = wb.worksheets.filter((s) => s.actualRowCount > 0);
  const sheet = sheets[0];
  if (!sheet) return { ok: false, message: say(lang, TABLE_MSG.noSheet) };
  const notes: TableProblem[] = [];
  if (sheets.length > 1) notes.push({ line: 1, message: say(lang, TABLE_MSG.sheets, { count: sheets.length, name: JSON.stringify(sheet.name) }) });
  const rows: TableRow[] = [];
  const width = sheet.actualColumnCount || sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= Math.max(width, row.cellCount); c++) cells.push(cellOf(row.getCell(c).value, line, c, notes, lang));
    rows.push({ line, cells });
  });
  return { ok: true, table: tableFrom(rows, `xlsx, sheet ${sheet.name}`, known, { notes, lang }) };
}
