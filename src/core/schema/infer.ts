/**
 * Working out a workspace's schema from its records (Set Up Records Curator, `records-curator init --infer`):
 * which keys the records use and what the built-in schema calls them, which category values and enum values
 * they write, and which fields most records have. The result is a proposal — what was seen, and the changes
 * to the built-in schema it suggests — that the user reviews before schema.ts renders and writes it.
 */
import type { FieldType, Schema } from '../model/schema';
import { recordKind } from '../model/records';
import { parseRecordText } from '../parse/record-file';
import { isBlank } from '../rules/rule';
import { closest, type Candidate } from '../rules/util';
import { parseDate } from '../values/checks';

/** How a key (or a value) the records write is read. */
export type Reading =
  /** The schema's own name. */
  | 'own'
  /** An alias the schema already has. */
  | 'alias'
  /** The schema's label for it (客户类型 is customer_type's label): an alias is proposed. */
  | 'label'
  /** A near miss of a field (custmer): not declared, so `check` reports it with a rename. */
  | 'slip'
  /** Nothing the schema knows: a new field is proposed (a key), or it stays unknown (a value). */
  | 'new';

export interface SeenKey {
  key: string;
  records: number;
  reading: Reading;
  /** The field it is (or would be) read as. */
  field?: string;
  /** For a new field: the type its values suggest. */
  type?: FieldType;
}

export interface SeenValue {
  /** `category`, or an enum field. */
  field: string;
  value: string;
  records: number;
  reading: Reading;
  /** The category or allowed value it is (or would be) read as. */
  reads?: string;
}

/** One change to the built-in schema; each may be declined. */
export type Proposed =
  | { kind: 'field-alias'; key: string; field: string; records: number }
  | { kind: 'value-alias'; field: string; value: string; reads: string; records: number }
  | { kind: 'new-field'; key: string; type: FieldType; records: number }
  | { kind: 'not-required'; field: string; category?: string; have: number; of: number };

export interface Proposal {
  files: number;
  records: number;
  keys: SeenKey[];
  values: SeenValue[];
  changes: Proposed[];
}

/** A required field most records lack is probably not one this workspace keeps: below this share it is dropped. */
const REQUIRED_SHARE = 0.5;
/** Fields a record cannot do without, whatever the records say. */
const ALWAYS_REQUIRED = new Set(['id', 'category']);

interface KeyStats {
  records: number;
  values: unknown[];
}

export class SchemaInference {
  private files = 0;
  private records = 0;
  private readonly keys = new Map<string, KeyStats>();
  private readonly values = new Map<string, Map<string, number>>();
  /** Per category ('' for all records): records, and how many have each field. */
  private readonly presence = new Map<string, { records: number; fields: Map<string, number> }>();

  constructor(private readonly base: Schema) {}

  /** Reads one file's records (Markdown front matter or YAML documents); a file that is no record adds nothing. */
  addFile(path: string, text: string): void {
    const kind = recordKind(path);
    if (!kind) return;
    const parsed = parseRecordText(text, kind, { aliases: this.base.aliases });
    if (!parsed.isRecordFile) return;
    this.files++;
    for (const r of parsed.records) {
      if (!r.data) continue;
      this.records++;
      const written = new Map<string, string>();
      for (const a of r.aliased ?? []) if (a.kind === 'key') written.set(a.field, a.written);
      const valueAlias = new Map<string, string>();
      for (const a of r.aliased ?? []) if (a.kind === 'value' && typeof r.data[a.field] === 'string') valueAlias.set(a.field, a.written);
      for (const d of r.doubled ?? []) for (const k of d.keys.slice(1)) this.countKey(k.written, undefined);
      for (const name of r.fields.keys()) {
        const value = r.data[name];
        this.countKey(written.get(name) ?? name, value);
        const def = this.base.fields.get(name);
        if ((name === 'category' || def?.type === 'enum') && typeof value === 'string') this.countValue(name, valueAlias.get(name) ?? value);
      }
      const category = typeof r.data.category === 'string' && this.base.categories.has(r.data.category) ? r.data.category : undefined;
      for (const scope of category ? ['', category] : ['']) {
        let p = this.presence.get(scope);
        if (!p) this.presence.set(scope, (p = { records: 0, fields: new Map() }));
        p.records++;
        for (const [name, v] of Object.entries(r.data)) if (!isBlank(v)) p.fields.set(name, (p.fields.get(name) ?? 0) + 1);
      }
    }
  }

  private countKey(key: string, value: unknown): void {
    let s = this.keys.get(key);
    if (!s) this.keys.set(key, (s = { records: 0, values: [] }));
    s.records++;
    if (value !== undefined && s.values.length < 200) s.values.push(value);
  }

  private countValue(field: string, value: string): void {
    let m = this.values.get(field);
    if (!m) this.values.set(field, (m = new Map<string, number>()));
    m.set(value, (m.get(value) ?? 0) + 1);
  }

