import { archiveFormat } from '../archive/expected';
import type { RecordEntry } from '../model/records';
import type { Schema } from '../model/schema';
import type { BoxRange } from './html';
import { compareArchiveNo } from './model';
import { scalarText } from '../model/records';

/**
 * Boxes for numbered records: consecutive items of one scope, at most `perBox` a box. One box never mixes
 * years, 机构(问题) codes or retention periods (不同年度、机构(问题)、保管期限的归档文件不能装入同一个档案盒,
 * DA/T 22-2015 §6.4), so a new scope always starts a new box. Items destroyed since (`gone`) still count:
 * the boxes on the shelf do not change when a file leaves them.
 */
export function boxesFor(records: readonly RecordEntry[], schema: Schema, perBox: number, gone: readonly string[] = []): BoxRange[] {
  const format = archiveFormat(schema);
  const numbers = [...new Set([...records.map((r) => scalarText(r.data?.archive_no).trim()), ...gone])].filter((n) => format.parse(n)).sort(compareArchiveNo);
  const boxes: BoxRange[] = [];
  let current: { scope: string; items: string[] } | undefined;
  const close = () => {
    if (current) boxes.push({ from: current.items[0], to: current.items[current.items.length - 1], boxNo: String(boxes.length + 1), items: current.items });
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
