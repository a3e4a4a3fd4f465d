import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeRecordBytes } from '../../src/core/parse/decode';
import { LineIndex } from '../../src/core/parse/lines';
import { parseRecordText } from '../../src/core/parse/record-file';
import { type ParsedRecord, type Span } from '../../src/core/model/parsed';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-records-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a real file, reads its bytes back and decodes them, as the scanner does. */
function load(name: string, content: string | Uint8Array) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  const decoded = decodeRecordBytes(fs.readFileSync(file));
  assert.ok(decoded.ok, `decode ${name}`);
  return decoded.text;
}

function parse(name: string, content: string | Uint8Array, detach = false) {
  const text = load(name, content);
  const kind = name.endsWith('.md') ? 'markdown' : 'yaml';
  return { text, file: parseRecordText(text, kind, { detach }) };
}

function only(records: ParsedRecord[]): ParsedRecord {
  assert.equal(records.length, 1);
  return records[0];
}

const at = (text: string, s: Span | undefined) => (s ? text.slice(s.start, s.end) : undefined);

test('markdown with BOM: record read, spans point into the BOM-less text', () => {
  const { text, file } = parse('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\nid: R-1\nname: 张伟\n---\n# Body\n')]));
  assert.equal(file.isRecordFile, true);
  const r = only(file.records);
  assert.deepEqual(r.data, { id: 'R-1', name: '张伟' });
  assert.equal(at(text, r.fields.get('name')?.value), '张伟');
  assert.equal(at(text, r.fence), '---');
  assert.equal(at(text, r.bodySpan), '# Body\n');
  assert.deepEqual(r.problems, []);
});

test('CRLF: every span points at the right characters', () => {
  const src = '---  \r\nid: R-7\r\ntags: [a, b]\r\naddress:\r\n  city: 上海\r\n  zip: "200000"\r\nphone:\r\n---\r\nBody line\r\n';
  const { text, file } = parse('crlf.md', src);
  const r = only(file.records);
  assert.deepEqual(r.problems, []);
  assert.deepEqual([...r.fields.keys()], ['id', 'tags', 'address', 'phone']);
  assert.equal(at(text, r.fence), '---  ');
  assert.equal(at(text, r.span), src.slice(0, src.indexOf('\r\nBody')));
  assert.equal(at(text, r.contentSpan), 'id: R-7\r\ntags: [a, b]\r\naddress:\r\n  city: 上海\r\n  zip: "200000"\r\nphone:\r\n');
  assert.equal(at(text, r.fields.get('id')?.key), 'id');
  assert.equal(at(text, r.fields.get('id')?.value), 'R-7');
  assert.equal(at(text, r.fields.get('tags')?.value), '[a, b]');
  assert.equal(at(text, r.fields.get('address')?.value), 'city: 上海\r\n  zip: "200000"');
  const phone = r.fields.get('phone');
  assert.ok(phone);
  assert.equal(phone.value.start, phone.value.end);
  assert.equal(text.slice(phone.key.start, phone.value.start), 'phone:');
  assert.equal(at(text, r.bodySpan), 'Body line\r\n');
  assert.deepEqual(r.data, { id: 'R-7', tags: ['a', 'b'], address: { city: '上海', zip: '200000' }, phone: null });
});

test('`...` closes front matter; trailing spaces on fences are allowed', () => {
  const { text, file } = parse('dots.md', '--- \nid: R-2\n... \t\nbody --- not a fence\n---\n');
  const r = only(file.records);
  assert.deepEqual(r.data, { id: 'R-2' });
  assert.equal(at(text, r.bodySpan), 'body --- not a fence\n---\n');
  assert.equal(at(text, r.span), '--- \nid: R-2\n... \t');
});

test('empty front matter: one record, data {}, no fields, no problems', () => {
  for (const [name, src] of [
    ['empty.md', '---\n---\nbody'],
    ['comment.md', '---\n# nothing yet\n---\n'],
  ]) {
    const { file } = parse(name, src);
    const r = only(file.records);
    assert.deepEqual(r.data, {});
    assert.equal(r.fields.size, 0);
    assert.deepEqual(r.problems, []);
  }
});

test('unclosed front matter: a record with a yaml-syntax problem at the opening fence; body not parsed', () => {
  const { text, file } = parse('open.md', '---\r\nid: R-3\r\n\r\n# Title\r\nlots of: [markdown\r\n');
  assert.equal(file.isRecordFile, true);
  const r = only(file.records);
  assert.equal(r.data, undefined);
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0].code, 'yaml-syntax');
  assert.match(r.problems[0].message, /not closed/);
  assert.equal(at(text, r.problems[0].span), '---');
  assert.equal(r.bodySpan, undefined);
});

