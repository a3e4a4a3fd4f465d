/**
 * Running a purge, and the commands it runs printed for a person to read or run by hand. With git-filter-repo:
 * `--strip-blobs-with-ids`, `--replace-text` for personal numbers and a blob callback for rewritten stream
 * versions. Without it: `git filter-branch` with an index filter that removes (or swaps) exactly those blobs at
 * every path they were ever at. Then every reflog is expired and gc prunes what nothing holds any more. The
 * helper files go into the repository's own git directory and are removed afterwards.
 */
import * as path from 'path';
import { writeFileInside } from '../io/safe-fs';
import { makeTempFolder, removeFolderInside } from '../io/temp-folder';
import type { Bilingual, PurgePlan } from './purge-plan';
import type { RepoInfo } from './repo';
import { runGit } from './run';

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface PurgeRun {
  ok: boolean;
  tool: 'filter-repo' | 'filter-branch' | 'none';
  /** The git commands run, as a person would type them. */
  ran: string[];
  /** Remotes filter-repo removed (so nothing old is fetched back), with their URLs. */
  removedRemotes: { name: string; url: string }[];
  error?: string;
}

/** Lines of a file of blob ids for grep: ` <id> ` matches the id field of `git ls-files -s` exactly. */
const patterns = (ids: Iterable<string>) => [...ids].map((id) => ` ${id} \n`).join('');

/** The index filter of the fallback: entries holding a stripped blob go, rewritten ones get the new blob. */
function indexFilter(dir: string): string {
  const f = (n: string) => sh(path.join(dir, n));
  return (
    `git ls-files -s -z | grep -z -F -f ${f('strip.pat')} | cut -z -f2- | xargs -0 -r git rm -q --cached --ignore-unmatch --; ` +
    `git ls-files -s -z | grep -z -F -f ${f('rewrite.pat')} | sed -z -f ${f('rewrite.sed')} | git update-index -z --index-info`
  );
}

/** The blob callback of filter-repo: a rewritten version's new content is read from `dir/<old id>`. */
function blobCallback(dir: string): string {
  return [
    'import os',
    `p = os.path.join(${JSON.stringify(dir)}, blob.original_id.decode())`,
    'if os.path.isfile(p):',
    '    with open(p, "rb") as f:',
    '        blob.data = f.read()',
  ].join('\n');
}

async function remotes(info: RepoInfo): Promise<Map<string, string>> {
  const r = await runGit(info.git, info.top, ['remote']);
  const out = new Map<string, string>();
  for (const name of r.stdout
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)) {
    out.set(name, (await runGit(info.git, info.top, ['remote', 'get-url', name])).stdout.trim());
  }
  return out;
}

/** Rewrites history as `plan` says. The caller has checked `plan.refusals` is empty. */
export async function runPurge(info: RepoInfo, plan: PurgePlan, useFilterRepo: boolean, progress?: (step: string) => void): Promise<PurgeRun> {
  const { git, top } = info;
  const ran: string[] = [];
  const run = async (args: string[], env?: Record<string, string>) => {
    ran.push(`git ${args.map((a) => (/^[\w./=:@+-]+$/.test(a) ? a : sh(a))).join(' ')}`);
    return runGit(git, top, args, { env });
  };
  const rel = makeTempFolder(info.gitDir, 'records-curator', 'purge-');
  const dir = path.join(info.gitDir, ...rel.split('/'));
  const put = (name: string, data: string | Uint8Array) => writeFileInside(info.gitDir, `${rel}/${name}`, data);
  const before = await remotes(info);
  let tool: PurgeRun['tool'] = 'none';
  try {
    const work = plan.strip.length > 0 || plan.rewrite.size > 0 || plan.replace.length > 0;
    if (work && useFilterRepo) {
      tool = 'filter-repo';
      progress?.('filter-repo');
      const args = ['filter-repo', '--force'];
      if (plan.strip.length) {
        put('strip-blobs.txt', plan.strip.join('\n') + '\n');
        args.push('--strip-blobs-with-ids', path.join(dir, 'strip-blobs.txt'));
      }
      if (plan.replace.length) {
        put('replace-text.txt', plan.replace.map((r) => `${r.value}==>${r.masked}`).join('\n') + '\n');
        args.push('--replace-text', path.join(dir, 'replace-text.txt'));
      }
      if (plan.rewrite.size) {
        for (const [id, data] of plan.rewrite) put(`blobs/${id}`, data);
        args.push('--blob-callback', blobCallback(path.join(dir, 'blobs')));
      }
      const r = await run(args);
      if (r.code !== 0) return { ok: false, tool, ran, removedRemotes: [], error: r.stderr.trim() };
    } else if (work) {
      tool = 'filter-branch';
      progress?.('filter-branch');
      const swap: string[] = [];
      for (const [id, data] of plan.rewrite) {
        const w = await runGit(git, top, ['hash-object', '-w', '--stdin'], { input: data });
        if (w.code !== 0) return { ok: false, tool, ran, removedRemotes: [], error: w.stderr.trim() };
        swap.push(`s/^\\([0-7]*\\) ${id} /\\1 ${w.stdout.trim()} /`);
      }
      put('strip.pat', patterns(plan.strip));
      put('rewrite.pat', patterns(plan.rewrite.keys()));
      put('rewrite.sed', swap.join('\n') + '\n');
      const r = await run(['filter-branch', '--force', '--index-filter', indexFilter(dir), '--tag-name-filter', 'cat', '--', '--all'], {
        FILTER_BRANCH_SQUELCH_WARNING: '1',
      });
      if (r.code !== 0) return { ok: false, tool, ran, removedRemotes: [], error: r.stderr.trim().split('\n').slice(-3).join('\n') };
      // filter-branch keeps the old history under refs/original/: that is exactly what must go.
      const originals = await runGit(git, top, ['for-each-ref', '--format=%(refname)', 'refs/original/']);
      for (const ref of originals.stdout.split('\n').filter(Boolean)) await run(['update-ref', '-d', ref]);
    }
    progress?.('gc');
    await run(['reflog', 'expire', '--expire=now', '--expire-unreachable=now', '--all']);
    const gc = await run(['gc', '--prune=now', '--quiet']);
    if (gc.code !== 0) return { ok: false, tool, ran, removedRemotes: [], error: gc.stderr.trim() };
  } finally {
    removeFolderInside(info.gitDir, rel);
  }
  const after = await remotes(info);
  const removedRemotes = [...before].filter(([name]) => !after.has(name)).map(([name, url]) => ({ name, url }));
  return { ok: true, tool, ran, removedRemotes };
}

