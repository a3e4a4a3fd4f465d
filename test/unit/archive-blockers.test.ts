import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { numberingBlockers, planFolderNumbers } from '../../src/core/archive/blockers';
import { rawArchiveNumbers } from '../../src/core/archive/raw-numbers';
import { readCache, writeCache } from '../../src/core/index/cache';
import { scanFolder } from '../../src/core/index/scan';
import { readWorkspaceSchema } from '../../src/core/schema/workspace';
import { REPO, SAMPLE, tempWorkspace } from './helpers';

// Numbering refuses while the index cannot see every archive number: a number it missed would be handed out again.

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
const HARBOR = 'service/2026/harbor-consulting.md';
/** The number the sample's next service record of 2026 gets (cli-archive.test.ts). */
const NEXT = 'Z109-WS·2026-D3-FW-0001';
const service = (id: string, extra: string) =>
  `---\nid: ${id}\ncategory: service\ncustomer: 张伟\ncustomer_type: person\ntitle: ${id}\ndate: 2026-02-01\nservice_type: support\nstaff: 王工\narchive_no: ${NEXT}\n${extra}---\n`;

function sampleCopy(): string {
  const root = tempWorkspace({});
  fs.cpSync(SAMPLE, root, { recursive: true });
  return root;
}

describe('numbering refuses on an incomplete index', () => {
  test('a file over the size limit holding the next number: number refuses, names it, writes nothing (with or without --write)', () => {
    const root = sampleCopy();
    fs.writeFileSync(path.join(root, 'service/2026/export.md'), service('FW-2026-900', `note: ${'x'.repeat(5 * 1024 * 1024)}\n`));
    const before = fs.readFileSync(path.join(root, HARBOR), 'utf8');
    for (const write of [[], ['--write']]) {
      const res = run(root, 'number', '.', '--category', 'service', ...write);
      assert.equal(res.status, 1, res.stdout);
      assert.match(res.stderr, /^service\/2026\/export\.md\tblocks numbering: this file is over the size limit and was not read/m);
      assert.doesNotMatch(res.stdout, new RegExp(NEXT), 'the number is not handed out');
    }
    assert.equal(fs.readFileSync(path.join(root, HARBOR), 'utf8'), before);
    const zh = run(root, 'number', '.', '--lang', 'zh');
    assert.match(zh.stderr, /export\.md\t阻止编号：?.*超过大小上限/);
    // Out of the way, numbering goes on.
    fs.rmSync(path.join(root, 'service/2026/export.md'));
    assert.match(run(root, 'number', '.', '--category', 'service').stdout, new RegExp(`${HARBOR}:1\\t${NEXT}`));
  });

  test('a broken-YAML file holding the next number does not block: its number, found by a text scan, is not handed out again', () => {
    const root = sampleCopy();
    fs.writeFileSync(path.join(root, 'service/2026/broken.md'), service('FW-2026-901', 'tags: [a, b\n'));
    const res = run(root, 'number', '.', '--category', 'service');
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, new RegExp(`${HARBOR}:1\\tZ109-WS·2026-D3-FW-0002`));
    assert.doesNotMatch(res.stdout, new RegExp(NEXT));
    // Quoted, in a file that is not UTF-8 elsewhere: the same.
    const gbk = Buffer.concat([
      Buffer.from(service('FW-2026-902', '').replace(`archive_no: ${NEXT}`, `"archive_no": '${NEXT}'  # 已归档`).replace('customer: 张伟', 'customer: ')),
      Buffer.from([0xd5, 0xc5]),
    ]);
    fs.rmSync(path.join(root, 'service/2026/broken.md'));
    fs.writeFileSync(path.join(root, 'service/2026/gbk.md'), gbk);
    const again = run(root, 'number', '.', '--category', 'service');
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`${HARBOR}:1\\tZ109-WS·2026-D3-FW-0002`));
  });

  test('a FIFO named like a record blocks numbering', { skip: process.platform === 'win32' }, () => {
    const root = sampleCopy();
    execFileSync('mkfifo', [path.join(root, 'service/2026/pipe.md')]);
    const res = run(root, 'number', '.', '--category', 'service', '--write');
    assert.equal(res.status, 1);
    assert.match(res.stderr, /^service\/2026\/pipe\.md\tblocks numbering: named like a record but not a regular file/m);
    assert.doesNotMatch(fs.readFileSync(path.join(root, HARBOR), 'utf8'), /archive_no/);
  });

  test('blockers, in both languages; an archive_no that is not a plain value blocks; links do not', async () => {
    const root = tempWorkspace({
      'alias.md': '---\nid: A\narchive_no: *no\ntags: [a\n---\n',
      'plain-broken.md': '---\nid: B\narchive_no: X-1\ntags: [a\n---\n',
      'ok.md': '---\nid: C\n---\n',
    });
    fs.symlinkSync('ok.md', path.join(root, 'link.md'));
    const { files } = await scanFolder({ root, schema: readWorkspaceSchema(root).schema, lang: 'en', workers: 0 });
    assert.deepEqual(files.get('plain-broken.md')?.rawArchiveNos, ['X-1']);
    assert.deepEqual(
      numberingBlockers(files.values(), 'en').map((b) => `${b.path} ${b.code} ${b.reason}`),
      ['alias.md yaml-syntax it could not be parsed, and an archive_no in it could not be read as plain text either: fix the file first'],
    );
    assert.match(numberingBlockers(files.values(), 'zh')[0].reason, /无法解析/);
    const blocked = planFolderNumbers(files.values(), [], readWorkspaceSchema(root).schema, () => 0, 'en');
    assert.deepEqual([blocked.plan, blocked.blockers.length], [undefined, 1]);
    // The cache keeps what the text scan found and why a file was not read.
    const cached = readCache(writeCache('k', files.values()), 'k')!;
    assert.deepEqual(
      [cached.get('plain-broken.md')?.rawArchiveNos, cached.get('alias.md')?.unread, cached.get('ok.md')?.rawArchiveNos],
      [['X-1'], 'yaml-syntax', undefined],
    );
    assert.deepEqual(
      numberingBlockers(cached.values(), 'en').map((b) => b.path),
      ['alias.md'],
    );
  });

  test('the text scan: quoted or not, comments, anchors and tags dropped; aliases, block scalars and undecodable values unclear', () => {
    const scan = (t: string) => rawArchiveNumbers(t);
    assert.deepEqual(scan(`archive_no: A-1\n  archive_no: "B-2" # x\n- 'archive_no': 'C-''3'\r\narchive_no: &a !!str D-4\narchive_no:\narchive_no: ~\n`), {
      numbers: ['A-1', 'B-2', "C-'3", 'D-4'],
      unclear: false,
    });
    for (const bad of ['archive_no: *a\n', 'archive_no: |\n  X\n', 'archive_no: [a]\n', 'archive_no: "open\n', 'archive_no: Z\uFFFD1\n'])
      assert.equal(scan(bad).unclear, true, bad);
    assert.deepEqual(scan('title: no number here\n'), { numbers: [], unclear: false });
  });
});
