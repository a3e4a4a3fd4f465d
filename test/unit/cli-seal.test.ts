import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { appraise, cli, commitAll, DETAILS, git } from './git-fixtures';
import { REPO, tempWorkspace } from './helpers';

const ageBin = spawnSync('age-keygen', ['--version'], { encoding: 'utf8' }).status === 0;

const basic = (id: string, customer: string, phone: string) =>
  [
    '---',
    `id: ${id}`,
    'category: basic',
    `customer: ${customer}`,
    'customer_type: person',
    'title: 基本信息',
    'date: 2026-03-01',
    'contact_person: 李四',
    `phone: "${phone}"`,
    'address: 北京市朝阳区',
    '---',
    'Body.',
    '',
  ].join('\n');

const batch = [
  '---',
  'kind: destruction-batch',
  'batch_id: XH-2026-021',
  'status: executed',
  'method: crypto-erase',
  'records:',
  '  - path: customers/zw.md',
  '    customer: 张伟',
  'tombstones:',
  '  - id: "JB-1"',
  '    path: "customers/zw.md"',
  '    destroyed_on: 2026-12-02',
  '---',
  '',
].join('\n');

function keygen(dir: string, name: string): { file: string; recipient: string } {
  const file = path.join(dir, `${name}.key`);
  const r = spawnSync('age-keygen', ['-o', file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return { file, recipient: /age1[0-9a-z]+/.exec(r.stderr)![0] };
}

/** A sealed value's text as the file at `rev` holds it. */
const sealedAt = (root: string, rev: string, file: string, field: string) =>
  new RegExp(`${field}: "?(age:[^"\\n]+)`).exec(git(root, 'show', `${rev}:${file}`))![1];

/** Whether any of the identities opens a sealed value, by the standard age command. */
function opens(value: string, identities: string[]): boolean {
  const args = ['-d', ...identities.flatMap((i) => ['-i', i])];
  return spawnSync('age', args, { input: Buffer.from(value.slice(4), 'base64') }).status === 0;
}

test('seal, commit, push, crypto-erase one customer: no copy of their values opens anywhere; the other customer still opens', async (t) => {
  if (!ageBin) return t.skip('age and age-keygen are not installed (test/harness/install-tools.sh installs them)');
  const root = tempWorkspace({ 'customers/zw.md': basic('JB-1', '张伟', '13912345678'), 'customers/ln.md': basic('JB-2', '李娜', '13800001111') });
  const secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-secrets-'));
  t.after(() => fs.rmSync(secrets, { recursive: true, force: true }));
  const alice = keygen(secrets, 'alice');
  const bob = keygen(secrets, 'bob');
  const store = path.join(secrets, 'store');
  const backup = path.join(secrets, 'backup');
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'plain records');
  // Refusals first: a store inside the repository, one custodian, a seal without a key.
  assert.equal(cli(root, 'keys', 'init', '.', '--keys', 'keys', '--custodian', `alice=${alice.recipient}`, `bob=${bob.recipient}`).status, 1);
  assert.equal(cli(root, 'keys', 'init', '.', '--keys', store, '--custodian', `alice=${alice.recipient}`).status, 1);
  const init = cli(root, 'keys', 'init', '.', '--keys', store, '--custodian', `alice=${alice.recipient}`, `王会计=${bob.recipient}`, '--backup', backup);
  assert.equal(init.status, 0, init.stderr);
  const plainCheck = cli(root, 'check', '.', '--format', 'json');
  assert.equal(JSON.parse(plainCheck.stdout).findings.filter((f: { code: string }) => f.code === 'plain-sensitive').length, 4);
  const noKey = cli(root, 'seal', '.', '--write');
  assert.equal(noKey.status, 1);
  assert.match(noKey.stderr, /no key yet/);
  const dry = cli(root, 'seal', '.', '--keys', store);
  assert.equal(dry.status, 0, dry.stderr);
  assert.match(dry.stdout, /would seal 4 values in 2 files/);
  assert.equal(fs.readFileSync(path.join(root, 'customers/zw.md'), 'utf8'), basic('JB-1', '张伟', '13912345678'));
  const sealed = cli(root, 'seal', '.', '--keys', store, '--write');
  assert.equal(sealed.status, 0, sealed.stderr);
  const checked = cli(root, 'check', '.', '--keys', store, '--identity', bob.file, '--format', 'json');
  assert.equal(checked.status, 0, checked.stdout + checked.stderr);
  assert.match(checked.stderr, /opened and checked 4 sealed values/);
  assert.equal(JSON.parse(checked.stdout).findings.length, 0);
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'sealed');
  const remote = path.join(secrets, 'remote.git');
  git(secrets, 'init', '-q', '--bare', '-b', 'main', remote);
  git(root, 'push', '-q', remote, 'main');
  const clone = path.join(secrets, 'clone');
  git(secrets, 'clone', '-q', remote, clone);
  fs.cpSync(store, backup, { recursive: true });
  const unseal = cli(root, 'unseal', 'customers/zw.md', '--field', 'phone', '--keys', store, '--identity', alice.file);
  assert.deepEqual([unseal.status, unseal.stdout], [0, '139****5678\n']);
  // The record is still there: its values would become unreadable too, so the key is not destroyed.
  fs.mkdirSync(path.join(root, 'disposal'));
  fs.writeFileSync(path.join(root, 'disposal/XH-2026-021.md'), batch);
  const early = cli(root, 'keys', 'destroy', '张伟', '.', '--batch', 'disposal/XH-2026-021.md', '--keys', store);
  assert.equal(early.status, 1);
  assert.match(early.stderr, /still has sealed records outside this batch/);
  fs.rmSync(path.join(root, 'customers/zw.md'));
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'destroyed by XH-2026-021');
  const erase = cli(root, 'keys', 'destroy', '张伟', '.', '--batch', 'disposal/XH-2026-021.md', '--keys', store, '--out', path.join(secrets, 'statement.md'));
  // Not complete: the backup still holds the key, and the first commit holds the plain values.
  assert.equal(erase.status, 1, erase.stderr);
  assert.match(erase.stdout, new RegExp(`${store.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: absent`));
  assert.match(erase.stdout, /backup: STILL PRESENT/);
  assert.match(erase.stdout, /history purge is still required/);
  assert.match(erase.stdout, /customers\/zw\.md \(张伟\): phone, address/);
  assert.equal(fs.readFileSync(path.join(secrets, 'statement.md'), 'utf8'), erase.stdout);
  assert.match(
    fs.readFileSync(path.join(root, '.records/keys.yaml'), 'utf8'),
    /张伟:\n\s+fingerprint: [0-9a-f]{16}\n\s+created: \S+\n\s+destroyed: \S+\n\s+batch: disposal\/XH-2026-021\.md/,
  );
  // Every remaining identity — the custodians', every key left in the store, and what is still in the backup once destroyed too — opens none of 张伟's sealed copies.
  fs.rmSync(path.join(backup, 'keys'), { recursive: true });
  const remaining = [alice.file, bob.file];
  for (const f of fs.readdirSync(path.join(store, 'keys'))) {
    const out = path.join(secrets, `${f}.identity`);
    const r = spawnSync('age', ['-d', '-i', alice.file, '-o', out, path.join(store, 'keys', f)]);
    assert.equal(r.status, 0);
    remaining.push(out);
  }
  assert.equal(remaining.length, 3, 'the custodians and 李娜');
  for (const [where, rev] of [
    [root, 'HEAD~1'],
    [clone, 'HEAD'],
    [remote, 'main'],
  ] as const) {
    assert.ok(!opens(sealedAt(where, rev, 'customers/zw.md', 'phone'), remaining), `${where} ${rev}`);
    assert.ok(opens(sealedAt(where, rev, 'customers/ln.md', 'phone'), remaining), `李娜 in ${where}`);
  }
  const again = cli(root, 'keys', 'destroy', '张伟', '.', '--batch', 'disposal/XH-2026-021.md', '--keys', store);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /crypto-erased already/);
  const erasedCheck = cli(root, 'unseal', 'customers/ln.md', '--field', 'phone', '--full', '--keys', store, '--identity', bob.file);
  assert.deepEqual([erasedCheck.status, erasedCheck.stdout], [0, '13800001111\n']);
});

