import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { planBulkEdit, planBulkEditInSlices, type BulkPlan } from '../../src/core/bulk/plan';
import type { BulkOperation } from '../../src/core/bulk/operations';
import { openFolder } from '../../src/core/check/folder';
import { applyChanges } from '../../src/core/io/changes';
import { record, tempWorkspace, VALID_SERVICE } from './helpers';

async function plan(root: string, where: string, operations: BulkOperation[], lang: 'en' | 'zh' = 'en'): Promise<BulkPlan> {
  const f = await openFolder(root, lang, { workers: 0 });
  return planBulkEdit({ root, lang, schema: f.schema.schema, index: f.index }, { where, operations });
}

function write(root: string, p: BulkPlan): void {
  const r = applyChanges(root, p.files);
  assert.ok(r.ok, JSON.stringify(r));
}

const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel));
const setDate: BulkOperation[] = [{ op: 'set', field: 'date', value: '2024年5月6日' }];

/** The bytes of `before` with `from` replaced by `to` exactly once: what a one-value edit may change, and nothing else. */
function withOne(before: Buffer | string, from: string, to: string): Buffer {
  const s = before.toString();
  assert.equal(s.split(from).length, 2, `"${from}" occurs once`);
  return Buffer.from(s.replace(from, to));
}

describe('bulk edits: set a field on the records a filter selects', () => {
  test('a date set on the selection changes that value only: every other byte (comments, quotes, body) is as it was', async () => {
    const a = [
      '---',
      'id: FW-2026-001   # 编号',
      'category: service',
      "customer: '张伟'",
      'customer_type: person',
      'title: "上门服务: 安装"',
      'date: 2026-03-01 # 服务日期',
      'service_type: support',
      'staff: 王工',
      '---',
      '# 记录',
      '',
      'date: 2026-03-01 in the body stays.',
      '',
    ].join('\n');
    const root = tempWorkspace({
      'service/a.md': a,
      'service/b.md': record({ ...VALID_SERVICE, id: 'FW-2026-002', date: '2026-03-01' }),
      'service/c.md': record({ ...VALID_SERVICE, id: 'FW-2026-003', customer: '李四' }),
    });
    const before = new Map(['service/a.md', 'service/b.md', 'service/c.md'].map((f) => [f, read(root, f)]));
    const p = await plan(root, 'category=service customer=张伟', setDate);
    assert.equal(p.matched, 2);
    assert.deepEqual(p.refused, []);
    assert.deepEqual(
      p.files.map((f) => f.path),
      ['service/a.md', 'service/b.md'],
    );
    const edit = p.files[0].edits;
    assert.equal(edit.length, 1);
    assert.equal(edit[0].path, 'service/a.md');
    assert.equal(edit[0].newText, '2024-05-06');
    assert.match(p.files[0].diff, /^-date: 2026-03-01 # 服务日期$/m);
    assert.match(p.files[0].diff, /^\+date: 2024-05-06 # 服务日期$/m);
    write(root, p);
    assert.deepEqual(read(root, 'service/a.md'), withOne(before.get('service/a.md')!, 'date: 2026-03-01 #', 'date: 2024-05-06 #'));
    assert.deepEqual(read(root, 'service/b.md'), withOne(before.get('service/b.md')!, 'date: 2026-03-01', 'date: 2024-05-06'));
    assert.deepEqual(read(root, 'service/c.md'), before.get('service/c.md'), 'a record the filter does not select is not touched');
    const again = await plan(root, 'category=service customer=张伟', setDate);
    assert.deepEqual([again.files.length, again.unchanged], [0, 2], 'records already as asked are counted, not rewritten');
  });

  test('a CRLF record keeps CRLF; a BOM stays', async () => {
    const text = '\uFEFF' + record(VALID_SERVICE).replace(/\n/g, '\r\n');
    const root = tempWorkspace({ 'service/crlf.md': text });
    const p = await plan(root, 'customer=张伟', [...setDate, { op: 'set', field: 'ticket', value: 'T-1' }]);
    assert.deepEqual(p.refused, []);
    write(root, p);
    const after = read(root, 'service/crlf.md').toString();
    // ticket goes where the schema's order puts it: after the date, before service_type.
    assert.equal(after, text.replace('date: 2026-03-01\r\n', 'date: 2024-05-06\r\nticket: T-1\r\n'));
    assert.doesNotMatch(after.replace(/\r\n/g, ''), /[\r\n]/, 'no bare line break');
  });

  test('flow-style front matter stays a flow mapping; a field it lacks goes inside the braces', async () => {
    const text =
      '---\n{id: FW-1, category: service, customer: 张伟, customer_type: person, title: t, date: 2026-03-01, service_type: support, staff: 王工}\n---\nBody.\n';
    const root = tempWorkspace({ 'service/flow.md': text });
    const p = await plan(root, 'id=FW-1', [...setDate, { op: 'set', field: 'ticket', value: 'a, b' }]);
    assert.deepEqual(p.refused, []);
    write(root, p);
    const after = read(root, 'service/flow.md').toString();
    assert.match(
      after,
      /^---\n\{id: FW-1, category: service, customer: 张伟, customer_type: person, title: t, date: 2024-05-06, service_type: support, staff: 王工, ticket: "a, b"\}\n---\nBody\.\n$/,
    );
    const removed = await plan(root, 'id=FW-1', [{ op: 'remove', field: 'ticket' }]);
    write(root, removed);
    assert.equal(read(root, 'service/flow.md').toString(), text.replace('2026-03-01', '2024-05-06'));
  });

  test('a YAML file of several records: only the selected document changes; Markdown and YAML alike', async () => {
    const yaml = [
      '# 服务记录',
      '---',
      ...Object.entries({ ...VALID_SERVICE, id: 'FW-Y1', customer: '李四' }).map(([k, v]) => `${k}: ${v}`),
      '---',
      ...Object.entries({ ...VALID_SERVICE, id: 'FW-Y2' }).map(([k, v]) => `${k}: ${v}`),
      '',
    ].join('\n');
    const root = tempWorkspace({ 'service/stream.yaml': yaml, 'service/one.md': record({ ...VALID_SERVICE, id: 'FW-M1' }) });
    const p = await plan(root, 'customer=张伟', setDate);
    assert.equal(p.files.length, 2);
    write(root, p);
    const after = read(root, 'service/stream.yaml').toString();
    const [, first, second] = after.split('---\n');
    assert.match(first, /date: 2026-03-01/, 'the document the filter does not select keeps its date');
    assert.match(second, /date: 2024-05-06/);
    const at = yaml.lastIndexOf('date: 2026-03-01');
    assert.equal(after, `${yaml.slice(0, at)}date: 2024-05-06${yaml.slice(at + 'date: 2026-03-01'.length)}`);
  });

  test('a `|+` block scalar next to the field keeps its kept blank lines; removing it takes them with it', async () => {
    const text = [
      '---',
      'id: FW-1',
      'category: service',
      'customer: 张伟',
      'customer_type: person',
      'title: t',
      'notes: |+',
      '  第一行',
      '',
      '',
      'date: 2026-03-01',
      'service_type: support',
      'staff: 王工',
      '---',
      '',
    ].join('\n');
    const root = tempWorkspace({ 'service/block.md': text });
    const p = await plan(root, 'id=FW-1', setDate);
    assert.deepEqual(p.refused, []);
    write(root, p);
    assert.deepEqual(read(root, 'service/block.md'), withOne(text, 'date: 2026-03-01', 'date: 2024-05-06'));
    write(root, await plan(root, 'id=FW-1', [{ op: 'remove', field: 'notes' }]));
    assert.equal(read(root, 'service/block.md').toString(), text.replace('notes: |+\n  第一行\n\n\n', '').replace('2026-03-01', '2024-05-06'));
  });

  test('18-digit ID numbers elsewhere in the record are untouched; one set is written quoted, digit for digit', async () => {
    const text = record({ ...VALID_SERVICE, id_number: '320102198511204566', phone: '"13812345678"' });
    const root = tempWorkspace({ 'service/id.md': text });
    write(root, await plan(root, 'id=FW-2026-001', setDate));
    assert.deepEqual(read(root, 'service/id.md'), withOne(text, 'date: 2026-03-01', 'date: 2024-05-06'));
    const p = await plan(root, 'id=FW-2026-001', [{ op: 'set', field: 'id_number', value: '110101199003071233' }]);
    assert.deepEqual(p.refused, []);
    write(root, p);
    assert.match(read(root, 'service/id.md').toString(), /\nid_number: "110101199003071233"\n/);
  });

  test('an enum by its Chinese label, a field by its Chinese alias, a key renamed to the schema name', async () => {
    const text = record({ id: 'FW-1', 分类: '服务', 客户: '张伟', 客户类型: '个人', title: 't', date: '2026-03-01', service_type: 'support', staff: '王工' });
    const root = tempWorkspace({ 'service/zh.md': text });
    const p = await plan(root, '客户=张伟', [{ op: 'set', field: 'customer_type', value: '机构' }], 'zh');
    assert.deepEqual(p.refused, []);
    write(root, p);
    assert.deepEqual(read(root, 'service/zh.md'), withOne(text, '客户类型: 个人', '客户类型: organization'));
    write(root, await plan(root, 'customer=张伟', [{ op: 'rename', from: '客户', to: 'customer' }]));
    assert.match(read(root, 'service/zh.md').toString(), /\ncustomer: 张伟\n客户类型: organization\n/);
  });

  test('numbers, booleans and lists typed by the schema: 是 is true, a list of labels is a list of values, a rating over its max is refused', async () => {
    const text = record({ ...VALID_SERVICE, hold: 'false', pi_kinds: '[]' });
    const root = tempWorkspace({ 'service/a.md': text });
    const p = await plan(root, 'id=FW-2026-001', [
      { op: 'set', field: '评分', value: '4' },
      { op: 'set', field: 'hold', value: '是' },
      { op: 'set', field: 'pi_kinds', value: '医疗健康、生物识别' },
    ]);
    assert.deepEqual(p.refused, []);
    write(root, p);
    const after = read(root, 'service/a.md').toString();
    assert.match(after, /\nhold: true\npi_kinds: \[health, biometric\]\n/);
    assert.match(after, /\n评分: 4\n/, 'added under the name given, read as rating');
    const over = await plan(root, 'id=FW-2026-001', [{ op: 'set', field: 'rating', value: '9' }]);
    assert.equal(over.refused[0]?.code, 'invalid');
    assert.match(over.refused[0]?.reason ?? '', /9/);
  });

  test('an invalid value is refused with the finding check would give; nothing of that record is planned', async () => {
    const root = tempWorkspace({
      'service/a.md': record(VALID_SERVICE),
      'transactions/t.md': record({
        id: 'JY-1',
        category: 'transaction',
        customer: '张伟',
        customer_type: 'person',
        title: 't',
        date: '2024-01-01',
        amount: '100',
        currency: 'CNY',
        payment_method: 'transfer',
      }),
    });
    const bad = await plan(root, 'customer=张伟', [{ op: 'set', field: 'date', value: '2024-02-30' }]);
    assert.deepEqual(bad.files, []);
    assert.equal(bad.refused.length, 2);
    assert.ok(
      bad.refused.every((r) => r.code === 'invalid' && /2024-02-30 is not a real date/.test(r.reason)),
      JSON.stringify(bad.refused),
    );
    const zh = await plan(root, 'category=transaction', [{ op: 'set', field: 'amount', value: '一百' }], 'zh');
    assert.match(zh.refused[0]?.reason ?? '', /不是金额/);
    const amount = await plan(root, 'category=transaction', [{ op: 'set', field: 'amount', value: '¥1,200.5' }]);
    write(root, amount);
    assert.match(read(root, 'transactions/t.md').toString(), /\namount: 1200\.50\n/);
  });

  test('a record listed in an executed batch, or sharing a file with one in an approved batch, is left alone and named', async () => {
    const batch = (status: string, items: string) => `---\nkind: transfer-batch\nbatch_id: TB-${status}\nstatus: ${status}\nrecords:\n${items}---\n`;
    const root = tempWorkspace({
      'service/a.md': record(VALID_SERVICE),
      'service/b.md': record({ ...VALID_SERVICE, id: 'FW-2026-002' }),
      'service/stream.yaml': `${Object.entries({ ...VALID_SERVICE, id: 'FW-S1' })
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n')}\n---\n${Object.entries({ ...VALID_SERVICE, id: 'FW-S2' })
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n')}\n`,
      'disposal/TB-executed.md': batch('executed', '  - path: service/a.md\n    index: 0\n'),
      'disposal/TB-approved.md': batch('approved', '  - path: service/stream.yaml\n    index: 0\n'),
    });
    const before = read(root, 'service/stream.yaml');
    const p = await plan(root, 'customer=张伟', setDate);
    assert.deepEqual(
      p.files.map((f) => f.path),
      ['service/b.md'],
    );
    assert.deepEqual(
      p.refused.map((r) => [r.path, r.record, r.code]),
      [
        ['service/a.md', 0, 'locked'],
        ['service/stream.yaml', 0, 'locked'],
        ['service/stream.yaml', 1, 'locked'],
      ],
    );
    assert.match(p.refused[0].reason, /executed batch TB-executed/);
    assert.match(p.refused[2].reason, /approved batch TB-approved/);
    write(root, p);
    assert.deepEqual(read(root, 'service/stream.yaml'), before);
  });

  test('a symbolic link to a record is never followed: it is named, and its target is edited only as itself', async () => {
    const root = tempWorkspace({ 'service/a.md': record(VALID_SERVICE) });
    fs.symlinkSync('a.md', path.join(root, 'service/link.md'));
    const p = await plan(root, 'customer=张伟', setDate);
    assert.deepEqual(
      p.refused.map((r) => [r.path, r.code]),
      [['service/link.md', 'link']],
    );
    assert.deepEqual(
      p.files.map((f) => f.path),
      ['service/a.md'],
    );
    assert.ok(fs.lstatSync(path.join(root, 'service/link.md')).isSymbolicLink());
  });

  test('a file swapped for a link after it was indexed is refused, not written through', async () => {
    const root = tempWorkspace({ 'service/a.md': record(VALID_SERVICE), 'elsewhere.md': 'x' });
    const f = await openFolder(root, 'en', { workers: 0 });
    fs.rmSync(path.join(root, 'service/a.md'));
    fs.symlinkSync('../elsewhere.md', path.join(root, 'service/a.md'));
    const p = planBulkEdit({ root, lang: 'en', schema: f.schema.schema, index: f.index }, { where: 'customer=张伟', operations: setDate });
    assert.deepEqual(p.files, []);
    assert.deepEqual(
      p.refused.map((r) => r.code),
      ['link'],
    );
    assert.equal(fs.readFileSync(path.join(root, 'elsewhere.md'), 'utf8'), 'x');
  });

  test('a record whose YAML cannot be read is named (the filter cannot tell), and a filter matching nothing changes nothing', async () => {
    const root = tempWorkspace({ 'service/a.md': record(VALID_SERVICE), 'service/broken.md': '---\nid: [unclosed\ncustomer: 张伟\n---\n' });
    const none = await plan(root, 'customer=王五', setDate);
    assert.equal(none.matched, 0);
    assert.deepEqual(none.files, []);
    assert.deepEqual(
      none.refused.map((r) => [r.path, r.code]),
      [['service/broken.md', 'unreadable']],
    );
  });

  test('move to another category by its Chinese label: the field changes, the path does not; a numbered record is refused', async () => {
    const root = tempWorkspace({
      'service/a.md': record(VALID_SERVICE),
      'service/n.md': record({ ...VALID_SERVICE, id: 'FW-2026-002', archive_no: 'Z001-WS·2026-D3-FW-0001' }),
    });
    const p = await plan(root, 'category=service', [{ op: 'move', category: '沟通记录' }]);
    assert.deepEqual(
      p.files.map((f) => f.path),
      ['service/a.md'],
    );
    assert.equal(p.files[0].edits[0].newText, 'communication');
    assert.deepEqual(
      p.refused.map((r) => [r.path, r.code]),
      [['service/n.md', 'invalid']],
    );
    assert.match(p.refused[0].reason, /archive number/);
    assert.ok(
      p.introduced.some((f) => f.code === 'missing-field' || f.code === 'unknown-field'),
      'what the move leaves to do is shown',
    );
    const wrong = await plan(root, 'category=service', [{ op: 'move', category: 'nope' }]);
    assert.match(wrong.problems[0], /no category nope/);
    const guarded = await plan(root, 'category=service', [{ op: 'set', field: '档号', value: 'X' }]);
    assert.match(guarded.problems[0], /renumber/);
  });

  test('an id set on several records at once is refused whole; one that another record has refuses the record', async () => {
    const root = tempWorkspace({ 'service/a.md': record(VALID_SERVICE), 'service/b.md': record({ ...VALID_SERVICE, id: 'FW-2026-002' }) });
    const many = await plan(root, 'customer=张伟', [{ op: 'set', field: 'id', value: 'FW-9' }]);
    assert.match(many.problems[0], /would give 2 records the same id/);
    const taken = await plan(root, 'id=FW-2026-002', [{ op: 'set', field: '编号', value: 'FW-2026-001' }]);
    assert.deepEqual(taken.files, []);
    assert.match(taken.refused[0]?.reason ?? '', /already the id of service\/a\.md/);
    const one = await plan(root, 'id=FW-2026-002', [{ op: 'set', field: 'id', value: 'FW-2026-003' }]);
    assert.equal(one.files.length, 1);
  });

  test('a file that vanishes or changes after the index is refused; one changed after planning stops the write, all of it', async () => {
    const root = tempWorkspace({ 'service/a.md': record(VALID_SERVICE), 'service/b.md': record({ ...VALID_SERVICE, id: 'FW-2026-002' }) });
    const f = await openFolder(root, 'en', { workers: 0 });
    const folder = { root, lang: 'en' as const, schema: f.schema.schema, index: f.index };
    fs.rmSync(path.join(root, 'service/b.md'));
    const p = planBulkEdit(folder, { where: 'customer=张伟', operations: setDate });
    assert.deepEqual(
      p.refused.map((r) => [r.path, r.code]),
      [['service/b.md', 'changed']],
    );
    fs.writeFileSync(path.join(root, 'service/b.md'), record({ ...VALID_SERVICE, id: 'FW-2026-002' }));
    const both = await plan(root, 'customer=张伟', setDate);
    assert.equal(both.files.length, 2);
    const a = read(root, 'service/a.md');
    fs.appendFileSync(path.join(root, 'service/b.md'), 'typed meanwhile\n');
    const r = applyChanges(root, both.files);
    assert.equal(r.ok, false);
    assert.deepEqual(read(root, 'service/a.md'), a, 'nothing is written when one file changed');
  });

  test('planned in slices, the event loop turns between every file edited, and the plan is the same as at once', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`service/r${i}.md`] = record({ ...VALID_SERVICE, id: `FW-2026-${String(i).padStart(3, '0')}` });
    const root = tempWorkspace(files);
    const f = await openFolder(root, 'en', { workers: 0 });
    const folder = { root, lang: 'en' as const, schema: f.schema.schema, index: f.index };
    const request = { where: 'customer=张伟', operations: setDate };
    // Counted in turns of the event loop, not milliseconds (a timing bound failed on a loaded machine): with no
    // time allowed per slice, other work runs between every two files, so no turn holds more than one file's work.
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const sliced = await planBulkEditInSlices(folder, request, { sliceMs: 0 });
    ticking = false;
    assert.ok(turns >= 400, `the event loop turned ${turns} times while 400 files were planned`);
    const whole = planBulkEdit(folder, request);
    const byDefault = await planBulkEditInSlices(folder, request);
    assert.ok(sliced && byDefault);
    assert.equal(sliced.files.length, 400);
    for (const p of [sliced, byDefault])
      assert.deepEqual(
        p.files.map((x) => x.afterText),
        whole.files.map((x) => x.afterText),
      );
    assert.equal(await planBulkEditInSlices(folder, request, { isCurrent: () => false, sliceMs: 0 }), undefined, 'a replaced request stops');
  });
});
