import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { matches, parseFilter } from '../../src/core/index/filter';
import type { RecordEntry } from '../../src/core/model/records';
import { defaultSchema } from '../../src/core/schema/load';

const entry = (data: Record<string, unknown>): RecordEntry => ({ file: 'contracts/a.md', index: 0, line: 0, endLine: 5, data, errors: 0, warnings: 0 });

test('the filter takes field names in any script and as aliases, values as aliases; a time stays a word', () => {
  const schema = defaultSchema();
  const r = entry({ id: 'HT-1', category: 'contract', customer: '张伟', title: '会议 10:30' });
  assert.deepEqual(parseFilter('客户=张 10:30').fields, [['客户', '张']]);
  assert.equal(parseFilter('客户=张 10:30').text, '10:30');
  assert.equal(matches(r, parseFilter('客户=张伟'), schema), true, 'an alias of customer');
  assert.equal(matches(r, parseFilter('客户=李四'), schema), false);
  assert.equal(matches(r, parseFilter('category=合同'), schema), true, 'an alias of the category');
  assert.equal(matches(r, parseFilter('category=交易'), schema), false);
  assert.equal(matches(r, parseFilter('客户=张伟'), undefined), false, 'without the schema an alias is only a name');
  assert.equal(matches(r, parseFilter('10:30'), schema), true);
});
