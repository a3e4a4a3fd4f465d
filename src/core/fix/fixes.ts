/**
 * The edits the tool writes into record files: quick fixes of findings, and fields set by numbering,
 * approval and disposal. Every edit keeps the record's own style (block or flow mapping, indentation,
 * quotes, line endings, block scalars) and is checked by reading the result back; an edit that cannot be
 * made safely is refused with a reason instead of being written.
 */
import { LineIndex } from '../parse/lines';
import { parseRecordText } from '../parse/record-file';
import { recordKind } from '../model/records';
import type { Finding } from '../model/findings';
import type { FieldDef, Schema } from '../model/schema';
import { EditSession, planned } from './edit-session';
import type { NewField } from './text-edit';
import { quoteStyle, yamlScalar } from './scalars';
import { dropOverlaps, type TextEdit } from './text-edit';
import { UnsafeEditError, refuse, type EditPlan } from './unsafe-edit';
import type { Expected } from './verify';

export { applyEdits, type TextEdit } from './text-edit';
export { UnsafeEditError, type EditPlan } from './unsafe-edit';
export { yamlScalar } from './scalars';

/**
 * Findings whose replacement is written as it is: a masked number inside free text, or YAML that must not
 * become a string (`true`, `[a, b]`), or must be exactly this YAML (`"000123"`, `123` for unquoted-number).
 */
const RAW = new Set(['pi-id-number', 'pi-bank-card', 'pi-mobile', 'invalid-boolean', 'invalid-list', 'front-matter-not-at-start', 'unquoted-number']);

export function isFixable(f: Finding): boolean {
  return (f.data?.replacement !== undefined && f.data.replacement !== null) || !!f.data?.missing?.length;
}

/**
 * The edits that fix the given findings of one file. Values keep their quoting style, inserted fields
 * follow the record's style and line endings, and nothing outside the fixed bytes changes.
 * Throws UnsafeEditError when that cannot be done safely (see planFixEdits).
 */
export function fixEdits(path: string, text: string, findings: readonly Finding[], schema: Schema): TextEdit[] {
  return unwrap(path, planFixEdits(path, text, findings, schema));
}

/** fixEdits, answering a refusal with its reason instead of throwing. */
export function planFixEdits(path: string, text: string, findings: readonly Finding[], schema: Schema): EditPlan {
  const lead = findings.find((f) => f.code === 'front-matter-not-at-start' && isFixable(f));
  if (lead) return frontMatterToStart(path, text, lead);
  const session = new EditSession(text, recordKind(path) ?? 'markdown');
  return planned(() => {
    const edits: TextEdit[] = [];
    const expected = new Map<number, Expected>();
    const expect = (index: number): Expected => {
      let e = expected.get(index);
      if (!e) expected.set(index, (e = { set: new Map(), loose: new Set() }));
      return e;
    };
    const missing = new Map<number, string[]>();
    const lines = session.lines();
    for (const f of findings) {
      if (!isFixable(f)) continue;
      const index = f.record ?? 0;
      if (f.data?.missing?.length) {
        const list = missing.get(index) ?? [];
        list.push(...f.data.missing.filter((m) => !list.includes(m)));
        missing.set(index, list);
        continue;
      }
      const start = lines.offsetAt(f.start.line, f.start.col);
      const end = lines.offsetAt(f.end.line, f.end.col);
      const replacement = String(f.data!.replacement);
      const record = session.record(index);
      // The fixed field is not compared when the result is read back: what a fix does to it is the fix's business.
      const field = record && [...record.fields].find(([, s]) => s.key.start <= start && end <= s.value.end)?.[0];
      if (field !== undefined) expect(index).loose.add(field);
      if (RAW.has(f.code)) {
        edits.push({ start, end, newText: replacement });
        continue;
      }
      const flow = record !== undefined && startsFlow(text, record.contentSpan.start, record.contentSpan.end);
      edits.push({ start, end, newText: yamlScalar(text.slice(start, end), replacement, flow) });
    }
    for (const [index, names] of missing) {
      const record = session.record(index);
      if (!record) continue;
      const order = [...schema.fields.keys()];
      const fresh = names.filter((n) => !record.fields.has(n)).sort((a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9));
      if (!fresh.length) continue;
      const inserts = fresh.map((n): NewField => ({ key: n, block: placeholder(schema.fields.get(n)), flow: placeholderValue(schema.fields.get(n), true) }));
      const insertEdits = session.editor(record).insert(inserts);
      session.check(record, insertEdits);
      edits.push(...insertEdits);
      for (const n of fresh) expect(index).set.set(n, placeholderData(schema.fields.get(n)));
    }
    return session.verify(dropOverlaps(edits), expected, false);
  });
}

/**
 * The one fix that makes a record of a file that was not one: blank lines before the opening `---` are
 * removed. Read back, the file must be a record file and differ from the original by those blanks alone.
 */
function frontMatterToStart(path: string, text: string, f: Finding): EditPlan {
  const lines = new LineIndex(text);
  const start = lines.offsetAt(f.start.line, f.start.col);
  const end = lines.offsetAt(f.end.line, f.end.col);
  const edit: TextEdit = { start, end, newText: String(f.data!.replacement) };
  const removed = text.slice(start, end);
  const after = text.slice(0, start) + edit.newText + text.slice(end);
  if (edit.newText !== '' || !/^\s*$/.test(removed)) return { ok: false, record: 0, reason: 'only blank lines before the front matter are removed' };
  if (!parseRecordText(after, recordKind(path) ?? 'markdown').isRecordFile) return { ok: false, record: 0, reason: 'the file would still not open with its front matter' };
  return { ok: true, edits: [edit] };
}

/** Whether the YAML from `start` opens with a flow mapping (after blank and comment lines). */
function startsFlow(text: string, start: number, end: number): boolean {
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
  if (def?.placeholder !== undefined) return yamlScalar('', String(def.placeholder), flow);
  return def?.type === 'list' ? '[]' : '""';
}

function placeholderHint(def: FieldDef | undefined): string | undefined {
  if (def?.placeholder !== undefined) return undefined;
  switch (def?.type) {
    case 'list': return def.values?.length ? def.values.join(' | ') : undefined;
    case 'date': return 'YYYY-MM-DD';
    case 'datetime': return 'YYYY-MM-DDTHH:MM+08:00';
    case 'enum': return def.values?.join(' | ') ?? '';
    case 'boolean': return 'true | false';
    case 'number': case 'money': return '0.00';
    default: return undefined;
  }
}

/** What the placeholder reads back as. */
function placeholderData(def: FieldDef | undefined): unknown {
  if (def?.placeholder !== undefined) return String(def.placeholder);
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
