import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportColumns, exportCsv, exportJson } from '../../src/core/export';
import { configureIndex } from '../../src/core/index/configure';
import { RecordIndex } from '../../src/core/index/record-index';
import { scanFolder } from '../../src/core/index/scan';
import type { RecordEntry } from '../../src/core/model/records';
import { readWorkspaceSchema } from '../../src/core/schema/workspace';
import { REPO, SAMPLE, record, tempWorkspace } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

async function load(root: string) {
  const schema = readWorkspaceSchema(root);
  const { files } = await scanFolder({ root, schema: schema.schema, lang: 'en', workers: 0 });
  const index = new RecordIndex();
  configureIndex(index, schema.schema);
  index.replaceAll(files);
  return { schema: schema.schema, records: [...index.records()] as RecordEntry[] };
}

/** RFC 4180 reader (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe('export', () => {
  test('CSV of the sample: BOM, CRLF, labelled header, one row per record', async () => {
    const { schema, records } = await load(SAMPLE);
    assert.equal(records.length, 50);
    const csv = await exportCsv(records, schema, 'zh');
    assert.ok(csv.startsWith('\uFEFF'));
    assert.ok(csv.endsWith('\r\n'));
    assert.doesNotMatch(csv.replace(/\r\n/g, ''), /\r/);
    const rows = parseCsv(csv.slice(1));
    assert.equal(rows.length, 51);
    const columns = exportColumns(records, schema);
    assert.deepEqual(columns.slice(0, 8), ['path', 'index', 'id', 'category', 'customer', 'customer_type', 'title', 'date']);
    assert.equal(rows[0].length, columns.length);
    assert.deepEqual(rows[0].slice(0, 4), ['路径', '文档序号', '记录编号', '分类']);
    assert.ok(rows.every((r) => r.length === columns.length));
    const en = parseCsv((await exportCsv(records, schema, 'en')).slice(1))[0];
    assert.equal(en[columns.indexOf('customer_type')], 'Customer type');
    const both = parseCsv((await exportCsv(records, schema, 'both')).slice(1))[0];
    assert.equal(both[columns.indexOf('title')], '题名 / Title');
    const erp = rows.find((r) => r[0] === 'customers/haichuan/contracts/erp-2022.md')!;
    assert.equal(erp[columns.indexOf('parties')], '星辰软件有限公司; 深圳海川电子有限公司');
    assert.equal(erp[columns.indexOf('e_signature')], 'true');
    assert.equal(erp[columns.indexOf('amount')], '268000');
  });

  test('CSV quoting, formula guard, lists, objects and unknown fields', async () => {
    const root = tempWorkspace({
      'a.md': record({
        id: 'FW-2026-001',
        category: 'service',
        customer: `'=HYPERLINK("http://x")'`,
        customer_type: 'person',
        title: '"a, \\"b\\""',
        date: '2026-03-01',
        service_type: 'support',
        staff: '"+1 王工"',
        outcome: '"line1\\nline2"',
        zeta: '{ a: 1 }',
        alpha: '[x, 2]',
        hold: 'false',
      }),
    });
    const { schema, records } = await load(root);
    const csv = await exportCsv(records, schema, 'en');
    assert.match(csv, /,"'=HYPERLINK\(""http:\/\/x""\)",/);
    assert.match(csv, /,"a, ""b""",/);
    assert.match(csv, /,'\+1 王工,/);
    assert.match(csv, /,"line1\nline2",/);
    const rows = parseCsv(csv.slice(1));
    const columns = exportColumns(records, schema);
    assert.deepEqual(columns.slice(-2), ['alpha', 'zeta']);
    assert.equal(rows[0][columns.indexOf('zeta')], 'zeta');
    assert.equal(rows[1][columns.indexOf('zeta')], '{"a":1}');
    assert.equal(rows[1][columns.indexOf('alpha')], 'x; 2');
    assert.equal(rows[1][columns.indexOf('hold')], 'false');
  });

  test('JSON round trip', async () => {
    const { records } = await load(SAMPLE);
    const back = JSON.parse(await exportJson(records)) as { path: string; index: number; line: number; fields: Record<string, unknown> | null }[];
    assert.equal(back.length, 50);
    const sorted = [...records].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.index - b.index));
    back.forEach((b, i) => {
      assert.equal(b.path, sorted[i].file);
      assert.equal(b.index, sorted[i].index);
      assert.equal(b.line, sorted[i].line + 1);
      assert.deepEqual(b.fields, sorted[i].data ?? null);
    });
    // Made a record at a time, yet byte for byte what one JSON.stringify of the whole list gives.
    const whole =
      JSON.stringify(
        sorted.map((r) => ({ path: r.file, index: r.index, line: r.line + 1, fields: r.data ? { ...r.data } : null })),
        null,
        2,
      ) + '\n';
    assert.equal(await exportJson(records), whole);
    assert.equal(await exportJson([]), '[]\n');
  });

  test('CLI export to stdout, to a file, refusal to overwrite, --force, --category', () => {
    const root = tempWorkspace({});
    const out = path.join(root, 'index.csv');
    const res = run(REPO, 'export', SAMPLE, '--out', out, '--lang', 'both');
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /50 records/);
    const text = fs.readFileSync(out, 'utf8');
    assert.ok(text.startsWith('\uFEFF路径 / Path,'));
    const again = run(REPO, 'export', SAMPLE, '--out', out, '--format', 'json');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /not replaced/);
    assert.equal(fs.readFileSync(out, 'utf8'), text);
    assert.equal(run(REPO, 'export', SAMPLE, '--out', out, '--format', 'json', '--category', 'contract', '--force').status, 0);
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as { fields: { category: string } }[];
    assert.ok(json.length > 0 && json.every((r) => r.fields.category === 'contract'));
    const stdout = run(REPO, 'export', SAMPLE, '--format', 'json');
    assert.equal(stdout.status, 0, stdout.stderr);
    assert.equal((JSON.parse(stdout.stdout) as unknown[]).length, 50);
    assert.equal(run(REPO, 'export', SAMPLE, '--format', 'xml').status, 2);
  });
});
