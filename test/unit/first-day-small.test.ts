// Issue 16, item 10: the smaller things a records officer sees on the first day.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { csvCell } from '../../src/core/text/csv';
import { localTimestamp } from '../../src/core/retention/dates';
import { REPO, record, tempWorkspace, VALID_SERVICE } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');

describe('the smaller things', () => {
  test('CSV: a negative amount stays a number; a formula is still neutralised', () => {
    assert.equal(csvCell('-2000'), '-2000');
    assert.equal(csvCell('-1,234.50'), '"-1,234.50"');
    assert.equal(csvCell('+86'), '+86');
    assert.equal(csvCell('-2000+cmd|/c calc'), "'-2000+cmd|/c calc");
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  });

  test('labels with nothing numbered writes nothing, says why and points to number', () => {
    const root = tempWorkspace({ 'r.md': record(VALID_SERVICE) });
    const r = spawnSync(process.execPath, [CLI, 'labels', root, '--out', path.join(root, 'labels.html')], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C' },
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no record has an archive number yet.*records-curator number \. --write/);
    assert.equal(fs.existsSync(path.join(root, 'labels.html')), false);
  });

  test('a review mark is stamped in local time with its offset, not in UTC', () => {
    const stamp = localTimestamp(new Date(2026, 2, 1, 14, 30, 5));
    assert.match(stamp, /^2026-03-01T14:30:05[+-]\d\d:\d\d$/);
    const offset = -new Date(2026, 2, 1).getTimezoneOffset();
    assert.equal(
      stamp.slice(-6),
      `${offset >= 0 ? '+' : '-'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`,
    );
  });

  test("npm start on a busy PORT fails clearly instead of printing the other server's URL", async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const r = spawnSync(process.execPath, [path.join(REPO, 'scripts/serve.js'), '/nonexistent-vscode', REPO], {
        encoding: 'utf8',
        env: { ...process.env, PORT: String(port) },
        timeout: 20000,
      });
      assert.equal(r.status, 1);
      assert.match(r.stderr, new RegExp(`Port ${port} is in use by another program`));
      assert.doesNotMatch(r.stdout, /open: http/);
    } finally {
      busy.close();
    }
  });
});
