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

/** The field a filter's name stands for: with the schema, an alias (`客户`) is the field it is read as. */
function fieldName(name: string, schema: Schema | undefined): string {
  return schema?.aliases.keys.get(name) ?? name;
}

/** The value a filter's value stands for, when it is an alias of an allowed value or a category (`合同` → contract). */
function canonicalValue(name: string, value: string, schema: Schema | undefined): string | undefined {
  const values = schema?.aliases.values.get(name);
  if (!values) return undefined;
  for (const [written, canonical] of values) if (written.toLowerCase() === value) return canonical.toLowerCase();
  return undefined;
}

/**
 * Whether a record passes a filter: a term's value matches when the field contains it, whatever the case
 * (`customer=张` takes 张伟 and 张三: a bulk edit shows every record it selects before it writes). With the
 * schema, field names and values may be aliases (records are read under the schema's names, so `客户=张伟`
 * asks for customer, `category=合同` for contract), and `retention=D5` asks for the period that governs (an
 * invoice stub without a code of its own is D5) and names it whole, so D3 is not D30.
 */
export function matches(r: RecordEntry, f: Filter | undefined, schema?: Schema): boolean {
  if (!f) return true;
  for (const [written, value] of f.fields) {
    const name = fieldName(written, schema);
    if (name === 'retention' && schema) {
      if ((retentionOf(r.data, schema).governing?.code ?? scalarText(ownValue(r.data, name))).toLowerCase() !== value) return false;
      continue;
    }
    const v = ownValue(r.data, name);
    const s = (Array.isArray(v) ? v.map(scalarText).join(',') : scalarText(v)).toLowerCase();
    if (!s.includes(value)) {
      const canonical = canonicalValue(name, value, schema);
      if (canonical === undefined || !s.includes(canonical)) return false;
    }
  }
  if (f.text) {
    const hay = `${field(r, 'title') ?? ''} ${field(r, 'customer') ?? ''} ${field(r, 'id') ?? ''} ${field(r, 'archive_no') ?? ''} ${r.file}`.toLowerCase();
    for (const w of f.text.split(' ')) if (!hay.includes(w)) return false;
  }
  return true;
}
