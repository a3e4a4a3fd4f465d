import type * as vscode from 'vscode';
import type { Lang } from '../../../core/model/lang';
import { parseRecordText } from '../../../core/parse/record-file';
import { type ParsedRecord } from '../../../core/model/parsed';
import type { Bilingual, Schema } from '../../../core/model/schema';
import type { Services } from '../../services';

/** A top-level `key:` at column 0, followed by a space, a tab or the end of the line. */
const KEY_LINE = /^([A-Za-z_][\w.-]*)[ \t]*:(?=[ \t]|$)/;
const DOC_MARKER = /^(?:---|\.\.\.)(?:[ \t]|$)/;

/**
 * The record whose YAML a position is in, read from the editor's text. It works line by line
 * rather than from the parsed data, because while a line is being typed the YAML is often invalid.
 */
export interface RecordYaml {
  schema: Schema;
  record: ParsedRecord;
  /** First and last line of the record's YAML (inclusive). */
  firstLine: number;
  lastLine: number;
  /** Top-level keys → the line each first appears on. */
  keys: Map<string, number>;
  /** The record's `category` value as written, if any. */
  category: string | undefined;
}

export function recordYamlAt(services: Services, doc: vscode.TextDocument, pos: vscode.Position): RecordYaml | undefined {
  const kind = doc.languageId === 'markdown' ? 'markdown' : doc.languageId === 'yaml' ? 'yaml' : undefined;
  const folder = kind && services.index.folderOf(doc.uri);
  const rel = folder ? folder.relative(doc.uri) : undefined;
  if (!kind || !folder || rel === undefined || !folder.isRecordPath(rel)) return undefined;
  const text = doc.getText();
  const { records } = parseRecordText(text, kind);
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const [start, end] = kind === 'markdown' ? [record.contentSpan.start, record.contentSpan.end] : yamlRegion(doc, text, records, i);
    const firstLine = doc.positionAt(start).line;
    const endPos = doc.positionAt(end);
    // A region that ends at the start of a line (the closing fence, the next `---`) does not include that line.
    const lastLine = endPos.character === 0 && end > start ? endPos.line - 1 : endPos.line;
    if (pos.line < firstLine || pos.line > lastLine) continue;
    const keys = new Map<string, number>();
    let written: string | undefined;
    for (let line = firstLine; line <= lastLine; line++) {
      const m = KEY_LINE.exec(doc.lineAt(line).text);
      if (!m || keys.has(m[1])) continue;
      keys.set(m[1], line);
      if (m[1] === 'category') written = plainValue(doc.lineAt(line).text.slice(m[0].length));
    }
    const parsed = record.data?.category;
    return { schema: folder.schema, record, firstLine, lastLine, keys, category: typeof parsed === 'string' ? parsed : written };
  }
  return undefined;
}

/** A YAML document runs from its start to the next document (or the next `---`/`...` marker). */
function yamlRegion(doc: vscode.TextDocument, text: string, records: ParsedRecord[], i: number): [number, number] {
  const record = records[i];
  let end = i + 1 < records.length ? records[i + 1].span.start : text.length;
  // An empty document after this one is not a record, but its `---` still ends this one.
  const from = doc.positionAt(record.contentSpan.end).line + 1;
  const until = doc.positionAt(end).line;
  for (let line = from; line < until; line++) {
    if (DOC_MARKER.test(doc.lineAt(line).text)) {
      end = doc.offsetAt(doc.lineAt(line).range.start);
      break;
    }
  }
  return [Math.min(record.span.start, record.contentSpan.start), end];
}

/** The top-level key a line belongs to: its own `key:`, or the key above a continuation (indented or `- item`) line. */
export function ownerKey(doc: vscode.TextDocument, ctx: RecordYaml, line: number): { key: string; line: number } | undefined {
  for (let l = line; l >= ctx.firstLine; l--) {
    const text = doc.lineAt(l).text;
    const m = KEY_LINE.exec(text);
    if (m) return { key: m[1], line: l };
    const continuation = /^[ \t]/.test(text) || /^-(?:[ \t]|$)/.test(text) || (l !== line && (text.trim() === '' || text.startsWith('#')));
    if (!continuation) return undefined;
  }
  return undefined;
}

export function keyOfLine(text: string): { key: string; colon: number } | undefined {
  const m = KEY_LINE.exec(text);
  return m ? { key: m[1], colon: m[0].length } : undefined;
}

/** A one-line scalar without its comment and quotes. */
export function plainValue(raw: string): string | undefined {
  let v = raw.trim();
  if (v.startsWith('"') || v.startsWith("'")) {
    const close = v.indexOf(v[0], 1);
    v = close > 0 ? v.slice(1, close) : v.slice(1);
  } else {
    v = v.replace(/(^|[ \t])#.*$/, '').trim();
  }
  return v || undefined;
}

/** "Signed on (签订日期)": the display language first, the other in parentheses. */
export function bilingual(b: Bilingual, lang: Lang): string {
  const [first, second] = lang === 'zh' ? [b.zh, b.en] : [b.en, b.zh];
  if (!first) return second;
  return second && second !== first ? `${first} (${second})` : first;
}

/** The display language's text, or the other one when it is empty. */
export function pick(b: Bilingual, lang: Lang): string {
  return (lang === 'zh' ? b.zh || b.en : b.en || b.zh) ?? '';
}
