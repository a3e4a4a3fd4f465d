/**
 * dist/xlsx-reader.js, the one bundle with exceljs in it (about 380 KB compressed), loaded only when a
 * workbook is read (import) or written (the table's export): every other start goes without it. Reading and
 * writing share it — a second bundle would ship exceljs twice. Started as a worker thread by the table's
 * export, it writes the sheet the host posts (serveSheetWriter); loaded with require, it only exports.
 */
import { serveSheetWriter } from './write-xlsx';

export { readXlsx } from '../import/read-xlsx';
export { writeSheetXlsx } from './write-xlsx';

serveSheetWriter();