test('keys destroy needs an executed crypto-erase batch; add-custodian with a wrong identity changes nothing', async (t) => {
  if (!ageBin) return t.skip('age-keygen is not installed');
  const root = tempWorkspace({
    'customers/zw.md': basic('JB-1', '张伟', '13912345678'),
    'disposal/XH-1.md': batch.replace('status: executed', 'status: approved'),
  });
  const secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-secrets-'));
  t.after(() => fs.rmSync(secrets, { recursive: true, force: true }));
  const [a, b, c, stranger] = ['a', 'b', 'c', 'x'].map((n) => keygen(secrets, n));
  const store = path.join(secrets, 'store');
  assert.equal(cli(root, 'keys', 'init', '.', '--keys', store, '--custodian', `a=${a.recipient}`, `b=${b.recipient}`).status, 0);
  assert.equal(cli(root, 'seal', '.', '--keys', store, '--write').status, 0);
  assert.equal(cli(root, 'keys', 'destroy', '张伟', '.', '--keys', store).status, 2);
  const approved = cli(root, 'keys', 'destroy', '张伟', '.', '--batch', 'disposal/XH-1.md', '--keys', store);
  assert.equal(approved.status, 1);
  assert.match(approved.stderr, /is not executed/);
  const keyFiles = () => fs.readdirSync(path.join(store, 'keys')).map((f) => fs.readFileSync(path.join(store, 'keys', f)).toString('base64'));
  const before = keyFiles();
  const wrong = cli(root, 'keys', 'add-custodian', '.', '--keys', store, '--custodian', `c=${c.recipient}`, '--identity', stranger.file);
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /does not open with the custodian identity given/);
  assert.deepEqual(keyFiles(), before);
  const added = cli(root, 'keys', 'add-custodian', '.', '--keys', store, '--custodian', `c=${c.recipient}`, '--identity', a.file);
  assert.equal(added.status, 0, added.stderr);
  // The new custodian opens the customer's key file with the standard age command.
  const f = fs.readdirSync(path.join(store, 'keys'))[0];
  assert.equal(spawnSync('age', ['-d', '-i', c.file, path.join(store, 'keys', f)]).status, 0);
  const list = cli(root, 'keys', 'list', '.', '--keys', store);
  assert.match(list.stdout, /张伟\t[0-9a-f]{16}\t\S+\tin store\ncustodians: a, b, c\n/);
  const noIdentity = cli(root, 'check', '.', '--keys', store);
  assert.equal(noIdentity.status, 2);
  assert.match(noIdentity.stderr, /--identity FILE/);
});

