// The command line's `check` runs a small folder without V8's optimising compiler (it costs more than it saves
// in a short run) and turns it back on for a large folder, whose run it makes more than twice as fast.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { record, REPO, tempWorkspace, VALID_SERVICE } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');

function folderOf(n: number): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`service/r${i}.md`] = record({ ...VALID_SERVICE, id: `FW-2026-${String(i).padStart(4, '0')}` });
  return tempWorkspace(files);
}

/** Functions V8 optimised during the run (its --trace-opt lines), and the findings' summary. */
function optimised(root: string, env: Record<string, string> = {}): { count: number; summary: string } {
  const r = spawnSync(process.execPath, ['--trace-opt', CLI, 'check', root], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, LANG: 'C', ...env },
  });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const lines = r.stdout.split('\n');
  return { count: lines.filter((l) => l.startsWith('[completed optimizing')).length, summary: lines.filter((l) => !l.startsWith('[')).join('\n') };
}

test('a small folder is checked without optimising, a large one with, and both find the same', () => {
  const small = folderOf(800);
  const quick = optimised(small);
  const usual = optimised(small, { RECORDS_CURATOR_OPTIMISE: '1' });
  assert.ok(usual.count > 10, `with the optimising compiler on, ${usual.count} functions were optimised`);
  // A few are optimised while the bundle loads, before the command starts.
  assert.ok(quick.count < 5, `${quick.count} functions were optimised checking 800 files`);
  assert.equal(quick.summary, usual.summary);
  assert.match(quick.summary, /800 records/);
  const large = optimised(folderOf(1200));
  assert.ok(large.count > 10, `only ${large.count} functions were optimised checking 1,200 files`);
});
