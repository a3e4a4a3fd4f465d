/**
 * A new record's id, text and path: front matter with the fields the category needs, the given values
 * filled in and typed placeholders (which the checker reports as empty) for the rest.
 */
import { placeholder, yamlScalar } from '../fix/fixes';
import { field, type RecordEntry } from '../model/records';
import type { Schema } from '../model/schema';

export interface NewRecordInput {
  category: string;
  customer: string;
  customerType: string;
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  title?: string;
  /** Language of the retention basis and the body heading's hint (default zh). */
  lang?: 'zh' | 'en';
}

export interface NewRecord {
  text: string;
  /** 0-based position of the first empty value: just after `key: ` of the first placeholder field. */
  cursor: { line: number; col: number };
}

/** Fields filled after the category's own, when the schema has them. */
const TRAILING = ['status', 'retention', 'retention_basis'];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The category's subject code (HT, JB, …), or the key in capitals when the schema has none. */
function codeOf(schema: Schema, category: string): string {
  return schema.categories.get(category)?.code || category.toUpperCase();
}

/** `CODE-YEAR-NNN`, one past the highest existing id with that prefix (at least 3 digits). */
export function nextId(records: Iterable<RecordEntry>, schema: Schema, category: string, year: number | string): string {
  const prefix = `${codeOf(schema, category)}-${year}-`;
  const re = new RegExp(`^${escapeRegExp(prefix)}(\\d+)$`);
  let max = 0;
  let width = 3;
  for (const r of records) {
    const m = re.exec((field(r, 'id') ?? '').trim());
    if (!m) continue;
    const n = Number(m[1]);
    if (n > max) max = n;
    width = Math.max(width, m[1].length);
  }
  return prefix + String(max + 1).padStart(width, '0');
}

/** Whether retention rules tell the category's kinds apart: then its records get no retention code of their own. */
function refinedByRules(schema: Schema, category: string): boolean {
  return schema.retentionRules.some((rule) => rule.category === undefined || rule.category === category);
}

/** The fields of a new record in order: required (schema order), the category's others, then status/retention. */
export function newRecordFields(schema: Schema, category: string): string[] {
  const order = [...schema.fields.keys()];
  const rank = (n: string) => order.indexOf(n) + 1 || 1e9;
  const required = [...new Set([...schema.required, ...(schema.categories.get(category)?.required ?? [])])].sort((a, b) => rank(a) - rank(b));
  const own = order.filter((n) => schema.fields.get(n)?.categories?.includes(category) && !required.includes(n));
  const refined = refinedByRules(schema, category);
  const trailing = TRAILING.filter((n) => schema.fields.has(n) && !required.includes(n) && !own.includes(n) && !(refined && n.startsWith('retention')));
  return [...required, ...own, ...trailing];
}

export function newRecordText(schema: Schema, input: NewRecordInput): NewRecord {
  const lang = input.lang ?? 'zh';
  const cat = schema.categories.get(input.category);
  const given = new Map<string, string>();
  const set = (k: string, v: string | undefined) => {
    if (v !== undefined && v.trim() !== '') given.set(k, v);
  };
  set('id', input.id);
  set('category', input.category);
  set('customer', input.customer);
  set('customer_type', input.customerType);
  set('title', input.title);
  set('date', input.date);
  set('status', schema.fields.get('status')?.values?.includes('active') ? 'active' : undefined);
  // A category whose retention rules tell its kinds apart (transactions: vouchers 30 years, invoice stubs 5, annual
  // reports permanent) gets no code of its own: a record's own code lengthens whatever rule governs it, so the
  // category's default written in would keep an invoice stub 30 years and print a permanent report as 30年.
  if (!refinedByRules(schema, input.category)) {
    set('retention', cat?.retention?.code);
    set('retention_basis', cat?.retention ? cat.retention.basis[lang] || cat.retention.basis.zh || cat.retention.basis.en : undefined);
  }

  const lines = ['---'];
  let cursor: NewRecord['cursor'] | undefined;
  for (const name of newRecordFields(schema, input.category)) {
    const value = given.get(name);
    if (value !== undefined) {
      lines.push(`${name}: ${yamlScalar('', value)}`);
    } else {
      cursor ??= { line: lines.length, col: name.length + 2 };
      lines.push(`${name}: ${placeholder(schema.fields.get(name))}`);
    }
  }
  lines.push('---', '');
  const titleLabel = schema.fields.get('title')?.label;
  const heading = input.title?.trim() || (titleLabel ? titleLabel[lang] || titleLabel.zh : 'Title');
  lines.push(`# ${heading}`);
  cursor ??= { line: lines.length - 1, col: lines[lines.length - 1].length };
  lines.push('');
  return { text: lines.join('\n'), cursor };
}

/** Windows device names, which cannot be file names whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file-name-safe form of a customer name: ASCII lowercased, CJK and other letters kept as they are
 * (no transliteration), spaces to `-`, path separators and characters illegal in file names dropped.
 */
export function slug(customer: string): string {
  let s = customer
    .normalize('NFC')
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, ' ')
    .replace(/[\s\u3000]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (s.length > 64) s = s.slice(0, 64).replace(/[-.]+$/, '');
  if (RESERVED.test(s)) s += '-';
  return s || 'customer';
}

/**
 * Where a new record goes, relative to the workspace: `<category>/<year>/<id>.md`, the year from the date
 * (else from the id, else the current year). The customer's slug is accepted for a configurable layout
 * later (the sample also files basic information and contracts under `customers/<slug>/`).
 */
export function newRecordPath(schema: Schema, category: string, customerSlug: string, id: string, date?: string): string {
  const year = /^(\d{4})-/.exec(date ?? '')?.[1] ?? /-(\d{4})-/.exec(id)?.[1] ?? String(new Date().getFullYear());
  return `${slug(category)}/${year}/${id.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')}.md`;
}
