import { t, type DocLang } from '../text/bilingual';
import { markdownCode } from '../text/escape';
import { purgeInstructions, type Reachability } from './purge';


/** What is still in the repository's history after a destruction, and exactly how to purge it. */
export function purgeReport(reach: readonly Reachability[], hasFilterRepo: boolean, lang: DocLang, batchId?: string): { clean: boolean; markdown: string } {
  const still = reach.filter((r) => r.commit);
  const lines = [`# ${t(lang, 'git 历史清除检查', 'Git history purge check')}${batchId ? ` — ${batchId}` : ''}`, ''];
  if (!still.length) {
    lines.push(t(lang, `已销毁的 ${reach.length} 个文件在本仓库的任何引用中均已不可达。远程仓库、其他克隆和备份仍须分别核实。`,
      `None of the ${reach.length} destroyed files is reachable from any ref of this repository. Remotes, other clones and backups must still be checked each.`), '');
    return { clean: true, markdown: lines.join('\n') };
  }
  lines.push(t(lang, '删除工作区中的文件并不销毁其内容：以下文件仍保存在 git 历史中，任何拥有本仓库或其克隆、备份的人都能取回。',
    'Deleting a file from the working tree does not destroy it: these files are still in git history, and anyone with this repository, a clone or a backup can get them back.'), '');
  lines.push(`| ${t(lang, '文件', 'File')} | ${t(lang, '最近提交', 'Last commit')} | ${t(lang, '引用', 'Refs')} |`, '|---|---|---|');
  for (const r of still) lines.push(`| ${markdownCode(r.path)} | \`${r.commit!.slice(0, 12)}\` | ${r.refs.map(markdownCode).join(' ')} |`);
  const ins = purgeInstructions(still.map((r) => r.path), hasFilterRepo);
  lines.push('', `## ${t(lang, '清除历史（在仓库根目录执行）', 'Purge the history (run in the repository root)')}`, '', '```sh', ...ins.commands, '```', '',
    t(lang, hasFilterRepo ? '没有 git-filter-repo 时可用：' : '安装 git-filter-repo 后可改用：', hasFilterRepo ? 'Without git-filter-repo:' : 'With git-filter-repo installed instead:'), '',
    '```sh', ...ins.alternative, '```', '', `## ${t(lang, '之后还须', 'Then also')}`, '', ...ins.after.map((a) => `- ${a}`), '',
    t(lang, '完成后运行 “Records: Check Git History for Destroyed Records” 或 `records-curator purge-check` 复核。',
      'When done, run "Records: Check Git History for Destroyed Records" or `records-curator purge-check` to confirm.'), '');
  return { clean: false, markdown: lines.join('\n') };
}
