import { batchFiles } from '../../core/disposal/files';
import { audit, type AuditOptions } from '../../core/git/audit';
import { purgeJson, purgeReport } from '../../core/git/report';
import { readWorkspaceSchema } from '../../core/schema/workspace';
import type { DocLang } from '../../core/text/bilingual';
import { printableLines } from '../../core/text/terminal';
import * as path from 'path';
import type { ParsedArgs } from '../args';
import type { CliCommand, CliIo } from '../command';
import { cliLang, docLangOption, format, gitFor } from '../load';

const USAGE = `Usage: records-curator purge-check [folder] [--remote NAME|URL]... [--all-remotes] [--pi] [--format text|json] [--lang en|zh|both]

Reads the executed destruction batches under FOLDER's disposal folder and checks, by content, that what they
destroyed is gone: none of the git blob ids of any version of any destroyed file or attachment (recorded at
approval, and found again by following each tombstoned path back through renames) may exist in the object
database — refs, reflogs, the stash, packs, unreachable objects — and no file in the folder may hold the text.
Each survivor is reported with where it lives, with the commands that purge it.

  --remote NAME|URL   also fetch that remote's refs into a scratch repository (in .git) and check there
  --all-remotes       every configured remote
  --pi                also scan every blob for personal numbers (ID, bank card, mobile) that are masked or
                      gone in the folder: kind, commit and path, the number masked
  --no-filter-repo    print the git filter-branch commands even when git-filter-repo is installed

A shallow or partial clone cannot prove anything about history it does not have: it never passes.
Exit code: 0 clean, 1 something survives (or could not be checked), 2 wrong usage or not a git repository.`;

/** The report's language: --lang, else the language of LANG. */
export function docLang(args: ParsedArgs): DocLang {
  return docLangOption(args, cliLang(args));
}

/** Loads what a purge check of FOLDER needs: git, the schema and the batch files. */
export async function checkInputs(args: ParsedArgs, io: CliIo) {
  const root = path.resolve(io.cwd, args.positionals[0] ?? '.');
  const git = await gitFor(args, root);
  const { schema } = readWorkspaceSchema(root);
  const files = () => batchFiles(root, schema.disposal.folder);
  const o: AuditOptions = {
    remotes: args.values.get('remote') ?? [],
    allRemotes: args.options.has('all-remotes'),
    pi: args.options.has('pi'),
    ...(args.options.has('no-filter-repo') ? { filterRepo: false } : {}),
    // On a terminal only: a script reading stderr wants the messages, not the steps.
    ...(process.stderr.isTTY ? { progress: (step: string) => io.err(`… ${step}\n`) } : {}),
  };
  return { root, git, schema, files, o };
}

export const purgeCheckCommand: CliCommand = {
  name: 'purge-check',
  summary: 'check by content that destroyed records are gone from git history, remotes too (exit 1 if not)',
  usage: USAGE,
  valueOptions: ['format', 'lang', 'git', 'remote'],
  flags: ['all-remotes', 'pi', 'no-filter-repo'],
  async run(args, io) {
    const fmt = format(args, ['text', 'json']);
    const { root, git, schema, files, o } = await checkInputs(args, io);
    const a = await audit(git, root, files(), schema, fmt === 'json' ? { ...o, progress: undefined } : o);
    if (!a) return 2;
    const report = purgeReport(a.report, docLang(args));
    io.out(fmt === 'json' ? JSON.stringify(purgeJson(a.report), null, 2) + '\n' : printableLines(report.markdown));
    return report.clean ? 0 : 1;
  },
};
