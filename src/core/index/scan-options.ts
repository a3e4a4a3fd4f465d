/** What a scan of a folder is asked to do (scan.ts), and the index options its entries are made with. */
import type { Lang } from '../model/lang';
import type { FileEntry } from '../model/records';
import type { Schema, SeveritySetting } from '../model/schema';
import { allRules } from '../rules';
import type { IndexOptions } from './index-file';
import { workspaceFileExists } from './read-file';

export interface ScanOptions {
  root: string;
  /** Handed to worker threads as it is (a structured clone): parsing it again there cost each worker ~50 ms. */
  schema: Schema;
  lang: Lang;
  severities?: ReadonlyMap<string, SeveritySetting>;
  /** Extra globs from settings, added to the schema's. */
  include?: readonly string[];
  exclude?: readonly string[];
  /**
   * Entries from the cache: reused when mtime and size still match (a promise lets loading overlap listing).
   * Without one the listing takes no stats at all: every file is read, and its stats come from reading it.
   */
  previous?: ReadonlyMap<string, FileEntry> | Promise<ReadonlyMap<string, FileEntry> | undefined>;
  /** Worker threads; 0 indexes in this thread (yielding between slices). Default: up to 2 above 1,000 files to read. */
  workers?: number;
  /**
   * Walk the folder in this thread, and start the index workers only once a thousand files wait to be read:
   * for a command line, whose thread has nobody to stay responsive for, and whose small folders would
   * otherwise pay for starting three workers (~100 ms each on two cores) that are then stopped unused.
   */
  listInThread?: boolean;
  /**
   * Index workers with a young generation of 2 MB and an old one of at most 1 GB (V8's defaults are larger,
   * the old one's from the machine's memory): a worker holds one batch at a time, so a bigger heap only delays
   * its collections. For a command line's peak memory: `check` at 100,000 records went from about 355 MB to
   * 300 MB with the young generation at 4 MB; the limit on the old one (whose growth V8 sets from it) saved
   * another ~25 MB on this 24 GB machine, 2 MB instead of 4 a few more. A 5 MB file, the largest read, needs
   * a small part of that gigabyte.
   */
  leanWorkers?: boolean;
  /**
   * Called when the folder turns out to be large (a thousand files listed; again as index workers start): the
   * command line, which runs a small folder without V8's optimising compiler, turns it back on.
   */
  whenLarge?: () => void;
  workerPath?: string;
  /**
   * Entries as they become ready (reused ones and each batch read), so a caller can build its index meanwhile.
   * The result's `files` then stays empty: the caller holds the entries. `reused`: they come from `previous`.
   */
  onEntries?(entries: readonly FileEntry[], reused: boolean): void;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

export function indexOptions(o: Pick<ScanOptions, 'root' | 'schema' | 'lang' | 'severities'>): IndexOptions {
  return { schema: o.schema, lang: o.lang, rules: allRules, severities: o.severities, fileExists: workspaceFileExists(o.root) };
}
