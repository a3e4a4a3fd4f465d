import { isSeq, parseDocument, type Node } from 'yaml';
import { knownCodes } from '../rules/catalogue';
import defaultSchemaText from './default-schema.yaml';
import compiledDefault from 'compiled:default-schema';
import { schemaFromJson } from './compiled';
import {
  DEFAULT_ACCOUNTING_CATEGORIES,
  DEFAULT_PERSON_FIELDS,
  SANITIZATION_CATEGORIES,
  type ArchiveNumberConfig,
  type CategoryDef,
  type DestructionMethod,
  type DisposalConfig,
  type FieldDef,
  type RetentionDefault,
  type RetentionRuleDef,
  type Schema,
  type SeveritySetting,
} from '../model/schema';
import { buildAliases } from './aliases';
import { readFields } from './read-fields';
import { readPiPatterns } from './read-pi';
import { Reader, type SchemaProblem } from './reader';

export const SCHEMA_PATH = '.records/schema.yaml';
export { defaultSchemaText };
export type { SchemaProblem } from './reader';

export interface LoadedSchema {
  schema: Schema;
  problems: SchemaProblem[];
  /** false when the built-in default is in use because the workspace has no schema file. */
  fromWorkspace: boolean;
}

let cachedDefault: Schema | undefined;

export function defaultSchema(): Schema {
  cachedDefault ??= compiledDefault ? schemaFromJson(compiledDefault) : readSchema(defaultSchemaText).schema;
  return cachedDefault;
}

/** Reads a schema file's text; `undefined` (no file) gives the built-in default. Never throws. */
export function loadSchema(text: string | undefined): LoadedSchema {
  if (text === undefined) return { schema: defaultSchema(), problems: [], fromWorkspace: false };
  const { schema, problems } = readSchema(text);
  return { schema, problems, fromWorkspace: true };
}

const TOP_KEYS = [
  'version',
  'records',
  'required',
  'categories',
  'fields',
  'archive_number',
  'rules',
  'retention_rules',
  'labels',
  'disposal',
  'personal_info',
];

export function readSchema(text: string): { schema: Schema; problems: SchemaProblem[] } {
  // The built-in default fills sections the workspace's file leaves out (or gets wrong).
  const base = text === defaultSchemaText ? undefined : defaultSchema();
  const r = new Reader(base);
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  for (const e of doc.errors) r.problems.push({ message: e.message.split('\n')[0], start: e.pos[0], end: e.pos[1], severity: 'error' });
  for (const w of doc.warnings) r.problems.push({ message: w.message.split('\n')[0], start: w.pos[0], end: w.pos[1], severity: 'warning' });
  const top = r.map(doc.contents, 'the schema');
  if (top) r.known(top, TOP_KEYS, 'the schema');
  const get = (key: string): unknown => top?.get(key, true);

  const version = r.number(get('version'), 'version') ?? 1;
  if (version !== 1) r.report(get('version') as Node, `schema version ${version} is not supported (this version reads 1)`);

  const records = r.map(get('records'), 'records');
  if (records) r.known(records, ['include', 'exclude'], 'records');
  const include = r.strings(records?.get('include', true), 'records.include') ?? base?.include ?? ['**/*.md'];
  const exclude = r.strings(records?.get('exclude', true), 'records.exclude') ?? base?.exclude ?? [];

  const fields = readFields(r, get('fields')) ?? r.fallbackOf('fields') ?? new Map<string, FieldDef>();
  const categories = readCategories(r, get('categories'), fields) ?? r.fallbackOf('categories') ?? new Map<string, CategoryDef>();
  const required = r.strings(get('required'), 'required') ?? base?.required ?? [];
  for (const name of required) {
    if (!fields.has(name)) r.report(get('required') as Node, `required field '${name}' is not declared under fields`, 'warning');
  }
  const archiveNumber = readArchiveNumber(r, get('archive_number')) ?? r.fallbackOf('archiveNumber')!;

  const rules = new Map<string, SeveritySetting>();
  const rulesMap = r.map(get('rules'), 'rules');
  for (const pair of rulesMap?.items ?? []) {
    const code = r.string(pair.key, 'a rule code');
    // A misspelt code would silently do nothing: say so.
    if (code && !knownCodes().has(code)) r.report(pair.key as Node, `unknown rule code '${code}'`, 'warning');
    const sev = r.severity(pair.value, `the severity of rule ${code}`);
    if (code && sev) rules.set(code, sev);
  }

  const retentionRules = readRetentionRules(r, get('retention_rules')) ?? base?.retentionRules ?? [];
  const disposal = readDisposal(r, get('disposal'), base?.disposal) ??
    base?.disposal ?? {
      folder: 'disposal',
      consentStep: true,
      feedbackStep: true,
      methods: [],
      accountingCategories: [...DEFAULT_ACCOUNTING_CATEGORIES],
      personFields: new Map(DEFAULT_PERSON_FIELDS),
    };
  const fieldsNode = r.map(get('fields'), 'fields');
  const aliases = buildAliases(fields, categories, (message, field) => {
    r.report((field !== undefined ? fieldsNode?.get(field, true) : undefined) ?? (get(field === undefined ? 'categories' : 'fields') as Node), message);
  });
  const piPatterns = readPiPatterns(r, get('personal_info'));
  const schema: Schema = {
    version,
    include,
    exclude,
    required,
    categories,
    fields,
    archiveNumber,
    rules,
    retentionRules,
    disposal,
    aliases,
    piPatterns,
    source: text,
  };
  return { schema, problems: r.problems };
}

