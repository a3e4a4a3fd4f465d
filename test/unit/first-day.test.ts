// Issue 16, "What it must show": a workspace of hand-written Chinese records the project was not built on.
// Set Up (`init --infer`) fits the schema to it, and then `check` reports the genuine defects and nothing
// else, with the right suggestions.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { firstDayDefects, firstDayFiles } from '../fixtures/first-day/build';
import { REPO, tempWorkspace } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

interface JsonFinding {
  path: string;
  code: string;
  message: string;
  fix?: { title: string };
}
const findings = (root: string): JsonFinding[] => (JSON.parse(run(root, 'check', '.', '--format', 'json').stdout) as { findings: JsonFinding[] }).findings;

describe("the first day with a real company's records", () => {
  test('after init --infer --fonds, check reports exactly the genuine defects', () => {
    const root = tempWorkspace(firstDayFiles);
    const init = run(root, 'init', '--infer', '--fonds', 'Z109');
    assert.equal(init.status, 0, init.stderr);
    // What it read and what it proposes, before it writes: 备注 is a field the records have.
    assert.match(init.stdout, /Read 29 records in 28 files\./);
    assert.match(init.stdout, /^ {2}客户类型 \(27\): read as customer_type$/m);
    assert.match(init.stdout, /^ {2}custmer \(1\): looks like a slip for customer/m);
    assert.match(init.stdout, /^ {2}channel 传真 \(1\): not an allowed value: check reports it$/m);
    assert.match(init.stdout, /declare field 备注 \(string; in 2 records\)/);
    const schema = fs.readFileSync(path.join(root, '.records/schema.yaml'), 'utf8');
    assert.match(schema, /^ {2}fonds: Z109$/m);
    assert.match(schema, /^ {2}备注:\n {4}type: string$/m);
    const got = findings(root)
      .map((f) => `${f.path} ${f.code}`)
      .sort();
    assert.deepEqual(got, firstDayDefects.map(([p, c]) => `${p} ${c}`).sort());
  });

  test('the suggestions are right: slips named with a rename, Chinese values never "did you mean im"', () => {
    const root = tempWorkspace(firstDayFiles);
    assert.equal(run(root, 'init', '--infer', '--fonds', 'Z109').status, 0);
    const all = findings(root);
    const on = (file: string, code: string) => all.find((f) => f.path.endsWith(file) && f.code === code)!;
    assert.match(on('2020 维护合同.md', 'unknown-field').message, /unknown field categroy; did you mean category\?/);
    assert.match(on('2021 定制开发合同.md', 'unknown-field').message, /did you mean customer\?/);
    assert.doesNotMatch(on('2024-01 传真.md', 'invalid-enum').message, /did you mean/);
    assert.match(on('2023-03-15 电话沟通.md', 'pi-mobile').message, /mask it as 139 \*{4} 5678/);
    // The fixes the findings carry: renames for the slips; no second, empty customer beside custmer; nothing for 传真.
    const diff = run(root, 'check', '.', '--fix-dry-run').stdout;
    assert.match(diff, /^-categroy: 合同\n\+category: 合同$/m);
    assert.match(diff, /^-custmer: 张伟\n\+customer: 张伟$/m);
    assert.doesNotMatch(diff, /^\+customer: ""/m);
    assert.doesNotMatch(diff, /传真/);
  });

  test('check --fix renames the slips, and the records then read whole', () => {
    const root = tempWorkspace(firstDayFiles);
    assert.equal(run(root, 'init', '--infer', '--fonds', 'Z109').status, 0);
    run(root, 'check', '.', '--fix');
    const contract = fs.readFileSync(path.join(root, '客户档案/张伟/合同/2021 定制开发合同.md'), 'utf8');
    assert.match(contract, /^customer: 张伟$/m);
    const left = findings(root).map((f) => f.code);
    assert.ok(!left.includes('unknown-field') && !left.includes('missing-category'), left.join(', '));
  });

  test('without a schema the built-in one already reads the Chinese keys and values', () => {
    const root = tempWorkspace(firstDayFiles);
    const codes = findings(root).map((f) => f.code);
    // Only 备注, which nobody declared yet, is extra; no "no category", no six missing fields per record.
    assert.equal(codes.filter((c) => c === 'missing-field').length, 3);
    assert.deepEqual(
      codes.filter((c) => c === 'invalid-enum' || c === 'unknown-category'),
      ['invalid-enum'],
    );
  });

  test('init --infer without --fonds shows what it found and writes nothing', () => {
    const root = tempWorkspace(firstDayFiles);
    const r = run(root, 'init', '--infer');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /give the fonds code \(全宗号\) with --fonds CODE/);
    assert.match(r.stdout, /Keys:/);
    assert.equal(fs.existsSync(path.join(root, '.records/schema.yaml')), false);
    assert.equal(run(root, 'init', '--infer', '--fonds', 'Z-1').status, 2);
    const dry = run(root, 'init', '--infer', '--fonds', 'Z109', '--dry-run');
    assert.equal(dry.status, 0);
    assert.match(dry.stdout, /fonds: Z109/);
    assert.equal(fs.existsSync(path.join(root, '.records/schema.yaml')), false);
  });
});
