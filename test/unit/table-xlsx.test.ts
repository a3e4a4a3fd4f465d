import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { configureIndex } from '../../src/core/index/configure';
import { scanFolder } from '../../src/core/index/scan';
import { RecordIndex } from '../../src/core/index/record-index';
import { readWorkspaceSchema } from '../../src/core/schema/workspace';
import { buildView, sheetName, tableColumns, tableXlsx, visibleColumns, type TableQuery, type TableSource } from '../../src/core/table';
import { record, tempWorkspace } from './helpers';

// The exceljs bundle the build puts beside the tests, as it puts dist/xlsx-reader.js beside the extension.
const BUNDLE = path.join(__dirname, 'xlsx-reader.js');

async function view(files: Record<string, string>, lang: 'en' | 'zh', visible: string[]) {
  const root = tempWorkspace(files);
  const schema = readWorkspaceSchema(root).schema;
  const { files: scanned } = await scanFolder({ root, schema, lang, workers: 0 });
  const index = new RecordIndex();
  configureIndex(index, schema);
  index.replaceAll(scanned);
  const columns = tableColumns(schema, lang);
  const source: TableSource = {
    records: () => index.records(),
    schema,
    lang,
    columns,
    facts: { problems: (r) => index.problemCounts(r), disposition: () => 'active' },
    dispositionOrder: ['active'],
    groupLabel: (by, key) => key,
  };
  const query: TableQuery = { filter: '', columnFilters: {}, groupBy: 'none', sort: { key: 'id', descending: false } };
  return { view: (await buildView(source, query))!, columns: visibleColumns(columns, visible) };
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  assert.equal(wb.worksheets.length, 1);
  return wb.worksheets[0];
}

describe('records table: Excel export', () => {
  test('Chinese headers and labels; dates as dates, amounts as numbers; an 18-digit ID number and a leading zero stay text', async () => {
    const { view: v, columns } = await view(
      {
        'a.md': record({
          id: 'JB-2024-001',
          category: 'basic',
          customer: '王芳',
          customer_type: 'person',
          title: '身份信息',
          date: '2024-03-01',
          id_number: '"110105194912310021"',
          status: 'active',
          contains_pi: 'true',
        }),
        'b.md': record({ id: 'HT-2024-002', category: 'contract', customer: '北京云帆科技有限公司', title: '合同', date: '2024-02-30', amount: '1234.50' }),
        'c.md': record({ id: 'JY-2024-003', category: 'transaction', customer: '00123', title: '付款', date: '2024-05-06', amount: '12345678901234567' }),
      },
      'zh',
      ['id', 'category', 'customer', 'customer_type', 'date', 'amount', 'id_number', 'status', 'contains_pi'],
    );
    const ws = await readBack(await tableXlsx(v, columns, { bundle: BUNDLE, lang: 'zh', title: '档案表' }));
    assert.equal(ws.name, '档案表');
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), [
      '记录编号',
      '分类',
      '客户',
      '客户类型',
      '日期',
      '金额',
      '身份证号（打码）',
      '状态',
      '含个人信息',
    ]);
    assert.equal(ws.getRow(1).font?.bold, true);
    assert.equal(ws.views[0]?.state, 'frozen', 'the header row stays in sight');
    assert.equal(ws.rowCount, 4);
    // By id: HT, JB, JY.
    const a = ws.getRow(3);
    assert.equal(a.getCell(1).value, 'JB-2024-001');
    assert.equal(a.getCell(2).value, '基本信息', 'the category by its Chinese label');
    assert.equal(a.getCell(4).value, '个人', 'an allowed value by its Chinese label');
    assert.deepEqual(a.getCell(5).value, new Date(Date.UTC(2024, 2, 1)), 'a date as a date');
    assert.equal(a.getCell(5).numFmt, 'yyyy-mm-dd');
    assert.equal(a.getCell(7).value, '110105194912310021', 'the ID number exactly, as text');
    assert.equal(a.getCell(7).type, ExcelJS.ValueType.String);
    assert.equal(a.getCell(7).numFmt, '@', 'the Text format: edited in Excel it stays text');
    assert.equal(a.getCell(8).value, '在用');
    assert.equal(a.getCell(9).value, true);
    const b = ws.getRow(2);
    assert.equal(b.getCell(5).value, '2024-02-30', 'an impossible date stays the text it is');
    assert.equal(b.getCell(6).value, 1234.5);
    assert.equal(b.getCell(6).numFmt, '#,##0.00');
    assert.equal(b.getCell(7).value, null, 'an absent value is an empty cell');
    const c = ws.getRow(4);
    assert.equal(c.getCell(3).value, '00123', 'a leading zero kept');
    assert.equal(c.getCell(6).value, '12345678901234567', 'more digits than a spreadsheet holds exactly: text, never rounded');
  });

  test('a value starting with = + - @ is text, never a formula; control characters and huge values do not break the file', async () => {
    const { view: v, columns } = await view(
      {
        'a.md': record({ id: 'A-1', category: 'contract', customer: '"=HYPERLINK(\\"http://x\\",\\"y\\")"', title: '"+1+2"', date: '2024-01-01' }),
        'b.md': record({ id: 'A-2', category: 'contract', customer: '"@SUM(A1)"', title: '"-3+4"', date: '2024-01-02', amount: '-2000' }),
        'c.md': record({ id: 'A-3', category: 'contract', customer: '"bell\\a and \\u0001"', title: `"${'长'.repeat(40000)}"`, date: '2024-01-03' }),
      },
      'en',
      ['id', 'customer', 'title', 'amount'],
    );
    const ws = await readBack(await tableXlsx(v, columns, { bundle: BUNDLE, lang: 'en', title: 'Records table' }));
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['Record ID', 'Customer', 'Title', 'Amount']);
    const texts = [ws.getCell('B2'), ws.getCell('C2'), ws.getCell('B3'), ws.getCell('C3')];
    assert.deepEqual(
      texts.map((c) => c.value),
      ['=HYPERLINK("http://x","y")', '+1+2', '@SUM(A1)', '-3+4'],
    );
    for (const c of texts) {
      assert.equal(c.type, ExcelJS.ValueType.String, `${c.address} is text`);
      assert.equal(c.formula, undefined, `${c.address} is no formula`);
    }
    assert.equal(ws.getCell('D3').value, -2000, 'a negative amount stays a number');
    assert.equal(String(ws.getCell('B4').value), 'bell and ', 'characters XML cannot hold are left out');
    assert.equal(String(ws.getCell('C4').value).length, 32767, 'cut at the most a cell holds');
  });

  test('a sheet tab takes no [ ] : * ? / \\ and at most 31 characters', () => {
    assert.equal(sheetName('档案表 2024/03 [draft]'), '档案表 2024 03  draft');
    assert.equal(sheetName('x'.repeat(40)).length, 31);
    assert.equal(sheetName('///'), 'Sheet1');
  });
});
