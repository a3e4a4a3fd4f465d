/**
 * Migrating numbers written the earlier way ({fonds}-{subject}·{year}-{retention}-{number}) to the DA/T 22-2015
 * form is a reviewed edit, never automatic (issue 15, item 2): the plan first, the files only with --write.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { planRenumbering } from '../../src/core/archive/renumber';
import { indexText } from '../../src/core/index/index-file';
import { allRules } from '../../src/core/rules';
import { defaultSchema } from '../../src/core/schema/load';
import { record, REPO, tempWorkspace } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
const schema = defaultSchema();
const opts = { schema, lang: 'en' as const, rules: allRules, fileExists: () => true };

const tx = (id: string, date: string, archiveNo: string, kind?: string) =>
  record({
    id,
    category: 'transaction',
    customer: '北京云帆科技有限公司',
    customer_type: 'organization',
    title: id,
    date,
    amount: '100',
    currency: 'CNY',
    payment_method: 'bank-transfer',
    ...(kind ? { doc_kind: kind } : {}),
    archive_no: archiveNo,
  });
const service = (id: string, archiveNo: string) =>
  record({
    id,
    category: 'service',
    customer: '张伟',
    customer_type: 'person',
    title: id,
    date: '2020-05-01',
    service_type: 'support',
    staff: '王工',
    archive_no: archiveNo,
  });

const FILES = {
  'a.md': service('FW-1', 'Z001-FW·2020-D3-0001'),
  // Numbered D30 the old way, but an invoice stub is kept 5 years (发票管理办法 Art. 28): it moves scope.
  'b.md': tx('JY-1', '2020-03-01', 'Z001-JY·2020-D30-0001', 'invoice-stub'),
  'c.md': tx('JY-2', '2020-04-01', 'Z001-JY·2020-D30-0002'),
  'd.md': tx('JY-3', '2020-05-01', 'Z001-WS·2020-D30-JY-0003'),
};

describe('renumbering archive numbers', () => {
  test('the plan keeps the item number where only the writing changes, and moves a record whose period changed', () => {
    const records = Object.entries(FILES).flatMap(([p, t]) => indexText(p, t, { mtimeMs: 1, size: 1 }, opts).records);
    const plan = planRenumbering(records, schema);
    assert.deepEqual(
      plan.changes.map((c) => [c.record.file, c.from, c.to, c.why]),
      [
        ['a.md', 'Z001-FW·2020-D3-0001', 'Z001-WS·2020-D3-FW-0001', 'format'],
        ['b.md', 'Z001-JY·2020-D30-0001', 'Z001-WS·2020-D5-JY-0001', 'moved'],
        ['c.md', 'Z001-JY·2020-D30-0002', 'Z001-WS·2020-D30-JY-0002', 'format'],
      ],
    );
    assert.equal(plan.unchanged, 1, 'd.md is already right');
  });

  test('check says a number is written the earlier way; renumber lists the plan, writes only with --write, and then has nothing to do', () => {
    const root = tempWorkspace({ ...FILES, 'e.md': service('FW-2', 'XX-1') });
    const check = run(root, 'check', '.');
    assert.match(check.stdout, /a\.md:\d+:\d+ error invalid-archive-no .*written the earlier way/);
    const before = fs.readFileSync(path.join(root, 'a.md'), 'utf8');
    const dry = run(root, 'renumber', '.');
    assert.equal(dry.status, 1, 'an unreadable number is left for a person, and said so');
    assert.match(dry.stderr, /e\.md:1\tarchive number not readable in either format; left as it is\tXX-1/);
    assert.match(dry.stdout, /a\.md:1\tZ001-FW·2020-D3-0001 → Z001-WS·2020-D3-FW-0001\tformat/);
    assert.match(dry.stdout, /b\.md:1\tZ001-JY·2020-D30-0001 → Z001-WS·2020-D5-JY-0001\tmoved/);
    assert.match(dry.stdout, /would renumber 3 archive numbers; 1 already right \(review, then add --write\)/);
    assert.equal(fs.readFileSync(path.join(root, 'a.md'), 'utf8'), before, 'nothing written without --write');
    fs.rmSync(path.join(root, 'e.md'));
    const write = run(root, 'renumber', '.', '--write');
    assert.equal(write.status, 0, write.stderr);
    assert.equal(fs.readFileSync(path.join(root, 'a.md'), 'utf8'), before.replace('Z001-FW·2020-D3-0001', 'Z001-WS·2020-D3-FW-0001'));
    assert.match(run(root, 'renumber', '.').stdout, /would renumber 0 archive numbers; 4 already right/);
    assert.doesNotMatch(run(root, 'check', '.').stdout, /invalid-archive-no|archive-no-mismatch/);
  });
});
