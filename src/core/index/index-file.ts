import type { Lang } from '../model/lang';
import { rawArchiveNumbers } from '../archive/raw-numbers';
import { decodeRecordBytes, DEFAULT_MAX_BYTES, tooLargeProblem, type FileProblem } from '../parse/decode';
import { findLateFrontMatter, recordLookalike } from '../parse/front-matter';
import { LineIndex } from '../parse/lines';
import { parseRecordText } from '../parse/record-file';
import type { ParsedFile, ParsedRecord, Span } from '../model/parsed';
import type { Schema, SeveritySetting } from '../model/schema';
import type { RecordContext, RecordRule, ReportMore } from '../rules/rule';
import { leadInMessage, severityOf } from '../rules/catalogue';
import { say } from '../text/bilingual';
import { recordKind } from '../model/records';
import type { FileEntry, RecordEntry } from '../model/records';
import type { Finding } from '../model/findings';
import { buildFix } from '../fix/finding-fix';
import { acceptancesIn, applyAcceptances } from './accept';

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

/** Lenient: only to look for archive numbers in a file that is not UTF-8 (a value with U+FFFD is unclear). */
const lenient = new TextDecoder('utf-8');

/** A code's severity under these options: the editor's settings, then the schema's `rules:`, then the catalogue. */
export function severityFor(code: string, opts: Pick<IndexOptions, 'severities' | 'schema'>): SeveritySetting {
  return severityOf(code, opts.severities, opts.schema.rules);
}

/** Indexes a file from its bytes: decoding problems become findings, never exceptions. */
export function indexBytes(path: string, bytes: Uint8Array, stat: FileStat, opts: IndexOptions): FileEntry {
  const decoded = decodeRecordBytes(bytes, { maxBytes: opts.maxBytes });
  if (!decoded.ok) {
    const entry = problemEntry(path, stat, decoded.problem, opts);
    return decoded.problem.code === 'too-large' ? { ...entry, unread: 'too-large' } : withRawNumbers(entry, lenient.decode(bytes), decoded.problem.code);
  }
  return indexText(path, decoded.text, stat, opts);
}

/** Anything decodeRecordBytes would find in the bytes of a text: a control character, a lone surrogate. */
const NOT_PLAIN_TEXT = /[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufeff]/;

/**
 * A record not written yet, indexed from the text its bytes (`size` of them, UTF-8) will be made of, as
 * indexBytes would from the bytes: when the text holds nothing the decoding would refuse or change, the
 * decoding is skipped; otherwise its bytes are indexed.
 */
export function indexWritten(path: string, text: string, size: number, opts: IndexOptions): FileEntry {
  const stat = { mtimeMs: -1, size };
  if (size <= (opts.maxBytes ?? DEFAULT_MAX_BYTES) && !NOT_PLAIN_TEXT.test(text)) return indexText(path, text, stat, opts);
  return indexBytes(path, Buffer.from(text, 'utf8'), stat, opts);
}

/** A file over the size limit, indexed from its size without reading it. */
export function indexTooLarge(path: string, stat: FileStat, opts: IndexOptions): FileEntry {
  return { ...problemEntry(path, stat, tooLargeProblem(stat.size, opts.maxBytes), opts), unread: 'too-large' };
}

/**
 * A file read but not (wholly) parsed keeps the archive numbers a text scan finds in it, for numbering to
 * count; when one is not a plain value, the file is marked unread (`code`) and numbering refuses instead.
 */
function withRawNumbers(entry: FileEntry, text: string, code: string): FileEntry {
  const raw = rawArchiveNumbers(text);
  return raw.unclear ? { ...entry, unread: code } : { ...entry, rawArchiveNos: raw.numbers };
}

