import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, tempWorkspace } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');

test('a batch executed before content fingerprints: its tombstoned path is followed to every blob; removing the path from the refs alone is not clean', () => {
  const batch = [
    '---',
    'kind: destruction-batch',
    'batch_id: XH-2026-001',
    'status: executed',
    'records: []',
    'tombstones:',
    '  - id: "GT-1"',
    '    path: "communication/gone.md"',
    '    destroyed_on: 2026-11-26',
    '---',
    '',
  ].join('\n');
  const root = tempWorkspace({ 'communication/gone.md': '---\nid: GT-1\nnote: 11010519491231002X\n---\n', 'disposal/XH-2026-001.md': batch });
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@x',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@x',
    FILTER_BRANCH_SQUELCH_WARNING: '1',
    LANG: 'C',
  };
  const git = (...a: string[]) => execFileSync('git', a, { cwd: root, env, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'records');
  fs.rmSync(path.join(root, 'communication/gone.md'));
  git('commit', '-qam', 'destroy');
  const check = () => spawnSync(process.execPath, [CLI, 'purge-check', root, '--format', 'json'], { encoding: 'utf8', env });
  const before = check();
  assert.equal(before.status, 1, before.stderr);
  assert.deepEqual(
    JSON.parse(before.stdout).survivors.map((r: { path: string }) => r.path),
    ['communication/gone.md'],
  );
  const text = spawnSync(process.execPath, [CLI, 'purge-check', root], { encoding: 'utf8', env });
  assert.match(text.stdout, /git filter-(repo|branch)/);
  // What the tool used to print: the path removed from every ref, nothing else.
  execFileSync(
    'sh',
    [
      '-c',
      "git filter-branch --force --index-filter 'git rm --cached --ignore-unmatch -- communication/gone.md' --prune-empty -- --all && git for-each-ref --format='delete %(refname)' refs/original | git update-ref --stdin",
    ],
    { cwd: root, env, stdio: 'ignore' },
  );
  const half = JSON.parse(check().stdout);
  assert.equal(half.clean, false, 'the reflog still holds the old commits');
  assert.ok(
    half.survivors[0].places.some((p: { reach?: string }) => p.reach === 'reflog'),
    JSON.stringify(half.survivors),
  );
  git('reflog', 'expire', '--expire=now', '--all');
  git('gc', '-q', '--prune=now');
  const after = check();
  assert.equal(after.status, 0, after.stdout);
  assert.deepEqual(JSON.parse(after.stdout).survivors, []);
  assert.equal(spawnSync(process.execPath, [CLI, 'purge-check', path.join(root, '..')], { encoding: 'utf8', env }).status, 2);
});
