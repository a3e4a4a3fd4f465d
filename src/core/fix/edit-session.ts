/**
 * One file being edited: its parsed records, an editor per record in that record's style, and the checks
 * every planned edit goes through before it is handed out (where it lies, which line breaks it writes,
 * and what the file reads as afterwards).
 */
import { parseAllDocuments, parseDocument, type Document } from 'yaml';
import { fastReadMapping } from '../parse/fast-path';
import { LineIndex } from '../parse/lines';
import { parseRecordText } from '../parse/record-file';
import { type ParsedFile, type ParsedRecord, type Span } from '../model/parsed';
import type { Aliases } from '../model/schema';
import { YAML_OPTIONS } from '../parse/yaml-record';
import { astEditor, plainEditor, type RecordEditor } from './record-editor';
import { atLineStart, eolNear } from './scalars';
import { applyEdits, type TextEdit } from './text-edit';
import { UnsafeEditError, refuse, type EditPlan } from './unsafe-edit';
import { verifyEdits, type Expected } from './verify';

export class EditSession {
  readonly parsed: ParsedFile;
  private readonly editors = new Map<number, RecordEditor>();
  private docs: Document.Parsed[] | undefined;
  private lineIndex: LineIndex | undefined;

  /**
   * `parsed`: the file as already parsed from this very text (the index has it), so it is not parsed twice.
   * `aliases`: fields are named as the schema names them, so `archive_no` finds a `档号:` key.
   */
  constructor(
    readonly text: string,
    readonly kind: 'markdown' | 'yaml',
    parsed?: ParsedFile,
    readonly aliases?: Aliases,
  ) {
    this.parsed = parsed ?? parseRecordText(text, kind, { aliases });
  }

  lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  record(index: number): ParsedRecord | undefined {
    return this.parsed.records.find((r) => r.index === index);
  }

  /** The record's editor; refuses (throws UnsafeEditError) when the record cannot be edited safely. */
  editor(record: ParsedRecord): RecordEditor {
    let editor = this.editors.get(record.index);
    if (!editor) {
      editor = this.makeEditor(record);
      this.editors.set(record.index, editor);
    }
    return editor;
  }

  /** The line break of the record where its fields end: its own, whatever the body or other documents use. */
  eol(record: ParsedRecord): string {
    return eolNear(this.text, record.contentSpan.end, this.region(record));
  }

  /** Where edits of a record may go: Markdown, the YAML between the fences; YAML, its document up to the next record. */
  region(record: ParsedRecord): Span {
    if (this.kind === 'markdown') return record.contentSpan;
    const records = this.parsed.records;
    const next = records[records.indexOf(record) + 1];
    return { start: record.span.start, end: next ? next.span.start : this.text.length };
  }

  /** Refuses edits of `record` that would reach outside it or write line breaks other than its own. */
  check(record: ParsedRecord, edits: readonly TextEdit[]): void {
    const { start, end } = this.region(record);
    const eol = this.eol(record);
    for (const e of edits) {
      if (e.start < start || e.end > end || e.start > e.end) refuse(record.index, 'the edit would reach outside the record');
      for (const br of e.newText.match(/\r\n|\r|\n/g) ?? []) {
        if (br !== eol) refuse(record.index, 'the edit would mix line endings');
      }
    }
  }

  /** Reads the edited text back and hands out the edits only if it holds exactly what was meant. */
  verify(edits: TextEdit[], expected: ReadonlyMap<number, Expected>, bodyUnchanged: boolean): EditPlan {
    if (edits.length === 0) return { ok: true, edits };
    const afterText = applyEdits(this.text, edits);
    const after = parseRecordText(afterText, this.kind, { aliases: this.aliases });
    const failure = verifyEdits({ before: this.parsed, after, beforeText: this.text, afterText, expected, bodyUnchanged });
    return failure ? { ok: false, ...failure } : { ok: true, edits };
  }

  private makeEditor(record: ParsedRecord): RecordEditor {
    const { text, kind } = this;
    if (kind === 'markdown' && !record.bodySpan) refuse(record.index, 'the front matter is not closed');
    const ctx = { text, kind, record, eol: this.eol(record), keys: this.aliases?.keys };
    const { start, end } = record.contentSpan;
    // The fast reader sees keys at column 0 only if the slice starts a line (a YAML document's content may start indented).
    const plain = record.problems.length === 0 && record.data && atLineStart(text, start) && fastReadMapping(text.slice(start, end), start);
    if (plain) return plainEditor(ctx);
    const { doc, base } = this.document(record);
    return astEditor(ctx, doc, base);
  }

  /**
   * The record's YAML as the yaml package's document, and where the document's source starts in the text:
   * what key edits (a field removed, a key renamed) are made from, whatever reader took the record.
   */
  document(record: ParsedRecord): { doc: Document.Parsed; base: number } {
    const { start, end } = record.contentSpan;
    if (this.kind === 'markdown') {
      if (!record.bodySpan) refuse(record.index, 'the front matter is not closed');
      return { doc: parseDocument(this.text.slice(start, end), YAML_OPTIONS), base: start };
    }
    this.docs ??= parseAllDocuments(this.text, YAML_OPTIONS) as Document.Parsed[];
    const doc = this.docs[record.index];
    const contents = doc?.contents;
    if (!doc || (contents && contents.range[0] !== start)) refuse(record.index, 'the documents of the file do not line up');
    return { doc, base: 0 };
  }
}

/** Runs a planning function, turning a refusal (UnsafeEditError) into a refused plan. */
export function planned(build: () => EditPlan): EditPlan {
  try {
    return build();
  } catch (e) {
    if (e instanceof UnsafeEditError) return { ok: false, record: e.record, reason: e.reason };
    throw e;
  }
}
