/** The unquoted-number rule and its quick fix (issue 12). */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { combineFixes, fixesOf } from '../../src/core/fix/apply-fixes';
import { indexText } from '../../src/core/index/index-file';
import type { Finding } from '../../src/core/model/findings';
import { allRules } from '../../src/core/rules';
import { defaultSchema } from '../../src/core/schema/load';

const schema = defaultSchema();
const opts = { schema, lang: 'en' as const, rules: allRules, fileExists: () => true };
const index = (path: string, text: string) => indexText(path, text, { mtimeMs: 0, size: 0 }, opts);
const findings = (path: string, text: string, code = 'unquoted-number') => index(path, text).findings.filter((f) => f.code === code);
const fix = (path: string, text: string, list: readonly Finding[]) => combineFixes(path, text, fixesOf(list)).text;
/** The text a finding's fix writes over its span. */
const fixText = (f: Finding | undefined) => f?.fix?.edits[0]?.newText;
const data = (path: string, text: string) => index(path, text).records.map((r) => r.data);

const ID = '320102198511204566';
const contract = (lines: string) =>
  `---\nid: HT-1\ncategory: contract\ncustomer: 云帆\ncustomer_type: organization\ntitle: t\ndate: 2021-01-01\nsigned_date: 2021-01-01\n${lines}---\nBody.\n`;

