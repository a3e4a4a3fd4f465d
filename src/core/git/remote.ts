/**
 * "The remote is clean" measured, not assumed: the remote's refs are fetched into a scratch bare repository
 * inside this repository's git directory (never into this repository, which would bring the old objects back)
 * and checked there the same way; the scratch repository is removed afterwards. A fetch sees only what the
 * remote's refs reach: objects a hosting service keeps unreachable are for it to prune.
 */
import * as path from 'path';
import type { Schema } from '../model/schema';
import { makeTempFolder, removeFolderInside } from '../io/temp-folder';
import { findSurvivors, type Survivor } from './purge';
import type { RepoInfo } from './repo';
import { runGit } from './run';
import type { DestroyedBatch } from './targets';
import type { WorkingTree } from './worktree';

export interface RemoteCheck {
  /** As asked: a remote's name, or a URL or path. */
  name: string;
  url: string;
  /** Undefined when the remote could be fetched and checked. */
  error?: string;
  refs: number;
  commits: number;
  blobs: number;
  survivors: Survivor[];
}

/** The remote's URL: a configured remote's, or the argument itself when it is a URL or a path. */
export async function remoteUrl(info: RepoInfo, spec: string): Promise<string | undefined> {
  if (spec.startsWith('-')) return undefined;
  const r = await runGit(info.git, info.top, ['remote', 'get-url', spec]);
  const url = r.code === 0 ? r.stdout.trim() : /[/:\\]/.test(spec) ? spec : undefined;
  if (!url) return undefined;
  // A local path is read from the scratch repository's folder: made absolute against the top level first.
  const local = !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^[^/]+@[^/]+:/.test(url) && !/^[a-z]:[\\/]/i.test(url) && !url.startsWith('/');
  return local ? path.resolve(info.top, url) : url;
}

/** The names of the repository's remotes. */
export async function remoteNames(info: RepoInfo): Promise<string[]> {
  const r = await runGit(info.git, info.top, ['remote']);
  return r.stdout
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function checkRemote(local: RepoInfo, spec: string, batches: readonly DestroyedBatch[], schema: Schema, tree: WorkingTree): Promise<RemoteCheck> {
  const url = await remoteUrl(local, spec);
  const base: RemoteCheck = { name: spec, url: url ?? '', refs: 0, commits: 0, blobs: 0, survivors: [] };
  if (!url) return { ...base, error: `no remote named ${spec}` };
  const rel = makeTempFolder(local.gitDir, 'records-curator', 'remote-');
  const dir = path.join(local.gitDir, ...rel.split('/'));
  try {
    const env = { GIT_DIR: dir };
    const init = await runGit(local.git, dir, ['init', '--bare', '--quiet', dir], { env });
    if (init.code !== 0) return { ...base, error: init.stderr.trim() };
    const fetch = await runGit(local.git, dir, ['fetch', '--quiet', '--no-tags', '--', url, '+refs/*:refs/*'], { env });
    if (fetch.code !== 0) return { ...base, error: fetch.stderr.trim() || `git fetch exited with ${fetch.code}` };
    const refs = await runGit(local.git, dir, ['for-each-ref', '--format=%(refname)'], { env });
    const info: RepoInfo = { git: local.git, root: dir, top: dir, prefix: '', gitDir: dir, format: local.format };
    const found = await findSurvivors(info, batches, schema, tree, local);
    return {
      ...base,
      refs: refs.stdout.split('\n').filter(Boolean).length,
      commits: found.history.commits,
      blobs: new Set(found.targets.flatMap((t) => [...t.blobs])).size,
      survivors: found.survivors,
    };
  } finally {
    removeFolderInside(local.gitDir, rel);
  }
}
