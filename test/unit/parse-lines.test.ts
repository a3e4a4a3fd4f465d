import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineIndex } from '../../src/core/parse/lines';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-lines-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function readBack(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return fs.readFileSync(file, 'utf8');
}

/** Reference positions computed the slow way. */
function naive(text: string, offset: number) {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

test('LF, CRLF, lone CR and mixed line breaks match the naive computation at every offset', () => {
  const texts = ['a\nbc\n\nd', '---\r\n名: 张伟\r\n---\r\nbody', 'a\rb\r\rc', 'x\r\ny\rz\nw\r', '', '\n', '\r\n'];
  texts.forEach((t, n) => {
    const text = readBack(`t${n}.md`, t);
    const idx = new LineIndex(text);
    for (let off = 0; off <= text.length; off++) {
      const pos = idx.positionAt(off);
      assert.deepEqual(pos, naive(text, off), `text ${n} offset ${off}`);
      // An offset between \r and \n is not a real position; everything else round-trips.
      if (!(text[off - 1] === '\r' && text[off] === '\n')) assert.equal(idx.offsetAt(pos.line, pos.character), off);
    }
  });
});

test('line count and line content ends ignore the line break', () => {
  const idx = new LineIndex(readBack('ends.md', 'ab\r\ncd\ref\n'));
  assert.equal(idx.lineCount, 4);
  assert.deepEqual(
    [0, 1, 2, 3].map((l) => idx.lineContentEnd(l)),
    [2, 6, 9, 10],
  );
});

test('out-of-range input is clamped', () => {
  const idx = new LineIndex('ab\ncd');
  assert.deepEqual(idx.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(idx.positionAt(99), { line: 1, character: 2 });
  assert.equal(idx.offsetAt(0, 99), 2);
  assert.equal(idx.offsetAt(7, 0), 5);
  assert.equal(idx.offsetAt(-1, 3), 0);
  assert.equal(new LineIndex('ab\r\ncd').offsetAt(0, 3), 2, 'never lands between \\r and \\n');
});

test('characters are UTF-16 code units, like the editor', () => {
  const text = readBack('astral.md', 'a: 😀张\nb');
  const idx = new LineIndex(text);
  assert.deepEqual(idx.positionAt(text.indexOf('张')), { line: 0, character: 5 });
  assert.deepEqual(idx.positionAt(text.indexOf('b')), { line: 1, character: 0 });
});

test('a 100,000-line file builds quickly', () => {
  const text = 'key: value\n'.repeat(100_000);
  const t0 = performance.now();
  const idx = new LineIndex(text);
  const elapsed = performance.now() - t0;
  assert.equal(idx.lineCount, 100_001);
  assert.deepEqual(idx.positionAt(text.length - 3), { line: 99_999, character: 8 });
  assert.ok(elapsed < 200, `took ${elapsed} ms`);
});
