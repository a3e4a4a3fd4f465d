// The Records view's grouping and filtering: extension logic that needs no VS Code, tested on the sample here.
import { describe, test, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openFolder } from '../../src/core/check/folder';
import type { IndexedFolder } from '../../src/extension/index/dispositions';
import { indexText } from '../../src/core/index/index-file';
import { allRules } from '../../src/core/rules';
import { GroupModel, groupKey, matches, NO_VALUE, parseFilter } from '../../src/extension/features/records-view/model';
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
    const byStatus = GroupModel.now(folder, 'status', undefined);
    assert.ok(byStatus.groups.get('error')?.length && byStatus.groups.get('ok')?.length);
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

  test("a field term names only the record's own fields: __proto__= or constructor= match nothing", () => {
    const opts = { schema: folder.schema, lang: 'en' as const, rules: allRules, fileExists: () => true };
    const r = indexText('a.md', '---\nid: A\n---\n', { mtimeMs: 0, size: 0 }, opts).records[0];
    assert.equal(matches(r, parseFilter('constructor=function')), false);
    assert.equal(matches(r, parseFilter('__proto__=object')), false);
    assert.equal(matches(r, parseFilter('id=a')), true);
  });

  test('a record of a category the schema does not know is grouped under "no value"', () => {
    const opts = { schema: folder.schema, lang: 'en' as const, rules: allRules, fileExists: () => true };
    const r = indexText('a.md', '---\nid: A\ncategory: 合同\n---\n', { mtimeMs: 0, size: 0 }, opts).records[0];
    assert.equal(groupKey(folder, r, 'category'), NO_VALUE);
  });
});
