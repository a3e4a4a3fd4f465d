/**
 * How a table becomes records, kept as `.records/imports/<name>.yaml` so the next run of the same import does
 * exactly the same and the mapping is reviewed in git like everything else: the category, the key field that
 * says whether a row is new or an update, the path pattern, each column's field (or `~`: not imported) and
 * fixed values for fields no column holds.
 */
import { parse } from 'yaml';
import type { Schema } from '../model/schema';
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
export function validateMapping(m: ImportMapping, schema: Schema, o: { mail?: boolean } = {}): void {
  if (m.category !== undefined && !schema.categories.has(m.category)) {
    throw new MappingError(`category ${JSON.stringify(m.category)} is not one of ${[...schema.categories.keys()].join(', ')}`);
  }
  for (const [column, f] of m.columns)
    if (f !== null && !schema.fields.has(f)) throw new MappingError(`column ${JSON.stringify(column)}: no field ${JSON.stringify(f)} in the schema`);
  for (const f of m.defaults.keys()) if (!schema.fields.has(f)) throw new MappingError(`defaults: no field ${JSON.stringify(f)} in the schema`);
  if (!/\.(md|ya?ml)$/.test(m.pattern)) throw new MappingError(`path pattern ${JSON.stringify(m.pattern)} must end in .md, .yaml or .yml`);
  const probe = m.pattern.replace(/\{[a-z_][a-z0-9_]*\}/g, 'x');
  const problem = pathSyntaxProblem(probe);
  if (problem || /[{}]/.test(probe)) throw new MappingError(`path pattern ${JSON.stringify(m.pattern)} is not a relative path inside the folder`);
  const mapped = new Set([...m.columns.values(), ...m.defaults.keys()]);
  if (o.mail) return;
  if (m.per !== undefined) throw new MappingError('per: is for mail (.eml, .mbox): a table is imported one record per row');
  if (!mapped.has(m.key)) throw new MappingError(`no column gives the key field ${m.key}, so a second run could not find the records of the first`);
}

export function readMapping(text: string): ImportMapping {
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    throw new MappingError(`the mapping is not valid YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new MappingError('the mapping must be a YAML mapping');
  const d = data as Record<string, unknown>;
  const str = (v: unknown, what: string): string => {
    if (typeof v !== 'string' || !v.trim()) throw new MappingError(`${what} must be text`);
    return v;
  };
  const columns = new Map<string, string | null>();
  const cols = d.columns;
  if (!cols || typeof cols !== 'object' || Array.isArray(cols)) throw new MappingError('columns: must map each column header to a field (or ~)');
  for (const [h, f] of Object.entries(cols)) columns.set(h, f === null ? null : str(f, `columns: ${h}`));
  const defaults = new Map<string, string>();
  if (d.defaults !== undefined && d.defaults !== null) {
    if (typeof d.defaults !== 'object' || Array.isArray(d.defaults)) throw new MappingError('defaults: must map fields to values');
    for (const [f, v] of Object.entries(d.defaults)) defaults.set(f, typeof v === 'string' ? v : String(v));
  }
  if (d.per !== undefined && d.per !== null && d.per !== 'message' && d.per !== 'thread') throw new MappingError('per: must be message or thread');
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
