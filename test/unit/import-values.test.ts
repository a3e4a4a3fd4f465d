import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { amountText, convertCell, dateText, excelSerialDate } from '../../src/core/import/convert';
import { decodeTableBytes } from '../../src/core/import/decode-table';
import { guessColumns } from '../../src/core/import/headers';
import { guessMapping, readMapping, validateMapping, writeMapping, MappingError } from '../../src/core/import/mapping';
import { fillPattern, pathSegment } from '../../src/core/import/record-text';
import { readTextTable } from '../../src/core/import/read-text-table';
import { hashOf, readState, valueHash, writeState, type ImportState } from '../../src/core/import/state';
import { defaultSchema } from '../../src/core/schema/load';

const schema = defaultSchema();
const known = (h: string) => guessColumns([h], schema).get(h) != null;

/** `合同台账` title row, then 客户名称,合同编号,签订日期,合同金额,客户类型 and one row, as Chinese Excel saves it (GBK). */
export const GBK_CSV = Buffer.from(
  'bacfcdaccca8d5cb0d0abfcdbba7c3fbb3c62cbacfcdacb1e0bac52cc7a9b6a9c8d5c6da2cbacfcdacbdf0b6ee2cbfcdbba7c0e0d0cd0d0abbaad4b6bfc6bcbc2c48542d303030312c32303234c4ea33d4c231c8d52c22a3a4312c3233342e3530222cc6f3d2b50d0a',
  'hex',
);

describe('import: reading tables', () => {
  test('encodings: UTF-8 with and without BOM, UTF-16 LE and BE with BOM, GBK', () => {
    const text = '客户名称,合同编号\n华远,HT-1\n';
    assert.deepEqual(decodeTableBytes(Buffer.from(text)), { ok: true, text, encoding: 'utf-8' });
    assert.deepEqual(decodeTableBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), { ok: true, text, encoding: 'utf-8-bom' });
    assert.deepEqual(decodeTableBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])), { ok: true, text, encoding: 'utf-16le' });
    const be = Buffer.from(text, 'utf16le').swap16();
    assert.deepEqual(decodeTableBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), { ok: true, text, encoding: 'utf-16be' });
    const gbk = decodeTableBytes(GBK_CSV);
    assert.ok(gbk.ok && gbk.encoding === 'gb18030' && gbk.text.startsWith('合同台账\r\n客户名称,合同编号,签订日期'));
    assert.equal(decodeTableBytes(Buffer.from([0xff, 0xfe, 0x00, 0xd8])).ok, false, 'a lone surrogate is not UTF-16');
  });

  test('the header row under a title row, empty rows dropped, quoted cells with commas and line breaks', () => {
    const csv = '客户台账,,\n\n客户名称,合同编号,备注\n"华远, 北京",HT-1,"两行\n备注"\n,,\n李娜,HT-2,\n';
    const r = readTextTable(Buffer.from(csv), 'csv', known);
    assert.ok(r.ok);
    assert.deepEqual(r.table.headers, ['客户名称', '合同编号', '备注']);
    assert.equal(r.table.headerLine, 3);
    assert.deepEqual(
      r.table.rows.map((row) => [row.line, row.cells]),
      [
        [4, ['华远, 北京', 'HT-1', '两行\n备注']],
        [7, ['李娜', 'HT-2', '']],
      ],
    );
  });

  test('repeated headers are named apart and noted', () => {
    const r = readTextTable(Buffer.from('客户名称,电话,电话\n华远,1,2\n'), 'csv', known);
    assert.ok(r.ok);
    assert.deepEqual(r.table.headers, ['客户名称', '电话', '电话 (2)']);
    assert.match(r.table.notes[0].message, /appears 2 times/);
  });

  test('JSON arrays keep every number as the digits written: an 18-digit ID, leading zeros, decimals', () => {
    const r = readTextTable(Buffer.from('[{"客户名称":"李娜","身份证号":110105194912310021,"金额":1234.50},{"客户名称":"王强","x":{"a":1}}]'), 'json', known);
    assert.ok(r.ok);
    assert.deepEqual(r.table.headers, ['客户名称', '身份证号', '金额', 'x']);
    assert.deepEqual(r.table.rows[0].cells, ['李娜', '110105194912310021', '1234.50', null]);
    assert.deepEqual(r.table.rows[1].cells, ['王强', null, null, '{"a":"1"}']);
    assert.equal(readTextTable(Buffer.from('{"a":1}'), 'json', known).ok, false);
    const dup = readTextTable(Buffer.from('[\n{"客户名称":"李娜"},\n{"客户名称":"王强","客户名称":"王"}\n]'), 'json', known);
    assert.ok(!dup.ok && dup.line === 3 && /same key twice/.test(dup.message), JSON.stringify(dup));
  });

  test('a long table under a title row: every row at its line, ragged and multi-line rows kept, a bad quote told at its line', () => {
    // Long enough that the rows after the header are read apart from the first ones (read-text-table).
    const rows = Array.from({ length: 300 }, (_, i) => `客户${i},HT-${i},${i % 50 === 7 ? '"两行\n备注"' : i % 60 === 9 ? '多,出,的' : '备注'}`);
    const csv = ['客户台账', '', '客户名称,合同编号,备注', ...rows].join('\r\n') + '\r\n';
    const r = readTextTable(Buffer.from(csv), 'csv', known);
    assert.ok(r.ok);
    assert.equal(r.table.headerLine, 3);
    assert.match(r.table.notes[0].message, /header is on line 3; 1 row above it/);
    assert.equal(r.table.rows.length, 300);
    let line = 4;
    for (const [i, row] of r.table.rows.entries()) {
      assert.equal(row.line, line, `row ${i}`);
      assert.deepEqual(row.cells.slice(0, 2), [`客户${i}`, `HT-${i}`]);
      line += i % 50 === 7 ? 2 : 1;
    }
    assert.deepEqual(r.table.rows[7].cells, ['客户7', 'HT-7', '两行\n备注']);
    assert.deepEqual(r.table.rows[9].cells, ['客户9', 'HT-9', '多', '出', '的']);

    const bad = readTextTable(Buffer.from(csv.replace('客户250,HT-250,备注', '客户250,HT-"250,备注')), 'csv', known);
    assert.ok(!bad.ok && /quote/i.test(bad.message), JSON.stringify(bad));
    const whole = readTextTable(Buffer.from(csv.replace('客户250,HT-250,备注', '客户250,HT-"250,备注').replace('客户台账\r\n\r\n', '')), 'csv', known);
    assert.ok(!whole.ok && !bad.ok && bad.line === (whole.line ?? 0) + 2, `${JSON.stringify(bad)} ${JSON.stringify(whole)}`);
  });

  test('a long table whose title rows hold a quoted line break is read as a whole, the same', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `客户${i},HT-${i}`);
    const csv = ['"客户\r\n台账"', '客户名称,合同编号', ...rows].join('\r\n') + '\r\n';
    const r = readTextTable(Buffer.from(csv), 'csv', known);
    assert.ok(r.ok);
    assert.deepEqual(r.table.headers, ['客户名称', '合同编号']);
    assert.equal(r.table.rows.length, 200);
    assert.deepEqual(r.table.rows[199].cells, ['客户199', 'HT-199']);
    assert.equal(r.table.rows[199].line - r.table.rows[0].line, 199);
  });

  test('a TSV in a .csv (Excel "Unicode text") is read by its tabs', () => {
    const r = readTextTable(Buffer.from('客户名称\t合同编号\n华远\tHT-1\n'), 'csv', known);
    assert.ok(r.ok);
    assert.deepEqual(r.table.rows[0].cells, ['华远', 'HT-1']);
  });
});

