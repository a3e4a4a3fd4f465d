import { after, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { combineFixes, fixesOf } from '../../src/core/fix/apply-fixes';
import { readCache, writeCache } from '../../src/core/index/cache';
import { indexOptions, scanFolder, type ScanResult } from '../../src/core/index/scan';
import { indexPath } from '../../src/core/index/read-file';
import { field, type FileEntry } from '../../src/core/model/records';
import { defaultSchema } from '../../src/core/schema/load';
import { record, REPO, tempWorkspace, VALID_SERVICE } from './helpers';

// Findings for everything the walk sees but does not read: folders it cannot list, links (never followed),
// FIFOs and sockets named like records, front matter after blank lines. Run in this thread and in workers.

const CLI = path.join(REPO, 'dist/cli.js');
const WORKER = path.join(__dirname, 'index-worker.js');
const scan = (root: string, workers: number, previous?: ReadonlyMap<string, FileEntry>) =>
  scanFolder({ root, schema: defaultSchema(), lang: 'en', workers, workerPath: WORKER, previous });
/** path → codes of its findings, for what has any. */
const codes = (r: ScanResult) =>
  Object.fromEntries(
    [...r.files]
      .filter(([, e]) => e.findings.length)
      .map(([p, e]) => [p, e.findings.map((f) => f.code)])
      .sort(),
  );
const recordCount = (r: ScanResult) => [...r.files.values()].reduce((n, e) => n + e.records.length, 0);
const cacheRoundTrip = (r: ScanResult) => readCache(writeCache('k', r.files.values()), 'k')!;
const runCli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
const checkJson = (root: string) => {
  const res = runCli('check', root, '--format', 'json');
  return {
    status: res.status,
    out: JSON.parse(res.stdout) as {
      summary: { records: number; files: number };
      findings: { path: string; code: string; severity: string; message: string }[];
    },
  };
};

// When run as a child with a user that file permissions apply to (root ignores them): scan, print, exit.
if (process.env.RC_UNLISTED_CHILD) {
  void (async () => {
    const root = process.env.RC_UNLISTED_CHILD!;
    const previous = process.env.RC_CACHE ? readCache(process.env.RC_CACHE, 'k') : undefined;
    const here = await scan(root, 0, previous);
    const there = await scan(root, 2, previous);
    process.stdout.write(
      JSON.stringify({
        here: codes(here),
        there: codes(there),
        records: [recordCount(here), recordCount(there)],
        cache: writeCache('k', here.files.values()),
        messages: [...here.files.values()].flatMap((e) => e.findings.map((f) => f.message)),
      }),
    );
  })();
} else {
  describeAll();
}

/** How to run a command as a user without root's rights, or undefined when this system offers none. */
function unprivileged(): string[] | undefined {
  if (process.platform === 'win32') return undefined;
  if (process.getuid?.() !== 0) return [];
  for (const prefix of [
    ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'],
    ['runuser', '-u', 'nobody', '--'],
  ]) {
    const r = spawnSync(prefix[0], [...prefix.slice(1), process.execPath, '-e', 'process.exit(process.getuid() === 0 ? 1 : 0)']);
    if (r.status === 0) return prefix;
  }
  return undefined;
}

function runAs(prefix: string[], args: string[], env: Record<string, string> = {}) {
  const [cmd, ...rest] = prefix.length ? prefix : [process.execPath];
  return spawnSync(cmd, prefix.length ? [...rest, process.execPath, ...args] : args, {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', ...env },
    timeout: 60_000,
  });
}

function describeAll(): void {
  describe('what the walk does not read is a finding, never a silent skip', () => {
    test(
      'FIFO, socket, linked record, linked folder, links outside, a loop, a dangling link: one finding each, in this thread and in workers',
      { skip: process.platform === 'win32' },
      async () => {
        const outside = tempWorkspace({ 'secret.md': record({ ...VALID_SERVICE, id: 'OUT-1' }), 'more/o.md': record({ ...VALID_SERVICE, id: 'OUT-2' }) });
        const root = tempWorkspace({ 'a.md': record(VALID_SERVICE), 'records/r.md': record({ ...VALID_SERVICE, id: 'R-1' }), 'notes/picture.png': 'png' });
        const at = (rel: string) => path.join(root, rel);
        execFileSync('mkfifo', [at('pipe.md')]);
        const server = net.createServer();
        await new Promise<void>((resolve) => server.listen(at('sock.md'), resolve));
        after(() => server.close());
        fs.symlinkSync('a.md', at('link.md'));
        fs.symlinkSync('records', at('linked-folder'));
        fs.symlinkSync(path.join(outside, 'secret.md'), at('outside.md'));
        fs.symlinkSync(path.join(outside, 'more'), at('outside-folder'));
        fs.symlinkSync('..', at('records/loop'));
        fs.symlinkSync('self.md', at('self.md'));
        fs.symlinkSync('nowhere.md', at('gone.md'));
        fs.symlinkSync('picture.png', at('notes/alias.png')); // not named like a record, not a folder: not reported
        const expected = {
          'gone.md': ['symlink'],
          'link.md': ['symlink'],
          'linked-folder': ['symlink'],
          'outside-folder': ['symlink'],
          'outside.md': ['symlink'],
          'pipe.md': ['not-a-file'],
          'records/loop': ['symlink'],
          'self.md': ['symlink'],
          'sock.md': ['not-a-file'],
        };
        for (const workers of [0, 2]) {
          const result = await scan(root, workers);
          assert.deepEqual(codes(result), expected, `workers: ${workers}`);
          assert.equal(recordCount(result), 2, 'only a.md and records/r.md: nothing behind a link is read');
          assert.equal(result.skipped, 9);
          const message = (rel: string) => result.files.get(rel)!.findings[0].message;
          assert.match(message('link.md'), /^symbolic link to a\.md, inside this folder: not followed/);
          assert.match(message('linked-folder'), /^symbolic link to the folder records\/, inside this folder/);
          assert.match(message('records/loop'), /^symbolic link to this folder itself: not followed/);
          assert.match(message('outside.md'), /^symbolic link to a file outside the folder: not followed/);
          assert.match(message('outside-folder'), /^symbolic link to a folder outside the folder/);
          assert.ok(!message('outside.md').includes(outside), 'the outside path is not printed');
          assert.match(message('self.md'), /^symbolic link loop \(self\.md\)/);
          assert.match(message('gone.md'), /^symbolic link to nowhere\.md, which does not exist/);
          assert.match(message('pipe.md'), /FIFO/);
          assert.match(message('sock.md'), /socket/);
          assert.deepEqual(
            ['pipe.md', 'link.md'].map((p) => result.files.get(p)!.findings[0].severity),
            ['error', 'warning'],
          );
        }
        // The command line says the same, and fails (a FIFO named like a record is an error).
        const { status, out } = checkJson(root);
        assert.equal(status, 1);
        assert.deepEqual(
          [...new Set(out.findings.filter((f) => ['symlink', 'not-a-file'].includes(f.code)).map((f) => `${f.path} ${f.code}`))].sort(),
          Object.entries(expected)
            .map(([p, [c]]) => `${p} ${c}`)
            .sort(),
        );
        assert.equal(out.summary.records, 2);
        // In Chinese too.
        const zh = await scanFolder({ root, schema: defaultSchema(), lang: 'zh', workers: 0 });
        assert.match(zh.files.get('outside.md')!.findings[0].message, /^符号链接：指向本文件夹之外的文件/);
        assert.match(zh.files.get('pipe.md')!.findings[0].message, /^不是普通文件：.*命名管道/);
      },
    );

    test('a file event on a link, a FIFO or a path through a linked folder never reads through it', { skip: process.platform === 'win32' }, () => {
      const outside = tempWorkspace({ 'secret.md': record({ ...VALID_SERVICE, id: 'OUT-1' }) });
      const root = tempWorkspace({ 'a.md': record(VALID_SERVICE) });
      fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'outside.md'));
      fs.symlinkSync(outside, path.join(root, 'out'));
      execFileSync('mkfifo', [path.join(root, 'pipe.md')]);
      const opts = indexOptions({ root, schema: defaultSchema(), lang: 'en' });
      assert.deepEqual([indexPath(root, 'outside.md', opts)?.skipped, indexPath(root, 'outside.md', opts)?.records.length], ['link', 0]);
      assert.equal(indexPath(root, 'pipe.md', opts)?.findings[0].code, 'not-a-file');
      assert.equal(indexPath(root, 'out/secret.md', opts), undefined, 'not read through the linked folder');
      assert.equal(indexPath(root, 'a.md', opts)?.records.length, 1);
    });

    test('the cache neither loses these findings nor keeps them once the cause is gone', { skip: process.platform === 'win32' }, async () => {
      const root = tempWorkspace({ 'a.md': record(VALID_SERVICE), 'b.md': record({ ...VALID_SERVICE, id: 'B' }) });
      execFileSync('mkfifo', [path.join(root, 'pipe.md')]);
      fs.symlinkSync('a.md', path.join(root, 'link.md'));
      const cold = await scan(root, 0);
      const cached = cacheRoundTrip(cold);
      assert.deepEqual([...cached.keys()].sort(), ['a.md', 'b.md'], 'what the walk reports afresh is not cached');
      for (const workers of [0, 2]) {
        const warm = await scan(root, workers, cached);
        assert.deepEqual([warm.reused, warm.read], [2, 0]);
        assert.deepEqual(codes(warm), { 'link.md': ['symlink'], 'pipe.md': ['not-a-file'] }, `warm, workers: ${workers}`);
      }
      // The causes go: the FIFO removed, the link replaced by the record itself.
      fs.rmSync(path.join(root, 'pipe.md'));
      fs.rmSync(path.join(root, 'link.md'));
      fs.writeFileSync(path.join(root, 'link.md'), record({ ...VALID_SERVICE, id: 'L' }));
      for (const workers of [0, 2]) {
        const warm = await scan(root, workers, cacheRoundTrip(cold));
        assert.deepEqual(codes(warm), {}, `fixed, workers: ${workers}`);
        assert.equal(field(warm.files.get('link.md')!.records[0], 'id'), 'L');
      }
    });
  });

  describe('front matter after blank lines', () => {
    test('50 records, one keystroke adds a blank line before `---`: 49 records and a finding, not silently 49; the quick fix restores the file', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 50; i++) files[`r${String(i).padStart(2, '0')}.md`] = record({ ...VALID_SERVICE, id: `FW-2026-${100 + i}` });
      const root = tempWorkspace(files);
      const before = await scan(root, 0);
      assert.equal(recordCount(before), 50);
      const rel = 'r07.md';
      const original = fs.readFileSync(path.join(root, rel), 'utf8');
      fs.writeFileSync(path.join(root, rel), '\n' + original);
      for (const workers of [0, 2]) {
        for (const previous of [undefined, cacheRoundTrip(before)]) {
          const after = await scan(root, workers, previous);
          assert.equal(recordCount(after), 49);
          assert.deepEqual(codes(after), { [rel]: ['front-matter-not-at-start'] }, `workers ${workers}, ${previous ? 'warm' : 'cold'}`);
        }
      }
      const { status, out } = checkJson(root);
      assert.equal(status, 1, 'an error: check fails');
      assert.deepEqual([out.summary.records, out.summary.files], [49, 50]);
      const f = out.findings.find((x) => x.path === rel)!;
      assert.equal(f.code, 'front-matter-not-at-start');
      assert.match(f.message, /1 blank line before the opening `---`: front matter must start on the first line, so this record is not read/);
      // The fix removes exactly the blank line.
      const text = fs.readFileSync(path.join(root, rel), 'utf8');
      const entry = (await scan(root, 0)).files.get(rel)!;
      assert.equal(combineFixes(rel, text, fixesOf(entry.findings)).text, original);
    });

    test('blank lines of spaces, CRLF and a BOM are covered; a rule after blank lines with nothing closing it is not front matter', async () => {
      const root = tempWorkspace({
        'spaces.md': ' \t\r\n\r\n---\r\nid: S\r\n---\r\n',
        'bom.md': '\uFEFF\n---\nid: B\n---\n',
        'rule.md': '\n\n---\n\nSome text under a rule.\n',
        'notes.md': '# Notes\n\n---\nid: x\n---\n',
        'indented.md': '\n ---\nid: x\n---\n',
      });
      const { files } = await scan(root, 0);
      assert.deepEqual(codes({ files } as ScanResult), { 'bom.md': ['front-matter-not-at-start'], 'spaces.md': ['front-matter-not-at-start'] });
      const spaces = files.get('spaces.md')!.findings[0];
      assert.deepEqual(
        [spaces.start, spaces.end],
        [
          { line: 0, col: 0 },
          { line: 2, col: 0 },
        ],
      );
      assert.match(spaces.message, /^2 blank lines/);
      const text = ' \t\r\n\r\n---\r\nid: S\r\n---\r\n';
      assert.equal(combineFixes('spaces.md', text, fixesOf([spaces])).text, '---\r\nid: S\r\n---\r\n');
      for (const p of ['rule.md', 'notes.md', 'indented.md']) assert.equal(files.get(p)?.isRecordFile, false, p);
      const zh = await scanFolder({ root, schema: defaultSchema(), lang: 'zh', workers: 0 });
      assert.match(zh.files.get('bom.md')!.findings[0].message, /^前置元数据不在文件开头：开头的 `---` 之前有 1 个空行/);
    });
  });

  describe('a folder that cannot be listed', () => {
    const prefix = unprivileged();
    const skip =
      prefix === undefined ? 'needs a user that file permissions apply to: running as root, and neither setpriv nor runuser could switch to nobody' : false;

    test('is an error on the folder in this thread, in workers and from check (exit 1); numbering refuses; fixed, it is gone, cache or not', { skip }, () => {
      const root = tempWorkspace({
        'a.md': record(VALID_SERVICE),
        'locked/hidden.md': record({ ...VALID_SERVICE, id: 'H' }),
        'noexec/x.md': record({ ...VALID_SERVICE, id: 'X' }),
      });
      fs.chmodSync(root, 0o755); // mkdtemp makes it 0700: the other user must reach it
      fs.chmodSync(path.join(root, 'locked'), 0o000);
      try {
        const child = (cache?: string) => {
          const res = runAs(prefix!, [__filename], { RC_UNLISTED_CHILD: root, ...(cache ? { RC_CACHE: cache } : {}) });
          assert.equal(res.status, 0, res.stderr);
          return JSON.parse(res.stdout) as {
            here: Record<string, string[]>;
            there: Record<string, string[]>;
            records: number[];
            cache: string;
            messages: string[];
          };
        };
        const blocked = child();
        assert.deepEqual(blocked.here, { locked: ['unreadable-folder'] });
        assert.deepEqual(blocked.there, blocked.here, 'the walk in a worker says the same');
        assert.deepEqual(blocked.records, [2, 2]);
        assert.ok(
          blocked.messages.includes('cannot list this folder (EACCES): records in it are not checked, numbering is blocked'),
          blocked.messages.join('\n'),
        );
        // A warm start from that cache still reports it.
        assert.deepEqual(child(blocked.cache).here, { locked: ['unreadable-folder'] });

        const check = runAs(prefix!, [CLI, 'check', root]);
        assert.equal(check.status, 1, check.stdout);
        assert.match(check.stdout, /^locked:1:1 error unreadable-folder cannot list this folder \(EACCES\)/m);
        for (const write of [[], ['--write']]) {
          const number = runAs(prefix!, [CLI, 'number', root, ...write]);
          assert.equal(number.status, 1, number.stderr);
          assert.match(number.stderr, /^locked\tblocks numbering: this folder cannot be listed/m);
          assert.match(number.stderr, /nothing numbered: 1 file or folder .*nothing was written/);
          assert.equal(number.stdout, '', 'no plan printed');
        }

        // A folder one may list but not enter: its files are listed (with a cache, the walk takes stats) and unreadable.
        fs.chmodSync(path.join(root, 'locked'), 0o755);
        fs.chmodSync(path.join(root, 'noexec'), 0o644);
        const half = child(blocked.cache);
        assert.deepEqual(half.here, { 'noexec/x.md': ['unreadable'] });
        assert.deepEqual(half.there, half.here);
        assert.match(runAs(prefix!, [CLI, 'number', root]).stderr, /^noexec\/x\.md\tblocks numbering: this file cannot be read$/m);
        fs.chmodSync(path.join(root, 'noexec'), 0o755);
        for (const cache of [undefined, blocked.cache, half.cache]) {
          const fixed = child(cache);
          assert.deepEqual([fixed.here, fixed.there, fixed.records], [{}, {}, [3, 3]]);
        }
        assert.equal(runAs(prefix!, [CLI, 'check', root]).stdout.includes('unreadable'), false);
      } finally {
        // Given back whatever happened: the folder is removed after the tests, and its owner must be able to.
        for (const d of ['locked', 'noexec']) fs.chmodSync(path.join(root, d), 0o755);
      }
    });
  });
}
