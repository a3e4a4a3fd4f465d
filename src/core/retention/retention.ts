import { ownValue, scalarText } from '../model/records';
import type { Bilingual, RetentionDefault, Schema } from '../model/schema';
import { addYears, isoDate } from './dates';

/** One period that applies to a record, and when it ends. */
export interface AppliedPeriod {
  code: string;
  basis: Bilingual;
  /** Where it came from: the category default, a retention rule, or the record's own `retention` field. */
  source: 'category' | 'rule' | 'record';
  /** The field the period runs from (an event field when the rule has one and it is filled). */
  from: string;
  /** Day the period starts; undefined while the event it waits for has not happened. */
  start?: string;
  /** Last day of retention; undefined for permanent records or while waiting. */
  until?: string;
  /** The event field still empty (e.g. contract_completed). */
  waitingFor?: string;
}

export interface Retention {
  /** The governing period: the longest of those that apply. */
  governing: AppliedPeriod | undefined;
  all: AppliedPeriod[];
  permanent: boolean;
}

const yearsOf = new Map<string, number | 'permanent' | undefined>();

export function years(code: string): number | 'permanent' | undefined {
  // A handful of codes (Y, D3, D10, D30) asked about for every record: read each once.
  if (yearsOf.has(code)) return yearsOf.get(code);
  const m = /^D(\d{1,3})$/.exec(code);
  const n = code === 'Y' ? 'permanent' : m ? Number(m[1]) : undefined;
  if (yearsOf.size < 1000) yearsOf.set(code, n);
  return n;
}

function apply(data: Readonly<Record<string, unknown>>, rule: RetentionDefault, source: AppliedPeriod['source']): AppliedPeriod | undefined {
  const n = years(rule.code);
  if (n === undefined) return undefined;
  const period = (from: string, extra?: Partial<AppliedPeriod>): AppliedPeriod => ({ code: rule.code, basis: rule.basis, source, from, ...extra });
  if (n === 'permanent') return period(rule.from);
  let startField = rule.from;
  let start = isoDate(ownValue(data, rule.from));
  if (rule.afterEvent) {
    const event = isoDate(ownValue(data, rule.afterEvent));
    // The period runs after the event; until it happens the record is not even counting down.
    if (!event) return period(rule.afterEvent, { waitingFor: rule.afterEvent });
    startField = rule.afterEvent;
    start = event;
  }
  if (!start) return period(rule.from, { waitingFor: rule.from });
  // Accounting archives count from the day after the fiscal (calendar) year ends (会计档案管理办法 Art. 14).
  if (rule.fiscalYear) start = `${Number(start.slice(0, 4)) + 1}-01-01`;
  const p = period(startField);
  p.start = start;
  p.until = addYears(start, n);
  return p;
}

function matches(data: Readonly<Record<string, unknown>>, match: ReadonlyMap<string, string>): boolean {
  for (const [k, v] of match) if (scalarText(ownValue(data, k)) !== v) return false;
  return true;
}

/**
 * The retention of a record: every period that applies (its category's default, matching retention rules,
 * its own `retention` code) and the governing one, the longest (DOMAIN.md §3: the longest applicable wins).
 */
export function retentionOf(data: Readonly<Record<string, unknown>> | undefined, schema: Schema): Retention {
  const all: AppliedPeriod[] = [];
  if (!data) return { governing: undefined, all, permanent: false };
  const category = typeof data.category === 'string' ? schema.categories.get(data.category) : undefined;
  const dflt = category?.retention;
  if (dflt) {
    const p = apply(data, dflt, 'category');
    if (p) all.push(p);
  }
  for (const rule of schema.retentionRules) {
    if (rule.category && rule.category !== data.category) continue;
    if (!matches(data, rule.match)) continue;
    const p = apply(data, rule, 'rule');
    if (p) all.push(p);
  }
  const own = typeof data.retention === 'string' ? data.retention.trim() : undefined;
  if (own && years(own) !== undefined) {
    const from = isoDate(data.retention_start) ? 'retention_start' : (dflt?.from ?? 'date');
    const p = apply(
      data,
      {
        code: own,
        from,
        afterEvent: from === 'retention_start' ? undefined : dflt?.afterEvent,
        fiscalYear: from === 'retention_start' ? false : (dflt?.fiscalYear ?? false),
        basis: { zh: scalarText(data.retention_basis) || '记录自身', en: scalarText(data.retention_basis) || 'the record itself' },
      },
      'record',
    );
    if (p) all.push(p);
  }
  const permanent = all.some((p) => years(p.code) === 'permanent');
  const rank = (p: AppliedPeriod) => (years(p.code) === 'permanent' ? '9999-99-99' : p.waitingFor ? '9999-99-98' : (p.until ?? ''));
  const governing = all.reduce<AppliedPeriod | undefined>((best, p) => (!best || rank(p) > rank(best) ? p : best), undefined);
  return { governing, all, permanent };
}
