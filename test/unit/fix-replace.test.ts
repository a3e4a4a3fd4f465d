/**
 * Replacing a field's value, in the forms values take, and refusing an edit that would change more than
 * the field: the user sees the one value change and nothing else, or a reason why nothing was written.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { UnsafeEditError, applyEdits, planFieldEdits, setFieldEdits } from '../../src/core/fix/fixes';
import { parseRecordText } from '../../src/core/parse/record-file';

const set = (path: string, text: string, field: string, value: string, record = 0) => applyEdits(text, setFieldEdits(path, text, [{ record, field, value }]));
const data = (path: string, text: string) => parseRecordText(text, path.endsWith('.md') ? 'markdown' : 'yaml').records.map((r) => r.data);

describe('replacing a value', () => {
  test('in a flow mapping, in place, quoted when the value would break the mapping', () => {
    const text = '---\n{id: A-1, status: draft, tags: [a, b]}\n---\n';
    assert.equal(set('r.md', text, 'status', 'approved'), '---\n{id: A-1, status: approved, tags: [a, b]}\n---\n');
    const out = set('r.md', text, 'status', 'a, b}');
    assert.equal(out, '---\n{id: A-1, status: "a, b}", tags: [a, b]}\n---\n');
    assert.deepEqual(data('r.md', out), [{ id: 'A-1', status: 'a, b}', tags: ['a', 'b'] }]);
  });

  test('a block scalar becomes the one-line value: header, body and kept blank lines go, its comment stays', () => {
    const text = 'id: A\nnotes: |+  # 说明\n  第一行\n  第二行\n\n\nstatus: draft\n';
    const out = set('r.yaml', text, 'notes', '已归档');
    assert.equal(out, 'id: A\nnotes: 已归档  # 说明\nstatus: draft\n');
    assert.deepEqual(data('r.yaml', out), [{ id: 'A', notes: '已归档', status: 'draft' }]);
    const folded = '---\r\nid: A\r\nnotes: >2-\r\n   indented\r\n  text\r\n---\r\n';
    assert.equal(set('r.md', folded, 'notes', 'x'), '---\r\nid: A\r\nnotes: x\r\n---\r\n');
  });

  test('a value followed by a comment keeps the comment', () => {
    const text = '---\nstatus: draft  # 草稿\nid: A\n---\n';
    assert.equal(set('r.md', text, 'status', 'approved'), '---\nstatus: approved  # 草稿\nid: A\n---\n');
  });

  test('an empty value, `~` and `null` take the value', () => {
    const text = 'id: A\narchive_no:\narchived_at: ~\nstatus: null\n';
    let out = set('r.yaml', text, 'archive_no', 'N-1');
    out = set('r.yaml', out, 'archived_at', '2026-03-01');
    out = set('r.yaml', out, 'status', 'archived');
    assert.equal(out, 'id: A\narchive_no: N-1\narchived_at: 2026-03-01\nstatus: archived\n');
    assert.equal(set('r.md', '---\n{id: A, archive_no}\n---\n', 'archive_no', 'N-1'), '---\n{id: A, archive_no: N-1}\n---\n');
  });

  test('a block list becomes the one-line value after the colon', () => {
    const text = '  status:\n    - a\n    - b\n  id: A\n';
    assert.equal(set('r.yaml', text, 'status', 'approved'), '  status: approved\n  id: A\n');
  });

  test('in a YAML stream ending with `...`, the field goes before the end marker of its document', () => {
    const text = '%YAML 1.2\n---\nid: A\n...\n---\nid: B\n...\n';
    const out = set('s.yaml', text, 'archive_no', 'N-1', 0);
    assert.equal(out, '%YAML 1.2\n---\nid: A\narchive_no: N-1\n...\n---\nid: B\n...\n');
  });

  test('a file without a trailing line break gets the field on a line of its own, still without one', () => {
    assert.equal(set('r.yaml', 'id: A\r\nnotes: |\r\n  x', 'archive_no', 'N-1'), 'id: A\r\nnotes: |\r\n  x\r\narchive_no: N-1');
    assert.deepEqual(data('r.yaml', set('r.yaml', 'id: A\r\nnotes: |\r\n  x', 'archive_no', 'N-1')), [{ id: 'A', notes: 'x\n', archive_no: 'N-1' }]);
  });

  test('an empty front matter, or one holding only comments, gets the field as its first line', () => {
    assert.equal(set('r.md', '---\n---\nBody\n', 'archive_no', 'N-1'), '---\narchive_no: N-1\n---\nBody\n');
    assert.equal(set('r.md', '---\r\n# 待整理\r\n---\r\n', 'archive_no', 'N-1'), '---\r\n# 待整理\r\narchive_no: N-1\r\n---\r\n');
  });

  test('quoted and Chinese keys are found; new keys are quoted only when they must be', () => {
    const text = '---\n"档号": \'\'\n客户: 张伟\n---\n';
    assert.equal(set('r.md', text, '档号', 'Z-1'), '---\n"档号": \'Z-1\'\n客户: 张伟\n---\n');
    const out = applyEdits(
      text,
      setFieldEdits('r.md', text, [
        { record: 0, field: '备注', value: 'a: b' },
        { record: 0, field: 'a: b', value: 'true' },
      ]),
    );
    assert.equal(out, '---\n"档号": \'\'\n客户: 张伟\n备注: "a: b"\n"a: b": "true"\n---\n');
    assert.deepEqual(data('r.md', out), [{ 档号: '', 客户: '张伟', 备注: 'a: b', 'a: b': 'true' }]);
  });
});

describe('refusing an edit that is not safe', () => {
  test('a value another field refers to by alias is not changed under it', () => {
    const text = 'id: A\nowner: &who 张伟\nreviewer: *who\n';
    const plan = planFieldEdits('r.yaml', text, [{ record: 0, field: 'owner', value: '李娜' }]);
    assert.equal(plan.ok, false);
    assert.match(!plan.ok ? plan.reason : '', /"reviewer" would read "李娜" instead of "张伟"/);
    assert.throws(
      () => setFieldEdits('r.yaml', text, [{ record: 0, field: 'owner', value: '李娜' }]),
      (e: unknown) => e instanceof UnsafeEditError && e.path === 'r.yaml' && e.record === 0 && /r\.yaml, record 1: not changed/.test(e.message),
    );
  });

  test('unclosed front matter, YAML with errors, a list instead of fields, a record that is not there', () => {
    const refused = (path: string, text: string, record = 0) => {
      const plan = planFieldEdits(path, text, [{ record, field: 'archive_no', value: 'N-1' }]);
      return plan.ok ? 'written' : plan.reason;
    };
    assert.match(refused('r.md', '---\nid: A\n'), /^its YAML does not read cleanly \(front matter is not closed/);
    assert.match(refused('r.md', '---\nid: [A\n---\n'), /^its YAML does not read cleanly \(/);
    assert.match(refused('r.yaml', '- a\n- b\n'), /^its YAML does not read cleanly \(expected a mapping of fields/);
    assert.equal(refused('r.yaml', 'id: A\n', 3), 'the file has no such record');
  });

  test('setting nothing writes nothing', () => {
    assert.deepEqual(setFieldEdits('r.md', '---\nid: A\n---\n', []), []);
  });
});
