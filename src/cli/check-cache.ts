/**
 * `check --cache`: the index entries of the last run, reused where a file's modification time and size
 * are unchanged (as ESLint's and Prettier's --cache do), so a pre-commit hook on a folder that barely changed
 * reads only what changed. Kept outside the repository, in the user's cache folder ($XDG_CACHE_HOME, else
 * ~/.cache): nothing in the folder checked is written, and no clone shares it. The key holds what the
 * findings depend on — the tool's version, the language, the schema, whether keys are registered — so a
 * change of any of them reads everything again; a damaged or foreign cache file is read as no cache.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cacheKey, readCache, readsOtherFiles, writeCache } from '../core/index/cache';
import type { Lang } from '../core/model/lang';
import type { FileEntry } from '../core/model/records';
import type { LoadedSchema } from '../core/schema/load';
import { defaultSchemaText } from '../core/schema/load';
import { KEYS_PATH } from '../core/seal/registry';
import { writeFileInside } from '../core/io/safe-fs';
import { VERSION } from '../core/version';

export interface CheckCache {
  file: string;
  key: string;
  /** Entries read from the file (those that depend on other files left out: they are read again). */
  previous: ReadonlyMap<string, FileEntry> | undefined;
}

/** The cache file of a folder: one per folder (by its real path), in the user's cache folder. */
export function checkCacheFile(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  let real = root;
  try {
    real = fs.realpathSync(root);
  } catch {
    // The folder was checked to exist; a path that cannot be resolved keys the cache as given.
  }
  return path.join(base, 'records-curator', 'check', `${cacheKey([real]).slice(0, 16)}.json`);
}

export function openCheckCache(root: string, lang: Lang, schema: LoadedSchema & { text: string | undefined }): CheckCache {
  const file = checkCacheFile(root);
  const key = cacheKey(['check', VERSION, lang, schema.text ?? defaultSchemaText, fs.existsSync(path.join(root, KEYS_PATH))]);
  let bytes: Buffer | undefined;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return { file, key, previous: undefined };
  }
  const all = readCache(bytes, key);
  if (!all) return { file, key, previous: undefined };
  for (const [p, e] of all) if (readsOtherFiles(e, schema.schema)) all.delete(p);
  return { file, key, previous: all };
}

/** Writes the entries for the next run; a cache that cannot be written costs only time, so it is a note, not a failure. */
export function saveCheckCache(cache: CheckCache, entries: Iterable<FileEntry>): string | undefined {
  try {
    const dir = path.dirname(cache.file);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    // It holds the records' values (names, ID numbers): readable by this user only.
    writeFileInside(dir, path.basename(cache.file), writeCache(cache.key, entries), { overwrite: true, newFileMode: 0o600 });
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
