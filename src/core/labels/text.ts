/** Escaping and wording shared by the label, catalogue and CSV renderers. */
import type { Bilingual } from '../schema/types';

export type LabelLanguage = 'zh' | 'en' | 'both';

import { escapeHtml } from '../text/escape';

export { escapeHtml };

/** A heading or value in the chosen language; `both` joins them ("全宗号 Fonds"), once when they agree. */
export function pick(text: Bilingual, language: LabelLanguage): string {
  if (language === 'zh') return text.zh;
  if (language === 'en') return text.en;
  if (text.zh === text.en || text.en === '') return text.zh;
  if (text.zh === '') return text.en;
  return `${text.zh} ${text.en}`;
}

export function langAttr(language: LabelLanguage): string {
  return language === 'en' ? 'en' : 'zh-CN';
}

export function normaliseLanguage(value: unknown): LabelLanguage {
  return value === 'zh' || value === 'en' || value === 'both' ? value : 'both';
}

/** Headings used on labels, stamps, spines, in CSV headers and the catalogue. */
export const H = {
  category: { zh: '类别', en: 'Category' },
  customer: { zh: '客户', en: 'Customer' },
  title: { zh: '题名', en: 'Title' },
  archiveNo: { zh: '档号', en: 'Archive no.' },
  archiveDate: { zh: '归档日期', en: 'Archived on' },
  retention: { zh: '保管期限', en: 'Retention' },
  retentionCode: { zh: '保管期限代码', en: 'Retention code' },
  fonds: { zh: '全宗号', en: 'Fonds' },
  year: { zh: '年度', en: 'Year' },
  itemNo: { zh: '件号', en: 'Item no.' },
  org: { zh: '机构(问题)', en: 'Org./Issue' },
  pages: { zh: '页数', en: 'Pages' },
  id: { zh: '记录编号', en: 'Record ID' },
  boxNo: { zh: '盒号', en: 'Box no.' },
  items: { zh: '起止件号', en: 'Items' },
  seq: { zh: '序号', en: 'No.' },
  docNo: { zh: '文号', en: 'Doc. no.' },
  responsible: { zh: '责任者', en: 'Responsible' },
  date: { zh: '日期', en: 'Date' },
  secrecy: { zh: '密级', en: 'Classification' },
  remarks: { zh: '备注', en: 'Remarks' },
  catalogue: { zh: '归档文件目录', en: 'Catalogue of archived documents' },
  empty: { zh: '没有可打印的内容', en: 'Nothing to print' },
} as const satisfies Record<string, Bilingual>;

/** One CSV field: formula-injection guard, then RFC 4180 quoting. */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One CSV row with its CRLF. */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

/** CSV text with a UTF-8 BOM (spreadsheet programs then read Chinese correctly) and CRLF line ends. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map(csvLine).join('');
}

/** The Content-Security-Policy for a webview (with nonce) or a standalone file (no script at all). */
export function csp(nonce: string | undefined, cspSource: string | undefined): string {
  if (nonce === undefined) return "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error('labels: the nonce must be base64 or hex characters');
  const src = cspSource ?? '';
  // VS Code's own value (it may hold keywords such as 'self'); refuse only what could end the policy or the tag.
  if (/[;"<>\r\n]/.test(src)) throw new Error('labels: invalid cspSource');
  const s = src ? `${src} ` : '';
  return `default-src 'none'; style-src ${s}'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${s}data:;${src ? ` font-src ${src};` : ''}`;
}

export interface DocumentParts {
  title: string;
  language: LabelLanguage;
  css: string;
  body: string;
  bodyClass?: string;
  nonce?: string;
  cspSource?: string;
}

/** A complete standalone document; `<!--toolbar-->` right after `<body>` is where a webview injects its toolbar. */
export function htmlDocument(p: DocumentParts): string {
  const nonceAttr = p.nonce === undefined ? '' : ` nonce="${escapeHtml(p.nonce)}"`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${langAttr(p.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp(p.nonce, p.cspSource))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(p.title)}</title>`,
    `<style${nonceAttr}>${p.css}</style>`,
    '</head>',
    `<body${p.bodyClass ? ` class="${escapeHtml(p.bodyClass)}"` : ''}>`,
    '<!--toolbar-->',
    p.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
