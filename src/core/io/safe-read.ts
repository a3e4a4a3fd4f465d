/**
 * How the write path reads (safe-fs.ts): a file inside the folder through an fd opened without following a
 * link, its stats from the open file; and the comparisons a write makes with what the caller read.
 */
import * as fs from 'fs';
import { FileRefusal, mustResolveInside } from './paths';

export const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
export const NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.length), Buffer.from(b.buffer, b.byteOffset, b.length)) === 0;
}

export function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** Reads a regular file through an fd opened without following a link; its stats come from the open file. */
export function readFd(abs: string): { bytes: Buffer; stat: fs.Stats } {
  const fd = fs.openSync(abs, fs.constants.O_RDONLY | NOFOLLOW | NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new FileRefusal('not-a-file', abs);
    const chunks: Buffer[] = [];
    const buf = Buffer.allocUnsafe(Math.max(1, Math.min(stat.size + 1, 1 << 20)));
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) chunks.push(Buffer.from(buf.subarray(0, n)));
    return { bytes: Buffer.concat(chunks), stat };
  } finally {
    fs.closeSync(fd);
  }
}

/** A file inside the folder, read without following links. */
export function readFileInside(root: string, rel: string): Buffer {
  return readFileWithStat(root, rel).bytes;
}

/** The same, with the stats of the file read (from the open file, so they belong to these bytes). */
export function readFileWithStat(root: string, rel: string): { bytes: Buffer; stat: fs.Stats } {
  const { abs, stat } = mustResolveInside(root, rel);
  if (stat && !stat.isFile()) throw new FileRefusal('not-a-file', rel);
  try {
    return readFd(abs);
  } catch (err) {
    throw relabel(err, rel);
  }
}

/** The bytes of a file inside the folder, or undefined when it is absent or refused (a link, not a file, outside). */
export function tryReadFileInside(root: string, rel: string): Buffer | undefined {
  try {
    return readFileInside(root, rel);
  } catch (err) {
    if (err instanceof FileRefusal || (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export function relabel(err: unknown, rel: string): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  // O_NOFOLLOW on a link that appeared after the check.
  if (code === 'ELOOP' || code === 'EMLINK') return new FileRefusal('symlink', rel);
  if (err instanceof FileRefusal) return new FileRefusal(err.reason, rel);
  return err;
}
