/**
 * A bulk edit planned over a folder's index: the records a filter selects, each file's edits as spans of its
 * text, the file's new bytes for the one write path (io/changes.ts), a unified diff to review, and every
 * record that is not changed with the reason — never a silent skip. Nothing is written here.
 */
import { createTwoFilesPatch } from 'diff';
import type { FileChange } from '../io/changes';
import { FileRefusal, REFUSAL_TEXT } from '../io/paths';
import { readFileWithStat, tryReadFileInside } from '../io/safe-fs';
import { yieldToEventLoop } from '../async/slices';
import { EditSession } from '../fix/edit-session';
import { applyEdits } from '../fix/text-edit';
import { UnsafeEditError } from '../fix/unsafe-edit';
import type { Expected } from '../fix/verify';
import type { RecordIndex } from '../index/record-index';
import type { FileEdit } from '../model/findings';
import type { Lang } from '../model/lang';
import { field, recordKind, type FileEntry, type RecordEntry } from '../model/records';
import type { Schema, SeveritySetting } from '../model/schema';
import { decodeRecordBytes } from '../parse/decode';
import { parseRecordText } from '../parse/record-file';
import { say } from '../text/bilingual';
import { matches, parseFilter } from '../index/filter';
import { folderLocks } from './locks';
import { checkOperations, type BulkOperation } from './operations';
import { recordEdits, type RecordEdits } from './record-edits';
import { newFindings, type Introduced } from './validate';
import { fieldOf } from './values';

export type RefusalCode = 'unreadable' | 'link' | 'locked' | 'invalid' | 'unsafe' | 'changed';

/** A record (or a file the index could not read, which may hold selected records) left as it is. */
export interface BulkRefusal {
  path: string;
  /** The record's document number; absent when the whole file is meant. */
  record?: number;
  /** 0-based line of the record's first line, when known. */
  line?: number;
  code: RefusalCode;
  /** In the folder's language. */
  reason: string;
}

export interface BulkFile extends FileChange {
  before: Uint8Array;
  after: Uint8Array;
  /**
   * The edits, in UTF-16 offsets of the decoded text (after any BOM), as fixes carry them: the editor makes
   * them a WorkspaceEdit on a document whose text is still `beforeText`, the command line writes `after`.
   */
  edits: (FileEdit & { path: string })[];
  beforeText: string;
  afterText: string;
  /** A unified diff of the file (raw text: escape it for the terminal or a page). */
  diff: string;
  /** The records changed, with what changes in each. */
  records: { index: number; line: number; changes: RecordEdits['changes'] }[];
}

export interface BulkPlan {
  /** What is wrong with the operations themselves (nothing was looked at). */
  problems: string[];
  /** Records the filter selects. */
  matched: number;
  files: BulkFile[];
  /** Selected records that already read as asked. */
  unchanged: number;
  refused: BulkRefusal[];
  /** Findings the edit brings to records it changes, that do not refuse it (a required field removed). */
  introduced: Introduced[];
}

export interface BulkRequest {
  /** The Records view's filter text (`category=contract customer=张`); must select by something. */
  where: string;
  operations: readonly BulkOperation[];
}

export interface BulkFolder {
  root: string;
  lang: Lang;
  schema: Schema;
  index: RecordIndex;
  severities?: ReadonlyMap<string, SeveritySetting>;
}

const MSG = {
  link: { en: 'a symbolic link: never followed, so not edited', zh: '符号链接：从不跟随，未修改' },
  unread: { en: 'not read ({why}): whether it is selected is unknown; fix it first', zh: '未能读取（{why}）：无法判断是否选中；请先修正' },
  yaml: { en: 'its YAML could not be read: whether it is selected is unknown; fix it first', zh: '其 YAML 无法读取：无法判断是否选中；请先修正' },
  changed: { en: 'changed since it was read: run again', zh: '读取后已被修改：请重新运行' },
  unsafe: { en: 'not changed, the edit could damage the record: {why}', zh: '未修改，修改可能损坏记录：{why}' },
  sameId: { en: 'id={v} would give {n} records the same id: set an id on one record at a time', zh: 'id={v} 会使 {n} 条记录编号相同：编号只能逐条设置' },
  idTaken: { en: 'id {v} is already the id of {p}', zh: '编号 {v} 已是 {p} 的编号' },
  noWhere: { en: 'give --where: a bulk edit selects its records by a filter', zh: '请给出 --where：批量修改按筛选条件选择记录' },
};

const emptyPlan = (): BulkPlan => ({ problems: [], matched: 0, files: [], unchanged: 0, refused: [], introduced: [] });

/** Plans the edit at once (the command line). */
export function planBulkEdit(folder: BulkFolder, request: BulkRequest): BulkPlan {
  const plan = emptyPlan();
  const steps = planSteps(folder, request, plan);
  while (!steps.next().done);
  return plan;
}

