import { parseDate } from '../values/checks';
import type { ArchiveKey } from '../model/records';
import type { ArchiveNumberConfig, Schema } from '../model/schema';
import { ArchiveFormat, type ArchiveParts } from './number';
import { scalarText } from '../model/records';

const formats = new WeakMap<ArchiveNumberConfig, ArchiveFormat>();

/** One compiled format per schema configuration. */
export function archiveFormat(schema: Schema): ArchiveFormat {
  let f = formats.get(schema.archiveNumber);
  if (!f) formats.set(schema.archiveNumber, (f = new ArchiveFormat(schema.archiveNumber)));
  return f;
}

export type ExpectedParts = { ok: true; parts: Omit<ArchiveParts, 'number'> } | { ok: false; reason: 'category' | 'date' | 'retention' | 'fonds' };

/** The parts a record's archive number must have: its category's code, its year, its retention period. */
export function expectedParts(data: Readonly<Record<string, unknown>> | undefined, schema: Schema): ExpectedParts {
  const category = typeof data?.category === 'string' ? schema.categories.get(data.category) : undefined;
  if (!category) return { ok: false, reason: 'category' };
  const date = parseDate(scalarText(data?.date));
  if (!date.ok) return { ok: false, reason: 'date' };
  const own = typeof data?.retention === 'string' && /^(Y|D\d{1,3})$/.test(data.retention) ? data.retention : undefined;
  const retention = own ?? category.retention?.code;
  if (!retention) return { ok: false, reason: 'retention' };
  if (!schema.archiveNumber.fonds) return { ok: false, reason: 'fonds' };
  return { ok: true, parts: { fonds: schema.archiveNumber.fonds, subject: category.code, year: String(date.year), retention, org: schema.archiveNumber.org } };
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
