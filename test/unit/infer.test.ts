// Issue 16, item 7: the one inference behind Set Up Records Curator and `records-curator init --infer`.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SchemaInference } from '../../src/core/schema/infer';
import { renderSchema } from '../../src/core/schema/render';
import { defaultSchema, readSchema } from '../../src/core/schema/load';

const md = (lines: string[]) => `---\n${lines.join('\n')}\n---\n`;

describe('inferring a schema from the records', () => {
  test('label keys and label values become aliases; unknown keys new fields with their type; slips stay slips', () => {
    const inf = new SchemaInference(defaultSchema());
    for (let i = 0; i < 4; i++) {
      inf.addFile(
        `r${i}.md`,
        md([
          `id: FW-${i}`,
          'category: 服务记录',
          'customer: 张伟',
          '客户类型: 个人',
          'title: t',
          'date: 2024-01-01',
          'service_type: 技术支持',
          'staff: 王工',
          `身份证号（打码）: 110105********002X`,
          `回访日期: 2024-02-0${i + 1}`,
          '满意: true',
          i === 0 ? 'custmer: x' : 'x: 1',
        ]),
      );
    }
    const p = inf.proposal();
    assert.equal(p.records, 4);
    const reading = (k: string) => p.keys.find((x) => x.key === k);
    assert.deepEqual(reading('身份证号（打码）'), { key: '身份证号（打码）', records: 4, reading: 'label', field: 'id_number' });
    assert.equal(reading('客户类型')?.reading, 'alias');
    assert.deepEqual([reading('回访日期')?.reading, reading('回访日期')?.type], ['new', 'date']);
    assert.equal(reading('满意')?.type, 'boolean');
    assert.deepEqual([reading('custmer')?.reading, reading('custmer')?.field], ['slip', 'customer']);
    assert.deepEqual(
      p.changes.filter((c) => c.kind === 'field-alias'),
      [{ kind: 'field-alias', key: '身份证号（打码）', field: 'id_number', records: 4 }],
    );
    assert.deepEqual(
      p.changes.filter((c) => c.kind === 'new-field').map((c) => c.kind === 'new-field' && c.key),
      ['回访日期', '满意', 'x'],
    );
    assert.equal(p.values.find((v) => v.value === '服务记录')?.reads, 'service');
  });

  test('required fields most records lack are proposed as not required (id and category always stay)', () => {
    const inf = new SchemaInference(defaultSchema());
    for (let i = 0; i < 3; i++) inf.addFile(`r${i}.md`, md([`编号: Q-${i}`, '分类: 其他', '客户: 张伟', '标题: t', '日期: 2024-01-01']));
    const changes = inf.proposal().changes;
    assert.deepEqual(changes, [
      { kind: 'not-required', field: 'customer_type', have: 0, of: 3 },
      { kind: 'not-required', field: 'reason', category: 'other', have: 0, of: 3 },
    ]);
    const text = renderSchema(changes, 'J045');
    const { schema, problems } = readSchema(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(schema.required, ['id', 'category', 'customer', 'title', 'date']);
    assert.deepEqual(schema.categories.get('other')?.required, []);
    assert.equal(schema.archiveNumber.fonds, 'J045');
  });

  test('the rendered schema keeps the built-in text and reads back with the accepted changes', () => {
    const inf = new SchemaInference(defaultSchema());
    inf.addFile(
      'a.md',
      md(['id: A', 'category: 基本信息', 'customer: 张', 'customer_type: Person', 'title: t', 'date: 2024-01-01', '身份证号（打码）: x', '备注: 见附件']),
    );
    const p = inf.proposal();
    const text = renderSchema(p.changes, 'Z109');
    const { schema, problems } = readSchema(text);
    assert.deepEqual(problems, []);
    assert.equal(schema.aliases.keys.get('身份证号（打码）'), 'id_number');
    assert.equal(schema.fields.get('备注')?.type, 'string');
    assert.equal(schema.aliases.values.get('customer_type')?.get('Person'), 'person');
    // Comments and layout of the built-in schema stay: the file still explains itself.
    assert.match(text, /^# Records Curator schema \/ 档案架构$/m);
    assert.match(text, /^ {6}phone: \{ zh: 电话, en: Phone, aliases: \[电话, 手机, tel\] \}$/m);
    assert.throws(() => renderSchema([], 'Z-1'), /not a fonds code/);
  });
});