/**
 * Plans the edit in slices of about `sliceMs`, yielding to the event loop between them, so the extension host
 * is never held for long (a file's edits take a few milliseconds). Undefined when `isCurrent` says a newer
 * request has replaced this one.
 */
export async function planBulkEditInSlices(
  folder: BulkFolder,
  request: BulkRequest,
  o: { sliceMs?: number; isCurrent?: () => boolean } = {},
): Promise<BulkPlan | undefined> {
  const plan = emptyPlan();
  const steps = planSteps(folder, request, plan);
  let start = Date.now();
  while (!steps.next().done) {
    if (Date.now() - start < (o.sliceMs ?? 8)) continue;
    await yieldToEventLoop();
    if (o.isCurrent && !o.isCurrent()) return undefined;
    start = Date.now();
  }
  return plan;
}

/** The plan's work, one step at a time: every 256 files of the selection, then each file edited. */
function* planSteps(folder: BulkFolder, request: BulkRequest, plan: BulkPlan): Generator<undefined, void> {
  const { lang, schema } = folder;
  const checked = checkOperations(request.operations, schema);
  const filter = parseFilter(request.where);
  if (!filter.text && !filter.fields.length) plan.problems.push(say(lang, MSG.noWhere));
  if (!checked.ok) plan.problems.push(...checked.problems.map((p) => say(lang, p.message)));
  if (plan.problems.length || !checked.ok) return;
  const locks = folderLocks(folder.root, schema);
  const selected = new Map<FileEntry, RecordEntry[]>();
  // Over a snapshot: the editor's index may change between slices.
  const entries = [...folder.index.entries()];
  for (let i = 0; i < entries.length; i++) {
    if ((i & 255) === 255) yield;
    const entry = entries[i];
    const unseen = unseenReason(entry, lang);
    if (unseen) {
      plan.refused.push({ path: entry.path, code: entry.skipped === 'link' ? 'link' : 'unreadable', reason: unseen });
      continue;
    }
    const broken = brokenRecords(folder, entry);
    for (const r of entry.records) {
      if (r.data === undefined || broken.has(r.index))
        plan.refused.push({ path: r.file, record: r.index, line: r.line, code: 'unreadable', reason: say(lang, MSG.yaml) });
      else if (matches(r, filter, schema)) {
        plan.matched++;
        const lock = locks.of(r.file, r.index);
        if (lock) plan.refused.push({ path: r.file, record: r.index, line: r.line, code: 'locked', reason: say(lang, lock.reason) });
        else selected.set(entry, [...(selected.get(entry) ?? []), r]);
      }
    }
  }
  if (sameIdProblem(folder, checked.ops, selected, entries, plan)) return;
  for (const [entry, records] of selected) {
    yield;
    planFile(folder, entry, records, checked.ops, plan);
  }
  plan.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  plan.refused.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.record ?? -1) - (b.record ?? -1)));
}

/**
 * A record id names one record (duplicate-id is a rule across files, which a file's own check cannot see):
 * an id set on several records at once is refused whole, and one another record has refuses the record.
 */
function sameIdProblem(
  folder: BulkFolder,
  ops: readonly BulkOperation[],
  selected: Map<FileEntry, RecordEntry[]>,
  entries: readonly FileEntry[],
  plan: BulkPlan,
): boolean {
  const set = ops.find((o) => o.op === 'set' && fieldOf(o.field, folder.schema) === 'id');
  if (set?.op !== 'set') return false;
  const value = set.value.trim();
  const chosen = [...selected.values()].flat();
  if (chosen.length > 1) {
    plan.problems.push(say(folder.lang, MSG.sameId, { v: value, n: chosen.length }));
    return true;
  }
  const other = entries.flatMap((e) => e.records).find((r) => !chosen.includes(r) && field(r, 'id') === value);
  if (other && chosen[0]) {
    const r = chosen[0];
    plan.refused.push({ path: r.file, record: r.index, line: r.line, code: 'invalid', reason: say(folder.lang, MSG.idTaken, { v: value, p: other.file }) });
    selected.clear();
  }
  return false;
}

/** Why a file's records cannot be seen (and so may be selected without the filter knowing): links, unread files. */
function unseenReason(e: FileEntry, lang: Lang): string | undefined {
  if (e.skipped === 'link') return say(lang, MSG.link);
  if (e.skipped !== undefined || e.unread !== undefined || (e.isRecordFile && !e.records.length && e.findings.length)) {
    return say(lang, MSG.unread, { why: e.findings[0]?.message ?? e.unread ?? e.skipped ?? '' });
  }
  return undefined;
}

/**
 * Records of a file whose YAML did not read cleanly (the index keeps what it could read, and the archive
 * numbers a text scan found): their values may be wrong, so the filter cannot be trusted on them either way.
 */
