// Issue 16, items 2 and 3: Chinese field names, categories and values are read as the schema's own, and the
// help given for what is not one of them is right.
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, setFieldEdits } from '../../src/core/fix/fixes';
import { combineFixes, fixesOf } from '../../src/core/fix/apply-fixes';
import { indexText } from '../../src/core/index/index-file';
import { aliasRenames } from '../../src/core/check/alias-renames';
import { parseRecordText } from '../../src/core/parse/record-file';
import { allRules } from '../../src/core/rules';
import { closest } from '../../src/core/rules/util';
import { choiceCandidates } from '../../src/core/rules/invalid-enum';
import { defaultSchema, readSchema } from '../../src/core/schema/load';
import type { Schema } from '../../src/core/model/schema';

const schema = defaultSchema();
const opts = (s: Schema = schema) => ({ schema: s, lang: 'en' as const, rules: allRules, fileExists: () => true });
const check = (path: string, text: string, s?: Schema) => indexText(path, text, { mtimeMs: 0, size: 0 }, opts(s));
const codes = (path: string, text: string, s?: Schema) => check(path, text, s).findings.map((f) => f.code);
const withRules = (rules: string) => readSchema(`version: 1\nrules:\n${rules}`).schema;

const CHINESE =
  '---\r\n编号: GT-2023-001\r\n分类: 沟通\r\n客户: 北京云帆科技有限公司\r\n客户类型: 机构\r\n标题: 续约电话\r\n日期: 2023-03-15\r\n沟通方式: 电话\r\n参与人: [王磊]\r\n状态: 已归档\r\n---\r\n正文\r\n';

describe('aliases are read as the schema names them', () => {
  test('keys, the category and enum values, in a CRLF file: data, spans and every rule see the schema', () => {
    const [record] = parseRecordText(CHINESE, 'markdown', { aliases: schema.aliases }).records;
    assert.deepEqual(record.data, {
      id: 'GT-2023-001',
      category: 'communication',
      customer: '北京云帆科技有限公司',
      customer_type: 'organization',
      title: '续约电话',
      date: '2023-03-15',
      channel: 'phone',
      participants: ['王磊'],
      status: 'archived',
    });
    // The spans are the file's own: the key customer is where 客户 is written.
    const span = record.fields.get('customer')!.key;
    assert.equal(CHINESE.slice(span.start, span.end), '客户');
    assert.deepEqual(codes('r.md', CHINESE), []);
    const entry = check('r.md', CHINESE).records[0];
    assert.equal(entry.data?.category, 'communication');
  });

  test('flow-style front matter and YAML streams are read the same way', () => {
    const flow = '---\n{编号: JB-1, 分类: 基本信息, 客户: 张伟, 客户类型: 个人, 标题: t, 日期: 2021-01-05, 联系人: 张伟, 电话: 138****1234}\n---\n';
    assert.deepEqual(codes('f.md', flow), []);
    const stream =
      '编号: JY-1\n分类: 交易\n客户: 张伟\n客户类型: 个人\n标题: a\n日期: 2021-01-05\n金额: 1.00\n币种: 人民币\n支付方式: 现金\n---\n编号: JY-2\n分类: 交易\n客户: 张伟\n客户类型: 个人\n标题: b\n日期: 2021-01-06\n金额: 2.00\n币种: RMB\n支付方式: 支付宝\n';
    assert.deepEqual(codes('s.yaml', stream), []);
    assert.deepEqual(
      check('s.yaml', stream).records.map((r) => r.data?.currency),
      ['CNY', 'CNY'],
    );
  });

  test('Latin aliases match in any case (TEL is tel, is phone)', () => {
    const text = CHINESE.replace('沟通方式: 电话', 'channel: TEL');
    assert.equal(parseRecordText(text, 'markdown', { aliases: schema.aliases }).records[0].data?.channel, 'phone');
  });

  test("one field under two keys: the schema's own key is read, else the first alias; the others are errors", () => {
    const both = CHINESE.replace('客户: 北京云帆科技有限公司\r\n', '客户: 甲\r\ncustomer: 乙\r\n客户名称: 丙\r\n');
    const entry = check('r.md', both);
    assert.equal(entry.records[0].data?.customer, '乙');
    const dup = entry.findings.filter((f) => f.code === 'duplicate-field');
    assert.deepEqual(
      dup.map((f) => [f.start.line, f.severity]),
      [
        [3, 'error'],
        [5, 'error'],
      ],
    );
    assert.match(dup[0].message, /客户 is field customer again \(already written as customer\)/);
    const aliases = check('r.md', CHINESE.replace('客户: 北京云帆科技有限公司\r\n', '客户: 甲\r\n客户名称: 丙\r\n'));
    assert.equal(aliases.records[0].data?.customer, '甲');
  });

  test('a name that would read two ways is a mistake in the schema file', () => {
    const { problems } = readSchema(
      [
        'version: 1',
        'fields:',
        '  phone: { type: phone, aliases: [电话] }',
        '  mobile: { type: phone, aliases: [phone, 电话] }',
        'categories:',
        '  contract: { code: HT, aliases: [合同] }',
        '  deal: { code: JY, aliases: [合同] }',
      ].join('\n'),
    );
    const messages = problems.map((p) => p.message);
    assert.ok(messages.includes("alias 'phone' of field mobile is itself a field; it is read as that field"), messages.join('\n'));
    assert.ok(messages.includes("alias '电话' of field mobile is already an alias of field phone"));
    assert.ok(messages.includes("alias '合同' of category deal is already an alias of category contract"));
  });

  test('an archive number is written where the record keeps it (档号), not added a second time', () => {
    const text = CHINESE.replace('状态: 已归档\r\n', '状态: 已归档\r\n档号:\r\n');
    const after = applyEdits(text, setFieldEdits('r.md', text, [{ record: 0, field: 'archive_no', value: 'Z109-GT·2023-D3-0001' }], schema.aliases));
    assert.match(after, /^档号: Z109-GT·2023-D3-0001\r$/m);
    assert.doesNotMatch(after, /archive_no/);
  });
});

