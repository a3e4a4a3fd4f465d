import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { certificateMarkdown } from '../../src/core/disposal/certificate';
import { exportCsv } from '../../src/core/export';
import { indexText } from '../../src/core/index/index-file';
import { allRules } from '../../src/core/rules';
import { defaultSchema } from '../../src/core/schema/load';
import { markdownCode } from '../../src/core/text/escape';
import { record, REPO, tempWorkspace, VALID_SERVICE } from './helpers';

const schema = defaultSchema();
const CLI = path.join(REPO, 'dist/cli.js');
const opts = { schema, lang: 'en' as const, rules: allRules, fileExists: () => true };

const EXECUTED = (title: string, customer: string) =>
  [
    '---',
    'kind: destruction-batch',
    'batch_id: "XH-2026-001"',
    'status: executed',
    'executed_at: 2026-12-01T10:00+08:00',
    `method: ${JSON.stringify('<script>alert(1)</script>')}`,
    'place: "档案室 | ![x](http://evil.invalid/t.png)"',
    'approvers: ["**王强**"]',
    'supervisors: [李档案, "<b>赵法务</b>"]',
    'records:',
    `  - {path: a.md, index: 0, id: A, archive_no: "Z109", title: ${JSON.stringify(title)}, customer: ${JSON.stringify(customer)}, category: other, retention: D3}`,
    'tombstones:',
    '  - {path: a.md, destroyed_on: 2026-12-01}',
    '---',
    '',
    '# batch',
    '',
  ].join('\n');

describe('record text is inert in every output format', () => {
  test('the Markdown certificate escapes values: no raw HTML, no image, no link, no table break', () => {
    const md = certificateMarkdown(EXECUTED('<img src=x onerror=alert(1)>', '[张伟](javascript:alert(1)) | extra cell'), schema, 'en', undefined)!;
    assert.ok(md, 'a certificate');
    // Markup survives only where its first character is not escaped by a backslash.
    const unescaped = (raw: string) => new RegExp(`(?<!\\\\)${raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(md);
    for (const raw of ['<img', '<script>', '<b>', '](javascript:', '![x]', '**王强**']) assert.ok(!unescaped(raw), `${raw} appears unescaped`);
    assert.match(md, /\\<img src=x onerror=alert\(1\)\\>/);
    const row = md.split('\n').find((l) => l.includes('Z109'))!;
    assert.equal(row.split(/(?<!\\)\|/).length - 2, 7, `the register row keeps its 7 cells: ${row}`);
  });

  test('a code span holds backticks and pipes', () => {
    assert.equal(markdownCode('a`b|c'), '`` a`b\\|c ``');
    assert.equal(markdownCode('plain'), '`plain`');
  });

  test("check's text output shows escape sequences from file names and values, never sends them", () => {
    const esc = '\u001b';
    const root = tempWorkspace({
      [`service/${esc}]0;pwned${esc}\\.md`]: record({ ...VALID_SERVICE, id: 'X-1', service_type: `"\\e[2J\\e[31mred"` }),
    });
    const r = spawnSync(process.execPath, [CLI, 'check', root], { encoding: 'utf8', env: { ...process.env, LANG: 'C', NO_COLOR: '1' } });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /invalid-enum/);
    assert.ok(!r.stdout.includes(esc), `raw ESC in: ${JSON.stringify(r.stdout)}`);
    assert.match(r.stdout, /service\/\\u\{1b\}\]0;pwned\\u\{1b\}\\\.md:/);
    assert.match(r.stdout, /\\u\{1b\}\[2J/);
  });

  test('CSV export: a record without a field named __proto__ has an empty cell there, not {}', async () => {
    const a = indexText('a.md', '---\nid: A\n__proto__: polluted\n---\n', { mtimeMs: 0, size: 0 }, opts).records[0];
    const b = indexText('b.md', '---\nid: B\nconstructor: x\n---\n', { mtimeMs: 0, size: 0 }, opts).records[0];
    const c = indexText('c.md', '---\nid: C\n---\n', { mtimeMs: 0, size: 0 }, opts).records[0];
    const csv = await exportCsv([a, b, c], schema, 'en');
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const head = rows[0].split(',');
    const cellOf = (row: number, col: string) => rows[row].split(',')[head.indexOf(col)];
    assert.equal(cellOf(1, '__proto__'), 'polluted');
    assert.equal(cellOf(2, '__proto__'), '');
    assert.equal(cellOf(3, '__proto__'), '');
    assert.equal(cellOf(1, 'constructor'), '', 'not the text of Object');
    assert.equal(cellOf(2, 'constructor'), 'x');
  });
});