test('the CLI without its age bundle (as inside the .vsix) says so and exits 1 for seal, never an internal error', () => {
  const root = tempWorkspace({ 'customers/zw.md': basic('JB-1', '张伟', '13912345678') });
  const bare = tempWorkspace({});
  for (const f of ['cli.js', 'index-worker.js']) fs.copyFileSync(path.join(REPO, 'dist', f), path.join(bare, f));
  const r = spawnSync(process.execPath, [path.join(bare, 'cli.js'), 'seal', root], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /this installation has no age library .*age-crypto\.js is missing/);
});

test('batch execute --keys of an approved crypto-erase batch destroys the key; sealed from the first commit, no plain version survives', async (t) => {
  if (!ageBin) return t.skip('age-keygen is not installed');
  const old = basic('JB-1', '张伟', '13912345678').replace('date: 2026-03-01', 'date: 2015-06-10');
  const root = tempWorkspace({ 'customers/zw.md': old, 'customers/ln.md': basic('JB-2', '李娜', '13800001111') });
  const secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-secrets-'));
  t.after(() => fs.rmSync(secrets, { recursive: true, force: true }));
  const [a, b] = ['a', 'b'].map((n) => keygen(secrets, n));
  const store = path.join(secrets, 'store');
  git(root, 'init', '-q', '-b', 'main');
  assert.equal(cli(root, 'keys', 'init', '.', '--keys', store, '--custodian', `a=${a.recipient}`, `b=${b.recipient}`).status, 0);
  assert.equal(cli(root, 'seal', '.', '--keys', store, '--write').status, 0);
  commitAll(root, 'sealed records');
  const details = DETAILS.map((d) => (d === 'method=git-purge' ? 'method=crypto-erase' : d));
  const created = cli(root, 'batch', 'create', '.', '--records', 'JB-1', ...details);
  assert.equal(created.status, 0, created.stderr);
  const file = /wrote (\S+):/.exec(created.stdout)![1];
  appraise(root, file);
  const approved = cli(root, 'batch', 'approve', file);
  assert.equal(approved.status, 0, approved.stdout + approved.stderr);
  const fp = /张伟:\n\s+recipient: \S+\n\s+fingerprint: ([0-9a-f]{16})/.exec(fs.readFileSync(path.join(root, '.records/keys.yaml'), 'utf8'))![1];
  assert.ok(fs.existsSync(path.join(store, `keys/${fp}.age`)));
  const executed = cli(root, 'batch', 'execute', file, '--yes', '--keys', store);
  assert.equal(executed.status, 0, executed.stdout + executed.stderr);
  assert.ok(!fs.existsSync(path.join(store, `keys/${fp}.age`)));
  assert.match(executed.stdout, new RegExp(`张伟 \\| \`${fp}\` \\| .*: absent`));
  assert.match(executed.stdout, /No commit holds these customers’ sensitive values in plain text/);
  assert.equal(fs.readdirSync(path.join(store, 'keys')).length, 1, '李娜 keeps her key');
});
