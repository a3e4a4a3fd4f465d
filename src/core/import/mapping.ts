/**
 * How a table becomes records, kept as `.records/imports/<name>.yaml` so the next run of the same import does
 * exactly the same and the mapping is reviewed in git like everything else: the category, the key field that
 * says whether a row is new or an update, the path pattern, each column's field (or `~`: not imported) and
 * fixed values for fields no column holds.
 */
import { parse } from 'yaml';
import type { Lang } from '../model/lang';
import type { Bilingual, Schema } from '../model/schema';
import { say } from '../text/bilingual';
import { yamlScalar, keyText } from '../fix/scalars';
import { pathSyntaxProblem } from '../io/paths';
import { guessColumns } from './headers';

export const IMPORTS_FOLDER = '.records/imports';
export const DEFAULT_PATTERN = 'customers/{customer}/{category}/{id}.md';

export interface ImportMapping {
  category: string | undefined;
  /** The field whose value identifies a record across runs (default: contract_no when mapped, else id). */
  key: string;
  pattern: string;
  columns: Map<string, string | null>;
  /** Values for every record, `{field}` replaced by the row's value (`title: "{customer} {contract_no}"`). */
  defaults: Map<string, string>;
  /** Mail: one record per message (the default) or per thread. */
  per?: 'message' | 'thread';
}

export class MappingError extends Error {}

/** What is wrong with a mapping, in the index's language (--lang, the editor's display language). */
const MSG = {
  category: { en: 'category {category} is not one of {categories}', zh: '分类 {category} 不在 {categories} 之中' },
  columnField: { en: 'column {column}: no field {field} in the schema', zh: '列 {column}：架构中没有字段 {field}' },
  defaultField: { en: 'defaults: no field {field} in the schema', zh: 'defaults：架构中没有字段 {field}' },
  patternEnd: { en: 'path pattern {pattern} must end in .md, .yaml or .yml', zh: '路径模式 {pattern} 必须以 .md、.yaml 或 .yml 结尾' },
  patternInside: { en: 'path pattern {pattern} is not a relative path inside the folder', zh: '路径模式 {pattern} 不是文件夹内的相对路径' },
  perTable: { en: 'per: is for mail (.eml, .mbox): a table is imported one record per row', zh: 'per: 只用于邮件（.eml、.mbox）：表格每行导入为一条记录' },
  noKey: {
    en: 'no column gives the key field {key}, so a second run could not find the records of the first',
    zh: '没有列给出关键字段 {key}，再次导入时将找不到第一次导入的记录',
  },
  yaml: { en: 'the mapping is not valid YAML: {why}', zh: '映射不是有效的 YAML：{why}' },
  notMapping: { en: 'the mapping must be a YAML mapping', zh: '映射必须是 YAML 映射（键值对）' },
  text: { en: '{what} must be text', zh: '{what} 必须是文本' },
  columns: { en: 'columns: must map each column header to a field (or ~)', zh: 'columns：必须把每个列标题映射到一个字段（或 ~）' },
  defaults: { en: 'defaults: must map fields to values', zh: 'defaults：必须把字段映射到取值' },
  per: { en: 'per: must be message or thread', zh: 'per: 必须是 message 或 thread' },
} satisfies Record<string, Bilingual>;

/** The name the mapping and state files of an import of `file` get: its base name without the extension. */
export function importName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.[^.]+$/, '');
  const safe = stem.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '-').replace(/^[.\s]+|[.\s]+$/g, '');
  return safe || 'import';
}

export function guessMapping(headers: readonly string[], schema: Schema, category: string | undefined): ImportMapping {
  const columns = guessColumns(headers, schema);
  const fields = new Set([...columns.values()].filter((f): f is string => f !== null));
  const key = fields.has('contract_no') ? 'contract_no' : fields.has('id') ? 'id' : ([...fields][0] ?? 'id');
  const defaults = new Map<string, string>();
  // Visible in the saved mapping, to change there: a record's date and title where no column gives them.
  const dated = ['signed_date', 'occurred_at', 'term_start'].find((f) => fields.has(f));
  if (!fields.has('date') && dated && schema.fields.has('date')) defaults.set('date', `{${dated}}`);
  if (!fields.has('title') && schema.fields.has('title') && fields.has('customer'))
    defaults.set('title', key === 'customer' ? '{customer}' : `{customer} {${key}}`);
  return { category, key, pattern: DEFAULT_PATTERN, columns, defaults };
}

