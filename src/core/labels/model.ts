/**
 * What a label, a filing stamp (归档章) or a catalogue row (归档文件目录) shows of a record (DOMAIN.md §4).
 * Pure: no I/O. Every text is passed through maskPersonal, so a personal number typed into a title or a
 * customer name is never printed in full on paper.
 */
import type { Lang } from '../model/lang';
import { archiveFormat, contradictedParts } from '../archive/expected';
import { field, ownValue, type RecordEntry } from '../model/records';
import type { Bilingual, Schema } from '../model/schema';
import { isHold } from '../retention/disposition';
import { retentionLabel } from '../retention/labels';
import { retentionOf } from '../retention/retention';
import { findPersonalInfo, maskValue } from '../values/pii';
import { responsibleOf } from './responsible';
import { SEALED_PREFIX, SEALED_TEXT } from '../values/sealed';

export interface LabelData {
  category: { key: string; zh: string; en: string };
  customer: string;
  customerType: string;
  title: string;
  archiveNo: string;
  /** archived_at, or ''. */
  archiveDate: string;
  /** The governing retention (retentionOf): the period numbering and the Disposal view count with. */
  retention: { code: string; zh: string; en: string };
  year: string;
  fonds: string;
  org: string;
  /** The 机构(问题) code: the category's code (DA/T 22-2015 §5.4), from the archive number or the category. */
  subject: string;
  /** The number part of the archive number (件号), as written (zero-padded). */
  itemNo: string;
  pages: string;
  id: string;
  /** The record's own date (YYYY-MM-DD as written). */
  date: string;
  /** 文号: contract_no, invoice_no or ticket. */
  docNo: string;
  /** 责任者 (DA/T 22-2015 §5.5): who issued or signed the document, never its custodian. */
  responsible: string;
  /** 备注: destroyed, on hold, transferred (DA/T 22-2015 §5.5, §6.4.2), or empty. */
  remark: Bilingual;
  /** Category and retention in the requested language. */
  text: { category: string; retention: string };
}

/** Replaces every personal number found in the text (ID, bank card, mobile) by its masked form. */
export function maskPersonal(text: string): string {
  if (text === '') return text;
  if (text.startsWith(SEALED_PREFIX)) return `${SEALED_TEXT.zh} ${SEALED_TEXT.en}`;
  const hits = findPersonalInfo(text);
  if (hits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const h of hits) {
    out += text.slice(at, h.start) + maskValue(h.kind, h.value);
    at = h.end;
  }
  return out + text.slice(at);
}

function text(record: RecordEntry, ...names: string[]): string {
  for (const n of names) {
    const v = field(record, n)?.trim();
    if (v) return v;
  }
  return '';
}

/** 备注: what the catalogue and the box note sheet say of a record that left, or may not leave, its box. */
export function remarkOf(record: RecordEntry): Bilingual {
  const status = text(record, 'status');
  if (status === 'destroyed') return { zh: '已销毁', en: 'Destroyed' };
  if (status === 'transferred') return { zh: '已移交', en: 'Transferred' };
  if (isHold(ownValue(record.data, 'hold'))) {
    const reason = text(record, 'hold_reason');
    return reason ? { zh: `暂缓处置：${reason}`, en: `On hold: ${reason}` } : { zh: '暂缓处置', en: 'On hold' };
  }
  return { zh: '', en: '' };
}

/** The values a label shows of one record, masked and ready to escape. */
export function labelData(record: RecordEntry, schema: Schema, lang: Lang): LabelData {
  const key = text(record, 'category');
  const cat = schema.categories.get(key);
  const archiveNo = text(record, 'archive_no');
  // The same reader the numbering and the rules use.
  const parts = archiveNo ? archiveFormat(schema).parse(archiveNo) : undefined;
  const date = text(record, 'date');
  // The period that governs, not a field copied on its own (DOMAIN.md §4): what the number must say too.
  const code = retentionOf(record.data, schema).governing?.code ?? (parts?.retention || text(record, 'retention'));
  const ret = retentionLabel(code);
  const catLabel = cat?.label ?? { zh: key, en: key };
  const m = maskPersonal;
  const remark = remarkOf(record);
  return {
    category: { key: m(key), zh: m(catLabel.zh), en: m(catLabel.en) },
    customer: m(text(record, 'customer')),
    customerType: m(text(record, 'customer_type')),
    title: m(text(record, 'title')),
    archiveNo: m(archiveNo),
    archiveDate: m(text(record, 'archived_at')),
    retention: { code: m(code), zh: m(ret.zh), en: m(ret.en) },
    year: m(parts?.year ?? /^\d{4}/.exec(date)?.[0] ?? ''),
    fonds: m(parts?.fonds ?? schema.archiveNumber.fonds),
    org: m(parts ? parts.org : schema.archiveNumber.org),
    subject: m(parts?.subject || cat?.code || ''),
    itemNo: m(parts?.number ?? ''),
    pages: m(text(record, 'pages')),
    id: m(text(record, 'id')),
    date: m(date),
    docNo: m(text(record, 'contract_no', 'invoice_no', 'ticket')),
    responsible: m(responsibleOf(record.data)),
    remark: { zh: m(remark.zh), en: m(remark.en) },
    text: { category: m(catLabel[lang]), retention: m(ret[lang]) },
  };
}

/**
 * Splits numbered records into those whose labels may be printed and those whose number contradicts the
 * record (archive-no-mismatch): a stamp must not say one period while the number says another.
 */
export function printableRecords(records: readonly RecordEntry[], schema: Schema): { ok: RecordEntry[]; contradicted: RecordEntry[] } {
  const ok: RecordEntry[] = [];
  const contradicted: RecordEntry[] = [];
  for (const r of records) (contradictedParts(text(r, 'archive_no'), r.data, schema) ? contradicted : ok).push(r);
  return { ok, contradicted };
}

/** Natural order of archive numbers: digit runs compare by value, so `-2` sorts before `-10`. */
export function compareArchiveNo(a: string, b: string): number {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i];
    const y = rb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return ra.length - rb.length;
}

/** A date written YYYY-MM-DD (or 2019/5/1, 2019年5月1日, a datetime) as YYYYMMDD; '' when it is not a date. */
export function compactDate(value: string): string {
  const m = /^(\d{4})(?:[-/.]|\s*年\s*)?(\d{1,2})(?:[-/.]|\s*月\s*)?(\d{1,2})(?!\d)/.exec(value.trim());
  if (!m) return '';
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return '';
  return `${m[1]}${String(mo).padStart(2, '0')}${String(d).padStart(2, '0')}`;
}
