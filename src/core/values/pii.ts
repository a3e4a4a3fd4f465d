/**
 * Finds personal information left in plain text (DOMAIN.md §7): resident ID numbers, bank card numbers
 * and mainland mobile numbers. One global regex walks the text once; each candidate is then confirmed by
 * checksum or date without copying. Masked forms (`138****1234`) cannot match because `*` breaks the runs.
 */
import { idNumberAt, luhnRange } from './checks';

export type PiiKind = 'id-number' | 'bank-card' | 'mobile' | 'landline';

export interface PiiHit {
  kind: PiiKind;
  /** UTF-16 offsets into the scanned text, end exclusive. */
  start: number;
  end: number;
  value: string;
  confidence: 'high' | 'low';
}

// A letter glued to the digits means a document or contract number (HT11010519491231002X), not an ID.
const ID = String.raw`(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])`;
// Cards take the same letter boundary: with Luhn passing one random number in ten, letter-prefixed
// voucher and invoice numbers would otherwise be reported.
const CARD_PLAIN = String.raw`(?<![0-9A-Za-z])\d{16,19}(?![0-9A-Za-z])`;
// Grouped 4-4-4-4[-1..3] with one consistent separator. The lookarounds refuse a neighbouring short group
// (a 20-digit grouped run is not a card), yet let a card sit next to a full phone number.
const CARD_GROUPED = String.raw`(?<![0-9A-Za-z]|(?<!\d)\d{1,4}[ -])\d{4}([ -])\d{4}\3\d{4}\3\d{4}(?:\3\d{1,3})?(?![0-9A-Za-z]|[ -]\d{1,4}(?!\d))`;
// 13912345678, and 139 1234 5678 / 139-1234-5678 with one separator throughout (group 5).
const MOBILE = String.raw`(?<![\d*])(?:(?:\+|00)86[- ]?)?1[3-9]\d(?:\d{8}|([- ])\d{4}\5\d{4})(?![\d*])`;
// A landline only with its area code set apart (010-…, (0571)…, +86 571 …): bare 11–12 digit runs are order
// and invoice numbers as often as phones. 400/800 numbers belong to companies, not people, and are left out.
const LANDLINE = String.raw`(?<![\d*])(?:(?:\+|00)86[- ]?0?[1-9]\d{1,2}[- ]|[(（]0[1-9]\d{1,2}[)）] ?|0[1-9]\d{1,2}-)\d{3,4}[- ]?\d{4}(?![\d*])`;

// Group 1 is ID-shaped, group 2 card-shaped (group 3 is the card separator), group 4 mobile, otherwise a
// landline. Alternation order gives IDs priority over cards at the same position, so an ID is never also
// reported as a card, and a +86 mobile is a mobile, not a landline.
const SCAN = new RegExp(`(${ID})|(${CARD_PLAIN}|${CARD_GROUPED})|(${MOBILE})|${LANDLINE}`, 'g');

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Every match of SCAN contains 11 digits in a row (IDs, plain cards, mobiles) or four groups of four digits
 * split by spaces or hyphens (grouped cards). Most record texts hold neither — ids like GT-2025-00146 do not
 * qualify — and this test is ~10× cheaper than SCAN with its look-behinds.
 */
const MAYBE = /\d{4}(?:\d{7}|[ -]\d{4}[ -]\d{4}[ -]\d{4})|\d{3}[ -]\d{4}[ -]?\d{4}|\d[)）] ?\d{3}|0\d{2,3}-\d{3,4}[ -]?\d{4}/;

export function findPersonalInfo(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  if (!MAYBE.test(text)) return hits;
  // A private copy keeps lastIndex safe if a caller re-enters (e.g. a scan triggered from a hit handler).
  const re = new RegExp(SCAN);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = re.lastIndex;
    let kind: PiiKind | undefined;
    if (m[1] !== undefined) {
      if (idNumberAt(text, start)) kind = 'id-number';
      // An 18-digit run that is not an ID may still be a card; one ending in X cannot be.
      else if (isDigitCode(text.charCodeAt(end - 1)) && luhnRange(text, start, end)) kind = 'bank-card';
    } else if (m[2] !== undefined) {
      // Numbers failing Luhn are dropped, even UnionPay 62… ones that §7 says may legitimately fail:
      // 16–19 digit runs (order, waybill, invoice, contract numbers) are common in customer records, and
      // without the checksum every one of them would be flagged, drowning the real findings.
      if (luhnRange(text, start, end)) kind = 'bank-card';
    } else {
      kind = m[4] !== undefined ? 'mobile' : 'landline';
    }
    if (kind !== undefined) hits.push({ kind, start, end, value: m[0], confidence: 'high' });
  }
  return hits;
}

function stars(n: number): string {
  return n > 0 ? '*'.repeat(n) : '';
}

/**
 * Masked form for display and for replacing a finding: ID keeps first 6 and last 4, mobile first 3 and
 * last 4 (after any +86 prefix), card first 4 and last 4 — keeping space grouping, dropping hyphens.
 */
export function maskValue(kind: PiiKind, value: string): string {
  switch (kind) {
    case 'id-number':
      return value.length <= 10 ? stars(value.length) : value.slice(0, 6) + stars(value.length - 10) + value.slice(-4);
    case 'mobile': {
      const prefix = /^(?:\+|00)86[- ]?/.exec(value)?.[0] ?? '';
      const core = value.slice(prefix.length);
      // 139 1234 5678 → 139 **** 5678: the grouping stays, so the mask reads as the number did.
      const grouped = /^(\d{3})([- ])\d{4}\2(\d{4})$/.exec(core);
      if (grouped) return `${prefix}${grouped[1]}${grouped[2]}****${grouped[2]}${grouped[3]}`;
      return core.length <= 7 ? prefix + stars(core.length) : prefix + core.slice(0, 3) + stars(core.length - 7) + core.slice(-4);
    }
    case 'landline': {
      // The area code and the last four digits stay, and so do the separators: 0571-**** 6666.
      const area = /^(?:(?:\+|00)86[- ]?0?\d{2,3}[- ]|[(（]0\d{2,3}[)）] ?|0\d{2,3}-)/.exec(value)?.[0] ?? '';
      let keep = 4;
      let out = '';
      for (let i = value.length - 1; i >= area.length; i--) {
        const c = value[i];
        const digit = c >= '0' && c <= '9';
        out = (digit && keep-- <= 0 ? '*' : c) + out;
      }
      return area + out;
    }
    case 'bank-card': {
      if (value.includes(' ')) {
        // Mask digit by digit so the spaces stay where they were.
        let total = 0;
        for (let i = 0; i < value.length; i++) if (value[i] !== ' ') total++;
        let n = 0;
        let out = '';
        for (let i = 0; i < value.length; i++) {
          const c = value[i];
          if (c === ' ') {
            out += c;
            continue;
          }
          out += n < 4 || n >= total - 4 ? c : '*';
          n++;
        }
        return out;
      }
      const digits = value.replace(/\D/g, '');
      return digits.length <= 8 ? stars(digits.length) : digits.slice(0, 4) + stars(digits.length - 8) + digits.slice(-4);
    }
  }
}
