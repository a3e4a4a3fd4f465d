/**
 * A new destruction or transfer batch, the same from the editor and the command line: the records screened
 * (on hold, within retention, with errors, already in a batch: left out, each with why), the next free batch
 * id, the batch text with any details given, and where it goes.
 */
import { scalarText, type RecordEntry } from '../model/records';
import type { Schema } from '../model/schema';
import type { DocLang } from '../text/bilingual';
import { isHold } from '../retention/disposition';
import { batchItem, screenForDestruction, type Exclusion } from './batch';
import { destructionBatchText, nextBatchId, NO_REASON, transferBatchText, type BatchDetails, type PulledOut } from './document';
import { noticeList } from './notice';

export interface BatchRequest {
  kind: 'destruction' | 'transfer';
  records: readonly RecordEntry[];
  schema: Schema;
  today: string;
  lang: DocLang;
  /** Batch ids in use (the next one continues after them). */
  existingIds: Iterable<string>;
  /** Records (`path#index`) already in a batch not yet executed. */
  pending: ReadonlySet<string>;
  errors(r: RecordEntry): number;
  /** The record file's bytes now: its fingerprint goes into the batch. */
  bytesOf(path: string): Uint8Array;
  recipient?: { name: string; contact: string };
  details?: BatchDetails;
  /** Every record of the folder: a child's birth date and guardian are found in any of their records. */
  all?: readonly RecordEntry[];
}

export interface BatchPlan {
  /** Undefined when no record may be listed. */
  batch?: { id: string; path: string; text: string; records: RecordEntry[] };
  excluded: Exclusion[];
}

/**
 * The records held back whose retention has run: due but for the hold, so they are pulled out and listed
 * with the reason in the register and the appraisal opinion (会计档案管理办法 Art. 19). A held record still
 * within its period was never due and is not listed.
 */
function pulledOut(excluded: readonly Exclusion[]): PulledOut[] {
  return excluded
    .filter((e) => e.reason === 'hold' && e.expired)
    .map((e) => ({
      path: e.record.file,
      index: e.record.index,
      id: scalarText(e.record.data?.id),
      archive_no: scalarText(e.record.data?.archive_no),
      title: scalarText(e.record.data?.title),
      until: e.until ?? '',
      reason: scalarText(e.record.data?.hold_reason).trim() || NO_REASON,
    }));
}

export function planBatch(req: BatchRequest): BatchPlan {
  const key = (r: RecordEntry) => `${r.file}#${r.index}`;
  let items: RecordEntry[];
  let excluded: Exclusion[];
  if (req.kind === 'destruction') {
    ({ items, excluded } = screenForDestruction(req.records, req.schema, req.today, (r) => req.errors(r)));
  } else {
    items = [];
    excluded = [];
    for (const r of req.records) {
      const status = scalarText(r.data?.status);
      if (isHold(r.data?.hold)) excluded.push({ record: r, reason: 'hold' });
      else if (status === 'destroyed' || status === 'transferred') excluded.push({ record: r, reason: 'already' });
      else if (req.errors(r) > 0) excluded.push({ record: r, reason: 'errors' });
      else items.push(r);
    }
  }
  const fresh = items.filter((r) => !req.pending.has(key(r)));
  for (const r of items) if (!fresh.includes(r)) excluded.push({ record: r, reason: 'already' });
  if (!fresh.length) return { excluded };
  const prefix = req.kind === 'destruction' ? 'XH' : 'YJ';
  const id = nextBatchId(prefix, req.today.slice(0, 4), req.existingIds);
  const listed = fresh.map((r) => batchItem(r, req.schema, req.bytesOf(r.file), req.today));
  const text =
    req.kind === 'destruction'
      ? destructionBatchText(id, listed, req.schema, req.lang, req.today, req.details, pulledOut(excluded))
      : transferBatchText(
          id,
          listed,
          req.recipient ?? { name: '', contact: '' },
          req.lang,
          req.today,
          req.details,
          noticeList(fresh, req.all ?? req.records, req.schema, req.today),
        );
  return { batch: { id, path: `${req.schema.disposal.folder}/${id}.md`, text, records: fresh }, excluded };
}
