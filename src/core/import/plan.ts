/**
 * What an import would do, worked out before anything is written: each row is created, updated, skipped
 * (nothing changed), left with conflicts (a field edited by hand since the last import) or rejected (no key,
 * a key twice in the file, a key matching two records, a path outside the folder or taken, a value that
 * cannot be imported exactly). New and changed records are indexed as they would be written, next to the
 * rest of the folder, so the preview shows the findings `check` will give them.
 */
import type { FileChange } from '../io/changes';
import { newFileChecker, REFUSAL_TEXT } from '../io/paths';
import type { Finding } from '../model/findings';
import { ownValue, recordKind, scalarText, type FileEntry, type RecordEntry } from '../model/records';
import type { Bilingual, Schema } from '../model/schema';
import { findPersonalInfo, maskValue } from '../values/pii';
import { prepareFieldChanges } from '../fix/field-changes';
import type { FieldValue } from '../fix/fixes';
import { createMatcher } from '../index/matcher';
import { indexBytes, type IndexOptions } from '../index/index-file';
import { indexTextsHere, type TextIndexer } from '../index/text-pool';
import type { RecordIndex } from '../index/record-index';
import { nextId } from '../new-record/new-record';
import type { ImportMapping } from './mapping';
import { memoByKey } from './memo';
import { fillPattern, recordText, rowWriters, type ImportValue } from './record-text';
import { rowReader } from './rows';
import { say } from '../text/bilingual';
import { hashOf, valueHash, type ImportState } from './state';
import type { Table } from './table';

export interface ImportInput {
  root: string;
  schema: Schema;
  /** The folder's index; it is not changed (the preview's findings come from a copy). */
  index: RecordIndex;
  indexOptions: IndexOptions;
  table: Table;
  mapping: ImportMapping;
  state: ImportState;
  /** YYYY-MM-DD: the year of a generated id when the row has no date. */
  today: string;
  /**
   * Indexes the new records as they are planned (in a worker: text-pool.ts), so the preview's findings are
   * ready soon after the last row; by default they are indexed here once the rows are planned.
   */
  texts?: TextIndexer;
}

export interface FieldUpdate {
  field: string;
  from: ImportValue | undefined;
  to: ImportValue;
}

export interface FieldConflict {
  field: string;
  /** In the record now. */
  current: ImportValue | undefined;
  /** Whether an earlier run of this import wrote the field (its value is kept only as a hash). */
  importedBefore: boolean;
  /** What this import would write. */
  incoming: ImportValue;
}

export interface PlannedRow {
  line: number;
  key: string;
  path: string;
  findings: Finding[];
  updates: FieldUpdate[];
  conflicts: FieldConflict[];
  /** Why a skipped row was skipped, when it is not simply unchanged. */
  note?: string;
}

export interface PersonalHit {
  line: number;
  field: string;
  kind: string;
  masked: string;
}

export interface ImportPlan {
  created: PlannedRow[];
  updated: PlannedRow[];
  skipped: PlannedRow[];
  /** Rows with at least one conflicting field (they may also be in `updated`). */
  conflicts: PlannedRow[];
  rejected: { line: number; reason: string }[];
  personal: PersonalHit[];
  /** Every record file to write, checked again when applied: all or none. */
  changes: FileChange[];
  /** The state to write with the changes. */
  state: ImportState;
}

