import type { ReadTable } from '../core/import/read-text-table';

/** Reading .xlsx: not there yet. */
export function readXlsxTable(): Promise<ReadTable> {
  return Promise.resolve({ ok: false, message: 'reading .xlsx is not available yet' });
}
