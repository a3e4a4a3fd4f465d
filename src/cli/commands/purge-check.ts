import { printableLines } from '../../core/text/terminal';
import * as fs from 'fs';
import * as path from 'path';
import { readBatch } from '../../core/disposal/batch';
import { findBatchFiles } from '../../core/disposal/files';
import { hasFilterRepo, reachable } from '../../core/git/purge';
import { purgeReport } from '../../core/git/report';
import { readWorkspaceSchema } from '../../core/schema/workspace';
import type { CliCommand } from '../command';
import { cliLang, docLangOption, format, gitFor } from '../load';

const USAGE = `Usage: records-curator purge-check [folder] [--format text|json] [--lang en|zh|both]

Reads the executed destruction batches under FOLDER's disposal folder and tells whether the files they
destroyed are still reachable in the git repository's history from any ref (branches, tags, stash,
refs/original). Prints the commands that purge them when they are.

Exit code: 0 clean, 1 destroyed files still in history, 2 wrong usage or not a git repository.`;

export const purgeCheckCommand: CliCommand = {
  name: 'purge-check',
  summary: 'tell whether destroyed records are still reachable in git history (exit 1 if so)',
  usage: USAGE,
  valueOptions: ['format', 'lang', 'git'],
  async run(args, io) {
    const fmt = format(args, ['text', 'json']);
    const root = path.resolve(io.cwd, args.positionals[0] ?? '.');
    const git = await gitFor(args, root);
    const { schema } = readWorkspaceSchema(root);
    const paths: string[] = [];
    const batches: string[] = [];
    for (const rel of findBatchFiles(root, schema.disposal.folder)) {
      const batch = readBatch(fs.readFileSync(path.join(root, rel), 'utf8').replace(/^\uFEFF/, ''));
      if (!batch || batch.kind !== 'destruction-batch' || batch.status !== 'executed') continue;
      batches.push(String(batch.data.batch_id ?? rel));
      const tomb = Array.isArray(batch.data.tombstones) ? (batch.data.tombstones as { path?: unknown }[]) : [];
      for (const t of tomb) if (typeof t.path === 'string' && t.path) paths.push(t.path);
    }
    const reach = await reachable(git, root, [...new Set(paths)]);
    const still = reach.filter((r) => r.commit);
    if (fmt === 'json') {
      io.out(JSON.stringify({ batches, destroyed: reach.length, reachable: still.map((r) => ({ path: r.path, commit: r.commit, refs: r.refs })) }, null, 2) + '\n');
    } else {
      const lang = docLangOption(args, cliLang(args));
      io.out(printableLines(purgeReport(reach, await hasFilterRepo(git, root), lang).markdown));
    }
    return still.length ? 1 : 0;
  },
};
