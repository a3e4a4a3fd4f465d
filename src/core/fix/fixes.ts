/**
 * The edits the tool writes into record files: quick fixes of findings, and fields set by numbering,
 * approval and disposal. Every edit keeps the record's own style (block or flow mapping, indentation,
 * quotes, line endings, block scalars) and is checked by reading the result back; an edit that cannot be
 * made safely is refused with a reason instead of being written.
 */
import { recordKind } from '../model/records';
import type { FieldDef, Schema } from '../model/schema';
import { EditSession, planned } from './edit-session';
import type { NewField } from './text-edit';
import { quoteStyle, yamlScalar } from './scalars';
import { dropOverlaps, type TextEdit } from './text-edit';
import { UnsafeEditError, refuse, type EditPlan } from './unsafe-edit';
import type { Expected } from './verify';
import { scalarText } from '../model/records';

export { applyEdits, type TextEdit } from './text-edit';
export { UnsafeEditError, type EditPlan } from './unsafe-edit';
export { yamlScalar } from './scalars';

/**
 * Inserts missing fields into one record, in schema order, with typed placeholders, read back before the
 * edits are handed out. (A finding's insert fix is made the same way; apply-fixes.ts reads it back.)
 */
export function planInsertFields(path: string, text: string, index: number, names: readonly string[], schema: Schema): EditPlan {
  const session = new EditSession(text, recordKind(path) ?? 'markdown');
  return planned(() => {
    const record = session.record(index) ?? refuse(index, 'the file has no such record');
    const order = [...schema.fields.keys()];
    const fresh = names.filter((n) => !record.fields.has(n)).sort((a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9));
    if (!fresh.length) return { ok: true, edits: [] };
    const edits = session.editor(record).insert(fresh.map((n) => placeholderFor(schema.fields.get(n), n)));
    session.check(record, edits);
    const expected = new Map<number, Expected>([[index, { set: new Map(fresh.map((n) => [n, placeholderData(schema.fields.get(n))])), loose: new Set() }]]);
    return session.verify(dropOverlaps(edits), expected, true);
  });
}

/** A field to add with its typed placeholder, as written in a block mapping and in a flow mapping. */
export function placeholderFor(def: FieldDef | undefined, key: string): NewField {
  return { key, block: placeholder(def), flow: placeholderValue(def, true) };
}

/** Whether the YAML from `start` opens with a flow mapping (after blank and comment lines). */
export function startsFlow(text: string, start: number, end: number): boolean {
  const m = /^(?:\s|#[^\n\r]*)*/.exec(text.slice(start, Math.min(end, start + 4096)));
  return text[start + (m ? m[0].length : 0)] === '{';
}

/** A typed placeholder that stays flagged (empty) until filled, with a hint of what goes there. */
export function placeholder(def: FieldDef | undefined): string {
  const hint = placeholderHint(def);
  return placeholderValue(def, false) + (hint ? `  # ${hint}` : '');
}

/** The placeholder's value alone: in a flow mapping a hint comment would swallow the rest of the line. */
function placeholderValue(def: FieldDef | undefined, flow: boolean): string {
  if (def?.placeholder !== undefined) return yamlScalar('', scalarText(def.placeholder), flow);
  return def?.type === 'list' ? '[]' : '""';
}

function placeholderHint(def: FieldDef | undefined): string | undefined {
  if (def?.placeholder !== undefined) return undefined;
  switch (def?.type) {
    case 'list':
      return def.values?.length ? def.values.join(' | ') : undefined;
    case 'date':
      return 'YYYY-MM-DD';
    case 'datetime':
      return 'YYYY-MM-DDTHH:MM+08:00';
    case 'enum':
      return def.values?.join(' | ') ?? '';
    case 'boolean':
      return 'true | false';
    case 'number':
    case 'money':
      return '0.00';
    default:
      return undefined;
  }
}

/** What the placeholder reads back as. */
function placeholderData(def: FieldDef | undefined): unknown {
  if (def?.placeholder !== undefined) return scalarText(def.placeholder);
  return def?.type === 'list' ? [] : '';
}

export interface FieldValue {
  /** The record (document number) in the file. */
  record: number;
  field: string;
  value: string;
}

/**
 * Sets fields of records in a file: an existing value is replaced in place (keeping its quotes; a block
 * scalar, list or empty value becomes the one-line value), an absent field is added after the record's
 * last field in the record's style. Used for archive numbers and status changes.
 * Throws UnsafeEditError when that cannot be done safely (see planFieldEdits).
 */
export function setFieldEdits(path: string, text: string, values: readonly FieldValue[]): TextEdit[] {
  return unwrap(path, planFieldEdits(path, text, values));
}

/** setFieldEdits, answering a refusal with its reason instead of throwing. */
export function planFieldEdits(path: string, text: string, values: readonly FieldValue[]): EditPlan {
  const session = new EditSession(text, recordKind(path) ?? 'markdown');
  return planned(() => {
    const byRecord = new Map<number, Map<string, string>>();
    // The same field set twice: the last value wins, as it would when applied one after the other.
    for (const v of values) byRecord.set(v.record, (byRecord.get(v.record) ?? new Map<string, string>()).set(v.field, v.value));
    const edits: TextEdit[] = [];
    const expected = new Map<number, Expected>();
    for (const [index, fields] of byRecord) {
      const record = session.record(index) ?? refuse(index, 'the file has no such record');
      const problem = record.problems.find((p) => p.code !== 'duplicate-key');
      if (problem) refuse(index, `its YAML does not read cleanly (${problem.message})`);
      if (!record.data) refuse(index, 'it is not a mapping of fields');
      const editor = session.editor(record);
      const recordEdits: TextEdit[] = [];
      const inserts: NewField[] = [];
      for (const [field, value] of fields) {
        const replaced = editor.replace(field, (original) => yamlScalar(quoteStyle(original), value, editor.flow));
        if (replaced) recordEdits.push(...replaced);
        else inserts.push({ key: field, block: yamlScalar('', value), flow: yamlScalar('', value, true) });
      }
      if (inserts.length) recordEdits.push(...editor.insert(inserts));
      session.check(record, recordEdits);
      edits.push(...recordEdits);
      expected.set(index, { set: new Map(fields), loose: new Set() });
    }
    return session.verify(dropOverlaps(edits), expected, true);
  });
}

function unwrap(path: string, plan: EditPlan): TextEdit[] {
  if (!plan.ok) throw new UnsafeEditError(path, plan.record, plan.reason);
  return plan.edits;
}
