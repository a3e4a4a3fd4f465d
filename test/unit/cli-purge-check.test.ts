import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, tempWorkspace } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');

test('purge-check exits 1 while a destroyed record is in history, 0 once it is purged', () => {
  const batch = ['---', 'kind: destruction-batch', 'batch_id: XH-2026-001', 'status: executed', 'records: []', 'tombstones:',
    '  - id: "GT-1"', '    path: "communication/gone.md"', '    destroyed_on: 2026-11-26', '---', ''].join('\n');
  const root = tempWorkspace({ 'communication/gone.md': '---\nid: GT-1\n---\n', 'disposal/XH-2026-001.md': batch });
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x', FILTER_BRANCH_SQUELCH_WARNING: '1', LANG: 'C' };
  const git = (...a: string[]) => execFileSync('git', a, { cwd: root, env, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'records');
  fs.rmSync(path.join(root, 'communication/gone.md'));
  git('commit', '-qam', 'destroy');
  const before = spawnSync(process.execPath, [CLI, 'purge-check', root, '--format', 'json'], { encoding: 'utf8', env });
  assert.equal(before.status, 1, before.stderr);
  assert.deepEqual(JSON.parse(before.stdout).reachable.map((r: { path: string }) => r.path), ['communication/gone.md']);
  const text = spawnSync(process.execPath, [CLI, 'purge-check', root], { encoding: 'utf8', env });
  assert.match(text.stdout, /git filter-(repo|branch)/);
  execFileSync('sh', ['-c', "git filter-branch --force --index-filter 'git rm --cached --ignore-unmatch -- communication/gone.md' --prune-empty -- --all && git for-each-ref --format='delete %(refname)' refs/original | git update-ref --stdin"], { cwd: root, env, stdio: 'ignore' });
  const after = spawnSync(process.execPath, [CLI, 'purge-check', root, '--format', 'json'], { encoding: 'utf8', env });
  assert.equal(after.status, 0, after.stdout);
  assert.deepEqual(JSON.parse(after.stdout).reachable, []);
  assert.equal(spawnSync(process.execPath, [CLI, 'purge-check', path.join(root, '..')], { encoding: 'utf8', env }).status, 2);
});
