/**
 * Where things are in a batch file's front matter: each listed item and its fingerprint, so findings point at
 * the line a person wrote and approval can fill fingerprints in without rewriting the list.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { parseRecordText } from '../parse/record-file';
import { type Span } from '../model/parsed';
import { YAML_OPTIONS, trimEnd } from '../parse/yaml-record';

export interface ItemLayout {
  /** The item in the `records:` list, from its first character to its last. */
  span: Span;
  /** The `path:` value, when the item has one. */
  path?: Span;
  /** The `sha256:` value, when the item has one. */
  sha256?: Span;
  /** The `attachments:` value (a list or a scalar), when the item has one. */
  attachments?: Span;
  /** Where a new `sha256:` goes: after the item's last value (block), or before its `}` (flow). */
  insertAt: number;
  /** How a new entry is written there: on its own line with this indentation, or inline in a flow mapping. */
  style: { block: string } | { flow: 'comma' | 'first' };
}

export interface BatchLayout {
  /** The `records` key, for findings about the list as a whole. */
  recordsKey?: Span;
  items: ItemLayout[];
}

function rangeOf(node: Node, text: string, base: number): Span {
  const [start, end] = node.range!;
  return { start: base + start, end: base + trimEnd(text, start, end) };
}

/** Undefined when the file has no readable front matter or no `records:` list. */
export function batchLayout(text: string): BatchLayout | undefined {
  const record = parseRecordText(text, 'markdown').records[0];
  if (!record) return undefined;
  const base = record.contentSpan.start;
  const content = text.slice(base, record.contentSpan.end);
  const doc = parseDocument(content, YAML_OPTIONS);
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'records');
  if (!pair || !isScalar(pair.key)) return undefined;
  const recordsKey = rangeOf(pair.key, content, base);
  if (!isSeq(pair.value)) return { recordsKey, items: [] };
  const items: ItemLayout[] = [];
  for (const item of pair.value.items) {
    if (!isMap(item) && !isScalar(item) && !isSeq(item)) continue;
    const span = rangeOf(item, content, base);
    if (!isMap(item)) {
      items.push({ span, insertAt: span.end, style: { flow: 'first' } });
      continue;
    }
    const valueSpan = (key: string, anyNode = false) => {
      const p = item.items.find((x) => isScalar(x.key) && x.key.value === key);
      const v = p?.value as Node | null | undefined;
      return v && (anyNode || isScalar(v)) && v.range ? rangeOf(v, content, base) : undefined;
    };
    let insertAt: number;
    let style: ItemLayout['style'];
    if (item.flow) {
      // Before the closing brace; after a trailing comma no other comma is needed.
      let close = base + item.range[1] - 1;
      while (close > span.start && text[close] !== '}') close--;
      let before = close - 1;
      while (before > span.start && /\s/.test(text[before])) before--;
      insertAt = close;
      style = { flow: text[before] === '{' ? 'first' : text[before] === ',' ? 'first' : 'comma' };
    } else {
      const last = item.items[item.items.length - 1];
      const lastNode = (last?.value ?? last?.key) as Node | null | undefined;
      insertAt = lastNode?.range ? rangeOf(lastNode, content, base).end : span.end;
      const firstKey = item.items[0]?.key as Node | undefined;
      const keyStart = firstKey?.range ? base + firstKey.range[0] : span.start;
      const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
      style = { block: ' '.repeat(keyStart - lineStart) };
    }
    items.push({ span, path: valueSpan('path'), sha256: valueSpan('sha256'), attachments: valueSpan('attachments', true), insertAt, style });
  }
  return { recordsKey, items };
}
