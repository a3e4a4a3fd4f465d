/**
 * The table as shown, as a standalone page to print: its rows in their order, its visible columns, a heading
 * with the filter and the count. No script at all (the strict CSP of a standalone document); every value
 * escaped; built in slices, so 100,000 rows do not hold the extension host.
 */
import { forEachInSlices } from '../async/slices';
import type { Lang } from '../model/lang';
import { escapeHtml } from '../text/escape';
import { htmlDocument } from '../text/html';
import { cellText, type Column } from './columns';
import type { TableView } from './view';

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
body { font: 10pt/1.35 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", system-ui, sans-serif; color: #000; margin: 0; }
h1 { font-size: 13pt; margin: 0 0 2mm; }
p.meta { margin: 0 0 4mm; color: #333; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #555; padding: 1mm 1.5mm; text-align: left; vertical-align: top; word-break: break-word; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
`;

export interface TablePrintOptions {
  lang: Lang;
  title: string;
  /** The filter the view shows, as typed (printed so the page says what it is a list of). */
  filter?: string;
  /** The day it is printed (YYYY-MM-DD). */
  date: string;
}

export async function tablePrintHtml(view: TableView, columns: readonly Column[], o: TablePrintOptions): Promise<string> {
  const zh = o.lang === 'zh';
  const head = `<tr><th>#</th>${columns.map((c) => `<th>${escapeHtml(zh ? c.label.zh : c.label.en)}</th>`).join('')}</tr>`;
  const rows: string[] = [];
  await forEachInSlices(view.rows, (r) => {
    rows.push(`<tr><td>${rows.length + 1}</td>${columns.map((c) => `<td>${escapeHtml(cellText(r, c))}</td>`).join('')}</tr>`);
  });
  const meta = [
    zh ? `共 ${view.rows.length} 条记录` : `${view.rows.length} record${view.rows.length === 1 ? '' : 's'}`,
    o.filter ? (zh ? `筛选：${o.filter}` : `filter: ${o.filter}`) : '',
    zh ? `打印日期 ${o.date}` : `printed ${o.date}`,
  ].filter(Boolean);
  const body = [
    `<h1>${escapeHtml(o.title)}</h1>`,
    `<p class="meta">${escapeHtml(meta.join(' · '))}</p>`,
    `<table><thead>${head}</thead><tbody>`,
    rows.join('\n'),
    '</tbody></table>',
  ].join('\n');
  return htmlDocument({ title: o.title, language: o.lang, css: CSS, body });
}
