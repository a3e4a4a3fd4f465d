import { audit, purgeFolder } from '../../core/git/audit';
import { purgeJson, purgeReport } from '../../core/git/report';
import { printableLines } from '../../core/text/terminal';
import type { CliCommand } from '../command';
import { format } from '../load';
import { checkInputs, docLang } from './purge-check';

const USAGE = `Usage: records-curator purge [folder] [--yes] [--pi] [--no-filter-repo] [--format text|json] [--lang en|zh|both]

Removes what purge-check finds from the whole history of FOLDER's repository. Without --yes it only prints the
check and the commands. With --yes it runs them: git filter-repo --strip-blobs-with-ids (or, without
git-filter-repo, git filter-branch with an index filter over every path the content was ever at), rewrites
each version of a YAML stream without the destroyed documents, with --pi replaces plain personal numbers by
their masked form (--replace-text), then expires every reflog and runs gc --prune=now — and checks again.

It refuses, changing nothing, while the working tree has changes not committed, the clone is shallow or
partial, other worktrees exist, or a file in the folder still holds destroyed content.
Expiring the reflogs also drops older stash entries (only the newest stash is kept, rewritten).
Remotes, other clones and backups are not changed: force-push and re-clone as the report says.

Exit code: 0 clean afterwards (or nothing to purge), 1 refused or not clean, 2 wrong usage.`;

export const purgeCommand: CliCommand = {
  name: 'purge',
  summary: 'rewrite git history so destroyed records (and, with --pi, plain personal numbers) are gone',
  usage: USAGE,
  valueOptions: ['format', 'lang', 'git'],
  flags: ['yes', 'pi', 'no-filter-repo'],
  async run(args, io) {
    const fmt = format(args, ['text', 'json']);
    const lang = docLang(args);
    const { root, git, schema, files, o } = await checkInputs(args, io);
    const zh = lang === 'zh';
    if (!args.options.has('yes')) {
      const a = await audit(git, root, files(), schema, { ...o, remotes: [], allRemotes: false });
      if (!a) return 2;
      io.out(fmt === 'json' ? JSON.stringify(purgeJson(a.report), null, 2) + '\n' : printableLines(purgeReport(a.report, lang).markdown));
      if (fmt !== 'json' && a.plan) io.out(zh ? '（试运行：加 --yes 执行）\n' : '(dry run: add --yes to run it)\n');
      return 0;
    }
    const outcome = await purgeFolder(git, root, files, schema, o);
    if (!outcome) return 2;
    if (!outcome.before.plan) {
      io.out(printableLines(purgeReport(outcome.before.report, lang).markdown));
      io.out(zh ? '没有需要清除的内容\n' : 'nothing to purge\n');
      return 0;
    }
    if (outcome.refused) {
      for (const r of outcome.refused) io.err(`records-curator purge: ${printableLines(zh ? r.zh : r.en)}\n`);
      io.err(zh ? '未改写任何历史\n' : 'no history was rewritten\n');
      return 1;
    }
    const run = outcome.run!;
    if (!run.ok) {
      io.err(`records-curator purge: ${printableLines(run.error ?? '')}\n`);
      return 1;
    }
    if (run.tool === 'filter-branch')
      io.err(zh ? '未安装 git-filter-repo：改用 git filter-branch\n' : 'git-filter-repo is not installed (or --no-filter-repo): used git filter-branch\n');
    for (const c of run.ran) io.err(`$ ${printableLines(c.split('\n')[0])}${c.includes('\n') ? ' …' : ''}\n`);
    for (const r of run.removedRemotes) {
      io.err(
        zh
          ? `git filter-repo 移除了远程仓库 ${r.name}（${r.url}），以免取回旧历史。检查后推送：git remote add ${r.name} ${r.url} && git push --force --all ${r.name} && git push --force --tags ${r.name}\n`
          : `git filter-repo removed the remote ${r.name} (${r.url}) so the old history is not fetched back. Once checked, push: git remote add ${r.name} ${r.url} && git push --force --all ${r.name} && git push --force --tags ${r.name}\n`,
      );
    }
    const after = outcome.after!;
    const report = purgeReport(after.report, lang);
    io.out(fmt === 'json' ? JSON.stringify(purgeJson(after.report), null, 2) + '\n' : printableLines(report.markdown));
    return report.clean ? 0 : 1;
  },
};
