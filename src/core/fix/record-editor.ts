/**
 * Edits to one record's top-level mapping in the mapping's own style: a block mapping gets lines at its
 * own indentation, a flow mapping gets pairs inside its braces; block scalars, comments and document
 * markers around the edit keep their meaning. Plain front matter the fast reader takes whole is edited
 * from its field spans; anything else from the yaml package's nodes.
 */
import { isCollection, isMap, isNode, isScalar, type Document, type Pair, type YAMLMap } from 'yaml';
import type { ParsedRecord } from '../model/parsed';
import { trimEnd } from '../parse/yaml-record';
import { flowInsert } from './flow-insert';
import { atLineStart, colonAfter, keyText, lineEnd, lineStart } from './scalars';
import { refuse } from './unsafe-edit';
import type { NewField, TextEdit } from './text-edit';
import { scalarText } from '../model/records';

export interface RecordEditor {
  /** A flow mapping (`{a: 1}`): values written into it must keep clear of `,[]{}`. */
  readonly flow: boolean;
  /** Edits that set an existing field to `render(its current value's text)`; undefined when the record lacks it. */
  replace(field: string, render: (original: string) => string): TextEdit[] | undefined;
  /** Edits that add fields after the last one. */
  insert(fields: readonly NewField[]): TextEdit[];
}

export interface EditorContext {
  text: string;
  kind: 'markdown' | 'yaml';
  record: ParsedRecord;
  /** The line break the record uses where fields go. */
  eol: string;
}

type AnyPair = Pair;

/**
 * Front matter the fast reader took whole: `key: value` lines at column 0 with plain values, so the field
 * spans say all there is to know. New lines go before the closing fence (Markdown: after any comment lines
 * that end the front matter) or after the document's last line (YAML).
 */
export function plainEditor(ctx: EditorContext): RecordEditor {
  const { text, record, eol } = ctx;
  return {
    flow: false,
    replace(field, render) {
      const span = record.fields.get(field);
      if (!span) return undefined;
      const { start, end } = span.value;
      return [start === end ? { start, end, newText: ' ' + render('') } : { start, end, newText: render(text.slice(start, end)) }];
    },
    insert(fields) {
      const lines = fields.map((f) => `${keyText(f.key, false)}: ${f.block}`);
      const at = record.contentSpan.end;
      return [{ start: at, end: at, newText: ctx.kind === 'markdown' ? lines.map((l) => l + eol).join('') : lines.map((l) => eol + l).join('') }];
    },
  };
}

/** Any other record, from the yaml package's document; `base` is where the document's source starts in the text. */
export function astEditor(ctx: EditorContext, doc: Document.Parsed, base: number): RecordEditor {
  const { text, record } = ctx;
  const error = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  if (error) refuse(record.index, `its YAML does not read cleanly (${error.message})`);
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null && contents.range[0] === contents.range[1])) return emptyEditor(ctx);
  if (!isMap(contents)) refuse(record.index, 'it is not a mapping of fields');
  const map = contents;
  const flow = map.flow === true;
  return {
    flow,
    replace(field, render) {
      const pair = findPair(map, field);
      if (!pair) return undefined;
      return replaceValue(text, pair, base, render, record.index, field);
    },
    insert(fields) {
      return flow ? flowInsert(text, map, base, fields, ctx.eol, record.index) : insertBlock(ctx, map, base, fields);
    },
  };
}

/** No mapping yet (`---\n---`, or only comments): the fields become the first lines. */
function emptyEditor(ctx: EditorContext): RecordEditor {
  if (ctx.kind !== 'markdown') refuse(ctx.record.index, 'the document is empty');
  return {
    flow: false,
    replace: () => undefined,
    insert(fields) {
      const at = ctx.record.contentSpan.end;
      return [{ start: at, end: at, newText: fields.map((f) => `${keyText(f.key, false)}: ${f.block}${ctx.eol}`).join('') }];
    },
  };
}

/** The property name toJS gives a scalar key, as the record reader names fields. */
function keyString(v: unknown): string | undefined {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? undefined : scalarText(v);
}

/** The pair whose value the record's data holds: with duplicate keys, the last. */
function findPair(map: YAMLMap.Parsed, field: string): AnyPair | undefined {
  let found: AnyPair | undefined;
  for (const pair of map.items) if (isScalar(pair.key) && keyString(pair.key.value) === field) found = pair;
  return found;
}