const same = (a: ImportValue | undefined, b: ImportValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

export function currentValue(r: RecordEntry, f: string): ImportValue | undefined {
  const v = ownValue(r.data, f);
  if (v === undefined || v === null) return undefined;
  return Array.isArray(v) ? v.map(scalarText) : scalarText(v);
}

/**
 * Every record by its category and key value: a transaction that names a contract's number is not that
 * contract's record.
 */
function recordsByKey(index: RecordIndex, key: string): Map<string, RecordEntry[]> {
  const out = new Map<string, RecordEntry[]>();
  for (const r of index.records()) {
    const v = currentValue(r, key);
    const category = currentValue(r, 'category');
    if (typeof v === 'string' && v !== '' && typeof category === 'string') {
      const k = `${category}\0${v}`;
      out.set(k, [...(out.get(k) ?? []), r]);
    }
  }
  return out;
}

/** Ids for new records: CODE-YEAR-NNN, after the highest in the folder and those handed out in this run. */
export function idMaker(index: RecordIndex, schema: Schema, today: string): (category: string, values: ReadonlyMap<string, ImportValue>) => string {
  const next = new Map<string, { prefix: string; n: number; width: number }>();
  return (category, values) => {
    const dated = [values.get('date'), values.get('signed_date'), values.get('occurred_at')].find((v) => typeof v === 'string' && /^\d{4}-/.test(v));
    const year = (typeof dated === 'string' ? dated : today).slice(0, 4);
    const slot = `${category}\0${year}`;
    let s = next.get(slot);
    if (!s) {
      const first = nextId(index.records(), schema, category, year);
      const m = /^(.*-)(\d+)$/.exec(first)!;
      s = { prefix: m[1], n: Number(m[2]), width: m[2].length };
      next.set(slot, s);
    }
    return s.prefix + String(s.n++).padStart(s.width, '0');
  };
}

/** What a rejected row says, in the index's language (the command line's --lang, the editor's display language). */
const MSG = {
  noKey: { en: 'no {key} (the key field)', zh: '没有 {key}（关键字段）' },
  again: { en: '{key} {value} appears again: the row on line {line} has it already', zh: '{key} {value} 重复出现：第 {line} 行已有' },
  many: { en: '{key} {value} is in {count} records already ({files})', zh: '{key} {value} 已在 {count} 条记录中（{files}）' },
  pattern: { en: 'the path pattern needs {fields}, which this row has no value for', zh: '路径模式需要 {fields}，本行没有其取值' },
  samePath: { en: '{path} is the path of an earlier row too', zh: '{path} 也是前面某一行的路径' },
  notRecord: {
    en: "{path} would not be a record (the schema's records.include/exclude leave it out)",
    zh: '{path} 不会成为记录（架构的 records.include/exclude 不包含它）',
  },
  refused: { en: '{path} {why}', zh: '{path}{why}' },
  gone: { en: 'imported before and no longer in the folder; not created again', zh: '以前已导入，但已不在文件夹中；不再重新创建' },
} satisfies Record<string, Bilingual>;

export async function planImport(input: ImportInput): Promise<ImportPlan> {
  const { root, schema, index, table, mapping } = input;
  const plan: ImportPlan = {
    created: [],
    updated: [],
    skipped: [],
    conflicts: [],
    rejected: [],
    personal: [],
    changes: [],
    state: { key: mapping.key, records: new Map(input.state.records) },
  };
  const existing = recordsByKey(index, mapping.key);
  const isRecordPath = createMatcher(schema.include, schema.exclude);
  const cannotCreate = newFileChecker(root);
  const makeId = idMaker(index, schema, input.today);
  const firstLine = new Map<string, number>();
  const newPaths = new Set<string>();
  const edits = new Map<string, { values: FieldValue[]; rows: PlannedRow[] }>();
  const fresh: { row: PlannedRow; bytes: Buffer }[] = [];
  // Only for the findings below: the entries are dropped with the view, so their strings need no copies.
  const texts = input.texts ?? indexTextsHere({ ...input.indexOptions, detach: false });
  // Each column's distinct values converted, quoted, hashed and scanned once (memo.ts).
  const lang = input.indexOptions.lang;
  const readRow = rowReader(table, mapping, schema, lang);
  const writers = rowWriters(schema);
  const hashes = memoByKey((_, v) => valueHash(v)!);
  const hashOfValue = (f: string, v: ImportValue) => (typeof v === 'string' ? hashes(f, v) : valueHash(v)!);
  const personalIn = memoByKey((_, text) => findPersonalInfo(text).map((hit) => ({ kind: hit.kind, masked: maskValue(hit.kind, hit.value) })));
  const personal = (line: number, values: ReadonlyMap<string, ImportValue>) => {
    for (const [f, v] of values) {
      for (const text of Array.isArray(v) ? v : [v])
        for (const hit of personalIn(f, text)) plan.personal.push({ line, field: f, kind: hit.kind, masked: hit.masked });
    }
  };

  for (const row of table.rows) {
    const reject = (reason: string) => plan.rejected.push({ line: row.line, reason });
    const got = readRow(row);
    if (!got.ok) {
      reject(got.reason);
      continue;
    }
    const { values, category } = got;
    const key = values.get(mapping.key);
    if (typeof key !== 'string' || !key) {
      reject(say(lang, MSG.noKey, { key: mapping.key }));
      continue;
    }
    const before = firstLine.get(key);
    if (before !== undefined) {
      reject(say(lang, MSG.again, { key: mapping.key, value: key, line: before }));
      continue;
    }
    firstLine.set(key, row.line);
    const matches = existing.get(`${category}\0${key}`) ?? [];
    if (matches.length > 1) {
      reject(say(lang, MSG.many, { key: mapping.key, value: key, count: matches.length, files: matches.map((r) => r.file).join(', ') }));
      continue;
    }
    const gone = !matches.length ? input.state.records.get(key) : undefined;
    if (gone) {
      // Imported before and no longer in the folder: destroyed, transferred or moved away — never brought back.
      plan.skipped.push({
        line: row.line,
        key,
        path: gone.path,
        findings: [],
        updates: [],
        conflicts: [],
        note: say(lang, MSG.gone),
      });
      continue;
    }
    if (matches.length === 1) {
      const r = matches[0];
      const last = input.state.records.get(key);
      const planned: PlannedRow = { line: row.line, key, path: r.file, findings: [], updates: [], conflicts: [] };
      const kept = new Map<string, string>(last?.fields ?? []);
      for (const [f, v] of values) {
        const cur = currentValue(r, f);
        const was = last?.fields.get(f);
        if (same(cur, v)) kept.set(f, hashOfValue(f, v));
        else if (!Array.isArray(v) && ((was !== undefined && hashOf(was, cur)) || (cur === undefined && was === undefined))) {
          planned.updates.push({ field: f, from: cur, to: v });
          kept.set(f, hashOfValue(f, v));
        } else planned.conflicts.push({ field: f, current: cur, importedBefore: was !== undefined, incoming: v });
      }
      plan.state.records.set(key, { path: r.file, fields: kept });
      if (planned.conflicts.length) plan.conflicts.push(planned);
      if (planned.updates.length) {
        const e = edits.get(r.file) ?? { values: [], rows: [] };
        e.values.push(...planned.updates.map((u) => ({ record: r.index, field: u.field, value: u.to as string })));
        e.rows.push(planned);
        edits.set(r.file, e);
        personal(row.line, values);
      } else if (!planned.conflicts.length) plan.skipped.push(planned);
      continue;
    }
    if (!values.has('id')) values.set('id', makeId(category, values));
    const { path, missing } = fillPattern(mapping.pattern, values, writers.segment);
    if (missing.length) {
      reject(say(lang, MSG.pattern, { fields: missing.map((f) => `{${f}}`).join(', ') }));
      continue;
    }
    if (newPaths.has(path)) {
      reject(say(lang, MSG.samePath, { path }));
      continue;
    }
    if (!isRecordPath(path)) {
      reject(say(lang, MSG.notRecord, { path }));
      continue;
    }
    const refusal = cannotCreate(path);
    if (refusal) {
      reject(say(lang, MSG.refused, { path, why: REFUSAL_TEXT[refusal][lang] }));
      continue;
    }
    newPaths.add(path);
    const text = recordText(schema, category, values, recordKind(path) ?? 'markdown', writers.text);
    const bytes = Buffer.from(text, 'utf8');
    fresh.push({ row: { line: row.line, key, path, findings: [], updates: [], conflicts: [] }, bytes });
    texts.push({ path, text, size: bytes.length });
    const fields = new Map<string, string>();
    for (const [f, v] of values) fields.set(f, hashOfValue(f, v));
    plan.state.records.set(key, { path, fields });
    personal(row.line, values);
  }

  // Updates: each file read, checked against the index, edited the comment-keeping way and read back.
  const indexed = new Map<string, FileEntry>([...index.entries()].map((e) => [e.path, e]));
  const entries: FileEntry[] = [];
  for (const [file, e] of edits) {
    const prepared = prepareFieldChanges(root, indexed, new Map([[file, e.values]]));
    if (!prepared.ok) {
      for (const row of e.rows) {
        plan.rejected.push({ line: row.line, reason: `${file}: ${prepared.refusal.message}` });
        const old = input.state.records.get(row.key);
        if (old) plan.state.records.set(row.key, old);
        else plan.state.records.delete(row.key);
      }
      continue;
    }
    plan.changes.push(...prepared.changes);
    plan.updated.push(...e.rows);
    const after = prepared.changes[0].after!;
    entries.push(indexBytes(file, after, { mtimeMs: -1, size: after.length }, input.indexOptions));
  }
  for (const f of fresh) {
    plan.changes.push({ path: f.row.path, before: null, after: f.bytes });
    plan.created.push(f.row);
  }
  fresh.length = 0;
  for (const e of await texts.finish()) entries.push(e);
  findingsBeside(index, entries, [...plan.created, ...plan.updated]);
  return plan;
}

/** The rows' findings with their files indexed as they would be written, beside the rest of the folder. */
export function findingsBeside(index: RecordIndex, entries: readonly FileEntry[], rows: readonly PlannedRow[]): void {
  const view = index.staging();
  view.addAll(index.entries(), true);
  // New files are added as they are (the view is dropped after this: nothing to share their strings with);
  // a file the folder has already, replaced, so the workspace rules forget its old records.
  view.addAll(
    entries.filter((e) => !view.get(e.path)),
    true,
  );
  view.set(entries.filter((e) => view.get(e.path) !== e));
  for (const row of rows) row.findings = view.findings(row.path);
}
