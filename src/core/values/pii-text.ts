/**
 * Personal information that is not a run of digits (DOMAIN.md §7, PIPL Art. 28): e-mail addresses, street
 * addresses, passport and travel-permit numbers. Document numbers look like any code, so passports and
 * permits are reported only after a word that names them (护照号 E12345678, 回乡证 H12345678); e-mail and
 * street addresses carry their own shape. Each detector first looks for a cheap sign (an `@`, a keyword,
 * a `号`) so most texts cost one indexOf per kind.
 */

export type TextPiiKind = 'email' | 'address' | 'passport' | 'travel-permit';

export interface TextPiiHit {
  kind: TextPiiKind;
  start: number;
  end: number;
  value: string;
}

// The local part stops at `*`, so a masked address (w***@example.cn) is not found again.
const EMAIL = /(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,24})(?![\p{L}\p{N}-])/gu;

// 省/市/区/县 …路/街/道/巷/弄/胡同 + a number + 号 (then a building, unit, room): 北京市海淀区中关村大街1号.
const ADDRESS =
  /[\u4e00-\u9fa5]{2,}(?:省|自治区|市|区|县|旗|镇|乡)[\u4e00-\u9fa5\d]{0,24}?(?:路|街|大街|大道|道|巷|弄|胡同|里|村)\s*[\d一二三四五六七八九十百]+\s*号(?:\s*[\d一二三四五六七八九十]+\s*(?:号楼|栋|幢|座|单元|层|楼|室|号))*/gu;
const ADDRESS_SIGN = /[路街道巷弄同里村]\s*[\d一二三四五六七八九十百]+\s*号/;
const has = (text: string, words: readonly string[]) => words.some((w) => text.includes(w));

// Chinese passports: E/G + 8 digits, E + letter + 7 digits, D/S/P (diplomatic, service, public affairs) + 7.
const PASSPORT_WORDS = /护照|passport/i;
const PASSPORT_SIGNS = ['护照', 'assport', 'ASSPORT'];
const PASSPORT = /(?<![A-Za-z0-9])(?:[EG]\d{8}|E[A-HJ-NP-Z]\d{7}|[DSP][E]?\d{7})(?![A-Za-z0-9])/g;
// 港澳居民来往内地通行证 H/M + 8 or 10 digits; 往来港澳通行证 C + 8 or C + letter + 7; 台湾居民来往大陆通行证 8 or 10 digits.
const PERMIT_WORDS = /通行证|回乡证|台胞证|permit/i;
const PERMIT_SIGNS = ['通行证', '回乡证', '台胞证', 'ermit', 'ERMIT'];
const PERMIT = /(?<![A-Za-z0-9])(?:[HM]\d{8}(?:\d{2})?|C[A-Z0-9]\d{7}|\d{8}(?:\d{2})?)(?![A-Za-z0-9])/g;

/** How far after its naming word a document number may stand (护照号码：E12345678). */
const NEAR = 16;

export function findTextPersonalInfo(text: string): TextPiiHit[] {
  const hits: TextPiiHit[] = [];
  if (text.includes('@')) collect(text, EMAIL, 'email', hits);
  if (text.includes('号') && ADDRESS_SIGN.test(text)) collect(text, ADDRESS, 'address', hits);
  if (has(text, PASSPORT_SIGNS)) near(text, PASSPORT_WORDS, PASSPORT, 'passport', hits);
  if (has(text, PERMIT_SIGNS)) near(text, PERMIT_WORDS, PERMIT, 'travel-permit', hits);
  return hits;
}

function collect(text: string, pattern: RegExp, kind: TextPiiKind, out: TextPiiHit[]): void {
  const re = new RegExp(pattern);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ kind, start: m.index, end: m.index + m[0].length, value: m[0] });
}

/** Numbers of `pattern` that follow one of `words` within NEAR characters. */
function near(text: string, words: RegExp, pattern: RegExp, kind: TextPiiKind, out: TextPiiHit[]): void {
  const w = new RegExp(words.source, words.flags.includes('g') ? words.flags : words.flags + 'g');
  let m: RegExpExecArray | null;
  let from = 0;
  while ((m = w.exec(text)) !== null) {
    const start = Math.max(from, m.index + m[0].length);
    const re = new RegExp(pattern);
    re.lastIndex = start;
    const n = re.exec(text);
    if (n && n.index - start <= NEAR && !/[\n。；;]/.test(text.slice(start, n.index))) {
      out.push({ kind, start: n.index, end: n.index + n[0].length, value: n[0] });
      from = n.index + n[0].length;
    }
  }
}

/** The masked form: w***@example.cn, 北京市海淀区****, E******78. */
export function maskText(kind: TextPiiKind, value: string): string {
  switch (kind) {
    case 'email': {
      const at = value.indexOf('@');
      return `${value[0]}***${value.slice(at)}`;
    }
    case 'address': {
      // Up to the district (or the city): 北京市海淀区****.
      const m = /^.*(?:区|县|旗)/.exec(value) ?? /^.*?市/.exec(value);
      const keep = m && m[0].length < value.length ? m[0] : value.slice(0, Math.min(3, value.length));
      return keep + '*'.repeat(Math.max(4, Math.min(8, value.length - keep.length)));
    }
    case 'passport':
    case 'travel-permit':
      return value.length <= 4 ? '*'.repeat(value.length) : value[0] + '*'.repeat(value.length - 3) + value.slice(-2);
  }
}
