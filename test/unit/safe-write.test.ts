import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyChanges } from '../../src/core/io/changes';
import { FileRefusal, newFileChecker, resolveInside } from '../../src/core/io/paths';
import { deleteFileInside, makeFoldersInside, readFileInside, writeFileInside, writeOutputFile, writeOutputFileAsync } from '../../src/core/io/safe-fs';
import { tempWorkspace } from './helpers';

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof FileRefusal) return err.reason;
    throw err;
  }
  return 'no refusal';
};

/** A folder beside the workspace, with a file an attack would reach. */
function outsideFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-outside-'));
  const file = path.join(dir, 'secret.txt');
  fs.writeFileSync(file, 'secret\n');
  return file;
}

const IS_ROOT = process.getuid?.() === 0;

describe('paths inside the folder', () => {
  test('.. , absolute paths, drives, backslashes, empty and dot segments are refused by their syntax', () => {
    const root = tempWorkspace({ 'a/b.md': 'x' });
    const problem = (rel: string) => {
      const r = resolveInside(root, rel);
      return r.ok ? 'ok' : r.problem;
    };
    assert.equal(problem('a/b.md'), 'ok');
    assert.equal(problem('a/new.md'), 'ok');
    assert.equal(problem('../outside.md'), 'outside');
    assert.equal(problem('a/../../x'), 'outside');
    assert.equal(problem('a/../b.md'), 'outside', 'a `..` is refused even when it would land inside');
    assert.equal(problem('/etc/passwd'), 'outside');
    assert.equal(problem('C:/x.md'), 'outside');
    assert.equal(problem('a\\b.md'), 'invalid');
    assert.equal(problem('a//b.md'), 'invalid');
    assert.equal(problem('./a/b.md'), 'invalid');
    assert.equal(problem(''), 'invalid');
    assert.equal(problem('a/b.md\0.txt'), 'invalid');
  });

  test('a symlinked folder, a file symlink and a link pointing outside are refused, never followed', () => {
    const root = tempWorkspace({ 'real/r.md': 'x' });
    const secret = outsideFile();
    fs.symlinkSync(path.dirname(secret), path.join(root, 'linkdir'));
    fs.symlinkSync('real/r.md', path.join(root, 'alias.md'));
    fs.symlinkSync(secret, path.join(root, 'out.md'));
    for (const rel of ['linkdir/secret.txt', 'alias.md', 'out.md', 'linkdir/new.md']) {
      const r = resolveInside(root, rel);
      assert.deepEqual(r, { ok: false, problem: 'symlink' }, rel);
    }
    assert.equal(resolveInside(root, 'real').ok, true);
    assert.equal(
      refusal(() => readFileInside(root, 'real')),
      'not-a-file',
    );
  });
});

describe('checking many new files at once (an import plan)', () => {
  test('says of each path what resolving it would: links on the way or at the name, files where folders are, files there already', () => {
    const root = tempWorkspace({ 'a/b/old.md': 'x', 'file.md': 'x', 'a/c/d.md': 'x' });
    const secret = outsideFile();
    fs.symlinkSync(path.dirname(secret), path.join(root, 'a/linkdir'));
    fs.symlinkSync(secret, path.join(root, 'a/b/link.md'));
    const cannot = newFileChecker(root);
    const said = (rel: string) => {
      const r = resolveInside(root, rel);
      return !r.ok ? r.problem : r.value.stat ? 'exists' : undefined;
    };
    const rels = [
      'a/b/new.md',
      'a/b/old.md',
      'a/b/link.md',
      'a/linkdir/new.md',
      'a/linkdir/deeper/new.md',
      'file.md/new.md',
      'file.md',
      'a/c',
      'new/folders/all/the/way.md',
      'top.md',
      'a/../x.md',
      'a//x.md',
    ];
    // Twice: the second time the folders come from what was learnt the first.
    for (const rel of [...rels, ...rels]) assert.equal(cannot(rel), said(rel), rel);
    assert.deepEqual(
      rels.map((rel) => cannot(rel) ?? 'ok'),
      ['ok', 'exists', 'symlink', 'symlink', 'symlink', 'not-a-file', 'exists', 'exists', 'ok', 'ok', 'outside', 'invalid'],
    );
  });
});

