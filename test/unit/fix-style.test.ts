/**
 * The defects of issue 12 ("nothing the tool writes can damage a record"), one test each: writing an
 * archive number or inserting missing fields must keep the record readable, with the same data plus the
 * new fields, in the record's own style. These use only the edit functions' original signatures so they
 * can be run against earlier code.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { combineFixes, fixesOf } from '../../src/core/fix/apply-fixes';
import { applyEdits, setFieldEdits } from '../../src/core/fix/fixes';
import { parseRecordText } from '../../src/core/parse/record-file';
import { indexText } from '../../src/core/index/index-file';
import { allRules } from '../../src/core/rules';
import { defaultSchema } from '../../src/core/schema/load';

const NUMBER = [
  { record: 0, field: 'archive_no', value: 'Z001-WS·2026-D10-HT-0001' },
  { record: 0, field: 'archived_at', value: '2026-03-01' },
];
const number = (path: string, text: string) => applyEdits(text, setFieldEdits(path, text, NUMBER));
const dataOf = (path: string, text: string) =>
  parseRecordText(text, path.endsWith('.md') ? 'markdown' : 'yaml').records.map((r) => ({ data: r.data, problems: r.problems.map((p) => p.message) }));
const numbered = { archive_no: 'Z001-WS·2026-D10-HT-0001', archived_at: '2026-03-01' };

describe('writing an archive number keeps the record readable', () => {
  test('front matter written as a flow mapping gets the fields inside its braces', () => {
    const text = '---\n{id: HT-1, category: contract, customer: 张伟, title: 合同}\n---\n正文\n';
    const out = number('r.md', text);
    assert.equal(
      out,
      '---\n{id: HT-1, category: contract, customer: 张伟, title: 合同, archive_no: Z001-WS·2026-D10-HT-0001, archived_at: 2026-03-01}\n---\n正文\n',
    );
    assert.deepEqual(dataOf('r.md', out), [{ data: { id: 'HT-1', category: 'contract', customer: '张伟', title: '合同', ...numbered }, problems: [] }]);
  });

  test('a multi-line flow mapping with a trailing comma gets one field per line, in its indentation', () => {
    const text = '---\n{\n    id: HT-1,\n    title: "合同",\n}\n---\n';
    const out = number('r.md', text);
    assert.equal(out, '---\n{\n    id: HT-1,\n    title: "合同",\n    archive_no: Z001-WS·2026-D10-HT-0001,\n    archived_at: 2026-03-01,\n}\n---\n');
    assert.deepEqual(dataOf('r.md', out), [{ data: { id: 'HT-1', title: '合同', ...numbered }, problems: [] }]);
  });

  test('an indented block mapping gets the fields at its own indentation', () => {
    const text = '---\n  id: HT-1\n  category: contract\n---\nBody\n';
    const out = number('r.md', text);
    assert.equal(out, '---\n  id: HT-1\n  category: contract\n  archive_no: Z001-WS·2026-D10-HT-0001\n  archived_at: 2026-03-01\n---\nBody\n');
    assert.deepEqual(dataOf('r.md', out), [{ data: { id: 'HT-1', category: 'contract', ...numbered }, problems: [] }]);
  });

  test('a YAML record ending in a |+ block scalar keeps its kept blank lines', () => {
    const text = 'id: HT-1\nnotes: |+\n  第一行\n\n\n';
    const out = number('r.yaml', text);
    assert.equal(out, 'id: HT-1\nnotes: |+\n  第一行\n\n\narchive_no: Z001-WS·2026-D10-HT-0001\narchived_at: 2026-03-01\n');
    assert.deepEqual(dataOf('r.yaml', out), [{ data: { id: 'HT-1', notes: '第一行\n\n\n', ...numbered }, problems: [] }]);
  });

  test('in a YAML stream, the kept blank lines of a |+ scalar stay in their document', () => {
    const text = 'id: A\nnotes: |+\n  a\n\n---\nid: B\n';
    const out = number('s.yaml', text);
    assert.deepEqual(dataOf('s.yaml', out), [
      { data: { id: 'A', notes: 'a\n\n', ...numbered }, problems: [] },
      { data: { id: 'B' }, problems: [] },
    ]);
    assert.ok(out.endsWith('---\nid: B\n'), out);
  });

  test("inserted front-matter lines follow the front matter's line endings, not the body's", () => {
    const lfFront = '---\nid: HT-1\ntitle: t\n---\r\nBody\r\nline 2\r\n';
    assert.equal(number('r.md', lfFront), '---\nid: HT-1\ntitle: t\narchive_no: Z001-WS·2026-D10-HT-0001\narchived_at: 2026-03-01\n---\r\nBody\r\nline 2\r\n');
    const crlfFront = '---\r\nid: HT-1\r\n---\r\nBody\nline 2\n';
    assert.equal(number('r.md', crlfFront), '---\r\nid: HT-1\r\narchive_no: Z001-WS·2026-D10-HT-0001\r\narchived_at: 2026-03-01\r\n---\r\nBody\nline 2\n');
  });
});

describe('the quick fix "insert missing fields" keeps the record readable', () => {
  const schema = defaultSchema();
  const opts = { schema, lang: 'en' as const, rules: allRules, fileExists: () => true };
  const check = (path: string, text: string) => indexText(path, text, { mtimeMs: 0, size: 0 }, opts).findings;
  const fixAll = (path: string, text: string) => combineFixes(path, text, fixesOf(check(path, text))).text;

  test('into a flow-mapping front matter it writes flow pairs, without the hint comments that would swallow the brace', () => {
    const text = '---\n{id: FW-1, category: service, customer: 张伟, customer_type: person}\n---\nBody\n';
    const fixed = fixAll('r.md', text);
    assert.equal(
      fixed,
      '---\n{id: FW-1, category: service, customer: 张伟, customer_type: person, title: "", date: "", service_type: "", staff: ""}\n---\nBody\n',
    );
    assert.deepEqual(
      check('r.md', fixed).filter((f) => f.code === 'missing-field' || f.code.startsWith('yaml')),
      [],
    );
  });

  test('into an indented front matter it writes the fields at that indentation', () => {
    const text =
      '---\n  id: FW-1\n  category: service\n  customer: 张伟\n  customer_type: person\n  title: t\n  date: 2026-01-01\n  service_type: support\n---\n';
    const fixed = fixAll('r.md', text);
    assert.equal(fixed, text.replace('support\n---', 'support\n  staff: ""  # Staff who delivered the service\n---'));
    assert.deepEqual(
      check('r.md', fixed).filter((f) => f.code === 'missing-field' || f.code.startsWith('yaml')),
      [],
    );
  });
});
