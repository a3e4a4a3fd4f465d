import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/core/import/read-xlsx';
import { REPO, tempWorkspace } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
const known = (h: string) => ['客户名称', '合同编号', '签订日期', '合同金额', '客户类型', '身份证号'].includes(h);

/** A ledger as people keep them: a merged title row, Chinese headers, Excel dates, a formula, IDs as numbers and as text. */
async function ledger(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('合同');
  ws.addRow(['客户合同台账']);
  ws.mergeCells('A1:F1');
  ws.addRow(['客户名称', '合同编号', '签订日期', '合同金额', '客户类型', '身份证号']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('import: .xlsx through exceljs', () => {
  test('cached formula values, never evaluated; dates; an 18-digit number stays the number it is (the import refuses it)', async () => {
    const bytes = await ledger([
      ['华远科技', 'HT-0001', new Date(Date.UTC(2024, 2, 1)), { formula: 'D9*2', result: 1234.5 } as ExcelJS.CellValue, '企业', null],
      ['李娜', 'HT-0002', 45355, { formula: '1+1' } as ExcelJS.CellValue, '个人', 110105194912310020],
    ]);
    const r = await readXlsx(bytes, known);
    assert.ok(r.ok);
    assert.equal(r.table.headerLine, 2);
    assert.deepEqual(r.table.rows[0].cells.slice(0, 4), ['华远科技', 'HT-0001', new Date(Date.UTC(2024, 2, 1)), 1234.5]);
    assert.equal(r.table.rows[1].cells[3], null, 'a formula without a cached value is not calculated');
    assert.ok(r.table.notes.some((n) => n.line === 4 && /never calculated/.test(n.message)));
    assert.equal(r.table.rows[1].cells[5], 110105194912310020);
  });

  test('a customer merged over two rows: both rows read the merged value', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['客户名称', '合同编号']);
    ws.addRow(['华远', 'HT-1']);
    ws.addRow([null, 'HT-2']);
    ws.mergeCells('A2:A3');
    const r = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()), known);
    assert.ok(r.ok);
    assert.deepEqual(
      r.table.rows.map((row) => row.cells),
      [
        ['华远', 'HT-1'],
        ['华远', 'HT-2'],
      ],
    );
  });

  test('not a workbook, a corrupt one, a password-protected one: a clear refusal', async () => {
    assert.match((await readXlsx(Buffer.from('hello'), known)).ok ? '' : 'refused', /refused/);
    const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const locked = await readXlsx(cfb, known);
    assert.ok(!locked.ok && /password-protected/.test(locked.message));
    const broken = await readXlsx(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]), known);
    assert.ok(!broken.ok && /cannot be read/.test(broken.message));
  });

  test('the CLI imports a workbook written by exceljs, the real check reads the records, precision loss rejects its row', async () => {
    const bytes = await ledger([
      ['华远科技', 'HT-0001', new Date(Date.UTC(2024, 2, 1)), { formula: 'D9*2', result: 1234.5 } as ExcelJS.CellValue, '企业', null],
      ['李娜', 'HT-0002', 45355, 5000, '个人', 110105194912310020],
      ['王强', 'HT-0003', '2024年3月5日', '￥12,000', '个人', '11010519491231002X'],
    ]);
    const root = tempWorkspace({ 'in/台账.xlsx': bytes });
    const r = run(root, 'import', 'in/台账.xlsx', '--category', 'contract', '--write');
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /xlsx, sheet 合同, header on line 2, 3 rows/);
    assert.match(r.stdout, /台账\.xlsx:4\s+rejected: 身份证号: precision lost: 110105194912310020 is stored as a number/);
    assert.match(r.stdout, /create 2, update 0, skip 0; conflicts 0, rejected 1/);
    const huayuan = fs.readFileSync(path.join(root, 'customers/华远科技/contract/HT-2024-001.md'), 'utf8');
    assert.match(huayuan, /\nsigned_date: 2024-03-01\namount: "1234\.50"\n/);
    const wang = fs.readFileSync(path.join(root, 'customers/王强/contract/HT-2024-002.md'), 'utf8');
    assert.match(wang, /\nsigned_date: 2024-03-05\namount: 12000\nid_number: 11010519491231002X\n/);
    assert.equal(fs.existsSync(path.join(root, 'customers/李娜')), false, 'never a rounded ID');
    const check = run(root, 'check', '.', '--format', 'json');
    const codes = (JSON.parse(check.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code);
    // The ID number in plain text, and — unknown-field being on by default — id_number is a field of basic
    // records, not of contracts: check (and the import's preview before it) says both.
    assert.deepEqual(codes.sort(), ['pi-id-number', 'unknown-field']);
  });

  test('exceljs is not in the command line bundle: check starts without it', () => {
    const cli = fs.readFileSync(CLI, 'utf8');
    assert.doesNotMatch(cli, /exceljs|WorkbookWriter/);
    assert.match(fs.readFileSync(path.join(REPO, 'dist/xlsx-reader.js'), 'utf8'), /WorkbookWriter/);
  });

  test('nor is the import command itself (the import core, csv-parse): it is dist/import-command.js, loaded when import runs', () => {
    const cli = fs.readFileSync(CLI, 'utf8');
    assert.doesNotMatch(cli, /CsvError|prepareImport/);
    assert.match(fs.readFileSync(path.join(REPO, 'dist/import-command.js'), 'utf8'), /CsvError/);
  });
});
