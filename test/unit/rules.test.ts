import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultSchema } from '../../src/core/schema/load';
import { indexText } from '../../src/core/index/index-file';
import { configureIndex } from '../../src/core/index/configure';
import { RecordIndex } from '../../src/core/index/record-index';
import { scanFolder } from '../../src/core/index/scan';
import { allRules } from '../../src/core/rules';
import { REPO } from './helpers';

// Fixture files carry their expected findings: `expect LINE CODE` (1-based line) in a comment.
const FIXTURES = path.join(REPO, 'test/fixtures/rules');

function expected(text: string): string[] {
  return [...text.matchAll(/expect (\d+) ([a-z-]+)/g)].map((m) => `${m[1]} ${m[2]}`).sort();
}

describe('rules on fixture files', async () => {
  const { files } = await scanFolder({ root: FIXTURES, schema: defaultSchema(), lang: 'en', workers: 0 });
  const index = new RecordIndex();
  configureIndex(index, defaultSchema());
  index.replaceAll(files);
  const names = fs.readdirSync(FIXTURES).filter((f) => /\.(md|yaml)$/.test(f));
  for (const name of names) {
    test(name, () => {
      const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
      const got = index
        .findings(name)
        .map((f) => `${f.start.line + 1} ${f.code}`)
        .sort();
      assert.deepEqual(
        got,
        expected(text),
        JSON.stringify(
          index.findings(name).map((f) => f.message),
          null,
          1,
        ),
      );
    });
  }

  test('every rule has at least one fixture that triggers it', () => {
    const all = names.map((n) => fs.readFileSync(path.join(FIXTURES, n), 'utf8')).join('\n');
    // Codes named in `expect N code` lines, whole (invalid-date is not invalid-datetime).
    const hit = new Set(expected(all).map((e) => e.split(' ')[1]));
    // Rules that report only what the schema asks for (off by default; personal_info patterns) are tested below;
    // plain-sensitive reports only in a workspace that seals (.records/keys.yaml), tested in seal.test.ts.
    const untested = allRules
      .filter((r) => !r.offByDefault && r.code !== 'pi-pattern' && r.code !== 'plain-sensitive')
      .map((r) => r.code)
      .filter((c) => !hit.has(c));
    assert.deepEqual(untested, []);
  });
});

describe('rule details', () => {
  const opts = { schema: defaultSchema(), lang: 'en' as const, rules: allRules, fileExists: () => true };
  const findings = (text: string, lang: 'en' | 'zh' = 'en') => indexText('r.md', text, { mtimeMs: 0, size: 0 }, { ...opts, lang }).findings;
  const base = 'id: X\ncategory: service\ncustomer: 张伟\ncustomer_type: person\ntitle: t\ndate: 2026-01-01\nservice_type: support\nstaff: 王工\n';

  test('a missing field is reported on the opening fence, with the field to insert', () => {
    const [f] = findings(`---\n${base.replace('staff: 王工\n', '')}---\n`);
    assert.equal(f.code, 'missing-field');
    assert.deepEqual(
      [f.start, f.end],
      [
        { line: 0, col: 0 },
        { line: 0, col: 3 },
      ],
    );
    assert.deepEqual(f.fix?.fields, ['staff']);
  });

  test('fixes are carried as data: closest enum value, normalised date, masked number', () => {
    const fs1 = findings(`---\n${base.replace('support', 'suport').replace('2026-01-01', '2026/1/5')}summary: 身份证 11010519491231002X\n---\n`);
    const by = (c: string) => fs1.find((f) => f.code === c)!;
    assert.equal(by('invalid-enum').fix?.edits[0].newText, 'support');
    assert.equal(by('invalid-date').fix?.edits[0].newText, '2026-01-05');
    assert.equal(by('pi-id-number').fix?.edits[0].newText, '110105********002X');
  });

  test('messages follow the language', () => {
    const [f] = findings(`---\n${base.replace('staff: 王工\n', '')}---\n`, 'zh');
    assert.match(f.message, /缺少必填字段 staff/);
  });

  test('unknown fields are warnings by default (issue 16); a category can turn them off or up', () => {
    const text = `---\n${base}colour: blue\n---\n`;
    const got = findings(text).filter((f) => f.code === 'unknown-field');
    assert.deepEqual(
      got.map((f) => [f.severity, f.start.line, f.message]),
      [['warning', 9, 'unknown field colour']],
    );
    const schema = defaultSchema();
    for (const [setting, want] of [
      ['off', []],
      ['error', ['error']],
    ] as const) {
      const own = { ...schema, categories: new Map(schema.categories) };
      own.categories.set('service', { ...schema.categories.get('service')!, unknownFields: setting });
      const found = indexText('r.md', text, { mtimeMs: 0, size: 0 }, { ...opts, schema: own }).findings.filter((f) => f.code === 'unknown-field');
      assert.deepEqual(
        found.map((f) => f.severity),
        want,
      );
    }
  });

  test('a severity of off in the schema silences a rule', () => {
    const schema = { ...defaultSchema(), rules: new Map([['missing-field', 'off' as const]]) };
    const got = indexText('r.md', `---\n${base.replace('staff: 王工\n', '')}---\n`, { mtimeMs: 0, size: 0 }, { ...opts, schema }).findings;
    assert.deepEqual(got, []);
  });
});
