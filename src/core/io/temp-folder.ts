/**
 * A scratch folder the tool makes and removes itself, inside a folder it may write (the repository's own git
 * directory, for a purge's files and a remote's fetched refs): created exclusively under a random name, and
 * removed only through a path that passes through no link, so removal can never reach outside it.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import { FileRefusal, mustResolveInside } from './paths';
import { makeFoldersInside } from './safe-fs';

/** Makes `relParent/prefix<random>` inside `root` and returns its relative path. */
export function makeTempFolder(root: string, relParent: string, prefix: string): string {
  makeFoldersInside(root, relParent);
  for (let attempt = 0; ; attempt++) {
    const rel = `${relParent}/${prefix}${randomBytes(6).toString('hex')}`;
    const { abs, stat } = mustResolveInside(root, rel);
    if (stat) continue;
    try {
      fs.mkdirSync(abs, { mode: 0o700 });
      return rel;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 20) throw err;
    }
  }
}

/** Removes a folder (and what is in it; links in it are removed, never followed) inside `root`. */
export function removeFolderInside(root: string, rel: string): void {
  const { abs, stat } = mustResolveInside(root, rel);
  if (!stat) return;
  if (!stat.isDirectory()) throw new FileRefusal('not-a-file', rel, `${rel} is not a folder`);
  fs.rmSync(abs, { recursive: true, force: true });
}