describe('the one write path', () => {
  test('a new file is created whole; an existing one is replaced only when asked', () => {
    const root = tempWorkspace({ 'r.md': 'old\n' });
    writeFileInside(root, 'new/deep/n.md', 'new\n');
    assert.equal(fs.readFileSync(path.join(root, 'new/deep/n.md'), 'utf8'), 'new\n');
    assert.equal(
      refusal(() => writeFileInside(root, 'r.md', 'other\n')),
      'exists',
    );
    assert.equal(fs.readFileSync(path.join(root, 'r.md'), 'utf8'), 'old\n');
    writeFileInside(root, 'r.md', 'other\n', { overwrite: true });
    assert.equal(fs.readFileSync(path.join(root, 'r.md'), 'utf8'), 'other\n');
    assert.deepEqual(fs.readdirSync(root).sort(), ['new', 'r.md'], 'no temp file is left behind');
  });

  test('replacing a file keeps its mode, and (as root) its owner', () => {
    const root = tempWorkspace({ 'r.md': 'old\n' });
    const abs = path.join(root, 'r.md');
    fs.chmodSync(abs, 0o600);
    if (IS_ROOT) fs.chownSync(abs, 65534, 65534);
    writeFileInside(root, 'r.md', 'new\n', { overwrite: true });
    const st = fs.statSync(abs);
    assert.equal(st.mode & 0o777, 0o600);
    if (IS_ROOT) assert.deepEqual([st.uid, st.gid], [65534, 65534]);
    assert.equal(fs.readFileSync(abs, 'utf8'), 'new\n');
  });

  test('a hard-linked file is rewritten in place: every link sees the new text', () => {
    const root = tempWorkspace({ 'r.md': 'old\n' });
    fs.linkSync(path.join(root, 'r.md'), path.join(root, 'copy.md'));
    writeFileInside(root, 'r.md', 'new\n', { overwrite: true });
    assert.equal(fs.readFileSync(path.join(root, 'copy.md'), 'utf8'), 'new\n');
    assert.equal(fs.statSync(path.join(root, 'r.md')).nlink, 2);
  });

  test('a link planted at the temp name is never followed: its target is untouched, another name is used', () => {
    const root = tempWorkspace({ 'r.md': 'old\n' });
    const secret = outsideFile();
    const planted = '.r.md.planted.rc-tmp';
    fs.symlinkSync(secret, path.join(root, planted));
    let calls = 0;
    writeFileInside(root, 'r.md', 'new\n', { overwrite: true, tempName: () => (calls++ === 0 ? planted : `.r.md.second-${calls}.rc-tmp`) });
    assert.equal(calls, 2, 'the planted name was tried, refused, and a fresh one taken');
    assert.equal(fs.readFileSync(secret, 'utf8'), 'secret\n');
    assert.equal(fs.lstatSync(path.join(root, planted)).isSymbolicLink(), true);
    assert.equal(fs.lstatSync(path.join(root, 'r.md')).isSymbolicLink(), false);
    assert.equal(fs.readFileSync(path.join(root, 'r.md'), 'utf8'), 'new\n');
  });

  test('writing to a file symlink or through a symlinked folder is refused; the targets stay as they were', () => {
    const root = tempWorkspace({});
    const secret = outsideFile();
    fs.symlinkSync(secret, path.join(root, 'r.md'));
    fs.symlinkSync(path.dirname(secret), path.join(root, 'linkdir'));
    assert.equal(
      refusal(() => writeFileInside(root, 'r.md', 'pwned', { overwrite: true })),
      'symlink',
    );
    assert.equal(
      refusal(() => writeFileInside(root, 'linkdir/secret.txt', 'pwned', { overwrite: true })),
      'symlink',
    );
    assert.equal(
      refusal(() => writeFileInside(root, 'linkdir/new.txt', 'pwned')),
      'symlink',
    );
    assert.equal(
      refusal(() => writeFileInside(root, '../x.txt', 'pwned')),
      'outside',
    );
    assert.equal(fs.readFileSync(secret, 'utf8'), 'secret\n');
    assert.deepEqual(fs.readdirSync(path.dirname(secret)), ['secret.txt']);
  });

  test('new folders are made one walk down: a link or a file on the way is refused at any depth, nothing made past it', () => {
    const root = tempWorkspace({ 'a/b/file.txt': 'x' });
    const secret = outsideFile();
    fs.symlinkSync(path.dirname(secret), path.join(root, 'a/b/link'));
    assert.equal(
      refusal(() => makeFoldersInside(root, 'a/b/link/c/d')),
      'symlink',
    );
    assert.equal(
      refusal(() => writeFileInside(root, 'a/b/link/c/new.md', 'pwned')),
      'symlink',
    );
    assert.equal(
      refusal(() => makeFoldersInside(root, 'a/b/file.txt/c')),
      'not-a-file',
    );
    assert.equal(
      refusal(() => makeFoldersInside(root, 'a/../../x')),
      'outside',
    );
    assert.deepEqual(fs.readdirSync(path.dirname(secret)), ['secret.txt']);
    makeFoldersInside(root, 'a/n/e/w');
    writeFileInside(root, 'a/n/e/w/r.md', 'ok');
    writeFileInside(root, 'a/n/e/w/s.md', 'ok');
    assert.deepEqual(fs.readdirSync(path.join(root, 'a/n/e/w')).sort(), ['r.md', 's.md']);
  });

  test('a file that is not what the caller read is refused (changed), and left alone', () => {
    const root = tempWorkspace({ 'r.md': 'edited by someone\n' });
    assert.equal(
      refusal(() => writeFileInside(root, 'r.md', 'new\n', { overwrite: true, expect: Buffer.from('old\n') })),
      'changed',
    );
    assert.equal(
      refusal(() => writeFileInside(root, 'r.md', 'new\n', { overwrite: true, expect: null })),
      'changed',
    );
    assert.equal(fs.readFileSync(path.join(root, 'r.md'), 'utf8'), 'edited by someone\n');
  });

  test('delete removes a regular file only: never a link, its target, or a folder', () => {
    const root = tempWorkspace({ 'r.md': 'x', 'dir/a.md': 'y' });
    const secret = outsideFile();
    fs.symlinkSync(secret, path.join(root, 'link.md'));
    assert.equal(
      refusal(() => deleteFileInside(root, 'link.md')),
      'symlink',
    );
    assert.equal(
      refusal(() => deleteFileInside(root, 'dir')),
      'not-a-file',
    );
    assert.equal(
      refusal(() => deleteFileInside(root, '../' + path.basename(root) + '/r.md')),
      'outside',
    );
    assert.equal(
      refusal(() => deleteFileInside(root, 'r.md', { expect: Buffer.from('other') })),
      'changed',
    );
    assert.ok(fs.existsSync(secret) && fs.existsSync(path.join(root, 'link.md')) && fs.existsSync(path.join(root, 'r.md')));
    deleteFileInside(root, 'r.md', { expect: Buffer.from('x') });
    assert.equal(fs.existsSync(path.join(root, 'r.md')), false);
  });

  test('an output file named by the user is never written through a link at that name', () => {
    const root = tempWorkspace({});
    const secret = outsideFile();
    fs.symlinkSync(secret, path.join(root, 'labels.html'));
    assert.equal(
      refusal(() => writeOutputFile(path.join(root, 'labels.html'), '<p>', { overwrite: true })),
      'symlink',
    );
    assert.equal(fs.readFileSync(secret, 'utf8'), 'secret\n');
  });
});

