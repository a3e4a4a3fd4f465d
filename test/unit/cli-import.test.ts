import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, tempWorkspace } from './helpers';
import { GBK_CSV } from './import-values.test';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

/** Every file under root except git's, with its text. */
function files(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    const abs = path.join(e.parentPath, e.name);
    if (e.isFile()) out[path.relative(root, abs).split(path.sep).join('/')] = fs.readFileSync(abs, 'utf8');
  }
  return out;
}

const HUAYUAN = 'customers/华远科技/contract/HT-2024-001.md';

describe('records-curator import: a GBK CSV as Chinese Excel saves it', () => {
  test('dry run by default: the plan, the guessed mapping, nothing written', () => {
    const root = tempWorkspace({ 'in/合同台账.csv': GBK_CSV });
    const r = run(root, 'import', 'in/合同台账.csv', '--category', 'contract');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /gb18030, header on line 2, 1 rows/);
    assert.match(r.stdout, /客户名称 → customer\n/);
    assert.match(r.stdout, new RegExp(`create ${HUAYUAN}`));
    assert.match(r.stdout, /would create 1, update 0, skip 0; conflicts 0, rejected 0 \(dry run/);
    assert.deepEqual(Object.keys(files(root)), ['in/合同台账.csv']);
  });

  test('written, checked clean by the real check, re-imported after an edit: only the changed field changes; a hand edit is a conflict', () => {
    const root = tempWorkspace({ 'in/合同台账.csv': GBK_CSV });
    const w = run(root, 'import', 'in/合同台账.csv', '--category', 'contract', '--write', '--format', 'json');
    assert.equal(w.status, 0, w.stderr);
    const report = JSON.parse(w.stdout) as { counts: Record<string, number>; written: boolean };
    assert.deepEqual(report.counts, { created: 1, updated: 0, skipped: 0, conflicts: 0, rejected: 0 });
    const all = files(root);
    assert.deepEqual(Object.keys(all).sort(), ['.records/imports/合同台账.state.json', '.records/imports/合同台账.yaml', HUAYUAN, 'in/合同台账.csv']);
    assert.equal(
      all[HUAYUAN],
      '---\nid: HT-2024-001\ncategory: contract\ncustomer: 华远科技\ncustomer_type: organization\ntitle: 华远科技 HT-0001\ndate: 2024-03-01\n' +
        'contract_no: HT-0001\nsigned_date: 2024-03-01\namount: "1234.50"\n---\n\n# 华远科技 HT-0001\n',
    );
    assert.doesNotMatch(all['.records/imports/合同台账.state.json'], /"customer": "华远|1234\.50/, 'the state keeps hashes, not a second copy of the values');
    const check = run(root, 'check', '.');
    assert.equal(check.status, 0, check.stdout + check.stderr);

    // The same file again: nothing to do.
    const again = run(root, 'import', 'in/合同台账.csv', '--write');
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /create 0, update 0, skip 1; conflicts 0, rejected 0/);
    assert.match(again.stdout, /\(saved\)/);

    // A hand edit with a comment, then the source changes that field and another.
    const abs = path.join(root, HUAYUAN);
    fs.writeFileSync(abs, all[HUAYUAN].replace('amount: "1234.50"', 'amount: "1300.00"  # 补充协议').replace('\n# ', '\nBody kept.\n\n# '));
    const edited = fs.readFileSync(abs, 'utf8');
    const csv = new TextDecoder('gb18030').decode(GBK_CSV).replace('"￥1,234.50"', '"￥2,000.00"').replace('2024年3月1日', '2024年3月2日');
    fs.writeFileSync(path.join(root, 'in/合同台账.csv'), '\uFEFF' + csv);
    const re = run(root, 'import', 'in/合同台账.csv', '--write');
    assert.equal(re.status, 0, re.stderr);
    assert.match(re.stdout, /utf-8-bom/);
    assert.match(re.stdout, /update\t?\s*customers\/华远科技\/contract\/HT-2024-001\.md/);
    assert.match(re.stdout, /signed_date: 2024-03-01 → 2024-03-02/);
    assert.match(
      re.stdout,
      /conflict\s+customers\/华远科技\/contract\/HT-2024-001\.md amount: now 1300\.00 \(edited by hand since the last import\), source says 2000\.00; left as it is/,
    );
    assert.match(re.stdout, /create 0, update 1, skip 0; conflicts 1, rejected 0/);
    // date comes from signed_date through the mapping's default, so it follows too; everything else stays byte for byte.
    assert.equal(
      fs.readFileSync(abs, 'utf8'),
      edited.replace('date: 2024-03-01', 'date: 2024-03-02').replace('signed_date: 2024-03-01', 'signed_date: 2024-03-02'),
    );
    assert.equal(run(root, 'check', '.').status, 0);
  });
});

