import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeRecordBytes, firstInvalidUtf8 } from '../../src/core/parse/decode';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-decode-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a real file and reads it back, as the scanner does. */
function roundTrip(name: string, bytes: Uint8Array | string): Uint8Array {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return fs.readFileSync(file);
}

function problemOf(bytes: Uint8Array, opts?: { maxBytes?: number }) {
  const d = decodeRecordBytes(bytes, opts);
  assert.equal(d.ok, false, 'expected a problem');
  if (d.ok) throw new Error('unreachable');
  return d.problem;
}

test('plain UTF-8 with Chinese text decodes unchanged, no BOM', () => {
  const text = '---\n姓名: 张伟\n城市: 北京\n---\n正文\n';
  const d = decodeRecordBytes(roundTrip('plain.md', text));
  assert.deepEqual(d, { ok: true, text, bom: false });
});

test('a UTF-8 BOM is stripped and noted', () => {
  const bytes = roundTrip('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\na: 1\n---\n')]));
  const d = decodeRecordBytes(bytes);
  assert.ok(d.ok);
  assert.equal(d.bom, true);
  assert.equal(d.text, '---\na: 1\n---\n');
  assert.equal(d.text.charCodeAt(0), 0x2d);
});

test('an empty file decodes to empty text', () => {
  assert.deepEqual(decodeRecordBytes(roundTrip('empty.md', '')), { ok: true, text: '', bom: false });
});

test('GBK bytes in a front matter: encoding problem naming GBK, at the right line and byte', () => {
  const head = Buffer.from('---\nid: R-1\nname: ');
  const gbk = Buffer.from([0xd5, 0xc5, 0xce, 0xb0]); // 张伟 in GBK
  const bytes = roundTrip('gbk.md', Buffer.concat([head, gbk, Buffer.from('\n---\n')]));
  const p = problemOf(bytes);
  assert.equal(p.code, 'encoding');
  assert.match(p.message, /GBK/);
  assert.match(p.message, /re-save as UTF-8/);
  assert.match(p.message, new RegExp(`byte ${head.length}\\b`));
  assert.equal(p.line, 2);
  assert.equal(p.col, 'name: '.length);
});

test('GBK detection also works behind a UTF-8 BOM and with CRLF; byte offset counts the BOM', () => {
  const bytes = roundTrip(
    'gbk-crlf.md',
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\r\nname: '), Buffer.from([0xd5, 0xc5, 0xce, 0xb0]), Buffer.from('\r\n---\r\n')]),
  );
  const p = problemOf(bytes);
  assert.equal(p.code, 'encoding');
  assert.match(p.message, /GBK/);
  assert.match(p.message, /byte 14\b/);
  assert.deepEqual([p.line, p.col], [1, 6]);
});

test('Latin-1 bytes are an encoding problem without the GBK hint; column counts UTF-16 units', () => {
  const bytes = roundTrip('latin1.md', Buffer.concat([Buffer.from('---\n名: caf'), Buffer.from([0xe9, 0x20, 0x21]), Buffer.from('\n---\n')]));
  const p = problemOf(bytes);
  assert.equal(p.code, 'encoding');
  assert.doesNotMatch(p.message, /GBK/);
  assert.deepEqual([p.line, p.col], [1, '名: caf'.length]);
});

test('a PNG is binary', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const p = problemOf(roundTrip('image.md', png));
  assert.equal(p.code, 'binary');
  assert.deepEqual([p.line, p.col], [0, 0]);
});

test('many control bytes without NUL is binary; tabs, ESC and CRLF are not', () => {
  const junk = Buffer.alloc(200, 0x01);
  junk.write('---\n', 0);
  assert.equal(problemOf(roundTrip('ctl.md', junk)).code, 'binary');
  const text = '---\r\nnote: "\t\x1b[1mbold\x1b[0m"\r\n---\r\n';
  assert.ok(decodeRecordBytes(roundTrip('ok-ctl.md', text)).ok);
});

test('each control byte, in valid UTF-8: binary above a tenth of the first 8 KB, text below; one NUL is enough', () => {
  const allowed = new Set([9, 10, 12, 13, 27]);
  for (let b = 0; b < 0x20; b++) {
    const many = Buffer.from(`---\nnote: "${String.fromCharCode(b).repeat(40)}名"\n---\n`);
    const few = Buffer.from(`---\nnote: "${String.fromCharCode(b)}${'x'.repeat(40)}名"\n---\n`);
    const want = b === 0 || !allowed.has(b) ? 'binary' : undefined;
    assert.equal(decodeRecordBytes(many).ok ? undefined : problemOf(many).code, want, `byte ${b}, many`);
    assert.equal(decodeRecordBytes(few).ok ? undefined : problemOf(few).code, b === 0 ? 'binary' : undefined, `byte ${b}, once`);
  }
});

test('a NUL after the first 8 KB does not make a file binary', () => {
  const bytes = Buffer.alloc(9000, 0x61);
  bytes[8500] = 0;
  assert.ok(decodeRecordBytes(roundTrip('late-nul.md', bytes)).ok);
});

test('UTF-16 with a BOM is an encoding problem, not garbled text', () => {
  const bytes = roundTrip('utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\na: 1\n', 'utf16le')]));
  const p = problemOf(bytes);
  assert.equal(p.code, 'encoding');
  assert.match(p.message, /UTF-16/);
});

test('too large: over maxBytes, and over the 5 MiB default', () => {
  const small = roundTrip('big.md', Buffer.alloc(101, 0x61));
  assert.equal(problemOf(small, { maxBytes: 100 }).code, 'too-large');
  assert.ok(decodeRecordBytes(small, { maxBytes: 101 }).ok);
  const p = problemOf(roundTrip('huge.md', Buffer.alloc(5 * 1024 * 1024 + 1, 0x61)));
  assert.equal(p.code, 'too-large');
  assert.match(p.message, /5242881/);
  assert.ok(decodeRecordBytes(Buffer.alloc(5 * 1024 * 1024, 0x61)).ok);
});

test('a multi-byte sequence cut off at the end of the file is an encoding problem', () => {
  const bytes = roundTrip('cut.md', Buffer.concat([Buffer.from('a: 张'), Buffer.from([0xe4, 0xbc])]));
  const p = problemOf(bytes);
  assert.equal(p.code, 'encoding');
  assert.deepEqual([p.line, p.col], [0, 4]);
});

test('firstInvalidUtf8 agrees with the fatal TextDecoder on tricky and random input', () => {
  const cases: number[][] = [
    [0xc0, 0x80], // overlong
    [0xed, 0xa0, 0x80], // surrogate
    [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
    [0xf0, 0x9f, 0x98, 0x80], // 😀, valid
    [0xe2, 0x82],
    [0x80],
  ];
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let i = 0; i < 2000; i++) {
    cases.push(Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => (rnd() < 0.5 ? 0x80 + Math.floor(rnd() * 0x80) : Math.floor(rnd() * 0x80) + 1)));
  }
  const fatal = new TextDecoder('utf-8', { fatal: true });
  for (const c of cases) {
    const bytes = Uint8Array.from(c);
    let valid = true;
    try {
      fatal.decode(bytes);
    } catch {
      valid = false;
    }
    assert.equal(firstInvalidUtf8(bytes) === bytes.length, valid, `bytes ${c.map((b) => b.toString(16)).join(' ')}`);
  }
});
