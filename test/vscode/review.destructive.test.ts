import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { HistoryEntry } from '../../src/core/review/history';
import { activated, eventually, workspaceRoot } from './helpers';

const root = () => workspaceRoot().fsPath;
const abs = (rel: string) => path.join(root(), rel);
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Reviewer Li',
  GIT_AUTHOR_EMAIL: 'li@example.com',
  GIT_COMMITTER_NAME: 'Reviewer Li',
  GIT_COMMITTER_EMAIL: 'li@example.com',
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: root(), encoding: 'utf8', env });
const record = (title: string, extra = '') =>
  `---\nid: QT-2026-800\ncategory: other\ncustomer: 张伟\ncustomer_type: person\ntitle: ${title}\ndate: 2026-02-01\nreason: 测试\nkind: feedback\n${extra}---\nBody.\n`;

suite('git review (on a git repository)', () => {
  suiteSetup(() => {
    if (!fs.existsSync(abs('.git'))) git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Reviewer Li');
    git('config', 'user.email', 'li@example.com');
    git('add', '-A');
    git('commit', '-qm', 'before review', '--allow-empty');
  });

  test('the history of a renamed record follows the rename', async () => {
    await activated();
    fs.writeFileSync(abs('other/2026/rename-me.md'), record('改名前'));
    git('add', '-A');
    git('commit', '-qm', 'add a record');
    git('mv', 'other/2026/rename-me.md', 'other/2026/renamed.md');
    git('commit', '-qm', 'rename it');
    fs.writeFileSync(abs('other/2026/renamed.md'), record('改名后'));
    git('commit', '-qam', 'retitle it');
    const history = await vscode.commands.executeCommand<HistoryEntry[]>('recordsCurator.showHistory', vscode.Uri.file(abs('other/2026/renamed.md')), 0);
    assert.deepStrictEqual(
      history.map((h) => [h.subject, h.path]),
      [
        ['retitle it', 'other/2026/renamed.md'],
        ['rename it', 'other/2026/renamed.md'],
        ['add a record', 'other/2026/rename-me.md'],
      ],
    );
    assert.strictEqual(history[0].author, 'Reviewer Li');
  });

  test('the field changes of a commit that changes two fields', async () => {
    const rel = 'other/2026/renamed.md';
    fs.writeFileSync(abs(rel), record('两处修改', 'status: archived\n').replace('kind: feedback', 'kind: complaint'));
    git('commit', '-qam', 'two fields');
    await vscode.commands.executeCommand('recordsCurator.showHistory', vscode.Uri.file(abs(rel)), 0);
    const doc = await eventually(
      () => vscode.window.activeTextEditor?.document.uri.scheme === 'records-review' && vscode.window.activeTextEditor.document,
      'the field changes',
    );
    const rows = doc
      .getText()
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| Field'));
    assert.deepStrictEqual(
      rows.sort(),
      ['| kind | changed | feedback | complaint |', '| status | added |  | archived |', '| title | changed | 改名后 | 两处修改 |'].sort(),
    );
  });

  test('the Review view shows what changed since the mark, field by field', async () => {
    const api = await activated();
    const mark = await vscode.commands.executeCommand<{ commit: string; reviewer: string }>('recordsCurator.markReviewed', 'first pass');
    assert.strictEqual(mark.reviewer, 'Reviewer Li');
    assert.strictEqual(mark.commit, git('rev-parse', 'HEAD').trim());
    assert.match(fs.readFileSync(abs('.records/reviews.yaml'), 'utf8'), /comment: "?first pass"?/);
    let status = await api.review!.refresh();
    assert.ok(status.kind === 'ready' && status.folders[0].changes.length === 0, 'nothing since the mark');
    const rel = 'service/2026/harbor-consulting.md';
    fs.writeFileSync(abs(rel), fs.readFileSync(abs(rel), 'utf8').replace('rating: 4', 'rating: 5').replace('status: active', 'status: archived'));
    git('commit', '-qam', 'rate and archive');
    fs.rmSync(abs('other/2026/renamed.md'));
    status = await api.review!.refresh();
    assert.ok(status.kind === 'ready');
    const changes = status.folders[0].changes;
    assert.deepStrictEqual(changes.map((c) => [c.path, c.status]).sort(), [
      ['other/2026/renamed.md', 'deleted'],
      [rel, 'modified'],
    ]);
    const harbor = changes.find((c) => c.path === rel)!;
    assert.deepStrictEqual(
      harbor.changes.map((c) => [c.field, c.before, c.after]),
      [
        ['rating', 4, 5],
        ['status', 'active', 'archived'],
      ],
    );
  });

  test('a repository without a remote gets the backup warning', async () => {
    const api = await activated();
    const state = await api.backup!.check();
    assert.deepStrictEqual(state, { remote: false, unpushed: 0 });
  });
});
