/** Escaping and wording shared by the label, catalogue and CSV renderers. */
import type { Bilingual } from '../model/schema';

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
