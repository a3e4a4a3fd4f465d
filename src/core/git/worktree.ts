/**
 * What the folder holds now, by content: the blob id of every file in the working tree (tracked files from
 * the index unless modified, modified and untracked ones hashed here) and of every staged entry. "No current
 * tree holds its text" is asked of this; so is whether a version found in history belongs to a live file.
 */
import { tryReadFileInside } from '../io/safe-fs';
import { blobId } from './objects';
import { pacer } from './pace';
import type { RepoInfo } from './repo';
import { runGit } from './run';

export interface WorkingTree {
  /** Workspace-relative paths by the blob id of their content now. */
  byBlob: Map<string, string[]>;
  /** Workspace-relative path → blob id, for every file in the folder. */
  byPath: Map<string, string>;
  /** Blob ids staged in the index (kept by gc even when no commit holds them), with their paths. */
  staged: Map<string, string[]>;
}

const zsplit = (s: string) => s.split('\0').filter(Boolean);

export async function workingTree(info: RepoInfo): Promise<WorkingTree> {
  const { git, root } = info;
  const staged = new Map<string, string[]>();
  const byPath = new Map<string, string>();
  const idx = await runGit(git, root, ['-c', 'core.quotePath=false', 'ls-files', '-s', '-z']);
  const pace = pacer();
  for (const line of zsplit(idx.stdout)) {
    await pace();
    const tab = line.indexOf('\t');
    const [mode, blob] = line.slice(0, tab).split(' ');
    if (!/^100[0-7]{3}$/.test(mode)) continue;
    const p = line.slice(tab + 1);
    staged.set(blob, [...(staged.get(blob) ?? []), p]);
    byPath.set(p, blob);
  }
  // Modified (including deleted) and untracked files: their bytes now, read without following a link.
  const changed = await runGit(git, root, ['-c', 'core.quotePath=false', 'ls-files', '-m', '-o', '--exclude-standard', '-z']);
  for (const p of new Set(zsplit(changed.stdout))) {
    await pace();
    const bytes = readQuietly(root, p);
    if (bytes) byPath.set(p, blobId(bytes, info.format));
    else byPath.delete(p);
  }
  const byBlob = new Map<string, string[]>();
  for (const [p, b] of byPath) byBlob.set(b, [...(byBlob.get(b) ?? []), p]);
  return { byBlob, byPath, staged };
}

/** A file's bytes, or undefined when it cannot be read (gone, a link, no permission): it then holds nothing. */
export function readQuietly(root: string, rel: string): Buffer | undefined {
  try {
    return tryReadFileInside(root, rel);
  } catch {
    return undefined;
  }
}
