import type { Lang } from '../../../core/model/lang';
import { field, type RecordEntry } from '../../../core/model/records';
import { matches, type Filter } from '../../../core/index/filter';
export { parseFilter, type Filter } from '../../../core/index/filter';
import type { Schema } from '../../../core/model/schema';
import { today } from '../../../core/retention/dates';
import { dayWindow, DISPOSITION_ORDER, type DayWindow, type ShownDisposition } from '../../../core/retention/disposition';
import { forEachInSlices } from '../../../core/async/slices';
import { shownDispositionOf, type IndexedFolder } from '../../index/dispositions';

/** `problems`: errors, warnings, none; `status`: the record's own lifecycle field (active, archived, …). */
export type GroupBy = 'category' | 'customer' | 'problems' | 'status' | 'disposition';
export type Status = 'error' | 'warning' | 'ok';

export const NO_VALUE = '\u0000none';

export function statusOf(folder: IndexedFolder, r: RecordEntry): Status {
  const c = folder.index.problemCounts(r);
  return c.errors ? 'error' : c.warnings ? 'warning' : 'ok';
}

/**
 * A record's disposition as every view shows it (due, on hold, pending in a batch, with errors…), for
 * grouping, icons and tooltips; each record's basis is cached.
 */
export function shownState(folder: IndexedFolder, r: RecordEntry, soonDays: number, pending?: ReadonlyMap<string, unknown>): ShownDisposition {
  return shownDispositionOf(folder, r, dayWindow(today(), soonDays), pending);
}

export { DISPOSITION_ORDER };

export function groupKey(folder: IndexedFolder, r: RecordEntry, by: GroupBy, soonDays = 90): string {
  if (by === 'problems') return statusOf(folder, r);
  if (by === 'disposition') return shownState(folder, r, soonDays);
  const v = field(r, by);
  if (by === 'category' && v !== undefined && !folder.schema.categories.has(v)) return NO_VALUE;
  return v ?? NO_VALUE;
}

export function categoryLabel(schema: Schema, key: string, lang: Lang): string | undefined {
  const c = schema.categories.get(key);
  return c ? (lang === 'zh' ? c.label.zh : c.label.en) : undefined;
}

/** Records of a folder grouped once per index change, so expanding a node is a lookup. */
export class GroupModel {
  readonly groups = new Map<string, RecordEntry[]>();
  readonly sub = new Map<string, Map<string, RecordEntry[]>>();
  total = 0;
  withProblems = 0;
  private readonly window: DayWindow;

  private constructor(
    private readonly folder: IndexedFolder,
    readonly by: GroupBy,
    readonly filter: Filter | undefined,
    soonDays: number,
    /** Records listed in batches not executed yet (Batches.pending): they show as pending, not due. */
    private readonly pending?: ReadonlyMap<string, unknown>,
  ) {
    this.window = dayWindow(today(), soonDays);
  }

  /** At once: for a first look at a folder, when nothing older can be shown meanwhile. */
  static now(folder: IndexedFolder, by: GroupBy, filter: Filter | undefined, soonDays = 90, pending?: ReadonlyMap<string, unknown>): GroupModel {
    const m = new GroupModel(folder, by, filter, soonDays, pending);
    for (const r of folder.index.records()) m.add(r);
    return m;
  }

  /** In slices: after a change, while the view keeps showing the previous model (100,000 records take ~0.1 s). */
  static async build(
    folder: IndexedFolder,
    by: GroupBy,
    filter: Filter | undefined,
    soonDays = 90,
    isCurrent?: () => boolean,
    pending?: ReadonlyMap<string, unknown>,
  ): Promise<GroupModel> {
    const m = new GroupModel(folder, by, filter, soonDays, pending);
    // Over a snapshot: an entry replaced during the pass moves to the end of the index and would show twice.
    await forEachInSlices(
      () => [...folder.index.entries()],
      (e) => e.records.forEach((r) => m.add(r)),
      { isCurrent },
    );
    return m;
  }

  private add(r: RecordEntry): void {
    if (!matches(r, this.filter, this.folder.schema)) return;
    this.total++;
    const c = this.folder.index.problemCounts(r);
    const problem = c.errors > 0 || c.warnings > 0;
    if (problem) this.withProblems++;
    // The one disposition every view shows: pending in a batch, errors to correct first, else today's state.
    const key = this.by === 'disposition' ? shownDispositionOf(this.folder, r, this.window, this.pending) : groupKey(this.folder, r, this.by);
    let list = this.groups.get(key);
    if (!list) this.groups.set(key, (list = []));
    list.push(r);
    if (problem) this.problems.set(list, (this.problems.get(list) ?? 0) + 1);
    if (this.by === 'category') {
      const cust = field(r, 'customer') ?? NO_VALUE;
      let m = this.sub.get(key);
      if (!m) this.sub.set(key, (m = new Map<string, RecordEntry[]>()));
      let l2 = m.get(cust);
      if (!l2) m.set(cust, (l2 = []));
      l2.push(r);
      if (problem) this.problems.set(l2, (this.problems.get(l2) ?? 0) + 1);
    }
  }

  /** Records with errors or warnings per group list, counted while grouping. */
  private readonly problems = new Map<RecordEntry[], number>();

  problemsIn(list: RecordEntry[]): number {
    return this.problems.get(list) ?? 0;
  }

  /** A group's records in display order, sorted once per model. */
  sorted(list: RecordEntry[], compare: (a: RecordEntry, b: RecordEntry) => number): RecordEntry[] {
    let s = this.sortedLists.get(list);
    if (!s) this.sortedLists.set(list, (s = [...list].sort(compare)));
    return s;
  }

  private readonly sortedLists = new WeakMap<RecordEntry[], RecordEntry[]>();
}
