/** Making what the write path wrote durable (safe-fs.ts): files and the folders their names are in, synced. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { mustResolveInside } from './paths';
import { NOFOLLOW, NONBLOCK } from './safe-read';

/**
 * Makes files written with `syncLater` durable: on Linux one `sync --file-system` of the folder's file system
 * (a single flush of the journal), elsewhere — or when that cannot run — each file and each of their folders
 * synced in turn.
 */
export function flushNewFiles(root: string, rels: readonly string[]): void {
  if (!rels.length) return;
  if (process.platform === 'linux') {
    const r = spawnSync('sync', ['--file-system', root], { stdio: 'ignore', timeout: 120_000 });
    if (r.status === 0) return;
  }
  const dirs = new Set<string>();
  for (const rel of rels) {
    const { abs } = mustResolveInside(root, rel);
    const fd = fs.openSync(abs, fs.constants.O_RDONLY | NOFOLLOW | NONBLOCK);
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    dirs.add(path.dirname(abs));
  }
  for (const dir of dirs) syncFolder(dir);
}

/** A file system that cannot sync a folder says so with one of these: not an error. */
const CANNOT_SYNC_FOLDER = new Set(['EISDIR', 'EINVAL', 'EPERM', 'EBADF']);

/** The rename is durable only once the folder is synced; some file systems cannot, which is not an error. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, fs.constants.O_RDONLY);
    fs.fsyncSync(fd);
  } catch (err) {
    if (!CANNOT_SYNC_FOLDER.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** fsync by the thread pool: the calling thread is not held while the disk catches up. */
export const fsyncAsync = (fd: number) => new Promise<void>((resolve, reject) => fs.fsync(fd, (err) => (err ? reject(err) : resolve())));

/** syncFolder by the thread pool. */
export async function syncFolderAsync(dir: string): Promise<void> {
  const fd = fs.openSync(dir, fs.constants.O_RDONLY);
  try {
    await fsyncAsync(fd);
  } catch (err) {
    if (!CANNOT_SYNC_FOLDER.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
  } finally {
    fs.closeSync(fd);
  }
}
