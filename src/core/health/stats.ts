/**
 * The figures of the Health Report (定期检查): records per category and their completeness, disposition
 * states, retention ending month by month, personal-information findings. Pure: no I/O, no `vscode`.
 * `members` names the records behind every chart element ("path#index"), so a view can open them.
 */
import type { RecordIndex } from '../index/record-index';
import { applyBaseline, withBaseline, type FileBaseline } from '../check/baseline';
import type { ReportItem } from '../report/types';
import { field, type RecordEntry } from '../model/records';
import { dayWindow, DISPOSITION_ORDER, dispositionBasis, shownDisposition, type ShownDisposition } from '../retention/disposition';
import { CATALOGUE } from '../rules/catalogue';
import { forEachInSlices } from '../async/slices';
import type { Bilingual, Schema } from '../model/schema';

export interface HealthInput {
  index: RecordIndex;
  schema: Schema;
  /** YYYY-MM-DD */
  today: string;
  soonDays: number;
  /** Changes not yet reviewed (review feature), when known. */
  unreviewed?: number;
  /** Backup state of the records repository, when known. */
  backup?: { remote: boolean; unpushed: number };
  /** Findings not on records — the schema file's and the batches' (check/folder.ts nonRecordFindings) — counted too. */
  others?: readonly ReportItem[];
  /** Records ("path#index") listed in batches not executed yet: pending, not due, as in the other views. */
  pending?: ReadonlySet<string>;
  /** The folder's baseline (`.records/baseline.json`): the findings it knows count as `check` counts them. */
  baseline?: FileBaseline;
}

export interface CategoryStat {
  key: string;
  label: Bilingual;
  count: number;
  /** Records with no error. */
  complete: number;
}

export interface HealthStats {
  total: number;
  /** Schema order, then categories the schema does not know. */
  byCategory: CategoryStat[];
  byDisposition: { state: string; count: number }[];
  /** Records whose retention ends in each of the next 12 months (YYYY-MM), after an `overdue` bucket. */
  timeline: { month: string; count: number }[];
  personal: { code: string; count: number }[];
  /** Findings accepted in their record (with the reason) or known to the baseline: listed, so acceptance is reviewed. */
  accepted: { path: string; code: string; reason: string; by: 'inline' | 'baseline' }[];
  errors: number;
  warnings: number;
  unreviewed?: number;
  backup?: { remote: boolean; unpushed: number };
  /**
   * Which records stand behind each chart element, as record keys "path#index". Keys: `category:<key>`,
   * `complete:<key>`, `errors:<key>`, `disposition:<state>`, `month:<YYYY-MM>`, `month:overdue`, `pi:<code>`.
   */
  members: Record<string, string[]>;
}

/** Disposition states in the order the report shows them (most urgent first). */
export const DISPOSITION_STATES = DISPOSITION_ORDER;

/** Every personal-information code the catalogue declares (pi-id-number, pi-mobile, pi-email, …). */
export const PI_CODES: readonly string[] = [...CATALOGUE.keys()].filter((c) => c.startsWith('pi-'));

/** The key of records without a category value. */
export const NO_CATEGORY = '(none)';

export const recordKey = (r: Pick<RecordEntry, 'file' | 'index'>): string => `${r.file}#${r.index}`;

