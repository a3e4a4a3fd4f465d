/** What a purge check found, and exactly how to purge it, as a bilingual Markdown report and as JSON. */
import { bi, t, type DocLang } from '../text/bilingual';
import { markdownCode } from '../text/escape';
import type { PiLeak } from './pi-history';
import type { Place, PurgeCheck } from './purge';
import type { Bilingual } from './purge-plan';
import type { RemoteCheck } from './remote';

const b = (lang: DocLang, x: Bilingual) => bi(lang, x);
const short = (id: string) => `\`${id.slice(0, 12)}\``;

export interface ReportInput {
  check: PurgeCheck;
  remotes: readonly RemoteCheck[];
  /** With --pi: personal numbers left in history. */
  leaks?: readonly PiLeak[];
  /** The purge, when something is to be purged: its commands, and why it may not run yet. */
  purge?: { commands: string[]; byTool?: Bilingual; refusals: Bilingual[]; hasFilterRepo: boolean };
}

export function isAllClean(r: ReportInput): boolean {
  return !r.check.incomplete && !r.check.survivors.length && r.remotes.every((x) => !x.error && !x.survivors.length) && !r.leaks?.length;
}

function placeText(p: Place, lang: DocLang): string {
  switch (p.kind) {
    case 'commit': {
      const where = `${short(p.commit)} ${markdownCode(p.path)}`;
      if (p.reach === 'ref') return `${t(lang, '提交', 'commit')} ${where}${p.refs.length ? ` (${p.refs.map(markdownCode).join(' ')})` : ''}`;
      if (p.reach === 'reflog') return `${t(lang, '提交', 'commit')} ${where} — ${t(lang, '仅在 reflog 中', 'only in a reflog')}`;
      return `${t(lang, '提交', 'commit')} ${where} — ${t(lang, '不可达提交，gc 时清除', 'unreachable commit, pruned by gc')}`;
    }
    case 'index':
      return `${t(lang, '暂存区（git add）中的', 'staged in the index at')} ${markdownCode(p.path)}`;
    case 'working-tree':
      return `${t(lang, '文件夹中的文件', 'the file in the folder')} ${markdownCode(p.path)}`;
    case 'unreachable':
      return t(lang, '不可达对象，gc 时清除', 'unreachable object, pruned by gc');
  }
}

const ROLE: Record<string, [string, string]> = { record: ['记录', 'record'], document: ['流中文档', 'stream document'], attachment: ['附件', 'attachment'] };

function survivorTable(list: PurgeCheck['survivors'], lang: DocLang): string[] {
  const out = [
    `| ${t(lang, '已销毁', 'Destroyed')} | ${t(lang, '类型', 'Kind')} | ${t(lang, '批次', 'Batch')} | blob | ${t(lang, '所在位置', 'Where it lives')} |`,
    '|---|---|---|---|---|',
  ];
  for (const s of list) {
    const [zh, en] = ROLE[s.role] ?? [s.role, s.role];
    out.push(
      `| ${markdownCode(s.path)} | ${t(lang, zh, en)} | ${markdownCode(s.batch)} | ${s.blob ? short(s.blob) : '—'} | ${s.places.map((p) => placeText(p, lang)).join('<br>')} |`,
    );
  }
  return out;
}