const CATEGORY_KEYS = ['label', 'code', 'required', 'retention', 'unknown_fields', 'description', 'aliases'];

function readCategories(r: Reader, node: unknown, fields: Map<string, FieldDef>): Map<string, CategoryDef> | undefined {
  const m = r.map(node, 'categories');
  if (!m) return undefined;
  const out = new Map<string, CategoryDef>();
  for (const pair of m.items) {
    const key = r.string(pair.key, 'a category key');
    const def = r.map(pair.value, `category ${key}`);
    if (!key || !def) continue;
    r.known(def, CATEGORY_KEYS, `category ${key}`);
    const required = r.strings(def.get('required', true), `the required fields of category ${key}`) ?? [];
    for (const f of required) {
      if (!fields.has(f)) r.report(def.get('required', true), `required field '${f}' of category ${key} is not declared under fields`, 'warning');
    }
    out.set(key, {
      key,
      label: r.bilingual(def.get('label', true), `the label of category ${key}`, key),
      aliases: r.strings(def.get('aliases', true), `the aliases of category ${key}`) ?? [],
      code: r.string(def.get('code', true), `the code of category ${key}`) ?? key.slice(0, 2).toUpperCase(),
      required,
      retention: readRetention(r, def.get('retention', true), key),
      unknownFields: r.severity(def.get('unknown_fields', true), `unknown_fields of category ${key}`),
    });
  }
  return out;
}

function readRetentionRules(r: Reader, node: unknown): RetentionRuleDef[] | undefined {
  if (node === undefined || node === null) return undefined;
  if (!isSeq(node)) {
    r.report(node as Node, 'retention_rules must be a list');
    return undefined;
  }
  const out: RetentionRuleDef[] = [];
  node.items.forEach((item, i) => {
    const m = r.map(item, `retention rule ${i + 1}`);
    if (!m) return;
    const base = readRetention(r, m, `rule ${i + 1}`, ['category', 'match']);
    if (!base) return;
    const match = new Map<string, string>();
    const mm = r.map(m.get('match', true), `the match of retention rule ${i + 1}`);
    for (const pair of mm?.items ?? []) {
      const k = r.string(pair.key, 'a field name');
      const v = r.string(pair.value, `the value of ${k}`);
      if (k !== undefined && v !== undefined) match.set(k, v);
    }
    out.push({ ...base, category: r.string(m.get('category', true), `the category of retention rule ${i + 1}`), match });
  });
  return out;
}

function readDisposal(r: Reader, node: unknown, base: DisposalConfig | undefined): DisposalConfig | undefined {
  const m = r.map(node, 'disposal');
  if (!m) return undefined;
  r.known(m, ['folder', 'consent_step', 'feedback_step', 'methods', 'accounting_categories', 'person_fields'], 'disposal');
  const folder = (r.string(m.get('folder', true), 'disposal.folder') ?? 'disposal').replace(/^\/+|\/+$/g, '');
  return {
    folder: folder || 'disposal',
    consentStep: r.boolean(m.get('consent_step', true), 'disposal.consent_step') ?? true,
    feedbackStep: r.boolean(m.get('feedback_step', true), 'disposal.feedback_step') ?? true,
    methods: readMethods(r, m.get('methods', true)) ?? base?.methods ?? [],
    accountingCategories: r.strings(m.get('accounting_categories', true), 'disposal.accounting_categories') ??
      base?.accountingCategories ?? [...DEFAULT_ACCOUNTING_CATEGORIES],
    personFields: readPersonFields(r, m.get('person_fields', true)) ?? base?.personFields ?? new Map(DEFAULT_PERSON_FIELDS),
  };
}

