import { LineIndex } from '../parse/lines';
import { parseRecordText, type ParsedRecord } from '../parse/record-file';
import { recordKind } from '../records/matcher';
import type { Finding } from '../records/types';
import type { FieldDef, Schema } from '../schema/types';

/** A text edit in offsets of the file's text: what both the editor and the command line apply. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

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
 * follow the file's line endings, and nothing outside the fixed bytes changes.
 */
export function fixEdits(path: string, text: string, findings: readonly Finding[], schema: Schema): TextEdit[] {
  const lines = new LineIndex(text);
  const edits: TextEdit[] = [];
  const missing = new Map<number, string[]>();
  for (const f of findings) {
    if (!isFixable(f)) continue;
    if (f.data?.missing?.length) {
      const list = missing.get(f.record ?? 0) ?? [];
      list.push(...f.data.missing.filter((m) => !list.includes(m)));
      missing.set(f.record ?? 0, list);
      continue;
    }
    const start = lines.offsetAt(f.start.line, f.start.col);
    const end = lines.offsetAt(f.end.line, f.end.col);
    const replacement = String(f.data!.replacement);
    edits.push({ start, end, newText: RAW.has(f.code) ? replacement : yamlScalar(text.slice(start, end), replacement) });
  }
  if (missing.size) {
    const parsed = parseRecordText(text, recordKind(path) ?? 'markdown');
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    for (const [index, names] of missing) {
      const record = parsed.records.find((r) => r.index === index);
      if (record) edits.push(insertFields(text, record, names, schema, eol, parsed.kind));
    }
  }
  return dropOverlaps(edits);
}

function insertFields(text: string, record: ParsedRecord, names: string[], schema: Schema, eol: string, kind: 'markdown' | 'yaml'): TextEdit {
  const order = [...schema.fields.keys()];
  const sorted = [...names].sort((a, b) => (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9));
  return insertLines(text, record, sorted.map((n) => `${n}: ${placeholder(schema.fields.get(n))}`), eol, kind);
}

function insertLines(text: string, record: ParsedRecord, body: string[], eol: string, kind: 'markdown' | 'yaml'): TextEdit {
  if (kind === 'markdown') {
    // Before the closing fence, after any comment lines that end the front matter.
    const at = text.lastIndexOf('\n', record.span.end - 1) + 1;
    return { start: at, end: at, newText: body.map((l) => l + eol).join('') };
  }
  const at = record.contentSpan.end;
  return { start: at, end: at, newText: body.map((l) => eol + l).join('') };
}

/** A typed placeholder that stays flagged (empty) until filled, with a hint of what goes there. */
export function placeholder(def: FieldDef | undefined): string {
  if (def?.placeholder !== undefined) return yamlScalar('', String(def.placeholder));
  switch (def?.type) {
    case 'list': return def.values?.length ? `[]  # ${def.values.join(' | ')}` : '[]';
    case 'date': return '""  # YYYY-MM-DD';
    case 'datetime': return '""  # YYYY-MM-DDTHH:MM+08:00';
    case 'enum': return `""  # ${def.values?.join(' | ') ?? ''}`;
    case 'boolean': return '""  # true | false';
    case 'number': case 'money': return '""  # 0.00';
    default: return '""';
  }
}

/** `value` as a YAML scalar written the way `original` was: same quotes, or plain when that reads back as the same string. */
export function yamlScalar(original: string, value: string): string {
  const q = original.trimStart()[0];
  if (q === '"') return JSON.stringify(value);
  if (q === "'") return `'${value.replace(/'/g, "''")}'`;
  if (q === '[') return value;
  const plainSafe = value !== '' && !/^[\s\-?:,[\]{}#&*!|>'"%@`]|:\s|\s#|\s$|^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value);
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  return plainSafe || isDate ? value : JSON.stringify(value);
}

function dropOverlaps(edits: TextEdit[]): TextEdit[] {
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) continue;
    out.push(e);
  }
  return out;
}

/** Applies edits to a text (the command line's --fix, and tests). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let pos = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

export interface FieldValue {
  /** The record (document number) in the file. */
  record: number;
  field: string;
  value: string;
}

/**
 * Sets fields of records in a file: an existing value is replaced in place (keeping its quotes), an absent
 * field becomes a new line at the end of the record. Used for archive numbers and status changes.
 */
export function setFieldEdits(path: string, text: string, values: readonly FieldValue[]): TextEdit[] {
  const parsed = parseRecordText(text, recordKind(path) ?? 'markdown');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: TextEdit[] = [];
  const inserts = new Map<number, string[]>();
  for (const v of values) {
    const record = parsed.records.find((r) => r.index === v.record);
    if (!record) continue;
    const span = record.fields.get(v.field);
    if (span) {
      const original = text.slice(span.value.start, span.value.end);
      edits.push(span.value.start === span.value.end
        ? { start: span.value.start, end: span.value.end, newText: ' ' + yamlScalar('', v.value) }
        : { start: span.value.start, end: span.value.end, newText: yamlScalar(original, v.value) });
    } else {
      const lines = inserts.get(v.record) ?? [];
      lines.push(`${v.field}: ${yamlScalar('', v.value)}`);
      inserts.set(v.record, lines);
    }
  }
  for (const [index, lines] of inserts) {
    const record = parsed.records.find((r) => r.index === index)!;
    edits.push(insertLines(text, record, lines, eol, parsed.kind));
  }
  return dropOverlaps(edits);
}
