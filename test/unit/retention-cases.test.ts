/**
 * Hand-worked cases (test/fixtures/retention-cases): every answer below was worked out by hand from the clause
 * it cites, then checked through the command line — check, disposal --format json, number, labels and the
 * catalogue — so each front end gives the same governing retention (issue 15, items 1–4).
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO, tempWorkspace } from './helpers';

const CLI = path.join(REPO, 'dist/cli.js');
const CASES = path.join(REPO, 'test/fixtures/retention-cases');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

/** [file, state on 2026-11-26, code, first day counted, last day, where it came from, archive number given]. */
const EXPECTED: [string, string, string, string, string, string, string][] = [
  // 会计档案管理办法 Art. 14: from the first day after the fiscal year; Annex 1 items 1–2: vouchers 30 years.
  // FY2014 → 2015-01-01 … 2044-12-31 (not 2045-01-01: the 30th anniversary of 2014-12-31, 民法典 Art. 202).
  ['voucher-2014-12-31.md', 'retention', 'D30', '2015-01-01', '2044-12-31', 'category', 'Z001-WS·2014-D30-JY-0001'],
  // One day later is another fiscal year: FY2015 → 2016-01-01 … 2045-12-31.
  ['voucher-2015-01-01.md', 'retention', 'D30', '2016-01-01', '2045-12-31', 'rule', 'Z001-WS·2015-D30-JY-0001'],
  // Annex 1 item 11: bank statements 10 years, not the category's 30.
  ['bank-statement-2019.md', 'retention', 'D10', '2020-01-01', '2029-12-31', 'rule', 'Z001-WS·2019-D10-JY-0001'],
  // Annex 1 item 9: annual financial reports permanent — never D30, never due (档案法 Art. 21).
  ['annual-report-2019.md', 'retention', 'Y', '', '', 'rule', 'Z001-WS·2019-Y-JY-0001'],
  // 发票管理办法 Art. 28: stubs 5 years, shorter than the category's 30 — the most specific rule wins.
  ['invoice-stub-2020.md', 'due', 'D5', '2021-01-01', '2025-12-31', 'rule', 'Z001-WS·2020-D5-JY-0001'],
  // The record's own D10 is longer than its rule's D5: it lengthens (DOMAIN.md §3, the longest applicable).
  ['invoice-stub-own-d10.md', 'retention', 'D10', '2021-01-01', '2030-12-31', 'record', 'Z001-WS·2020-D10-JY-0001'],
  // Annex 1 item 12: tax returns 10 years; its own D5 is shorter and never shortens (Art. 15: minimums).
  ['tax-return-own-d5.md', 'retention', 'D10', '2019-01-01', '2028-12-31', 'rule', 'Z001-WS·2018-D10-JY-0001'],
  // 民法典 Art. 201: the day itself is not counted; Art. 202: 2023 has no 29 February, so 2023-02-28.
  ['service-leap-day.md', 'due', 'D3', '2020-03-01', '2023-02-28', 'category', 'Z001-WS·2020-D3-FW-0001'],
  // A period after an event (DOMAIN.md §3): 10 years after completion on 2016-09-30, due since 2026-10-01.
  ['contract-completed.md', 'due', 'D10', '2016-10-01', '2026-09-30', 'category', 'Z001-WS·2016-D10-HT-0001'],
  // Long past its 3 years, but on hold: never due while held.
  ['call-on-hold.md', 'hold', 'D3', '2015-06-11', '2018-06-10', 'category', 'Z001-WS·2015-D3-GT-0001'],
  // Numbered D5 where 30 years govern: an error, so its state is "errors" and it is not renumbered here.
  ['voucher-numbered-d5.md', 'errors', 'D30', '2015-01-01', '2044-12-31', 'category', 'Z001-WS·2014-D5-JY-0009'],
];