describe('records-curator import: the state an earlier version wrote', () => {
  test('a version 1 state (indented, 128-bit hex hashes) still tells a source change from a hand edit; the next write is version 2', () => {
    const root = tempWorkspace({ 'in/合同台账.csv': GBK_CSV });
    assert.equal(run(root, 'import', 'in/合同台账.csv', '--category', 'contract', '--write').status, 0);
    const statePath = path.join(root, '.records/imports/合同台账.state.json');
    const v2 = JSON.parse(fs.readFileSync(statePath, 'utf8')) as { version: number; fields: string[]; records: Record<string, [string, string]> };
    assert.equal(v2.version, 2);
    assert.deepEqual(Object.keys(v2.records), ['HT-0001']);
    assert.equal(v2.records['HT-0001'][0], HUAYUAN);
    // The same import as version 1 kept it: every imported value of the record, hashed the way it hashed them.
    const record = fs.readFileSync(path.join(root, HUAYUAN), 'utf8');
    const values = Object.fromEntries([...record.matchAll(/^([a-z_]+): "?([^"\n]*)"?$/gm)].map((m) => [m[1], m[2]]));
    assert.deepEqual(Object.keys(values).sort(), [...v2.fields].sort());
    const hex = (v: string) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 32);
    const fields = Object.fromEntries(Object.entries(values).map(([f, v]) => [f, hex(v)]));
    fs.writeFileSync(statePath, JSON.stringify({ version: 1, key: 'contract_no', records: { 'HT-0001': { path: HUAYUAN, fields } } }, null, 2) + '\n');

    const again = run(root, 'import', 'in/合同台账.csv', '--write');
    assert.match(again.stdout, /create 0, update 0, skip 1; conflicts 0, rejected 0/);
    fs.writeFileSync(path.join(root, HUAYUAN), record.replace('amount: "1234.50"', 'amount: "1300.00"'));
    const csv = new TextDecoder('gb18030').decode(GBK_CSV).replace('"￥1,234.50"', '"￥2,000.00"').replace('2024年3月1日', '2024年3月2日');
    fs.writeFileSync(path.join(root, 'in/合同台账.csv'), csv);
    const re = run(root, 'import', 'in/合同台账.csv', '--write');
    assert.equal(re.status, 0, re.stderr);
    assert.match(re.stdout, /signed_date: 2024-03-01 → 2024-03-02/);
    assert.match(re.stdout, /conflict\s+customers\/华远科技\/contract\/HT-2024-001\.md amount: now 1300\.00 \(edited by hand since the last import\)/);
    assert.match(re.stdout, /create 0, update 1, skip 0; conflicts 1, rejected 0/);
    const after = JSON.parse(fs.readFileSync(statePath, 'utf8')) as typeof v2;
    assert.equal(after.version, 2);
    // The conflicting field keeps what version 1 knew of it, so it is still a hand edit the next time.
    const amount = after.fields.indexOf('amount');
    assert.equal(after.records['HT-0001'][1].split(' ')[amount], fields.amount);
    const third = run(root, 'import', 'in/合同台账.csv', '--write');
    assert.match(third.stdout, /create 0, update 0, skip 0; conflicts 1, rejected 0/);
  });
});

