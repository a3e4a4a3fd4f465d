// Issue 16, item 8: the README's own demo opens the sample folder, which sits inside a larger repository.
// History, the text at a revision, field diffs and the review of changes work from any subfolder of a
// repository, on paths with spaces and Chinese characters.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recordChanges } from '../../src/core/review/changes';
import { fileAt, fileHistory } from '../../src/core/review/history';
import { tempWorkspace } from './helpers';

const env = { ...process.env, GIT_AUTHOR_NAME: 'Tester', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 'Tester', GIT_COMMITTER_EMAIL: 't@x', LANG: 'C' };
const rec = (status: string) => `---\n编号: GT-1\n分类: 沟通\n客户: 张伟\n标题: 电话\n日期: 2025-01-01\n状态: ${status}\n---\n正文\n`;

test('history, file text and changes from a folder two levels inside the repository, with spaces and Chinese in the paths', async () => {
  const top = tempWorkspace({ 'README.md': '# repo\n', '档案 资料/客户 记录/沟通/2025 电话.md': rec('在用') });
  const git = (...a: string[]) => execFileSync('git', a, { cwd: top, env, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'first');
  const root = path.join(top, '档案 资料/客户 记录');
  fs.mkdirSync(path.join(root, '沟通 记录'));
  git('mv', '档案 资料/客户 记录/沟通/2025 电话.md', '档案 资料/客户 记录/沟通 记录/2025 电话.md');
  git('commit', '-qm', 'move');
  fs.writeFileSync(path.join(root, '沟通 记录/2025 电话.md'), rec('已归档'));
  git('commit', '-qam', 'archived');

  const history = await fileHistory('git', root, '沟通 记录/2025 电话.md');
  assert.deepEqual(
    history.map((h) => [h.subject, h.path]),
    [
      ['archived', '沟通 记录/2025 电话.md'],
      ['move', '沟通 记录/2025 电话.md'],
      ['first', '沟通/2025 电话.md'],
    ],
  );
  // Each entry's path reads that version back, from the subfolder.
  for (const h of history) assert.match((await fileAt('git', root, h.commit, h.path)) ?? 'missing', /^---\n编号: GT-1/);
  assert.match((await fileAt('git', root, history[2].commit, history[2].path))!, /状态: 在用/);
  const changes = await recordChanges('git', root, history[1].commit, history[0].commit, undefined);
  assert.deepEqual(
    changes.map((c) => [c.path, c.status, c.changes.map((f) => f.field)]),
    [['沟通 记录/2025 电话.md', 'modified', ['状态']]],
  );
});