  proposal(): Proposal {
    const keys = [...this.keys].map(([key, s]) => this.readKey(key, s)).sort((a, b) => b.records - a.records || a.key.localeCompare(b.key));
    const values: SeenValue[] = [];
    for (const [field, counts] of this.values) for (const [value, records] of counts) values.push(this.readValue(field, value, records));
    values.sort((a, b) => a.field.localeCompare(b.field) || b.records - a.records);
    const changes: Proposed[] = [];
    for (const k of keys) {
      if (k.reading === 'label' && k.field) changes.push({ kind: 'field-alias', key: k.key, field: k.field, records: k.records });
      if (k.reading === 'new' && k.type) changes.push({ kind: 'new-field', key: k.key, type: k.type, records: k.records });
    }
    for (const v of values)
      if (v.reading === 'label' && v.reads) changes.push({ kind: 'value-alias', field: v.field, value: v.value, reads: v.reads, records: v.records });
    changes.push(...this.requiredChanges());
    return { files: this.files, records: this.records, keys, values, changes };
  }

  private readKey(key: string, s: KeyStats): SeenKey {
    const base = this.base;
    if (base.fields.has(key)) return { key, records: s.records, reading: 'own', field: key };
    const alias = base.aliases.keys.get(key);
    if (alias) return { key, records: s.records, reading: 'alias', field: alias };
    const byLabel = [...base.fields.values()].find((f) => f.label.zh === key || f.label.en.toLowerCase() === key.toLowerCase());
    if (byLabel) return { key, records: s.records, reading: 'label', field: byLabel.name };
    const candidates: Candidate[] = [];
    for (const f of base.fields.values()) for (const text of [f.name, ...f.aliases]) candidates.push({ text, suggests: f.name });
    const near = closest(key, candidates, { wordsInside: false });
    if (near) return { key, records: s.records, reading: 'slip', field: near };
    return { key, records: s.records, reading: 'new', field: key, type: typeOf(s.values) };
  }

  private readValue(field: string, value: string, records: number): SeenValue {
    const base = this.base;
    if (field === 'category') {
      if (base.categories.has(value)) return { field, value, records, reading: 'own', reads: value };
      const alias = base.aliases.values.get('category')?.get(value);
      if (alias) return { field, value, records, reading: 'alias', reads: alias };
      const byLabel = [...base.categories.values()].find((c) => c.label.zh === value || c.label.en.toLowerCase() === value.toLowerCase());
      return byLabel ? { field, value, records, reading: 'label', reads: byLabel.key } : { field, value, records, reading: 'new' };
    }
    const def = base.fields.get(field);
    if (def?.values?.includes(value)) return { field, value, records, reading: 'own', reads: value };
    const alias = base.aliases.values.get(field)?.get(value);
    if (alias) return { field, value, records, reading: 'alias', reads: alias };
    const byLabel = def?.choices?.find((c) => c.label && (c.label.zh === value || c.label.en.toLowerCase() === value.toLowerCase()));
    return byLabel ? { field, value, records, reading: 'label', reads: byLabel.value } : { field, value, records, reading: 'new' };
  }

  /** Required fields that most of the records (of the category) lack: the workspace does not keep them. */
  private requiredChanges(): Proposed[] {
    const out: Proposed[] = [];
    const all = this.presence.get('');
    if (!all) return out;
    for (const field of this.base.required) {
      if (ALWAYS_REQUIRED.has(field)) continue;
      const have = all.fields.get(field) ?? 0;
      if (have < all.records * REQUIRED_SHARE) out.push({ kind: 'not-required', field, have, of: all.records });
    }
    for (const c of this.base.categories.values()) {
      const p = this.presence.get(c.key);
      if (!p) continue;
      for (const field of c.required) {
        const have = p.fields.get(field) ?? 0;
        if (have < p.records * REQUIRED_SHARE) out.push({ kind: 'not-required', field, category: c.key, have, of: p.records });
      }
    }
    return out;
  }
}

/** The type a new field's values suggest: dates, numbers, yes/no, lists, long text, or plain text. */
function typeOf(values: readonly unknown[]): FieldType {
  const present = values.filter((v) => !isBlank(v));
  if (!present.length) return 'string';
  if (present.every((v) => Array.isArray(v))) return 'list';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number')) return 'number';
  if (present.every((v) => typeof v === 'string' && parseDate(v).ok)) return 'date';
  if (present.some((v) => typeof v === 'string' && (v.length > 40 || v.includes('\n')))) return 'text';
  return 'string';
}

/** Keys any front matter may have (a blog post's, a wiki page's): they say nothing about customer records. */
const GENERIC_KEYS = new Set(['id', 'title', 'date', 'category', 'status', 'tags', 'description', 'summary', 'attachments', 'pages']);

/**
 * Whether a file's text reads like a customer record under `base` (for the cheap sniff before a folder
 * without a schema is indexed): front matter or a YAML mapping whose category is one of the schema's (or
 * an alias), or with a field beyond what any front matter has — customer, archive_no, 客户, 合同编号.
 */
export function looksLikeRecord(path: string, text: string, base: Schema): boolean {
  const kind = recordKind(path);
  if (!kind) return false;
  const parsed = parseRecordText(text, kind, { aliases: base.aliases });
  return parsed.records.some((r) => {
    if (!r.data) return false;
    if (typeof r.data.category === 'string' && base.categories.has(r.data.category)) return true;
    for (const name of r.fields.keys()) if (base.fields.has(name) && !GENERIC_KEYS.has(name)) return true;
    return false;
  });
}