export function purgeReport(r: ReportInput, lang: DocLang): { clean: boolean; markdown: string } {
  const c = r.check;
  const clean = isAllClean(r);
  const files = new Set(c.targets.map((x) => `${x.batch}\0${x.path}`)).size;
  const lines = [
    `# ${t(lang, 'git 历史清除检查', 'Git history purge check')}${c.batches.length ? ` — ${c.batches.join(', ')}` : ''}`,
    '',
    `- ${t(lang, '仓库', 'Repository')}: ${markdownCode(c.repository)}`,
    `- HEAD: ${c.head ? short(c.head) : '—'}; ${t(lang, `已检查 ${c.commits} 个提交（所有引用、reflog、stash、不可达提交）`, `commits walked: ${c.commits} (every ref, reflog, stash and unreachable commit)`)}`,
    `- ${t(lang, '检查时间', 'Checked at')}: ${c.at}`,
    `- ${t(lang, `已销毁的文件与附件 ${files} 个，其各版本的 blob ${c.blobs.length} 个`, `destroyed files and attachments: ${files}; blobs of their versions: ${c.blobs.length}`)}`,
    '',
  ];
  if (c.incomplete) {
    lines.push(
      `**${
        c.incomplete === 'shallow'
          ? t(
              lang,
              '这是浅克隆：它没有的历史无法证明任何事。请在完整克隆中检查。',
              'This is a shallow clone: nothing can be proved about the history it does not have. Check a full clone.',
            )
          : t(
              lang,
              '这是部分克隆：未获取的对象无法证明任何事。请在完整克隆中检查。',
              'This is a partial clone: nothing can be proved about objects it has not fetched. Check a full clone.',
            )
      }**`,
      '',
    );
  }
  if (!c.survivors.length) {
    lines.push(
      t(
        lang,
        '这些 blob 均不在本仓库的对象库中（引用、reflog、stash、包文件、松散的不可达对象），文件夹中也没有文件包含其内容。',
        "None of these blobs exists in this repository's object database (refs, reflogs, stash, packs, loose unreachable objects), and no file in the folder holds their text.",
      ),
      '',
    );
  } else {
    lines.push(
      t(
        lang,
        '删除工作区中的文件并不销毁其内容：以下内容仍在，任何拥有本仓库或其克隆、备份的人都能取回。',
        'Deleting a file from the working tree does not destroy it: this content is still here, and anyone with this repository, a clone or a backup can get it back.',
      ),
      '',
      ...survivorTable(c.survivors, lang),
      '',
    );
  }
  for (const x of r.remotes) {
    lines.push(`## ${t(lang, '远程仓库', 'Remote')} ${markdownCode(x.name)}`, '', `- URL: ${markdownCode(x.url || '—')}`);
    if (x.error) {
      lines.push('', `**${t(lang, '无法检查', 'Could not be checked')}**: ${markdownCode(x.error)}`, '');
      continue;
    }
    lines.push(
      `- ${t(lang, `已获取 ${x.refs} 个引用、${x.commits} 个提交，检查 ${x.blobs} 个 blob`, `${x.refs} refs fetched, ${x.commits} commits walked, ${x.blobs} blobs checked`)}`,
      '',
    );
    lines.push(
      ...(x.survivors.length
        ? survivorTable(x.survivors, lang)
        : [
            t(
              lang,
              '远程仓库的引用所及之处均无这些内容。托管服务保留的不可达对象须由其清除。',
              "Nothing of it is reachable from the remote's refs. Unreachable objects a hosting service keeps are for it to prune.",
            ),
          ]),
      '',
    );
  }
  if (r.leaks) {
    lines.push(`## ${t(lang, '历史中的明文个人信息', 'Personal information left in history')}`, '');
    if (!r.leaks.length)
      lines.push(
        t(lang, '历史中没有文件夹现已不再以明文保存的个人号码。', 'History holds no plain personal number that the folder no longer holds in plain.'),
        '',
      );
    else {
      lines.push(
        `| ${t(lang, '类型', 'Kind')} | ${t(lang, '号码（已打码）', 'Number (masked)')} | ${t(lang, '提交', 'Commit')} | ${t(lang, '路径', 'Path')} |`,
        '|---|---|---|---|',
      );
      for (const l of r.leaks)
        lines.push(
          `| ${l.kind} | ${markdownCode(l.masked)} | ${l.commit ? short(l.commit) : t(lang, '不可达对象', 'unreachable object')} | ${l.path ? markdownCode(l.path) : '—'} |`,
        );
      lines.push('');
    }
  }
  if (r.purge) {
    const p = r.purge;
    lines.push(`## ${t(lang, '清除历史（在仓库顶层目录执行）', "Purge the history (run in the repository's top level)")}`, '');
    for (const why of p.refusals) lines.push(`- **${t(lang, '尚不能清除', 'Not yet')}**: ${b(lang, why)}`);
    if (p.refusals.length) lines.push('');
    if (!p.hasFilterRepo)
      lines.push(
        t(
          lang,
          '未安装 git-filter-repo：以下改用 git filter-branch（较慢）。安装：apt-get install git-filter-repo 或 pip install git-filter-repo。',
          'git-filter-repo is not installed: the commands use git filter-branch instead (slower). Install it with apt-get install git-filter-repo or pip install git-filter-repo.',
        ),
        '',
      );
    lines.push('```sh', ...p.commands, '```', '');
    if (p.byTool) lines.push(b(lang, p.byTool), '');
    lines.push(
      t(
        lang,
        '或运行 `records-curator purge --yes`：它执行同样的步骤，然后再次检查。',
        'Or run `records-curator purge --yes`: it runs the same steps, then checks again.',
      ),
      '',
      `## ${t(lang, '之后还须', 'Then also')}`,
      '',
      `- ${t(lang, '对每个拥有这些提交的远程仓库：git push --force --all <remote>，git push --force --tags <remote>，然后 records-curator purge-check --remote <remote> 复核', 'Every remote that has these commits: git push --force --all <remote> and git push --force --tags <remote>, then records-curator purge-check --remote <remote>')}`,
      `- ${t(lang, '请托管服务删除缓存视图、合并请求引用和保留旧提交的分叉', 'Ask the hosting service to remove cached views, pull-request refs and forks holding the old commits')}`,
      `- ${t(lang, '删除每个克隆并重新克隆（pull 会保留旧对象）', 'Delete every clone and clone it again (a pull keeps the old objects)')}`,
      `- ${t(lang, '清除或重建改写前的备份，并记录执行人和时间', 'Purge or re-create backups made before the rewrite; record who did it and when')}`,
      '',
    );
  }
  return { clean, markdown: lines.join('\n') };
}

/** The same result as plain data (`--format json`): no personal number in plain, only masked. */
export function purgeJson(r: ReportInput): unknown {
  const c = r.check;
  return {
    clean: isAllClean(r),
    checked_at: c.at,
    repository: c.repository,
    head: c.head ?? null,
    commits: c.commits,
    roots: c.roots,
    incomplete: c.incomplete ?? null,
    batches: c.batches,
    blobs: c.blobs,
    survivors: c.survivors.map((s) => ({ batch: s.batch, path: s.path, role: s.role, blob: s.blob ?? null, places: s.places })),
    remotes: r.remotes.map((x) => ({
      name: x.name,
      url: x.url,
      error: x.error ?? null,
      refs: x.refs,
      commits: x.commits,
      blobs: x.blobs,
      survivors: x.survivors,
    })),
    ...(r.leaks
      ? {
          personal_information: r.leaks.map((l) => ({
            kind: l.kind,
            masked: l.masked,
            blob: l.blob,
            commit: l.commit ?? null,
            path: l.path ?? null,
            reach: l.reach ?? null,
          })),
        }
      : {}),
    ...(r.purge
      ? { purge: { refusals: r.purge.refusals, commands: r.purge.commands, needs_tool: r.purge.byTool ?? null, filter_repo: r.purge.hasFilterRepo } }
      : {}),
  };
}
