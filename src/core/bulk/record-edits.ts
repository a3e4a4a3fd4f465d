/**
 * One record's edits for a bulk edit, in the record's own style (EditSession's editors): values replaced
 * where they stand (quotes kept), fields added where the schema's order puts them, keys renamed in place,
 * fields removed with their line. What the record must read as afterwards goes with them (Expected), so the
 * file is read back before anything is handed out.
 */
import { isDeepStrictEqual } from 'util';
import type { EditSession } from '../fix/edit-session';
import { removeKeyEdits, renameKeyEdits } from '../fix/key-edits';
import { insertInOrder } from '../fix/record-editor';
import type { TextEdit } from '../fix/text-edit';
import { refuse } from '../fix/unsafe-edit';
import type { Expected } from '../fix/verify';
import type { ParsedRecord } from '../model/parsed';
import { ownValue } from '../model/records';
import type { Schema } from '../model/schema';
import type { BulkOperation } from './operations';
import { fieldOf, readsAs, typedValue } from './values';

export interface RecordEdits {
  edits: TextEdit[];
  expected: Expected;
  /** The fields given a value (set, or renamed into): a new finding on one of them refuses the record. */
  touched: Set<string>;
  /** What changes, for the preview: `date: 2024-01-01 → 2024-03-01`. */
  changes: { field: string; from: unknown; to: unknown }[];
}

/** The record's edits; undefined when it already reads as asked. Throws UnsafeEditError (refuse) when it cannot be edited safely. */
export function recordEdits(session: EditSession, record: ParsedRecord, ops: readonly BulkOperation[], schema: Schema): RecordEdits | undefined {
  const problem = record.problems[0];
  if (problem) refuse(record.index, `its YAML does not read cleanly (${problem.message})`);
  const data = record.data ?? refuse(record.index, 'it is not a mapping of fields');
  const doubled = record.doubled?.[0];
  if (doubled) refuse(record.index, `field ${doubled.field} is written under two keys (${doubled.keys.map((k) => k.written).join(', ')}); keep one first`);
  const editor = session.editor(record);
  const edits: TextEdit[] = [];
  const set = new Map<string, unknown>();
  const remove = new Set<string>();
  const touched = new Set<string>();
  const changes: RecordEdits['changes'] = [];
  const inserts: { field: string; key: string; block: string; flow: string }[] = [];
  for (const o of ops) {
    if (o.op === 'rename') {
      const e = renameKeyEdits(session, record, o.from, o.to);
      if (!e) continue;
      const from = fieldOf(o.from, schema);
      const to = fieldOf(o.to, schema);
      if (from !== to) {
        if (Object.hasOwn(data, to)) refuse(record.index, `it has a field ${o.to} already`);
        remove.add(from);
        set.set(to, ownValue(data, from));
        touched.add(to);
      }
      changes.push({ field: o.from, from: o.from, to: o.to });
      edits.push(...e);
    } else if (o.op === 'remove') {
      const field = fieldOf(o.field, schema);
      const e = removeKeyEdits(session, record, (key) => fieldOf(key, schema) === field);
      if (!e) continue;
      remove.add(field);
      changes.push({ field: o.field, from: ownValue(data, field), to: undefined });
      edits.push(...e);
    } else if (o.op === 'set') {
      const field = fieldOf(o.field, schema);
      const value = typedValue(schema.fields.get(field), o.value, schema);
      let written = '';
      const replaced = editor.replace(field, (original) => (written = value.render(original, editor.flow)));
      if (replaced) {
        const now = readsAs(written);
        if (isDeepStrictEqual(ownValue(data, field), now)) continue;
        edits.push(...replaced);
        set.set(field, now);
      } else {
        // Added under the name the person gave: `客户=张伟` writes 客户, read as customer.
        inserts.push({ field, key: o.field, block: value.render('', false), flow: value.render('', true) });
        set.set(field, readsAs(value.render('', editor.flow)));
      }
      touched.add(field);
      changes.push({ field: o.field, from: ownValue(data, field), to: set.get(field) });
    }
  }
  if (inserts.length) edits.push(...insertInOrder(editor, record, [...schema.fields.keys()], inserts));
  if (!edits.length) return undefined;
  session.check(record, edits);
  return { edits, expected: { set, loose: new Set(), remove }, touched, changes };
}