/**
 * The commands that purge the stripped blobs, for a person to read or run in the repository's top level.
 * Rewriting stream versions and personal numbers needs their content, which is never printed: for those it
 * names `records-curator purge --yes`, which reads it from the repository.
 */
export function purgeCommands(info: RepoInfo, plan: PurgePlan, hasFilterRepo: boolean): { commands: string[]; byTool: Bilingual | undefined } {
  const dir = path.join(info.gitDir, 'records-curator');
  const commands: string[] = [];
  if (plan.strip.length) {
    commands.push(`mkdir -p ${sh(dir)}`);
    if (hasFilterRepo) {
      commands.push(
        `cat > ${sh(path.join(dir, 'strip-blobs.txt'))} <<'EOF'`,
        ...plan.strip,
        'EOF',
        `git filter-repo --force --strip-blobs-with-ids ${sh(path.join(dir, 'strip-blobs.txt'))}`,
      );
    } else {
      const pat = path.join(dir, 'strip.pat');
      commands.push(
        `cat > ${sh(pat)} <<'EOF'`,
        ...plan.strip.map((id) => ` ${id} `),
        'EOF',
        `git filter-branch --force --index-filter ${sh(`git ls-files -s -z | grep -z -F -f ${sh(pat)} | cut -z -f2- | xargs -0 -r git rm -q --cached --ignore-unmatch --`)} --tag-name-filter cat -- --all`,
        "git for-each-ref --format='delete %(refname)' refs/original | git update-ref --stdin",
      );
    }
  }
  commands.push('git reflog expire --expire=now --expire-unreachable=now --all', 'git gc --prune=now', `rm -rf ${sh(dir)}`);
  const n = plan.rewrite.size;
  const byTool =
    n || plan.replace.length
      ? {
          en: `${n ? `${n} version${n === 1 ? '' : 's'} of YAML streams must be rewritten without the destroyed documents` : ''}${n && plan.replace.length ? ' and ' : ''}${plan.replace.length ? `${plan.replace.length} personal number${plan.replace.length === 1 ? '' : 's'} replaced by the masked form` : ''}: run records-curator purge --yes${plan.replace.length ? ' --pi' : ''}, which reads the content from the repository and prints none of it`,
          zh: `${n ? `YAML 流文件有 ${n} 个版本须改写以去除已销毁的文档` : ''}${n && plan.replace.length ? '，并' : ''}${plan.replace.length ? `有 ${plan.replace.length} 个个人号码须替换为打码形式` : ''}：请运行 records-curator purge --yes${plan.replace.length ? ' --pi' : ''}，它从仓库读取内容，不打印任何内容`,
        }
      : undefined;
  return { commands, byTool };
}
