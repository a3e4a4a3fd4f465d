import { archiveFormat } from '../archive/expected';
import type { RecordEntry } from '../model/records';
import type { Schema } from '../model/schema';
import type { BoxRange } from './html';
import { compareArchiveNo } from './model';
import { scalarText } from '../model/records';

/**
 * Boxes for numbered records: consecutive items of one scope, at most `perBox` a box. One box never mixes
 * years, subject codes or retention periods (DA/T 22-2015), so a new scope always starts a new box.
 */
export function boxesFor(records: readonly RecordEntry[], schema: Schema, perBox: number): BoxRange[] {
  const format = archiveFormat(schema);
  const numbers = records
    .map((r) => scalarText(r.data?.archive_no).trim())
    .filter((n) => format.parse(n))
    .sort(compareArchiveNo);
  const boxes: BoxRange[] = [];
  let current: { scope: string; items: string[] } | undefined;
  const close = () => {
    if (current) boxes.push({ from: current.items[0], to: current.items[current.items.length - 1], boxNo: String(boxes.length + 1) });
  };
  for (const n of numbers) {
    const scope = format.scopeKey(format.parse(n)!);
    if (!current || current.scope !== scope || current.items.length >= perBox) {
      close();
      current = { scope, items: [] };
    }
    current.items.push(n);
  }
  close();
  return boxes;
}
