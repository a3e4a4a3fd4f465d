/**
 * Finds Markdown front matter by its fences without touching the YAML or the body.
 * Line breaks are `\n`, `\r\n` and a lone `\r`, as in LineIndex.
 */
export interface FrontMatterFences {
  /** Offset of the opening `---`. */
  openStart: number;
  /** End of the opening fence line, before its line break. */
  openEnd: number;
  /** First offset after the opening fence line: where the YAML starts. */
  contentStart: number;
  /** Where the YAML ends: start of the closing fence line, or the end of the text when unclosed. */
  contentEnd: number;
  /** The closing fence line without its line break; undefined when the front matter is not closed. */
  close?: { start: number; end: number };
  /** First offset after the closing fence line: where the Markdown body starts. */
  bodyStart?: number;
}

/** Returns undefined when the text does not open with a `---` line (a BOM before it is allowed). */
export function findFrontMatter(text: string): FrontMatterFences | undefined {
  const openStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const openEnd = fenceEnd(text, openStart, false);
  if (openEnd < 0) return undefined;
  const contentStart = afterBreak(text, openEnd);
  let pos = contentStart;
  while (pos < text.length) {
    const end = fenceEnd(text, pos, true);
    if (end >= 0) {
      return { openStart, openEnd, contentStart, contentEnd: pos, close: { start: pos, end }, bodyStart: afterBreak(text, end) };
    }
    pos = nextLine(text, pos);
  }
  return { openStart, openEnd, contentStart, contentEnd: text.length };
}

/**
 * Front matter that would be there but for blank lines (spaces and tabs only) before its opening `---`: one
 * keystroke in an editor does it, and the file then stops being a record. Returns where the blank lines start
 * (after a BOM) and where the fence starts, only when the fence is closed further down: a `---` after blank
 * lines that nothing closes is a Markdown rule, not front matter.
 */
export function findLateFrontMatter(text: string): { start: number; fence: number; blankLines: number } | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let pos = start;
  let blankLines = 0;
  for (;;) {
    let i = pos;
    // A line that looks empty is empty: the full-width space (U+3000) a Chinese input method types, a no-break space, a stray BOM.
    while (isBlankChar(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) break;
    pos = afterBreak(text, i);
    blankLines++;
  }
  if (blankLines === 0 || fenceEnd(text, pos, false) < 0) return undefined;
  // The rest read as if it started at the fence: closed front matter, or nothing.
  const rest = findFrontMatter(text.slice(pos));
  return rest?.close ? { start, fence: pos, blankLines } : undefined;
}

function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b);
}

/**
 * Why a Markdown file that is not a record looks like one, or undefined: front matter that starts below
 * other text (a heading, a comment), or `key: value` lines at the top without the `---` fences around
 * them (`isField` says which keys the schema knows). Such a file would otherwise just not be there.
 */
export function recordLookalike(text: string, isField: (key: string) => boolean): { kind: 'late-fence' | 'no-fences'; line: number; end: number } | undefined {
  const lines = text.split(/\r\n|\r|\n/, 40);
  const fence = lines.findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l));
  if (fence > 0 && fence < 20) {
    const close = lines.findIndex((l, i) => i > fence && /^(---|\.\.\.)[ \t]*$/.test(l));
    const keys = lines.slice(fence + 1, close < 0 ? undefined : close).map((l) => /^([^\s#:][^:]*?)\s*:(\s|$)/.exec(l)?.[1]);
    // A Markdown rule or heading underline has prose around it; front matter has the schema's keys.
    if (close > fence + 1 && keys.filter((k) => k !== undefined && isField(k)).length >= 2) return { kind: 'late-fence', line: fence, end: close };
  }
  let known = 0;
  let i = 0;
  while (i < lines.length && /^\s*$/.test(lines[i])) i++;
  const first = i;
  for (; i < lines.length; i++) {
    const m = /^([^\s#:][^:]*?)\s*:(\s|$)/.exec(lines[i]);
    if (!m) break;
    if (isField(m[1])) known++;
  }
  return known >= 2 ? { kind: 'no-fences', line: first, end: i - 1 } : undefined;
}

/** If the line at `pos` is a fence (`---`, or `...` when allowed, then only spaces/tabs), the offset of its line break; else -1. */
function fenceEnd(text: string, pos: number, allowDots: boolean): number {
  const c = text.charCodeAt(pos);
  if (c !== 45 /* - */ && !(allowDots && c === 46) /* . */) return -1;
  if (text.charCodeAt(pos + 1) !== c || text.charCodeAt(pos + 2) !== c) return -1;
  let i = pos + 3;
  for (;;) {
    const d = text.charCodeAt(i);
    if (d === 32 || d === 9) i++;
    else if (d === 10 || d === 13 || Number.isNaN(d)) return i;
    else return -1;
  }
}

function afterBreak(text: string, lineEnd: number): number {
  const c = text.charCodeAt(lineEnd);
  if (c === 13) return text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
  return c === 10 ? lineEnd + 1 : lineEnd;
}

function nextLine(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return afterBreak(text, i);
  }
  return text.length;
}
