import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_MAX_BYTES } from '../parse/decode';
import { indexBytes, indexTooLarge, type IndexOptions } from './index-file';
import type { FileEntry } from './types';

/** One buffer per thread for the bytes of the file being read: records are small, and decoding copies them out. */
const SCRATCH = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads and indexes one file: open, fstat, read, close — what readFileSync does, with the stats kept (the
 * listing need not stat) and the bytes read into a reused buffer. A file that vanished between listing and
 * reading (a `git checkout` in progress), or is not a regular file (a folder, a FIFO), gives undefined; any other read error
 * becomes a finding on the file.
 */
export function readAndIndex(root: string, rel: string, opts: IndexOptions): FileEntry | undefined {
  const abs = path.join(root, rel);
  let st: { mtimeMs: number; size: number } | undefined;
  let fd: number | undefined;
  let length = 0;
  let buf = SCRATCH;
  try {
    // Non-blocking, so that a FIFO named like a record cannot hang the thread in open(); reads of regular files ignore it.
    fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const s = fs.fstatSync(fd);
    if (!s.isFile()) return undefined;
    st = { mtimeMs: s.mtimeMs, size: s.size };
    // A huge file is not read at all: its size alone is the finding.
    if (st.size > (opts.maxBytes ?? DEFAULT_MAX_BYTES)) return indexTooLarge(rel, st, opts);
    // A rare large file gets a buffer of its own: growing the shared one would keep megabytes for good.
    if (st.size + 1 > buf.length) buf = Buffer.allocUnsafe(st.size + 1);
    // Read to the end even if the file grew since fstat (up to the buffer; the next change event reads it again).
    for (let n; length < buf.length && (n = fs.readSync(fd, buf, length, buf.length - length, null)) > 0; ) length += n;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    const at = { line: 0, col: 0 };
    return {
      path: rel, mtimeMs: st?.mtimeMs ?? 0, size: st?.size ?? 0, isRecordFile: true, records: [],
      findings: [{ code: 'unreadable', severity: 'error', message: `cannot read the file: ${code ?? String(err)}`, start: at, end: at }],
    };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return indexBytes(rel, buf.subarray(0, length), st, opts);
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
