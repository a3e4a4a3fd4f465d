import type { FieldValue } from '../fix/fixes';
import type { RecordEntry } from '../model/records';
import type { Schema } from '../model/schema';
import { archiveFormat, expectedParts } from './expected';
import { scalarText } from '../model/records';
import type { Bilingual } from '../model/schema';

export interface Assignment {
  record: RecordEntry;
  archiveNo: string;
}

export type RefusalReason = 'category' | 'date' | 'retention' | 'fonds' | 'errors';

/** Why a record is not numbered, in both languages: the CLI and the editor say the same. */
export const REFUSAL_REASONS: Record<RefusalReason, Bilingual> = {
  errors: { en: 'has errors; fix them first', zh: '记录有错误，请先修正' },
  category: { en: 'no known category', zh: '分类未知' },
  date: { en: 'no valid date (the year comes from it)', zh: '日期无效（年度取自日期）' },
  retention: { en: 'no retention period', zh: '无保管期限' },
  fonds: { en: 'the schema sets no fonds code (archive_number.fonds)', zh: '档案架构未设置全宗号（archive_number.fonds）' },
};

export interface Refusal {
  record: RecordEntry;
  reason: RefusalReason;
}

export interface NumberingPlan {
  assignments: Assignment[];
  /** Records that cannot be numbered yet, and why. */
  refused: Refusal[];
  /** Records that already have a number: never renumbered. */
  kept: number;
}

const blank = (v: unknown) => scalarText(v).trim() === '';

/**
 * Plans archive numbers for the records that lack one. Numbers continue after the highest item number
 * already used in each numbering scope (across the whole workspace, unsaved editors included, since the
 * index holds them), so a plan never duplicates a number and never renumbers a record. `alsoUsed`: numbers
 * held by files whose YAML could not be parsed (found by a text scan; see blockers.ts), used all the same.
 * It cannot know numbers the index never saw: planFolderNumbers refuses when there may be any.
 */
export function planArchiveNumbers(
  targets: Iterable<RecordEntry>,
  all: Iterable<RecordEntry>,
  schema: Schema,
  problems: (r: RecordEntry) => number = (r) => r.errors,
  alsoUsed: Iterable<string> = [],
): NumberingPlan {
  const format = archiveFormat(schema);
  const used = new Set<string>();
  const highest = new Map<string, number>();
  const values = function* () {
    for (const r of all) yield r.data?.archive_no;
    yield* alsoUsed;
  };
  for (const v of values()) {
    if (blank(v)) continue;
    used.add(String(v).trim());
    const parts = format.parse(String(v));
    if (!parts) continue;
    const scope = format.scopeKey(parts);
    highest.set(scope, Math.max(highest.get(scope) ?? 0, Number.parseInt(parts.number, 10)));
  }
  const plan: NumberingPlan = { assignments: [], refused: [], kept: 0 };
  const todo: { record: RecordEntry; parts: ReturnType<typeof expectedParts> & { ok: true } }[] = [];
  const seen = new Set<RecordEntry>();
  for (const record of targets) {
    if (seen.has(record)) continue;
    seen.add(record);
    if (!blank(record.data?.archive_no)) {
      plan.kept++;
      continue;
    }
    // An incomplete or wrong record is corrected before it is archived, not after.
    if (problems(record) > 0) {
      plan.refused.push({ record, reason: 'errors' });
      continue;
    }
    const parts = expectedParts(record.data, schema);
    if (!parts.ok) plan.refused.push({ record, reason: parts.reason });
    else todo.push({ record, parts });
  }
  // Oldest first within a scope, then by id: the order an archivist files them in.
  const key = (r: RecordEntry) => `${scalarText(r.data?.date)}\u0000${scalarText(r.data?.id)}\u0000${r.file}\u0000${r.index}`;
  todo.sort((a, b) => (key(a.record) < key(b.record) ? -1 : key(a.record) > key(b.record) ? 1 : 0));
  for (const { record, parts } of todo) {
    const scope = format.scopeKey(parts.parts);
    let n = highest.get(scope) ?? 0;
    let archiveNo: string;
    do archiveNo = format.format({ ...parts.parts, number: ++n });
    while (used.has(archiveNo));
    highest.set(scope, n);
    used.add(archiveNo);
    plan.assignments.push({ record, archiveNo });
  }
  return plan;
}

/**
 * The field values that file an assignment: its archive number and, when `archivedOn` is given and the
 * record has no archive date yet, that date as `archived_at` (labels and the catalogue print it).
 */
export function assignmentValues(a: Assignment, archivedOn?: string): FieldValue[] {
  const values: FieldValue[] = [{ record: a.record.index, field: 'archive_no', value: a.archiveNo }];
  if (archivedOn !== undefined && blank(a.record.data?.archived_at)) values.push({ record: a.record.index, field: 'archived_at', value: archivedOn });
  return values;
}
