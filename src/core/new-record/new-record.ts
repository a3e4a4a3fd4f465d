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
  /** The key each field is written under, when not its own name (keysLike: as the records beside it). */
  keys?: ReadonlyMap<string, string>;
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
    const key = input.keys?.get(name) ?? name;
    if (value !== undefined) {
      lines.push(`${key}: ${yamlScalar('', value)}`);
    } else {
      cursor ??= { line: lines.length, col: key.length + 2 };
      lines.push(`${key}: ${placeholder(schema.fields.get(name))}`);
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
 * Where a new record goes, relative to the workspace, following where the workspace already keeps such
 * records (`existing`): beside the customer's records of that category; else in the customer's folder, in
 * the subfolder other customers use for the category (`客户档案/张伟/合同/`); else where the category's records
 * are; else `<category>/<year>/`. A year folder is moved on to the record's year. The file is `<id>.md`.
 */
export function newRecordPath(schema: Schema, category: string, customer: string, id: string, date?: string, existing: Iterable<RecordEntry> = []): string {
  const year = /^(\d{4})-/.exec(date ?? '')?.[1] ?? /-(\d{4})-/.exec(id)?.[1] ?? String(new Date().getFullYear());
  const dir = layoutDir([...existing], category, customer, year) ?? `${slug(category)}/${year}`;
  return `${dir}/${id.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')}.md`;
}

const dirOf = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');

/** The folder most of these records are in, its year folder (if it is the record's year) moved to `year`. */
function usual(records: readonly RecordEntry[], year: string): string | undefined {
  const count = new Map<string, number>();
  for (const r of records) {
    const own = /^(\d{4})-/.exec(field(r, 'date') ?? '')?.[1];
    const d = dirOf(r.file)
      .split('/')
      .map((s) => (own !== undefined && s === own ? year : s))
      .join('/');
    count.set(d, (count.get(d) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [d, n] of count) if (best === undefined || n > count.get(best)!) best = d;
  return best;
}

/**
 * The customer's own folder (`客户档案/张伟`, `customers/yunfan`): the deepest folder that holds their records of
 * two categories or more — records filed by year elsewhere (`2024/服务/…`) do not count against it.
 */
function customerRoot(records: readonly RecordEntry[]): string | undefined {
  const under = new Map<string, { categories: Set<string>; n: number }>();
  for (const r of records) {
    // A record without a (known) category says nothing about the layout.
    if (field(r, 'category') === undefined) continue;
    const parts = dirOf(r.file).split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const p = parts.slice(0, i).join('/');
      const u = under.get(p) ?? { categories: new Set<string>(), n: 0 };
      u.categories.add(field(r, 'category') ?? '');
      u.n++;
      under.set(p, u);
    }
  }
  let best: string | undefined;
  for (const [p, u] of under) {
    if (u.categories.size < 2) continue;
    const b = best === undefined ? undefined : under.get(best)!;
    const depth = p.split('/').length;
    if (!b || depth > best!.split('/').length || (depth === best!.split('/').length && u.n > b.n)) best = p;
  }
  return best;
}

function layoutDir(existing: readonly RecordEntry[], category: string, customer: string, year: string): string | undefined {
  const ofCustomer = existing.filter((r) => field(r, 'customer') === customer);
  const both = ofCustomer.filter((r) => field(r, 'category') === category);
  if (both.length) return usual(both, year);
  // How customers file each category under their own folders: `合同` below `客户档案/云帆科技`.
  const below = belowRoots(existing, customer);
  const rest = below.get(category);
  if (rest !== undefined) {
    // This customer's folder: where one of their records sits, less the part its category adds.
    const roots = new Map<string, number>();
    for (const r of ofCustomer) {
      const d = dirOf(r.file);
      const own = below.get(field(r, 'category') ?? '');
      if (own === undefined) continue;
      if (own === '') roots.set(d, (roots.get(d) ?? 0) + 1);
      else if (d.endsWith(`/${own}`)) roots.set(d.slice(0, -own.length - 1), (roots.get(d.slice(0, -own.length - 1)) ?? 0) + 1);
    }
    let root: string | undefined;
    for (const [d, n] of roots) if (root === undefined || n > roots.get(root)!) root = d;
    // A new customer gets a folder beside the others' (`客户档案/新客户/合同`).
    if (root === undefined && !ofCustomer.length) {
      const parents = new Set([...customerRoots(existing, customer).values()].map(dirOf));
      if (parents.size === 1) root = [...parents][0] ? `${[...parents][0]}/${slug(customer)}` : slug(customer);
    }
    if (root !== undefined) return rest ? `${root}/${rest}` : root;
  }
  // Where the category's records are — but not inside another customer's folder.
  const roots = [...customerRoots(existing, customer).values()];
  const ofCategory = existing.filter((r) => field(r, 'category') === category && !roots.some((root) => `${dirOf(r.file)}/`.startsWith(`${root}/`)));
  return ofCategory.length ? usual(ofCategory, year) : undefined;
}

/** Each other customer's own folder (see customerRoot). */
function customerRoots(existing: readonly RecordEntry[], except: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [c, records] of byCustomer(existing, except)) {
    const root = customerRoot(records);
    if (root !== undefined) out.set(c, root);
  }
  return out;
}

function byCustomer(existing: readonly RecordEntry[], except: string): Map<string, RecordEntry[]> {
  const out = new Map<string, RecordEntry[]>();
  for (const r of existing) {
    const c = field(r, 'customer');
    if (c !== undefined && c !== except) out.set(c, [...(out.get(c) ?? []), r]);
  }
  return out;
}

/** Per category, the folder below a customer's own folder other customers keep its records in (most often). */
function belowRoots(existing: readonly RecordEntry[], except: string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const records of byCustomer(existing, except).values()) {
    const root = customerRoot(records);
    // One folder of one category says nothing about how a customer's folder is laid out.
    if (root === undefined || new Set(records.map((r) => field(r, 'category'))).size < 2) continue;
    for (const r of records) {
      const d = dirOf(r.file);
      if (!`${d}/`.startsWith(`${root}/`)) continue;
      const c = field(r, 'category') ?? '';
      const m = counts.get(c) ?? new Map<string, number>();
      const rest = d.slice(root.length).replace(/^\//, '');
      counts.set(c, m.set(rest, (m.get(rest) ?? 0) + 1));
    }
  }
  const out = new Map<string, string>();
  for (const [c, m] of counts) {
    let best: string | undefined;
    for (const [d, n] of m) if (best === undefined || n > m.get(best)!) best = d;
    if (best !== undefined) out.set(c, best);
  }
  return out;
}