describe('an output file written without holding the extension host (exports)', () => {
  const asyncRefusal = async (p: Promise<unknown>): Promise<string> => {
    try {
      await p;
    } catch (err) {
      if (err instanceof FileRefusal) return err.reason;
      throw err;
    }
    return 'no refusal';
  };
  const chunks = (...s: string[]) => s.map((x) => Buffer.from(x, 'utf8'));

  test('its chunks make the file, byte for byte, and no temp file is left', async () => {
    const root = tempWorkspace({});
    const target = path.join(root, '记录表.csv');
    await writeOutputFileAsync(target, chunks('\uFEFF名称,编号\r\n', '华远科技,110101199003077777\r\n', ''));
    assert.equal(fs.readFileSync(target, 'utf8'), '\uFEFF名称,编号\r\n华远科技,110101199003077777\r\n');
    assert.deepEqual(fs.readdirSync(root), ['记录表.csv']);
  });

  test('an existing file is refused without overwrite, and replaced with it keeping its mode', async () => {
    const root = tempWorkspace({ 'out.csv': 'old' });
    const target = path.join(root, 'out.csv');
    fs.chmodSync(target, 0o640);
    assert.equal(await asyncRefusal(writeOutputFileAsync(target, chunks('new'))), 'exists');
    assert.equal(fs.readFileSync(target, 'utf8'), 'old');
    await writeOutputFileAsync(target, chunks('n', 'ew'), { overwrite: true });
    assert.equal(fs.readFileSync(target, 'utf8'), 'new');
    assert.equal(fs.statSync(target).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(root), ['out.csv']);
  });

  test('a link at that name is never written through, a folder is not a file', async () => {
    const root = tempWorkspace({ 'dir/x.md': 'x' });
    const secret = outsideFile();
    fs.symlinkSync(secret, path.join(root, 'table.xlsx'));
    assert.equal(await asyncRefusal(writeOutputFileAsync(path.join(root, 'table.xlsx'), chunks('x'), { overwrite: true })), 'symlink');
    assert.equal(fs.readFileSync(secret, 'utf8'), 'secret\n');
    assert.equal(await asyncRefusal(writeOutputFileAsync(path.join(root, 'dir'), chunks('x'), { overwrite: true })), 'not-a-file');
  });

  test('a file with another hard link is rewritten in place: the other name sees the new bytes', async () => {
    const root = tempWorkspace({ 'a.csv': 'old' });
    fs.linkSync(path.join(root, 'a.csv'), path.join(root, 'b.csv'));
    await writeOutputFileAsync(path.join(root, 'a.csv'), chunks('new'), { overwrite: true });
    assert.equal(fs.readFileSync(path.join(root, 'b.csv'), 'utf8'), 'new');
  });

  test('a name taken while the bytes were written is not replaced', async () => {
    const root = tempWorkspace({});
    const target = path.join(root, 'out.csv');
    const big = Buffer.alloc(8 << 20, 0x61);
    const writing = writeOutputFileAsync(target, [big, big]);
    fs.writeFileSync(target, 'theirs');
    assert.equal(await asyncRefusal(writing), 'exists');
    assert.equal(fs.readFileSync(target, 'utf8'), 'theirs');
    assert.deepEqual(fs.readdirSync(root), ['out.csv']);
  });
});

