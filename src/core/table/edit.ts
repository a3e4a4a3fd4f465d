/**
 * The table's edits: one cell (a field of one record) and one field across the selected records, as range
 * edits of the file's text in the record's own style (quotes, indentation, comments kept), read back before
 * they are handed out. Whether the new value is right is asked of the rules `check` runs: the edited text
 * is indexed and the findings it gains on the field are what the table shows before anything is applied.
 */
import { parseDocument } from 'yaml';
import { EditSession, planned } from '../fix/edit-session';
import { quoteStyle, yamlScalar } from '../fix/scalars';
import { applyEdits, dropOverlaps, type TextEdit } from '../fix/text-edit';
import { refuse, type EditPlan } from '../fix/unsafe-edit';
import type { Expected } from '../fix/verify';
import type { Finding } from '../model/findings';
import { recordKind } from '../model/records';
import type { FieldDef, Schema } from '../model/schema';
import { YAML_OPTIONS } from '../parse/yaml-record';

/** What a bulk edit of the table does to each selected record. */
export type TableBulkOperation = { op: 'set'; field: string; value: string } | { op: 'remove'; field: string };

/**
 * Plans a bulk operation over some records of one file. The table's own planner sets fields; the bulk
 * edit core (`records-curator set`) plugs in here with rename, remove and move, so the table and the command
 * line change records the same way.
 */
export interface TableBulkPlanner {
  readonly operations: readonly TableBulkOperation['op'][];
  planFile(path: string, text: string, records: readonly number[], op: TableBulkOperation, schema: Schema): EditPlan;
}

/** A number YAML reads back exactly as written: no leading zero, at most 15 digits before the point. */
const EXACT_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

/** How a value typed into a cell is written for the field's type, next to the text the field has now. */
export function renderValue(def: FieldDef | undefined, value: string, original: string, flow: boolean): string {
  const t = def && (def.type === 'number' || def.type === 'money' || def.type === 'boolean') ? value.trim() : value;
  const quoted = quoteStyle(original);
  if (!quoted && (def?.type === 'number' || def?.type === 'money') && EXACT_NUMBER.test(t)) return t;
  if (!quoted && def?.type === 'boolean' && (t === 'true' || t === 'false')) return t;
  return yamlScalar(quoted, t, flow);
}

/** What a written scalar reads back as, the way the record reader reads it. */
function readsAs(written: string): unknown {
  return parseDocument(written, YAML_OPTIONS).toJS() as unknown;
}

/** Sets `field` to `value` in the given records of a file (an absent field is added after the last one). */
export function planFieldValue(path: string, text: string, records: readonly number[], field: string, value: string, schema: Schema): EditPlan {
  const session = new EditSession(text, recordKind(path) ?? 'markdown', undefined, schema.aliases);
  const def = schema.fields.get(field);
  return planned(() => {
    const edits: TextEdit[] = [];
    const expected = new Map<number, Expected>();
    for (const index of new Set(records)) {
      const record = session.record(index) ?? refuse(index, 'the file has no such record');
      const problem = record.problems.find((p) => p.code !== 'duplicate-key');
      if (problem) refuse(index, `its YAML does not read cleanly (${problem.message})`);
      if (!record.data) refuse(index, 'it is not a mapping of fields');
      const editor = session.editor(record);
      let written = '';
      const replaced = editor.replace(field, (original) => (written = renderValue(def, value, original, editor.flow)));
      const recordEdits =
        replaced ?? editor.insert([{ key: field, block: (written = renderValue(def, value, '', false)), flow: renderValue(def, value, '', true) }]);
      session.check(record, recordEdits);
      edits.push(...recordEdits);
      expected.set(index, { set: new Map([[field, readsAs(written)]]), loose: new Set() });
    }
    return session.verify(dropOverlaps(edits), expected, true);
  });
}

/** The table's own planner: setting a field. */
export const fieldValuePlanner: TableBulkPlanner = {
  operations: ['set'],
  planFile(path, text, records, op, schema) {
    if (op.op !== 'set') return { ok: false, record: records[0] ?? 0, reason: `${op.op} is not supported here` };
    return planFieldValue(path, text, records, op.field, op.value, schema);
  },
};

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
