import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { renderCatalogueCsv } from '../../src/core/labels/catalogue';
import { responsibleOf } from '../../src/core/labels/responsible';
import { indexText } from '../../src/core/index/index-file';
import { allRules } from '../../src/core/rules';
import { defaultSchema } from '../../src/core/schema/load';
import { record } from './helpers';

const schema = defaultSchema();
const opts = { schema, lang: 'zh' as const, rules: allRules, fileExists: () => true };

describe('责任者 of the catalogue is who issued the document, never its custodian (DA/T 22-2015)', () => {
  test('a contract: its parties; a letter or email: its sender, else its participants; else the customer; `author` overrides', () => {
    const custodian = { custodian: '陈晨', archived_by: '刘静' };
    assert.equal(
      responsibleOf({ category: 'contract', parties: ['杭州某科技有限公司', '本公司'], customer: '杭州某科技有限公司', ...custodian }),
      '杭州某科技有限公司、本公司',
    );
    assert.equal(responsibleOf({ category: 'communication', channel: 'email', sender: '赵敏', participants: ['赵敏', '李娜'], ...custodian }), '赵敏');
    assert.equal(responsibleOf({ category: 'communication', channel: 'meeting', participants: ['赵敏', '李娜'], ...custodian }), '赵敏、李娜');
    assert.equal(responsibleOf({ category: 'transaction', customer: '张伟', ...custodian }), '张伟');
    assert.equal(responsibleOf({ category: 'contract', parties: [], customer: '张伟', author: '某律师事务所' }), '某律师事务所');
    assert.equal(responsibleOf({ category: 'other', ...custodian }), '', 'no issuer known: left empty rather than the custodian');
  });

  test('the catalogue CSV carries it', () => {
    const text = record({
      id: 'HT-1',
      category: 'contract',
      customer: '杭州某科技有限公司',
      customer_type: 'organization',
      title: '软件服务合同',
      date: '2023-05-10',
      archive_no: 'Z001-WS·2023-D10-HT-0001',
      contract_no: 'HT-2023-017',
      parties: '[杭州某科技有限公司, 本公司]',
      custodian: '陈晨',
    });
    const r = indexText('c.md', text, { mtimeMs: 0, size: 0 }, opts).records[0];
    const [, row] = renderCatalogueCsv([r], schema, 'zh').trim().split(/\r?\n/);
    assert.equal(row.split(',')[5], '杭州某科技有限公司、本公司', 'after 年度, 保管期限, 序号, 档号, 文号');
  });
});