function problemEntry(path: string, stat: FileStat, problem: FileProblem, opts: IndexOptions): FileEntry {
  const findings: Finding[] = [];
  const severity = severityFor(problem.code, opts);
  if (severity !== 'off') {
    const at = { line: problem.line, col: problem.col };
    findings.push({ code: problem.code, severity, message: leadInMessage(problem.code, problem.message, opts.lang), start: at, end: at });
  }
  return { path, mtimeMs: stat.mtimeMs, size: stat.size, isRecordFile: true, records: [], findings };
}

/** Indexes a file from its text (also an unsaved editor's text). */
export function indexText(path: string, text: string, stat: FileStat, opts: IndexOptions): FileEntry {
  const kind = recordKind(path) ?? 'markdown';
  const parsed = parseRecordText(text, kind, { detach: opts.detach !== false, aliases: opts.schema.aliases });
  if (!parsed.isRecordFile) {
    const entry =
      kind === 'markdown'
        ? lateFrontMatter(path, text, stat, opts)
        : { path, mtimeMs: stat.mtimeMs, size: stat.size, isRecordFile: false, records: [], findings: [] };
    // Not read as a record, but text in a records folder: personal information in it is as exposed as in a record.
    checkText(path, text, opts, entry.findings);
    return entry;
  }
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const records: RecordEntry[] = [];
  for (const record of parsed.records) {
    const before = findings.length;
    checkRecord(path, text, parsed, record, lines, opts, findings);
    // `# records-curator: accept CODE reason` comments in the record, reviewed in git like the record.
    const accepts = acceptancesIn(text, lines, record.span);
    if (accepts.length) applyAcceptances(findings.slice(before), accepts, lines.positionAt((record.fence ?? record.span).start).line, opts.lang);
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
  const entry: FileEntry = { path, mtimeMs: stat.mtimeMs, size: stat.size, isRecordFile: true, records, findings };
  // YAML that could not be read (or read with a key twice) may hide an archive number.
  const broken = parsed.records.find((r) => r.data === undefined || r.problems.length > 0);
  const code = broken?.problems[0]?.code ?? 'yaml-syntax';
  return broken ? withRawNumbers(entry, text, code === 'alias-limit' ? 'yaml-alias-limit' : code) : entry;
}

/**
 * A Markdown file without front matter at its start: not a record file, unless only blank lines stand before
 * front matter — then it is a record that is not read, with a finding whose quick fix removes those lines.
 */
function lateFrontMatter(path: string, text: string, stat: FileStat, opts: IndexOptions): FileEntry {
  const late = findLateFrontMatter(text);
  const entry: FileEntry = { path, mtimeMs: stat.mtimeMs, size: stat.size, isRecordFile: late !== undefined, records: [], findings: [] };
  if (!late) {
    lookalike(text, opts, entry.findings);
    return entry;
  }
  const code = 'front-matter-not-at-start';
  const severity = severityFor(code, opts);
  if (severity !== 'off') {
    const lines = new LineIndex(text);
    const s = lines.positionAt(late.start);
    const e = lines.positionAt(late.fence);
    const n = late.blankLines;
    const message =
      opts.lang === 'zh'
        ? `开头的 \`---\` 之前有 ${n} 个空行，因此未读取这条记录；删除这些空行即可`
        : `${n} blank line${n === 1 ? '' : 's'} before the opening \`---\`: front matter must start on the first line, so this record is not read`;
    entry.findings.push({
      code,
      severity,
      message: leadInMessage(code, message, opts.lang),
      start: { line: s.line, col: s.character },
      end: { line: e.line, col: e.character },
      fix: {
        title: opts.lang === 'zh' ? '删除前置元数据之前的空行' : 'Remove the blank lines before the front matter',
        edits: [{ start: late.start, end: late.fence, newText: '' }],
        makesRecord: true,
      },
    });
  }
  return withRawNumbers(entry, text, code);
}

/** A Markdown file that reads like a record and is not one says why, or it would silently not be there. */
function lookalike(text: string, opts: IndexOptions, out: Finding[]): void {
  const code = 'not-a-record';
  const severity = severityFor(code, opts);
  if (severity === 'off') return;
  const { fields, aliases } = opts.schema;
  const found = recordLookalike(text, (k) => fields.has(k) || aliases.keys.has(k));
  if (!found) return;
  const message =
    found.kind === 'late-fence'
      ? say(
          opts.lang,
          {
            en: 'this looks like a record, but its front matter starts on line {n}: only `---` on the very first line opens front matter, so the record is not read',
            zh: '看起来是一条记录，但前置元数据从第 {n} 行开始：只有第一行的 `---` 才开始前置元数据，因此未读取这条记录',
          },
          { n: found.line + 1 },
        )
      : say(opts.lang, {
          en: 'this looks like a record, but its fields have no `---` line above and below them, so the record is not read',
          zh: '看起来是一条记录，但字段上下没有 `---` 行，因此未读取这条记录',
        });
  out.push({ code, severity, message, start: { line: found.line, col: 0 }, end: { line: found.end, col: 0 } });
}

/** The rules that read free text (personal information) over a file that is not a record, as one span. */
function checkText(path: string, text: string, opts: IndexOptions, out: Finding[]): void {
  const whole = { start: 0, end: text.length };
  const record: ParsedRecord = { index: 0, span: whole, contentSpan: { start: 0, end: 0 }, data: undefined, fields: new Map(), problems: [] };
  const parsed: ParsedFile = { kind: recordKind(path) ?? 'markdown', isRecordFile: false, records: [] };
  const before = out.length;
  checkRecord(path, text, parsed, record, new LineIndex(text), opts, out, true);
  // Not a record: its findings belong to the file, not to a record of it.
  for (let i = before; i < out.length; i++) delete out[i].record;
}

function checkRecord(
  path: string,
  text: string,
  parsed: ParsedFile,
  record: ParsedRecord,
  lines: LineIndex,
  opts: IndexOptions,
  out: Finding[],
  textOnly = false,
): void {
  const push = (code: string, severity: SeveritySetting, span: Span, message: string, more?: ReportMore) => {
    if (severity === 'off') return;
    const s = lines.positionAt(span.start);
    const e = lines.positionAt(span.end);
    const f: Finding = { code, severity, message, start: { line: s.line, col: s.character }, end: { line: e.line, col: e.character }, record: record.index };
    if (more) {
      const { fix: spec, ...data } = more;
      if (Object.keys(data).length) f.data = data;
      // The fix goes with the finding as edits: no front end works it out again.
      const fix = spec && buildFix({ text, kind: parsed.kind, parsed, record, span, field: more.field, schema: opts.schema, lang: opts.lang }, spec);
      if (fix) f.fix = fix;
    }
    out.push(f);
  };
  for (const p of record.problems) {
    const code = p.code === 'alias-limit' ? 'yaml-alias-limit' : p.code;
    push(code, severityFor(code, opts), p.span, leadInMessage(code, p.message, opts.lang));
  }
  const data = record.data;
  const categoryName = data && typeof data.category === 'string' ? data.category : undefined;
  // One context for all rules of the record; `report` files findings under the rule running now.
  let code = '';
  // A plain property set per rule (a getter would make every rule's access to the context slower).
  const ctx: { -readonly [K in keyof RecordContext]: RecordContext[K] } = {
    schema: opts.schema,
    lang: opts.lang,
    path,
    text,
    record,
    data,
    category: categoryName === undefined ? undefined : opts.schema.categories.get(categoryName),
    memo: {},
    severity: 'error',
    fileExists: (rel) => opts.fileExists(rel),
    report: (span, message, more, own) => push(code, own ?? ctx.severity, span, message, more),
  };
  for (const [rule, ruleSeverity] of activeRules(opts)) {
    if (textOnly && !rule.readsText) continue;
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
      const severity = severityFor(rule.code, opts);
      // A rule off by default runs once the editor's settings or the schema's `rules:` name it.
      const named = opts.severities?.get(rule.code) ?? opts.schema.rules.get(rule.code);
      if (rule.offByDefault && named === undefined) continue;
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
