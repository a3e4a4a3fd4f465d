import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, tempWorkspace } from './helpers';
import { JPEG, pdf } from './scan-files';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

const CONTRACT = (no: string, id: string) =>
  `---\nid: ${id}\ncategory: contract\ncustomer: 华远科技\ncustomer_type: organization\ntitle: 合同 ${no}\ndate: 2024-03-01\ncontract_no: ${no}\nsigned_date: 2024-03-01\namount: "100.00"\n---\n\n正文。\n`;
const A = 'customers/华远/contract/HT-2024-001.md';
const B = 'customers/华远/contract/HT-2024-002.md';

async function folder(): Promise<string> {
  return tempWorkspace({
    [A]: CONTRACT('HT-0001', 'HT-2024-001'),
    [B]: CONTRACT('HT-0002', 'HT-2024-002'),
    '扫描/HT-0001 合同.pdf': await pdf(3),
    '扫描/HT-0002.jpg': JPEG,
    '扫描/HT-0099.pdf': await pdf(1, { objectStreams: false }),
  });
}

describe('records-curator import --scans', () => {
  test('dry run: what would be attached to what, the unmatched scan rejected (exit 1), nothing written', async () => {
    const root = await folder();
    const r = run(root, 'import', '--scans', '扫描', '--match', '{contract_no}*.{pdf,jpg}');
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^扫描\/: match \{contract_no\}\*\.\{pdf,jpg\}; mapping \.records\/imports\/扫描\.scans\.yaml \(given\)$/m);
    assert.match(
      r.stdout,
      /^attach\s+扫描\/HT-0001 合同\.pdf → customers\/华远\/contract\/HT-2024-001\.md\s+\(copied to customers\/华远\/contract\/HT-2024-001\/HT-0001 合同\.pdf; 3 pages; sha256 [0-9a-f]{12}…\)$/m,
    );
    assert.match(r.stdout, /^attach\s+扫描\/HT-0002\.jpg → customers\/华远\/contract\/HT-2024-002\.md\s+\(copied to .*; 1 page; /m);
    assert.match(r.stdout, /^pages\s+customers\/华远\/contract\/HT-2024-001\.md\s+pages: \(none\) → 3$/m);
    assert.match(r.stdout, /^rejected\s+扫描\/HT-0099\.pdf: matches no record: no record has the contract_no the name gives$/m);
    assert.match(r.stdout, /^would attach 2, set pages 2, skip 0; conflicts 0, rejected 1 \(dry run: nothing written; add --write to write\)$/m);
    assert.equal(fs.existsSync(path.join(root, '.records')), false);
    assert.equal(fs.existsSync(path.join(root, 'customers/华远/contract/HT-2024-001')), false);
  });

  test('--lang zh: the rejections, in text and in json, are in Chinese; the file names and fields stay as they are', async () => {
    const root = await folder();
    const r = run(root, 'import', '--scans', '扫描', '--match', '{contract_no}*.{pdf,jpg}', '--lang', 'zh');
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /\(给定\)$/m);
    assert.match(r.stdout, /^拒绝\s+扫描\/HT-0099\.pdf: 没有匹配的记录：没有记录具有文件名给出的 contract_no$/m);
    assert.doesNotMatch(r.stdout, /matches no record/);
    const json = run(root, 'import', '--scans', '扫描', '--match', '{contract_no}*.{pdf,jpg}', '--lang', 'zh', '--format', 'json');
    const report = JSON.parse(json.stdout) as { rejected: { scan: string; reason: string }[] };
    assert.deepEqual(report.rejected, [{ scan: '扫描/HT-0099.pdf', reason: '没有匹配的记录：没有记录具有文件名给出的 contract_no' }]);
  });

  test('--write --format json; the records pass check; a second run from the saved mapping changes nothing (exit 0)', async () => {
    const root = await folder();
    fs.rmSync(path.join(root, '扫描/HT-0099.pdf'));
    const w = run(root, 'import', '--scans', '扫描', '--match', '{contract_no}*.{pdf,jpg}', '--write', '--format', 'json');
    assert.equal(w.status, 0, w.stdout + w.stderr);
    const report = JSON.parse(w.stdout) as { written: boolean; counts: Record<string, number>; attached: { scan: string; sha256: string; pages: number }[] };
    assert.equal(report.written, true);
    assert.deepEqual(report.counts, { attached: 2, pages: 2, skipped: 0, conflicts: 0, rejected: 0 });
    assert.match(report.attached[0].sha256, /^[0-9a-f]{64}$/);
    assert.equal(report.attached[0].pages, 3);
    const text = fs.readFileSync(path.join(root, A), 'utf8');
    assert.equal(
      text,
      CONTRACT('HT-0001', 'HT-2024-001').replace('date: 2024-03-01\n', 'date: 2024-03-01\nattachments: [HT-2024-001/HT-0001 合同.pdf]\npages: 3\n'),
    );
    assert.ok(fs.existsSync(path.join(root, 'customers/华远/contract/HT-2024-001/HT-0001 合同.pdf')));
    const check = run(root, 'check', '.');
    assert.equal(check.status, 0, check.stdout + check.stderr);
    const again = run(root, 'import', '--scans', '扫描');
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /\(saved\)/);
    assert.match(again.stdout, /would attach 0, set pages 0, skip 2; conflicts 0, rejected 0/);
    const zh = run(root, 'import', '--scans', '扫描', '--lang', 'zh');
    assert.match(zh.stdout, /跳过\s+扫描\/HT-0001 合同\.pdf → customers\/华远\/contract\/HT-2024-001\.md: 以前已挂接；没有变化/);
    assert.match(zh.stdout, /将附加 0，设页数 0，跳过 2，冲突 0，拒绝 0（预览，未写入；加 --write 写入）/);
  });

  test('usage errors (exit 2): a folder outside, a folder that is not there, --match without --scans, files beside --scans, a pattern without a field', async () => {
    const root = await folder();
    const outside = tempWorkspace({ 'x.pdf': await pdf(1) });
    for (const [args, want] of [
      [['--scans', outside, '--match', '{id}.pdf'], /must be inside the records folder/],
      [['--scans', 'nope', '--match', '{id}.pdf'], /no such folder/],
      [['a.csv', '--match', '{id}.pdf'], /--match is for --scans/],
      [['a.csv', '--scans', '扫描'], /name no other files/],
    ] as const) {
      const r = run(root, 'import', ...args);
      assert.equal(r.status, 2, `${args.join(' ')}\n${r.stdout}${r.stderr}`);
      assert.match(r.stderr, want);
    }
    const noField = run(root, 'import', '--scans', '扫描', '--match', '*.pdf');
    assert.equal(noField.status, 1);
    assert.match(noField.stderr, /match: "\*\.pdf" names no field: say which, as in \{contract_no\}\*\.pdf; nothing imported/);
    const none = run(root, 'import', '--scans', '扫描');
    assert.equal(none.status, 1);
    assert.match(none.stderr, /say how scans find their records/);
  });

  test('pdf-lib is in dist/pdf-reader.js only, not in the command line or the import bundle', () => {
    for (const f of ['dist/cli.js', 'dist/import-command.js']) assert.doesNotMatch(fs.readFileSync(path.join(REPO, f), 'utf8'), /PDFDocument|pdf-lib/, f);
    assert.match(fs.readFileSync(path.join(REPO, 'dist/pdf-reader.js'), 'utf8'), /PDFDocument/);
  });
});
