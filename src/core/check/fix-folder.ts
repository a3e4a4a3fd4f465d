/**
 * `check --fix`: the fixes the folder's findings carry, file by file, as changes for the one write path —
 * the same combineFixes the editor's "Fix All" uses, so both write the same bytes.
 */
import { combineFixes, fixesOf } from '../fix/apply-fixes';
import type { FileChange } from '../io/changes';
import { FileRefusal } from '../io/paths';
import { readFileWithStat } from '../io/safe-fs';
import { decodeRecordBytes } from '../parse/decode';
import type { OpenFolder } from './folder';

export interface FolderFixes {
  changes: (FileChange & { beforeText: string; afterText: string; fixed: number })[];
  /** Fixes left out, and why (one overlapping another, one that would not read back as meant). */
  refused: { path: string; title: string; reason: string }[];
  /** Files that changed since they were indexed: their fixes are not made (run again). */
  changed: string[];
}

export function planFolderFixes(f: Pick<OpenFolder, 'root' | 'index'>): FolderFixes {
  const out: FolderFixes = { changes: [], refused: [], changed: [] };
  for (const entry of f.index.entries()) {
    const fixes = fixesOf(f.index.findings(entry.path));
    if (!fixes.length) continue;
    let bytes: Buffer;
    let stat: { size: number; mtimeMs: number };
    try {
      ({ bytes, stat } = readFileWithStat(f.root, entry.path));
    } catch (err) {
      if (!(err instanceof FileRefusal) && (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      out.changed.push(entry.path);
      continue;
    }
    // The fixes are offsets into the text that was indexed: a file changed since is left for the next run.
    if (stat.size !== entry.size || stat.mtimeMs !== entry.mtimeMs) {
      out.changed.push(entry.path);
      continue;
    }
    const decoded = decodeRecordBytes(bytes);
    if (!decoded.ok) continue;
    const combined = combineFixes(entry.path, decoded.text, fixes);
    for (const r of combined.refused) out.refused.push({ path: entry.path, title: r.fix.title, reason: r.reason });
    if (!combined.applied.length) continue;
    const after = Buffer.from((decoded.bom ? '\uFEFF' : '') + combined.text, 'utf8');
    out.changes.push({ path: entry.path, before: bytes, after, beforeText: decoded.text, afterText: combined.text, fixed: combined.applied.length });
  }
  return out;
}
