/**
 * Value validators for record fields (DOMAIN.md §7). Pure and free of `vscode`: the CLI and the
 * extension call them once per field on every scan, so they avoid regex match arrays where a
 * char-code loop is as clear.
 */

// GB 11643-1999: Wi = 2^(17-i) mod 11; the check character is indexed by the weighted sum mod 11.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const ID_SHAPE = /^[1-9]\d{16}[\dXx]$/;
const MASKED_ID_SHAPE = /^[\d*]{17}[\dXx*]$/;

// GB 32100-2015: I, O, Z, S, V are left out because they are easily mistaken for 1, 0, 2, 5, U.
const CC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// Positions 3-8 are the administrative region code, always digits.
const CC_SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

const MOBILE = /^(?:(?:\+|00)86[- ]?)?1[3-9]\d{9}$/;
const MASKED_MOBILE = /^(?:(?:\+|00)86[- ]?)?1[3-9]\d\*{4}\d{4}$/;
const LANDLINE = /^(?:0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|[48]00-?\d{3}-?\d{4})$/;

// Pragmatic: dot-atom local part (no quoted strings, which real customer data never uses), domain labels
// of letters/digits in any script so IDN domains such as 例子.中国 pass, and an alphabetic or punycode TLD.
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|[Xx][Nn]--[A-Za-z0-9-]{1,59})$/u;

const DATE_SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const DATE_CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))?$/;

// Sign either before or after the currency marker, never both; thousands groups must be exactly 3 digits.
const MONEY = /^(?:-(?:[¥￥$€£]|[A-Z]{3} ?)?|(?:[¥￥$€£]|[A-Z]{3} ?)-?)?(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d{1,2})?(?: ?(?:[A-Z]{3}|元))?$/;
const MONEY_NUMBER_TEXT = /^-?\d+\.\d{1,2}$/;

export type DateResult = { ok: true; year: number; month: number; day: number } | { ok: false; reason: 'format' | 'nonexistent' };

/** `offsetMinutes` is undefined for a local (floating) time without `Z` or an offset. */
export type DateTimeResult =
  | {
      ok: true;
      year: number;
      month: number;
      day: number;
      hour: number;
      minute: number;
      second: number;
      millisecond: number;
      offsetMinutes: number | undefined;
    }
  | { ok: false; reason: 'format' | 'nonexistent' };

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Decimal value of `len` ASCII digits at `start`, or -1; lets callers parse without slicing. */
function digitsAt(s: string, start: number, len: number): number {
  let n = 0;
  for (let i = start; i < start + len; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Checksum and birth date of the 18 characters at `start` of `text`, which the caller has already
 * shape-checked (17 digits then a digit or X). Shared with pii.ts so scanning never slices.
 */
export function idNumberAt(text: string, start: number): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (text.charCodeAt(start + i) - 48) * ID_WEIGHTS[i];
  const expected = ID_CHECK.charCodeAt(sum % 11);
  const actual = text.charCodeAt(start + 17);
  if (actual !== expected && !(expected === 88 /* X */ && actual === 120 /* x */)) return false;
  const year = digitsAt(text, start + 6, 4);
  return year >= 1900 && year <= new Date().getFullYear() && isRealDate(year, digitsAt(text, start + 10, 2), digitsAt(text, start + 12, 2));
}

export function isValidIdNumber(s: string): boolean {
  return ID_SHAPE.test(s) && idNumberAt(s, 0);
}

export function isMaskedIdNumber(s: string): boolean {
  if (!MASKED_ID_SHAPE.test(s)) return false;
  let stars = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 42) stars++;
  return stars >= 4 && stars < s.length;
}

/** Uppercase only: the code is printed in capitals on licences and a lowercase one is a typing error. */
export function isValidCreditCode(s: string): boolean {
  if (!CC_SHAPE.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CC_ALPHABET.indexOf(s[i]) * CC_WEIGHTS[i];
  return s[17] === CC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Luhn over the digits in text[start, end), skipping separators so grouped card numbers need no copy. */
export function luhnRange(text: string, start: number, end: number): boolean {
  let sum = 0;
  let double = false;
  for (let i = end - 1; i >= start; i--) {
    let d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) continue;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function luhnValid(digits: string): boolean {
  return /^\d+$/.test(digits) && luhnRange(digits, 0, digits.length);
}

export function isMobile(s: string): boolean {
  return MOBILE.test(s);
}

export function isMaskedMobile(s: string): boolean {
  return MASKED_MOBILE.test(s);
}

/** Mobile (plain or masked), landline with optional extension, or a 400/800 service number. */
export function isPhone(s: string): boolean {
  return MOBILE.test(s) || MASKED_MOBILE.test(s) || LANDLINE.test(s);
}

export function isEmail(s: string): boolean {
  if (s.length > 254) return false;
  const at = s.lastIndexOf('@');
  return at > 0 && at <= 64 && EMAIL.test(s);
}

/** Strict `YYYY-MM-DD`. */
export function parseDate(s: string): DateResult {
  if (s.length !== 10 || s[4] !== '-' || s[7] !== '-') return { ok: false, reason: 'format' };
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  if (year < 0 || month < 0 || day < 0) return { ok: false, reason: 'format' };
  if (!isRealDate(year, month, day)) return { ok: false, reason: 'nonexistent' };
  return { ok: true, year, month, day };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Canonical `YYYY-MM-DD` for the year-first spellings people type (2020/3/5, 2020.03.05, 2020年3月5日,
 * 20200305, 2020-3-5). Day-first or month-first forms and two-digit years are refused: 03/05/2020 means
 * different days to different readers, and guessing would corrupt a retention start date.
 */
export function normalizeDate(s: string): string | undefined {
  const t = s.trim();
  const m = DATE_SEPARATED.exec(t) ?? DATE_CHINESE.exec(t) ?? DATE_COMPACT.exec(t);
  if (m === null) return undefined;
  // DATE_SEPARATED captures its separator as group 2.
  const [y, mo, d] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!isRealDate(year, month, day)) return undefined;
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/** ISO 8601 `YYYY-MM-DDTHH:MM[:SS][.fff][Z|±HH:MM]`; a space may stand for the T. */
export function parseDateTime(s: string): DateTimeResult {
  const m = DATE_TIME.exec(s);
  if (m === null) return { ok: false, reason: 'format' };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  // Digits past milliseconds are precision the records never need; truncate rather than round into the next second.
  const millisecond = m[7] === undefined ? 0 : Number((m[7] + '00').slice(0, 3));
  let offsetMinutes: number | undefined;
  if (m[8] !== undefined) offsetMinutes = 0;
  else if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return { ok: false, reason: 'nonexistent' };
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: 'nonexistent' };
  }
  return { ok: true, year, month, day, hour, minute, second, millisecond, offsetMinutes };
}

/**
 * An amount of money: a finite number with at most 2 decimals, or text such as `12,000.50`, `¥12,000.50`,
 * `12000.00 CNY`. Negative amounts (leading `-`) are refunds and are accepted in both forms, since YAML
 * hands `-50` over as a number.
 */
export function isMoney(v: unknown): boolean {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return false;
    // String(v) is the shortest round-trip form, so 0.1 + 0.2 (0.30000000000000004) is rightly refused.
    return Number.isInteger(v) || MONEY_NUMBER_TEXT.test(String(v));
  }
  return typeof v === 'string' && MONEY.test(v.trim());
}
