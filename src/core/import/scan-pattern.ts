/**
 * A scan's file name matched to records by a pattern: `{contract_no}*.pdf`, `{id}-*.{pdf,jpg}`. `{field}` is
 * the value of that field of the record; `*` any run of characters, `?` one, `{a,b}` one of the alternatives.
 * The whole base name must match, letters in any case (scanners write `.PDF`), Unicode normalised (macOS
 * gives decomposed names). A record matches when its own values fill the placeholders; a name matching two
 * records is ambiguous, never attached to either.
 */
import { field, type RecordEntry } from '../model/records';
import type { Lang } from '../model/lang';
import { say } from '../text/bilingual';
import { SCAN_MSG } from './scan-messages';

type Part = { lit: string } | { star: true } | { one: true } | { alt: string[] } | { field: string };

export interface ScanPattern {
  text: string;
  parts: Part[];
  /** The fields the placeholders name, in order. */
  fields: string[];
}

export class PatternError extends Error {}

const norm = (s: string) => s.normalize('NFC').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Throws PatternError for a pattern this import cannot use: no placeholder, unknown fields, folders, unclosed braces. */
export function compilePattern(text: string, isField: (name: string) => boolean, lang: Lang = 'en'): ScanPattern {
  const pattern = JSON.stringify(text);
  if (!text.trim()) throw new PatternError(say(lang, SCAN_MSG.patternEmpty));
  if (/[\\/]/.test(text)) throw new PatternError(say(lang, SCAN_MSG.patternFolder, { pattern }));
  const parts: Part[] = [];
  const fields: string[] = [];
  let lit = '';
  const flush = () => {
    if (lit) parts.push({ lit });
    lit = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '*' || c === '?') {
      flush();
      // `**` is `*`: nothing gained by two runs side by side.
      if (c === '*' && parts.length && 'star' in parts[parts.length - 1]) continue;
      parts.push(c === '*' ? { star: true } : { one: true });
    } else if (c === '{') {
      const close = text.indexOf('}', i);
      if (close < 0) throw new PatternError(say(lang, SCAN_MSG.openBrace, { pattern }));
      const inner = text.slice(i + 1, close);
      flush();
      if (inner.includes(',')) {
        const alt = inner.split(',');
        if (alt.some((a) => !a || /[*?{]/.test(a))) throw new PatternError(say(lang, SCAN_MSG.alternatives, { pattern, inner: `{${inner}}` }));
        parts.push({ alt });
      } else {
        if (!isField(inner)) throw new PatternError(say(lang, SCAN_MSG.notField, { pattern, inner: `{${inner}}` }));
        parts.push({ field: inner });
        fields.push(inner);
      }
      i = close;
    } else if (c === '}') throw new PatternError(say(lang, SCAN_MSG.closeBrace, { pattern }));
    else lit += c;
  }
  flush();
  if (!fields.length) throw new PatternError(say(lang, SCAN_MSG.noField, { pattern, example: '{contract_no}*.pdf' }));
  return { text, parts, fields };
}

/** The pattern as a regular expression; placeholders are the record's values, or any text when `values` is not given. */
function regexOf(p: ScanPattern, values?: ReadonlyMap<string, string>): RegExp {
  const src = p.parts
    .map((part) => {
      if ('lit' in part) return escape(norm(part.lit));
      if ('star' in part) return '.*';
      if ('one' in part) return '.';
      if ('alt' in part) return `(?:${part.alt.map((a) => escape(norm(a))).join('|')})`;
      return values ? escape(norm(values.get(part.field)!)) : '.+';
    })
    .join('');
  return new RegExp(`^${src}$`, 'su');
}

/** A record's value of a field as a name part: a plain non-empty scalar, one line. */
function valueOf(r: RecordEntry, f: string): string | undefined {
  const v = field(r, f)?.trim();
  return v && !/[\r\n]/.test(v) ? v : undefined;
}

export type PatternMatch = { kind: 'unfit' } | { kind: 'none' } | { kind: 'records'; records: RecordEntry[] };

export interface PatternMatcher {
  match(name: string): PatternMatch;
}

/**
 * A matcher over `records`: the records are found by the first placeholder's value (each piece of the name
 * looked up, so thousands of scans against thousands of records stay quick), then each candidate's own
 * values are tried on the whole name.
 */
export function patternMatcher(p: ScanPattern, records: readonly RecordEntry[]): PatternMatcher {
  const first = p.fields[0];
  const byValue = new Map<string, RecordEntry[]>();
  for (const r of records) {
    const v = valueOf(r, first);
    if (v === undefined) continue;
    const k = norm(v);
    byValue.set(k, [...(byValue.get(k) ?? []), r]);
  }
  const lengths = [...new Set([...byValue.keys()].map((k) => k.length))];
  const fit = regexOf(p);
  const anchored = 'field' in p.parts[0];
  const own = new Map<RecordEntry, RegExp | null>();
  const regexFor = (r: RecordEntry): RegExp | null => {
    let re = own.get(r);
    if (re === undefined) {
      const values = new Map<string, string>();
      for (const f of p.fields) {
        const v = valueOf(r, f);
        if (v !== undefined) values.set(f, v);
      }
      re = values.size === new Set(p.fields).size ? regexOf(p, values) : null;
      own.set(r, re);
    }
    return re;
  };
  return {
    match(name) {
      const n = norm(name);
      if (!fit.test(n)) return { kind: 'unfit' };
      const candidates = new Set<RecordEntry>();
      for (const len of lengths)
        for (let i = 0; i + len <= n.length && (i === 0 || !anchored); i++) for (const r of byValue.get(n.slice(i, i + len)) ?? []) candidates.add(r);
      const records = [...candidates].filter((r) => regexFor(r)?.test(n));
      return records.length ? { kind: 'records', records } : { kind: 'none' };
    },
  };
}
