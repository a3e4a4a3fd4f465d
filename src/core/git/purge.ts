import { runGit } from './run';

export interface Reachability {
  path: string;
  /** The newest commit, on any ref, that has this path in its history; undefined when none does. */
  commit?: string;
  refs: string[];
}

/**
 * Which paths are still in the repository's history, from any ref (branches, tags, stash, and
 * refs/original left by filter-branch): a file deleted in the working tree is still there until the
 * history is rewritten.
 */
export async function reachable(git: string, root: string, paths: readonly string[]): Promise<Reachability[]> {
  const out: Reachability[] = [];
  for (const p of paths) {
    const r = await runGit(git, root, ['rev-list', '--all', '--', p]);
    const commits = r.code === 0 ? r.stdout.split('\n').map((s) => s.trim()).filter(Boolean) : [];
    const commit = commits[0];
    let refs: string[] = [];
    if (commit) {
      // Every ref that holds the oldest commit touching the path holds the file in its history.
      const c = await runGit(git, root, ['for-each-ref', '--contains', commits[commits.length - 1], '--format=%(refname)']);
      refs = c.stdout.split('\n').map((s) => s.trim()).filter(Boolean);
    }
    out.push({ path: p, commit, refs });
  }
  return out;
}

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The exact commands that purge paths from history, and what must also happen outside this clone. */
export function purgeInstructions(paths: readonly string[], hasFilterRepo: boolean): { commands: string[]; alternative: string[]; after: string[] } {
  const filterRepo = ['git filter-repo --force --invert-paths ' + paths.map((p) => `--path ${sh(p)}`).join(' ')];
  const filterBranch = [
    `git filter-branch --force --index-filter ${sh(`git rm --cached --ignore-unmatch -- ${paths.map(sh).join(' ')}`)} --prune-empty --tag-name-filter cat -- --all`,
    "git for-each-ref --format='delete %(refname)' refs/original | git update-ref --stdin",
    'git reflog expire --expire=now --all',
    'git gc --prune=now --aggressive',
  ];
  const after = [
    'git push --force --all <remote>   # every remote that has these commits',
    'git push --force --tags <remote>',
    'Ask the hosting service to remove cached views, pull-request refs and forks holding the old commits.',
    'Every clone must be deleted and cloned again (a pull keeps the old objects).',
    'Purge or re-create backups made before the rewrite; record who did it and when.',
  ];
  return hasFilterRepo ? { commands: filterRepo, alternative: filterBranch, after } : { commands: filterBranch, alternative: filterRepo, after };
}

export async function hasFilterRepo(git: string, root: string): Promise<boolean> {
  const r = await runGit(git, root, ['filter-repo', '--version']);
  return r.code === 0;
}
