/**
 * The schema file Set Up writes: the built-in schema's text — its comments and layout kept — with the
 * changes the user accepted (aliases for the keys and values the records use, fields they have that the
 * built-in schema lacks, required fields they do not keep) and the fonds code (全宗号) the user gave.
 */
import { isMap, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Proposed } from './infer';
import { defaultSchemaText } from './load';

/** A fonds code as DA/T 22-2015 writes them (Z109, 0012, J045): letters and digits, and nothing the archive number format uses. */
export const FONDS_PATTERN = /^[A-Za-z0-9]{1,12}$/;

export function renderSchema(changes: readonly Proposed[], fonds: string): string {
  if (!FONDS_PATTERN.test(fonds)) throw new Error(`not a fonds code: ${JSON.stringify(fonds)}`);
  const doc = parseDocument(defaultSchemaText);
  doc.setIn(['archive_number', 'fonds'], fonds);
  for (const c of changes) {
    switch (c.kind) {
      case 'field-alias':
        addTo(doc, ['fields', c.field, 'aliases'], c.key);
        break;
      case 'value-alias':
        if (c.field === 'category') addTo(doc, ['categories', c.reads, 'aliases'], c.value);
        else addTo(doc, ['fields', c.field, 'values', c.reads, 'aliases'], c.value);
        break;
      case 'new-field': {
        const fields = doc.get('fields', true) as YAMLMap;
        const def = doc.createNode({ type: c.type }) as unknown as YAMLMap;
        const label = doc.createNode({ zh: c.key, en: c.key });
        label.flow = true;
        def.set('label', label);
        const pair = doc.createPair(c.key, def);
        pair.key.commentBefore ??= fields.items.some((p) => (p.key as { commentBefore?: string }).commentBefore?.includes('found in the records'))
          ? undefined
          : ' --- found in the records / 记录中发现的字段 ---';
        fields.items.push(pair);
        break;
      }
      case 'not-required': {
        const path = c.category ? ['categories', c.category, 'required'] : ['required'];
        const seq = doc.getIn(path, true) as YAMLSeq | undefined;
        if (isSeq(seq)) seq.items = seq.items.filter((i) => String((i as { value?: unknown }).value ?? i) !== c.field);
        break;
      }
    }
  }
  // The built-in text writes `[a, b]` and `{ zh: …, en: … }`; the yaml package pads both or neither.
  return doc
    .toString({ lineWidth: 0, flowCollectionPadding: true })
    .split('\n')
    .map((l) => (/^\s*#/.test(l) ? l : l.replace(/\[ ([^[\]]*) \]/g, '[$1]')))
    .join('\n');
}

/** Appends `value` to the flow list at `path`, making the list when the node has none. */
function addTo(doc: Document, path: string[], value: string): void {
  const seq = doc.getIn(path, true);
  if (isSeq(seq)) {
    if (!seq.items.some((i) => (i as { value?: unknown }).value === value)) seq.add(doc.createNode(value));
    return;
  }
  const parent = doc.getIn(path.slice(0, -1), true);
  if (isMap(parent)) {
    const node = doc.createNode([value]);
    node.flow = true;
    parent.set(path[path.length - 1], node);
  }
}
