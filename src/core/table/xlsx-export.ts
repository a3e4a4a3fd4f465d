/**
 * The table as shown, as an .xlsx workbook, written in a worker thread: exceljs takes seconds over 100,000
 * rows, which would hold the extension host, so the host only turns rows into cells (in slices) and posts
 * them; the worker is the lazily loaded exceljs bundle (dist/xlsx-reader.js), started as the sheet writer.
 * This module does not load exceljs itself.
 */
import { Worker } from 'worker_threads';
import type { Lang } from '../model/lang';
import type { Column } from './columns';
import { SHEET_WRITER_TASK, sheetBatches, sheetColumns, sheetName, type SheetSpec } from './sheet';
import type { TableView } from './view';

export interface TableXlsxOptions {
  /** The exceljs bundle (dist/xlsx-reader.js), run as the writer's worker. */
  bundle: string;
  lang: Lang;
  /** The sheet's title (its tab). */
  title: string;
}

/** The workbook's bytes; rejects with the writer's reason when it fails. */
export function tableXlsx(view: TableView, columns: readonly Column[], o: TableXlsxOptions): Promise<Uint8Array> {
  const spec: SheetSpec = { name: sheetName(o.title), columns: sheetColumns(view, columns, o.lang) };
  // exceljs calls the deprecated Buffer(): said once per export on the host's output, of no use to anyone there.
  const worker = new Worker(o.bundle, { workerData: { task: SHEET_WRITER_TASK, spec }, execArgv: ['--no-deprecation'] });
  return new Promise<Uint8Array>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: { bytes?: Uint8Array; error?: string }) =>
      settle(() => (m.bytes ? resolve(m.bytes) : reject(new Error(m.error ?? 'the workbook writer gave no answer')))),
    );
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the workbook writer stopped (exit code ${code})`))));
    sheetBatches(view, columns, (rows) => worker.postMessage({ rows })).then(
      () => worker.postMessage({ end: true }),
      (err: unknown) => settle(() => reject(err instanceof Error ? err : new Error(String(err)))),
    );
  });
}