describe('several files as one change', () => {
  test('a file that changed since it was read stops the whole change before anything is written', () => {
    const root = tempWorkspace({ 'a.md': 'a0', 'b.md': 'b-edited' });
    const result = applyChanges(root, [
      { path: 'a.md', before: Buffer.from('a0'), after: Buffer.from('a1') },
      { path: 'b.md', before: Buffer.from('b0'), after: Buffer.from('b1') },
    ]);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.path, 'b.md');
    assert.equal(fs.readFileSync(path.join(root, 'a.md'), 'utf8'), 'a0');
    assert.equal(fs.readFileSync(path.join(root, 'b.md'), 'utf8'), 'b-edited');
  });

  test('a write that fails midway puts back the files already written', () => {
    const root = tempWorkspace({ 'a.md': 'a0', 'b.md': 'b0', 'gone.md': 'g0' });
    const result = applyChanges(
      root,
      [
        { path: 'a.md', before: Buffer.from('a0'), after: Buffer.from('a1') },
        { path: 'gone.md', before: Buffer.from('g0'), after: null },
        { path: 'b.md', before: Buffer.from('b0'), after: Buffer.from('b1') },
      ],
      {
        // Someone swaps b.md for a link between the check and the write.
        beforeEach: (p) => {
          if (p === 'b.md') {
            fs.rmSync(path.join(root, 'b.md'));
            fs.symlinkSync(outsideFile(), path.join(root, 'b.md'));
          }
        },
      },
    );
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && [result.path, result.restored.sort(), result.unrestored], ['b.md', ['a.md', 'gone.md'], []]);
    assert.equal(fs.readFileSync(path.join(root, 'a.md'), 'utf8'), 'a0');
    assert.equal(fs.readFileSync(path.join(root, 'gone.md'), 'utf8'), 'g0');
  });
});

