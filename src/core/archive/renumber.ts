import type { Lang } from '../model/lang';
import { scalarText, type FileEntry, type RecordEntry } from '../model/records';
import type { Schema } from '../model/schema';
import type { Refusal } from './assign';
import { numberingBlockers, rawArchiveNumbers, type NumberingBlocker } from './blockers';
import { archiveFormat, CHECKED_PARTS, expectedParts } from './expected';
import { ArchiveFormat, type ArchiveParts } from './number';

/** The format the default schema wrote before 0.2: the category code in the 门类代码 slot, no 机构(问题) part. */
export const EARLIER_DEFAULT_FORMAT = '{fonds}-{subject}·{year}-{retention}-{number}';

/** One record's number as it is and as it should be. */
export interface Renumbering {
  record: RecordEntry;
  from: string;
  to: string;
  /**
   * `format`: the same filing (year, retention, category) written in the schema's format, item number kept;
   * `moved`: the record belongs in another scope (its governing retention differs), so it takes the next
   * item number there.
   */
  why: 'format' | 'moved';
}

export interface RenumberPlan {
  changes: Renumbering[];
  /** Numbers that neither the schema's format nor the earlier one reads: left as they are, for a person. */
  unreadable: RecordEntry[];
  /** Records whose number cannot be worked out (no category, date, retention or fonds). */
  refused: Refusal[];
  /** Records whose number is already right. */
  unchanged: number;
}

const blank = (v: unknown) => scalarText(v).trim() === '';

/**
 * Plans new archive numbers for numbered records whose number is not what the schema and the record say it
 * should be: a number in an earlier format (`earlierFormat`, by default the one the default schema used to
 * write), or one whose retention, year or category code contradicts the record. Never applied by itself: the
 * front ends show the plan for review (an archive number is stable once given, DA/T 13-2022 §4.3, so every
 * change is a decision). A record keeps its item number when only the writing changes and the number is free;
 * otherwise it takes the next one of its scope. No number in use anywhere — kept, replaced or only found by a
 * text scan (`alsoUsed`) — is ever handed out again.
 */
export function planRenumbering(
  all: Iterable<RecordEntry>,
  schema: Schema,
  earlierFormat = EARLIER_DEFAULT_FORMAT,
  alsoUsed: Iterable<string> = [],
): RenumberPlan {
  const format = archiveFormat(schema);
  const earlier = new ArchiveFormat({ ...schema.archiveNumber, format: earlierFormat });
  const width = schema.archiveNumber.numberWidth;
  const plan: RenumberPlan = { changes: [], unreadable: [], refused: [], unchanged: 0 };
  const used = new Set<string>(alsoUsed);
  const highest = new Map<string, number>();
  const take = (no: string, parts: ArchiveParts | undefined) => {
    used.add(no);
    if (!parts) return;
    const scope = format.scopeKey(parts);
    highest.set(scope, Math.max(highest.get(scope) ?? 0, Number.parseInt(parts.number, 10)));
  };
  const pending: { record: RecordEntry; from: string; old: ArchiveParts; parts: Omit<ArchiveParts, 'number'> }[] = [];
  for (const record of all) {
    const from = scalarText(record.data?.archive_no).trim();
    if (blank(from)) continue;
    const now = format.parse(from);
    used.add(from);
    const expected = expectedParts(record.data, schema);
    if (!expected.ok) {
      if (now) take(from, now);
      else plan.refused.push({ record, reason: expected.reason });
      continue;
    }
    const right = (p: ArchiveParts) => CHECKED_PARTS.every((k) => !format.has(k) || p[k] === expected.parts[k]);
    if (now && right(now) && now.number.length === width) {
      take(from, now);
      plan.unchanged++;
      continue;
    }
    const old = now ?? earlier.parse(from);
    if (!old) plan.unreadable.push(record);
    else pending.push({ record, from, old, parts: expected.parts });
  }
  // First those that keep their item number, so a record that must move never takes a number another keeps.
  const moving: typeof pending = [];
  for (const p of pending) {
    const same = p.old.year === p.parts.year && p.old.retention === p.parts.retention && p.old.subject === p.parts.subject;
    const to = format.format({ ...p.parts, number: Number.parseInt(p.old.number, 10) });
    if (same && !used.has(to)) {
      take(to, format.parse(to));
      plan.changes.push({ record: p.record, from: p.from, to, why: 'format' });
    } else moving.push(p);
  }
  const key = (r: RecordEntry) => `${scalarText(r.data?.date)}\u0000${scalarText(r.data?.id)}\u0000${r.file}\u0000${r.index}`;
  moving.sort((a, b) => (key(a.record) < key(b.record) ? -1 : key(a.record) > key(b.record) ? 1 : 0));
  for (const p of moving) {
    const scope = format.scopeKey(p.parts);
    let n = highest.get(scope) ?? 0;
    let to: string;
    do to = format.format({ ...p.parts, number: ++n });
    while (used.has(to));
    highest.set(scope, n);
    used.add(to);
    plan.changes.push({ record: p.record, from: p.from, to, why: 'moved' });
  }
  plan.changes.sort((a, b) => (a.record.file < b.record.file ? -1 : a.record.file > b.record.file ? 1 : a.record.index - b.record.index));
  return plan;
}

/** As planFolderNumbers: nothing is planned while a file or folder may hold numbers the index cannot see. */
export function planFolderRenumbering(
  files: Iterable<FileEntry>,
  schema: Schema,
  lang: Lang,
  earlierFormat?: string,
): { blockers: NumberingBlocker[]; plan: RenumberPlan | undefined } {
  const entries = [...files];
  const blockers = numberingBlockers(entries, lang);
  if (blockers.length) return { blockers, plan: undefined };
  return {
    blockers,
    plan: planRenumbering(
      entries.flatMap((e) => e.records),
      schema,
      earlierFormat,
      rawArchiveNumbers(entries),
    ),
  };
}