describe('records-curator import: rows and paths it refuses', () => {
  const csv = (rows: string[]) => Buffer.from(['客户名称,合同编号,签订日期,金额,客户类型', ...rows].join('\n') + '\n');

  test('a key twice in the file, a row without a key, values that try to climb out of the folder', () => {
    const root = tempWorkspace({
      'a.csv': csv(['../../etc,HT-1,2024-01-02,100,企业', '李娜,HT-1,2024-01-02,100,个人', '王强,,2024-01-02,100,个人', '/abs/x,HT-2,2024-01-02,5,企业']),
    });
    const r = run(root, 'import', 'a.csv', '--category', 'contract', '--write');
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /a\.csv:3\s+rejected: contract_no HT-1 appears again: the row on line 2 has it already/);
    assert.match(r.stdout, /a\.csv:4\s+rejected: no contract_no/);
    const written = Object.keys(files(root))
      .filter((f) => f.endsWith('.md'))
      .sort();
    assert.deepEqual(written, ['customers/abs-x/contract/HT-2024-002.md', 'customers/etc/contract/HT-2024-001.md']);
  });

  test('with --lang zh a rejected row says why in Chinese', () => {
    const root = tempWorkspace({ 'a.csv': csv(['华远,HT-1,2024-01-02,100,企业', '李娜,HT-1,2024-01-02,100,个人', '王强,,2024-01-02,100,个人']) });
    const r = run(root, 'import', 'a.csv', '--category', 'contract', '--lang', 'zh');
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /a\.csv:3\s+\S+ contract_no HT-1 重复出现：第 2 行已有/);
    assert.match(r.stdout, /a\.csv:4\s+\S+ 没有 contract_no（关键字段）/);
  });

  test('a pattern in the mapping that leaves the folder: a usage of the mapping refused, exit 1, nothing written', () => {
    for (const pattern of ['../out/{id}.md', '/tmp/h11-x/{id}.md']) {
      const root = tempWorkspace({
        'a.csv': csv(['华远,HT-1,2024-01-02,100,企业']),
        'm.yaml': `key: contract_no\ncategory: contract\npath: ${pattern}\ncolumns: { 客户名称: customer, 合同编号: contract_no }\n`,
      });
      const r = run(root, 'import', 'a.csv', '--map', 'm.yaml', '--write');
      assert.equal(r.status, 1, pattern);
      assert.match(r.stderr, /is not a relative path inside the folder; nothing imported/);
      assert.deepEqual(Object.keys(files(root)).sort(), ['a.csv', 'm.yaml']);
    }
  });

  test('a folder on the path that is a file, and a file already at the path: rejected, nothing replaced', () => {
    const root = tempWorkspace({
      'a.csv': csv(['华远,HT-1,2024-01-02,100,企业', '李娜,HT-2,2024-01-02,100,个人']),
      'customers/华远': 'I am a file\n',
      'customers/李娜/contract/HT-2024-002.md': 'someone else\n',
    });
    const r = run(root, 'import', 'a.csv', '--category', 'contract', '--write');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /a\.csv:2\s+rejected: customers\/华远\/contract\/HT-2024-001\.md is not a regular file/);
    assert.match(r.stdout, /a\.csv:3\s+rejected: customers\/李娜\/contract\/HT-2024-002\.md exists already and is not replaced/);
    assert.equal(fs.readFileSync(path.join(root, 'customers/华远'), 'utf8'), 'I am a file\n');
    assert.equal(fs.readFileSync(path.join(root, 'customers/李娜/contract/HT-2024-002.md'), 'utf8'), 'someone else\n');
  });

  test('a folder on the path that is a link (to outside): rejected, nothing written through it', () => {
    const outside = tempWorkspace({});
    const root = tempWorkspace({ 'a.csv': csv(['华远,HT-1,2024-01-02,100,企业']) });
    fs.mkdirSync(path.join(root, 'customers'));
    fs.symlinkSync(outside, path.join(root, 'customers/华远'));
    const r = run(root, 'import', 'a.csv', '--category', 'contract', '--write');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /rejected: customers\/华远\/contract\/HT-2024-001\.md is or passes through a symbolic link/);
    assert.deepEqual(fs.readdirSync(outside), []);
  });

  test('a key already in two records is not guessed between', () => {
    const rec = (id: string) => `---\nid: ${id}\ncategory: contract\ncontract_no: HT-1\n---\n`;
    const root = tempWorkspace({ 'a.csv': csv(['华远,HT-1,2024-01-02,100,企业']), 'x/a.md': rec('A-1'), 'x/b.md': rec('A-2') });
    const r = run(root, 'import', 'a.csv', '--category', 'contract', '--write');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /contract_no HT-1 is in 2 records already \(x\/a\.md, x\/b\.md\)/);
  });

  test('a long preview shows the first 50 records and how many more; JSON lists them all', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `客户${i},HT-${i},2024-01-02,100,企业`);
    const root = tempWorkspace({ 'a.csv': csv(rows) });
    const r = run(root, 'import', 'a.csv', '--category', 'contract');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.match(/^create\s/gm)?.length, 50);
    assert.match(r.stdout, /… and 10 more \(--format json lists them all\)\nwould create 60,/);
    const j = JSON.parse(run(root, 'import', 'a.csv', '--category', 'contract', '--format', 'json').stdout) as { created: unknown[] };
    assert.equal(j.created.length, 60);
  });

  test('a record of another category with the same number (a transaction naming the contract) is not the contract', () => {
    const root = tempWorkspace({
      'a.csv': csv(['华远,HT-1,2024-01-02,100,企业']),
      'x/pay.md': '---\nid: JY-1\ncategory: transaction\ncontract_no: HT-1\n---\n',
    });
    const r = run(root, 'import', 'a.csv', '--category', 'contract');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /would create 1, update 0, skip 0; conflicts 0, rejected 0/);
  });

  test('usage errors exit 2: no file, an unknown category, an unknown option', () => {
    const root = tempWorkspace({ 'a.csv': csv([]) });
    assert.equal(run(root, 'import').status, 2);
    assert.equal(run(root, 'import', 'a.csv', '--category', 'nope').status, 2);
    assert.equal(run(root, 'import', 'a.csv', '--wirte').status, 2);
    assert.equal(run(root, 'import', 'missing.csv').status, 2);
  });

  test('a UTF-16 LE tab-separated export and a JSON array with an 18-digit ID: exact strings, personal numbers listed masked', () => {
    const tsv = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('客户名称\t合同编号\t签订日期\t金额\t客户类型\t身份证号\n李娜\tHT-9\t2024/3/1\t1,000\t个人\t11010519491231002X\n', 'utf16le'),
    ]);
    const json = '[{"客户名称":"王强","合同编号":"HT-10","签订日期":"2024-03-01","金额":5,"客户类型":"个人","身份证号":110105194912310021}]';
    const root = tempWorkspace({ 'u.tsv': tsv, 'j.json': json });
    const r = run(root, 'import', 'u.tsv', 'j.json', '--category', 'contract', '--write');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /utf-16le/);
    assert.match(r.stdout, /personal number in plain text: id_number id-number 110105\*{8}002X/);
    const wang = Object.entries(files(root)).find(([p]) => p.includes('王强'))![1];
    assert.match(wang, /\nid_number: "110105194912310021"\n/);
    assert.match(wang, /\namount: 5\n/);
  });
});