describe('many new files at once', () => {
  // Their one sync at the end (flushNewFiles) cannot be seen from here without pulling the power; the import bench times it.
  test('an import of 200 new files writes each whole, no temporary file left; a failure at the 150th takes them all back', () => {
    const root = tempWorkspace({ 'customers/a/old.md': 'old\n' });
    const changes = Array.from({ length: 200 }, (_, i) => ({
      path: `customers/c${i % 20}/r${i}.md`,
      before: null,
      after: Buffer.from(`---\nid: R-${i}\ncustomer: 客户${i}\n---\n`),
    }));
    const edit = { path: 'customers/a/old.md', before: Buffer.from('old\n'), after: Buffer.from('new\n') };
    const ok = applyChanges(root, [...changes, edit]);
    assert.ok(ok.ok);
    for (const c of changes) assert.deepEqual(fs.readFileSync(path.join(root, c.path)), c.after);
    assert.equal(fs.readFileSync(path.join(root, 'customers/a/old.md'), 'utf8'), 'new\n');
    const leftovers = fs.readdirSync(root, { recursive: true }).filter((n) => String(n).endsWith('.rc-tmp'));
    assert.deepEqual(leftovers, []);

    const again = tempWorkspace({});
    // Something takes the 150th name after the check: the 149 written before it are removed again.
    const planted = changes.map((c, i) => ({ ...c, path: `x/${i}.md` }));
    const r = applyChanges(again, planted, {
      beforeEach: (p) => {
        if (p === 'x/150.md') fs.writeFileSync(path.join(again, 'x/150.md'), 'theirs');
      },
    });
    assert.ok(!r.ok);
    assert.deepEqual(fs.readdirSync(path.join(again, 'x')), ['150.md'], 'only the file someone else made is left');
  });

  test('a folder swapped for a link, or a link or folder at a name, after the check: nothing is written through it, and the refusal says why', () => {
    const many = (dir: string) =>
      Array.from({ length: 60 }, (_, i) => ({ path: `${dir}/${i}.md`, before: null, after: Buffer.from(`---\nid: R-${i}\n---\n`) }));
    const outside = path.dirname(outsideFile());
    const reasonOf = (r: ReturnType<typeof applyChanges>) => (!r.ok && r.error instanceof FileRefusal ? [r.path, r.error.reason] : r);

    const swapped = tempWorkspace({ 'customers/b/keep.md': 'k' });
    const r1 = applyChanges(swapped, many('customers/b'), {
      beforeEach: (p) => {
        if (p !== 'customers/b/40.md') return;
        fs.renameSync(path.join(swapped, 'customers/b'), path.join(swapped, 'customers/b-moved'));
        fs.symlinkSync(outside, path.join(swapped, 'customers/b'));
      },
    });
    assert.deepEqual(reasonOf(r1), ['customers/b/40.md', 'symlink']);
    assert.deepEqual(fs.readdirSync(outside), ['secret.txt'], 'nothing made outside the folder, not even a temp file');

    const linked = tempWorkspace({});
    const r2 = applyChanges(linked, many('x'), {
      beforeEach: (p) => {
        if (p === 'x/40.md') fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(linked, 'x/40.md'));
      },
    });
    assert.deepEqual(reasonOf(r2), ['x/40.md', 'symlink']);
    assert.equal(fs.readFileSync(path.join(outside, 'secret.txt'), 'utf8'), 'secret\n');

    const folder = tempWorkspace({});
    const r3 = applyChanges(folder, many('x'), {
      beforeEach: (p) => {
        if (p === 'x/40.md') fs.mkdirSync(path.join(folder, 'x/40.md'));
      },
    });
    assert.deepEqual(reasonOf(r3), ['x/40.md', 'not-a-file']);
    for (const root of [linked, folder]) {
      assert.deepEqual(fs.readdirSync(path.join(root, 'x')).sort(), ['40.md'], 'the files written before are removed again, no temp file left');
    }
  });
});
