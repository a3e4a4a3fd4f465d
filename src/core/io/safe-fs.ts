/**
 * The one way the tool writes, deletes and reads files it changes. Every path is resolved inside the folder
 * without following a link (paths.ts); a file is replaced through a temp file created exclusively (`O_EXCL`,
 * so a planted link or file at the temp name is never followed or reused) that takes the original's mode and
 * owner, is synced, and renamed over it; a file with other hard links, or one whose owner this process cannot
 * give a file, is rewritten in place instead, so its links and owner stay. Nothing is replaced unless the
 * caller asks, and a caller that says what it read gets a refusal if the file changed since.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { FileRefusal, mustResolveInside, pathSyntaxProblem } from './paths';
import { fsyncAsync, syncFolder, syncFolderAsync } from './durable';
import { NOFOLLOW, NONBLOCK, readFd, relabel, sameBytes, sameFile } from './safe-read';

export { flushNewFiles } from './durable';
export { readFileInside, readFileWithStat, tryReadFileInside } from './safe-read';

export interface WriteOptions {
  /** Replace an existing file; without it an existing file is refused ('exists'). */
  overwrite?: boolean;
  /**
   * What the caller read and built its change on: the bytes the file must still hold, or null for "must not
   * exist". Anything else is refused ('changed').
   */
  expect?: Uint8Array | null;
  /** Temp names to try, one per call (tests plant links at them); default: random. */
  tempName?: (base: string) => string;
  /**
   * A new file's bytes and name may reach the disk later: the caller makes them durable with `flushNewFiles`
   * before it reports them written. For a change of many new files, where a sync per file was nearly all the
   * time (3,000 files: 5.4 s synced one by one, 0.2 s unsynced). A replaced file is always synced before its
   * rename, so a crash never leaves an emptied record where there was one.
   */
  syncLater?: boolean;
  /** The mode of a new file (before the umask); default 0o666. A replaced file keeps its own. */
  newFileMode?: number;
  /** The folder's real path (paths.realFolder), when the caller writes many files into it. */
  base?: string;
}

/** Random bytes for temp names, drawn a page at a time: one call for each name cost more than the write. */
const random = { pool: Buffer.alloc(0), at: 0 };

function randomHex(n: number): string {
  if (random.at + n > random.pool.length) [random.pool, random.at] = [randomBytes(4096), 0];
  random.at += n;
  return random.pool.toString('hex', random.at - n, random.at);
}

function randomTempName(base: string): string {
  // Short enough for any file-name limit, dot-first and not ending like a record, so no glob takes it for one.
  return `.${base.slice(0, 60)}.${randomHex(8)}.rc-tmp`;
}

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/**
 * Creates the missing folders of `relDir` one at a time; an existing one must be a real folder, not a link.
 * One walk down from the folder: each component is checked with lstat once (a folder made here is checked
 * again before anything goes into it), not the whole path again for each component.
 */
export function makeFoldersInside(root: string, relDir: string, base?: string): void {
  if (relDir === '' || relDir === '.') return;
  const syntax = pathSyntaxProblem(relDir);
  if (syntax) throw new FileRefusal(syntax, relDir);
  const segs = relDir.split('/');
  let cur = base ?? fs.realpathSync(root);
  for (let i = 0; i < segs.length; i++) {
    const next = path.join(cur, segs[i]);
    const rel = segs.slice(0, i + 1).join('/');
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(next, { throwIfNoEntry: false });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') throw new FileRefusal('not-a-file', rel, `${rel} is not a folder`);
      throw err;
    }
    if (!stat) {
      try {
        fs.mkdirSync(next);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      i--; // made (here or meanwhile): check it before going in
      continue;
    }
    if (stat.isSymbolicLink()) throw new FileRefusal('symlink', rel);
    if (!stat.isDirectory()) throw new FileRefusal('not-a-file', rel, `${rel} is not a folder`);
    cur = next;
  }
}

