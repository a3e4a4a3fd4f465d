/**
 * The table's edits: one cell (a field of one record) and one field across the selected records, as range
 * edits of the file's text planned by a TableBulkPlanner. Whether the new value is right is asked of the rules
 * `check` runs: the edited text is indexed and the findings it gains on the field are what the table shows
 * before anything is applied.
 */
import { applyEdits, type TextEdit } from '../fix/text-edit';
import type { EditPlan } from '../fix/unsafe-edit';
import type { Schema } from '../model/schema';
import type { Finding } from '../model/findings';

/**
 * What a bulk edit of the table does to each selected record. A rename names the field as the table knows it
 * (the schema's name, or a key the schema does not know, as written); each record's key for it is renamed,
 * whichever alias the record writes it under (`客户` as well as `customer`). Setting the category is a move.
 */
export type TableBulkOperation = { op: 'set'; field: string; value: string } | { op: 'remove'; field: string } | { op: 'rename'; field: string; to: string };

/** The field whose new value a bulk operation gives, and whose new findings refuse a record: a rename's new key. */
export function givenField(op: TableBulkOperation): string {
  return op.op === 'rename' ? op.to : op.field;
}

/**
 * Plans an operation over some records of one file: what the table's cells and selections are edited with
 * (bulkCorePlanner: the bulk edit core, as `records-curator set` edits).
 */
export interface TableBulkPlanner {
  readonly operations: readonly TableBulkOperation['op'][];
  planFile(path: string, text: string, records: readonly number[], op: TableBulkOperation, schema: Schema): EditPlan;
}

const findingKey = (f: Finding) => `${f.record ?? -1}\u0000${f.code}\u0000${f.data?.field ?? ''}\u0000${f.message}`;

/**
 * The findings the edited text has on `field` of the records that the text before did not: what the edit
 * brings. `findingsOf` indexes a text with the folder's rules and severities (check's findings exactly).
 */
export function newFieldFindings(
  before: string,
  edits: readonly TextEdit[],
  records: ReadonlySet<number>,
  field: string,
  findingsOf: (text: string) => readonly Finding[],
): { after: string; findings: Finding[] } {
  const after = applyEdits(before, edits);
  const seen = new Map<string, number>();
  for (const f of findingsOf(before)) seen.set(findingKey(f), (seen.get(findingKey(f)) ?? 0) + 1);
  const out: Finding[] = [];
  for (const f of findingsOf(after)) {
    const k = findingKey(f);
    const n = seen.get(k) ?? 0;
    if (n > 0) {
      seen.set(k, n - 1);
      continue;
    }
    if (!records.has(f.record ?? 0) || (f.data?.field !== undefined && f.data.field !== field)) continue;
    out.push(f);
  }
  return { after, findings: out };
}
