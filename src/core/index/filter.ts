import { field, ownValue, scalarText, type RecordEntry } from '../model/records';
import type { Schema } from '../model/schema';
import { retentionOf } from '../retention/retention';

/** The Records view's and the table's filter, and `--where` on the command line. */
export interface Filter {
  text?: string;
  /** field=value terms, all of which must match. */
  fields: [string, string][];
}

/**
 * `合同 field:value other` → free text plus field terms. A field's name may be Chinese (`客户=华远`), and a
 * value with spaces is quoted (`customer="Wang Fang"`).
 */
export function parseFilter(input: string): Filter {
  const fields: [string, string][] = [];
  const words: string[] = [];
  for (const m of input.matchAll(/([\p{L}_][\p{L}\p{N}_-]*)[=:](?:"([^"]*)"?|(\S*))|"([^"]*)"?|(\S+)/gu)) {
    if (m[1] !== undefined) fields.push([m[1], (m[2] ?? m[3] ?? '').toLowerCase()]);
    else words.push((m[4] ?? m[5] ?? '').toLowerCase());
  }
  return { text: words.filter(Boolean).length ? words.filter(Boolean).join(' ') : undefined, fields };
}

/**
 * Whether a record passes a filter. With the schema, `retention=D5` asks for the period that governs (an
 * invoice stub without a code of its own is D5) and names it whole, so D3 is not D30.
 */
export function matches(r: RecordEntry, f: Filter | undefined, schema?: Schema): boolean {
  if (!f) return true;
  for (const [name, value] of f.fields) {
    if (name === 'retention' && schema) {
      if ((retentionOf(r.data, schema).governing?.code ?? scalarText(ownValue(r.data, name))).toLowerCase() !== value) return false;
      continue;
    }
    const v = ownValue(r.data, name);
    const s = Array.isArray(v) ? v.map(scalarText).join(',') : scalarText(v);
    if (!s.toLowerCase().includes(value)) return false;
  }
  if (f.text) {
    const hay = `${field(r, 'title') ?? ''} ${field(r, 'customer') ?? ''} ${field(r, 'id') ?? ''} ${field(r, 'archive_no') ?? ''} ${r.file}`.toLowerCase();
    for (const w of f.text.split(' ')) if (!hay.includes(w)) return false;
  }
  return true;
}
