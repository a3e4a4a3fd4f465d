import { createHash } from 'crypto';
import type { Lang } from '../model/lang';
import { parseRecordText } from '../parse/record-file';
import type { RecordEntry } from '../model/records';
import { field, ownValue } from '../model/records';
import type { Schema } from '../model/schema';
import { dispositionOf } from '../retention/disposition';
import { addDays, isoDate } from '../retention/dates';
import { daysInMonth } from '../values/checks';
import { retentionLabel } from '../retention/labels';
import { attachmentFields, attachmentsOf } from './attachments';
import { readFingerprints, type Fingerprints } from './fingerprints';

export type BatchKind = 'destruction-batch' | 'transfer-batch';
export type BatchStatus = 'draft' | 'approved' | 'executed';

/** A record as a batch lists it: enough to find it, to tell if it changed, and to write its tombstone. */
export interface BatchItem {
  path: string;
  index: number;
  id: string;
  archive_no: string;
  title: string;
  customer: string;
  customer_type: string;
  category: string;
  date: string;
  retention: string;
  /** The day the governing retention started (会计档案: the day after the fiscal year; a contract: its completion). */
  retention_start?: string;
  until: string;
  /** 起止年度: the first and last year the record's own dates cover (2014, 2012–2015). */
  years?: string;
  /** 卷号 / 盒号 and 页数 as the record gives them (`volume` or `box`, `pages`), for the register. */
  volume?: string;
  pages?: string;
  /** SHA-256 of the record's file when it was listed (or approved): a later change is reported. */
  sha256: string;
  /** The record's attachments (workspace-relative), destroyed with it; set anew from the record at approval. */
  attachments?: string[];
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Why a record may not enter a destruction batch. */
export type ExclusionReason = 'hold' | 'within-retention' | 'waiting' | 'errors' | 'already';

export interface Exclusion {
  record: RecordEntry;
  reason: ExclusionReason;
  until?: string;
  /** On hold with its retention run: it would be due but for the hold (会计档案管理办法 Art. 19). */
  expired?: boolean;
}

/**
 * Splits candidates into those a destruction batch may list (retention served, no hold, no errors) and
 * those it must refuse, with the reason — a record on hold never enters a batch.
 */
export function screenForDestruction(
  records: readonly RecordEntry[],
  schema: Schema,
  today: string,
  errors: (r: RecordEntry) => number,
): { items: RecordEntry[]; excluded: Exclusion[] } {
  const items: RecordEntry[] = [];
  const excluded: Exclusion[] = [];
  for (const r of records) {
    const d = dispositionOf(r.data, schema, today, 0);
    if (d.state === 'hold') excluded.push({ record: r, reason: 'hold', until: d.until, ...(d.until && d.until < today ? { expired: true } : {}) });
    else if (d.state === 'destroyed' || d.state === 'pending-destruction') excluded.push({ record: r, reason: 'already' });
    else if (errors(r) > 0) excluded.push({ record: r, reason: 'errors' });
    else if (d.state !== 'due') excluded.push({ record: r, reason: d.retention.governing?.waitingFor ? 'waiting' : 'within-retention', until: d.until });
    else items.push(r);
  }
  return { items, excluded };
}

/** `file` is the record file's bytes (or text) now: its fingerprint goes into the batch. */
export function batchItem(r: RecordEntry, schema: Schema, file: string | Uint8Array, today: string): BatchItem {
  const d = dispositionOf(r.data, schema, today, 0);
  return {
    path: r.file,
    index: r.index,
    id: field(r, 'id') ?? '',
    archive_no: field(r, 'archive_no') ?? '',
    title: field(r, 'title') ?? '',
    customer: field(r, 'customer') ?? '',
    customer_type: field(r, 'customer_type') ?? '',
    category: field(r, 'category') ?? '',
    date: field(r, 'date') ?? '',
    retention: d.retention.governing?.code ?? field(r, 'retention') ?? '',
    retention_start: d.retention.governing?.start ?? '',
    until: d.until ?? '',
    years: yearsOf(r.data, schema),
    // Written only when the record gives them, so an entry reads back as it was listed.
    ...optional('volume', field(r, 'volume') ?? field(r, 'box')),
    ...optional('pages', field(r, 'pages')),
    sha256: sha256(file),
    attachments: attachmentsOf(r.data, r.file, attachmentFields(schema)).map((a) => a.rel ?? a.value),
  };
}

const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  value ? ({ [key]: value } as Partial<Record<K, string>>) : {};

/**
 * 起止年度: the years a record's own dates cover — its date and the dates of its category's fields (a
 * contract's signing, term and completion), not the filing dates every record has.
 */
export function yearsOf(data: Readonly<Record<string, unknown>> | undefined, schema: Schema): string {
  const category = typeof data?.category === 'string' ? data.category : '';
  const names = ['date', ...[...schema.fields.values()].filter((f) => f.type === 'date' && f.categories?.includes(category)).map((f) => f.name)];
  const years = names
    .map((n) => isoDate(ownValue(data, n)))
    .filter((d): d is string => d !== undefined)
    .map((d) => d.slice(0, 4))
    .sort();
  if (!years.length) return '';
  const [first, last] = [years[0], years[years.length - 1]];
  return first === last ? first : `${first}–${last}`;
}

/**
 * 已保管: how long a record has been kept on `asOf`, counted from the start of its retention (会计档案管理办法
 * Art. 18(1) lists it beside 应保管期限; Art. 14: accounting periods start the day after the fiscal year), in
 * whole years and months. Empty while the period has not started (an event not yet recorded).
 */
export function servedText(firstDay: string | undefined, asOf: string, lang: Lang | 'both'): string {
  if (!firstDay || !isoDate(firstDay) || !isoDate(asOf)) return '';
  // `firstDay` is the first day counted, the day after the event (民法典 Art. 201); a year or month is complete
  // at the end of the event date's 对应日 (Art. 202), so whole periods are counted from the event date.
  const start = addDays(firstDay, -1);
  if (asOf < start) return lang === 'en' ? '0 months' : lang === 'zh' ? '0个月' : '0个月 / 0 months';
  let months = (Number(asOf.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(asOf.slice(5, 7)) - Number(start.slice(5, 7));
  // A month is complete on the same day of the month (or the month's last day, when it is shorter).
  const day = Math.min(Number(start.slice(8, 10)), daysInMonth(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7))));
  if (Number(asOf.slice(8, 10)) < day) months--;
  const y = Math.floor(months / 12);
  const m = months % 12;
  const zh = `${y ? `${y}年` : ''}${m || !y ? `${m}个月` : ''}`;
  const en = [y ? `${y} ${y === 1 ? 'year' : 'years'}` : '', m || !y ? `${m} ${m === 1 ? 'month' : 'months'}` : ''].filter(Boolean).join(' ');
  return lang === 'zh' ? zh : lang === 'en' ? en : `${zh} / ${en}`;
}

export function retentionText(code: string, lang: Lang | 'both'): string {
  const l = retentionLabel(code);
  return lang === 'both' ? `${l.zh} / ${l.en}` : l[lang];
}

/** A batch file read back: its front matter as data, or why it cannot be read. */
export interface BatchFile {
  kind: BatchKind;
  data: Record<string, unknown>;
  /** The listed items that name a path (what execution would act on, once checked). */
  items: BatchItem[];
  /** Every entry of the `records:` list as written, in order: the check reports the ones that are not items. */
  entries: unknown[];
  status: BatchStatus | undefined;
  /** The content fingerprints approval took, when present and readable. */
  fingerprints: Fingerprints | undefined;
}

export function isBatchItem(x: unknown): x is BatchItem {
  return !!x && typeof x === 'object' && !Array.isArray(x) && typeof (x as BatchItem).path === 'string';
}

export function readBatch(text: string): BatchFile | undefined {
  const parsed = parseRecordText(text, 'markdown');
  const record = parsed.records[0];
  const data = record?.data;
  if (!data || (data.kind !== 'destruction-batch' && data.kind !== 'transfer-batch')) return undefined;
  const entries = Array.isArray(data.records) ? (data.records as unknown[]) : [];
  const items = entries.filter(isBatchItem);
  const status = data.status === 'draft' || data.status === 'approved' || data.status === 'executed' ? data.status : undefined;
  return { kind: data.kind, data, items, entries, status, fingerprints: readFingerprints(data.fingerprints) };
}
