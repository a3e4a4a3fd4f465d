import { printableLines } from '../../core/text/terminal';
import * as fs from 'fs';
import * as path from 'path';
import { runGit } from '../../core/git/run';
import { resolveCommit } from '../../core/review/git-tree';
import { fileAt } from '../../core/review/history';
import { diffSummary, summaryMarkdown, worktreeSummary } from '../../core/review/summary';
import { SCHEMA_PATH } from '../../core/schema/load';
import { readWorkspaceSchema } from '../../core/schema/workspace';
import { UsageError } from '../args';
import type { CliCommand } from '../command';
import { cliLang, format, gitFor } from '../load';

const USAGE = `Usage: records-curator diff BASE..HEAD [folder] [--format markdown|json] [--lang en|zh]
       records-curator diff BASE [folder] [...]

Summarises how the records of FOLDER (default: the current folder) changed from commit BASE to commit HEAD:
per record, the front-matter fields before and after (personal numbers masked) and whether the body
changed; then the findings the change introduced and the ones it fixed (each commit checked with its own
schema and the same rules as \`check\`). The Markdown is fit for a pull-request comment.

  BASE..HEAD                two commits (any revision: a branch, a tag, HEAD~1, a commit id)
  BASE...HEAD               from the merge base of BASE and HEAD, as a pull request sees it
  BASE                      BASE to the working tree, untracked files included; records only —
                            findings are compared only when HEAD is a commit
  --format markdown|json    markdown (default), or json: the summary as data
  --lang en|zh              language of the findings and headings (default: from LANG)
  --git PATH                the git executable (default: git)

Exit code: 0 done, 2 wrong usage, an unknown revision, or not a git repository.`;

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'record-by-record changes between two commits and the findings they introduce or fix (Markdown/JSON)',
  usage: USAGE,
  maxPositionals: 2,
  valueOptions: ['format', 'lang', 'git'],
  async run(args, io) {
    const fmt = format(args, ['markdown', 'json']);
    const range = args.positionals[0];
    if (range === undefined || range === '') throw new UsageError('give the revisions to compare, e.g. main..HEAD');
    const root = path.resolve(io.cwd, args.positionals[1] ?? '.');
    if (args.positionals.length > 2) throw new UsageError(`unexpected argument ${args.positionals[2]}`);
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`${root} is not a folder`);
    const git = await gitFor(args, root);
    const l = args.options.get('lang');
    if (l !== undefined && l !== 'en' && l !== 'zh') throw new UsageError('--lang must be en or zh');
    const lang = cliLang(args);

    const m = /^(.*?)(\.\.\.?)(.*)$/.exec(range);
    const baseRev = m ? m[1] || 'HEAD' : range;
    const headRev = m ? m[3] || 'HEAD' : undefined;
    const commit = async (rev: string) => {
      const id = await resolveCommit(git, root, rev);
      if (!id) throw new UsageError(`unknown revision or not a commit: ${rev}`);
      return id;
    };
    let base = await commit(baseRev);
    if (headRev === undefined) {
      const summary = await worktreeSummary(git, root, base);
      summary.base = baseRev;
      io.out(fmt === 'json' ? JSON.stringify(summary, null, 2) + '\n' : printableLines(summaryMarkdown(summary, readWorkspaceSchema(root).text, lang)));
      return 0;
    }
    const head = await commit(headRev);
    if (m?.[2] === '...') {
      const mb = await runGit(git, root, ['merge-base', base, head]);
      if (mb.code !== 0) throw new UsageError(`${baseRev} and ${headRev} have no common ancestor`);
      base = mb.stdout.trim();
    }
    const summary = { ...(await diffSummary(git, root, base, head, lang)), base: baseRev, head: headRev };
    if (fmt === 'json') io.out(JSON.stringify(summary, null, 2) + '\n');
    else io.out(printableLines(summaryMarkdown(summary, await fileAt(git, root, head, SCHEMA_PATH), lang)));
    return 0;
  },
};
