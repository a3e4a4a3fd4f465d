import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { keysLike, newRecordFields, newRecordPath, newRecordText, nextId, slug } from '../../src/core/new-record';
import { firstDayFiles } from '../fixtures/first-day/build';
import { parseRecordText } from '../../src/core/parse/record-file';
import { configureIndex } from '../../src/core/index/configure';
import { indexText } from '../../src/core/index/index-file';
import { RecordIndex } from '../../src/core/index/record-index';
import { scanFolder } from '../../src/core/index/scan';
import { allRules } from '../../src/core/rules';
import { defaultSchema } from '../../src/core/schema/load';
import { readWorkspaceSchema } from '../../src/core/schema/workspace';
import { SAMPLE } from './helpers';

async function sample() {
  const schema = readWorkspaceSchema(SAMPLE);
  const { files } = await scanFolder({ root: SAMPLE, schema: schema.schema, lang: 'en', workers: 0 });
  const index = new RecordIndex();
  configureIndex(index, schema.schema);
  index.replaceAll(files);
  return { schema: schema.schema, records: [...index.records()] };
}

describe('new record', () => {
  test('nextId continues the highest id with the prefix', async () => {
    const { schema, records } = await sample();
    assert.equal(nextId(records, schema, 'contract', 2023), 'HT-2023-003');
    assert.equal(nextId(records, schema, 'contract', 2024), 'HT-2024-002');
    assert.equal(nextId(records, schema, 'contract', 2026), 'HT-2026-001');
    assert.equal(nextId(records, schema, 'transaction', 2099), 'JY-2099-001');
  });

  test('a contract: parses, required fields first in schema order, values set, cursor on the first empty value, only empty-field findings', () => {
    const schema = defaultSchema();
    const { text, cursor } = newRecordText(schema, {
      category: 'contract',
      customer: 'Acme: "Ltd"',
      customerType: 'organization',
      id: 'HT-2026-004',
      date: '2026-05-01',
    });
    const parsed = parseRecordText(text, 'markdown');
    assert.equal(parsed.records.length, 1);
    const r = parsed.records[0];
    assert.deepEqual(r.problems, []);
    const keys = [...r.fields.keys()];
    const required = ['id', 'category', 'customer', 'customer_type', 'title', 'date', 'contract_no', 'signed_date', 'amount'];
    assert.deepEqual(keys.slice(0, required.length), required);
    assert.deepEqual(keys, newRecordFields(schema, 'contract'));
    assert.deepEqual(keys.slice(-3), ['status', 'retention', 'retention_basis']);
    assert.ok(keys.includes('term_end') && !keys.includes('phone'));
    assert.equal(r.data!.id, 'HT-2026-004');
    assert.equal(r.data!.customer, 'Acme: "Ltd"');
    assert.equal(r.data!.customer_type, 'organization');
    assert.equal(r.data!.date, '2026-05-01');
    assert.equal(r.data!.category, 'contract');
    assert.equal(r.data!.retention, 'D10');
    assert.equal(r.data!.status, 'active');
    assert.match(String(r.data!.retention_basis), /税收征收管理法/);
    const lines = text.split('\n');
    assert.equal(lines[cursor.line].slice(0, cursor.col), 'title: ');
    assert.match(lines[cursor.line].slice(cursor.col), /^""/);
    assert.match(text, /\n---\n\n# 题名\n$/);
    const entry = indexText('contract/2026/HT-2026-004.md', text, { mtimeMs: 0, size: 0 }, { schema, lang: 'en', rules: allRules, fileExists: () => true });
    const codes = [...new Set(entry.findings.map((f) => f.code))];
    assert.deepEqual(codes, ['empty-field']);
    assert.deepEqual(entry.findings.map((f) => f.data?.field).sort(), ['amount', 'contract_no', 'signed_date', 'title']);
  });

  test('with a title the cursor moves to the next empty value; every category gives clean text', () => {
    const schema = defaultSchema();
    const { text, cursor } = newRecordText(schema, {
      category: 'contract',
      customer: '张伟',
      customerType: 'person',
      id: 'HT-2026-004',
      date: '2026-05-01',
      title: '培训合同',
      lang: 'en',
    });
    assert.equal(text.split('\n')[cursor.line].slice(0, cursor.col), 'contract_no: ');
    assert.match(text, /\n# 培训合同\n$/);
    assert.match(String(parseRecordText(text, 'markdown').records[0].data!.retention_basis), /^Kept after performance/);
    for (const category of schema.categories.keys()) {
      const t = newRecordText(schema, { category, customer: 'X', customerType: 'person', id: 'X-1', date: '2026-01-01', title: 'T' }).text;
      const entry = indexText('r.md', t, { mtimeMs: 0, size: 0 }, { schema, lang: 'en', rules: allRules, fileExists: () => true });
      assert.deepEqual(
        [...new Set(entry.findings.map((f) => f.code))].filter((c) => c !== 'empty-field'),
        [],
        category,
      );
    }
  });

  test('a transaction gets no retention code of its own: its document kind decides (会计档案管理办法 Annex 1)', () => {
    const schema = defaultSchema();
    assert.ok(!newRecordFields(schema, 'transaction').includes('retention'));
    const { text } = newRecordText(schema, { category: 'transaction', customer: 'X', customerType: 'person', id: 'JY-1', date: '2026-01-01', title: 'T' });
    const data = parseRecordText(text, 'markdown').records[0].data!;
    assert.equal(data.retention, undefined, 'a D30 written in would keep an invoice stub 30 years instead of 5');
    assert.ok('doc_kind' in data, 'the kind is offered to fill in');
  });

  test('slug and path', () => {
    assert.equal(slug('Wang Fang'), 'wang-fang');
    assert.equal(slug('深圳海川电子有限公司'), '深圳海川电子有限公司');
    assert.equal(slug(' A/B\\C: <D>*?|"E". '), 'a-b-c-d-e');
    assert.equal(slug('../..'), 'customer');
    assert.equal(slug('CON'), 'con-');
    const schema = defaultSchema();
    assert.equal(newRecordPath(schema, 'contract', 'wang-fang', 'HT-2026-004', '2026-05-01'), 'contract/2026/HT-2026-004.md');
    assert.equal(newRecordPath(schema, 'service', 'x', 'FW-2025-001'), 'service/2025/FW-2025-001.md');
  });
});

describe('a new record goes where the workspace keeps such records (issue 16)', () => {
  const schema = defaultSchema();
  const opts = { schema, lang: 'en' as const, rules: allRules, fileExists: () => true };
  const entries = Object.entries(firstDayFiles)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .flatMap(([p, text]) => indexText(p, text, { mtimeMs: 0, size: 0 }, opts).records);
  const at = (category: string, customer: string, date = '2026-05-01') => newRecordPath(schema, category, customer, `X-${date.slice(0, 4)}-001`, date, entries);

  test("beside the customer's records of that category", () => {
    assert.equal(at('contract', '北京云帆科技有限公司'), '客户档案/云帆科技/合同/X-2026-001.md');
    assert.equal(at('communication', '北京云帆科技有限公司'), '客户档案/云帆科技/沟通/X-2026-001.md');
  });
  test("in the customer's folder, in the subfolder other customers use for the category", () => {
    assert.equal(at('service', '张伟'), '客户档案/张伟/服务/X-2026-001.md');
  });
  test("a year folder moves on to the new record's year; the built-in layout only where nothing says otherwise", () => {
    assert.equal(at('transaction', '上海启明数据服务有限公司', '2026-02-01'), '2026/交易/X-2026-001.md');
    // A new customer gets a folder beside the other customers', never a place inside one of theirs.
    assert.equal(at('contract', '新客户'), '客户档案/新客户/合同/X-2026-001.md');
    assert.equal(at('other', '新客户'), '客户档案/新客户/其他/X-2026-001.md');
    assert.equal(newRecordPath(schema, 'other', '新客户', 'QT-2026-001', '2026-05-01', []), 'other/2026/QT-2026-001.md');
  });
});

test("in the sample: a contract for a customer with only basic records goes to their folder's contracts/", async () => {
  const { files } = await scanFolder({ root: SAMPLE, schema: readWorkspaceSchema(SAMPLE).schema, lang: 'en', workers: 0 });
  const records = [...files.values()].flatMap((e) => e.records);
  const schema = readWorkspaceSchema(SAMPLE).schema;
  assert.equal(newRecordPath(schema, 'contract', '李娜', 'HT-2026-010', '2026-05-01', records), 'customers/li-na/contracts/HT-2026-010.md');
  assert.equal(newRecordPath(schema, 'transaction', '李娜', 'JY-2026-010', '2026-05-01', records), 'transactions/2026/JY-2026-010.md');
});

describe('a new record writes its keys as the records beside it do (issue 16)', () => {
  const schema = defaultSchema();
  const neighbour = (text: string) => parseRecordText(text, 'markdown', { aliases: schema.aliases }).records[0];
  const beside = firstDayFiles['客户档案/云帆科技/沟通/2023-03-15 电话沟通.md'] as string;
  const input = { category: 'communication', customer: '北京云帆科技有限公司', customerType: 'organization', id: 'GT-2026-001', date: '2026-05-01' };

  test('in a folder of Chinese keys: 编号, 分类, 客户 …, the fields the neighbour lacks under their Chinese names too', () => {
    const keys = keysLike(neighbour(beside), schema);
    const { text, cursor } = newRecordText(schema, { ...input, keys });
    assert.match(text, /^编号: GT-2026-001$/m);
    assert.match(text, /^分类: communication$/m);
    assert.match(text, /^客户: 北京云帆科技有限公司$/m);
    assert.doesNotMatch(text, /^(id|category|customer|title|status):/m);
    // Read as the schema's fields, and the cursor after the first empty key, whatever its length.
    const [record] = parseRecordText(text, 'markdown', { aliases: schema.aliases }).records;
    assert.equal(record.data?.customer, '北京云帆科技有限公司');
    assert.equal(record.data?.id, 'GT-2026-001');
    const line = text.split('\n')[cursor.line];
    assert.equal(line.slice(0, cursor.col), `${keys.get('title')}: `);
  });

  test("beside records with English keys, or none, the schema's own names", () => {
    const english = newRecordText(schema, {
      ...input,
      keys: keysLike(
        neighbour(
          beside
            .replace(/^编号:/m, 'id:')
            .replace(/^分类:/m, 'category:')
            .replace(/^客户:/m, 'customer:')
            .replace(/^客户类型:/m, 'customer_type:')
            .replace(/^标题:/m, 'title:'),
        ),
        schema,
      ),
    });
    assert.match(english.text, /^id: GT-2026-001$/m);
    assert.match(english.text, /^customer: /m);
    assert.deepEqual(keysLike(undefined, schema), new Map());
  });
});
