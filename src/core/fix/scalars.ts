/**
 * How values and keys are written into YAML, and the small text helpers the edits need. A scalar is
 * written plain only when plain text reads back as the same string in its context; otherwise quoted.
 */

/** Starts that make a plain scalar something else (indicators, a `- ` item, spaces). */
const UNSAFE_START = /^[\s\-?:,[\]{}#&*!|>'"%@`]/;
/** Inside: a `: ` (a key), a ` #` (a comment), trailing space or colon, and any control or non-printable character. */
const UNSAFE_INSIDE = /:\s|:$|\s#|\s$|[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
/** Words and numbers the core schema (and YAML 1.1 readers) would not read as strings. */
const TYPED = /^(true|false|null|yes|no|on|off|y|n|~)$|^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^[-+]?\.(inf|nan)$|^0x[\da-f]+$|^0o[0-7]+$/i;
/** In a flow collection `,[]{}` end or open collections; `:` is quoted too rather than reasoned about. */
const FLOW_UNSAFE = /[,[\]{}:]/;

function plainSafe(value: string, flow: boolean): boolean {
  return value !== '' && !UNSAFE_START.test(value) && !UNSAFE_INSIDE.test(value) && !TYPED.test(value) && !(flow && FLOW_UNSAFE.test(value));
}

/** A double-quoted scalar; JSON's escapes are YAML's, and characters YAML may not hold raw are escaped too. */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(/[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `value` as a YAML scalar written the way `original` was: same quotes, or plain when that reads back as the
 * same string. An original list (`[a]`) means the value is already YAML and is written as it is.
 * In a flow mapping (`flow`), plain text must also keep clear of `,[]{}`.
 */
export function yamlScalar(original: string, value: string, flow = false): string {
  const q = original.trimStart()[0];
  // Single quotes cannot escape: a line break or an unprintable character needs double quotes.
  const control = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/.test(value);
  if (q === '"' || (q === "'" && control)) return doubleQuoted(value);
  if (q === "'") return `'${value.replace(/'/g, "''")}'`;
  if (q === '[') return value;
  return plainSafe(value, flow) ? value : doubleQuoted(value);
}

/** The part of an original value whose style a new string value keeps: its quotes, nothing else (not `[`, `|`, `&a`). */
export function quoteStyle(original: string): string {
  const q = original.trimStart()[0];
  return q === '"' || q === "'" ? q : '';
}

/** A mapping key: plain when it reads back as the same string key, else double-quoted. */
export function keyText(key: string, flow: boolean): string {
  return plainSafe(key, flow) && key.length <= 1000 ? key : doubleQuoted(key);
}

/**
 * The line break to write at `at` in the record spanning `region`: the one ending the line before it, else
 * the next one in the record, else the nearest outside it (a leading comment, the `---` before it), else
 * `\n`. So a record follows its own line endings, whatever a Markdown body or another document uses.
 */
export function eolNear(text: string, at: number, region: { start: number; end: number }): string {
  return (
    breakBefore(text, at, region.start) ??
    breakAfter(text, at, region.end) ??
    breakBefore(text, region.start, 0) ??
    breakAfter(text, region.end, text.length) ??
    '\n'
  );
}

function breakBefore(text: string, from: number, stop: number): string | undefined {
  for (let i = from - 1; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
    if (c === 13) return '\r';
  }
  return undefined;
}

function breakAfter(text: string, from: number, stop: number): string | undefined {
  for (let i = from; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
    if (c === 10) return '\n';
  }
  return undefined;
}

/** Offset of the first character of the line holding `pos`. */
export function lineStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/** Offset of the line break ending the line holding `pos` (or the end of the text). */
export function lineEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

export function atLineStart(text: string, pos: number): boolean {
  return pos === 0 || text.charCodeAt(pos - 1) === 10 || text.charCodeAt(pos - 1) === 13;
}

/** The `:` after a key (spaces and tabs between allowed), or -1. */
export function colonAfter(text: string, keyEnd: number): number {
  let p = keyEnd;
  while (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9) p++;
  return text.charCodeAt(p) === 58 ? p : -1;
}

/** Whether only spaces/tabs and then a `#` comment follow `pos` on its line. */
export function commentFollows(text: string, pos: number): boolean {
  let p = pos;
  while (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9) p++;
  return text.charCodeAt(p) === 35 && p > pos;
}