function check(rel: string, abs: string, stat: fs.Stats | undefined, o: WriteOptions): void {
  if (stat && !stat.isFile()) throw new FileRefusal('not-a-file', rel);
  if (stat && !o.overwrite) throw new FileRefusal('exists', rel);
  if (o.expect === undefined) return;
  if (o.expect === null) {
    if (stat) throw new FileRefusal('changed', rel);
  } else if (!stat || !sameBytes(readFd(abs).bytes, o.expect)) throw new FileRefusal('changed', rel);
}

/** Writes a file inside the folder (see the module comment for how). Throws FileRefusal when it may not. */
export function writeFileInside(root: string, rel: string, data: string | Uint8Array, o: WriteOptions = {}): void {
  if (o.syncLater && o.base !== undefined && o.expect === null && !o.overwrite && !o.tempName && writeNewChecked(rel, toBytes(data), o.base, o.newFileMode))
    return;
  const { abs, stat, inFolder } = mustResolveInside(root, rel, o.base);
  try {
    check(rel, abs, stat, o);
  } catch (err) {
    throw relabel(err, rel);
  }
  const bytes = toBytes(data);
  // Its folders just checked and there: nothing to make (an import writes thousands of files into a few folders).
  if (!stat && !inFolder) makeFoldersInside(root, path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel), o.base);
  if (stat && stat.nlink > 1) {
    writeInPlace(rel, abs, bytes, stat);
    return;
  }
  const dir = path.dirname(abs);
  const { fd, tmp } = openTemp(dir, path.basename(abs), stat ? 0o600 : (o.newFileMode ?? 0o666), o.tempName ?? randomTempName);
  let kept = false;
  try {
    try {
      writeAll(fd, bytes);
      if (stat && !giveOwnerAndMode(fd, stat)) {
        // This process cannot give the file its owner back: rewriting in place keeps owner and mode.
        fs.closeSync(fd);
        fs.unlinkSync(tmp);
        kept = true;
        writeInPlace(rel, abs, bytes, stat);
        return;
      }
      if (!(o.syncLater && !stat)) fs.fsyncSync(fd);
    } finally {
      if (!kept) fs.closeSync(fd);
    }
    if (stat) {
      // Still the file that was checked (not swapped for a link or another file meanwhile).
      const now = fs.lstatSync(abs, { throwIfNoEntry: false });
      if (!now || now.isSymbolicLink() || !sameFile(now, stat)) throw new FileRefusal('changed', rel);
      fs.renameSync(tmp, abs);
    } else {
      linkNew(tmp, abs, rel, () => bytes, !o.syncLater, o.newFileMode);
    }
    kept = true;
    if (!(o.syncLater && !stat)) syncFolder(dir);
  } finally {
    if (!kept) fs.rmSync(tmp, { force: true });
  }
}

