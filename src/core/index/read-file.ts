import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_MAX_BYTES } from '../parse/decode';
import { indexBytes, indexTooLarge, type IndexOptions } from './index-file';
import { skippedEntry } from './skipped';
import type { FileEntry } from '../model/records';
import { describePath } from './walk';

/** One buffer per thread for the bytes of the file being read: records are small, and decoding copies them out. */
const SCRATCH = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads and indexes one file: open, fstat, read, close — what readFileSync does, with the stats kept (the
 * listing need not stat) and the bytes read into a reused buffer. A file that vanished between listing and
 * reading (a `git checkout` in progress), or is not a regular file (a folder, a FIFO, a socket, a symbolic
 * link — never followed), gives undefined: the walk reports those from the listing, and `indexPath` for one
 * path. Any other read error becomes a finding on the file.
 */
export function readAndIndex(root: string, rel: string, opts: IndexOptions): FileEntry | undefined {
  const abs = path.join(root, rel);
  let st: { mtimeMs: number; size: number } | undefined;
  let fd: number | undefined;
  let length = 0;
  let buf = SCRATCH;
  try {
    // Non-blocking, so that a FIFO named like a record cannot hang the thread in open(); reads of regular files ignore it.
    // O_NOFOLLOW: a path that became a link since it was listed (or that a file event names) is not followed
    // out of the folder; opening it fails with ELOOP.
    fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0));
    const s = fs.fstatSync(fd);
    if (!s.isFile()) return undefined;
    st = { mtimeMs: s.mtimeMs, size: s.size };
    // A huge file is not read at all: its size alone is the finding.
    if (st.size > (opts.maxBytes ?? DEFAULT_MAX_BYTES)) return indexTooLarge(rel, st, opts);
    // A rare large file gets a buffer of its own: growing the shared one would keep megabytes for good.
    if (st.size + 1 > buf.length) buf = Buffer.allocUnsafe(st.size + 1);
    // Read to the end even if the file grew since fstat (up to the buffer; the next change event reads it again).
    for (let n; length < buf.length && (n = fs.readSync(fd, buf, length, buf.length - length, null)) > 0;) length += n;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // ELOOP: a symbolic link (O_NOFOLLOW); ENXIO: a socket, which cannot be opened.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ELOOP' || code === 'ENXIO') return undefined;
    const at = { line: 0, col: 0 };
    return {
      path: rel,
      mtimeMs: st?.mtimeMs ?? 0,
      size: st?.size ?? 0,
      isRecordFile: true,
      records: [],
      unread: 'unreadable',
      findings: [{ code: 'unreadable', severity: 'error', message: `cannot read the file: ${code ?? String(err)}`, start: at, end: at }],
    };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return indexBytes(rel, buf.subarray(0, length), st, opts);
}

/**
 * One path as a file event names it: read and indexed, or — when it is a symbolic link, a FIFO, a socket or a
 * device — the entry that says so (one lstat more, only for paths that are not regular files). Undefined when
 * it is gone or a folder.
 */
export function indexPath(root: string, rel: string, opts: IndexOptions): FileEntry | undefined {
  // A path through a linked folder would be read outside the folder: the walk reports that link instead.
  if (rel.includes('/') && !sameFolder(root, path.dirname(rel))) return undefined;
  const entry = readAndIndex(root, rel, opts);
  if (entry) return entry;
  const skipped = describePath(root, rel);
  return skipped && skippedEntry(skipped, opts);
}

/** Whether `dir` (relative) is where it says, with no symbolic link on the way from the root. */
function sameFolder(root: string, dir: string): boolean {
  try {
    return fs.realpathSync(path.join(root, dir)) === path.join(fs.realpathSync(root), dir);
  } catch {
    return false; // gone, or cannot be resolved: nothing there to read
  }
}

export function workspaceFileExists(root: string): (rel: string) => boolean {
  return (rel) => {
    try {
      return fs.statSync(path.join(root, rel)).isFile();
    } catch {
      return false;
    }
  };
}