describe('import: values', () => {
  test('dates: Excel serial numbers, 年月日, slashes, dots, compact; impossible dates are kept as written', () => {
    assert.equal(excelSerialDate(45352), '2024-03-01');
    assert.equal(excelSerialDate(36526), '2000-01-01');
    assert.equal(dateText('2024年3月1日'), '2024-03-01');
    assert.equal(dateText('2024/3/1'), '2024-03-01');
    assert.equal(dateText('2024.03.01'), '2024-03-01');
    assert.equal(dateText('20240301'), '2024-03-01');
    assert.equal(dateText('45352'), '2024-03-01');
    assert.equal(dateText('2024/2/30'), undefined);
    const c = convertCell('2023/2/29', schema.fields.get('signed_date'), schema);
    assert.deepEqual(c, { ok: true, value: '2023/2/29' });
    assert.deepEqual(convertCell(new Date(Date.UTC(2024, 2, 1)), schema.fields.get('signed_date'), schema), { ok: true, value: '2024-03-01' });
  });

  test('amounts: ¥/￥, thousands separators, 元, RMB; more than two decimals is not an amount', () => {
    assert.equal(amountText('¥1,234.50'), '1234.50');
    assert.equal(amountText('￥12,000'), '12000');
    assert.equal(amountText('1234.5元'), '1234.50');
    assert.equal(amountText('RMB 88'), '88');
    assert.equal(amountText('1,23'), undefined);
    assert.equal(amountText('1.234'), undefined);
  });

  test('enums by key or label, categories by label, booleans, lists', () => {
    assert.deepEqual(convertCell('企业', schema.fields.get('customer_type'), schema), { ok: true, value: 'organization' });
    assert.deepEqual(convertCell('Person', schema.fields.get('customer_type'), schema), { ok: true, value: 'person' });
    assert.deepEqual(convertCell('合同信息', schema.fields.get('category'), schema), { ok: true, value: 'contract' });
    assert.deepEqual(convertCell('是', schema.fields.get('hold'), schema), { ok: true, value: 'true' });
    assert.deepEqual(convertCell('identity、contact', schema.fields.get('pi_kinds'), schema), { ok: true, value: ['identity', 'contact'] });
  });

  test('an 18-digit number stored as a number cannot be exact: refused, never rounded', () => {
    const c = convertCell(110105194912310020, schema.fields.get('id_number'), schema);
    assert.equal(c.ok, false);
    assert.deepEqual(convertCell(13800138000, schema.fields.get('phone'), schema), { ok: true, value: '13800138000' });
  });
});

