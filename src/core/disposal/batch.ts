import { createHash } from 'crypto';
import type { Lang } from '../model/lang';
import { parseRecordText } from '../parse/record-file';
import type { RecordEntry } from '../model/records';
import { field } from '../model/records';
import type { Schema } from '../model/schema';
import { dispositionOf } from '../retention/disposition';
import { daysBetween } from '../retention/dates';
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
  until: string;
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
    if (d.state === 'hold') excluded.push({ record: r, reason: 'hold', until: d.until });
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
    until: d.until ?? '',
    sha256: sha256(file),
    attachments: attachmentsOf(r.data, r.file, attachmentFields(schema)).map((a) => a.rel ?? a.value),
  };
}

/** Years and days a record has been kept beyond its start, for the register (已保管). */
export function served(item: BatchItem, today: string): string {
  if (!item.date) return '';
  const days = daysBetween(item.date, today);
  return (days / 365.25).toFixed(1);
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
