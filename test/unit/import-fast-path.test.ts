import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { fastCsvRows } from '../../src/core/import/fast-csv';
import { guessColumns } from '../../src/core/import/headers';
import { guessMapping } from '../../src/core/import/mapping';
import { planImport } from '../../src/core/import/plan';
import { csvParseRows, readTextTable } from '../../src/core/import/read-text-table';
import { fillPattern, recordText, rowWriters } from '../../src/core/import/record-text';
import { rowReader, rowValues } from '../../src/core/import/rows';
import { emptyState, valueHash } from '../../src/core/import/state';
import * as path from 'path';
import { indexBytes } from '../../src/core/index/index-file';
import { indexTextsInWorker } from '../../src/core/index/text-pool';
import { RecordIndex } from '../../src/core/index/record-index';
import { indexOptions } from '../../src/core/index/scan';
import { defaultSchema } from '../../src/core/schema/load';
import { tempWorkspace } from './helpers';

const schema = defaultSchema();
const known = (h: string) => guessColumns([h], schema).get(h) != null;

/** A small deterministic generator, so a failure is the same text every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'a',
  '华远',
  '',
  ' ',
  ',',
  ';',
  '\t',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  '"x,y"',
  '"两行\n备注"',
  '"a""b"',
  '"\r\n"',
  '客户名称',
  '合同编号',
  '0012',
];

function text(rand: () => number): string {
  let s = rand() < 0.3 ? '合同台账,,\r\n' : '';
  const n = Math.floor(rand() * 40);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rand() * PIECES.length)];
  return s;
}

describe('import: the fast CSV reader reads what csv-parse reads', () => {
  test('on generated text with every kind of quote, delimiter and line break: the same rows at the same lines, or it leaves the text to csv-parse', () => {
    const rand = random(18);
    let fast = 0;
    for (let i = 0; i < 20_000; i++) {
      const t = text(rand);
      for (const d of [',', '\t', ';']) {
        const rows = fastCsvRows(t, d);
        let expected: unknown;
        try {
          expected = csvParseRows(t, d, known);
        } catch (err) {
          assert.equal(rows, undefined, `csv-parse refuses ${JSON.stringify(t)} (${String(err)}), the fast reader must leave it`);
          continue;
        }
        if (rows === undefined) continue;
        fast++;
        assert.deepEqual(rows, expected, `${JSON.stringify(t)} split by ${JSON.stringify(d)}`);
      }
    }
    assert.ok(fast > 3_000, `the fast reader took ${fast} texts`);
  });

  test('on generated well-formed tables (quoted cells with quotes and line breaks, empty lines, ragged rows): read by it, the same', () => {
    const rand = random(1800);
    const cells = ['a', '', '华远', ' x ', 'a""b', '两行{eol}备注', '{eol}', '"', ',', ';', '\t', '0012'];
    for (let i = 0; i < 5_000; i++) {
      const eol = rand() < 0.5 ? '\r\n' : '\n';
      const d = [',', '\t', ';'][i % 3];
      const lines: string[] = [];
      for (let r = Math.floor(rand() * 8); r > 0; r--) {
        const row: string[] = [];
        for (let c = Math.floor(rand() * 4); c >= 0; c--) {
          const v = cells[Math.floor(rand() * cells.length)].replace('{eol}', eol);
          row.push(rand() < 0.5 || /["\r\n]/.test(v) || v.includes(d) ? `"${v.replace(/"/g, '""')}"` : v);
        }
        lines.push(row.join(d));
      }
      const t = lines.join(eol) + (rand() < 0.5 ? eol : '');
      const rows = fastCsvRows(t, d);
      assert.ok(rows, JSON.stringify(t));
      assert.deepEqual(rows, csvParseRows(t, d, known), JSON.stringify(t));
    }
  });

  test('a ledger as Chinese Excel writes it (CRLF, a title row, quoted cells with line breaks) is read by it, the same as csv-parse reads the whole', () => {
    const lines = ['合同台账', '合同编号,客户名称,备注'];
    for (let i = 1; i <= 300; i++) lines.push(`HT-${i},"华远, 北京${i}",${i % 7 ? '' : '"两行\r\n备注 ""甲"""'}`);
    const t = lines.join('\r\n') + '\r\n';
    const rows = fastCsvRows(t, ',');
    assert.ok(rows);
    const whole = (parse(t, { relax_column_count: true, info: true }) as unknown as { record: string[] }[]).map((r) => r.record);
    assert.deepEqual(
      rows.map((r) => r.cells),
      whole,
    );
    assert.deepEqual(rows, csvParseRows(t, ',', known));
    const r = readTextTable(Buffer.from(t), 'csv', known);
    assert.ok(r.ok && r.table.rows.length === 300 && r.table.rows[6].cells[2] === '两行\r\n备注 "甲"');
  });

  test('what csv-parse refuses or reads its own way is left to it: a stray quote, a quote not closed, mixed line breaks, a lone CR', () => {
    for (const t of ['a,b"c\n', 'a,"b"c\n', 'a,"b\n', 'a,b\r\nc,d\ne\r\n', 'a\rb\r', 'a, "b"\n'])
      assert.equal(fastCsvRows(t, ','), undefined, JSON.stringify(t));
  });
});

/** Values a YAML writer or a path can get wrong. */
const TRICKY = [
  '华远科技',
  '他说"好"',
  "O'Brien",
  'a: b',
  'key:',
  'x #y',
  '#1',
  '0012',
  '110105194912310021',
  '两行\n备注',
  'yes',
  'no',
  'null',
  'true',
  '~',
  '2024-03-01',
  '1e3',
  ' 前后空格 ',
  '- 项',
  '[a, b]',
  '{a}',
  '@x',
  '`x`',
  'tab\there',
  'emoji 😀',
  'nul\u0000',
  'bom\ufeff',
  '../../etc',
  '.hidden',
];

