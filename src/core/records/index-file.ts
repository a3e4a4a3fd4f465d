import type { Lang } from '../i18n';
import { decodeRecordBytes, tooLargeProblem, type FileProblem } from '../parse/decode';
import { LineIndex } from '../parse/lines';
import { parseRecordText, type ParsedRecord, type Span } from '../parse/record-file';
import type { Schema, Severity, SeveritySetting } from '../schema/types';
import type { RecordContext, RecordRule } from '../rules/rule';
import { parseProblemMessage } from '../rules/parse-problems';
import { recordKind } from './matcher';
import type { FileEntry, Finding, FixData, RecordEntry } from './types';

export interface IndexOptions {
  schema: Schema;
  lang: Lang;
  rules: readonly RecordRule[];
  /** Severity overrides (schema `rules:` then editor settings); `off` silences a rule. */
  severities?: ReadonlyMap<string, SeveritySetting>;
  fileExists(relPath: string): boolean;
  maxBytes?: number;
  /**
   * Copy strings out of the file's text (default) so an entry kept in this thread does not hold the whole
   * text alive. A worker thread skips it: posting an entry to another thread copies every string anyway.
   */
  detach?: boolean;
}

export interface FileStat {
  mtimeMs: number;
  size: number;
}

export const PARSE_SEVERITY: Record<string, Severity> = {
  'yaml-syntax': 'error', 'duplicate-key': 'error', 'yaml-alias-limit': 'error', 'not-a-mapping': 'error',
  binary: 'error', encoding: 'error', 'too-large': 'warning',
};

export function severityFor(code: string, fallback: Severity, opts: Pick<IndexOptions, 'severities' | 'schema'>): SeveritySetting {
  return opts.severities?.get(code) ?? opts.schema.rules.get(code) ?? fallback;
}

/** Indexes a file from its bytes: decoding problems become findings, never exceptions. */
export function indexBytes(path: string, bytes: Uint8Array, stat: FileStat, opts: IndexOptions): FileEntry {
  const decoded = decodeRecordBytes(bytes, { maxBytes: opts.maxBytes });
  if (!decoded.ok) return problemEntry(path, stat, decoded.problem, opts);
  return indexText(path, decoded.text, stat, opts);
}

/** A file over the size limit, indexed from its size without reading it. */
export function indexTooLarge(path: string, stat: FileStat, opts: IndexOptions): FileEntry {
  return problemEntry(path, stat, tooLargeProblem(stat.size, opts.maxBytes), opts);
}

function problemEntry(path: string, stat: FileStat, problem: FileProblem, opts: IndexOptions): FileEntry {
  const findings: Finding[] = [];
  const severity = severityFor(problem.code, PARSE_SEVERITY[problem.code], opts);
  if (severity !== 'off') {
    const at = { line: problem.line, col: problem.col };
    findings.push({ code: problem.code, severity, message: parseProblemMessage(problem.code, problem.message, opts.lang), start: at, end: at });
  }
  return { path, mtimeMs: stat.mtimeMs, size: stat.size, isRecordFile: true, records: [], findings };
}

/** Indexes a file from its text (also an unsaved editor's text). */
export function indexText(path: string, text: string, stat: FileStat, opts: IndexOptions): FileEntry {
  const kind = recordKind(path) ?? 'markdown';
  const parsed = parseRecordText(text, kind, { detach: opts.detach !== false });
  if (!parsed.isRecordFile) return { path, mtimeMs: stat.mtimeMs, size: stat.size, isRecordFile: false, records: [], findings: [] };
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const records: RecordEntry[] = [];
  for (const record of parsed.records) {
    const before = findings.length;
    checkRecord(path, text, record, lines, opts, findings);
    let errors = 0;
    let warnings = 0;
    for (let i = before; i < findings.length; i++) {
      if (findings[i].severity === 'error') errors++;
      else if (findings[i].severity === 'warning') warnings++;
    }
    records.push({
      file: path,
      index: record.index,
      line: lines.positionAt(record.span.start).line,
      endLine: lines.positionAt(record.span.end).line,
      data: record.data,
      anchors: anchorsOf(record, lines),
      errors,
      warnings,
    });
  }
  return { path, mtimeMs: stat.mtimeMs, size: stat.size, isRecordFile: true, records, findings };
}

function checkRecord(path: string, text: string, record: ParsedRecord, lines: LineIndex, opts: IndexOptions, out: Finding[]): void {
  const push = (code: string, severity: SeveritySetting, span: Span, message: string, data?: FixData) => {
    if (severity === 'off') return;
    const s = lines.positionAt(span.start);
    const e = lines.positionAt(span.end);
    out.push({ code, severity, message, start: { line: s.line, col: s.character }, end: { line: e.line, col: e.character }, record: record.index, data });
  };
  for (const p of record.problems) {
    const code = p.code === 'alias-limit' ? 'yaml-alias-limit' : p.code;
    push(code, severityFor(code, PARSE_SEVERITY[code] ?? 'error', opts), p.span, parseProblemMessage(code, p.message, opts.lang));
  }
  const data = record.data;
  const categoryName = data && typeof data.category === 'string' ? data.category : undefined;
  // One context for all rules of the record; `report` files findings under the rule running now.
  let code = '';
  // A plain property set per rule (a getter would make every rule's access to the context slower).
  const ctx: { -readonly [K in keyof RecordContext]: RecordContext[K] } = {
    schema: opts.schema, lang: opts.lang, path, text, record, data,
    category: categoryName === undefined ? undefined : opts.schema.categories.get(categoryName),
    memo: {},
    severity: 'error',
    fileExists: opts.fileExists,
    report: (span, message, fix, own) => push(code, own ?? ctx.severity, span, message, fix),
  };
  for (const [rule, ruleSeverity] of activeRules(opts)) {
    code = rule.code;
    ctx.severity = ruleSeverity;
    rule.check(ctx);
  }
}

/** The rules that are not off, with their severities: worked out once per set of options, not per record. */
const active = new WeakMap<IndexOptions, [RecordRule, SeveritySetting][]>();
function activeRules(opts: IndexOptions): [RecordRule, SeveritySetting][] {
  let list = active.get(opts);
  if (!list) {
    list = [];
    for (const rule of opts.rules) {
      const severity = severityFor(rule.code, rule.severity, opts);
      if (severity !== 'off') list.push([rule, severity]);
    }
    active.set(opts, list);
  }
  return list;
}

function anchorsOf(record: ParsedRecord, lines: LineIndex): RecordEntry['anchors'] {
  let out: number[] | undefined;
  (['id', 'archive_no'] as const).forEach((key, k) => {
    const span = record.fields.get(key)?.value;
    if (!span) return;
    const s = lines.positionAt(span.start);
    const e = lines.positionAt(span.end);
    out ??= [-1, -1, -1, -1, -1, -1];
    // Values are one line; a value running onto more lines is marked to the end of its first.
    out[k * 3] = s.line;
    out[k * 3 + 1] = s.character;
    out[k * 3 + 2] = e.line === s.line ? e.character : s.character + 1;
  });
  return out;
}