/** Throws MappingError for a mapping that names unknown fields or categories, or a pattern that leaves the folder. */
export function validateMapping(m: ImportMapping, schema: Schema, o: { mail?: boolean; lang?: Lang } = {}): void {
  const lang = o.lang ?? 'en';
  if (m.category !== undefined && !schema.categories.has(m.category)) {
    throw new MappingError(say(lang, MSG.category, { category: JSON.stringify(m.category), categories: [...schema.categories.keys()].join(', ') }));
  }
  for (const [column, f] of m.columns)
    if (f !== null && !schema.fields.has(f)) throw new MappingError(say(lang, MSG.columnField, { column: JSON.stringify(column), field: JSON.stringify(f) }));
  for (const f of m.defaults.keys()) if (!schema.fields.has(f)) throw new MappingError(say(lang, MSG.defaultField, { field: JSON.stringify(f) }));
  if (!/\.(md|ya?ml)$/.test(m.pattern)) throw new MappingError(say(lang, MSG.patternEnd, { pattern: JSON.stringify(m.pattern) }));
  const probe = m.pattern.replace(/\{[a-z_][a-z0-9_]*\}/g, 'x');
  const problem = pathSyntaxProblem(probe);
  if (problem || /[{}]/.test(probe)) throw new MappingError(say(lang, MSG.patternInside, { pattern: JSON.stringify(m.pattern) }));
  const mapped = new Set([...m.columns.values(), ...m.defaults.keys()]);
  if (o.mail) return;
  if (m.per !== undefined) throw new MappingError(say(lang, MSG.perTable));
  if (!mapped.has(m.key)) throw new MappingError(say(lang, MSG.noKey, { key: m.key }));
}

export function readMapping(text: string, lang: Lang = 'en'): ImportMapping {
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    throw new MappingError(say(lang, MSG.yaml, { why: err instanceof Error ? err.message : String(err) }));
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new MappingError(say(lang, MSG.notMapping));
  const d = data as Record<string, unknown>;
  const str = (v: unknown, what: string): string => {
    if (typeof v !== 'string' || !v.trim()) throw new MappingError(say(lang, MSG.text, { what }));
    return v;
  };
  const columns = new Map<string, string | null>();
  const cols = d.columns;
  if (!cols || typeof cols !== 'object' || Array.isArray(cols)) throw new MappingError(say(lang, MSG.columns));
  for (const [h, f] of Object.entries(cols)) columns.set(h, f === null ? null : str(f, `columns: ${h}`));
  const defaults = new Map<string, string>();
  if (d.defaults !== undefined && d.defaults !== null) {
    if (typeof d.defaults !== 'object' || Array.isArray(d.defaults)) throw new MappingError(say(lang, MSG.defaults));
    for (const [f, v] of Object.entries(d.defaults)) defaults.set(f, typeof v === 'string' ? v : String(v));
  }
  if (d.per !== undefined && d.per !== null && d.per !== 'message' && d.per !== 'thread') throw new MappingError(say(lang, MSG.per));
  return {
    ...(d.per === 'message' || d.per === 'thread' ? { per: d.per } : {}),
    category: d.category === undefined || d.category === null ? undefined : str(d.category, 'category'),
    key: d.key === undefined ? 'id' : str(d.key, 'key'),
    pattern: d.path === undefined ? DEFAULT_PATTERN : str(d.path, 'path'),
    columns,
    defaults,
  };
}

export function writeMapping(m: ImportMapping, source: string): string {
  const lines = [
    `# records-curator import mapping for ${source.replace(/[\r\n]/g, ' ')}`,
    '# Reviewed like any record: the next `records-curator import` of this file reads it. ~ = column not imported.',
  ];
  if (m.category !== undefined) lines.push(`category: ${yamlScalar('', m.category)}`);
  lines.push(`key: ${yamlScalar('', m.key)}`, `path: ${yamlScalar('', m.pattern)}`);
  if (m.per) lines.push(`per: ${m.per}`);
  lines.push(m.columns.size ? 'columns:' : 'columns: {}');
  for (const [h, f] of m.columns) lines.push(`  ${keyText(h, false)}: ${f === null ? '~' : yamlScalar('', f)}`);
  if (m.defaults.size) {
    lines.push('defaults:');
    for (const [f, v] of m.defaults) lines.push(`  ${keyText(f, false)}: ${yamlScalar('', v)}`);
  }
  return lines.join('\n') + '\n';
}
