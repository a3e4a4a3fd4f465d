/**
 * The findings `check` would report at a revision, read from git without touching the working tree: the
 * revision's own schema, every record file and batch it holds, the same rules and the same cross-file checks.
 */
import type { Lang } from '../model/lang';
import { DEFAULT_MAX_BYTES } from '../parse/decode';
import { configureIndex } from '../index/configure';
import { indexBytes } from '../index/index-file';
import { createMatcher } from '../index/matcher';
import { RecordIndex } from '../index/record-index';
import type { FileEntry } from '../model/records';
import { allRules } from '../rules';
import { loadSchema, SCHEMA_PATH } from '../schema/load';
import { folderFindings, indexBatchContext } from '../check/folder';
import { readBatch } from '../disposal/batch';
import type { BatchFiles } from '../disposal/items';
import { pathSyntaxProblem } from '../io/paths';
import { decodeText, listTree, readBlobs } from './git-tree';
import type { FindingChange } from './types';

/** Every finding at REV, with its 1-based line, sorted by path, line and code. */
export async function revisionFindings(git: string, root: string, rev: string, lang: Lang): Promise<FindingChange[]> {
  const tree = await listTree(git, root, rev);
  const paths = new Set(tree.map((f) => f.path));
  const schemaFile = tree.find((f) => f.path === SCHEMA_PATH);
  const schemaText = schemaFile ? decodeText((await readBlobs(git, root, [schemaFile.oid])).get(schemaFile.oid) ?? new Uint8Array()) : undefined;
  const { schema, problems } = loadSchema(schemaText);
  const isRecord = createMatcher(schema.include, schema.exclude);
  const files = tree.filter((f) => isRecord(f.path));
  // A file above the size limit is not read: its size alone is the finding (as when scanning a folder).
  const blobs = await readBlobs(
    git,
    root,
    files.filter((f) => f.size <= DEFAULT_MAX_BYTES).map((f) => f.oid),
  );
  const opts = { schema, lang, rules: allRules, fileExists: (rel: string) => paths.has(rel) };
  const entries = new Map<string, FileEntry>();
  for (const f of files) {
    const bytes = f.size > DEFAULT_MAX_BYTES ? new Uint8Array(DEFAULT_MAX_BYTES + 1) : blobs.get(f.oid);
    if (bytes) entries.set(f.path, indexBytes(f.path, bytes, { mtimeMs: 0, size: f.size }, opts));
  }
  const index = new RecordIndex(lang);
  configureIndex(index, schema);
  index.replaceAll(entries);
  // The revision's batches, checked against the revision's files (not the working tree's).
  const dir = `${schema.disposal.folder}/`;
  const batchFiles = tree.filter((f) => f.path.startsWith(dir) && f.path.toLowerCase().endsWith('.md'));
  const batchBlobs = await readBlobs(
    git,
    root,
    batchFiles.map((f) => f.oid),
  );
  const batches = batchFiles.map((f) => ({ path: f.path, text: decodeText(batchBlobs.get(f.oid) ?? new Uint8Array()) }));
  const byPath = new Map(tree.map((f) => [f.path, f]));
  const listed = new Set(batches.flatMap((b) => readBatch(b.text)?.items.map((i) => i.path) ?? []));
  const listedBlobs = await readBlobs(
    git,
    root,
    [...listed].flatMap((p) => byPath.get(p)?.oid ?? []),
  );
  const revisionFiles: BatchFiles = {
    problem: (p) => pathSyntaxProblem(p),
    exists: (p) => byPath.has(p),
    bytes: (p) => {
      const f = byPath.get(p);
      return f && listedBlobs.get(f.oid);
    },
  };
  const items = folderFindings({
    index,
    schemaText,
    schemaProblems: problems,
    batches,
    batchContext: { ...indexBatchContext(root, index, lang, undefined, () => [...batches]), files: revisionFiles },
  });
  return items.map(({ path, finding: f }) => ({ path, code: f.code, message: f.message, severity: f.severity, line: f.start.line + 1 })).sort(byPlace);
}

export function byPlace(a: FindingChange, b: FindingChange): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * What identifies a finding across revisions: path, code and message. Line numbers inside messages (the
 * other copies of a duplicate id, `b.md:12`) are dropped, so a finding whose lines moved is still the same.
 */
export function findingKey(f: FindingChange, renamed?: ReadonlyMap<string, string>): string {
  const message = f.code.startsWith('duplicate-') ? f.message.replace(/:\d+(?=[,、\s]|$)/g, '') : f.message;
  return `${renamed?.get(f.path) ?? f.path}\0${f.code}\0${message}`;
}

/** Findings at HEAD not at BASE (introduced) and at BASE not at HEAD (fixed), counted as multisets. */
export function compareFindings(
  base: readonly FindingChange[],
  head: readonly FindingChange[],
  renamed?: ReadonlyMap<string, string>,
): { introduced: FindingChange[]; fixed: FindingChange[] } {
  const count = new Map<string, number>();
  for (const f of base) {
    const k = findingKey(f, renamed);
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const introduced: FindingChange[] = [];
  for (const f of head) {
    const k = findingKey(f);
    const n = count.get(k) ?? 0;
    if (n > 0) count.set(k, n - 1);
    else introduced.push(f);
  }
  const fixed: FindingChange[] = [];
  for (const f of base) {
    const k = findingKey(f, renamed);
    const n = count.get(k) ?? 0;
    if (n > 0) {
      count.set(k, n - 1);
      fixed.push(f);
    }
  }
  return { introduced, fixed };
}
