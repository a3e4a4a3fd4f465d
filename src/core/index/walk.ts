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
 * Something the walk saw but did not list for reading, with what it knows of why. Each becomes an entry with
 * a finding (see skipped.ts): a record that is silently left out would let numbering hand out its number again.
 */
export type Skipped =
  /** A folder that could not be listed; `code` is the error (EACCES…). */
  | { path: string; kind: 'folder'; code: string }
  /** A FIFO, socket or device named like a record. */
  | { path: string; kind: 'special'; type: 'fifo' | 'socket' | 'device' }
  /**
   * A symbolic link, never followed. `to`: its target relative to the folder (`.` for the folder itself) when
   * `where` is inside; `text`: what the link says, as written.
   */
  | { path: string; kind: 'link'; text: string; to?: string; where: 'inside' | 'outside' | 'missing' | 'loop'; folder: boolean };

/**
 * Lists record files — readdir (and stat, when asked) straight, no glob engine — a step at a time, so a worker
 * can hand out what it found while it walks on. Folders an exclude pattern covers whole (`x/**`) are not
 * entered; symbolic links are never followed (a loop cannot trap it, and a link cannot lead outside the
 * folder) but reported; entries that vanish midway are skipped. Without stats (a first index, when there is
 * no cache to compare with) the walk is ~3× cheaper: whoever reads a file takes its stats from the open file
 * instead. What a file is comes with readdir (Dirent types), so nothing but links costs an extra call.
 */
export class RecordWalker {
  private readonly matches: (rel: string) => boolean;
  private readonly skipDir: (rel: string) => boolean;
  private readonly stack: string[] = [''];
  private realRoot: string | undefined;
  /** What was seen but not listed, since the last `takeSkipped`. */
  private skipped: Skipped[] = [];

  constructor(
    private readonly root: string,
    include: readonly string[],
    exclude: readonly string[],
    private readonly stats = true,
  ) {
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

  /** What was seen but not listed since the last call. */
  takeSkipped(): Skipped[] {
    const s = this.skipped;
    this.skipped = [];
    return s;
  }

  private folder(rel: string, out: ListedFile[]): void {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(rel ? path.join(this.root, rel) : this.root, { withFileTypes: true });
    } catch (err) {
      const code = errCode(err);
      // Gone since its parent was listed (a checkout in progress): nothing is missing from the index.
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      this.skipped.push({ path: rel || '.', kind: 'folder', code });
      return;
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!this.skipDir(child)) this.stack.push(child);
      } else if (e.isFile()) {
        if (this.matches(child)) this.file(child, out);
      } else if (e.isSymbolicLink()) {
        // Links to folders are reported wherever the walk would have gone (records may lie behind them); links
        // to anything else only when named like a record. Only links cost a call more (readlink, realpath).
        if (!this.matches(child) && this.skipDir(child)) continue;
        const link = this.link(child);
        if (link.folder ? !this.skipDir(child) : this.matches(child)) this.skipped.push(link);
      } else if (this.matches(child)) {
        const type = e.isFIFO() ? 'fifo' : e.isSocket() ? 'socket' : 'device';
        this.skipped.push({ path: child, kind: 'special', type });
      }
    }
  }

  private file(child: string, out: ListedFile[]): void {
    if (!this.stats) {
      out.push({ path: child });
      return;
    }
    try {
      const st = fs.statSync(path.join(this.root, child));
      out.push({ path: child, mtimeMs: st.mtimeMs, size: st.size });
    } catch (err) {
      // Vanished between readdir and stat: dropped. Anything else (a folder one may list but not enter) is
      // listed without stats, so reading it reports why it cannot be read.
      if (errCode(err) !== 'ENOENT') out.push({ path: child });
    }
  }

  private link(child: string): Skipped & { kind: 'link' } {
    this.realRoot ??= realpathOr(this.root);
    return describeLink(this.root, child, this.realRoot);
  }
}

/** Where a symbolic link points, without following it for anything but the answer. */
export function describeLink(root: string, rel: string, realRoot = realpathOr(root)): Skipped & { kind: 'link' } {
  const abs = path.join(root, rel);
  let text: string;
  try {
    text = fs.readlinkSync(abs);
  } catch (err) {
    text = `(${errCode(err)})`; // replaced or removed since readdir; what remains is still reported
  }
  let real: string;
  try {
    real = fs.realpathSync(abs);
  } catch (err) {
    return { path: rel, kind: 'link', text, where: errCode(err) === 'ELOOP' ? 'loop' : 'missing', folder: false };
  }
  let folder: boolean;
  try {
    folder = fs.statSync(real).isDirectory();
  } catch {
    folder = false; // vanished between realpath and stat: reported as a link to a file
  }
  const inside = real === realRoot || real.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep);
  if (!inside) return { path: rel, kind: 'link', text, where: 'outside', folder };
  const to = path.relative(realRoot, real).split(path.sep).join('/') || '.';
  return { path: rel, kind: 'link', text, to, where: 'inside', folder };
}

/**
 * One path as a file event names it, when it is not a regular file: a link, or a FIFO/socket/device. lstat is
 * one call per path: right for events, never for the walk (Dirent types come free with readdir there).
 */
export function describePath(root: string, rel: string): Skipped | undefined {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(path.join(root, rel));
  } catch {
    // Gone, or its folder cannot be entered: there is nothing to describe (reading it said what it could).
    return undefined;
  }
  if (st.isSymbolicLink()) return describeLink(root, rel);
  if (st.isFIFO()) return { path: rel, kind: 'special', type: 'fifo' };
  if (st.isSocket()) return { path: rel, kind: 'special', type: 'socket' };
  if (st.isBlockDevice() || st.isCharacterDevice()) return { path: rel, kind: 'special', type: 'device' };
  return undefined;
}

/** Whether a folder can be listed now (a folder reported unreadable whose permissions may have been fixed). */
export function canList(root: string, rel: string): boolean {
  try {
    fs.readdirSync(rel === '.' ? root : path.join(root, rel));
    return true;
  } catch {
    return false; // still unreadable (or gone): the caller keeps what it has
  }
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p); // the root itself vanished: nothing inside will resolve either
  }
}

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}

/** Every record file with its stats, and what was seen but not listed, in one synchronous walk. */
export function walkRecordFiles(
  root: string,
  include: readonly string[],
  exclude: readonly string[],
  stats = true,
): { files: ListedFile[]; skipped: Skipped[] } {
  const walker = new RecordWalker(root, include, exclude, stats);
  const files = walker.next(Infinity);
  return { files, skipped: walker.takeSkipped() };
}
