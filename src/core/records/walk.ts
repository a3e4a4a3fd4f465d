import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { createMatcher } from './matcher';

/** A record file found by the walk; the stats are absent when the walk was asked not to take them. */
export interface ListedFile {
  path: string;
  mtimeMs?: number;
  size?: number;
}

/**
 * Lists record files — readdir (and stat, when asked) straight, no glob engine — a step at a time, so a worker
 * can hand out what it found while it walks on. Folders an exclude pattern covers whole (`x/**`) are not
 * entered; symbolic links are not followed, so a link loop cannot trap it; entries that vanish midway are
 * skipped. Without stats (a first index, when there is no cache to compare with) the walk is ~3× cheaper:
 * whoever reads a file takes its stats from the open file instead.
 */
export class RecordWalker {
  private readonly matches: (rel: string) => boolean;
  private readonly skipDir: (rel: string) => boolean;
  private readonly stack: string[] = [''];

  constructor(private readonly root: string, include: readonly string[], exclude: readonly string[], private readonly stats = true) {
    this.matches = createMatcher(include, exclude);
    const dirPatterns = exclude.filter((p) => p.endsWith('/**')).map((p) => p.slice(0, -3));
    this.skipDir = dirPatterns.length ? picomatch(dirPatterns, { dot: true }) : () => false;
  }

  get done(): boolean {
    return this.stack.length === 0;
  }

  /** Walks on, folder by folder, until at least `min` more files are found or the walk is done. */
  next(min: number, out: ListedFile[] = []): ListedFile[] {
    const goal = out.length + min;
    while (this.stack.length && out.length < goal) this.folder(this.stack.pop()!, out);
    return out;
  }

  private folder(rel: string, out: ListedFile[]): void {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(rel ? path.join(this.root, rel) : this.root, { withFileTypes: true });
    } catch {
      return; // vanished or unreadable: nothing to list there
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!this.skipDir(child)) this.stack.push(child);
      } else if (e.isFile() && this.matches(child)) {
        if (!this.stats) {
          out.push({ path: child });
          continue;
        }
        try {
          const st = fs.statSync(path.join(this.root, child));
          out.push({ path: child, mtimeMs: st.mtimeMs, size: st.size });
        } catch {
          // vanished between readdir and stat
        }
      }
    }
  }
}

/** Every record file with its stats, in one synchronous walk (a worker thread or a command-line run). */
export function walkRecordFiles(root: string, include: readonly string[], exclude: readonly string[], stats = true): ListedFile[] {
  return new RecordWalker(root, include, exclude, stats).next(Infinity);
}
