/**
 * Turns one parsed YAML document into a ParsedRecord's data, field spans and problems.
 * Nothing from the yaml package's Document survives: the caller drops it afterwards.
 */
import { Document, isMap, isNode, isScalar, isSeq, visit, type YAMLMap } from 'yaml';
import { exactIntegers } from './exact-int';
import type { FieldSpan, ParsedRecord, Span, YamlProblem } from '../model/parsed';
import { scalarText } from '../model/records';

const MAX_ALIAS_COUNT = 100;

/**
 * YAML 1.2 core schema (the package default), so `2020-02-30` and `yes` stay strings, with integers that a
 * number would not hold exactly kept as their text (exact-int.ts); `logLevel` keeps toJS from printing
 * process warnings.
 */
export const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: false, logLevel: 'error', customTags: exactIntegers } as const;
const TO_JS = { maxAliasCount: MAX_ALIAS_COUNT } as const;

/** No content node at all, as in `---\n` or a front matter holding only comments. */
export function isEmptyDocument(doc: Document.Parsed): boolean {
  const c = doc.contents;
  return c === null || (isScalar(c) && c.value === null && c.range[0] === c.range[1]);
}

/**
 * Fills `record` from `doc`, which was parsed from `src`; `base` is where `src` starts
 * in the file text, so every span comes out relative to the whole file.
 */
export function readDocument(doc: Document.Parsed, src: string, base: number, record: ParsedRecord): void {
  const problems = record.problems;
  for (const e of doc.errors) {
    const dup = e.code === 'DUPLICATE_KEY';
    const end = dup ? (keyEndAt(doc, e.pos[0]) ?? e.pos[1]) : e.pos[1];
    problems.push({ code: dup ? 'duplicate-key' : 'yaml-syntax', message: e.message, span: { start: base + e.pos[0], end: base + end } });
  }
  if (isEmptyDocument(doc)) {
    record.data = {};
    return;
  }
  const contents = doc.contents;
  if (!isMap(contents)) {
    const [start, end] = contents ? contents.range : [0, src.length];
    const found = isSeq(contents) ? 'a list' : isScalar(contents) ? 'a single value' : 'no mapping';
    problems.push({
      code: 'not-a-mapping',
      message: `expected a mapping of fields (key: value lines), found ${found}`,
      span: { start: base + start, end: base + trimEnd(src, start, end) },
    });
    return;
  }
  collectFields(contents, src, base, record);
  try {
    const js: unknown = doc.toJS(TO_JS);
    record.data = js !== null && typeof js === 'object' && !Array.isArray(js) ? (js as Record<string, unknown>) : {};
  } catch (e) {
    record.data = readFieldByField(doc, contents, record, e);
  }
}

function collectFields(map: YAMLMap.Parsed, src: string, base: number, record: ParsedRecord): void {
  for (const pair of map.items) {
    const key = pair.key;
    if (!isScalar(key)) continue;
    const name = keyString(key.value);
    if (name === undefined) continue;
    const value = pair.value;
    let valueSpan: Span;
    if (isNode(value) && value.range && value.range[1] > value.range[0]) {
      valueSpan = { start: base + value.range[0], end: base + trimEnd(src, value.range[0], value.range[1]) };
    } else {
      const at = base + afterColon(src, key.range[1]);
      valueSpan = { start: at, end: at };
    }
    // Map.set keeps the first position in the order but takes the last spans, matching toJS (last value wins).
    record.fields.set(name, { key: { start: base + key.range[0], end: base + key.range[1] }, value: valueSpan });
  }
}

/** The yaml package marks only the first character of a duplicate key; the whole key reads better. */
function keyEndAt(doc: Document.Parsed, start: number): number | undefined {
  let end: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === start) {
        end = pair.key.range[1];
        return visit.BREAK;
      }
    },
  });
  return end;
}

/** Where a value would be typed for `key:` with nothing after it. */
function afterColon(src: string, keyEnd: number): number {
  let p = keyEnd;
  while (src.charCodeAt(p) === 32 || src.charCodeAt(p) === 9) p++;
  return src.charCodeAt(p) === 58 /* : */ ? p + 1 : keyEnd;
}

/** The property name toJS gives a scalar key; undefined for keys no field check could name. */
function keyString(v: unknown): string | undefined {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? undefined : scalarText(v);
}

/**
 * toJS gave up on the whole document (alias bomb, unresolved alias). Converting each
 * field alone keeps the good fields usable and pins the problem on the bad ones.
 */
function readFieldByField(doc: Document.Parsed, map: YAMLMap.Parsed, record: ParsedRecord, wholeError: unknown): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  let reported = false;
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const name = keyString(pair.key.value);
    if (name === undefined) continue;
    try {
      setKey(data, name, isNode(pair.value) ? pair.value.toJS(doc, TO_JS) : null);
    } catch (e) {
      Reflect.deleteProperty(data, name);
      const span = record.fields.get(name)?.value ?? record.contentSpan;
      record.problems.push(toJsProblem(e, span));
      reported = true;
    }
  }
  if (!reported) record.problems.push(toJsProblem(wholeError, record.contentSpan));
  return data;
}

function toJsProblem(e: unknown, span: Span): YamlProblem {
  const message = e instanceof Error ? e.message : String(e);
  return /alias count/i.test(message)
    ? { code: 'alias-limit', message: `too many alias expansions (more than ${MAX_ALIAS_COUNT}); ${message}`, span }
    : { code: 'yaml-syntax', message, span };
}

function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  // Plain assignment to `__proto__` would change the object's prototype instead of adding a field.
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

/**
 * Substrings of at least 13 characters are views into the file text in V8; concatenating
 * and slicing forces a fresh copy (measured: releases a 2 MB parent; Buffer round-trips
 * and structuredClone also work but are about twice as slow).
 */
function flat(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export function detachRecord(record: ParsedRecord): void {
  if (record.data) detachValue(record.data, new Set());
  const fields = new Map<string, FieldSpan>();
  for (const [k, v] of record.fields) fields.set(flat(k), v);
  record.fields = fields;
  for (const p of record.problems) p.message = flat(p.message);
}

/** Flattens strings in place; aliases make shared and even cyclic structures, hence `seen`. */
function detachValue(v: unknown, seen: Set<object>): unknown {
  if (typeof v === 'string') return flat(v);
  if (v === null || typeof v !== 'object' || seen.has(v)) return v;
  seen.add(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = detachValue(v[i], seen);
  } else {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const d = detachValue(o[k], seen);
      if (d !== o[k]) o[k] = d;
    }
  }
  return v;
}

/** Spans end at the last non-blank character, not on the next line. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c !== 10 && c !== 13 && c !== 32 && c !== 9) break;
    end--;
  }
  return end;
}
