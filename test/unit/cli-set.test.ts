import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { record, REPO, tempWorkspace, VALID_SERVICE } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, args: string[], lang = 'C') =>
  spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: lang, LC_ALL: '' } });
const IS_ROOT = process.getuid?.() === 0;

function folder(): string {
  return tempWorkspace({
    'service/a.md': record(VALID_SERVICE),
    'service/b.md': record({ ...VALID_SERVICE, id: 'FW-2026-002', customer: '李四' }),
    // A file name is text from the folder too: an escape sequence in it must not reach the terminal.
    'service/c\u001b[2J.yaml': Object.entries({ ...VALID_SERVICE, id: 'FW-2026-003' })
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n')
      .concat('\r\n'),
  });
}

describe('records-curator set', () => {
  test('a dry run prints the diff with record text escaped, writes nothing, exit 0; --write writes the same change', () => {
    const root = folder();
    const before = fs.readFileSync(path.join(root, 'service/a.md'));
    const dry = run(root, ['set', 'date=2024/5/6', '客户类型=机构', '--where', 'customer=张伟']);
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /^\+date: 2024-05-06$/m);
    assert.match(dry.stdout, /^\+customer_type: organization$/m);
    assert.match(dry.stdout, /\\u\{1b\}\[2J/, 'an escape sequence in a value is shown, not sent');
    assert.doesNotMatch(dry.stdout, /\u001b/);
    assert.match(dry.stderr, /would change 2 records in 2 files; 0 already as asked; 0 left alone \(review, then add --write\)/);
    assert.deepEqual(fs.readFileSync(path.join(root, 'service/a.md')), before);
    const wrote = run(root, ['set', 'date=2024/5/6', '客户类型=机构', '--where', 'customer=张伟', '--write']);
    assert.equal(wrote.status, 0, wrote.stderr);
    assert.match(wrote.stderr, /^changed 2 records in 2 files/m);
    assert.equal(
      fs.readFileSync(path.join(root, 'service/a.md'), 'utf8'),
      before.toString().replace('customer_type: person', 'customer_type: organization').replace('date: 2026-03-01', 'date: 2024-05-06'),
    );
    const yaml = fs.readFileSync(path.join(root, 'service/c\u001b[2J.yaml'), 'utf8');
    assert.match(yaml, /\r\ndate: 2024-05-06\r\n/);
    assert.doesNotMatch(yaml.replace(/\r\n/g, ''), /\n/, 'the CRLF file keeps CRLF');
    assert.equal(fs.readFileSync(path.join(root, 'service/b.md'), 'utf8'), record({ ...VALID_SERVICE, id: 'FW-2026-002', customer: '李四' }));
  });

  test('Chinese messages, --format json, a folder argument; an invalid value is refused with its finding, exit 1', () => {
    const root = folder();
    const r = run(path.dirname(root), ['set', 'date=2024-02-30', '--where', '客户=李四', '--format', 'json', path.basename(root)], 'zh_CN.UTF-8');
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { written: boolean; matched: number; changed: number; refused: { path: string; code: string; reason: string }[] };
    assert.deepEqual([out.written, out.matched, out.changed], [false, 1, 0]);
    assert.deepEqual(
      out.refused.map((x) => [x.path, x.code]),
      [['service/b.md', 'invalid']],
    );
    assert.match(out.refused[0].reason, /2024-02-30 不是真实存在的日期/);
  });

  test('usage and nothing selected: exit 2 without --where or with a guarded field, exit 1 when nothing matches', () => {
    const root = folder();
    assert.equal(run(root, ['set', 'date=2024-01-01']).status, 2);
    const guarded = run(root, ['set', 'archive_no=X', '--where', 'customer=张伟']);
    assert.equal(guarded.status, 2);
    assert.match(guarded.stderr, /renumber/);
    const none = run(root, ['set', 'date=2024-01-01', '--where', 'customer=王五', '--write']);
    assert.equal(none.status, 1);
    assert.match(none.stderr, /no record matches customer=王五; nothing was written/);
  });

  test(
    '--rename and --remove; a record file of mode 0600 owned by another user keeps both',
    { skip: !IS_ROOT && 'needs root to give files to another user' },
    () => {
      const root = folder();
      const abs = path.join(root, 'service/a.md');
      fs.chmodSync(abs, 0o600);
      fs.chownSync(abs, 65534, 65534);
      const r = run(root, ['set', '--rename', 'staff=经办人', '--remove', 'service_type', '--where', 'id=FW-2026-001', '--write']);
      assert.equal(r.status, 0, r.stderr);
      const text = fs.readFileSync(abs, 'utf8');
      assert.match(text, /\n经办人: 王工\n/);
      assert.doesNotMatch(text, /service_type/);
      const st = fs.statSync(abs);
      assert.deepEqual([st.mode & 0o777, st.uid, st.gid], [0o600, 65534, 65534]);
    },
  );
});
