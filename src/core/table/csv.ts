/** The table as shown (its rows in their order, its visible columns) as CSV for spreadsheets. */
import { forEachInSlices } from '../async/slices';
import type { Lang } from '../model/lang';
import { csvLine } from '../text/csv';
import { cellText, type Column } from './columns';
import type { TableView } from './view';

/** Lines encoded together: no string of the whole file (100,000 rows are 12 MB), few small buffers. */
const LINES_PER_CHUNK = 1000;

/**
 * UTF-8 with a BOM and CRLF (csvDocument's form), record text guarded against formulas; built in slices, as
 * the file's bytes in chunks to write one after another.
 */
export async function tableCsvChunks(view: TableView, columns: readonly Column[], lang: Lang): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  let lines: string[] = ['\uFEFF', csvLine(columns.map((c) => (lang === 'zh' ? c.label.zh : c.label.en)))];
  await forEachInSlices(view.rows, (r) => {
    lines.push(csvLine(columns.map((c) => cellText(r, c))));
    if (lines.length >= LINES_PER_CHUNK) {
      chunks.push(Buffer.from(lines.join(''), 'utf8'));
      lines = [];
    }
  });
  if (lines.length) chunks.push(Buffer.from(lines.join(''), 'utf8'));
  return chunks;
}

/** The same as one text. */
export async function tableCsv(view: TableView, columns: readonly Column[], lang: Lang): Promise<string> {
  return Buffer.concat(await tableCsvChunks(view, columns, lang)).toString('utf8');
}
