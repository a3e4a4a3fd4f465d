/**
 * The files of a scans folder, and what is not taken from it: a link (never followed, wherever it points), a
 * folder that cannot be listed, something that is not a file. Dot files and dot folders (`.DS_Store`, `.git`)
 * are noted and left. Names come from the folder's own listing, so none holds `/` or is `..`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { resolveInside } from '../io/paths';
import type { Lang } from '../model/lang';
import { say } from '../text/bilingual';
import { SCAN_MSG } from './scan-messages';

export interface ScanFile {
  /** Workspace-relative. */
  path: string;
  /** Relative to the scans folder. */
  name: string;
}

export interface ScanListing {
  files: ScanFile[];
  /** Rejected: links, special files, folders that cannot be read. */
  refused: { path: string; reason: string }[];
  /** Left without being an error: dot files. */
  notes: { path: string; note: string }[];
}

const MAX_FILES = 100_000;
const MAX_DEPTH = 32;

export type ListResult = { ok: true; listing: ScanListing } | { ok: false; message: string };

export function listScans(root: string, folder: string, lang: Lang = 'en'): ListResult {
  const where = resolveInside(root, folder);
  if (!where.ok)
    return {
      ok: false,
      message: say(lang, where.problem === 'symlink' ? SCAN_MSG.folderLink : SCAN_MSG.folderOutside, { path: folder }),
    };
  if (!where.value.stat?.isDirectory()) return { ok: false, message: say(lang, SCAN_MSG.noFolder, { path: folder }) };
  const listing: ScanListing = { files: [], refused: [], notes: [] };
  const walk = (rel: string, abs: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      listing.refused.push({ path: rel, reason: say(lang, SCAN_MSG.folderUnreadable, { why: (err as NodeJS.ErrnoException).code ?? String(err) }) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = `${rel}/${e.name}`;
      const name = p.slice(folder.length + 1);
      if (e.name.startsWith('.')) listing.notes.push({ path: p, note: say(lang, SCAN_MSG.dotFile) });
      else if (e.isSymbolicLink()) listing.refused.push({ path: p, reason: say(lang, SCAN_MSG.link) });
      else if (e.isDirectory()) {
        if (depth >= MAX_DEPTH) listing.refused.push({ path: p, reason: say(lang, SCAN_MSG.tooDeep, { max: MAX_DEPTH }) });
        else walk(p, path.join(abs, e.name), depth + 1);
      } else if (!e.isFile()) listing.refused.push({ path: p, reason: say(lang, SCAN_MSG.notFile) });
      else if (listing.files.length >= MAX_FILES) {
        listing.refused.push({ path: p, reason: say(lang, SCAN_MSG.tooMany, { max: MAX_FILES }) });
        return;
      } else listing.files.push({ path: p, name });
    }
  };
  walk(folder, where.value.abs, 0);
  return { ok: true, listing };
}
