import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { callDocument, callRecord, cli, cliWithPath, commitAll, destroy, ENV, git, objectsHolding, pathWithoutFilterRepo, repo, write } from './git-fixtures';

const ID_A = '11010519491231002X';
const ID_Y = '360426199101010071';
const OLD = 'inbox/张伟 来电.md';
const NOW = 'customers/张 伟/call 2015.md';
const STREAM = 'communication/2015/calls.yaml';

/**
 * One repository with every place a destroyed record hides: renamed before destruction, a copy under another
 * name, a stash, a reflog entry, an unreachable commit, an attachment, and a document of a YAML stream.
 */
function everywhere(): string {
  const root = repo({
    [OLD]: callRecord('GT-1', [`id_note: "ID ${ID_A}"`, 'attachments: [scans/call-2015.pdf]'], 'SECRET-A first version\n'),
    'inbox/scans/call-2015.pdf': '%PDF-1.4 SECRET-PDF scan\n',
    [STREAM]:
      callDocument('Y1', ['note: KEEP-Y1']) + '---\n' + callDocument('Y2', [`note: "SECRET-Y ${ID_Y}"`]) + '---\n' + callDocument('Y3', ['note: KEEP-Y3']),
    'customers/keep.md': callRecord('GT-9', [], 'KEEP-OTHER\n'),
  });
  // Renamed (and its scan moved) before destruction.
  fs.mkdirSync(path.join(root, 'customers/张 伟'), { recursive: true });
  git(root, 'mv', OLD, NOW);
  git(root, 'mv', 'inbox/scans', 'customers/张 伟/scans');
  git(root, 'commit', '-qm', 'file the call under its customer');
  // A copy under another name, later deleted: only history holds it.
  fs.copyFileSync(path.join(root, NOW), path.join(root, 'backup-copy.md'));
  commitAll(root, 'backup');
  git(root, 'rm', '-q', 'backup-copy.md');
  git(root, 'commit', '-qm', 'remove backup');
  // The stream's destroyed document, edited once.
  write(root, STREAM, fs.readFileSync(path.join(root, STREAM), 'utf8').replace('SECRET-Y', 'SECRET-Y edited'));
  commitAll(root, 'edit Y2');
  // An unreachable commit: on a branch deleted, every reflog expired, not yet pruned.
  git(root, 'checkout', '-q', '-b', 'scratch');
  write(root, NOW, fs.readFileSync(path.join(root, NOW), 'utf8').replace('first version', 'UNREACHABLE version'));
  commitAll(root, 'scratch edit');
  git(root, 'checkout', '-q', 'main');
  git(root, 'branch', '-q', '-D', 'scratch');
  git(root, 'reflog', 'expire', '--expire=now', '--all');
  // A reflog entry: an edit committed, then reset away.
  write(root, NOW, fs.readFileSync(path.join(root, NOW), 'utf8').replace('first version', 'REFLOG-ONLY version'));
  commitAll(root, 'edit');
  git(root, 'reset', '-q', '--hard', 'HEAD~1');
  // A stash holding another version.
  write(root, NOW, fs.readFileSync(path.join(root, NOW), 'utf8').replace('first version', 'STASHED version'));
  git(root, 'stash', '-q');
  return root;
}

const SECRETS = ['SECRET-A', 'REFLOG-ONLY', 'UNREACHABLE version', 'STASHED version', 'SECRET-PDF', 'SECRET-Y', ID_A, ID_Y];

function held(root: string): string[] {
  return SECRETS.filter((s) => objectsHolding(root, s).length > 0);
}