function isBlockScalar(v: unknown): v is { range: [number, number, number] } {
  return isScalar(v) && (v.type === 'BLOCK_LITERAL' || v.type === 'BLOCK_FOLDED') && v.range !== undefined && v.range !== null;
}

/** `|`, `>-`, `|2+`…: the block scalar header's indicators at `start`. */
function headerToken(text: string, start: number, index: number): string {
  const token = /^[|>][0-9+-]*/.exec(text.slice(start, lineEnd(text, start)))?.[0];
  return token ?? refuse(index, 'cannot read the header of a block scalar');
}

function replaceValue(text: string, pair: AnyPair, base: number, render: (original: string) => string, index: number, field: string): TextEdit[] {
  const key = pair.key;
  if (!isScalar(key) || !key.range) refuse(index, `cannot find the key "${field}"`);
  const keyEnd = base + key.range[1];
  const v = pair.value;
  if (!isNode(v) || !v.range || v.range[0] === v.range[1]) {
    // `key:` with nothing (or only a comment) after it: the value goes right after the colon; `{key}` gets one.
    const colon = colonAfter(text, keyEnd);
    return [colon >= 0 ? { start: colon + 1, end: colon + 1, newText: ' ' + render('') } : { start: keyEnd, end: keyEnd, newText: ': ' + render('') }];
  }
  const start = base + v.range[0];
  const end = base + v.range[1];
  if (isBlockScalar(v)) {
    // Header and body go, with the blank lines a `|+` keeps (the node's range: what belongs to the value),
    // but not the last line break, which now ends the key's line; a comment on the header line stays.
    const headerEnd = trimEnd(text, start, lineEnd(text, start));
    const token = headerToken(text, start, index);
    let bodyEnd = end;
    if (text.charCodeAt(bodyEnd - 1) === 10) bodyEnd--;
    if (text.charCodeAt(bodyEnd - 1) === 13) bodyEnd--;
    return [{ start, end: Math.max(bodyEnd, headerEnd), newText: render('') + text.slice(start + token.length, headerEnd) }];
  }
  if (isCollection(v) && !v.flow) {
    // A block list or mapping on the lines below: the scalar goes after the colon and the lines go.
    const colon = colonAfter(text, keyEnd);
    if (colon < 0) refuse(index, `cannot find the ":" after "${field}"`);
    return [{ start: colon + 1, end: trimEnd(text, colon + 1, end), newText: ' ' + render('') }];
  }
  return [{ start, end, newText: render(text.slice(start, end)) }];
}

/**
 * New lines after a block mapping's last entry, at the indentation of its keys. Markdown: before the closing
 * fence. YAML: at the mapping's end, which lies after the kept blank lines of a `|+` scalar, so they stay in
 * that scalar, and before a comment, `...` or `---` that follows it.
 */
function insertBlock(ctx: EditorContext, map: YAMLMap.Parsed, base: number, fields: readonly NewField[]): TextEdit[] {
  const { text, eol, record } = ctx;
  const last = map.items[map.items.length - 1];
  const key = last.key;
  if (!isNode(key) || !key.range) refuse(record.index, 'cannot find where the last field starts');
  const keyStart = base + key.range[0];
  const indent = /^ */.exec(text.slice(lineStart(text, keyStart), keyStart))![0];
  const lines = fields.map((f) => `${indent}${keyText(f.key, false)}: ${f.block}`);
  if (ctx.kind === 'markdown') {
    const at = record.contentSpan.end;
    return [{ start: at, end: at, newText: lines.map((l) => l + eol).join('') }];
  }
  const p = base + map.range[1];
  if (atLineStart(text, p)) return [{ start: p, end: p, newText: lines.map((l) => l + eol).join('') }];
  // The document ends without a line break (or with a comment on the last line): the lines go after it.
  const le = lineEnd(text, p);
  if (!/^[ \t]*(#.*)?$/.test(text.slice(p, le))) refuse(record.index, 'something follows the mapping on its last line');
  // (A block scalar there reads the same: the yaml package gives it its final line break even at the end of the file.)
  return [{ start: le, end: le, newText: lines.map((l) => eol + l).join('') }];
}
