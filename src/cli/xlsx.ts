/**
 * Reading .xlsx, loaded only when a workbook is imported: the reader (exceljs) is its own bundle beside this
 * one, dist/xlsx-reader.js, so `check` and every other command start without it.
 */
import { createRequire } from 'module';
import * as path from 'path';
import type { ReadTable } from '../core/import/read-text-table';

type Reader = typeof import('../core/import/read-xlsx');

let reader: Reader | undefined;

export function readXlsxTable(bytes: Uint8Array, known: (header: string) => boolean): Promise<ReadTable> {
  reader ??= createRequire(__filename)(path.join(__dirname, 'xlsx-reader.js')) as Reader;
  return reader.readXlsx(bytes, known);
}