describe('destruction by content, on a real repository', () => {
  test('renamed, copied, stashed, in a reflog, unreachable, an attachment, a stream document: each reported until purge --yes, then gone from every object', () => {
    const root = everywhere();
    assert.deepEqual(held(root), SECRETS, 'the fixture hides every version');
    const file = destroy(root, 'GT-1', 'Y2');
    assert.ok(
      !fs.existsSync(path.join(root, NOW)) && !fs.existsSync(path.join(root, 'customers/张 伟/scans/call-2015.pdf')),
      'the record and its scan are deleted',
    );
    assert.doesNotMatch(fs.readFileSync(path.join(root, STREAM), 'utf8'), /Y2/);
    const check = cli(root, 'purge-check', '.', '--format', 'json');
    assert.equal(check.status, 1, check.stderr);
    const report = JSON.parse(check.stdout);
    const places = report.survivors.flatMap((s: { path: string; places: { kind: string; path?: string; reach?: string }[] }) =>
      s.places.map((p) => ({ ...p, of: s.path })),
    );
    const where = (pred: (p: { kind: string; path?: string; reach?: string; of: string }) => boolean) => places.some(pred);
    assert.ok(
      where((p) => p.kind === 'commit' && p.path === OLD && p.reach === 'ref'),
      'the path before the rename',
    );
    assert.ok(
      where((p) => p.kind === 'commit' && p.path === 'backup-copy.md'),
      'the copy under another name',
    );
    assert.ok(
      where((p) => p.kind === 'commit' && p.reach === 'reflog'),
      'the reflog entry',
    );
    assert.ok(
      where((p) => p.kind === 'commit' && p.reach === 'unreachable'),
      'the unreachable commit',
    );
    assert.ok(
      where((p) => p.of === 'customers/张 伟/scans/call-2015.pdf'),
      'the attachment',
    );
    assert.ok(
      where((p) => p.of === STREAM),
      'the stream versions holding the document',
    );
    assert.ok(
      where((p) => p.kind === 'commit' && ((p as { refs?: string[] }).refs ?? []).join() === 'refs/stash'),
      'the version only the stash holds',
    );
    assert.equal(report.survivors.filter((s: { role: string }) => s.role === 'attachment').length, 1, 'the scan once, under its name now');
    const text = cli(root, 'purge-check', '.');
    assert.doesNotMatch(text.stdout, new RegExp(`${ID_A}|${ID_Y}`), 'the report prints no personal number');
    assert.deepEqual(held(root), SECRETS, 'nothing changed yet');

    const purge = cli(root, 'purge', '.', '--yes');
    assert.equal(purge.status, 0, purge.stdout + purge.stderr);
    assert.deepEqual(held(root), [], 'no object of the repository holds any version any more');
    assert.equal(cli(root, 'purge-check', '.').status, 0);
    // What was kept is still there, in the working tree and in history.
    assert.match(fs.readFileSync(path.join(root, STREAM), 'utf8'), /KEEP-Y1[\s\S]*KEEP-Y3/);
    assert.match(git(root, 'log', '--all', '-p', '--', STREAM), /KEEP-Y1/);
    assert.ok(objectsHolding(root, 'KEEP-OTHER').length > 0);
    assert.match(git(root, 'show', `HEAD:${file}`), /tombstones:/);
  });

  test('the same hiding places purged by the fallback (git filter-branch): gone from every object too', () => {
    const root = everywhere();
    destroy(root, 'GT-1', 'Y2');
    assert.equal(cli(root, 'purge-check', '.').status, 1);
    const purge = cliWithPath(root, pathWithoutFilterRepo(), 'purge', '.', '--yes');
    assert.equal(purge.status, 0, purge.stdout + purge.stderr);
    assert.deepEqual(held(root), []);
    assert.match(fs.readFileSync(path.join(root, STREAM), 'utf8'), /KEEP-Y1[\s\S]*KEEP-Y3/);
    assert.ok(objectsHolding(root, 'KEEP-OTHER').length > 0);
    assert.deepEqual(git(root, 'for-each-ref', 'refs/original/').trim(), '', 'filter-branch leaves no refs/original behind');
  });

  test('the printed commands (git filter-repo) remove what purge-check finds; only then is the check clean', () => {
    const root = repo({ 'calls/a.md': callRecord('GT-1', [`id_note: "ID ${ID_A}"`], 'SECRET-A\n'), 'calls/keep.md': callRecord('GT-2', [], 'KEEP\n') });
    git(root, 'mv', 'calls/a.md', 'calls/renamed.md');
    git(root, 'commit', '-qm', 'rename');
    destroy(root, 'GT-1');
    const text = cli(root, 'purge-check', '.');
    assert.equal(text.status, 1);
    const block = /```sh\n([\s\S]*?)```/.exec(text.stdout)![1];
    assert.match(block, /git filter-repo --force --strip-blobs-with-ids/);
    execFileSync('sh', ['-c', block], { cwd: root, env: ENV, stdio: 'ignore' });
    assert.deepEqual(objectsHolding(root, 'SECRET-A'), []);
    assert.deepEqual(objectsHolding(root, ID_A), []);
    assert.equal(cli(root, 'purge-check', '.').status, 0);
    assert.ok(objectsHolding(root, 'KEEP').length > 0);
  });

  test('on a PATH without git-filter-repo: the fallback is said, its printed commands work, and purge --yes rewrites a stream too', () => {
    const root = repo({
      'calls/a.md': callRecord('GT-1', [], 'SECRET-A\n'),
      's.yaml': callDocument('Y1', ['note: KEEP']) + '---\n' + callDocument('Y2', ['note: SECRET-Y']),
    });
    destroy(root, 'GT-1');
    const bare = pathWithoutFilterRepo();
    assert.notEqual(spawnSync('git', ['filter-repo', '--version'], { env: { ...ENV, PATH: bare } }).status, 0, 'git cannot find filter-repo on that PATH');
    const text = cliWithPath(root, bare, 'purge-check', '.');
    assert.match(text.stdout, /git-filter-repo is not installed: the commands use git filter-branch/);
    const block = /```sh\n([\s\S]*?)```/.exec(text.stdout)![1];
    assert.match(block, /git filter-branch --force --index-filter/);
    execFileSync('sh', ['-c', block], { cwd: root, env: ENV, stdio: 'ignore' });
    assert.deepEqual(objectsHolding(root, 'SECRET-A'), []);
    destroy(root, 'Y2');
    const purge = cliWithPath(root, bare, 'purge', '.', '--yes');
    assert.equal(purge.status, 0, purge.stdout + purge.stderr);
    assert.match(purge.stderr, /git-filter-repo is not installed .*used git filter-branch/);
    assert.match(cli(root, 'purge-check', '.', '--no-filter-repo').stdout, /None of these blobs exists/, '--no-filter-repo asks for the same fallback');
    assert.deepEqual(objectsHolding(root, 'SECRET-Y'), []);
    assert.match(git(root, 'show', 'HEAD~2:s.yaml'), /KEEP/);
    assert.doesNotMatch(git(root, 'show', 'HEAD~2:s.yaml'), /Y2/);
  });
});
