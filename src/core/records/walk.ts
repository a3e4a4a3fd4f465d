import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { createMatcher } from './matcher';
import type { ListedFile } from './scan';

/**
 * Lists record files with their stats in one synchronous walk — readdir and stat straight, no glob engine —
 * meant for a worker thread (or a command-line run). Folders an exclude pattern covers whole (`x/**`) are
 * not entered; symbolic links are not followed, so a link loop cannot trap it; entries that vanish midway
 * are skipped.
 */
export function walkRecordFiles(root: string, include: readonly string[], exclude: readonly string[]): ListedFile[] {
  const matches = createMatcher(include, exclude);
  const dirPatterns = exclude.filter((p) => p.endsWith('/**')).map((p) => p.slice(0, -3));
  const skipDir = dirPatterns.length ? picomatch(dirPatterns, { dot: true }) : () => false;
  const out: ListedFile[] = [];
  const stack: string[] = [''];
  while (stack.length) {
    const rel = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(rel ? path.join(root, rel) : root, { withFileTypes: true });
    } catch {
      continue; // vanished or unreadable: nothing to list there
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!skipDir(child)) stack.push(child);
      } else if (e.isFile() && matches(child)) {
        try {
          const st = fs.statSync(path.join(root, child));
          out.push({ path: child, mtimeMs: st.mtimeMs, size: st.size });
        } catch {
          // vanished between readdir and stat
        }
      }
    }
  }
  return out;
}
