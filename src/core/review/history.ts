/** The history of one record file, across renames, and its text at any revision. */
import { runGit } from '../git/run';
import { fromTop, repoPrefix, revPath } from './git-tree';

export interface HistoryEntry {
  commit: string;
  parents: string[];
  author: string;
  email: string;
  /** ISO 8601 author date. */
  date: string;
  subject: string;
  /** The file's path in that commit (follows renames), relative to the folder. */
  path: string;
  /** A, M, R100, D … */
  status: string;
}

const FORMAT = '%x1e%H%x00%P%x00%an%x00%ae%x00%aI%x00%s%x00';

/** `git log --follow` of one file, newest first, with the path as it was in each commit. */
export async function fileHistory(git: string, root: string, path: string, limit?: number): Promise<HistoryEntry[]> {
  const prefix = await repoPrefix(git, root);
  const args = ['--literal-pathspecs', 'log', '--follow', '-M', '--name-status', '-z', '--diff-merges=first-parent', '--no-color', `--format=${FORMAT}`];
  if (limit !== undefined) args.push(`--max-count=${Math.max(0, Math.floor(limit))}`);
  args.push('--', path);
  let r = await runGit(git, root, args);
  // git before 2.31 has no --diff-merges; without it a merge is listed with no file, which is handled below.
  if (r.code !== 0 && /diff-merges/.test(r.stderr))
    r = await runGit(
      git,
      root,
      args.filter((a) => !a.startsWith('--diff-merges')),
    );
  if (r.code !== 0) return [];
  const out: HistoryEntry[] = [];
  // The path as git sees it (top-level relative) in the commit being read; older commits may have another.
  let current = prefix + path.replace(/^\.\//, '');
  for (const chunk of r.stdout.split('\x1e')) {
    if (chunk === '') continue;
    const parts = chunk.split('\0');
    if (parts.length < 6) continue;
    const [commit, parents, author, email, date, subject] = parts;
    const files = parts
      .slice(6)
      .map((s) => s.replace(/^\n+/, ''))
      .filter((s) => s !== '');
    let status = 'M';
    let at = current;
    // --follow shows the one file's change: `M path`, `A path`, `D path` or `R100 old new`.
    if (files.length >= 2) {
      status = files[0];
      if (/^[RC]/.test(status) && files.length >= 3) {
        at = files[2];
        current = files[1];
      } else at = files[1];
    }
    out.push({ commit, parents: parents.split(' ').filter(Boolean), author, email, date, subject, path: fromTop(prefix, at), status });
  }
  return out;
}

/**
 * The text of a file at a revision (PATH relative to the folder), undefined when absent or not a file.
 * BOM stripped. `git cat-file blob REV:PATH` rather than `git show`, which would list a folder's entries.
 */
export async function fileAt(git: string, root: string, rev: string, path: string): Promise<string | undefined> {
  const r = await runGit(git, root, ['cat-file', 'blob', revPath(rev, path)]);
  if (r.code !== 0) return undefined;
  return r.stdout.charCodeAt(0) === 0xfeff ? r.stdout.slice(1) : r.stdout;
}
