/**
 * A natural person's age from what a record says of them: a birth date field, or the birth date an ID number
 * carries (GB 11643-1999: digits 7–14 are YYYYMMDD). Under 14 their information is sensitive (PIPL Art. 28)
 * and the guardian acts for them (Art. 31). Nothing is guessed: an ID number that fails its checksum, or
 * whose birth date is not a real date, gives no birth date at all.
 */
import { scalarText } from '../model/records';
import { isRealDate, isValidIdNumber, parseDate } from './checks';

/** The age under which PIPL treats a person's information as a child's (Arts. 28, 31). */
export const CHILD_AGE = 14;

const MASKED_WITH_BIRTH = /^[1-9*][0-9*]{5}((?:19|20)\d{2})(\d{2})(\d{2})[0-9*]{3}[0-9Xx*]$/;

/**
 * The birth date (YYYY-MM-DD) an ID number carries: a full number only when its checksum holds; a masked one
 * (`110105201509******`…) only when its eight birth-date digits are all shown and form a real date.
 */
export function birthDateFromId(value: string): string | undefined {
  const s = value.trim();
  if (/^\d{17}[\dXx]$/.test(s)) return isValidIdNumber(s) ? `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}` : undefined;
  const m = MASKED_WITH_BIRTH.exec(s);
  if (!m || !s.includes('*')) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD); a 29 February birthday counts on 1 March. */
export function ageOn(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5, 10) < birth.slice(5, 10) ? years - 1 : years;
}

export interface BirthDate {
  date: string;
  /** Which field gave it. */
  from: string;
}

/** The birth date of a record's person: `birth_date` first, else the ID number's; undefined when neither gives one. */
export function birthDateOf(data: Readonly<Record<string, unknown>> | undefined, idFields: readonly string[] = ['id_number']): BirthDate | undefined {
  const own = data?.birth_date;
  const text = own instanceof Date ? own.toISOString().slice(0, 10) : typeof own === 'string' ? own.trim() : '';
  if (text && parseDate(text).ok) return { date: text.slice(0, 10), from: 'birth_date' };
  for (const f of idFields) {
    const v = data?.[f];
    const date = typeof v === 'string' ? birthDateFromId(v) : undefined;
    if (date) return { date, from: f };
  }
  return undefined;
}

/** The names a value holds: one, or a list; blanks and dashes are no one. */
export const names = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).map((x) => scalarText(x).trim()).filter((x) => x !== '' && x !== '—' && x !== '-');

export interface ChildFacts {
  /** The birth date, when known, and the field it came from (birth_date, id_number, or pi_kinds). */
  birth?: string;
  from: string;
  age?: number;
}

/**
 * Whether a person is a child under 14 on `day`, from every record of theirs (the basic record usually holds
 * the birth date or ID number, the call records do not): a birth date from `birth_date` or the ID number
 * decides; without one, `minor` among a record's pi_kinds (a child recorded as such, with no ID number).
 * A birth date after `day` is no birth date.
 */
export function childFacts(records: readonly (Readonly<Record<string, unknown>> | undefined)[], day: string): ChildFacts | undefined {
  let flagged = false;
  for (const d of records) {
    const b = birthDateOf(d);
    if (b && b.date <= day) {
      const age = ageOn(b.date, day);
      return age < CHILD_AGE ? { birth: b.date, from: b.from, age } : undefined;
    }
    if (names(d?.pi_kinds).includes('minor')) flagged = true;
  }
  return flagged ? { from: 'pi_kinds' } : undefined;
}