test('markdown without front matter is not a record file', () => {
  for (const [name, src] of [
    ['plain.md', '# Notes\n\n---\nid: x\n---\n'],
    ['blank.md', ''],
    ['dash4.md', '----\na: 1\n---\n'],
    ['indented.md', ' ---\na: 1\n---\n'],
  ]) {
    const { file } = parse(name, src);
    assert.deepEqual(file, { kind: 'markdown', isRecordFile: false, records: [] }, name);
  }
});

test('a leading thematic break is read as front matter and its YAML problems reported', () => {
  const { file } = parse('hr.md', '---\nThis is *not*: YAML: at all\n- really\n---\ntext\n');
  const r = only(file.records);
  assert.ok(r.problems.length > 0);
  assert.ok(r.problems.every((p) => p.code === 'yaml-syntax' || p.code === 'not-a-mapping'));
});

test('duplicate key: duplicate-key problem spanning the second key; last value wins in data and fields', () => {
  const { text, file } = parse('dup.md', '---\nname: 张伟\nid: R-4\nname: 李娜\n---\n');
  const r = only(file.records);
  const dup = r.problems.filter((p) => p.code === 'duplicate-key');
  assert.equal(dup.length, 1);
  assert.equal(dup[0].span.start, text.lastIndexOf('name'));
  assert.equal(at(text, dup[0].span), 'name');
  assert.deepEqual(r.data, { name: '李娜', id: 'R-4' });
  assert.deepEqual([...r.fields.keys()], ['name', 'id']);
  assert.equal(at(text, r.fields.get('name')?.value), '李娜');
});

