/**
 * A sheet of typed cells (sheet.ts) as an .xlsx workbook, by exceljs's streaming writer: rows are written as
 * they come and the zip is deflated as a stream, so 100,000 rows take neither a copy of the whole sheet in
 * memory nor one long computation. Text columns have the Text format (`@`), so a person who later edits an
 * ID number in Excel keeps it text; text is stored as strings, never as formulas (exceljs makes a formula only
 * of a `{ formula }` value, which nothing here builds), so `=HYPERLINK(…)` in a record is shown, never run.
 *
 * This module lives in the lazily loaded exceljs bundle (dist/xlsx-reader.js), which also runs as the
 * writer's worker thread: see serveSheetWriter.
 */
import ExcelJS from 'exceljs';
import { setPriority } from 'os';
import { PassThrough } from 'stream';
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { SHEET_WRITER_TASK, type SheetCell, type SheetKind, type SheetSpec } from './sheet';

const FORMATS: Record<SheetKind, string | undefined> = {
  text: '@',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  number: undefined,
  money: '#,##0.00',
  boolean: undefined,
};

/** The workbook's bytes: one sheet, a bold frozen header row with filters, then every row `rows` gives. */
export async function writeSheetXlsx(spec: SheetSpec, rows: AsyncIterable<SheetCell[][]>): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ width: c.width, style: FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {} }));
  const head = ws.addRow(spec.columns.map((c) => c.header));
  head.font = { bold: true };
  head.commit();
  let count = 0;
  for await (const batch of rows) {
    for (const cells of batch) {
      ws.addRow(cells).commit();
      count++;
    }
  }
  if (spec.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: count + 1, column: spec.columns.length } };
  ws.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

/** What the host sends the writer's worker: batches of rows, then the end. */
export type SheetWriterMessage = { rows: SheetCell[][] } | { end: true };

/** What the worker answers: the workbook (its buffer transferred), or why not. */
export type SheetWriterReply = { bytes: Uint8Array } | { error: string };

/**
 * When this bundle was started as a worker for writing a sheet (workerData.task), writes the rows the host
 * posts and answers with the bytes. Loaded as a library (an import reading a workbook), it does nothing.
 */
export function serveSheetWriter(): void {
  const data = workerData as { task?: string; spec?: SheetSpec } | undefined;
  if (isMainThread || !parentPort || data?.task !== SHEET_WRITER_TASK || !data.spec) return;
  const port = parentPort;
  // On Linux each thread has its own nice value: the writer gives way to the extension host when the cores are
  // busy. Elsewhere the call would lower the whole process, the host with it, so it is not made.
  if (process.platform === 'linux') setPriority(10);
  const queue: SheetCell[][][] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  port.on('message', (m: SheetWriterMessage) => {
    if ('rows' in m) queue.push(m.rows);
    else ended = true;
    wake?.();
  });
  async function* batches(): AsyncIterable<SheetCell[][]> {
    for (;;) {
      const next = queue.shift();
      if (next) yield next;
      else if (ended) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  writeSheetXlsx(data.spec, batches()).then(
    (bytes) => {
      const copy = new Uint8Array(bytes);
      port.postMessage({ bytes: copy } satisfies SheetWriterReply, [copy.buffer]);
    },
    (err: unknown) => port.postMessage({ error: err instanceof Error ? err.message : String(err) } satisfies SheetWriterReply),
  );
}
