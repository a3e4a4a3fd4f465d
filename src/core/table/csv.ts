/** The table as shown (its rows in their order, its visible columns) as CSV for spreadsheets. */
import { forEachInSlices } from '../async/slices';
import type { Lang } from '../model/lang';
import { csvLine } from '../text/csv';
import { cellText, type Column } from './columns';
import type { TableView } from './view';

/** UTF-8 with a BOM and CRLF (csvDocument's form), record text guarded against formulas; built in slices. */
export async function tableCsv(view: TableView, columns: readonly Column[], lang: Lang): Promise<string> {
  const parts: string[] = ['\uFEFF', csvLine(columns.map((c) => (lang === 'zh' ? c.label.zh : c.label.en)))];
  await forEachInSlices(view.rows, (r) => parts.push(csvLine(columns.map((c) => cellText(r, c)))));
  return parts.join('');
}
