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

export function addDays(date: string, days: number): string {
  const t = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
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
