/**
 * Several files changed as one step: every file is checked first (still what the change was built on, inside
 * the folder, not a link), and only then written; if a write fails midway, the files already written are put
 * back. A run of `number --write` or a batch execution therefore changes all its files or none.
 */
import * as fs from 'fs';
import { FileRefusal, mustResolveInside, newFileChecker, realFolder } from './paths';
import { deleteFileInside, flushNewFiles, readFileInside, writeFileInside } from './safe-fs';

export interface FileChange {
  /** Workspace-relative, `/`-separated. */
  path: string;
  /** The bytes the change was built on; null: the file must not exist yet. */
  before: Uint8Array | null;
  /** The new bytes; null: delete the file. */
  after: Uint8Array | null;
}

export type ChangeResult =
  | { ok: true; written: string[] }
  /** Nothing is left changed: `path` failed, with `error`; `restored` were written and put back. */
  | { ok: false; path: string; error: unknown; restored: string[]; unrestored: string[] };

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

/** Throws FileRefusal for the first file that is not as `before` says. */
export function verifyChanges(root: string, changes: readonly FileChange[], base = realFolder(root)): void {
  // New files (an import's thousands) with each folder checked once: each is checked in full again as it is written.
  const cannotCreate = newFileChecker(root, base);
  for (const c of changes) {
    if (c.before === null) {
      const refusal = cannotCreate(c.path);
      if (refusal) throw new FileRefusal(refusal, c.path);
      continue;
    }
    const { stat } = mustResolveInside(root, c.path, base);
    if (!stat) throw new FileRefusal('changed', c.path, `${c.path} no longer exists`);
    if (!stat.isFile()) throw new FileRefusal('not-a-file', c.path);
    if (!same(readFileInside(root, c.path), c.before)) throw new FileRefusal('changed', c.path);
  }
}

/** Checks every change, then makes them in order; on a failure the ones made are undone. */
export function applyChanges(root: string, changes: readonly FileChange[], o: { beforeEach?(path: string): void } = {}): ChangeResult {
  // The folder's real path once for the change, not once for each of its files and each check.
  let base: string;
  try {
    base = realFolder(root);
    verifyChanges(root, changes, base);
  } catch (error) {
    return { ok: false, path: error instanceof FileRefusal ? error.path : '', error, restored: [], unrestored: [] };
  }
  const done: { change: FileChange; mode?: number }[] = [];
  // Many new files (an import): made durable together at the end, not one sync each.
  const syncLater = changes.filter((c) => c.before === null && c.after !== null).length >= SYNC_TOGETHER_FROM;
  const created: string[] = [];
  for (const c of changes) {
    try {
      o.beforeEach?.(c.path);
      if (c.after === null) {
        const mode = fs.lstatSync(mustResolveInside(root, c.path).abs).mode & 0o7777;
        deleteFileInside(root, c.path, { expect: c.before ?? undefined });
        done.push({ change: c, mode });
      } else {
        writeFileInside(root, c.path, c.after, { overwrite: c.before !== null, expect: c.before, syncLater, base });
        done.push({ change: c });
        if (syncLater && c.before === null) created.push(c.path);
      }
    } catch (error) {
      const { restored, unrestored } = undo(root, done);
      return { ok: false, path: c.path, error, restored, unrestored };
    }
  }
  try {
    flushNewFiles(root, created);
  } catch (error) {
    const { restored, unrestored } = undo(root, done);
    return { ok: false, path: created[0] ?? '', error, restored, unrestored };
  }
  return { ok: true, written: changes.map((c) => c.path) };
}

/** New files from which a change syncs them all at once at its end. */
const SYNC_TOGETHER_FROM = 32;

function undo(root: string, done: { change: FileChange; mode?: number }[]): { restored: string[]; unrestored: string[] } {
  const restored: string[] = [];
  const unrestored: string[] = [];
  for (const { change: c, mode } of done.reverse()) {
    try {
      if (c.before === null) deleteFileInside(root, c.path, { expect: c.after ?? undefined });
      else if (c.after === null) {
        writeFileInside(root, c.path, c.before, { expect: null });
        if (mode !== undefined) fs.chmodSync(mustResolveInside(root, c.path).abs, mode);
      } else writeFileInside(root, c.path, c.before, { overwrite: true, expect: c.after });
      restored.push(c.path);
    } catch {
      // Someone changed it again meanwhile: theirs is kept, and the caller reports the file as not restored.
      unrestored.push(c.path);
    }
  }
  return { restored, unrestored };
}