describe('hand-worked retention cases through every front end', () => {
  test('disposal --format json gives the governing code, the first and last day and where it came from', () => {
    const r = run(CASES, 'disposal', '.', '--format', 'json', '--date', '2026-11-26');
    assert.equal(r.status, 0, r.stderr);
    const rows = (JSON.parse(r.stdout) as Record<string, string>[]).map((x) => [x.path, x.state, x.retention, x.start, x.until, x.source]);
    assert.deepEqual(rows.sort(), EXPECTED.map((e) => e.slice(0, 6)).sort());
  });

  test('check reports the contradicted number as an error and the shorter own code as a warning', () => {
    const r = run(CASES, 'check', '.');
    assert.equal(r.status, 1, 'an error fails the check');
    assert.match(r.stdout, /voucher-numbered-d5\.md:11:13 error archive-no-mismatch .*retention D5 ≠ D30 \(Accounting vouchers: 30 years/);
    assert.match(r.stdout, /tax-return-own-d5\.md:12:12 warning retention-too-short retention D5 is shorter than D10/);
    assert.match(r.stdout, /1 error, 1 warning/);
  });

  test('number gives each record the governing retention and its 问题 code, and labels and the catalogue print them', () => {
    const root = tempWorkspace({});
    fs.cpSync(CASES, root, { recursive: true });
    const w = run(root, 'number', '.', '--write', '--date', '2026-11-27');
    assert.equal(w.status, 0, w.stderr);
    for (const [file, , , , , , no] of EXPECTED) assert.match(fs.readFileSync(path.join(root, file), 'utf8'), new RegExp(`\\narchive_no: ${no}\\n`), file);
    const html = path.join(root, 'labels.html');
    const l = run(root, 'labels', '.', '--out', html, '--kind', 'stamp', '--lang', 'zh');
    assert.equal(l.status, 0, l.stderr);
    // The contradicted number is left out, and said so.
    assert.match(l.stderr, /voucher-numbered-d5\.md:1\t未打印：档号与记录不符（archive-no-mismatch）/);
    const stamps = fs.readFileSync(html, 'utf8');
    assert.equal((stamps.match(/<table class="stamp">/g) ?? []).length, 10);
    assert.ok(stamps.includes('<span class="k">保管期限</span><span class="v">永久</span>'), 'the annual report is stamped 永久');
    assert.ok(stamps.includes('<span class="k">保管期限</span><span class="v">5年</span>'), 'the invoice stub is stamped 5年');
    assert.ok(!stamps.includes('Z001-WS·2014-D5'), 'no stamp for the contradicted number');
    const csv = path.join(root, 'catalogue.csv');
    assert.equal(run(root, 'labels', '.', '--out', csv, '--catalogue', '--lang', 'zh').status, 0);
    const rows = fs.readFileSync(csv, 'utf8').slice(1).split('\r\n');
    // Per year and retention (DA/T 22-2015 §5.5): FY2019 permanent before FY2019 10 years.
    const y2019 = rows.filter((x) => x.startsWith('2019,')).map((x) => x.split(',').slice(0, 4).join(','));
    assert.deepEqual(y2019, ['2019,永久,1,Z001-WS·2019-Y-JY-0001', '2019,10年,1,Z001-WS·2019-D10-JY-0001']);
    // 备考表 (DA/T 22-2015 §6.4.2): one sheet per box; the held call's box says why it may not leave.
    const notes = path.join(root, 'box-notes.html');
    assert.equal(run(root, 'labels', '.', '--out', notes, '--box-notes', '--lang', 'zh').status, 0);
    const sheets = fs.readFileSync(notes, 'utf8');
    assert.equal((sheets.match(/data-kind="box-note"/g) ?? []).length, 10, 'ten boxes: no two numbers share a year, period and category');
    assert.ok(sheets.includes('Z001-WS·2015-D3-GT-0001 争议电话记录：暂缓处置：合同争议诉讼中'));
    assert.equal(run(root, 'labels', '.', '--out', path.join(root, 'x.csv'), '--box-notes').status, 2, '备考表 is HTML only');
  });
});
