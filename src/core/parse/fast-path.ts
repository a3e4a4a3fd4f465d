/**
 * A fast reader for the plain front matter most records have (`key: value` lines, quoted
 * strings, one-line `[a, b]` lists, `- item` lists, plain `|`/`>` block scalars). The yaml
 * package spends ~130 µs on a 20-line front matter, mostly in its generator-based lexer;
 * this takes a few µs. It answers only when it is sure to give exactly what the yaml
 * package would (data, spans), and otherwise returns undefined so the caller parses with
 * the yaml package. Anything unusual — tabs, anchors, tags, escapes, nesting, block
 * scalars beyond the plainest, duplicate keys, problems of any kind — goes to the yaml
 * package, which also reports problems.
 * A differential test holds the two paths to the same results.
 */
import { Schema, isScalar, type ScalarTag } from 'yaml';
import { exactIntegers } from './exact-int';
import type { FieldSpan } from '../model/parsed';

export interface FastMapping {
  data: Record<string, unknown>;
  fields: Map<string, FieldSpan>;
  /** Start of the first entry, and end of the last entry's last line (same-line comment included). */
  contentStart: number;
  contentEnd: number;
}

// The schema's own scalar resolvers (core, with exact integers), so `010`, `1.50`, `0o17`, `.inf`, `~` and
// `320102198511204566` come out exactly as in the yaml package.
const CORE_TAGS = new Schema({ customTags: exactIntegers }).tags.filter((t): t is ScalarTag => t.default === true && !t.collection && t.test !== undefined);
const RESOLVE_OPTIONS = { intAsBigInt: false } as Parameters<ScalarTag['resolve']>[2];
const NO_ERRORS = (): void => {
  throw new Error('scalar needs the yaml package');
};

