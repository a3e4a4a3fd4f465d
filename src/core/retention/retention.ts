import { ownValue, scalarText } from '../model/records';
import type { Bilingual, RetentionDefault, Schema } from '../model/schema';
import { addDays, addYears, isoDate } from './dates';

/** One period that applies to a record, and when it ends. */
export interface AppliedPeriod {
  code: string;
  basis: Bilingual;
  /** Where it came from: the category default, a retention rule, or the record's own `retention` field. */
  source: 'category' | 'rule' | 'record';
  /** How many field conditions selected it (a rule's `match`); the category default and the record's own code: 0. */
  specificity: number;
  /** The field the period runs from (an event field when the rule has one and it is filled). */
  from: string;
  /**
   * First day counted; undefined for permanent records or while the event it waits for has not happened.
   * The day of the event itself is not counted (民法典 Art. 201): a period from a date starts the next day,
   * an accounting period the day after its fiscal year ends (会计档案管理办法 Art. 14).
   */
  start?: string;
  /** Last day of retention (民法典 Art. 202); undefined for permanent records or while waiting. */
  until?: string;
  /** The event field still empty (e.g. contract_completed). */
  waitingFor?: string;
}

export interface Retention {
  /**
   * The governing period: the most specific rule that applies (among equally specific ones the longest),
   * lengthened — never shortened — by the record's own code (DOMAIN.md §3).
   */
  governing: AppliedPeriod | undefined;
  all: AppliedPeriod[];
  /** The governing period is permanent (Y). */
  permanent: boolean;
  /** The record's own code when it is shorter than the period that governs: kept the longer all the same. */
  shortened?: AppliedPeriod;
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

type Source = Pick<AppliedPeriod, 'source' | 'specificity'>;

/**
 * A period and its days. Every period is counted from a trigger day T that is itself not counted
 * (民法典 Art. 201): the date or event field, or for accounting records the last day of the fiscal year of
 * the date (会计档案管理办法 Art. 14: 从会计年度终了后的第一天算起; the fiscal year is the calendar year,
 * 会计法 Art. 11). Counting starts on T + 1 day, and the last day is the day of T's month and day n years
 * on, or that month's last day when it has none (民法典 Art. 202): FY2014 → 2015-01-01 … 2044-12-31;
 * 2020-02-29 + 10 years → 2020-03-01 … 2030-02-28. `retention_start` names the first day counted itself.
 */
function apply(data: Readonly<Record<string, unknown>>, rule: RetentionDefault, src: Source, firstDay?: string): AppliedPeriod | undefined {
  const n = years(rule.code);
  if (n === undefined) return undefined;
  const period = (from: string, extra?: Partial<AppliedPeriod>): AppliedPeriod => ({ code: rule.code, basis: rule.basis, ...src, from, ...extra });
  if (n === 'permanent') return period(rule.from);
  if (firstDay) return period('retention_start', { start: firstDay, until: addYears(addDays(firstDay, -1), n) });
  let from = rule.from;
  let trigger = isoDate(ownValue(data, rule.from));
  if (rule.afterEvent) {
    const event = isoDate(ownValue(data, rule.afterEvent));
    // The period runs after the event; until it happens the record is not even counting down.
    if (!event) return period(rule.afterEvent, { waitingFor: rule.afterEvent });
    from = rule.afterEvent;
    trigger = event;
  }
  if (!trigger) return period(rule.from, { waitingFor: rule.from });
  if (rule.fiscalYear) trigger = `${trigger.slice(0, 4)}-12-31`;
  return period(from, { start: addDays(trigger, 1), until: addYears(trigger, n) });
}

function matches(data: Readonly<Record<string, unknown>>, match: ReadonlyMap<string, string>): boolean {
  for (const [k, v] of match) if (scalarText(ownValue(data, k)) !== v) return false;
  return true;
}

/** Longer first: permanent, then a period still waiting for its event (its end is unknown), then the later last day. */
function rank(p: AppliedPeriod): string {
  return years(p.code) === 'permanent' ? '9999-99-99' : p.waitingFor ? '9999-99-98' : (p.until ?? '');
}

/** Whether `a` certainly ends before `b`: never said of a period whose end waits for an event. */
function shorter(a: AppliedPeriod, b: AppliedPeriod): boolean {
  if (years(a.code) === 'permanent') return false;
  if (years(b.code) === 'permanent') return true;
  return a.until !== undefined && b.until !== undefined && a.until < b.until;
}

/**
 * The retention of a record — the one function numbering, labels, stamps, spines, the catalogue, the
 * Disposal view, the Health Report, `check` and the command line all ask. Every period that applies (the
 * category's default, each matching retention rule, the record's own `retention` code) is listed; the
 * governing one is the most specific rule (most `match` conditions; the category default counts as none),
 * the longest among equally specific ones — so a rule for one document kind may set a shorter period than
 * its category's default (invoice stubs: 5 years within transactions' 30) — and then the record's own code
 * when it is longer still. A record's own code never shortens a period its rules set (DOMAIN.md §3).
 */
export function retentionOf(data: Readonly<Record<string, unknown>> | undefined, schema: Schema): Retention {
  if (!data) return { governing: undefined, all: [], permanent: false };
  // Asked of the same record by the rules, the index, every view and document: worked out once per record
  // and schema. A record's data is never changed after it is read (an edit reads the file again).
  const known = memo.get(data);
  if (known?.schema === schema) return known.retention;
  const retention = Object.freeze(workOut(data, schema));
  memo.set(data, { schema, retention });
  return retention;
}

const memo = new WeakMap<object, { schema: Schema; retention: Retention }>();

function workOut(data: Readonly<Record<string, unknown>>, schema: Schema): Retention {
  const all: AppliedPeriod[] = [];
  const category = typeof data.category === 'string' ? schema.categories.get(data.category) : undefined;
  // The winning rule, with the definition it came from: the record's own code runs from the same trigger.
  let ruled: { p: AppliedPeriod; rule: RetentionDefault } | undefined;
  const consider = (rule: RetentionDefault, src: Source) => {
    const p = apply(data, rule, src);
    if (!p) return;
    all.push(p);
    if (!ruled || p.specificity > ruled.p.specificity || (p.specificity === ruled.p.specificity && rank(p) > rank(ruled.p))) ruled = { p, rule };
  };
  if (category?.retention) consider(category.retention, { source: 'category', specificity: 0 });
  for (const rule of schema.retentionRules) {
    if (rule.category && rule.category !== data.category) continue;
    if (matches(data, rule.match)) consider(rule, { source: 'rule', specificity: rule.match.size });
  }
  let governing = ruled?.p;
  let shortened: AppliedPeriod | undefined;
  const own = typeof data.retention === 'string' ? data.retention.trim() : undefined;
  if (own && years(own) !== undefined) {
    const trigger = ruled?.rule;
    const basis = scalarText(data.retention_basis);
    const p = apply(
      data,
      {
        code: own,
        from: trigger?.from ?? 'date',
        afterEvent: trigger?.afterEvent,
        fiscalYear: trigger?.fiscalYear ?? false,
        basis: { zh: basis || '记录自身', en: basis || 'the record itself' },
      },
      { source: 'record', specificity: 0 },
      isoDate(data.retention_start),
    );
    if (p) {
      all.push(p);
      if (!governing || rank(p) > rank(governing)) governing = p;
      else if (shorter(p, governing)) shortened = p;
    }
  }
  const out: Retention = { governing, all, permanent: governing !== undefined && years(governing.code) === 'permanent' };
  if (shortened) out.shortened = shortened;
  return out;
}
