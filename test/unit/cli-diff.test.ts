import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, tempWorkspace } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');
const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x', LANG: 'C' };

const contract = (signed: string, amount: string, idNumber = '') =>
  [
    '---',
    'id: HT-2020-001',
    'category: contract',
    'customer: 张伟',
    'customer_type: person',
    'title: "Supply contract"',
    'date: 2020-02-01',
    'contract_no: XC-2020-HT-001',
    `signed_date: ${signed}`,
    `amount: ${amount}`,
    ...(idNumber ? [`note: "ID ${idNumber}"`] : []),
    '---',
    'Terms.',
    '',
  ].join('\n');

function setup() {
  const root = tempWorkspace({ 'contracts/supply.md': contract('2020-02-01', '1000'), 'other/plain.md': '# not a record\n' });
  const git = (...a: string[]) => execFileSync('git', a, { cwd: root, env, stdio: 'ignore' });
  const commit = (msg: string) => {
    git('add', '-A');
    git('commit', '-qm', msg);
  };
  git('init', '-q', '-b', 'main');
  commit('contract');
  return { root, commit };
}

const run = (root: string, ...args: string[]) => spawnSync(process.execPath, [CLI, 'diff', ...args], { cwd: root, encoding: 'utf8', env });

test('diff HEAD~1..HEAD: the changed fields as table rows, an introduced finding, then the same finding fixed', () => {
  const { root, commit } = setup();
  fs.writeFileSync(path.join(root, 'contracts/supply.md'), contract('2020-02-30', '1200', '11010519491231002X'));
  commit('typo in the date');
  const r = run(root, 'HEAD~1..HEAD');
  assert.equal(r.status, 0, r.stderr);
  const md = r.stdout;
  assert.match(
    md,
    /^## Record changes: 1 record, 2 findings introduced, 0 fixed\n\n`HEAD~1` → `HEAD`\n\n### Contracts\n\n\*\*`contracts\/supply\.md`\*\* · HT-2020-001 · Supply contract — modified\n\n/,
  );
  const rows = md.split('\n').filter((l) => l.startsWith('| '));
  assert.deepEqual(rows, [
    '| Field | Before | After |',
    '| --- | --- | --- |',
    '| Signed on (`signed_date`) | 2020-02-01 | 2020-02-30 |',
    '| Amount (`amount`) | 1000 | 1200 |',
    '| `note` | — | ID 110105\\*\\*\\*\\*\\*\\*\\*\\*002X |',
  ]);
  assert.doesNotMatch(md, /11010519491231002X/, 'the ID number is masked everywhere');
  assert.match(
    md,
    /### Findings introduced \(2\)\n\n- \*\*error\*\* `invalid-date` `contracts\/supply\.md:9` — signed\\_date \(Signed on\): 2020-02-30 is not a real date\n/,
  );
  assert.match(
    md,
    /- \*\*warning\*\* `pi-id-number` `contracts\/supply\.md:11` — Resident ID number in plain text in note: a data-leak risk; mask it as 110105(\\\*){8}002X\n/,
  );
  assert.match(md, /### Findings fixed \(0\)\n\nNone\.\n$/);

  fs.writeFileSync(path.join(root, 'contracts/supply.md'), contract('2020-02-03', '1200'));
  commit('fix the date, remove the ID');
  const fixed = run(root, 'HEAD~1..HEAD', '.', '--format', 'json');
  assert.equal(fixed.status, 0, fixed.stderr);
  const summary = JSON.parse(fixed.stdout);
  assert.equal(summary.base, 'HEAD~1');
  assert.deepEqual(summary.introduced, []);
  assert.deepEqual(
    summary.fixed.map((f: { code: string; path: string }) => [f.code, f.path]),
    [
      ['invalid-date', 'contracts/supply.md'],
      ['pi-id-number', 'contracts/supply.md'],
    ],
  );
  assert.deepEqual(
    summary.records[0].changes.map((c: { field: string; kind: string }) => `${c.kind} ${c.field}`),
    ['changed signed_date', 'removed note'],
  );
  const zh = run(root, 'HEAD~1..HEAD', '--lang', 'zh').stdout;
  assert.match(zh, /^## 档案变更 \/ Record changes：1 条记录 \/ records，新增问题 \/ introduced 0，已修复 \/ fixed 2\n/);
  assert.match(zh, /### 合同信息 \/ Contracts\n/);
  assert.match(
    zh,
    /\| 字段 \/ Field \| 修改前 \/ Before \| 修改后 \/ After \|\n\| --- \| --- \| --- \|\n\| 签订日期 \(`signed_date`\) \| 2020-02-30 \| 2020-02-03 \|/,
  );
  assert.match(
    zh,
    /### 已修复问题 \/ Findings fixed \(2\)\n\n- \*\*error\*\* `invalid-date` `contracts\/supply\.md:9` — signed\\_date \(签订日期\)：2020-02-30 不是真实存在的日期\n/,
  );
});

test('diff BASE compares with the working tree (records only); usage errors exit 2', () => {
  const { root } = setup();
  fs.writeFileSync(path.join(root, 'contracts/supply.md'), contract('2020-02-01', '900'));
  fs.mkdirSync(path.join(root, 'new'));
  fs.writeFileSync(path.join(root, 'new/n.md'), '---\nid: N-1\ncategory: other\ntitle: "New | one"\n---\n');
  const r = run(root, 'HEAD');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^## Record changes: 2 records, 0 findings introduced, 0 fixed\n\n`HEAD` → working tree\n/);
  assert.match(r.stdout, /\| Amount \(`amount`\) \| 1000 \| 900 \|/);
  assert.match(
    r.stdout,
    /\*\*`new\/n\.md`\*\* · N-1 · New \\\| one — added\n\n\| Field \| Before \| After \|\n\| --- \| --- \| --- \|\n\| Record ID \(`id`\) \| — \| N-1 \|\n\| Category \(`category`\) \| — \| other \|\n\| Title \(`title`\) \| — \| New \\\| one \|\n\n_Findings/,
  );
  assert.match(r.stdout, /Findings are compared between commits only/);
  assert.doesNotMatch(r.stdout, /### Findings introduced/);
  assert.equal(run(root).status, 2);
  assert.equal(run(root, 'no-such-branch..HEAD').status, 2);
  assert.equal(run(root, 'HEAD..HEAD', '--format', 'xml').status, 2);
  const outside = tempWorkspace({ 'x.md': '---\nid: x\n---\n' });
  const notGit = run(outside, 'HEAD~1..HEAD');
  assert.equal(notGit.status, 2);
  assert.match(notGit.stderr, /not inside a git repository/);
});
