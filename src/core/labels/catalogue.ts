/**
 * 归档文件目录 (catalogue of archived documents), DA/T 22-2015 §5.5 and Appendix B: 序号, 档号, 文号, 责任者,
 * 题名, 日期 (YYYYMMDD), 密级, 页数, 备注, in archive-number order; A4 landscape (页面宜横向设置); bound per
 * year, each year's retention periods apart (可以按年装订成册，也可每年区分保管期限装订成册), each volume with a
 * cover (全宗号, 全宗名称, 年度, 保管期限, 机构(问题)). Items destroyed since stay listed, 备注 销毁.
 */
import { archiveFormat } from '../archive/expected';
import type { RecordEntry } from '../model/records';
import type { Bilingual, Schema } from '../model/schema';
import { retentionLabel } from '../retention/labels';
import { csvDocument } from '../text/csv';
import { escapeHtml as e } from '../text/escape';
import { htmlDocument } from '../text/html';
import { normaliseLanguage, pick, type DocLang } from '../text/bilingual';
import type { GoneItem } from './gone';
import { H } from './headings';
import { compactDate, compareArchiveNo, labelData, printableRecords } from './model';
import { BASE_CSS, FONT_STACK, MONO_STACK } from './styles';

export const CATALOGUE_COLUMNS: readonly Bilingual[] = [H.seq, H.archiveNo, H.docNo, H.responsible, H.title, H.date, H.secrecy, H.pages, H.remarks];
/** The CSV says which volume each row is bound in: its year and retention before the catalogue's own columns. */
export const CATALOGUE_CSV_COLUMNS: readonly Bilingual[] = [H.year, H.retention, ...CATALOGUE_COLUMNS];

/** One line of the catalogue, every cell masked, ready to escape or quote. */
export interface CatalogueEntry {
  archiveNo: string;
  docNo: string;
  responsible: string;
  title: string;
  /** YYYYMMDD. */
  date: string;
  secrecy: string;
  pages: string;
  remark: Bilingual;
  subject: string;
}

/** The items bound in one volume: one fonds, one year, one retention period. */
export interface CatalogueVolume {
  fonds: string;
  year: string;
  /** The retention code (Y, D30, D10…). */
  retention: string;
  /** The 机构(问题) codes of its items, in order, once each. */
  subjects: string[];
  entries: CatalogueEntry[];
}

/**
 * The catalogue's volumes. Only numbered records whose number agrees with the record (a contradicted number is
 * refused, as on labels) and the gone items; the year and retention come from the archive number, which the
 * check holds to the record's governing retention.
 */
export function catalogueVolumes(records: readonly RecordEntry[], schema: Schema, gone: readonly GoneItem[] = []): CatalogueVolume[] {
  const format = archiveFormat(schema);
  const entries: CatalogueEntry[] = [];
  for (const r of printableRecords(records, schema).ok) {
    const d = labelData(r, schema, 'zh');
    if (d.archiveNo === '') continue;
    entries.push({ ...d, date: compactDate(d.date), secrecy: '' });
  }
  const listed = new Set(entries.map((x) => x.archiveNo));
  for (const g of gone) {
    if (listed.has(g.archiveNo) || !format.parse(g.archiveNo)) continue;
    entries.push({ ...g, docNo: '', responsible: '', secrecy: '', pages: '', date: compactDate(g.date), subject: format.parse(g.archiveNo)!.subject });
  }
  entries.sort((a, b) => compareArchiveNo(a.archiveNo, b.archiveNo));
  const volumes = new Map<string, CatalogueVolume>();
  for (const x of entries) {
    const p = format.parse(x.archiveNo);
    const key = p ? `${p.fonds}\u0000${p.year}\u0000${p.retention}` : '';
    let v = volumes.get(key);
    if (!v) volumes.set(key, (v = { fonds: p?.fonds ?? '', year: p?.year ?? '', retention: p?.retention ?? '', subjects: [], entries: [] }));
    if (x.subject && !v.subjects.includes(x.subject)) v.subjects.push(x.subject);
    v.entries.push(x);
  }
  // Years in order, and within a year the longer periods first: permanent, then 30 years, then 10.
  const order = (code: string) => (code === 'Y' ? 10000 : Number(code.slice(1)) || 0);
  return [...volumes.values()].sort((a, b) =>
    a.fonds < b.fonds ? -1 : a.fonds > b.fonds ? 1 : a.year.localeCompare(b.year) || order(b.retention) - order(a.retention),
  );
}

/** The catalogue's rows for CSV (without header): year and retention, then the catalogue's columns, 序号 per volume. */
export function catalogueRows(records: readonly RecordEntry[], schema: Schema, language: DocLang, gone: readonly GoneItem[] = []): string[][] {
  return catalogueVolumes(records, schema, gone).flatMap((v) =>
    v.entries.map((x, i) => [v.year, pick(retentionLabel(v.retention), language), String(i + 1), ...cells(x, language).slice(1)]),
  );
}

function cells(x: CatalogueEntry, language: DocLang): string[] {
  return ['', x.archiveNo, x.docNo, x.responsible, x.title, x.date, x.secrecy, x.pages, pick(x.remark, language)];
}

export function renderCatalogueCsv(records: readonly RecordEntry[], schema: Schema, language: DocLang, gone: readonly GoneItem[] = []): string {
  const l = normaliseLanguage(language);
  return csvDocument([CATALOGUE_CSV_COLUMNS.map((c) => pick(c, l)), ...catalogueRows(records, schema, l, gone)]);
}

