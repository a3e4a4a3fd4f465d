import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { combineFixes, fixesOf } from '../../src/core/fix/apply-fixes';
import { yamlScalar } from '../../src/core/fix/fixes';
import { indexText } from '../../src/core/index/index-file';
import { allRules } from '../../src/core/rules';
import { defaultSchema } from '../../src/core/schema/load';

const schema = defaultSchema();
const opts = { schema, lang: 'en' as const, rules: allRules, fileExists: () => true };
const check = (path: string, text: string) => indexText(path, text, { mtimeMs: 0, size: 0 }, opts).findings;
const fixAll = (path: string, text: string) => combineFixes(path, text, fixesOf(check(path, text))).text;

describe('quick-fix edits', () => {
  test('inserts missing fields before the closing fence in schema order, keeping comments and CRLF', () => {
    const text = '---\r\nid: FW-1   # 编号\r\ncategory: service\r\ncustomer: 张伟\r\ncustomer_type: person\r\n# 待补充\r\n---\r\nBody\r\n';
    const fixed = fixAll('r.md', text);
    assert.equal(
      fixed,
      '---\r\nid: FW-1   # 编号\r\ncategory: service\r\ncustomer: 张伟\r\ncustomer_type: person\r\n# 待补充\r\n' +
        'title: ""\r\ndate: ""  # YYYY-MM-DD\r\nservice_type: ""  # implementation | support | training | maintenance | consulting\r\nstaff: ""\r\n---\r\nBody\r\n',
    );
    // Still flagged — as empty, on the inserted keys — until someone fills them in.
    assert.deepEqual(
      check('r.md', fixed).filter((f) => f.code === 'missing-field'),
      [],
    );
    const after = check('r.md', fixed).filter((f) => f.code === 'empty-field');
    assert.deepEqual(
      after.map((f) => f.start.line),
      [6, 7, 8, 9],
    );
  });

  test('replaces values keeping their quotes, and touches nothing else', () => {
    const text =
      '---\nid: JY-1\ncategory: transaction\ncustomer: "Harbor"\ncustomer_type: organization\ntitle: t\ndate: \'2021/4/1\'\namount: 1\ncurrency: cny\npayment_method: Alipay\n---\n';
    const fixed = fixAll('r.md', text);
    assert.equal(fixed, text.replace("'2021/4/1'", "'2021-04-01'").replace('currency: cny', 'currency: CNY').replace('Alipay', 'alipay'));
    assert.deepEqual(check('r.md', fixed), []);
  });

  test('masks personal numbers in the body and the front matter', () => {
    const text =
      '---\nid: JB-1\ncategory: basic\ncustomer: 李娜\ncustomer_type: person\ntitle: t\ndate: 2021-01-01\ncontact_person: 李娜\nphone: 138****1234\nid_number: 11010519491231002X\n---\n手机 13912345678。\n';
    const fixed = fixAll('r.md', text);
    assert.match(fixed, /id_number: 110105\*{8}002X\n/);
    assert.match(fixed, /手机 139\*{4}5678。/);
    assert.deepEqual(check('r.md', fixed), []);
  });

  test('in a YAML stream, fields go to the end of the right document', () => {
    const text =
      'id: A\ncategory: other\ncustomer: x\ncustomer_type: person\ntitle: a\ndate: 2026-01-01\nreason: r\n---\nid: B\ncategory: other\ncustomer: x\ncustomer_type: person\ntitle: b\ndate: 2026-01-01\n---\nid: C\ncategory: other\ncustomer: x\ncustomer_type: person\ntitle: c\ndate: 2026-01-01\nreason: r\n';
    const fixed = fixAll('s.yaml', text);
    assert.equal(fixed, text.replace('title: b\ndate: 2026-01-01\n', 'title: b\ndate: 2026-01-01\nreason: ""\n'));
  });

  test('booleans and lists are written as YAML, not as strings, so the fix takes', () => {
    const text =
      '---\nid: GT-1\ncategory: communication\ncustomer: 张伟\ncustomer_type: person\ntitle: t\ndate: 2026-01-01\nchannel: email\nparticipants: 张伟\nhold: 是\n---\n';
    const fixed = fixAll('r.md', text);
    assert.match(fixed, /participants: \[张伟\]\nhold: true\n/);
    assert.deepEqual(check('r.md', fixed), []);
  });

  test('scalars are quoted only when plain text would read back differently', () => {
    assert.equal(yamlScalar('x', 'support'), 'support');
    assert.equal(yamlScalar('x', '2026-01-05'), '2026-01-05');
    assert.equal(yamlScalar('x', 'true'), '"true"');
    assert.equal(yamlScalar('x', '0123'), '"0123"');
    assert.equal(yamlScalar('x', 'a: b'), '"a: b"');
    assert.equal(yamlScalar('"x"', 'a'), '"a"');
    assert.equal(yamlScalar("'x'", "it's"), "'it''s'");
  });
});
