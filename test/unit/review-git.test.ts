import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { changedFiles, recordChanges } from '../../src/core/review/changes';
import { fileAt, fileHistory } from '../../src/core/review/history';
import { tempWorkspace } from './helpers';

const env = { ...process.env, GIT_AUTHOR_NAME: 'Tester', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 'Tester', GIT_COMMITTER_EMAIL: 't@x', LANG: 'C' };

/** A temp git repository with the given files committed; `write`, `git` and `commit` change it further. */
function repo(files: Record<string, string>) {
  const root = tempWorkspace(files);
  const git = (...a: string[]) => execFileSync('git', a, { cwd: root, env, encoding: 'utf8' });
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  const commit = (msg: string) => {
    git('add', '-A');
    git('commit', '-qm', msg);
    return git('rev-parse', 'HEAD').trim();
  };
  git('init', '-q', '-b', 'main');
  commit('initial');
  return { root, git, write, commit };
}

const rec = (id: string, extra = '', body = 'Body.\n') => `---\nid: ${id}\ncategory: other\ntitle: "Title ${id}"\n${extra}---\n${body}`;

describe('history', () => {
  test('fileHistory follows a rename: three entries, newest first, each with its path', async () => {
    const r = repo({ 'a.md': rec('A') });
    fs.mkdirSync(path.join(r.root, 'b'));
    r.git('mv', 'a.md', 'b/a.md');
    const c2 = r.commit('move into b');
    r.write('b/a.md', rec('A', 'status: active\n'));
    const c3 = r.commit('set status');
    const h = await fileHistory('git', r.root, 'b/a.md');
    assert.deepEqual(
      h.map((e) => [e.status.replace(/\d+$/, ''), e.path, e.subject]),
      [
        ['M', 'b/a.md', 'set status'],
        ['R', 'b/a.md', 'move into b'],
        ['A', 'a.md', 'initial'],
      ],
    );
    assert.deepEqual(
      h.slice(0, 2).map((e) => e.commit),
      [c3, c2],
    );
    assert.deepEqual(h[0].parents, [c2]);
    assert.deepEqual(h[2].parents, []);
    assert.equal(h[0].author, 'Tester');
    assert.equal(h[0].email, 't@x');
    assert.match(h[0].date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)$/);
    assert.equal((await fileHistory('git', r.root, 'b/a.md', 1)).length, 1);
    assert.deepEqual(await fileHistory('git', r.root, 'nothing.md'), []);
    // The path of each entry reads that version back.
    assert.equal(await fileAt('git', r.root, h[2].commit, h[2].path), rec('A'));
    assert.equal(await fileAt('git', r.root, h[2].commit, 'b/a.md'), undefined);
    assert.equal(await fileAt('git', r.root, 'HEAD', 'b'), undefined, 'a folder is not a file');
  });

  test('in a folder below the top level, paths are relative to the folder; a BOM is stripped', async () => {
    const r = repo({ 'recs/x.md': '\uFEFF' + rec('X') });
    r.write('recs/x.md', '\uFEFF' + rec('X', 'status: done\n'));
    r.commit('change');
    const sub = path.join(r.root, 'recs');
    const h = await fileHistory('git', sub, 'x.md');
    assert.deepEqual(
      h.map((e) => e.path),
      ['x.md', 'x.md'],
    );
    assert.equal(await fileAt('git', sub, 'HEAD~1', 'x.md'), rec('X'));
  });
});

