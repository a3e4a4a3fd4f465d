/**
 * One import of a folder of scans, from the folder and its mapping to every file it would write: the copies,
 * the records' edits, the mapping (`.records/imports/<name>.scans.yaml`, written the first time, so the next
 * run repeats this one) and the state of what was attached. Writing is the caller's, through io/changes:
 * all or nothing.
 */
import type { FileChange } from '../io/changes';
import { pathSyntaxProblem } from '../io/paths';
import type { Lang } from '../model/lang';
import { say } from '../text/bilingual';
import { SCAN_MSG } from './scan-messages';
import { tryReadFileInside } from '../io/safe-fs';
import type { Schema } from '../model/schema';
import type { RecordIndex } from '../index/record-index';
import { MappingError } from './mapping';
import { readScanMapping, readScanState, scanImportName, validateScanMapping, writeScanMapping, writeScanState, type ScanMapping } from './scan-mapping';
import type { ReadPdf } from './scan-pages';
import { compilePattern } from './scan-pattern';
import { planScans, type ScanPlan } from './scan-plan';
import { readScanTable } from './scan-table';
import { listScans } from './scan-walk';

export interface ScanImportRequest {
  root: string;
  schema: Schema;
  index: RecordIndex;
  /** The scans folder, workspace-relative. */
  folder: string;
  /** --match, --table (workspace-relative), --key, --category: over the saved mapping. */
  match?: string;
  table?: string;
  key?: string;
  category?: string;
  /** A mapping given with --map, as text. */
  mappingText?: string;
  /** Counts a PDF's pages (loaded only when scans are imported). */
  readPdf?: ReadPdf;
  /** The language of its messages (the command line's --lang; default en). */
  lang?: Lang;
}

export interface ScanImportSession {
  mapping: ScanMapping;
  mappingPath: string;
  mappingFrom: 'given' | 'saved';
  plan: ScanPlan;
  changes: FileChange[];
}

export type ScanImportResult = { ok: true; session: ScanImportSession } | { ok: false; message: string };

export async function prepareScanImport(req: ScanImportRequest): Promise<ScanImportResult> {
  const folder = req.folder.replace(/\/+$/, '');
  const lang = req.lang ?? 'en';
  if (pathSyntaxProblem(folder)) return { ok: false, message: say(lang, SCAN_MSG.folderNotInside, { path: req.folder }) };
  const name = scanImportName(folder);
  const mappingPath = `${name}.yaml`;
  const statePath = `${name}.state.json`;
  const saved = tryReadFileInside(req.root, mappingPath);
  let mapping: ScanMapping;
  let mappingFrom: ScanImportSession['mappingFrom'];
  try {
    const text = req.mappingText ?? saved?.toString('utf8');
    mappingFrom = req.mappingText !== undefined || !saved ? 'given' : 'saved';
    mapping = text !== undefined ? readScanMapping(text, folder, lang) : { folder };
    if (req.match !== undefined || req.table !== undefined) {
      mapping.match = req.match;
      mapping.table = req.table;
      mappingFrom = 'given';
    }
    if (req.key !== undefined) mapping.key = req.key;
    if (req.category !== undefined) mapping.category = req.category;
    validateScanMapping(mapping, req.schema, lang);
  } catch (err) {
    if (err instanceof MappingError) return { ok: false, message: say(lang, SCAN_MSG.mappingAt, { path: mappingPath, message: err.message }) };
    throw err;
  }
  const listed = listScans(req.root, folder, lang);
  if (!listed.ok) return listed;
  let table;
  if (mapping.table !== undefined) {
    const bytes = tryReadFileInside(req.root, mapping.table);
    if (!bytes) return { ok: false, message: say(lang, SCAN_MSG.noTable, { path: mapping.table }) };
    const read = readScanTable(bytes, mapping.table, req.schema, mapping.key, lang);
    if (!read.ok) return read;
    table = { ...read.table, path: mapping.table };
  }
  const stateBytes = tryReadFileInside(req.root, statePath);
  let state;
  try {
    state = readScanState(stateBytes?.toString('utf8'));
  } catch {
    return { ok: false, message: say(lang, SCAN_MSG.badState, { path: statePath }) };
  }
  const plan = await planScans({
    root: req.root,
    schema: req.schema,
    index: req.index,
    listing: listed.listing,
    pattern: mapping.match !== undefined ? compilePattern(mapping.match, (f) => req.schema.fields.has(f), lang) : undefined,
    table,
    category: mapping.category,
    state,
    readPdf: req.readPdf,
    lang,
  });
  const changes = [...plan.changes];
  const next = Buffer.from(writeScanState(plan.state), 'utf8');
  if (changes.length || (stateBytes && !stateBytes.equals(next))) {
    if (!saved) changes.push({ path: mappingPath, before: null, after: Buffer.from(writeScanMapping(mapping), 'utf8') });
    if (!stateBytes || !stateBytes.equals(next)) changes.push({ path: statePath, before: stateBytes ?? null, after: next });
  }
  return { ok: true, session: { mapping, mappingPath, mappingFrom, plan, changes } };
}