/** Where the kernel says an open file is (Linux); undefined where it cannot say. */
function openedAt(fd: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/**
 * A new file of a change of many (an import's 100,000), checked after its temp file is created rather than
 * before: the kernel's own path of the open temp file (Linux, /proc/self/fd) must be the path as written
 * under the folder's real path, which no link anywhere on the way allows — what checking each component
 * with lstat tells, for one call instead of one per component, and about the file as made rather than the
 * path a moment before. Then linked to its name as every new file is (never replacing anything). False
 * when it cannot tell (no /proc, a folder missing, the path not as written): the caller writes it the
 * ordinary way, which checks each component and says why it refuses.
 */
function writeNewChecked(rel: string, bytes: Uint8Array, base: string, mode = 0o666): boolean {
  if (process.platform !== 'linux' || pathSyntaxProblem(rel)) return false;
  const abs = (base.endsWith(path.sep) ? base.slice(0, -1) : base) + path.sep + rel;
  const dir = path.dirname(abs);
  let opened: { fd: number; tmp: string };
  try {
    opened = openTemp(dir, path.basename(abs), mode, randomTempName);
  } catch {
    return false; // a folder to make, or something in the way: the ordinary write says which
  }
  const { fd, tmp } = opened;
  const at = openedAt(fd);
  if (at !== tmp) {
    fs.closeSync(fd);
    // Where it was made (through a link, if one was planted): only this process's fresh temp file is removed.
    if (at !== undefined && !at.endsWith(' (deleted)')) fs.rmSync(at, { force: true });
    else fs.rmSync(tmp, { force: true });
    return false;
  }
  let kept = false;
  try {
    try {
      writeAll(fd, bytes);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.linkSync(tmp, abs);
    } catch {
      // Taken (the ordinary write refuses it, saying why), or no hard links here (it creates the name another way).
      return false;
    }
    fs.unlinkSync(tmp);
    kept = true;
    return true;
  } finally {
    if (!kept) fs.rmSync(tmp, { force: true });
  }
}

/** A new file appears whole or not at all: link() fails if anything took the name meanwhile. */
function linkNew(tmp: string, abs: string, rel: string, bytes: () => Uint8Array, sync = true, mode = 0o666): void {
  try {
    fs.linkSync(tmp, abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileRefusal('exists', rel);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
    // A file system without hard links: create the name exclusively and write into it.
    const fd = fs.openSync(abs, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NOFOLLOW, mode);
    try {
      writeAll(fd, bytes());
      if (sync) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
  fs.unlinkSync(tmp);
}

function openTemp(dir: string, base: string, mode: number, name: (base: string) => string): { fd: number; tmp: string } {
  const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NOFOLLOW;
  for (let attempt = 0; ; attempt++) {
    const tmp = path.join(dir, name(base));
    if (path.dirname(tmp) !== dir) throw new Error(`temp name leaves the folder: ${tmp}`);
    try {
      return { fd: fs.openSync(tmp, flags, mode), tmp };
    } catch (err) {
      // Something is at that name (a file, a planted link): never touch it, try another name.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 20) throw err;
    }
  }
}

/** chown first (it clears set-id bits), then chmod; false when the owner cannot be given (not root). */
function giveOwnerAndMode(fd: number, stat: fs.Stats): boolean {
  const mine = process.getuid?.() === stat.uid && process.getgid?.() === stat.gid;
  if (!mine) {
    try {
      fs.fchownSync(fd, stat.uid, stat.gid);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPERM' || code === 'EINVAL') return false;
      throw err;
    }
  }
  fs.fchmodSync(fd, stat.mode & 0o7777);
  return true;
}

/** Rewrites the file's own inode: hard links, owner, mode and extended attributes stay as they are. */
function writeInPlace(rel: string, abs: string, bytes: Uint8Array, stat: fs.Stats): void {
  const fd = fs.openSync(abs, fs.constants.O_WRONLY | NOFOLLOW | NONBLOCK);
  try {
    const now = fs.fstatSync(fd);
    if (!now.isFile() || !sameFile(now, stat)) throw new FileRefusal('changed', rel);
    writeAll(fd, bytes, 0);
    fs.ftruncateSync(fd, bytes.length);
    fs.fsyncSync(fd);
  } catch (err) {
    throw relabel(err, rel);
  } finally {
    fs.closeSync(fd);
  }
}

function writeAll(fd: number, bytes: Uint8Array, position?: number): void {
  let off = 0;
  while (off < bytes.length) {
    off += fs.writeSync(fd, bytes, off, bytes.length - off, position === undefined ? null : position + off);
  }
}

/** Deletes a regular file inside the folder (never a link, a folder or what a link points to). */
export function deleteFileInside(root: string, rel: string, o: { expect?: Uint8Array } = {}): void {
  const { abs, stat } = mustResolveInside(root, rel);
  if (!stat) throw new FileRefusal('changed', rel, `${rel} does not exist`);
  if (!stat.isFile()) throw new FileRefusal('not-a-file', rel);
  if (o.expect !== undefined && !sameBytes(readFd(abs).bytes, o.expect)) throw new FileRefusal('changed', rel);
  const now = fs.lstatSync(abs);
  if (now.isSymbolicLink() || !sameFile(now, stat)) throw new FileRefusal('changed', rel);
  fs.unlinkSync(abs);
  syncFolder(path.dirname(abs));
}

/**
 * A file the user named on the command line (`--out`): it may be anywhere, but it is written the same
 * way — never through a link at that name, never replacing a file without `overwrite`.
 */
export function writeOutputFile(abs: string, data: string | Uint8Array, o: { overwrite?: boolean } = {}): void {
  writeFileInside(path.dirname(abs), path.basename(abs), data, { overwrite: o.overwrite });
}

const writeAsync = (fd: number, b: Uint8Array, off: number) =>
  new Promise<number>((resolve, reject) => fs.write(fd, b, off, b.length - off, null, (err, n) => (err ? reject(err) : resolve(n))));

/**
 * writeOutputFile for the extension host, which must not be held while megabytes reach the disk: the same
 * checks, temp file, rename or link, but the bytes are written (in the caller's chunks, so nobody builds one
 * string of the whole export) and synced by the thread pool. A file with other hard links, or another owner,
 * is left to writeOutputFile (rewritten in place, which keeps them): rare for a file chosen to save into.
 */
export async function writeOutputFileAsync(abs: string, chunks: readonly Uint8Array[], o: { overwrite?: boolean } = {}): Promise<void> {
  const root = path.dirname(abs);
  const rel = path.basename(abs);
  const { abs: target, stat } = mustResolveInside(root, rel);
  try {
    check(rel, target, stat, { overwrite: o.overwrite });
  } catch (err) {
    throw relabel(err, rel);
  }
  const whole = () => Buffer.concat(chunks);
  if (stat && (stat.nlink > 1 || process.getuid?.() !== stat.uid || process.getgid?.() !== stat.gid)) {
    writeOutputFile(abs, whole(), o);
    return;
  }
  const dir = path.dirname(target);
  const { fd, tmp } = openTemp(dir, rel, stat ? 0o600 : 0o666, randomTempName);
  let kept = false;
  try {
    try {
      for (const chunk of chunks) for (let off = 0; off < chunk.length;) off += await writeAsync(fd, chunk, off);
      if (stat) fs.fchmodSync(fd, stat.mode & 0o7777);
      await fsyncAsync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (stat) {
      const now = fs.lstatSync(target, { throwIfNoEntry: false });
      if (!now || now.isSymbolicLink() || !sameFile(now, stat)) throw new FileRefusal('changed', rel);
      fs.renameSync(tmp, target);
    } else {
      linkNew(tmp, target, rel, whole);
    }
    kept = true;
    await syncFolderAsync(dir);
  } finally {
    if (!kept) fs.rmSync(tmp, { force: true });
  }
}

/**
 * Overwrites a regular file inside the folder with random bytes, syncs, then deletes it: a destroyed key
 * leaves no copy in the file's own blocks (a journal, a snapshot or an SSD's spare blocks are beyond any
 * program; the README says so).
 */
export function shredFileInside(root: string, rel: string): void {
  const { abs, stat } = mustResolveInside(root, rel);
  if (!stat) throw new FileRefusal('changed', rel, `${rel} does not exist`);
  if (!stat.isFile()) throw new FileRefusal('not-a-file', rel);
  const fd = fs.openSync(abs, fs.constants.O_WRONLY | NOFOLLOW | NONBLOCK);
  try {
    const now = fs.fstatSync(fd);
    if (!sameFile(now, stat)) throw new FileRefusal('changed', rel);
    fs.writeSync(fd, randomBytes(Math.max(1, now.size)), 0, Math.max(1, now.size), 0);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  deleteFileInside(root, rel);
}