describe('import: mapping', () => {
  test('guessed from schema labels and common Chinese headers; a field named twice goes to the first column', () => {
    const m = guessMapping(['客户名称', '合同编号', '签订日期', '合同金额', 'Customer type', '备注', '合同号'], schema, 'contract');
    assert.deepEqual(Object.fromEntries(m.columns), {
      客户名称: 'customer',
      合同编号: 'contract_no',
      签订日期: 'signed_date',
      合同金额: 'amount',
      'Customer type': 'customer_type',
      备注: null,
      合同号: null,
    });
    assert.equal(m.key, 'contract_no');
    assert.equal(m.defaults.get('date'), '{signed_date}');
  });

  test('written and read back the same; patterns that leave the folder are refused', () => {
    const m = guessMapping(['客户名称', '合同编号'], schema, 'contract');
    const back = readMapping(writeMapping(m, 'a.csv'));
    assert.deepEqual(back, m);
    for (const pattern of ['../{customer}/{id}.md', '/etc/{id}.md', 'a/../../{id}.md', 'C:/x/{id}.md', 'a\\{id}.md', '{id}.txt']) {
      assert.throws(() => validateMapping({ ...m, pattern }, schema), MappingError, pattern);
    }
    assert.throws(() => validateMapping({ ...m, key: 'id' }, schema), /no column gives the key/);
  });

  test('values in a path cannot climb out or hide: separators and leading dots are dropped', () => {
    assert.equal(pathSegment('../../etc'), 'etc');
    assert.equal(pathSegment('.git'), 'git');
    assert.equal(pathSegment('a/b\\c'), 'a-b-c');
    assert.deepEqual(fillPattern('customers/{customer}/{id}.md', new Map([['customer', '..']])), { path: 'customers/_/_.md', missing: ['customer', 'id'] });
  });
});

describe('import: the state', () => {
  test("written one record a line and read back the same: fields a record lacks, mail threads' messages, keys in order", () => {
    const state: ImportState = {
      key: 'contract_no',
      records: new Map([
        [
          'HT-2',
          {
            path: 'customers/李娜/contract/HT-2024-002.md',
            fields: new Map([
              ['customer', valueHash('李娜')!],
              ['amount', valueHash('5')!],
            ]),
          },
        ],
        [
          'HT-1',
          {
            path: 'customers/"华远"/c.md',
            fields: new Map([
              ['contract_no', valueHash('HT-1')!],
              ['customer', valueHash('华远')!],
            ]),
          },
        ],
        ['<t@x>', { path: 'mail/t.md', fields: new Map([['subject', valueHash(['a', 'b'])!]]), messages: ['<m1@x>', '<m2@x>'] }],
      ]),
    };
    const text = writeState(state);
    assert.equal(text.split('\n').length, 11, text);
    assert.match(text, /^ {4}"HT-1": \["customers\/\\"华远\\"\/c.md", " \S+ \S+"\],$/m, 'its place for subject (of another record) empty');
    const back = readState(text, 'contract_no');
    assert.deepEqual([...back.records.keys()], ['<t@x>', 'HT-1', 'HT-2']);
    for (const [k, r] of state.records) assert.deepEqual(back.records.get(k), r, k);
    assert.ok(hashOf(back.records.get('HT-2')!.fields.get('customer')!, '李娜'));
    assert.ok(!hashOf(back.records.get('HT-2')!.fields.get('customer')!, '李'));
    assert.equal(readState(text, 'id').records.size, 0, 'another key: another import');
    assert.equal(writeState({ key: 'id', records: new Map() }), '{\n  "version": 2,\n  "key": "id",\n  "fields": [],\n  "records": {}\n}\n');
  });

  test('a version 1 state is read, and its hex hashes recognise their values', () => {
    const v1 =
      '{\n  "version": 1,\n  "key": "id",\n  "records": {\n    "A": {\n      "path": "a.md",\n      "fields": {\n        "customer": "' +
      '8a3b7c8c41b7bc68d1b4a5a0f0d9d2d1' +
      '"\n      }\n    }\n  }\n}\n';
    const s = readState(v1, 'id');
    assert.deepEqual(s.records.get('A'), { path: 'a.md', fields: new Map([['customer', '8a3b7c8c41b7bc68d1b4a5a0f0d9d2d1']]) });
    const hex = (v: string) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 32);
    assert.ok(hashOf(hex('华远'), '华远'));
    assert.ok(!hashOf(hex('华远'), '华'));
  });
});