test('billion laughs: returns quickly with alias-limit; the other fields stay readable', () => {
  const lines = ['---', 'id: R-5', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    lines.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
        .fill('*' + prev)
        .join(',')}]`,
    );
  }
  lines.push('owner: 王芳', '---', '');
  const t0 = performance.now();
  const { text, file } = parse('bomb.md', lines.join('\n'));
  const elapsed = performance.now() - t0;
  assert.ok(elapsed < 1000, `took ${elapsed} ms`);
  const r = only(file.records);
  const limit = r.problems.filter((p) => p.code === 'alias-limit');
  assert.ok(limit.length >= 1);
  assert.ok(at(text, limit[0].span)?.startsWith('['));
  assert.equal(r.data?.id, 'R-5');
  assert.equal(r.data?.owner, '王芳');
  assert.equal(r.fields.size, 12);
});

test('unresolved alias: yaml-syntax on that field only', () => {
  const { text, file } = parse('alias.md', '---\nid: R-8\nowner: *nobody\n---\n');
  const r = only(file.records);
  assert.deepEqual(r.data, { id: 'R-8' });
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0].code, 'yaml-syntax');
  assert.equal(at(text, r.problems[0].span), '*nobody');
});

test('broken flow sequence: yaml-syntax at the right line/col; recovered fields still usable', () => {
  const src = '---\nid: R-6\nparticipants: [张伟, 李娜\nstatus: open\ncity: 北京\n---\nbody\n';
  const { text, file } = parse('broken.md', src);
  const r = only(file.records);
  assert.ok(r.problems.length >= 1);
  const p = r.problems[0];
  assert.equal(p.code, 'yaml-syntax');
  const idx = new LineIndex(text);
  assert.deepEqual(idx.positionAt(p.span.start), { line: 3, character: 0 }, p.message);
  assert.ok(p.span.start >= r.contentSpan.start && p.span.end <= r.contentSpan.end);
  assert.equal(r.data?.id, 'R-6');
  assert.equal(r.data?.city, '北京');
  assert.deepEqual(r.data?.participants, ['张伟', '李娜']);
  assert.equal(at(text, r.fields.get('city')?.value), '北京');
});

test('YAML 1.2 core schema: dates, yes/no and numbers with leading zeros stay as written', () => {
  const { file } = parse('schema.md', '---\ndate: 2020-02-30\nok: yes\nzip: 010\nn: 12\nflag: true\n---\n');
  assert.deepEqual(only(file.records).data, { date: '2020-02-30', ok: 'yes', zip: '010', n: 12, flag: true });
});

test('Chinese keys and values, including quoted keys and an empty value', () => {
  const { text, file } = parse('zh.md', '---\n客户名称: 北京某某科技有限公司\n"联系人": 张伟\n电话:\n备注: 无  # 注释\n---\n');
  const r = only(file.records);
  assert.deepEqual(r.data, { 客户名称: '北京某某科技有限公司', 联系人: '张伟', 电话: null, 备注: '无' });
  assert.equal(at(text, r.fields.get('联系人')?.key), '"联系人"');
  assert.equal(at(text, r.fields.get('备注')?.value), '无');
  const phone = r.fields.get('电话')!;
  assert.equal(text.slice(phone.key.start, phone.value.end), '电话:');
});

test('empty value spans: `phone:` with trailing spaces, a comment, or at end of text', () => {
  const { text, file } = parse('phone.yaml', 'phone:   # later\nfax: \nemail:');
  const r = only(file.records);
  for (const k of ['phone', 'fax', 'email']) {
    const f = r.fields.get(k)!;
    assert.equal(f.value.start, f.value.end, k);
    assert.equal(text.slice(f.key.start, f.value.start), `${k}:`);
  }
  assert.deepEqual(r.data, { phone: null, fax: null, email: null });
});

test('multi-document YAML stream: one record per document with its own spans', () => {
  const src = '# customers\nid: C-1\nname: 张伟\n---\nid: C-2\nname: 李娜\n--- # third\nid: C-3\nname: 王芳\n...\n';
  const { text, file } = parse('stream.yaml', src);
  assert.equal(file.isRecordFile, true);
  assert.deepEqual(
    file.records.map((r) => r.index),
    [0, 1, 2],
  );
  assert.deepEqual(
    file.records.map((r) => r.data),
    [
      { id: 'C-1', name: '张伟' },
      { id: 'C-2', name: '李娜' },
      { id: 'C-3', name: '王芳' },
    ],
  );
  assert.deepEqual(
    file.records.map((r) => at(text, r.span)),
    ['id: C-1\nname: 张伟', '---\nid: C-2\nname: 李娜', '--- # third\nid: C-3\nname: 王芳\n...'],
  );
  assert.deepEqual(
    file.records.map((r) => at(text, r.fence)),
    ['id: C-1', '---', '---'],
  );
  assert.deepEqual(
    file.records.map((r) => at(text, r.contentSpan)),
    ['id: C-1\nname: 张伟', 'id: C-2\nname: 李娜', 'id: C-3\nname: 王芳'],
  );
  assert.equal(at(text, file.records[2].fields.get('name')?.value), '王芳');
  assert.ok(file.records.every((r) => r.problems.length === 0 && r.bodySpan === undefined));
});

test('YAML stream: an empty trailing document is not a record; CRLF spans are right', () => {
  const { text, file } = parse('crlf.yml', 'id: C-1\r\n---\r\nid: C-2\r\nphone:\r\n---\r\n');
  assert.equal(file.records.length, 2);
  assert.equal(at(text, file.records[1].fields.get('id')?.value), 'C-2');
  const phone = file.records[1].fields.get('phone')!;
  assert.equal(text.slice(phone.key.start, phone.value.end), 'phone:');
});

test('a YAML document that is a list or a scalar is a not-a-mapping record', () => {
  const { text, file } = parse('list.yaml', '- 张伟\n- 李娜\n---\njust text\n---\nid: C-3\n');
  assert.equal(file.records.length, 3);
  const [list, scalar, ok] = file.records;
  assert.equal(list.data, undefined);
  assert.deepEqual(
    list.problems.map((p) => p.code),
    ['not-a-mapping'],
  );
  assert.equal(at(text, list.problems[0].span), '- 张伟\n- 李娜');
  assert.deepEqual(
    scalar.problems.map((p) => p.code),
    ['not-a-mapping'],
  );
  assert.deepEqual(ok.data, { id: 'C-3' });
});

test('empty YAML, comments only, or only `---` is not a record file', () => {
  for (const [name, src] of [
    ['empty.yaml', ''],
    ['comments.yaml', '# a\n\n# b\n'],
    ['dashes.yaml', '---\n'],
    ['bom.yaml', '\ufeff'],
  ]) {
    const { file } = parse(name, src);
    assert.deepEqual(file, { kind: 'yaml', isRecordFile: false, records: [] }, name);
  }
});

test('`__proto__` as a key is an ordinary field', () => {
  const { file } = parse('proto.yaml', '__proto__: x\nid: C-9\nref: *missing\n');
  const r = only(file.records);
  assert.equal(Object.getPrototypeOf(r.data), Object.prototype);
  assert.equal(Object.getOwnPropertyDescriptor(r.data, '__proto__')?.value, 'x');
  assert.equal(r.data?.id, 'C-9');
});

test('detach: same results, with strings no longer tied to the file text', () => {
  const src = '---\nname: "a customer name long enough to be a slice"\nlist: [one long list element here, x]\nnested: {k: another long string value}\n---\n';
  const a = parse('detach.md', src).file;
  const b = parse('detach.md', src, true).file;
  assert.deepEqual(b, a);
});