describe('changes', () => {
  test('changedFiles: a rename, a deletion, an untracked file and an unstaged modification', async () => {
    const r = repo({
      'a.md': rec('A', 'x: 1\ny: 2\nz: 3\n', 'Long body text that keeps the rename similar.\n'),
      'del.md': rec('D'),
      'mod.md': rec('M'),
      '.gitignore': 'ignored.md\n',
    });
    fs.mkdirSync(path.join(r.root, 'moved'));
    r.git('mv', 'a.md', 'moved/a.md');
    r.git('rm', '-q', 'del.md');
    r.commit('rename and delete');
    r.write('mod.md', rec('M', 'status: changed\n'));
    r.write('new.md', rec('N'));
    r.write('ignored.md', rec('I'));
    assert.deepEqual(await changedFiles('git', r.root, 'HEAD~1', 'HEAD'), [
      { status: 'deleted', path: 'del.md' },
      { status: 'renamed', path: 'moved/a.md', oldPath: 'a.md' },
    ]);
    assert.deepEqual(await changedFiles('git', r.root, 'HEAD'), [
      { status: 'modified', path: 'mod.md' },
      { status: 'added', path: 'new.md' },
    ]);
    assert.deepEqual(
      (await changedFiles('git', r.root, 'HEAD~1')).map((f) => `${f.status} ${f.path}`),
      ['deleted del.md', 'modified mod.md', 'renamed moved/a.md', 'added new.md'],
    );
    await assert.rejects(changedFiles('git', r.root, 'no-such-rev'));
    await assert.rejects(changedFiles('git', r.root, '--output=/tmp/x'));
  });

  test('recordChanges: exactly the two changed fields of one record; untouched and non-record files left out', async () => {
    const r = repo({
      'c.md': rec('C', 'amount: 100\nstaff: 王工\nnote: same\n'),
      'other.md': rec('O'),
      'notes.md': '# no front matter\n',
      'README.md': rec('R'),
    });
    r.write('c.md', rec('C', 'amount: 120\nstaff: 李工\nnote: same\n'));
    r.write('notes.md', '# still no front matter, but edited\n');
    r.write('README.md', rec('R', 'status: x\n'));
    r.commit('edit');
    const changes = await recordChanges('git', r.root, 'HEAD~1', 'HEAD', undefined);
    assert.deepEqual(changes, [
      {
        status: 'modified',
        path: 'c.md',
        index: 0,
        id: 'C',
        category: 'other',
        title: 'Title C',
        bodyChanged: false,
        changes: [
          { field: 'amount', kind: 'changed', before: 100, after: 120 },
          { field: 'staff', kind: 'changed', before: '王工', after: '李工' },
        ],
      },
    ]);
    r.write('c.md', rec('C', 'amount: 120\nstaff: 李工\nnote: same\n', 'New body.\n'));
    const wt = await recordChanges('git', r.root, 'HEAD', undefined, undefined);
    assert.deepEqual(
      wt.map((c) => [c.path, c.changes.length, c.bodyChanged]),
      [['c.md', 0, true]],
    );
  });

  test('recordChanges on a YAML stream: document 1 changed, a document added; a renamed file keeps its old path', async () => {
    const doc = (id: string, status: string) => `id: ${id}\ncategory: other\ntitle: ${id}\nstatus: ${status}\n`;
    const r = repo({ 's.yaml': [doc('Y0', 'a'), doc('Y1', 'a')].join('---\n') });
    r.write('s.yaml', [doc('Y0', 'a'), doc('Y1', 'b'), doc('Y2', 'a')].join('---\n'));
    r.commit('stream');
    const changes = await recordChanges('git', r.root, 'HEAD~1', 'HEAD', undefined);
    assert.deepEqual(
      changes.map((c) => [c.status, c.index, c.id, c.changes.map((f) => `${f.kind} ${f.field}`)]),
      [
        ['modified', 1, 'Y1', ['changed status']],
        ['added', 2, 'Y2', ['added id', 'added category', 'added title', 'added status']],
      ],
    );
    r.git('mv', 's.yaml', 'archive.yaml');
    r.commit('rename only');
    assert.deepEqual(await recordChanges('git', r.root, 'HEAD~1', 'HEAD', undefined), [], 'a pure rename changes no record');
    const schema = 'version: 1\nrecords:\n  include: ["keep/**/*.md"]\n';
    assert.deepEqual(await recordChanges('git', r.root, 'HEAD~2', 'HEAD', schema), [], 'files outside the schema include are not records');
  });
});
