// The Records view's grouping and filtering: extension logic that needs no VS Code, tested on the sample here.
import { describe, test, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openFolder } from '../../src/core/check/folder';
import type { IndexedFolder } from '../../src/extension/index/dispositions';
import { indexText } from '../../src/core/index/index-file';
import { allRules } from '../../src/core/rules';
import { GroupModel, groupKey, NO_VALUE } from '../../src/extension/features/records-view/model';
import { matches, parseFilter } from '../../src/core/index/filter';
import { REPO, SAMPLE } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/sample-manifest.json'), 'utf8')) as {
  recordCount: number;
  byCategory: Record<string, number>;
  customers: string[];
};

describe('the Records view model', () => {
  let folder: IndexedFolder;
  before(async () => {
    const open = await openFolder(SAMPLE, 'en', { workers: 0 });
    folder = { index: open.index, schema: open.schema.schema };
  });

  test('grouped by category: the six categories with their record counts, customers below each', () => {
    const m = GroupModel.now(folder, 'category', undefined);
    assert.equal(m.total, manifest.recordCount);
    for (const [key, count] of Object.entries(manifest.byCategory)) assert.equal(m.groups.get(key)?.length, count, key);
    assert.ok(m.sub.get('contract')?.has('北京云帆科技有限公司'));
    assert.ok(m.withProblems >= 4, `${m.withProblems} records with problems`);
  });

  test('grouped by customer, by problems and by disposition', () => {
    assert.deepEqual([...GroupModel.now(folder, 'customer', undefined).groups.keys()].sort(), [...manifest.customers].sort());
    const byProblems = GroupModel.now(folder, 'problems', undefined);
    assert.ok(byProblems.groups.get('error')?.length && byProblems.groups.get('ok')?.length);
    // Group by Status is the status field, not the problems (issue 16).
    const byStatus = GroupModel.now(folder, 'status', undefined);
    assert.ok(byStatus.groups.get('archived')?.length && byStatus.groups.get('active')?.length, [...byStatus.groups.keys()].join(', '));
    assert.equal(byStatus.groups.get('error'), undefined);
    const byDisposition = GroupModel.now(folder, 'disposition', undefined);
    assert.equal(byDisposition.groups.get('hold')?.length, 1);
    assert.ok((byDisposition.groups.get('due')?.length ?? 0) >= 1);
  });

  test('a filter of words and field=value terms, all of which must match', () => {
    const f = parseFilter('category=contract  云帆');
    assert.deepEqual(f, { text: '云帆', fields: [['category', 'contract']] });
    const m = GroupModel.now(folder, 'category', f);
    assert.deepEqual([...m.groups.keys()], ['contract']);
    assert.ok(m.total >= 1 && [...folder.index.records()].filter((r) => matches(r, f)).length === m.total);
  });

  test('a filter names Chinese fields and quotes values with spaces', () => {
    assert.deepEqual(parseFilter('客户=华远科技 customer="Wang Fang" 合同'), {
      text: '合同',
      fields: [
        ['客户', '华远科技'],
        ['customer', 'wang fang'],
      ],
    });
    assert.deepEqual(parseFilter('"Successor Ltd" x='), { text: 'successor ltd', fields: [['x', '']] });
    const wang = GroupModel.now(folder, 'category', parseFilter('customer="Wang Fang"'));
    assert.ok(wang.total >= 1);
    assert.ok([...wang.groups.values()].flat().every((r) => /wang fang/i.test(String(r.data?.customer))));
  });

  test('retention=CODE asks for the governing period, whole: an invoice stub without its own code is D5, and D3 is not D30', () => {
    const opts = { schema: folder.schema, lang: 'en' as const, rules: allRules, fileExists: () => true };
    const stub = indexText('s.md', '---\nid: S\ncategory: transaction\ndate: 2020-08-15\ndoc_kind: invoice-stub\n---\n', { mtimeMs: 0, size: 0 }, opts)
      .records[0];
    const voucher = indexText('v.md', '---\nid: V\ncategory: transaction\ndate: 2020-08-15\n---\n', { mtimeMs: 0, size: 0 }, opts).records[0];
    assert.equal(matches(stub, parseFilter('retention=D5'), folder.schema), true, '发票管理办法 Art. 28');
    assert.equal(matches(voucher, parseFilter('retention=D5'), folder.schema), false);
    assert.equal(matches(voucher, parseFilter('retention=d30'), folder.schema), true);
    assert.equal(matches(voucher, parseFilter('retention=D3'), folder.schema), false);
    const d30 = GroupModel.now(folder, 'category', parseFilter('retention=D30'));
    assert.deepEqual([...d30.groups.keys()], ['transaction'], "the sample's transactions are vouchers, kept 30 years");
  });

  test("a field term names only the record's own fields: __proto__= or constructor= match nothing", () => {
    const opts = { schema: folder.schema, lang: 'en' as const, rules: allRules, fileExists: () => true };
    const r = indexText('a.md', '---\nid: A\n---\n', { mtimeMs: 0, size: 0 }, opts).records[0];
    assert.equal(matches(r, parseFilter('constructor=function')), false);
    assert.equal(matches(r, parseFilter('__proto__=object')), false);
    assert.equal(matches(r, parseFilter('id=a')), true);
  });

  test('a record of a category the schema does not know (发票; 合同 is an alias of contract) is grouped under "no value"', () => {
    const opts = { schema: folder.schema, lang: 'en' as const, rules: allRules, fileExists: () => true };
    const r = indexText('a.md', '---\nid: A\ncategory: 发票\n---\n', { mtimeMs: 0, size: 0 }, opts).records[0];
    assert.equal(groupKey(folder, r, 'category'), NO_VALUE);
  });
});
