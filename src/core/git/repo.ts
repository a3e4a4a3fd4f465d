/**
 * What a purge check must know of the repository before it can say anything: where its top level and object
 * database are, where the workspace folder sits below the top, and whether it has all of history at all — a
 * shallow or partial clone cannot prove that an object is absent, only that it was never fetched.
 */
import * as path from 'path';
import type { ObjectFormat } from './objects';
import { runGit } from './run';

export interface RepoInfo {
  git: string;
  /** The workspace folder. */
  root: string;
  /** The repository's top level (absolute). */
  top: string;
  /** The folder below the top level: '' or ending in '/'. */
  prefix: string;
  /** The common git directory (absolute): temporary files of a purge go here, never elsewhere. */
  gitDir: string;
  format: ObjectFormat;
  /** The commit HEAD names; undefined before the first commit. */
  head?: string;
  /** Why history here is incomplete (shallow, partial clone), when it is. */
  incomplete?: 'shallow' | 'partial';
}

/** The repository `root` is in, or undefined when it is not in one (or git cannot be run). */
export async function repoInfo(git: string, root: string): Promise<RepoInfo | undefined> {
  const r = await runGit(git, root, ['rev-parse', '--show-toplevel', '--show-prefix', '--git-common-dir', '--is-shallow-repository']);
  if (r.code !== 0) return undefined;
  const [top, prefix, common, shallow] = r.stdout.split('\n');
  if (!top || shallow === undefined) return undefined;
  const fmt = await runGit(git, root, ['rev-parse', '--show-object-format']);
  const head = await runGit(git, root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const promisor = await runGit(git, root, ['config', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$']);
  const partial = promisor.code === 0 && promisor.stdout.trim() !== '';
  return {
    git,
    root,
    top,
    prefix,
    gitDir: path.resolve(root, common),
    format: fmt.code === 0 && fmt.stdout.trim() === 'sha256' ? 'sha256' : 'sha1',
    head: head.code === 0 ? head.stdout.trim() : undefined,
    incomplete: shallow.trim() === 'true' ? 'shallow' : partial ? 'partial' : undefined,
  };
}

/** A workspace-relative path as git prints it from the top level. */
export const toTop = (info: Pick<RepoInfo, 'prefix'>, rel: string): string => info.prefix + rel;

/** A path git printed from the top level, relative to the workspace folder (`../…` when it is outside). */
export function fromTop(info: Pick<RepoInfo, 'prefix'>, topPath: string): string {
  if (info.prefix === '') return topPath;
  return topPath.startsWith(info.prefix) ? topPath.slice(info.prefix.length) : path.posix.relative(info.prefix.replace(/\/$/, ''), topPath);
}
