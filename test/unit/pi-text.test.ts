// Issue 16, items 5 and 9: phone numbers as Chinese forms write them, and personal information beyond
// digits — e-mail, street addresses, passports, travel permits — and the workspace's own kinds.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { indexText } from '../../src/core/index/index-file';
import { allRules } from '../../src/core/rules';
import { readSchema, defaultSchema } from '../../src/core/schema/load';
import { findTextPersonalInfo, maskText } from '../../src/core/values/pii-text';
import type { Schema } from '../../src/core/model/schema';

const found = (t: string) => findTextPersonalInfo(t).map((h) => `${h.kind}:${h.value}`);
const check = (text: string, schema: Schema = defaultSchema()) =>
  indexText('r.md', text, { mtimeMs: 0, size: 0 }, { schema, lang: 'en', rules: allRules, fileExists: () => true }).findings;

describe('personal information in free text', () => {
  test('e-mail addresses, not masked ones', () => {
    assert.deepEqual(found('联系 wang.lei+crm@yunfan.example.cn 或 user@例子.中国；w***@x.cn 已打码'), [
      'email:wang.lei+crm@yunfan.example.cn',
      'email:user@例子.中国',
    ]);
    assert.equal(maskText('email', 'wang.lei@yunfan.cn'), 'w***@yunfan.cn');
  });
  test('street addresses down to the house number, not a city alone', () => {
    assert.deepEqual(found('住址：北京市海淀区中关村大街1号，公司在上海。'), ['address:北京市海淀区中关村大街1号']);
    assert.deepEqual(found('上海市浦东新区张江路88号3号楼501室'), ['address:上海市浦东新区张江路88号3号楼501室']);
    assert.deepEqual(found('我们在杭州市开会'), []);
    assert.equal(maskText('address', '北京市海淀区中关村大街1号'), '北京市海淀区*******');
  });
  test('passports and permits only after the word for them', () => {
    assert.deepEqual(found('护照号码：E12345678'), ['passport:E12345678']);
    assert.deepEqual(found('Passport no. EA1234567'), ['passport:EA1234567']);
    assert.deepEqual(found('产品编号 E12345678'), []);
    assert.deepEqual(found('回乡证 H12345678，台胞证 12345678，往来港澳通行证 C12345678'), [
      'travel-permit:H12345678',
      'travel-permit:12345678',
      'travel-permit:C12345678',
    ]);
    assert.deepEqual(found('通行证已办。\n订单 12345678'), []);
    assert.equal(maskText('passport', 'E12345678'), 'E******78');
  });
});

describe("the workspace's own kinds (personal_info:)", () => {
  const schema = readSchema(
    [
      'version: 1',
      'personal_info:',
      '  - name: member_card',
      '    label: { zh: 会员卡号, en: Member card number }',
      '    pattern: "VIP\\\\d{8}"',
      '    mask: { keep_start: 3, keep_end: 2 }',
      '    fields: [member_card]',
      '  - name: card_luhn',
      '    pattern: "ACC\\\\d{12}"',
      '    check: luhn',
    ].join('\n'),
  );

  test('a match is pi-pattern, named by its label, masked as declared; not in its own field', () => {
    assert.deepEqual(schema.problems, []);
    const text =
      '---\nid: A\ncategory: other\ncustomer: 张伟\ncustomer_type: person\ntitle: t\ndate: 2024-01-01\nreason: r\nmember_card: VIP12345678\n---\n会员卡 VIP87654321 已登记。\n';
    const f = check(text, schema.schema).filter((x) => x.code === 'pi-pattern');
    assert.deepEqual(
      f.map((x) => [x.start.line, x.message]),
      [[10, 'Member card number in plain text: a data-leak risk; mask it as VIP******21']],
    );
  });

  test('a check the match must pass (luhn), and mistakes in the declaration are schema problems', () => {
    const text = '# note\nACC411111111117 and ACC411111111118\n';
    assert.deepEqual(
      check(text, schema.schema).map((x) => x.code),
      ['pi-pattern'],
    );
    const bad = readSchema('version: 1\npersonal_info:\n  - name: x\n    pattern: "("\n  - name: y\n    pattern: "a*"\n  - pattern: "z"\n');
    assert.deepEqual(
      bad.problems.map((p) => p.message.replace(/:.*$/, '')),
      ['invalid pattern', 'the pattern of personal_info y matches empty text', 'personal_info item 3 needs a name and a pattern'],
    );
  });
});