/** Characters that make YAML behave specially or report problems: tabs, controls, BOM, lone CR. */
const UNSAFE = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/;
/** Characters a plain scalar may not start with (YAML 1.2 c-indicator); `-` is handled apart. */
const INDICATOR_START = /^[?:,[\]{}#&*!|>'"%@`]/;
const FLOW_ITEM_BAD = /[[\]{}"'#:]/;

interface Value {
  value: unknown;
  /** End of the value's span (the yaml node's range end). */
  end: number;
}

interface Pending {
  name: string;
  keyStart: number;
  keyEnd: number;
  items: unknown[];
  indent: number;
  seqStart: number;
  seqEnd: number;
}

/** Reads `src` (positions offset by `base`) or returns undefined to ask for the yaml package. */
export function fastReadMapping(src: string, base: number): FastMapping | undefined {
  if (UNSAFE.test(src)) return undefined;
  const data: Record<string, unknown> = {};
  const fields = new Map<string, FieldSpan>();
  let pending: Pending | undefined;
  let contentStart = -1;
  let contentEnd = -1;
  const finish = (p: Pending): void => {
    const empty = p.items.length === 0;
    const at = base + p.keyEnd + 1;
    data[p.name] = empty ? null : p.items;
    fields.set(p.name, {
      key: { start: base + p.keyStart, end: base + p.keyEnd },
      value: empty ? { start: at, end: at } : { start: base + p.seqStart, end: base + p.seqEnd },
    });
  };

  for (let pos = 0; pos < src.length;) {
    let eol = src.indexOf('\n', pos);
    if (eol < 0) eol = src.length;
    const next = eol + 1;
    let le = eol;
    if (le > pos && src.charCodeAt(le - 1) === 13) le--;
    let i = pos;
    while (i < le && src.charCodeAt(i) === 32) i++;
    if (i === le) {
      pos = next;
      continue;
    }
    const c = src.charCodeAt(i);
    if (c === 35 /* # */) {
      // Comments between list items, after an empty value or indented change the yaml node ranges.
      if (pending || i > pos) return undefined;
      pos = next;
      continue;
    }
    if (i > pos || c === 45 /* - */) {
      if (!pending || c !== 45 || (i + 1 < le && src.charCodeAt(i + 1) !== 32)) return undefined;
      if (pending.items.length === 0) {
        pending.indent = i - pos;
        pending.seqStart = i;
      } else if (pending.indent !== i - pos) return undefined;
      let v = i + 1;
      while (v < le && src.charCodeAt(v) === 32) v++;
      if (v === le) {
        pending.items.push(null);
        pending.seqEnd = i + 1;
      } else {
        const item = readScalar(src, v, le, false);
        if (!item) return undefined;
        pending.items.push(item.value);
        pending.seqEnd = item.end;
      }
      contentEnd = trimSpaces(src, i, le);
      pos = next;
      continue;
    }
    if (pending) finish(pending);
    pending = undefined;
    let k = pos;
    while (k < le) {
      const d = src.charCodeAt(k);
      // Stop at anything that could make the key non-plain; the `:` check below then rejects it.
      if (d === 58 || d === 32 || d === 35 || d === 44 || d === 91 || d === 93 || d === 123 || d === 125 || d === 34 || d === 39) break;
      k++;
    }
    if (k === pos || src.charCodeAt(k) !== 58 || (k + 1 < le && src.charCodeAt(k + 1) !== 32)) return undefined;
    const name = src.slice(pos, k);
    if (!plainStartOk(name) || name.startsWith('<<') || name.length > 1000 || name === '__proto__' || fields.has(name)) return undefined;
    if (typeof resolvePlain(name) !== 'string') return undefined; // toJS would rename `1:` or `null:`
    if (contentStart < 0) contentStart = pos;
    let v = k + 1;
    while (v < le && src.charCodeAt(v) === 32) v++;
    contentEnd = trimSpaces(src, pos, le);
    if (v === le || src.charCodeAt(v) === 35) {
      pending = { name, keyStart: pos, keyEnd: k, items: [], indent: 0, seqStart: 0, seqEnd: 0 };
    } else if (src.charCodeAt(v) === 124 /* | */ || src.charCodeAt(v) === 62 /* > */) {
      const block = readBlockScalar(src, v, le, next);
      if (!block) return undefined;
      data[name] = block.value;
      fields.set(name, { key: { start: base + pos, end: base + k }, value: { start: base + v, end: base + block.end } });
      contentEnd = block.end;
      pos = block.next;
      continue;
    } else {
      const value = readScalar(src, v, le, true);
      if (!value) return undefined;
      data[name] = value.value;
      fields.set(name, { key: { start: base + pos, end: base + k }, value: { start: base + v, end: base + value.end } });
    }
    pos = next;
  }
  if (pending) finish(pending);
  if (contentStart < 0) return undefined;
  return { data, fields, contentStart: base + contentStart, contentEnd: base + contentEnd };
}

/** A one-line value at `v` (not blank, not a comment) running to `le`; top-level values may carry a comment and be a flow list. */
function readScalar(src: string, v: number, le: number, topLevel: boolean): Value | undefined {
  const c = src[v];
  if (c === '"' || c === "'") {
    const close = src.indexOf(c, v + 1);
    if (close < 0 || close >= le) return undefined;
    const inner = src.slice(v + 1, close);
    if (c === '"' && inner.includes('\\')) return undefined;
    if (c === "'" && src[close + 1] === "'") return undefined;
    return restIsComment(src, close + 1, le, topLevel) ? { value: inner, end: close + 1 } : undefined;
  }
  if (c === '[') {
    if (!topLevel) return undefined;
    const close = src.indexOf(']', v);
    if (close < 0 || close >= le) return undefined;
    const inner = src.slice(v + 1, close);
    if (FLOW_ITEM_BAD.test(inner)) return undefined;
    const items: unknown[] = [];
    if (inner.trim() !== '') {
      for (const raw of inner.split(',')) {
        const item = raw.trim();
        if (item === '' || !plainStartOk(item) || item.includes('  ')) return undefined;
        items.push(resolvePlain(item));
      }
    }
    return restIsComment(src, close + 1, le, true) ? { value: items, end: close + 1 } : undefined;
  }
  let end = le;
  // A comment starts at ` #` on this line (indexOf would search on to the end of the text, line after line).
  for (let p = v + 1; p < le; p++) {
    if (src.charCodeAt(p) === 35 && src.charCodeAt(p - 1) === 32) {
      if (!topLevel) return undefined;
      end = p - 1;
      break;
    }
  }
  end = trimSpaces(src, v, end);
  const text = src.slice(v, end);
  if (!plainStartOk(text) || text.includes(': ') || text.endsWith(':')) return undefined;
  return { value: resolvePlain(text), end };
}

/**
 * A top-level block scalar in its plainest form: `|`, `|-`, `>` or `>-` alone on the key's line, then one or
 * more lines all indented alike, none blank, none with trailing spaces, ended by a line at column 0 (or the
 * end). Literal lines join with newlines, folded ones with spaces; clip adds one final newline. Anything
 * else (indentation or keep indicators, comments, blank or more-indented lines) goes to the yaml package.
 */
function readBlockScalar(src: string, v: number, le: number, next: number): { value: string; end: number; next: number } | undefined {
  const folded = src.charCodeAt(v) === 62;
  let h = v + 1;
  const strip = src.charCodeAt(h) === 45; /* - */
  if (strip) h++;
  while (h < le && src.charCodeAt(h) === 32) h++;
  if (h !== le) return undefined;
  const lines: string[] = [];
  let indent = -1;
  let end = -1;
  let pos = next;
  let lineEndsWithBreak = false;
  while (pos < src.length) {
    let eol = src.indexOf('\n', pos);
    if (eol < 0) eol = src.length;
    let e = eol;
    if (e > pos && src.charCodeAt(e - 1) === 13) e--;
    let i = pos;
    while (i < e && src.charCodeAt(i) === 32) i++;
    if (i === pos && i < e) break; // a line at column 0: the next key
    if (i === e || src.charCodeAt(e - 1) === 32) return undefined; // blank line, or trailing spaces
    if (indent < 0) indent = i - pos;
    else if (i - pos !== indent) return undefined;
    lines.push(src.slice(i, e));
    end = e;
    lineEndsWithBreak = eol < src.length;
    pos = eol + 1;
  }
  if (lines.length === 0 || (!strip && !lineEndsWithBreak)) return undefined;
  const value = lines.join(folded ? ' ' : '\n') + (strip ? '' : '\n');
  return { value, end, next: Math.min(pos, src.length) };
}

function restIsComment(src: string, p: number, le: number, commentAllowed: boolean): boolean {
  const start = p;
  while (p < le && src.charCodeAt(p) === 32) p++;
  return p === le || (commentAllowed && p > start && src.charCodeAt(p) === 35);
}

function plainStartOk(s: string): boolean {
  const c = s.charCodeAt(0);
  // Letters, digits, `_` and anything beyond ASCII start a plain scalar: the common case, without the regex.
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c > 127) return true;
  if (INDICATOR_START.test(s)) return false;
  // `-x` is a plain scalar, `- x` or a lone `-` is a list item; `---` and `...` are document markers.
  if (s[0] === '-' && (s.length === 1 || s[1] === ' ' || s.startsWith('---'))) return false;
  return !s.startsWith('...');
}

/** Every core-schema null/bool/int/float pattern starts with one of these; other plain scalars are strings. */
const MAYBE_TYPED = /^[~nNtTfF0-9+\-.]/;

/** The core schema's null and bool words: a plain scalar starting with a letter is one of these or a string. */
const WORDS = new Map<string, unknown>([
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    const lower = c | 32;
    if (lower !== 110 && lower !== 116 && lower !== 102) return s; // not n, t or f: no word of the schema
    const word = WORDS.get(s);
    return word === undefined ? s : word;
  }
  // A date (2025-12-14) is a string in the core schema, and records are full of them.
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && isDigit(c) && isDigit(s.charCodeAt(9))) return s;
  if (!MAYBE_TYPED.test(s)) return s;
  for (const tag of CORE_TAGS) {
    if (tag.test!.test(s)) {
      const r = tag.resolve(s, NO_ERRORS, RESOLVE_OPTIONS);
      return isScalar(r) ? r.value : r;
    }
  }
  return s;
}

function trimSpaces(src: string, start: number, end: number): number {
  while (end > start && src.charCodeAt(end - 1) === 32) end--;
  return end;
}
