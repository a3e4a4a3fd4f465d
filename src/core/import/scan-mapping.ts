/**
 * How a folder of scans is matched to records, kept as `.records/imports/<name>.scans.yaml` like a table
 * import's mapping, so the next run does the same and the choice is reviewed in git: a file-name `match:`
 * pattern (`{contract_no}*.pdf`), or a `table:` (CSV, `file,key`) naming each scan's record by its `key`
 * field; optionally the `category` the records must be of. And the state of what was attached
 * (`<name>.scans.state.json`): each scan's record, copy, sha256 and pages, and the `pages` each record was
 * given, so a re-run tells a value it wrote from one someone changed by hand.
 */
import { parse } from 'yaml';
import type { Schema } from '../model/schema';
import type { Lang } from '../model/lang';
import { say } from '../text/bilingual';
import { SCAN_MSG } from './scan-messages';
import { yamlScalar } from '../fix/scalars';
import { pathSyntaxProblem } from '../io/paths';
import { IMPORTS_FOLDER, MappingError } from './mapping';
import { compilePattern, PatternError } from './scan-pattern';

export interface ScanMapping {
  /** The scans folder, workspace-relative. */
  folder: string;
  match?: string;
  /** Workspace-relative CSV: file (relative to the scans folder), key. */
  table?: string;
  /** The field a table's keys are values of (default: the table's second header when it is a field, else contract_no). */
  key?: string;
  category?: string;
}

/** `.records/imports/scans-2019.scans.yaml` for the folder `scans/2019`. */
export function scanImportName(folder: string): string {
  const safe = folder
    .split('/')
    .join('-')
    .replace(/[\\:*?"<>|\u0000-\u001f\u007f]/g, '-')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return `${IMPORTS_FOLDER}/${safe || 'scans'}.scans`;
}

export function validateScanMapping(m: ScanMapping, schema: Schema, lang: Lang = 'en'): void {
  if (m.match === undefined && m.table === undefined) throw new MappingError(say(lang, SCAN_MSG.how));
  if (m.match !== undefined && m.table !== undefined) throw new MappingError(say(lang, SCAN_MSG.both));
  if (m.category !== undefined && !schema.categories.has(m.category))
    throw new MappingError(say(lang, SCAN_MSG.category, { category: JSON.stringify(m.category), categories: [...schema.categories.keys()].join(', ') }));
  if (m.key !== undefined && !schema.fields.has(m.key)) throw new MappingError(say(lang, SCAN_MSG.keyField, { field: JSON.stringify(m.key) }));
  if (m.table !== undefined && pathSyntaxProblem(m.table)) throw new MappingError(say(lang, SCAN_MSG.tablePath, { path: JSON.stringify(m.table) }));
  if (m.match !== undefined) {
    try {
      compilePattern(m.match, (f) => schema.fields.has(f), lang);
    } catch (err) {
      if (err instanceof PatternError) throw new MappingError(say(lang, SCAN_MSG.match, { message: err.message }));
      throw err;
    }
  }
}

export function readScanMapping(text: string, folder: string, lang: Lang = 'en'): ScanMapping {
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    throw new MappingError(say(lang, SCAN_MSG.yaml, { why: err instanceof Error ? err.message : String(err) }));
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new MappingError(say(lang, SCAN_MSG.notMapping));
  const d = data as Record<string, unknown>;
  const opt = (k: string): string | undefined => {
    const v = d[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || !v.trim()) throw new MappingError(say(lang, SCAN_MSG.text, { what: k }));
    return v;
  };
  return { folder, match: opt('match'), table: opt('table'), key: opt('key'), category: opt('category') };
}

export function writeScanMapping(m: ScanMapping): string {
  const lines = [
    `# records-curator import mapping for the scans in ${m.folder.replace(/[\r\n]/g, ' ')}/`,
    `# Reviewed like any record: the next \`records-curator import --scans ${m.folder.replace(/[\r\n]/g, ' ')}\` reads it.`,
    `# match: a file-name pattern ({field} = the record's value, * any text, {pdf,jpg} either); or table: a CSV of file,key.`,
  ];
  if (m.category !== undefined) lines.push(`category: ${yamlScalar('', m.category)}`);
  if (m.match !== undefined) lines.push(`match: ${yamlScalar('', m.match)}`);
  if (m.table !== undefined) lines.push(`table: ${yamlScalar('', m.table)}`);
  if (m.key !== undefined) lines.push(`key: ${yamlScalar('', m.key)}`);
  return lines.join('\n') + '\n';
}

export interface ScanStateEntry {
  /** The record's file and document. */
  record: string;
  index: number;
  /** Where the scan was copied (or where it lay, when it was already beside its record). */
  file: string;
  sha256: string;
  pages?: number;
}

export interface ScanState {
  scans: Map<string, ScanStateEntry>;
  /** `file#index` → the `pages` value this import wrote there. */
  pages: Map<string, number>;
}

export const recordKey = (file: string, index: number) => `${file}#${index}`;

/** Throws for a state file that is not what this import writes. */
export function readScanState(text: string | undefined): ScanState {
  const state: ScanState = { scans: new Map(), pages: new Map() };
  if (text === undefined) return state;
  const d = JSON.parse(text) as { kind?: unknown; scans?: Record<string, Partial<ScanStateEntry>>; pages?: Record<string, unknown> };
  if (d.kind !== 'scans' || !d.scans || typeof d.scans !== 'object') throw new Error('not a scan import state');
  for (const [k, e] of Object.entries(d.scans)) {
    if (typeof e?.record !== 'string' || typeof e.file !== 'string' || typeof e.sha256 !== 'string') throw new Error(`scan ${k}`);
    state.scans.set(k, {
      record: e.record,
      index: typeof e.index === 'number' ? e.index : 0,
      file: e.file,
      sha256: e.sha256,
      pages: typeof e.pages === 'number' ? e.pages : undefined,
    });
  }
  for (const [k, n] of Object.entries(d.pages ?? {})) if (typeof n === 'number') state.pages.set(k, n);
  return state;
}

const sorted = <T>(m: Map<string, T>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function writeScanState(s: ScanState): string {
  return JSON.stringify({ version: 1, kind: 'scans', scans: sorted(s.scans), pages: sorted(s.pages) }, null, 2) + '\n';
}
