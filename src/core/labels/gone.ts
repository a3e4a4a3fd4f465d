/**
 * Records that left the folder but not the catalogue. An executed destruction batch deletes the record files
 * and keeps a tombstone of each (DOMAIN.md §5); the catalogue and the box note sheet still list the item, with
 * 销毁 in its 备注 — the catalogue is kept permanently, and 备考表 records what was 销毁 (DA/T 22-2015 §6.4.2).
 * Read from the batch's front matter as plain data: this layer knows the batch file's fields, not its code.
 */
import { scalarText } from '../model/records';
import type { Bilingual } from '../model/schema';
import { maskPersonal } from './model';

/** An item no longer among the records, as the catalogue shows it. */
export interface GoneItem {
  archiveNo: string;
  /** The category key the record had. */
  category: string;
  title: string;
  /** The record's date as written (YYYY-MM-DD). */
  date: string;
  remark: Bilingual;
}

const list = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)) : [];
const s = (v: unknown) => maskPersonal(scalarText(v).trim());

/** The destroyed items of executed destruction batches (their front matter), each with its batch and date. */
export function goneFromBatches(batches: Iterable<Readonly<Record<string, unknown>>>): GoneItem[] {
  const out: GoneItem[] = [];
  const seen = new Set<string>();
  for (const b of batches) {
    if (b.kind !== 'destruction-batch' || b.status !== 'executed') continue;
    const items = list(b.records);
    for (const t of list(b.tombstones)) {
      const archiveNo = s(t.archive_no);
      // An attachment's tombstone, or a record never numbered: not an item of the catalogue.
      if (!archiveNo || t.attachment_of !== undefined || seen.has(archiveNo)) continue;
      seen.add(archiveNo);
      const item = items.find((i) => s(i.archive_no) === archiveNo) ?? items.find((i) => s(i.path) === s(t.path));
      const batch = s(t.batch || b.batch_id);
      const on = s(t.destroyed_on);
      const when = [batch, on].filter(Boolean);
      out.push({
        archiveNo,
        category: s(t.category || item?.category),
        title: s(item?.title),
        date: s(item?.date),
        remark: when.length ? { zh: `已销毁（${when.join('，')}）`, en: `Destroyed (${when.join(', ')})` } : { zh: '已销毁', en: 'Destroyed' },
      });
    }
  }
  return out;
}