describe('import: remembered conversions write the same bytes', () => {
  test('each row converted, quoted and made a path with the memos is what it is one row at a time, for tricky values', () => {
    const headers = ['合同编号', '客户名称', '备注', '签订日期', '金额'];
    const mapping = guessMapping(headers, schema, 'contract');
    const rows = [];
    // Every value several times (the memos answer from memory) and in every column.
    for (let i = 0; i < 3 * TRICKY.length * TRICKY.length; i++) {
      const v = TRICKY[i % TRICKY.length];
      rows.push({ line: i + 2, cells: [`HT-${i}`, v, TRICKY[(i * 7) % TRICKY.length], i % 2 ? v : '2024年3月1日', i % 3 ? v : '￥1,234.50'] });
    }
    const table = { headers, headerLine: 1, rows, encoding: 'utf-8', notes: [] };
    const read = rowReader(table, mapping, schema);
    const writers = rowWriters(schema);
    for (const row of rows) {
      const got = read(row);
      const one = rowValues(table, row, mapping, schema);
      assert.deepEqual(got, one);
      if (!got.ok) continue;
      for (const kind of ['markdown', 'yaml'] as const)
        assert.equal(recordText(schema, got.category, got.values, kind, writers.text), recordText(schema, got.category, got.values, kind), row.cells.join('|'));
      assert.deepEqual(fillPattern(mapping.pattern, got.values, writers.segment), fillPattern(mapping.pattern, got.values));
    }
  });

  for (const where of ['here', 'in a worker'] as const)
    test(`a plan's records, hashes and findings are those of each record indexed from its bytes (new records indexed ${where})`, async () => {
      const root = tempWorkspace({});
      const headers = ['合同编号', '客户名称', '备注', '签订日期'];
      const mapping = guessMapping(headers, schema, 'contract');
      const rows = TRICKY.flatMap((v, i) => [0, 1].map((k) => ({ line: 2 * i + k + 2, cells: [`HT-${2 * i + k}`, k ? '华远' : v, v, k ? v : '2024/3/1'] })));
      const table = { headers, headerLine: 1, rows, encoding: 'utf-8', notes: [] };
      const opts = indexOptions({ root, schema, lang: 'en' });
      const texts = where === 'here' ? undefined : indexTextsInWorker(root, { ...opts, detach: false }, path.join(__dirname, 'index-worker.js'));
      const plan = await planImport({
        root,
        schema,
        index: new RecordIndex(),
        indexOptions: opts,
        table,
        mapping,
        state: emptyState(mapping.key),
        today: '2026-12-02',
        texts,
      });
      assert.ok(plan.created.length > TRICKY.length, JSON.stringify(plan.rejected));
      const byPath = new Map(plan.changes.map((c) => [c.path, c.after!]));
      const view = new RecordIndex().staging();
      view.addAll(
        plan.created.map((r) => indexBytes(r.path, byPath.get(r.path)!, { mtimeMs: -1, size: byPath.get(r.path)!.length }, opts)),
        true,
      );
      for (const row of plan.created) {
        assert.deepEqual(row.findings, view.findings(row.path), row.path);
        const values = rowValues(
          table,
          rows.find((r) => r.line === row.line)!,
          mapping,
          schema,
        );
        assert.ok(values.ok);
        const fields = plan.state.records.get(row.key)!.fields;
        for (const [f, v] of values.values) if (f !== 'id') assert.equal(fields.get(f), valueHash(v), `${row.key} ${f}`);
      }
    });
});
