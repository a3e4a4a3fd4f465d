import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { configureIndex } from '../../src/core/index/configure';
import { indexOptions, scanFolder } from '../../src/core/index/scan';
import { indexText } from '../../src/core/index/index-file';
import { RecordIndex } from '../../src/core/index/record-index';
import type { RecordEntry } from '../../src/core/model/records';
import { readWorkspaceSchema } from '../../src/core/schema/workspace';
import {
  buildView,
  bulkCorePlanner,
  collator,
  newFieldFindings,
  recordKey,
  selectRows,
  sortInSlices,
  tableColumns,
  tableCsv,
  tableCsvChunks,
  tablePrintHtml,
  visibleColumns,
  type TableQuery,
  type TableSource,
} from '../../src/core/table';
import { applyEdits } from '../../src/core/fix/text-edit';
import { SAMPLE, record, tempWorkspace } from './helpers';

async function load(root: string) {
  const schema = readWorkspaceSchema(root).schema;
  const { files } = await scanFolder({ root, schema, lang: 'en', workers: 0 });
  const index = new RecordIndex();
  configureIndex(index, schema);
  index.replaceAll(files);
  const source: TableSource = {
    records: () => index.records(),
    schema,
    lang: 'en',
    columns: tableColumns(schema, 'en'),
    facts: { problems: (r) => index.problemCounts(r), disposition: (r) => (r.data?.hold ? 'hold' : 'active') },
    dispositionOrder: ['hold', 'active'],
    groupLabel: (by, key) => `${by}:${key}`,
  };
  return { root, schema, index, source };
}

const q = (over: Partial<TableQuery> = {}): TableQuery => ({ filter: '', columnFilters: {}, groupBy: 'none', ...over });
const customers = (rows: readonly RecordEntry[]) => rows.map((r) => String(r.data?.customer));

function cities(): string {
  return tempWorkspace({
    'a.md': record({ id: 'A-1', category: 'contract', customer: '武汉客户', title: 't', date: '2024-03-01', amount: '900' }),
    'b.md': record({ id: 'A-2', category: 'contract', customer: '北京客户', title: 't', date: '2023-12-31', amount: '10000' }),
    'c.md': record({ id: 'A-3', category: 'transaction', customer: '上海客户', title: 't', date: '2024-01-15', amount: '85.5' }),
    'd.md': record({ id: 'A-4', category: 'contract', title: 't', date: '2024-02-01' }),
  });
}

