/**
 * Checking a folder, assembled in one place: every record's findings (its own and the workspace rules'),
 * the schema file's, and every batch's. The command line's `check`, the review of changes and the health
 * report take their findings from here; the editor publishes the same parts as they change.
 */
import { checkDisposalDocument, type BatchContext } from '../disposal/check';
import { batchContextOf } from '../disposal/context';
import { findBatchFiles } from '../disposal/files';
import { configureIndex } from '../index/configure';
import { RecordIndex } from '../index/record-index';
import { scanFolder, type ScanResult } from '../index/scan';
import { tryReadFileInside } from '../io/safe-fs';
import type { Lang } from '../model/lang';
import type { FileEntry } from '../model/records';
import type { Schema, SeveritySetting } from '../model/schema';
import { sortItems, summarize, type ReportItem, type ReportSummary } from '../report/types';
import { SCHEMA_PATH, type LoadedSchema, type SchemaProblem } from '../schema/load';
import { readWorkspaceSchema } from '../schema/workspace';
import { applyBaseline, readBaseline, type BaselineEntry } from './baseline';
import { schemaFindings } from './schema-findings';

export interface FolderParts {
  index: RecordIndex;
  schemaText: string | undefined;
  schemaProblems: readonly SchemaProblem[];
  /** The batch files under the disposal folder, with their text. */
  batches: readonly { path: string; text: string }[];
  batchContext: BatchContext;
}

/** Every finding of the folder, sorted by path and place. */
export function folderFindings(p: FolderParts): ReportItem[] {
  const out: ReportItem[] = [];
  for (const entry of p.index.entries()) for (const finding of p.index.findings(entry.path)) out.push({ path: entry.path, finding });
  out.push(...nonRecordFindings(p));
  return sortItems(out);
}

/** The findings that are not on records: the schema file's and the batches'. */
export function nonRecordFindings(p: Omit<FolderParts, 'index'>): ReportItem[] {
  const out: ReportItem[] = [];
  for (const finding of schemaFindings(p.schemaText, p.schemaProblems)) out.push({ path: SCHEMA_PATH, finding });
  for (const b of p.batches) for (const finding of checkDisposalDocument(b.text, p.batchContext)) out.push({ path: b.path, finding });
  return out;
}

/**
 * The batch check's view of an index: the records it holds in a file, by document number, and which records
 * name each attachment; `schema` says which fields are attachments (default: the built-in schema's).
 */
export function indexBatchContext(
  root: string,
  index: RecordIndex,
  lang: Lang,
  schema?: Schema,
  documents?: () => { path: string; text: string }[],
): BatchContext {
  return batchContextOf(
    root,
    lang,
    schema,
    (p) => index.get(p),
    () => index.entries(),
    documents,
  );
}

export interface OpenFolder {
  root: string;
  lang: Lang;
  schema: LoadedSchema & { text: string | undefined };
  /** The scan's counts; `files` is the index's own map of entries. */
  scan: Omit<ScanResult, 'files'> & { files: ReadonlyMap<string, FileEntry> };
  index: RecordIndex;
}

/** A folder's schema and a full index of it, the index configured from the schema: what every command starts from. */
export async function openFolder(
  root: string,
  lang: Lang,
  o: {
    severities?: ReadonlyMap<string, SeveritySetting>;
    workers?: number;
    /** Entries from a cache, given the schema read here; reused where the file's mtime and size still match. */
    previous?: (schema: LoadedSchema & { text: string | undefined }) => ReadonlyMap<string, FileEntry> | undefined;
    /** scanFolder's: told when the folder turns out to be large. */
    whenLarge?: () => void;
  } = {},
): Promise<OpenFolder> {
  const schema = readWorkspaceSchema(root);
  const previous = o.previous?.(schema);
  const index = new RecordIndex(lang);
  configureIndex(index, schema.schema, o.severities);
  // Indexed as the entries arrive, in the order they arrive (as replaceAll would take them), so that each
  // batch's strings are shared while its copies are still young: holding 100,000 entries until the scan
  // ended kept the copies too, and with the workers still alive that was the peak of `check`.
  const staging = index.staging();
  // What every command starts from: its thread need not stay responsive, so the walk runs here.
  const scanned = await scanFolder({
    root,
    schema: schema.schema,
    lang,
    severities: o.severities,
    workers: o.workers,
    listInThread: true,
    leanWorkers: true,
    previous,
    whenLarge: o.whenLarge,
    onEntries: (entries) => staging.addAll(entries),
  });
  index.adopt(staging);
  const scan = { ...scanned, files: index.fileMap() };
  return { root, lang, schema, scan, index };
}

/** The batch files of an open folder with their text (unreadable ones are left out: the index reports them). */
export function folderBatches(f: Pick<OpenFolder, 'root' | 'schema'>): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const path of findBatchFiles(f.root, f.schema.schema.disposal.folder)) {
    const bytes = tryReadFileInside(f.root, path);
    if (bytes)
      out.push({
        path,
        text: Buffer.from(bytes)
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
      });
  }
  return out;
}

export interface CheckedFolder extends OpenFolder {
  items: ReportItem[];
  summary: ReportSummary;
  /** Entries of `.records/baseline.json` that no finding matches any more (fixed since). */
  baselineFixed: BaselineEntry[];
  /** Why the baseline file could not be used, when it could not. */
  baselineProblem?: string;
}

/** Checks a folder as `records-curator check` does: records, workspace rules, the schema file, the batches. */
export async function checkFolder(
  root: string,
  lang: Lang,
  o: { severities?: ReadonlyMap<string, SeveritySetting>; workers?: number } = {},
): Promise<CheckedFolder> {
  return checkOpenFolder(await openFolder(root, lang, o));
}

/** `baseline: false` reports every finding as it is (what `--update-baseline` writes down). */
export function checkOpenFolder(f: OpenFolder, o: { baseline?: boolean } = {}): CheckedFolder {
  const batches = folderBatches(f);
  const items = folderFindings({
    index: f.index,
    schemaText: f.schema.text,
    schemaProblems: f.schema.problems,
    batches,
    batchContext: indexBatchContext(f.root, f.index, f.lang, f.schema.schema, () => batches),
  });
  const { baseline, problem } = o.baseline === false ? {} : readBaseline(f.root);
  const applied = baseline ? applyBaseline(items, baseline, f.lang) : { items, fixed: [] };
  let files = 0;
  for (const e of f.index.entries()) if (e.isRecordFile) files++;
  const summary = summarize(applied.items, { folder: f.root, records: f.index.size, files });
  return { ...f, items: applied.items, summary, baselineFixed: applied.fixed, baselineProblem: problem };
}
