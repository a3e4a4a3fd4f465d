/**
 * One purge check of a folder, the same for the command line and the editor: the repository, the remotes
 * asked for, personal numbers left in history (with `pi`), and the purge that would make it clean.
 */
import type { Verification } from '../disposal/certificate';
import type { Schema } from '../model/schema';
import type { History } from './history';
import { personalInfoInHistory, plainNow, type PiLeak } from './pi-history';
import { findSurvivors, executedBatches, type PurgeCheck } from './purge';
import { planPurge, inFolder, type Bilingual, type PurgePlan } from './purge-plan';
import { purgeCommands, runPurge, type PurgeRun } from './purge-run';
import { checkRemote, remoteNames, type RemoteCheck } from './remote';
import type { ReportInput } from './report';
import { repoInfo, type RepoInfo } from './repo';
import { runGit } from './run';
import { batchIdOf } from './targets';
import { workingTree } from './worktree';

export interface AuditOptions {
  /** Remote names or URLs to check too. */
  remotes?: readonly string[];
  /** Every configured remote as well. */
  allRemotes?: boolean;
  /** Also scan every blob for personal numbers masked or gone in the folder. */
  pi?: boolean;
  /** Only the batch in this file (workspace-relative). */
  batch?: string;
  /** Whether the printed purge uses git-filter-repo (default: when it is installed). */
  filterRepo?: boolean;
  progress?(step: string): void;
}

export interface Audit {
  info: RepoInfo;
  report: ReportInput;
  history: History;
  plan: PurgePlan | undefined;
  leaks: PiLeak[];
}

export async function hasFilterRepo(git: string, cwd: string): Promise<boolean> {
  return (await runGit(git, cwd, ['filter-repo', '--version'])).code === 0;
}

/** Undefined when the folder is not in a git repository. */
export async function audit(
  git: string,
  root: string,
  batchFiles: Iterable<[string, string]>,
  schema: Schema,
  o: AuditOptions = {},
): Promise<Audit | undefined> {
  const info = await repoInfo(git, root);
  if (!info) return undefined;
  const batches = executedBatches(batchFiles).filter((b) => o.batch === undefined || b.file === o.batch);
  o.progress?.('history');
  const tree = await workingTree(info);
  const found = await findSurvivors(info, batches, schema, tree, info);
  const check: PurgeCheck = {
    at: new Date().toISOString(),
    repository: info.top,
    head: info.head,
    commits: found.history.commits,
    roots: found.history.roots,
    ...(info.incomplete ? { incomplete: info.incomplete } : {}),
    batches: batches.map(batchIdOf),
    blobs: [...new Set(found.targets.flatMap((t) => [...t.blobs]))].sort(),
    survivors: found.survivors,
    targets: found.targets,
  };
  const remotes: RemoteCheck[] = [];
  for (const spec of new Set([...(o.allRemotes ? await remoteNames(info) : []), ...(o.remotes ?? [])])) {
    o.progress?.(`remote ${spec}`);
    remotes.push(await checkRemote(info, spec, batches, schema, tree));
  }
  let leaks: PiLeak[] = [];
  if (o.pi) {
    o.progress?.('pi');
    leaks = await personalInfoInHistory(info, found.history, await plainNow(info, tree));
  }
  const report: ReportInput = { check, remotes, ...(o.pi ? { leaks } : {}) };
  let plan: PurgePlan | undefined;
  // Survivors only in the folder need no rewrite, but the plan says why the purge must wait for them.
  if (check.survivors.some((s) => !inFolder(s)) || leaks.length || check.survivors.length) {
    plan = await planPurge(info, check, found.history, leaks);
    const filterRepo = o.filterRepo ?? (await hasFilterRepo(git, info.top));
    const cmds = purgeCommands(info, plan, filterRepo);
    report.purge = { commands: cmds.commands, ...(cmds.byTool ? { byTool: cmds.byTool } : {}), refusals: plan.refusals, hasFilterRepo: filterRepo };
  }
  return { info, report, history: found.history, plan, leaks };
}

export interface PurgeOutcome {
  before: Audit;
  /** Why it did not run (nothing was changed). */
  refused?: Bilingual[];
  run?: PurgeRun;
  /** The check again, after the rewrite: the purge worked only if this is clean. */
  after?: Audit;
}

/**
 * Purges what the check finds: refuses (changing nothing) while any reason holds, runs the rewrite, then checks
 * again. Undefined when the folder is not in a git repository.
 */
export async function purgeFolder(
  git: string,
  root: string,
  batchFiles: () => Iterable<[string, string]>,
  schema: Schema,
  o: AuditOptions = {},
): Promise<PurgeOutcome | undefined> {
  const before = await audit(git, root, batchFiles(), schema, { ...o, remotes: [], allRemotes: false });
  if (!before) return undefined;
  if (!before.plan) return { before };
  if (before.plan.refusals.length) return { before, refused: before.plan.refusals };
  const filterRepo = o.filterRepo ?? (await hasFilterRepo(git, before.info.top));
  const run = await runPurge(before.info, before.plan, filterRepo, (step) => o.progress?.(step));
  const after = await audit(git, root, batchFiles(), schema, o);
  return { before, run, ...(after ? { after } : {}) };
}

/** What the certificate carries of a check: the repository's and every remote's result. */
export function verificationOf(a: Audit, tool: string): Verification {
  const c = a.report.check;
  return {
    at: c.at,
    repository: c.repository,
    ...(c.head ? { head: c.head } : {}),
    commits: c.commits,
    roots: c.roots,
    blobs: c.blobs,
    survivors: c.survivors.length,
    ...(c.incomplete ? { incomplete: c.incomplete } : {}),
    remotes: a.report.remotes.map((r) => ({
      name: r.name,
      url: r.url,
      refs: r.refs,
      commits: r.commits,
      survivors: r.survivors.length,
      ...(r.error ? { error: r.error } : {}),
    })),
    tool,
  };
}

/** `git version` as it prints it, for the certificate's "checked with". */
export async function gitVersion(git: string, cwd: string): Promise<string> {
  return (await runGit(git, cwd, ['version'])).stdout.trim();
}
