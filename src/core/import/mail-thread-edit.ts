/**
 * A thread's record brought up to date with new messages: their attachments added to `attachments` (as scans
 * are, in the list's own style), the fields the import may change set (a list written as a flow list), and a
 * section per new message appended to the body. Comments, quotes, other fields and the body as it was stay
 * byte for byte; each step's text is read back and must hold exactly the intended data, or nothing is written.
 */
import { EditSession } from '../fix/edit-session';
import { insertInOrder } from '../fix/record-editor';
import { quoteStyle, yamlScalar } from '../fix/scalars';
import { applyEdits, type NewField, type TextEdit } from '../fix/text-edit';
import { refuse, UnsafeEditError } from '../fix/unsafe-edit';
import { recordKind } from '../model/records';
import type { Lang } from '../model/lang';
import type { Schema } from '../model/schema';
import { say } from '../text/bilingual';
import type { ImportValue } from './record-text';
import { attachToRecord, EDIT_MSG, type AttachEdit } from './scan-edit';

const flow = (items: readonly string[]) => `[${items.map((i) => yamlScalar('', i, true)).join(', ')}]`;

function setFields(rel: string, text: string, index: number, values: ReadonlyMap<string, ImportValue>, schema: Schema, lang: Lang): AttachEdit {
  if (!values.size) return { ok: true, text };
  try {
    const session = new EditSession(text, recordKind(rel) ?? 'markdown', undefined, schema.aliases);
    const record = session.record(index) ?? refuse(index, say(lang, EDIT_MSG.noRecord));
    if (!record.data) refuse(index, say(lang, EDIT_MSG.notMapping));
    const editor = session.editor(record);
    const edits: TextEdit[] = [];
    const inserts: (NewField & { field: string })[] = [];
    for (const [f, v] of values) {
      const render = (original: string) => (Array.isArray(v) ? flow(v) : yamlScalar(quoteStyle(original), v));
      const replaced = editor.replace(f, render);
      if (replaced) edits.push(...replaced);
      else inserts.push({ field: f, key: f, block: render(''), flow: render('') });
    }
    if (inserts.length) edits.push(...insertInOrder(editor, record, [...schema.fields.keys()], inserts));
    session.check(record, edits);
    const plan = session.verify(edits, new Map([[index, { set: new Map<string, unknown>(values), loose: new Set<string>() }]]), true);
    if (!plan.ok) return { ok: false, reason: plan.reason };
    return { ok: true, text: applyEdits(text, plan.edits) };
  } catch (err) {
    if (err instanceof UnsafeEditError) return { ok: false, reason: err.reason };
    throw err;
  }
}

export function updateThreadRecord(
  rel: string,
  text: string,
  index: number,
  change: { attachments: readonly string[]; values: ReadonlyMap<string, ImportValue>; sections: string },
  schema: Schema,
  lang: Lang = 'en',
): AttachEdit {
  let out = text;
  if (change.attachments.length) {
    const r = attachToRecord(rel, out, index, change.attachments, undefined, schema, lang);
    if (!r.ok) return r;
    out = r.text;
  }
  const r = setFields(rel, out, index, change.values, schema, lang);
  if (!r.ok) return r;
  out = r.text;
  if (change.sections && recordKind(rel) !== 'yaml') {
    const eol = out.includes('\r\n') ? '\r\n' : '\n';
    out = out.replace(/(?:\r?\n)*$/, eol) + eol + change.sections.replace(/\n/g, eol);
  }
  return { ok: true, text: out };
}
