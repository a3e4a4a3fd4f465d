import { parseDate } from '../values/checks';
import type { ArchiveKey } from '../model/records';
import type { ArchiveNumberConfig, Schema } from '../model/schema';
import { retentionOf, type AppliedPeriod } from '../retention/retention';
import { ArchiveFormat, type ArchiveParts } from './number';
import { scalarText } from '../model/records';

const formats = new WeakMap<ArchiveNumberConfig, ArchiveFormat>();

/** One compiled format per schema configuration. */
export function archiveFormat(schema: Schema): ArchiveFormat {
  let f = formats.get(schema.archiveNumber);
  if (!f) formats.set(schema.archiveNumber, (f = new ArchiveFormat(schema.archiveNumber)));
  return f;
}

export type ExpectedParts =
  { ok: true; parts: Omit<ArchiveParts, 'number'>; retention: AppliedPeriod } | { ok: false; reason: 'category' | 'date' | 'retention' | 'fonds' };

/**
 * The parts a record's archive number must have (DA/T 22-2015 §5.4): the fonds and class codes of the
 * schema, the year of its date, its governing retention — the period retentionOf decides, never a field
 * copied on its own (DOMAIN.md §4) — and its category's code as the 问题 (subject) code.
 */
export function expectedParts(data: Readonly<Record<string, unknown>> | undefined, schema: Schema): ExpectedParts {
  const category = typeof data?.category === 'string' ? schema.categories.get(data.category) : undefined;
  if (!category) return { ok: false, reason: 'category' };
  const date = parseDate(scalarText(data?.date));
  if (!date.ok) return { ok: false, reason: 'date' };
  const governing = retentionOf(data, schema).governing;
  if (!governing) return { ok: false, reason: 'retention' };
  const a = schema.archiveNumber;
  if (!a.fonds) return { ok: false, reason: 'fonds' };
  return {
    ok: true,
    parts: { fonds: a.fonds, class: a.classCode, subject: category.code, year: String(date.year), retention: governing.code, org: a.org },
    retention: governing,
  };
}

/** The parts an archive number is checked on: every one the format writes but the organisation code. */
export const CHECKED_PARTS = ['fonds', 'class', 'year', 'retention', 'subject'] as const;
export type CheckedPart = (typeof CHECKED_PARTS)[number];

/**
 * The parts of a well-formed archive number that contradict what the record says they must be (empty: none,
 * or the number or the expected parts cannot be read). What archive-no-mismatch reports and labels refuse.
 */
export function contradictedParts(
  archiveNo: string,
  data: Readonly<Record<string, unknown>> | undefined,
  schema: Schema,
): { parts: ArchiveParts; expected: Extract<ExpectedParts, { ok: true }>; wrong: CheckedPart[] } | undefined {
  const format = archiveFormat(schema);
  const parts = format.parse(archiveNo);
  const expected = expectedParts(data, schema);
  if (!parts || !expected.ok) return undefined;
  const wrong = CHECKED_PARTS.filter((k) => format.has(k) && parts[k] !== expected.parts[k]);
  return wrong.length ? { parts, expected, wrong } : undefined;
}

/** How the index reads archive numbers for gap detection. */
export function archiveKeyFor(schema: Schema): ArchiveKey {
  const format = archiveFormat(schema);
  return (value) => {
    const parts = format.parse(value);
    if (!parts) return undefined;
    return { scope: format.scopeKey(parts), n: Number.parseInt(parts.number, 10), width: schema.archiveNumber.numberWidth };
  };
}
