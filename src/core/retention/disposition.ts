import type { Schema } from '../model/schema';
import { addDays, daysBetween } from './dates';
import { retentionOf, type Retention } from './retention';

/** Where a record stands in its lifecycle (DOMAIN.md §2). */
export type DispositionState = 'active' | 'retention' | 'due-soon' | 'due' | 'hold' | 'pending-destruction' | 'destroyed' | 'transferred';

export interface Disposition {
  state: DispositionState;
  retention: Retention;
  /** The day retention ends (due from the day after). */
  until?: string;
  /** Days until due (negative: overdue). */
  days?: number;
}

/** A hold, however it was written (true, "true", yes, 是). */
export const isHold = (v: unknown): boolean => v === true || v === 'true' || v === 'yes' || v === '是';

/**
 * What decides a record's disposition on any day, worked out once per record: the record does not change
 * from day to day, only the date it is compared with. Small, so it can be kept for 100,000 records.
 */
export interface DispositionBasis {
  /** A state that does not depend on the day (destroyed, hold, pending, transferred while permanent, or no dated retention). */
  fixed?: DispositionState;
  /** Last day of retention, when the state depends on the day. */
  until?: string;
  /** The record's status is active (in use): before the due date it shows as active, not in retention. */
  active: boolean;
  /** Transferred (PIPL Art. 22): the local copy is only kept while a legal period runs (Art. 47), then due. */
  transferred?: boolean;
}

/** The basis of a record's disposition, and the retention it came from. */
export function dispositionBasis(data: Readonly<Record<string, unknown>> | undefined, schema: Schema, retention = retentionOf(data, schema)): DispositionBasis {
  const status = typeof data?.status === 'string' ? data.status : undefined;
  const until = retention.governing?.until;
  if (status === 'destroyed') return { fixed: status, active: false };
  if (isHold(data?.hold)) return { fixed: 'hold', until, active: false };
  if (status === 'pending-destruction') return { fixed: 'pending-destruction', until, active: false };
  const g = retention.governing;
  if (status === 'transferred') {
    // Handed over: the purpose is served, so the local copy is due once no legal period runs (PIPL Art. 47).
    if (!g || (!retention.permanent && !g.waitingFor && !g.until)) return { fixed: 'due', active: false, transferred: true };
    if (retention.permanent || g.waitingFor) return { fixed: 'transferred', active: false, transferred: true };
    return { until: g.until, active: false, transferred: true };
  }
  if (!g || retention.permanent || g.waitingFor || !g.until) return { fixed: g?.waitingFor ? 'active' : 'retention', active: false };
  return { until: g.until, active: status === 'active' };
}

/** A day and the end of its "due soon" window, for asking about many records at once. */
export interface DayWindow {
  today: string;
  /** The last day that counts as due soon (today + the window's days). */
  soonEnd: string;
}

let lastWindow: DayWindow & { soonDays: number } = { today: '', soonEnd: '', soonDays: NaN };

/** The window of a day; the same day and width as last time (every record of a pass) cost no date arithmetic. */
export function dayWindow(today: string, soonDays: number): DayWindow {
  if (lastWindow.today !== today || lastWindow.soonDays !== soonDays) lastWindow = { today, soonEnd: addDays(today, soonDays), soonDays };
  return lastWindow;
}

/** The state in a day window from a basis (ISO dates compare as strings: no date arithmetic per record). */
export function stateIn(basis: DispositionBasis, w: DayWindow): DispositionState {
  if (basis.fixed) return basis.fixed;
  // Still in use (status active) or only kept for the legal period: the same clock, a different state.
  return basis.until! < w.today ? 'due' : basis.until! <= w.soonEnd ? 'due-soon' : basis.active ? 'active' : basis.transferred ? 'transferred' : 'retention';
}

/**
 * The disposition of a record today. A hold stops any move towards destruction (会计档案管理办法 Art. 19);
 * a status of destroyed or pending-destruction is taken as recorded; a transferred record is kept only while
 * its legal period runs.
 */
export function dispositionOf(data: Readonly<Record<string, unknown>> | undefined, schema: Schema, today: string, soonDays: number): Disposition {
  const retention = retentionOf(data, schema);
  const basis = dispositionBasis(data, schema, retention);
  const state = stateIn(basis, dayWindow(today, soonDays));
  return { state, retention, until: basis.until, days: basis.fixed ? undefined : daysBetween(today, basis.until!) };
}

/**
 * What one record's disposition shows as — in the Records view, the status bar, the Health Report, the
 * same everywhere: listed in a batch not executed yet, it is `pending` (not due again); with errors, it is
 * `errors` — counted and shown, but nothing is decided about keeping or destroying a record until its
 * errors are corrected; otherwise its state today.
 */
export type ShownDisposition = DispositionState | 'pending' | 'errors';

/** Shown dispositions in the order every view and the health report list them (most urgent first). */
export const DISPOSITION_ORDER: readonly ShownDisposition[] = [
  'due',
  'due-soon',
  'errors',
  'pending',
  'hold',
  'pending-destruction',
  'active',
  'retention',
  'transferred',
  'destroyed',
];

export function shownDisposition(basis: DispositionBasis, w: DayWindow, o: { errors: number; inBatch: boolean }): ShownDisposition {
  if (o.inBatch) return 'pending';
  if (o.errors > 0) return 'errors';
  return stateIn(basis, w);
}
