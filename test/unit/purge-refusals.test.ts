import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { callRecord, cli, destroy, git, objectsHolding, repo, write } from './git-fixtures';
import { tempWorkspace } from './helpers';

describe('purge-check of remotes, and what a purge refuses', () => {
  test('a bare remote on disk that still holds the record is reported by --remote, until it is force-pushed and pruned', () => {
    const root = repo({ 'calls/a.md': callRecord('GT-1', [], 'SECRET-A\n'), 'calls/keep.md': callRecord('GT-2', [], 'KEEP\n') });
    const remote = path.join(tempWorkspace({}), 'origin.git');
    git(root, 'init', '-q', '--bare', remote);
    git(root, 'remote', 'add', 'origin', remote);
    git(root, 'push', '-q', 'origin', 'main');
    destroy(root, 'GT-1');
    git(root, 'push', '-q', 'origin', 'main');
    const before = JSON.parse(cli(root, 'purge-check', '.', '--remote', 'origin', '--format', 'json').stdout);
    assert.equal(before.remotes[0].name, 'origin');
    assert.ok(before.remotes[0].survivors.length > 0, 'the remote holds it');
    assert.equal(cli(root, 'purge', '.', '--yes').status, 0);
    assert.deepEqual(objectsHolding(root, 'SECRET-A'), [], 'gone here');
    // filter-repo removed the remote so nothing old is fetched back: it is asked for by its path.
    const still = cli(root, 'purge-check', '.', '--remote', remote, '--format', 'json');
    assert.equal(still.status, 1, 'the remote still holds it: measured, not assumed');
    assert.ok(JSON.parse(still.stdout).remotes[0].survivors.length > 0);
    assert.ok(
      !fs.readdirSync(path.join(root, '.git/records-curator'), { withFileTypes: true }).some((e) => e.name.startsWith('remote-')),
      'the scratch repository is removed',
    );
    git(root, 'push', '-q', '--force', '--all', remote);
    git(root, 'push', '-q', '--force', '--tags', remote);
    assert.equal(cli(root, 'purge-check', '.', '--remote', remote).status, 0, 'nothing reachable from its refs');
    assert.ok(objectsHolding(remote, 'SECRET-A', remote).length > 0, 'a server keeps unreachable objects until its gc');
    git(remote, '--git-dir', remote, 'reflog', 'expire', '--expire=now', '--all');
    git(remote, '--git-dir', remote, 'gc', '-q', '--prune=now');
    assert.deepEqual(objectsHolding(remote, 'SECRET-A', remote), [], 'and the remote holds no object with it');
    assert.ok(objectsHolding(remote, 'KEEP', remote).length > 0);
  });

  test('a shallow clone is reported as unable to prove anything, and purge refuses it', () => {
    const root = repo({ 'calls/a.md': callRecord('GT-1', [], 'SECRET-A\n') });
    write(root, 'calls/b.md', callRecord('GT-2', [], 'KEEP\n'));
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'more');
    const clone = path.join(tempWorkspace({}), 'shallow');
    git(root, 'clone', '-q', '--depth', '1', `file://${root}`, clone);
    destroy(clone, 'GT-1');
    const check = cli(clone, 'purge-check', '.');
    assert.equal(check.status, 1);
    assert.match(check.stdout, /shallow clone: nothing can be proved about the history it does not have/);
    const purge = cli(clone, 'purge', '.', '--yes');
    assert.equal(purge.status, 1);
    assert.match(purge.stderr, /shallow clone/);
    assert.match(purge.stderr, /no history was rewritten/);
  });

  test('purge refuses a dirty working tree and says why; nothing is rewritten', () => {
    const root = repo({ 'calls/a.md': callRecord('GT-1', [], 'SECRET-A\n'), 'calls/keep.md': callRecord('GT-2', [], 'KEEP\n') });
    destroy(root, 'GT-1');
    fs.appendFileSync(path.join(root, 'calls/keep.md'), 'an edit not committed\n');
    const head = git(root, 'rev-parse', 'HEAD');
    const purge = cli(root, 'purge', '.', '--yes');
    assert.equal(purge.status, 1);
    assert.match(purge.stderr, /changes not committed \(calls\/keep\.md\)/);
    assert.equal(git(root, 'rev-parse', 'HEAD'), head);
    assert.ok(objectsHolding(root, 'SECRET-A').length > 0);
    assert.match(fs.readFileSync(path.join(root, 'calls/keep.md'), 'utf8'), /an edit not committed/);
  });

  test('a copy of the destroyed content still in the folder is a survivor, and purge refuses until it is dealt with', () => {
    const root = repo({ 'calls/a.md': callRecord('GT-1', [], 'SECRET-A\n') });
    fs.copyFileSync(path.join(root, 'calls/a.md'), path.join(root, 'notes-copy.txt'));
    destroy(root, 'GT-1');
    const check = JSON.parse(cli(root, 'purge-check', '.', '--format', 'json').stdout);
    assert.ok(
      check.survivors.some((s: { places: { kind: string; path?: string }[] }) =>
        s.places.some((p) => p.kind === 'working-tree' && p.path === 'notes-copy.txt'),
      ),
    );
    const purge = cli(root, 'purge', '.', '--yes');
    assert.equal(purge.status, 1);
    assert.match(purge.stderr, /notes-copy\.txt in the folder still holds the content of destroyed calls\/a\.md/);
    assert.ok(fs.existsSync(path.join(root, 'notes-copy.txt')), 'never deleted by the purge');
  });

  test("a blob id written into the fingerprints by hand (another record's old version) is not purged, and nothing is", () => {
    const root = repo({ 'calls/a.md': callRecord('GT-1', [], 'SECRET-A\n'), 'calls/keep.md': callRecord('GT-2', [], 'KEEP-OLD\n') });
    const old = git(root, 'rev-parse', 'HEAD:calls/keep.md').trim();
    write(root, 'calls/keep.md', callRecord('GT-2', [], 'KEEP-NEW\n'));
    git(root, 'commit', '-qam', 'edit keep');
    const file = destroy(root, 'GT-1');
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    fs.writeFileSync(path.join(root, file), text.replace(/blobs: \["/, `blobs: ["${old}", "`));
    git(root, 'commit', '-qam', 'a hand edit');
    const purge = cli(root, 'purge', '.', '--yes');
    assert.equal(purge.status, 1);
    assert.match(purge.stderr, /lists blob [0-9a-f]{12} as a version of calls\/a\.md, but history holds it only at calls\/keep\.md/);
    assert.ok(objectsHolding(root, 'KEEP-OLD').length > 0, "the other record's history is untouched");
    assert.ok(objectsHolding(root, 'SECRET-A').length > 0, 'and nothing else was rewritten');
  });
});