describe('records table', () => {
  test('Chinese sorts by pinyin: 北京 < 上海 < 武汉, empty values last either way', async () => {
    const { source } = await load(cities());
    const asc = await buildView(source, q({ sort: { key: 'customer', descending: false } }));
    assert.deepEqual(customers(asc!.rows), ['北京客户', '上海客户', '武汉客户', 'undefined']);
    const desc = await buildView(source, q({ sort: { key: 'customer', descending: true } }));
    assert.deepEqual(customers(desc!.rows), ['武汉客户', '上海客户', '北京客户', 'undefined']);
  });

  test('dates sort as dates and amounts as numbers, not as text', async () => {
    const { source } = await load(cities());
    const byDate = await buildView(source, q({ sort: { key: 'date', descending: false } }));
    assert.deepEqual(
      byDate!.rows.map((r) => r.data?.id),
      ['A-2', 'A-3', 'A-4', 'A-1'],
    );
    const byAmount = await buildView(source, q({ sort: { key: 'amount', descending: false } }));
    // As text 10000 < 85.5 < 900; as numbers 85.5 < 900 < 10000.
    assert.deepEqual(
      byAmount!.rows.map((r) => r.data?.id),
      ['A-3', 'A-1', 'A-2', 'A-4'],
    );
  });

  test('the filter takes the tree syntax (Chinese names, quoted values) and per-column text', async () => {
    const { source } = await load(cities());
    assert.deepEqual(customers((await buildView(source, q({ filter: 'category=contract 北京' })))!.rows), ['北京客户']);
    assert.equal((await buildView(source, q({ filter: '客户=上海' })))!.rows.length, 1);
    assert.equal((await buildView(source, q({ filter: 'customer="武汉客户"' })))!.rows.length, 1);
    // The category column shows labels: a filter on the shown label and on the value both match.
    assert.equal((await buildView(source, q({ columnFilters: { category: 'Transactions' } })))!.rows.length, 1);
    assert.equal((await buildView(source, q({ columnFilters: { category: 'transaction', customer: '北京' } })))!.rows.length, 0);
  });

  test('groups come in schema order with a heading line each; windows never exceed what is asked', async () => {
    const { source } = await load(cities());
    const v = (await buildView(source, q({ groupBy: 'category', sort: { key: 'customer', descending: false } })))!;
    assert.deepEqual(
      v.groups.map((g) => [g.key, g.count]),
      [
        ['contract', 3],
        ['transaction', 1],
      ],
    );
    assert.equal(v.lineCount, 6);
    const w = v.window(0, 3, visibleColumns(source.columns, ['customer', 'category']));
    assert.equal(w.length, 3);
    assert.equal(w[0].kind, 'group');
    assert.ok(w[1].kind === 'row' && w[1].cells[0] === '北京客户' && w[1].cells[1] === 'Contracts' && w[1].raw[1] === 'contract');
    assert.equal(v.window(5, 100, source.columns).length, 1);
    assert.equal(v.window(0, 100000, source.columns).length, 6);
    assert.equal(v.window(-5, 2, source.columns)[0].line, 0);
  });

  test('Shift-click selects every record from the anchor to the row, never a group heading; Ctrl-click toggles one', async () => {
    const { source } = await load(cities());
    const v = (await buildView(source, q({ groupBy: 'category', sort: { key: 'customer', descending: false } })))!;
    // Lines: 0 heading (contract), 1–3 its records, 4 heading (transaction), 5 its record.
    const key = (line: number) => recordKey(v.rows[v.lines[line]]);
    const selected = new Set<string>();
    let anchor = selectRows(v, selected, -1, key(2), 2, 'only');
    assert.equal(anchor, 2);
    anchor = selectRows(v, selected, anchor, key(5), 5, 'range');
    assert.deepEqual([...selected].sort(), [key(2), key(3), key(5)].sort(), 'the heading on line 4 is no record');
    assert.equal(anchor, 2, 'a range keeps its anchor');
    anchor = selectRows(v, selected, anchor, key(3), 3, 'toggle');
    assert.deepEqual([...selected].sort(), [key(2), key(5)].sort());
    selectRows(v, selected, anchor, key(1), 1, 'only');
    assert.deepEqual([...selected], [key(1)]);
  });

  test('100,000 rows sort in slices: the sort gives the event loop turns as it goes, and the order is right', async () => {
    // Chinese text compared with the collator, as a text column sorts (a number compares too fast to show a slice).
    const items = Array.from({ length: 100_000 }, (_, i) => `客户${(i * 7919) % 100_003}号`);
    // Work done between two turns of the event loop, counted in comparisons (the clock is the machine's, shared).
    let compares = 0;
    let most = 0;
    let turns = 0;
    let running = true;
    const tick = () => {
      most = Math.max(most, compares);
      compares = 0;
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const sorted = await sortInSlices(items, (a, b) => (compares++, collator.compare(a, b)), { sliceMs: 2 });
    running = false;
    assert.deepEqual(
      sorted,
      [...items].sort((a, b) => collator.compare(a, b)),
    );
    assert.ok(turns > 10, `${turns} turns`);
    // The whole sort is ~1.7 million comparisons, one merge pass 100,000: no slice does half a pass.
    assert.ok(most < 50_000, `${most} comparisons in one slice`);
    let n = 0;
    assert.equal(await sortInSlices(items, (a, b) => collator.compare(a, b), { sliceMs: 0, isCurrent: () => ++n < 3 }), undefined, 'a replaced sort stops');
  });

  test('a cell edit keeps the record style, and its findings on the field are the ones check gives', async () => {
    const text = '---\nid: "A-9"  # keep me\ncategory: contract\ncustomer: 张伟\ntitle: t\ndate: 2024-03-01\namount: 100\n---\nBody.\n';
    const root = tempWorkspace({ 'a.md': text });
    const { schema } = await load(root);
    const planner = bulkCorePlanner(root, 'en');
    const plan = planner.planFile('a.md', text, [0], { op: 'set', field: 'amount', value: '1,200.50' }, schema);
    assert.ok(plan.ok);
    const after = applyEdits(text, plan.edits);
    assert.match(after, /^amount: 1200\.50$/m, 'a number stays a number');
    assert.match(after, /id: "A-9" {2}# keep me/);
    const opts = indexOptions({ root, schema, lang: 'en' });
    const findingsOf = (t: string) => indexText('a.md', t, { mtimeMs: -1, size: -1 }, opts).findings;
    const bad = planner.planFile('a.md', text, [0], { op: 'set', field: 'date', value: '2024-02-30' }, schema);
    assert.ok(bad.ok);
    const found = newFieldFindings(text, bad.edits, new Set([0]), 'date', findingsOf);
    assert.deepEqual(
      found.findings.map((f) => f.code),
      ['invalid-date'],
    );
    assert.equal(newFieldFindings(text, plan.edits, new Set([0]), 'amount', findingsOf).findings.length, 0);
    // A field the record lacks is added; a bulk plan covers several records of a YAML stream at once.
    const stream = 'id: B-1\ncategory: contract\n---\nid: B-2\ncategory: contract\n';
    const bulk = planner.planFile('s.yaml', stream, [0, 1], { op: 'set', field: 'status', value: 'archived' }, schema);
    assert.ok(bulk.ok);
    assert.equal(applyEdits(stream, bulk.edits).match(/status: archived/g)?.length, 2);
  });

  test('through the bulk edit core: values as people type them, fields removed, archive numbers refused', async () => {
    const root = tempWorkspace({ 'a.md': '' });
    const { schema } = await load(root);
    const planner = bulkCorePlanner(root, 'en');
    const stream = 'id: B-1\ncategory: contract\nstatus: active  # 注\n---\nid: B-2\ncategory: contract\ndate: 2024-01-01\n';
    const set = planner.planFile('s.yaml', stream, [0, 1], { op: 'set', field: 'status', value: '已归档' }, schema);
    assert.ok(set.ok);
    assert.equal(
      applyEdits(stream, set.edits),
      'id: B-1\ncategory: contract\nstatus: archived  # 注\n---\nid: B-2\ncategory: contract\ndate: 2024-01-01\nstatus: archived\n',
    );
    const date = planner.planFile('s.yaml', stream, [1], { op: 'set', field: 'date', value: '2024年3月1日' }, schema);
    assert.ok(date.ok && applyEdits(stream, date.edits).includes('date: 2024-03-01'));
    const removed = planner.planFile('s.yaml', stream, [0], { op: 'remove', field: 'status' }, schema);
    assert.ok(removed.ok);
    assert.equal(applyEdits(stream, removed.edits), 'id: B-1\ncategory: contract\n---\nid: B-2\ncategory: contract\ndate: 2024-01-01\n');
    const guarded = planner.planFile('s.yaml', stream, [0], { op: 'set', field: 'archive_no', value: 'X' }, schema);
    assert.ok(!guarded.ok && /archive numbers/.test(guarded.reason), JSON.stringify(guarded));
  });

  test('rename through the bulk edit core: the key each record writes — its name or an alias — renamed in place', async () => {
    const root = tempWorkspace({ 'a.md': '' });
    const { schema } = await load(root);
    const planner = bulkCorePlanner(root, 'zh');
    const stream = [
      'id: R-1\ncategory: contract\nhandled_by: 张三  # 经办\n',
      'id: R-2\ncategory: contract\n',
      'id: R-3\ncategory: contract\nhandled_by: 李四\ncustodian: 王五\n',
    ].join('---\n');
    // A key the schema does not know becomes a field it knows; a record without it is left as it is.
    const renamed = planner.planFile('s.yaml', stream, [0, 1], { op: 'rename', field: 'handled_by', to: 'custodian' }, schema);
    assert.ok(renamed.ok, JSON.stringify(renamed));
    assert.equal(applyEdits(stream, renamed.edits), stream.replace('handled_by: 张三  # 经办', 'custodian: 张三  # 经办'));
    // A record that has the new field already is refused, with the reason.
    const taken = planner.planFile('s.yaml', stream, [2], { op: 'rename', field: 'handled_by', to: 'custodian' }, schema);
    assert.ok(!taken.ok && /custodian already/.test(taken.reason), JSON.stringify(taken));
    // The field customer, written under its alias 客户 in one record and its own name in another: both renamed.
    const aliased = 'id: R-4\n客户: 华远\n---\nid: R-5\ncustomer: 北京\n';
    const both = planner.planFile('s.yaml', aliased, [0, 1], { op: 'rename', field: 'customer', to: 'client' }, schema);
    assert.ok(both.ok, JSON.stringify(both));
    assert.equal(applyEdits(aliased, both.edits), 'id: R-4\nclient: 华远\n---\nid: R-5\nclient: 北京\n');
    // Archive numbers are never renamed in bulk; nor is a field into itself.
    const guarded = planner.planFile('s.yaml', 'id: R-6\narchive_no: X\n', [0], { op: 'rename', field: 'archive_no', to: 'no' }, schema);
    assert.ok(!guarded.ok && /档号/.test(guarded.reason), JSON.stringify(guarded));
    const same = planner.planFile('s.yaml', aliased, [1], { op: 'rename', field: 'customer', to: 'customer' }, schema);
    assert.ok(!same.ok && /没有改名/.test(same.reason), JSON.stringify(same));
  });

  test('a move to another category is a set of the category, by its key, label or code', async () => {
    const root = tempWorkspace({ 'a.md': '' });
    const { schema } = await load(root);
    const planner = bulkCorePlanner(root, 'en');
    const text = 'id: M-1\ncategory: other\nreason: x\n';
    for (const given of ['contract', '合同信息', 'HT']) {
      const moved = planner.planFile('s.yaml', text, [0], { op: 'set', field: 'category', value: given }, schema);
      assert.ok(moved.ok, JSON.stringify(moved));
      assert.equal(applyEdits(text, moved.edits), 'id: M-1\ncategory: contract\nreason: x\n', given);
    }
    const unknown = planner.planFile('s.yaml', text, [0], { op: 'set', field: 'category', value: 'nowhere' }, schema);
    assert.ok(!unknown.ok && /no category nowhere/.test(unknown.reason), JSON.stringify(unknown));
  });

  test('the CSV is what is shown: BOM, labels, the view order, formulas defused', async () => {
    const root = tempWorkspace({
      'a.md': record({ id: 'A-1', category: 'contract', customer: '=HYPERLINK("x")', title: 't', date: '2024-03-01', amount: '-2000' }),
      'b.md': record({ id: 'A-2', category: 'contract', customer: '北京', title: 't', date: '2024-03-02' }),
    });
    const { source } = await load(root);
    const cols = visibleColumns(source.columns, ['customer', 'category', 'amount']);
    const v = (await buildView(source, q({ sort: { key: 'date', descending: true } })))!;
    const csv = await tableCsv(v, cols, 'zh');
    assert.ok(csv.startsWith('\uFEFF客户,分类,金额\r\n'), csv.slice(0, 40));
    assert.match(csv, /\r\n北京,Contracts,\r\n/);
    assert.ok(csv.includes(`"'=HYPERLINK(""x"")"`), csv);
    assert.ok(csv.includes(',-2000\r\n'), 'a negative amount stays a number');
    assert.ok(csv.indexOf('北京') < csv.indexOf('HYPERLINK'), 'in the view order (newest first)');
  });

  test('a long CSV comes in chunks of whole lines that make the same file', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2345; i++) files[`r${i}.md`] = record({ id: `A-${i}`, category: 'contract', customer: `客户${i}`, title: 't', date: '2024-03-01' });
    const { source } = await load(tempWorkspace(files));
    const cols = visibleColumns(source.columns, ['id', 'customer']);
    const v = (await buildView(source, q({ sort: { key: 'id', descending: false } })))!;
    const chunks = await tableCsvChunks(v, cols, 'en');
    assert.ok(chunks.length >= 3, `${chunks.length} chunks`);
    for (const c of chunks.slice(1)) assert.ok(c.toString('utf8').endsWith('\r\n'), 'each chunk ends at a line');
    const lines = Buffer.concat(chunks).toString('utf8').split('\r\n');
    assert.equal(lines.length, 2345 + 2);
    assert.equal(new Set(lines.slice(1, -1)).size, 2345);
    assert.ok(lines.includes('A-2344,客户2344'));
    assert.equal(Buffer.concat(chunks).toString('utf8'), await tableCsv(v, cols, 'en'));
  });

  test('the page to print: what is shown, in its order, every value escaped, no script at all', async () => {
    const root = tempWorkspace({
      'a.md': record({ id: 'A', category: 'contract', customer: '北京', date: '2024-01-02', title: '<script>alert(1)</script>' }),
      'b.md': record({ id: 'B', category: 'contract', customer: '上海', date: '2024-03-04', title: 'B & "C"' }),
    });
    const { source } = await load(root);
    const cols = visibleColumns(source.columns, ['customer', 'title']);
    const v = (await buildView(source, q({ sort: { key: 'date', descending: true } })))!;
    const html = await tablePrintHtml(v, cols, { lang: 'zh', title: '档案表', filter: 'category=contract', date: '2026-12-02' });
    assert.ok(!/<script/i.test(html.replace(/&lt;script&gt;/g, '')), 'no script, and the record text escaped');
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /B &amp; &quot;C&quot;/);
    assert.match(html, /content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:"/, 'the CSP of a page without script');
    assert.match(html, /共 2 条记录 · 筛选：category=contract · 打印日期 2026-12-02/);
    assert.ok(html.indexOf('上海') < html.indexOf('北京'), 'newest first, as shown');
    assert.match(html, /<th>#<\/th><th>客户<\/th><th>题名<\/th>/);
  });

  test('the sample opens with its schema columns', async () => {
    const { source } = await load(SAMPLE);
    const v = (await buildView(source, q({ groupBy: 'customer' })))!;
    assert.equal(v.rows.length, [...source.records()].length);
    assert.ok(source.columns.some((c) => c.key === 'customer_type' && c.options?.length));
  });
});
