import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { callRecord, cli, commitAll, git, objectsHolding, repo } from './git-fixtures';

const ID = '11010519491231002X';
const MASKED = '110105********002X';
const CARD = '6222020200114567890';

test('purge-check --pi lists personal numbers masked in the folder but plain in history; purge --pi --yes replaces them everywhere', () => {
  const root = repo({
    'customers/a.md': callRecord('GT-1', [`id_number: "${ID}"`], `Card ${CARD} on file.\n`),
    'customers/b.md': callRecord('GT-2', [], 'Phone 13912345678 still in use.\n'),
  });
  // Masked in the working tree, as the quick fix does: the plain number stays in the first commit.
  const p = path.join(root, 'customers/a.md');
  fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(ID, MASKED).replace(CARD, '6222********7890'));
  commitAll(root, 'mask');
  const before = cli(root, 'purge-check', '.', '--pi', '--format', 'json');
  assert.equal(before.status, 1);
  const leaks = JSON.parse(before.stdout).personal_information;
  assert.deepEqual(leaks.map((l: { kind: string; masked: string; path: string }) => [l.kind, l.masked, l.path]).sort(), [
    ['bank-card', '6222***********7890', 'customers/a.md'],
    ['id-number', MASKED, 'customers/a.md'],
  ]);
  assert.ok(leaks.every((l: { commit: string }) => /^[0-9a-f]{40}$/.test(l.commit)));
  const text = cli(root, 'purge-check', '.', '--pi');
  assert.doesNotMatch(text.stdout + before.stdout, new RegExp(`${ID}|${CARD}`), 'the report never prints the number');
  assert.doesNotMatch(text.stdout, /13912345678|139\*+5678/, 'a number still in plain use in the folder is not a leak');
  assert.ok(objectsHolding(root, ID).length > 0);

  const purge = cli(root, 'purge', '.', '--pi', '--yes');
  assert.equal(purge.status, 0, purge.stdout + purge.stderr);
  assert.deepEqual(objectsHolding(root, ID), [], 'no object holds the plain ID any more');
  assert.deepEqual(objectsHolding(root, CARD), []);
  assert.match(git(root, 'show', 'HEAD~1:customers/a.md'), /110105\*{8}002X/, 'the first commit now holds the masked form');
  assert.ok(objectsHolding(root, '13912345678').length > 0, 'numbers in use are left alone');
  assert.equal(cli(root, 'purge-check', '.', '--pi').status, 0);
});

test('purge --pi without git-filter-repo rewrites the versions that hold the number', () => {
  const root = repo({ 'customers/a.md': callRecord('GT-1', [`id_number: "${ID}"`]) });
  const p = path.join(root, 'customers/a.md');
  fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(ID, MASKED));
  commitAll(root, 'mask');
  const purge = cli(root, 'purge', '.', '--pi', '--yes', '--no-filter-repo');
  assert.equal(purge.status, 0, purge.stdout + purge.stderr);
  assert.deepEqual(objectsHolding(root, ID), []);
  assert.match(git(root, 'show', 'HEAD~1:customers/a.md'), /110105\*{8}002X/);
});
