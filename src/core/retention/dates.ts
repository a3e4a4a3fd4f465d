import { parseDate } from '../values/checks';

/** A YYYY-MM-DD date, or undefined. */
export function isoDate(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().slice(0, 10);
  return parseDate(s).ok ? s : undefined;
}

/** Adds whole years; 29 February becomes 28 February in a year without it. */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  // Past year 9999 a date no longer has four digits, and dates compare as strings: the end of time it is.
  if (year > 9999) return '9999-12-31';
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  // The month and day stay as written, except 29 February in a year without it.
  const monthDay = date.slice(4, 10) === '-02-29' && !leap ? '-02-28' : date.slice(4, 10);
  return `${String(year).padStart(4, '0')}${monthDay}`;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `date` (YYYY-MM-DD) moved by `days`, in the proleptic Gregorian calendar. Worked out by hand, not through
 * Date#toISOString: every record's retention asks for it, and that formatting was a tenth of indexing.
 */
export function addDays(date: string, days: number): string {
  let y = +date.slice(0, 4);
  let m = +date.slice(5, 7);
  let d = +date.slice(8, 10) + days;
  // Days to months, one month at a time: periods move by a day or a few months' worth of days. A month that
  // is not one (2020-13-01, from a value no check has passed yet) goes the way Date reads it, as before.
  if (Math.abs(days) > 400 || !(m >= 1 && m <= 12) || !(d - days >= 1)) {
    const t = Date.UTC(y, m - 1, d - days) + days * 86400000;
    return new Date(t).toISOString().slice(0, 10);
  }
  const len = (yy: number, mm: number) => (mm === 2 && isLeap(yy) ? 29 : MONTH_DAYS[mm - 1]);
  while (d > len(y, m)) {
    d -= len(y, m);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  while (d < 1) {
    if (--m < 1) {
      m = 12;
      y--;
    }
    d += len(y, m);
  }
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function daysBetween(a: string, b: string): number {
  const t = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  return Math.round((t(b) - t(a)) / 86400000);
}

/** Today in the local calendar, YYYY-MM-DD. */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Now in local time with its UTC offset, `2026-03-01T14:30:05+08:00`: a review mark or a record of when
 * something was done reads as the clock on the wall said, not as UTC (toISOString), and stays exact.
 */
export function localTimestamp(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const off = -now.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const a = Math.abs(off);
  return `${today(now)}T${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}${sign}${p(Math.floor(a / 60))}:${p(a % 60)}`;
}
