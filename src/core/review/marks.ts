/**
 * Review marks: who reviewed the records as of which commit, kept in `.records/reviews.yaml` and versioned
 * with them. Appending never rewrites the file: comments and formatting stay byte for byte.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { TextEdit } from '../fix/fixes';

export const REVIEWS_PATH = '.records/reviews.yaml';

export interface ReviewMark {
  commit: string;
  reviewer: string;
  email: string;
  /** ISO 8601. */
  date: string;
  comment?: string;
}

const HEADER = [
  '# Review marks / 审阅记录',
  '# Each entry: a reviewer has looked at the record changes up to a commit. Appended by Records Curator;',
  '# keep this file in git with the records. 每条表示审阅人已审阅截至该提交的档案变更，请随档案纳入版本管理。',
];

/** Marks in file order; tolerant: a broken file gives what can be read, entries without commit or reviewer are skipped. */
export function readMarks(text: string | undefined): ReviewMark[] {
  if (text === undefined || text.trim() === '') return [];
  let data: unknown;
  try {
    data = parseDocument(text.replace(/^\uFEFF/, ''), { prettyErrors: false, logLevel: 'silent' }).toJS({ maxAliasCount: 100 });
  } catch {
    return [];
  }
  const list = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).reviews : undefined;
  if (!Array.isArray(list)) return [];
  const out: ReviewMark[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    const o = item as Record<string, unknown>;
    const commit = typeof o.commit === 'string' ? o.commit.trim() : '';
    const reviewer = str(o.reviewer);
    if (!/^[0-9a-f]{4,64}$/i.test(commit) || !reviewer) continue;
    const mark: ReviewMark = { commit, reviewer, email: str(o.email) ?? '', date: str(o.date) ?? '' };
    const comment = str(o.comment);
    if (comment !== undefined) mark.comment = comment;
    out.push(mark);
  }
  return out;
}

function str(v: unknown): string | undefined {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** The last mark in the file (marks are appended, so the newest). */
export function lastMark(marks: readonly ReviewMark[]): ReviewMark | undefined {
  return marks[marks.length - 1];
}

/** YAML lines of one block-list entry, every value double-quoted (a commit id of digits must stay a string). */
function entryLines(mark: ReviewMark, indent: string): string[] {
  const q = (s: string) => JSON.stringify(s);
  const lines = [
    `${indent}- commit: ${q(mark.commit)}`,
    `${indent}  reviewer: ${q(mark.reviewer)}`,
    `${indent}  email: ${q(mark.email)}`,
    `${indent}  date: ${q(mark.date)}`,
  ];
  if (mark.comment !== undefined && mark.comment !== '') lines.push(`${indent}  comment: ${q(mark.comment)}`);
  return lines;
}

function flowEntry(mark: ReviewMark): string {
  const q = (s: string) => JSON.stringify(s);
  const parts = [`commit: ${q(mark.commit)}`, `reviewer: ${q(mark.reviewer)}`, `email: ${q(mark.email)}`, `date: ${q(mark.date)}`];
  if (mark.comment !== undefined && mark.comment !== '') parts.push(`comment: ${q(mark.comment)}`);
  return `{ ${parts.join(', ')} }`;
}

/**
 * What to write for a new mark. For an absent/empty file the whole file (a header comment + `reviews:` +
 * the entry); else one TextEdit on the existing text that adds the entry's lines at the end of the
 * `reviews:` list (the end of the file when the list is last, as it is in files written here), leaving
 * every other byte as it was. `reviews: []` and a file without the key are handled too.
 */
export function appendMark(text: string | undefined, mark: ReviewMark): { newFile?: string; edit?: TextEdit } {
  if (text === undefined || text.trim() === '') return { newFile: [...HEADER, 'reviews:', ...entryLines(mark, '  '), ''].join('\n') };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const atEnd = (lines: string[]): { edit: TextEdit } => {
    const sep = /\r?\n$/.test(text) ? '' : eol;
    return { edit: { start: text.length, end: text.length, newText: sep + lines.join(eol) + eol } };
  };
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false, logLevel: 'silent' });
  } catch {
    return atEnd(entryLines(mark, '  '));
  }
  const root = doc.errors.length === 0 && isMap(doc.contents) ? doc.contents : undefined;
  const pair = root?.items.find((p) => isScalar(p.key) && p.key.value === 'reviews');
  if (!root || !pair) {
    // No list yet (or YAML the reader cannot use): start one at the end.
    return atEnd(root || doc.contents === null ? ['reviews:', ...entryLines(mark, '  ')] : entryLines(mark, '  '));
  }
  const value = pair.value as Node | null;
  const keyRange = (pair.key as Node).range!;
  if (isSeq(value) && value.flow) {
    const [start, end] = value.range!;
    const close = text.lastIndexOf(']', end - 1);
    if (value.items.length === 0) return { edit: { start, end: close + 1, newText: eol + entryLines(mark, '  ').join(eol) } };
    return { edit: { start: close, end: close, newText: `, ${flowEntry(mark)}` } };
  }
  if (isSeq(value) && value.items.length > 0) {
    const dash = text.lastIndexOf('-', (value.items[0] as Node).range![0] - 1);
    const lineStart = text.lastIndexOf('\n', dash - 1) + 1;
    const lead = text.slice(lineStart, Math.max(lineStart, dash));
    const lines = entryLines(mark, /^ *$/.test(lead) ? lead : '  ');
    // The list is normally the file's last key: append at the very end, after any closing comments.
    return pair === root.items[root.items.length - 1] ? atEnd(lines) : insertAfterLine(text, value.range![1], lines, eol);
  }
  if (value === null || (isScalar(value) && value.value === null && !value.source)) {
    // `reviews:` with nothing after it.
    return insertAfterLine(text, keyRange[1], entryLines(mark, '  '), eol);
  }
  return atEnd(entryLines(mark, '  ')); // not a list: leave the problem to the reader's tolerance
}

/** Inserts lines at the start of the line after `offset` (or at the end of the text). */
function insertAfterLine(text: string, offset: number, lines: string[], eol: string): { edit: TextEdit } {
  let end = Math.min(offset, text.length);
  // The node's range may end just after its last line break; step back to that line's content.
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  const nl = text.indexOf('\n', end);
  if (nl < 0) return { edit: { start: text.length, end: text.length, newText: eol + lines.join(eol) + eol } };
  return { edit: { start: nl + 1, end: nl + 1, newText: lines.join(eol) + eol } };
}
