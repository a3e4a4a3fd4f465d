/** What a change to the records amounts to, for a reviewer: record by record, and the findings it brings or removes. */
import type { Lang } from '../model/lang';
import { SCHEMA_PATH } from '../schema/load';
import { readWorkspaceSchema } from '../schema/workspace';
import { changedFiles, recordChanges } from './changes';
import { compareFindings, revisionFindings } from './findings';
import { resolveCommit } from './git-tree';
import { fileAt } from './history';

export { summaryMarkdown } from './markdown';
import type { DiffSummary } from './types';

async function commitOf(git: string, root: string, rev: string): Promise<string> {
  const id = await resolveCommit(git, root, rev);
  if (!id) throw new Error(`unknown revision or not a commit: ${rev}`);
  return id;
}

/**
 * Findings at BASE vs at HEAD (each revision's record files read from git, its own schema, the same rules
 * and cross-file checks as `check`), compared by (path, code, message) — a finding whose line moved is not
 * "new"; a renamed file's findings follow it. Records compared with HEAD's schema.
 */
export async function diffSummary(git: string, root: string, base: string, head: string, lang: Lang): Promise<DiffSummary> {
  const baseId = await commitOf(git, root, base);
  const headId = await commitOf(git, root, head);
  const records = await recordChanges(git, root, baseId, headId, await fileAt(git, root, headId, SCHEMA_PATH));
  const renamed = new Map<string, string>();
  for (const f of await changedFiles(git, root, baseId, headId)) if (f.oldPath !== undefined) renamed.set(f.oldPath, f.path);
  const [before, after] = await Promise.all([revisionFindings(git, root, baseId, lang), revisionFindings(git, root, headId, lang)]);
  return { base, head, records, ...compareFindings(before, after, renamed) };
}

/** Record changes from BASE to the working tree (untracked files included); findings are compared between commits only. */
export async function worktreeSummary(git: string, root: string, base: string): Promise<DiffSummary> {
  const baseId = await commitOf(git, root, base);
  const records = await recordChanges(git, root, baseId, undefined, readWorkspaceSchema(root).text);
  return { base, head: 'working tree', records, introduced: [], fixed: [], worktree: true };
}