export interface CatalogueOptions {
  language: DocLang;
  title: string;
  nonce?: string;
  cspSource?: string;
  /** Items destroyed since they were catalogued (goneFromBatches). */
  gone?: readonly GoneItem[];
}

// Widths on a landscape sheet (267 mm of text): the title gets the room, numbers and dates just enough. As
// rules, not style attributes: the webview's CSP allows styles by nonce only.
const COL_WIDTH = ['4%', '19%', '9%', '14%', '27%', '7%', '5%', '4%', '11%'];
const COL_CSS = COL_WIDTH.map((w, i) => `.catalogue col:nth-child(${i + 1}){width:${w}}`).join('\n');

const CATALOGUE_CSS = `${BASE_CSS}
${COL_CSS}
@page{size:A4 landscape;margin:12mm 15mm}
.sheet{width:297mm;min-height:210mm;margin:8mm auto;padding:12mm 15mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3);font:9pt ${FONT_STACK}}
.cover{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:6mm}
.cover h1{font-size:26pt;letter-spacing:0.3em;margin:0 0 12mm}
.cover table{border-collapse:collapse;font-size:14pt}
.cover th{font-weight:normal;text-align:justify;text-align-last:justify;width:32mm;padding:2.5mm 4mm 2.5mm 0;vertical-align:bottom}
.cover td{min-width:120mm;border-bottom:0.3mm solid #000;padding:2.5mm 2mm;vertical-align:bottom}
.catalogue h2{font-size:16pt;text-align:center;margin:0 0 2mm}
.catalogue .of{text-align:center;margin:0 0 4mm}
.catalogue table{width:100%;border-collapse:collapse;table-layout:fixed}
.catalogue th,.catalogue td{border:0.3mm solid #000;padding:1mm;vertical-align:top;word-break:break-all}
.catalogue th{font-weight:bold;text-align:center}
.catalogue thead{display:table-header-group}
.catalogue tr{break-inside:avoid;page-break-inside:avoid}
.catalogue .no{font-family:${MONO_STACK};white-space:nowrap}
.catalogue .n{text-align:center;white-space:nowrap}
@media print{.sheet{width:auto;min-height:0;margin:0;padding:0;box-shadow:none;break-after:page;page-break-after:always}
 .sheet:last-of-type{break-after:auto;page-break-after:auto}.cover{height:180mm}}
`;

const CELL_CLASS = ['n', 'no', '', '', '', 'n', 'n', 'n', ''];

/** 机构(问题) on a cover: each code with its category's name. */
function subjectsText(codes: readonly string[], schema: Schema, language: DocLang): string {
  const byCode = new Map([...schema.categories.values()].map((c) => [c.code, c.label]));
  return codes.map((c) => (byCode.has(c) ? `${c} ${pick(byCode.get(c)!, language)}` : c)).join('、');
}

function cover(v: CatalogueVolume, schema: Schema, l: DocLang): string {
  const rows: [Bilingual, string][] = [
    [H.fonds, v.fonds],
    [H.fondsName, pick(schema.archiveNumber.fondsName, l)],
    [H.year, v.year],
    [H.retention, pick(retentionLabel(v.retention), l)],
    [H.org, subjectsText(v.subjects, schema, l)],
  ];
  const body = rows.map(([h, value]) => `<tr><th>${e(pick(h, l))}</th><td>${e(value)}</td></tr>`).join('');
  return `<section class="sheet cover" data-kind="cover"><h1>${e(pick(H.catalogue, l))}</h1><table>${body}</table></section>`;
}

function table(v: CatalogueVolume, l: DocLang): string {
  const cols = COL_WIDTH.map(() => '<col>').join('');
  const head = CATALOGUE_COLUMNS.map((c) => `<th>${e(pick(c, l))}</th>`).join('');
  const rows = v.entries
    .map((x, i) => {
      const values = cells(x, l);
      values[0] = String(i + 1);
      return `<tr>${values.map((value, j) => `<td${CELL_CLASS[j] ? ` class="${CELL_CLASS[j]}"` : ''}>${e(value)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  const of = [`${pick(H.fonds, l)} ${v.fonds}`, `${pick(H.year, l)} ${v.year}`, `${pick(H.retention, l)} ${pick(retentionLabel(v.retention), l)}`].join(' · ');
  return [
    '<section class="sheet catalogue" data-kind="catalogue">',
    `<h2>${e(pick(H.catalogue, l))}</h2><p class="of">${e(of)}</p>`,
    `<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead>`,
    `<tbody>\n${rows}\n</tbody></table>`,
    '</section>',
  ].join('\n');
}

/**
 * The catalogue as a printable standalone HTML document (same shell, CSP and toolbar marker as the labels):
 * per volume a cover, then its table.
 */
export function renderCatalogueHtml(records: readonly RecordEntry[], schema: Schema, options: CatalogueOptions): string {
  const l = normaliseLanguage(options.language);
  const volumes = catalogueVolumes(records, schema, options.gone);
  const body = volumes.length
    ? `<main>\n${volumes.map((v) => `${cover(v, schema, l)}\n${table(v, l)}`).join('\n')}\n</main>`
    : `<main><p class="empty">${e(pick(H.empty, l))}</p></main>`;
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
