/**
 * The table's edits made by the bulk edit core, so a cell, a selection and `records-curator set` change records
 * the same way: values typed as people type them (`2024年3月1日`, 个人, `¥1,200`) written as the schema wants,
 * fields added in schema order, archive numbers left to numbering, and records locked by an approved or executed
 * batch (or that are disposal documents) refused with the reason.
 */
import { folderLocks, type Locks } from '../bulk/locks';
import { checkOperations, type BulkOperation } from '../bulk/operations';
import { recordEdits } from '../bulk/record-edits';
import { EditSession, planned } from '../fix/edit-session';
import { dropOverlaps, type TextEdit } from '../fix/text-edit';
import { refuse } from '../fix/unsafe-edit';
import type { Expected } from '../fix/verify';
import type { Lang } from '../model/lang';
import type { ParsedRecord } from '../model/parsed';
import { recordKind } from '../model/records';
import { say } from '../text/bilingual';
import { fieldOf } from '../bulk/values';
import type { Schema } from '../model/schema';
import type { TableBulkOperation, TableBulkPlanner } from './edit';

/** The bulk core's operation: a rename from the key as the table names it. */
function coreOperation(op: TableBulkOperation): BulkOperation {
  return op.op === 'rename' ? { op: 'rename', from: op.field, to: op.to } : op;
}

/** A rename's key as this record writes it: under an alias (`客户`) when it does not write the field's own name. */
function writtenRename(record: ParsedRecord, op: BulkOperation, schema: Schema): BulkOperation {
  if (op.op !== 'rename') return op;
  const field = fieldOf(op.from, schema);
  const alias = record.aliased?.find((a) => a.kind === 'key' && a.field === field);
  return alias ? { ...op, from: alias.written } : op;
}

/** A planner over the folder at `root`: its batches are read once, when the first file is planned. */
export function bulkCorePlanner(root: string, lang: Lang): TableBulkPlanner {
  let locks: Locks | undefined;
  return {
    operations: ['set', 'remove', 'rename'],
    planFile(path, text, records, op, schema) {
      const checked = checkOperations([coreOperation(op)], schema);
      if (!checked.ok) return { ok: false, record: records[0] ?? 0, reason: checked.problems.map((p) => say(lang, p.message)).join('; ') };
      locks ??= folderLocks(root, schema);
      const session = new EditSession(text, recordKind(path) ?? 'markdown', undefined, schema.aliases);
      return planned(() => {
        const edits: TextEdit[] = [];
        const expected = new Map<number, Expected>();
        for (const index of new Set(records)) {
          const lock = locks!.of(path, index);
          if (lock) refuse(index, say(lang, lock.reason));
          const record = session.record(index) ?? refuse(index, 'the file has no such record');
          const re = recordEdits(
            session,
            record,
            checked.ops.map((o) => writtenRename(record, o, schema)),
            schema,
          );
          if (!re) continue;
          session.check(record, re.edits);
          edits.push(...re.edits);
          expected.set(index, re.expected);
        }
        return session.verify(dropOverlaps(edits), expected, true);
      });
    },
  };
}