/** The next `n` months from today's month, as YYYY-MM. */
export function nextMonths(today: string, n = 12): string[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/**
 * The figures of the health report. In slices (see forEachInSlices): at 100,000 records working them out
 * takes a few hundred milliseconds, which must not hold the extension host in one piece.
 */
export async function healthStats(input: HealthInput): Promise<HealthStats> {
  const { index, schema, today, soonDays } = input;
  const members: Record<string, string[]> = {};
  const add = (key: string, rec: string) => (members[key] ??= []).push(rec);
  const ensure = (key: string) => (members[key] ??= []);

  const cats = new Map<string, CategoryStat>();
  for (const c of schema.categories.values()) {
    cats.set(c.key, { key: c.key, label: c.label, count: 0, complete: 0 });
    ensure(`category:${c.key}`);
    ensure(`complete:${c.key}`);
    ensure(`errors:${c.key}`);
  }
  const states = new Map<string, number>();
  const months = nextMonths(today);
  const timeline = new Map<string, number>([['overdue', 0], ...months.map((m): [string, number] => [m, 0])]);
  for (const m of timeline.keys()) ensure(`month:${m}`);

  let total = 0;
  const w = dayWindow(today, soonDays);
  await forEachInSlices(
    () => [...index.entries()],
    (e) => e.records.forEach(countRecord),
  );
  function countRecord(r: RecordEntry): void {
    total++;
    const key = recordKey(r);
    const cat = field(r, 'category')?.trim() || NO_CATEGORY;
    let c = cats.get(cat);
    if (!c) {
      const label = cat === NO_CATEGORY ? { zh: '（无类别）', en: '(no category)' } : { zh: cat, en: cat };
      cats.set(cat, (c = { key: cat, label, count: 0, complete: 0 }));
    }
    c.count++;
    add(`category:${cat}`, key);
    const errors = index.problemCounts(r).errors;
    if (errors === 0) {
      c.complete++;
      add(`complete:${cat}`, key);
    } else add(`errors:${cat}`, key);

    // The one disposition every view shows; a record with errors is counted as such, not left out.
    const basis = dispositionBasis(r.data, schema);
    const state = shownDisposition(basis, w, { errors, inBatch: input.pending?.has(key) === true });
    states.set(state, (states.get(state) ?? 0) + 1);
    add(`disposition:${state}`, key);
    if (state !== 'errors' && basis.until && state !== 'destroyed' && state !== 'transferred') {
      const bucket = basis.until < today ? 'overdue' : basis.until.slice(0, 7);
      if (timeline.has(bucket)) {
        timeline.set(bucket, timeline.get(bucket)! + 1);
        add(`month:${bucket}`, key);
      }
    }
  }

  let errors = 0;
  let warnings = 0;
  const accepted: HealthStats['accepted'] = [];
  const pi = new Map<string, number>(PI_CODES.map((c) => [c, 0]));
  for (const code of PI_CODES) ensure(`pi:${code}`);
  const others = input.baseline ? applyBaseline(input.others ?? [], input.baseline, index.lang).items : (input.others ?? []);
  for (const { path, finding } of others) {
    const a = finding.data?.accepted;
    if (a) accepted.push({ path, code: finding.code, reason: a.reason, by: a.by });
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
  }
  await forEachInSlices(
    () => [...index.entries()],
    (e) => {
      const own = index.findings(e.path);
      for (const f of input.baseline ? withBaseline(e.path, own, input.baseline, index.lang).findings : own) {
        const a = f.data?.accepted;
        if (a) accepted.push({ path: e.path, code: f.code, reason: a.reason, by: a.by });
        if (f.severity === 'error') errors++;
        else if (f.severity === 'warning') warnings++;
        if (!pi.has(f.code)) continue;
        pi.set(f.code, pi.get(f.code)! + 1);
        const rec = e.records.find((r) => r.index === f.record) ?? e.records[0];
        const list = ensure(`pi:${f.code}`);
        const k = rec ? recordKey(rec) : `${e.path}#${f.record ?? 0}`;
        if (!list.includes(k)) list.push(k);
      }
    },
  );

  const known = [...DISPOSITION_STATES, ...[...states.keys()].filter((s) => !DISPOSITION_STATES.includes(s as ShownDisposition))];
  const byDisposition = known.filter((s) => states.has(s)).map((state) => ({ state, count: states.get(state)! }));
  const out: HealthStats = {
    total,
    byCategory: [...cats.values()],
    byDisposition,
    timeline: [...timeline].map(([month, count]) => ({ month, count })),
    personal: [...pi].map(([code, count]) => ({ code, count })),
    accepted,
    errors,
    warnings,
    members,
  };
  if (input.unreviewed !== undefined) out.unreviewed = input.unreviewed;
  if (input.backup) out.backup = { ...input.backup };
  return out;
}