describe('unquoted-number', () => {
  test('an 18-digit ID number written plain is an error; the fix quotes it, the value stays exact and the finding goes', () => {
    const text = `---\r\nid: JB-1\r\ncategory: basic\r\ncustomer: 王芳\r\ncustomer_type: person\r\ntitle: t\r\ndate: 2021-01-01\r\ncontact_person: 王芳\r\nphone: "13812345678"\r\nid_number: ${ID}   # 待打码\r\n---\r\n`;
    const [f] = findings('r.md', text);
    assert.equal(f.severity, 'error');
    assert.deepEqual(
      [f.start, f.end],
      [
        { line: 9, col: 11 },
        { line: 9, col: 29 },
      ],
    );
    assert.equal(fixText(f), `"${ID}"`);
    assert.match(f.message, /id_number .*320102198511204566 is written as a number/);
    const fixed = fix('r.md', text, [f]);
    assert.equal(fixed, text.replace(`id_number: ${ID}`, `id_number: "${ID}"`));
    assert.equal(data('r.md', fixed)[0]?.id_number, ID);
    assert.deepEqual(findings('r.md', fixed), []);
  });

  test('messages in Chinese', () => {
    const text = contract('contract_no: 000123\namount: 1\n');
    const [f] = indexText('r.md', text, { mtimeMs: 0, size: 0 }, { ...opts, lang: 'zh' }).findings.filter((x) => x.code === 'unquoted-number');
    assert.equal(f.message, 'contract_no (合同编号)：000123 写成了数字，YAML 会读作 123，前导零丢失；应加引号写成文本："000123"');
  });

  test('leading zeros: quoted in a text field, dropped in a number or money field', () => {
    const text = contract('contract_no: 000123\namount: 0100\npages: -007\n');
    const got = findings('r.md', text);
    assert.deepEqual(
      got.map((f) => [f.start.line, f.severity, fixText(f)]),
      [
        [8, 'error', '"000123"'],
        [9, 'error', '100'],
        [10, 'error', '-7'],
      ],
    );
    // The number rules leave such values to this rule instead of reporting them a second time.
    assert.deepEqual(
      index('r.md', text).findings.filter((f) => f.code === 'invalid-money' || f.code === 'invalid-number'),
      [],
    );
    const fixed = fix('r.md', text, got);
    assert.deepEqual([data('r.md', fixed)[0]?.contract_no, data('r.md', fixed)[0]?.amount], ['000123', 100]);
    // -7 pages is below the minimum: the fix uncovers what the zeros hid.
    assert.deepEqual(
      index('r.md', fixed).findings.map((f) => f.code),
      ['invalid-number'],
    );
  });

  test('a number field too long to be a number has no fix; an amount that long is quoted', () => {
    const text = contract(`contract_no: A-1\namount: 12345678901234567890\npages: 98765432109876543210\n`);
    const got = findings('r.md', text);
    assert.deepEqual(
      got.map((f) => [f.start.line, f.fix !== undefined]),
      [
        [9, true],
        [10, false],
      ],
    );
    assert.match(got[1].message, /more digits than a number holds exactly/);
    const fixed = fix('r.md', text, got);
    assert.equal(data('r.md', fixed)[0]?.amount, '12345678901234567890');
    assert.deepEqual(
      index('r.md', fixed).findings.map((f) => f.code),
      ['unquoted-number'],
      'only the pages finding is left',
    );
  });

  test('list items: each kept item is reported at the item and quoted', () => {
    const text = contract(`contract_no: A-1\namount: 1\nparties: [云帆, 00042, 7, ${ID}]   # 00042\nscans:\n  - 000\n  - "000"\n  - 0\n`);
    const got = findings('r.md', text);
    assert.deepEqual(
      got.map((f) => [f.start.line, f.start.col, fixText(f)]),
      [
        [10, 14, '"00042"'],
        [10, 24, `"${ID}"`],
        [12, 4, '"000"'],
      ],
    );
    const fixed = fix('r.md', text, got);
    assert.deepEqual(data('r.md', fixed)[0]?.parties, ['云帆', '00042', 7, ID]);
    assert.deepEqual(data('r.md', fixed)[0]?.scans, ['000', '000', 0]);
    assert.deepEqual(findings('r.md', fixed), []);
  });

  test('a short number in an identifier field is a warning, quoted by the fix; in other fields it is fine', () => {
    const text = contract('contract_no: 2021001\namount: 100\npages: 3\ncount: 12\nversion: 1.10\n');
    const got = findings('r.md', text);
    assert.deepEqual(
      got.map((f) => [f.start.line, f.severity, fixText(f)]),
      [[8, 'warning', '"2021001"']],
    );
    assert.equal(data('r.md', fix('r.md', text, got))[0]?.contract_no, '2021001');
  });

  test('quoted and block values, dates, words and hex or octal that fit are not reported', () => {
    const text = contract(`contract_no: "000123"\namount: 1\nnote: '${ID}'\ntext: |\n  000123\nx: 0x1F\ny: 0o17\nz: 2021-01-01\nw: 0\n`);
    assert.deepEqual(findings('r.md', text), []);
  });

  test('YAML streams: the finding is in the right document, and the fix works there', () => {
    const text = `id: A\nbank_account: 6222020200112233445\n---\nid: B\nbank_account: "6222020200112233445"\n---\nid: C\nbank_account: 0012\n`;
    const got = findings('r.yaml', text);
    assert.deepEqual(
      got.map((f) => [f.record, f.start.line]),
      [
        [0, 1],
        [2, 7],
      ],
    );
    const fixed = fix('r.yaml', text, got);
    assert.deepEqual(
      data('r.yaml', fixed).map((d) => d?.bank_account),
      ['6222020200112233445', '6222020200112233445', '0012'],
    );
    assert.deepEqual(findings('r.yaml', fixed), []);
  });

  test('the schema can lower the severity or switch the rule off', () => {
    const text = contract('contract_no: 000123\namount: 1\ninvoice_no: 2021001\n');
    const off = { ...opts, schema: { ...schema, rules: new Map([['unquoted-number', 'off' as const]]) } };
    assert.deepEqual(
      indexText('r.md', text, { mtimeMs: 0, size: 0 }, off).findings.filter((f) => f.code === 'unquoted-number'),
      [],
    );
    const info = { ...opts, schema: { ...schema, rules: new Map([['unquoted-number', 'info' as const]]) } };
    const severities = (o: typeof opts) =>
      indexText('r.md', text, { mtimeMs: 0, size: 0 }, o)
        .findings.filter((f) => f.code === 'unquoted-number')
        .map((f) => f.severity);
    assert.deepEqual(severities(opts), ['error', 'warning'], 'the short one a step below');
    assert.deepEqual(severities(info), ['info', 'info'], 'never above the setting');
  });

  test('property: after the fix, an identifier written as any digit string reads back as exactly that text', () => {
    const digits = fc
      .tuple(fc.constantFrom('', '-'), fc.nat({ max: 3 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 25 }))
      .map(([sign, zeros, ds]) => sign + '0'.repeat(zeros) + ds.join(''));
    fc.assert(
      fc.property(digits, (s) => {
        const text = contract(`contract_no: ${s}\namount: 1\n`);
        const got = findings('r.md', text);
        assert.equal(got.length, 1, `${s} is reported`);
        const fixed = fix('r.md', text, got);
        assert.equal(data('r.md', fixed)[0]?.contract_no, s);
        assert.deepEqual(findings('r.md', fixed), []);
      }),
      { numRuns: 300 },
    );
  });
});
