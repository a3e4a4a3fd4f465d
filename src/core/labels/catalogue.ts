/**
 * 归档文件目录 (catalogue of archived documents, DOMAIN.md §4): 序号, 档号, 文号, 责任者, 题名, 日期 (YYYYMMDD),
 * 密级, 页数, 备注 — only records with an archive number, in archive-number order.
 */
import type { RecordEntry } from '../model/records';
import type { Bilingual, Schema } from '../model/schema';
import { BASE_CSS, FONT_STACK, MONO_STACK } from './styles';
import { compactDate, compareArchiveNo, labelData } from './model';
import { csvDocument } from '../text/csv';
import { escapeHtml as e } from '../text/escape';
import { H } from './headings';
import { htmlDocument } from '../text/html';
import { normaliseLanguage, pick, type DocLang } from '../text/bilingual';

export const CATALOGUE_COLUMNS: readonly Bilingual[] = [H.seq, H.archiveNo, H.docNo, H.responsible, H.title, H.date, H.secrecy, H.pages, H.remarks];

/** The catalogue's rows (without header), each cell masked, ready to escape or quote. */
export function catalogueRows(records: readonly RecordEntry[], schema: Schema, language: DocLang): string[][] {
  const lang = language === 'en' ? 'en' : 'zh';
  const data = records.map((r) => labelData(r, schema, lang)).filter((d) => d.archiveNo !== '');
  data.sort((a, b) => compareArchiveNo(a.archiveNo, b.archiveNo) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return data.map((d, i) => [String(i + 1), d.archiveNo, d.docNo, d.responsible, d.title, compactDate(d.date), '', d.pages, '']);
}

export function renderCatalogueCsv(records: readonly RecordEntry[], schema: Schema, language: DocLang): string {
  const l = normaliseLanguage(language);
  return csvDocument([CATALOGUE_COLUMNS.map((c) => pick(c, l)), ...catalogueRows(records, schema, l)]);
}

export interface CatalogueOptions {
  language: DocLang;
  title: string;
  nonce?: string;
  cspSource?: string;
}

const CATALOGUE_CSS = `${BASE_CSS}
@page{size:A4;margin:15mm 12mm}
.catalogue{width:186mm;margin:8mm auto;padding:10mm 12mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3);font:9pt ${FONT_STACK}}
.catalogue h1{font-size:16pt;text-align:center;margin:0 0 4mm}
.catalogue table{width:100%;border-collapse:collapse}
.catalogue th,.catalogue td{border:0.3mm solid #000;padding:1mm;vertical-align:top;word-break:break-all}
.catalogue th{font-weight:bold;text-align:center}
.catalogue thead{display:table-header-group}
.catalogue tr{break-inside:avoid;page-break-inside:avoid}
.catalogue .no{font-family:${MONO_STACK};white-space:nowrap}
.catalogue .n{text-align:center;white-space:nowrap}
@media print{.catalogue{width:auto;margin:0;padding:0;box-shadow:none}}
`;

const CELL_CLASS = ['n', 'no', '', '', '', 'n', 'n', 'n', ''];

/** The catalogue as a printable standalone HTML document (same shell, CSP and toolbar marker as the labels). */
export function renderCatalogueHtml(records: readonly RecordEntry[], schema: Schema, options: CatalogueOptions): string {
  const l = normaliseLanguage(options.language);
  const head = CATALOGUE_COLUMNS.map((c) => `<th>${e(pick(c, l))}</th>`).join('');
  const rows = catalogueRows(records, schema, l)
    .map((r) => `<tr>${r.map((v, i) => `<td${CELL_CLASS[i] ? ` class="${CELL_CLASS[i]}"` : ''}>${e(v)}</td>`).join('')}</tr>`)
    .join('\n');
  const body = [
    '<main class="catalogue">',
    `<h1>${e(pick(H.catalogue, l))}</h1>`,
    `<table><thead><tr>${head}</tr></thead>`,
    `<tbody>\n${rows}\n</tbody></table>`,
    '</main>',
  ].join('\n');
  return htmlDocument({
    title: options.title,
    language: l,
    css: CATALOGUE_CSS,
    body,
    bodyClass: 'catalogue-doc',
    nonce: options.nonce,
    cspSource: options.cspSource,
  });
}
