/**
 * Edits to a record's keys: a key renamed where it stands, a field removed with its line (or, in a flow
 * mapping, its pair and one comma). Made from the yaml package's nodes, so a block scalar, a block list or a
 * comment on the field's line goes with the field and nothing else moves; read back by the caller like every edit.
 */
import { isMap, isNode, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { ParsedRecord } from '../model/parsed';
import { scalarText } from '../model/records';
import type { EditSession } from './edit-session';
import { atLineStart, keyText, lineEnd, lineStart } from './scalars';
import type { TextEdit } from './text-edit';
import { refuse } from './unsafe-edit';

interface Mapping {
  map: YAMLMap.Parsed;
  base: number;
}

function mappingOf(session: EditSession, record: ParsedRecord): Mapping {
  const { doc, base } = session.document(record);
  const error = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  if (error) refuse(record.index, `its YAML does not read cleanly (${error.message})`);
  if (!isMap(doc.contents)) refuse(record.index, 'it is not a mapping of fields');
  return { map: doc.contents, base };
}

/** The key as the record reader names the field; undefined for a key that is not a plain value. */
export function keyName(pair: Pair): string | undefined {
  if (!isScalar(pair.key)) return undefined;
  const v = pair.key.value;
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? undefined : scalarText(v);
}

function keyRange(pair: Pair, base: number, index: number): [number, number] {
  const key = pair.key;
  if (!isNode(key) || !key.range) refuse(index, 'cannot find where the key is');
  return [base + key.range[0], base + key.range[1]];
}

/** Where a pair's value ends (its key's end when it has none). */
function valueEnd(pair: Pair, base: number, index: number): number {
  const v = pair.value;
  const [, keyEnd] = keyRange(pair, base, index);
  return isNode(v) && v.range ? Math.max(base + v.range[1], keyEnd) : keyEnd;
}

/** The edits renaming key `from` of the record to `to`; undefined when the record has no such key. */
export function renameKeyEdits(session: EditSession, record: ParsedRecord, from: string, to: string): TextEdit[] | undefined {
  const { map, base } = mappingOf(session, record);
  const pairs = map.items.filter((p) => keyName(p) === from);
  if (!pairs.length) return undefined;
  if (pairs.length > 1) refuse(record.index, `the key "${from}" is written twice`);
  const [start, end] = keyRange(pairs[0], base, record.index);
  return [{ start, end, newText: keyText(to, map.flow === true) }];
}

/** The edits removing every key for which `which` holds, with its value; undefined when the record has none. */
export function removeKeyEdits(session: EditSession, record: ParsedRecord, which: (key: string) => boolean): TextEdit[] | undefined {
  const { map, base } = mappingOf(session, record);
  const text = session.text;
  const edits: TextEdit[] = [];
  map.items.forEach((pair, i) => {
    const key = keyName(pair);
    if (key === undefined || !which(key)) return;
    const [keyStart] = keyRange(pair, base, record.index);
    const end = valueEnd(pair, base, record.index);
    if (map.flow) {
      // `{a: 1, b: 2}`: the pair goes with the comma before it; the first pair with the comma after it.
      if (i > 0) edits.push({ start: valueEnd(map.items[i - 1], base, record.index), end, newText: '' });
      else if (map.items.length > 1) edits.push({ start: keyStart, end: keyRange(map.items[1], base, record.index)[0], newText: '' });
      else edits.push({ start: keyStart, end, newText: '' });
      return;
    }
    const ls = lineStart(text, keyStart);
    if (!/^[ \t]*$/.test(text.slice(ls, keyStart))) refuse(record.index, `the key "${key}" does not start its own line`);
    if (atLineStart(text, end)) {
      // A block scalar or block list ends with its line break (and the blank lines a `|+` keeps): all of it goes.
      edits.push({ start: ls, end, newText: '' });
      return;
    }
    const le = lineEnd(text, end);
    if (!/^[ \t]*(#.*)?$/.test(text.slice(end, le))) refuse(record.index, `something follows the value of "${key}" on its line`);
    const br = text.startsWith('\r\n', le) ? 2 : le < text.length ? 1 : 0;
    edits.push({ start: ls, end: le + br, newText: '' });
  });
  if (map.flow && edits.length > 1) {
    // Neighbouring pairs in a flow mapping share commas: removed one at a time, the caller asks again.
    refuse(record.index, 'two fields of a flow mapping at once');
  }
  return edits.length ? edits : undefined;
}
