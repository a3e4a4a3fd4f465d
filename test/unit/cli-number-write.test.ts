import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { numberCommand } from '../../src/cli/commands/number';
import { REPO, SAMPLE, tempWorkspace } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
const IS_ROOT = process.getuid?.() === 0;

function sampleCopy(): string {
  const root = tempWorkspace({});
  fs.cpSync(SAMPLE, root, { recursive: true });
  return root;
}

/** The service records `number --category service` numbers in the sample. */
const NUMBERED = ['service/2026/harbor-consulting.md'];

describe('number --write keeps the files it writes as they were, outside the edit', () => {
  test(
    'records of mode 0600 owned by another user keep mode and owner; a hard link stays one file',
    { skip: !IS_ROOT && 'needs root to give files to another user' },
    () => {
      const root = sampleCopy();
      const rel = NUMBERED[0];
      const abs = path.join(root, rel);
      fs.chmodSync(abs, 0o600);
      fs.chownSync(abs, 65534, 65534);
      const linked = path.join(root, 'service/2026/wang-fang-support.md');
      const link = path.join(root, 'hardlink-of-wang-fang.txt');
      fs.linkSync(linked, link);
      const r = run(root, 'number', '.', '--category', 'service', '--write', '--date', '2026-11-27');
      assert.equal(r.status, 0, r.stderr);
      const st = fs.statSync(abs);
      assert.equal(st.mode & 0o777, 0o600);
      assert.deepEqual([st.uid, st.gid], [65534, 65534]);
      assert.match(fs.readFileSync(abs, 'utf8'), /\narchive_no: Z109-WS·2026-D3-FW-0001\n/);
      assert.equal(fs.statSync(linked).ino, fs.statSync(link).ino, 'the hard link still names the same file');
      assert.match(fs.readFileSync(link, 'utf8'), /\narchive_no: Z109-WS·2026-D3-FW-/);
      const leftovers = fs.readdirSync(path.dirname(abs)).filter((f) => f.endsWith('.tmp') || f.endsWith('.rc-tmp'));
      assert.deepEqual(leftovers, []);
    },
  );

  test('a record that changes on disk after it was indexed: a clear message, exit 1, nothing written, no numbers printed', async () => {
    const root = sampleCopy();
    const files = ['service/2026/harbor-consulting.md', 'service/2026/wang-fang-support.md', 'service/2026/zhang-wei-site-handover.md'];
    const before = new Map(files.map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]));
    // A record the plan refuses, so its refusal is reported before the writes start: that is when an editor saves.
    fs.writeFileSync(
      path.join(root, 'service/2026/undated.md'),
      fs
        .readFileSync(path.join(root, files[0]), 'utf8')
        .replace(/^id: .*$/m, 'id: FW-2026-099')
        .replace(/^date: .*\n/m, ''),
    );
    const out: string[] = [];
    const err: string[] = [];
    let saved = false;
    const code = await numberCommand.run(parseArgs([root, '--category', 'service', '--write'], new Set(numberCommand.valueOptions)), {
      cwd: root,
      out: (t) => out.push(t),
      err: (t) => {
        err.push(t);
        if (!saved) {
          saved = true;
          fs.appendFileSync(path.join(root, files[2]), '\nA line typed in an editor meanwhile.\n');
        }
      },
    });
    assert.equal(code, 1);
    const message = err.join('');
    assert.match(message, /zhang-wei-site-handover\.md changed since it was read; nothing was written/);
    assert.doesNotMatch(message, /internal error|at .*\.js:\d+/);
    assert.doesNotMatch(out.join(''), /Z109-FW/, 'no number is printed that was not written');
    for (const f of files.slice(0, 2)) assert.equal(fs.readFileSync(path.join(root, f), 'utf8'), before.get(f), `${f} untouched`);
  });

  test('the written files differ from the originals only by the added lines', () => {
    const root = sampleCopy();
    const before = new Map<string, Buffer>();
    for (const f of fs.readdirSync(path.join(root, 'service/2026'))) before.set(f, fs.readFileSync(path.join(root, 'service/2026', f)));
    assert.equal(run(root, 'number', '.', '--category', 'service', '--write', '--no-date').status, 0);
    for (const [f, old] of before) {
      const now = fs.readFileSync(path.join(root, 'service/2026', f), 'utf8');
      const added = now.split('\n').filter((l) => !old.toString('utf8').split('\n').includes(l));
      assert.ok(
        added.every((l) => l.startsWith('archive_no: ')),
        `${f}: only archive_no lines added, got ${JSON.stringify(added)}`,
      );
      assert.equal(
        now
          .split('\n')
          .filter((l) => !added.includes(l))
          .join('\n'),
        old.toString('utf8'),
        `${f}: every other byte kept`,
      );
    }
  });
});
