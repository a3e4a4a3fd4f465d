import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, SAMPLE, tempWorkspace } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

function sampleCopy(): string {
  const root = tempWorkspace({});
  fs.cpSync(SAMPLE, root, { recursive: true });
  return root;
}

describe('records-curator number and labels', () => {
  test('number is a dry run by default, --write writes archive_no and the archive date, and a second run has nothing to do', () => {
    const root = sampleCopy();
    const before = fs.readFileSync(path.join(root, 'service/2026/harbor-consulting.md'), 'utf8');
    const dry = run(root, 'number', '.', '--category', 'service');
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /service\/2026\/harbor-consulting\.md:1\tZ109-WS·2026-D3-FW-0001/);
    assert.match(dry.stdout, /would number 4 records; 3 already numbered/);
    assert.equal(fs.readFileSync(path.join(root, 'service/2026/harbor-consulting.md'), 'utf8'), before);
    const write = run(root, 'number', '.', '--category', 'service', '--write', '--date', '2026-11-27');
    assert.equal(write.status, 0, write.stderr);
    assert.equal(
      fs.readFileSync(path.join(root, 'service/2026/harbor-consulting.md'), 'utf8'),
      before.replace('custodian: 陈晨\n', 'custodian: 陈晨\narchive_no: Z109-WS·2026-D3-FW-0001\narchived_at: 2026-11-27\n'),
    );
    assert.match(run(root, 'number', '.', '--category', 'service').stdout, /would number 0 records; 7 already numbered/);
    assert.equal(run(root, 'check', '.').stdout.includes('duplicate-archive-no'), false);
  });

  test('number --no-date writes only archive_no; an archive date already there is kept', () => {
    const root = sampleCopy();
    const rel = 'service/2026/harbor-consulting.md';
    const before = fs.readFileSync(path.join(root, rel), 'utf8');
    assert.equal(run(root, 'number', '.', '--category', 'service', '--write', '--no-date').status, 0);
    assert.equal(fs.readFileSync(path.join(root, rel), 'utf8'), before.replace('custodian: 陈晨\n', 'custodian: 陈晨\narchive_no: Z109-WS·2026-D3-FW-0001\n'));
    const other = sampleCopy();
    fs.writeFileSync(path.join(other, rel), before.replace('custodian: 陈晨\n', 'custodian: 陈晨\narchived_at: 2026-01-05 # 实际归档日\n'));
    assert.equal(run(other, 'number', '.', '--category', 'service', '--write').status, 0);
    const after = fs.readFileSync(path.join(other, rel), 'utf8');
    assert.match(after, /archived_at: 2026-01-05 # 实际归档日\narchive_no: Z109-WS·2026-D3-FW-0001\n/);
  });

  test('a mistyped or misused option is refused with the usage, never ignored', () => {
    const root = sampleCopy();
    const before = fs.readFileSync(path.join(root, 'service/2026/harbor-consulting.md'), 'utf8');
    for (const args of [['--wirte'], ['--write', '--date', '2026-02-30'], ['--write', '--date', '2026-01-01', '--no-date'], ['--write=yes']]) {
      const res = run(root, 'number', '.', ...args);
      assert.equal(res.status, 2, args.join(' '));
      assert.match(res.stderr, /Usage: records-curator number/);
    }
    assert.match(run(root, 'number', '.', '--wirte').stderr, /unknown option --wirte/);
    assert.equal(fs.readFileSync(path.join(root, 'service/2026/harbor-consulting.md'), 'utf8'), before, 'nothing written');
  });

  test('number refuses records with errors and says why', () => {
    const res = run(REPO, 'number', SAMPLE, '--category', 'contract');
    assert.match(res.stderr, /maintenance-2020\.md:1\tnot numbered: has errors/);
  });

  test('labels writes standalone HTML with escaped text and no script, CSV with a BOM, and never replaces a file unasked', () => {
    const root = tempWorkspace({});
    const html = path.join(root, 'labels.html');
    const copy = sampleCopy();
    const licence = path.join(copy, 'customers/yunfan/contracts/license-2019.md');
    fs.writeFileSync(licence, fs.readFileSync(licence, 'utf8').replace('customer: 北京云帆科技有限公司', 'customer: "<img src=x onerror=alert(1)>"'));
    const res = run(REPO, 'labels', copy, '--out', html, '--kind', 'record,stamp,spine', '--lang', 'both');
    assert.equal(res.status, 0, res.stderr);
    const text = fs.readFileSync(html, 'utf8');
    assert.match(text, /Z109-WS·2019-D10-HT-0001/);
    assert.doesNotMatch(text, /<script/);
    assert.doesNotMatch(text, /<img/);
    assert.match(text, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(text, /Content-Security-Policy/);
    const again = run(REPO, 'labels', SAMPLE, '--out', html);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /not replaced/);
    assert.equal(fs.readFileSync(html, 'utf8'), text, 'the existing file is left as it was');
    const csv = path.join(root, 'catalogue.csv');
    assert.equal(run(REPO, 'labels', SAMPLE, '--out', csv, '--catalogue', '--lang', 'zh').status, 0);
    const rows = fs.readFileSync(csv, 'utf8');
    assert.ok(rows.startsWith('\uFEFF'));
    assert.match(rows.split('\r\n')[0], /序号.*档号.*题名/);
    assert.equal(rows.trim().split('\r\n').length, 1 + 26);
  });
});