describe('alias findings are off until the schema turns them on', () => {
  test("off by default; once on, Fix All renames keys and values to the schema's names", () => {
    assert.deepEqual(
      codes('r.md', CHINESE).filter((c) => c.endsWith('-alias')),
      [],
    );
    // The editor's setting turns them on as the schema's rules: do.
    const bySetting = indexText('r.md', CHINESE, { mtimeMs: 0, size: 0 }, { ...opts(), severities: new Map([['field-alias', 'info']]) }).findings;
    assert.deepEqual([...new Set(bySetting.filter((f) => f.code.endsWith('-alias')).map((f) => `${f.code} ${f.severity}`))], ['field-alias info']);
    const on = withRules('  field-alias: warning\n  value-alias: warning\n');
    const found = check('r.md', CHINESE, on).findings;
    assert.equal(found.filter((f) => f.code === 'field-alias').length, 9);
    // 分类, 客户类型, 沟通方式, 状态: four single values; 参与人 has none.
    assert.equal(found.filter((f) => f.code === 'value-alias').length, 4);
    const fixed = combineFixes('r.md', CHINESE, fixesOf(found));
    assert.deepEqual(fixed.refused, []);
    assert.equal(
      fixed.text,
      '---\r\nid: GT-2023-001\r\ncategory: communication\r\ncustomer: 北京云帆科技有限公司\r\ncustomer_type: organization\r\ntitle: 续约电话\r\n' +
        'date: 2023-03-15\r\nchannel: phone\r\nparticipants: [王磊]\r\nstatus: archived\r\n---\r\n正文\r\n',
    );
  });
});

describe("renaming to the schema's names on request, the alias rules off", () => {
  test('every alias key and value of the file, each with its rename; the file reads the same afterwards', () => {
    const renames = aliasRenames('r.md', CHINESE, opts());
    assert.equal(renames.filter((f) => f.code === 'field-alias').length, 9);
    assert.equal(renames.filter((f) => f.code === 'value-alias').length, 4);
    const fixed = combineFixes('r.md', CHINESE, fixesOf(renames));
    assert.deepEqual(fixed.refused, []);
    assert.match(fixed.text, /^customer: 北京云帆科技有限公司\r$/m);
    assert.match(fixed.text, /^channel: phone\r$/m);
    assert.deepEqual(check('r.md', fixed.text).records[0].data, check('r.md', CHINESE).records[0].data);
    // An editor setting that turns them off hides the warnings, not the rename asked for.
    assert.equal(aliasRenames('r.md', CHINESE, { ...opts(), severities: new Map([['field-alias', 'off']]) }).length, 13);
  });

  test("a file that already uses the schema's names has none", () => {
    const fixed = combineFixes('r.md', CHINESE, fixesOf(aliasRenames('r.md', CHINESE, opts()))).text;
    assert.deepEqual(aliasRenames('r.md', fixed, opts()), []);
  });
});

describe('suggestions', () => {
  const channel = choiceCandidates(schema.fields.get('channel')!);
  test('a Chinese value is never a slip for a short English one: 传真 suggests nothing, not im', () => {
    assert.equal(closest('传真', channel), undefined);
    assert.equal(closest('电邮', channel), undefined);
  });
  test('near misses of a value, its label or an alias name it', () => {
    assert.equal(closest('Phone', channel), 'phone');
    assert.equal(closest('emial', channel), 'email');
    assert.equal(closest('手机号码', channel), 'phone');
    assert.equal(closest('Instant messaging', channel), 'im');
    assert.equal(closest('meting', channel), 'meeting');
  });
  test('the invalid-enum message and fix follow', () => {
    const text = CHINESE.replace('沟通方式: 电话', '沟通方式: 手机号码');
    const f = check('r.md', text).findings.find((x) => x.code === 'invalid-enum')!;
    assert.match(f.message, /did you mean phone\?/);
    const fixed = combineFixes('r.md', text, fixesOf([f]));
    assert.match(fixed.text, /^沟通方式: phone\r$/m);
    const zh = indexText('r.md', CHINESE.replace('沟通方式: 电话', '沟通方式: 传真'), { mtimeMs: 0, size: 0 }, { ...opts(), lang: 'zh' }).findings.find(
      (x) => x.code === 'invalid-enum',
    )!;
    assert.equal(zh.message, 'channel (沟通方式)：传真 不是允许的取值（可选：email (邮件), phone (电话), meeting (会议), im (即时通讯), letter (信函)）');
    assert.equal(zh.fix, undefined);
  });
  test("an unknown category near a category's label, code or alias is suggested", () => {
    const f = (v: string) => check('r.md', CHINESE.replace('分类: 沟通', `分类: ${v}`)).findings.find((x) => x.code === 'unknown-category');
    assert.match(f('沟通记录表')!.message, /did you mean communication\?/);
    assert.match(f('gt')!.message, /did you mean communication\?/);
    assert.doesNotMatch(f('发票')!.message, /did you mean/);
  });
});
