/**
 * New pairs in a flow mapping (`{id: A-1, title: t}`), inside its braces and in its layout: on one line
 * after the last pair with the same separator, or one pair per line at the pairs' indentation when the
 * mapping is written that way; a trailing comma stays a trailing comma, a comment after the last pair
 * stays on its line.
 */
import { isNode, type Pair, type YAMLMap } from 'yaml';
import type { NewField } from './text-edit';
import { colonAfter, commentFollows, keyText, lineEnd, lineStart } from './scalars';
import type { TextEdit } from './text-edit';
import { refuse } from './unsafe-edit';

type AnyPair = Pair;

export function flowInsert(text: string, map: YAMLMap.Parsed, base: number, fields: readonly NewField[], eol: string, index: number): TextEdit[] {
  const open = base + map.range[0];
  const close = base + map.range[1] - 1;
  if (text[open] !== '{' || text[close] !== '}') refuse(index, 'cannot find the braces of the flow mapping');
  const pairs = fields.map((f) => `${keyText(f.key, true)}: ${f.flow}`);
  const items = map.items as AnyPair[];
  if (items.length === 0) return [{ start: open + 1, end: open + 1, newText: pairs.join(', ') }];
  const last = items[items.length - 1];
  const end = pairEnd(text, last, base, index);
  const comma = trailingComma(text, end, close, index);
  const keyStart = pairStart(last, base, index);
  const ls = lineStart(text, keyStart);
  const lead = text.slice(ls, keyStart);
  if (ls > open && /^[ \t]*$/.test(lead)) {
    // One pair per line: new lines at the same indentation, after the comment that may end the last line.
    const anchor = comma >= 0 ? comma + 1 : end;
    const at = commentFollows(text, anchor) ? lineEnd(text, anchor) : anchor;
    const lines = pairs.map((p) => eol + lead + p);
    if (comma >= 0) return [{ start: at, end: at, newText: lines.map((l) => l + ',').join('') }];
    if (at === anchor) return [{ start: at, end: at, newText: ',' + lines.join(',') }];
    return [
      { start: end, end, newText: ',' },
      { start: at, end: at, newText: lines.join(',') },
    ];
  }
  // On one line: the separator the mapping already uses between its pairs, or `, `.
  let space = ' ';
  if (items.length >= 2) {
    const between = /^[ \t]*,([ \t]*)$/.exec(text.slice(pairEnd(text, items[items.length - 2], base, index), keyStart));
    if (between) space = between[1];
  }
  if (comma >= 0) return [{ start: comma + 1, end: comma + 1, newText: pairs.map((p) => space + p + ',').join('') }];
  return [{ start: end, end, newText: pairs.map((p) => ',' + space + p).join('') }];
}

function pairStart(pair: AnyPair, base: number, index: number): number {
  const key = pair.key;
  if (!isNode(key) || !key.range) refuse(index, 'cannot find where the last pair of the flow mapping starts');
  return base + key.range[0];
}

/** Just after the pair's value; after its colon (or key) when it has none (`{a: }`, `{a}`). */
function pairEnd(text: string, pair: AnyPair, base: number, index: number): number {
  const v = pair.value;
  if (isNode(v) && v.range && v.range[1] > v.range[0]) return base + v.range[1];
  const key = pair.key;
  if (!isNode(key) || !key.range) refuse(index, 'cannot find where a pair of the flow mapping ends');
  const keyEnd = base + key.range[1];
  const colon = colonAfter(text, keyEnd);
  return colon >= 0 ? colon + 1 : keyEnd;
}

/** The comma between the last pair and `}` (-1 if none); only blanks and comments may be there besides. */
function trailingComma(text: string, from: number, close: number, index: number): number {
  let comma = -1;
  for (let i = from; i < close; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (c === '#') i = lineEnd(text, i) - 1;
    else if (c === ',' && comma < 0) comma = i;
    else refuse(index, 'cannot tell where the last pair of the flow mapping ends');
  }
  return comma;
}