function brokenRecords(folder: BulkFolder, entry: FileEntry): Set<number> {
  if (entry.rawArchiveNos === undefined) return new Set();
  const bytes = tryReadFileInside(folder.root, entry.path);
  const decoded = bytes && decodeRecordBytes(bytes);
  if (!decoded || !decoded.ok) return new Set(entry.records.map((r) => r.index));
  const parsed = parseRecordText(decoded.text, recordKind(entry.path) ?? 'markdown', { aliases: folder.schema.aliases });
  return new Set(parsed.records.filter((r) => r.problems.length > 0 || !r.data).map((r) => r.index));
}

function planFile(folder: BulkFolder, entry: FileEntry, records: RecordEntry[], ops: readonly BulkOperation[], plan: BulkPlan): void {
  const { lang, schema } = folder;
  const refuseAll = (code: RefusalCode, reason: string) => {
    for (const r of records) plan.refused.push({ path: r.file, record: r.index, line: r.line, code, reason });
  };
  const read = readCurrent(folder.root, entry, lang);
  if (!read.ok) {
    refuseAll(read.code, read.reason);
    return;
  }
  const bytes = read.bytes;
  const decoded = decodeRecordBytes(bytes);
  if (!decoded.ok) {
    refuseAll('unreadable', decoded.problem.message);
    return;
  }
  const text = decoded.text;
  const kind = recordKind(entry.path) ?? 'markdown';
  const session = new EditSession(text, kind, undefined, schema.aliases);
  const planned = new Map<number, { record: RecordEntry; edits: RecordEdits }>();
  for (const r of records) {
    const parsed = session.record(r.index);
    try {
      const e = parsed ? recordEdits(session, parsed, ops, schema) : undefined;
      if (!parsed) plan.refused.push({ path: r.file, record: r.index, line: r.line, code: 'changed', reason: say(lang, MSG.changed) });
      else if (!e) plan.unchanged++;
      else planned.set(r.index, { record: r, edits: e });
    } catch (err) {
      if (!(err instanceof UnsafeEditError)) throw err;
      plan.refused.push({ path: r.file, record: r.index, line: r.line, code: 'unsafe', reason: say(lang, MSG.unsafe, { why: err.reason }) });
    }
  }
  // Read back, then checked with the rules: a record that fails is left out and the rest planned again.
  for (let round = 0; planned.size && round <= records.length; round++) {
    const edits = [...planned.values()].flatMap((p) => p.edits.edits).sort((a, b) => a.start - b.start);
    const expected = new Map<number, Expected>([...planned].map(([i, p]) => [i, p.edits.expected]));
    const verified = session.verify(edits, expected, true);
    if (!verified.ok) {
      const failed = planned.get(verified.record) ?? [...planned.values()][0];
      const why = say(lang, MSG.unsafe, { why: verified.reason });
      plan.refused.push({ path: entry.path, record: failed.record.index, line: failed.record.line, code: 'unsafe', reason: why });
      planned.delete(failed.record.index);
      continue;
    }
    const afterText = applyEdits(text, edits);
    const touched = new Map([...planned].map(([i, p]) => [i, p.edits.touched]));
    const found = newFindings(folder, entry.path, entry.findings, afterText, touched);
    if (found.refusing.size) {
      for (const [index, finding] of found.refusing) {
        const r = planned.get(index)!.record;
        plan.refused.push({ path: r.file, record: index, line: r.line, code: 'invalid', reason: finding.message });
        planned.delete(index);
      }
      continue;
    }
    plan.introduced.push(...found.introduced);
    const after = Buffer.from((decoded.bom ? '\uFEFF' : '') + afterText, 'utf8');
    plan.files.push({
      path: entry.path,
      before: bytes,
      after,
      edits: edits.map((e) => ({ path: entry.path, start: e.start, end: e.end, newText: e.newText })),
      beforeText: text,
      afterText,
      diff: createTwoFilesPatch(`a/${entry.path}`, `b/${entry.path}`, text, afterText, '', '', { context: 3 }),
      records: [...planned.values()].map((p) => ({ index: p.record.index, line: p.record.line, changes: p.edits.changes })),
    });
    return;
  }
}

/** The file's bytes now, if it is still the file that was indexed (same size and time, not a link). */
function readCurrent(root: string, entry: FileEntry, lang: Lang): { ok: true; bytes: Buffer } | { ok: false; code: RefusalCode; reason: string } {
  try {
    const { bytes, stat } = readFileWithStat(root, entry.path);
    if (stat.size !== entry.size || stat.mtimeMs !== entry.mtimeMs) return { ok: false, code: 'changed', reason: say(lang, MSG.changed) };
    return { ok: true, bytes };
  } catch (err) {
    if (err instanceof FileRefusal)
      return { ok: false, code: err.reason === 'symlink' ? 'link' : 'changed', reason: `${entry.path} ${REFUSAL_TEXT[err.reason][lang]}` };
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, code: 'changed', reason: say(lang, MSG.changed) };
    throw err;
  }
}
