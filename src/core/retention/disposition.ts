import type { Schema } from '../schema/types';
import { daysBetween } from './dates';
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
 * The disposition of a record today. A hold stops any move towards destruction (会计档案管理办法 Art. 19);
 * a status of destroyed, transferred or pending-destruction is taken as recorded.
 */
export function dispositionOf(data: Readonly<Record<string, unknown>> | undefined, schema: Schema, today: string, soonDays: number): Disposition {
  const retention = retentionOf(data, schema);
  const status = typeof data?.status === 'string' ? data.status : undefined;
  if (status === 'destroyed' || status === 'transferred') return { state: status, retention };
  if (isHold(data?.hold)) return { state: 'hold', retention, until: retention.governing?.until };
  if (status === 'pending-destruction') return { state: 'pending-destruction', retention, until: retention.governing?.until };
  const g = retention.governing;
  if (!g || retention.permanent || g.waitingFor || !g.until) return { state: g?.waitingFor ? 'active' : 'retention', retention };
  const days = daysBetween(today, g.until);
  // Still in use (status active) or only kept for the legal period: the same clock, a different state.
  const state = days < 0 ? 'due' : days <= soonDays ? 'due-soon' : status === 'active' ? 'active' : 'retention';
  return { state, retention, until: g.until, days };
}