/** `person_fields:` field → role (contact, participant, signatory…): the people a transfer notifies (PIPL Art. 22). */
function readPersonFields(r: Reader, node: unknown): Map<string, string> | undefined {
  const m = r.map(node, 'disposal.person_fields');
  if (!m) return undefined;
  const out = new Map<string, string>();
  for (const pair of m.items) {
    const field = r.string(pair.key, 'a person field');
    const role = r.string(pair.value, `the role of person field ${field}`);
    if (field && role) out.set(field, role);
  }
  return out;
}

/** `methods:` keyed by method, each with its NIST SP 800-88 category, the media it applies to, and the tool. */
function readMethods(r: Reader, node: unknown): DestructionMethod[] | undefined {
  const m = r.map(node, 'disposal.methods');
  if (!m) return undefined;
  const out: DestructionMethod[] = [];
  for (const pair of m.items) {
    const key = r.string(pair.key, 'a method key');
    const def = r.map(pair.value, `method ${key}`);
    if (!key || !def) continue;
    r.known(def, ['label', 'category', 'media', 'tool'], `method ${key}`);
    const category = r.string(def.get('category', true), `the category of method ${key}`);
    if (!category || !(SANITIZATION_CATEGORIES as readonly string[]).includes(category)) {
      r.report((def.get('category', true) ?? pair.key) as Node, `method ${key} needs a category: ${SANITIZATION_CATEGORIES.join(', ')} (NIST SP 800-88)`);
      continue;
    }
    out.push({
      key,
      category: category as DestructionMethod['category'],
      label: r.bilingual(def.get('label', true), `the label of method ${key}`, key),
      media: r.bilingual(def.get('media', true), `the media of method ${key}`, ''),
      tool: r.string(def.get('tool', true), `the tool of method ${key}`) ?? '',
    });
  }
  return out;
}

function readRetention(r: Reader, node: unknown, category: string, extraKeys: string[] = []): RetentionDefault | undefined {
  const m = r.map(node, `the retention of category ${category}`);
  if (!m) return undefined;
  r.known(m, ['code', 'from', 'after_event', 'fiscal_year', 'basis', ...extraKeys], `the retention of ${category}`);
  const code = r.string(m.get('code', true), 'retention.code') ?? 'D10';
  if (!/^(Y|D[0-9]{1,3})$/.test(code)) r.report(m.get('code', true), `retention code '${code}' must be Y or D plus years (D30, D10, D3)`);
  return {
    code,
    from: r.string(m.get('from', true), 'retention.from') ?? 'date',
    afterEvent: r.string(m.get('after_event', true), 'retention.after_event'),
    fiscalYear: r.boolean(m.get('fiscal_year', true), 'retention.fiscal_year') ?? false,
    basis: r.bilingual(m.get('basis', true), 'retention.basis', ''),
  };
}

function readArchiveNumber(r: Reader, node: unknown): ArchiveNumberConfig | undefined {
  const m = r.map(node, 'archive_number');
  if (!m) return undefined;
  r.known(m, ['fonds', 'fonds_name', 'class', 'org', 'format', 'number_width', 'number_scope', 'separator'], 'archive_number');
  // DA/T 22-2015 §5.4: 全宗号-门类代码·年度-保管期限-机构(问题)代码-件号, the categories' codes as 问题 codes.
  const format = r.string(m.get('format', true), 'archive_number.format') ?? '{fonds}-{class}·{year}-{retention}-{subject}-{number}';
  if (!format.includes('{number}')) r.report(m.get('format', true), 'archive_number.format must contain {number}');
  const width = r.number(m.get('number_width', true), 'archive_number.number_width') ?? 4;
  return {
    fonds: r.string(m.get('fonds', true), 'archive_number.fonds') ?? '',
    fondsName: r.bilingual(m.get('fonds_name', true), 'archive_number.fonds_name', ''),
    classCode: r.string(m.get('class', true), 'archive_number.class') ?? 'WS',
    org: r.string(m.get('org', true), 'archive_number.org') ?? '',
    format,
    numberWidth: Math.max(1, Math.min(12, Math.trunc(width))),
    numberScope: r.strings(m.get('number_scope', true), 'archive_number.number_scope') ?? ['fonds', 'class', 'year', 'retention', 'subject'],
  };
}
