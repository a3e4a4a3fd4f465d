/**
 * Labels as CSV for label printers and mail merge: UTF-8 BOM, CRLF, RFC 4180 quoting and a guard against
 * formula injection (text.ts). The catalogue's CSV lives in catalogue.ts and is re-exported here.
 */
import type { RecordEntry } from '../model/records';
import type { Bilingual, Schema } from '../model/schema';
import { labelData } from './model';
import { csvDocument } from '../text/csv';
import { H } from './headings';
import { normaliseLanguage, pick, type DocLang } from '../text/bilingual';

export { renderCatalogueCsv, renderCatalogueHtml, catalogueRows } from './catalogue';

const RETENTION_LABEL: Bilingual = { zh: '保管期限', en: 'Retention' };

export const LABEL_CSV_COLUMNS: readonly Bilingual[] = [
  H.archiveNo,
  H.category,
  H.customer,
  H.title,
  H.archiveDate,
  H.retentionCode,
  RETENTION_LABEL,
  H.year,
  H.itemNo,
  H.pages,
  H.id,
];

export function renderLabelsCsv(records: readonly RecordEntry[], schema: Schema, language: DocLang): string {
  const l = normaliseLanguage(language);
  const rows = records.map((r) => {
    const d = labelData(r, schema, l === 'en' ? 'en' : 'zh');
    return [d.archiveNo, pick(d.category, l), d.customer, d.title, d.archiveDate, d.retention.code, pick(d.retention, l), d.year, d.itemNo, d.pages, d.id];
  });
  return csvDocument([LABEL_CSV_COLUMNS.map((c) => pick(c, l)), ...rows]);
}
