import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { batchItem, readBatch, screenForDestruction } from '../../src/core/disposal/batch';
import { checkBatch, type BatchContext } from '../../src/core/disposal/check';
import { destructionBatchText, nextBatchId } from '../../src/core/disposal/document';
import { planExecution } from '../../src/core/disposal/execute';
import { applyEdits, setFieldEdits } from '../../src/core/fix/fixes';
import { indexText } from '../../src/core/index/index-file';
import { allRules } from '../../src/core/rules';
import { defaultSchema } from '../../src/core/schema/load';
import { batchFiles } from '../../src/core/disposal/files';
import { SIGNED, withFingerprints, withOpinion } from './batch-helpers';
import { record, tempWorkspace } from './helpers';

const schema = defaultSchema();
const TODAY = '2026-11-26';
const opts = { schema, lang: 'en' as const, rules: allRules, fileExists: () => true };
const comm = (id: string, date: string, extra: Record<string, string> = {}) =>
  record({
    id,
    category: 'communication',
    customer: '张伟',
    customer_type: 'person',
    title: id,
    date,
    channel: 'phone',
    participants: '[张伟]',
    retention: 'D3',
    archive_no: `Z001-WS·${date.slice(0, 4)}-D3-GT-0001`,
    ...extra,
  });
const entry = (p: string, text: string) => indexText(p, text, { mtimeMs: 0, size: 0 }, opts).records[0];

/** A batch check's view of a real folder: the records of each file as the index would hold them. */
function folderContext(root: string, hold = false): BatchContext {
  return {
    lang: 'en',
    root,
    documents: () => batchFiles(root, 'disposal').map(([p, text]) => ({ path: p, text })),
    records: (p) => {
      const abs = path.join(root, p);
      if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) return undefined;
      const recs = indexText(p, fs.readFileSync(abs, 'utf8'), { mtimeMs: 0, size: 0 }, opts).records;
      return recs.length ? new Map(recs.map((r) => [r.index, hold ? { ...r.data, hold: true } : r.data])) : undefined;
    },
  };
}

describe('destruction batches', () => {
  test('only records past retention, not on hold and without errors enter a batch; the others are refused with the reason', () => {
    const due = entry('a.md', comm('A', '2015-01-01'));
    const held = entry('b.md', comm('B', '2015-01-01', { hold: 'true' }));
    const young = entry('c.md', comm('C', '2025-01-01'));
    const { items, excluded } = screenForDestruction([due, held, young], schema, TODAY, (r) => r.errors);
    assert.deepEqual(
      items.map((r) => r.file),
      ['a.md'],
    );
    assert.deepEqual(
      excluded.map((e) => [e.record.file, e.reason, e.until]),
      [
        ['b.md', 'hold', '2018-01-01'],
        ['c.md', 'within-retention', '2028-01-01'],
      ],
    );
  });

  test('the batch file has the checklist, the register and the listed records, and reads back', () => {
    const text = comm('A', '2015-06-10');
    const item = batchItem(entry('a.md', text), schema, text, TODAY);
    const batch = destructionBatchText('XH-2026-001', [item], schema, 'both', TODAY);
    assert.match(batch, /^- \[ \] 至少两名监销人在场监督并核对清册 \/ At least two supervisors present/m);
    // 会计档案管理办法 Art. 18(1): 卷号 and 页数 as the record gives them (none here), 起止年度 from its dates, the
    // 保管起算 is the first day counted: the day after the call (民法典 Art. 201).
    // required retention and the day it started; 已保管 is not frozen into the file but printed (register.ts).
    assert.match(batch, /\| 1 \| Z001-WS·2015-D3-GT-0001 \| A \|  \|  \| 2015 \| 3年 \/ 3 years \| 2015-06-11 \| 2018-06-10 \| 待销毁 \/ pending \|/);
    assert.doesNotMatch(batch, /11\.5/);
    assert.match(batch, /^retention: Y /m);
    const back = readBatch(batch)!;
    assert.equal(back.status, 'draft');
    assert.deepEqual(back.items[0], item);
    assert.equal(nextBatchId('XH', '2026', ['XH-2026-001', 'XH-2026-007', 'YJ-2026-009']), 'XH-2026-008');
  });

  test('an approved batch without the Art. 18 signatories, supervisors, method, place, time and opinion is reported; a changed or held record too', async () => {
    const text = comm('A', '2015-06-10');
    const item = batchItem(entry('a.md', text), schema, text, TODAY);
    let batch = destructionBatchText('XH-2026-001', [item], schema, 'en', TODAY);
    // Each context is a folder of its own holding a.md as given and the signed opinion of the batch.
    let opinion: [string, string] | undefined;
    const ctx = (fileText: string, hold = false) => {
      const root = tempWorkspace({ 'a.md': fileText, ...(opinion ? { [opinion[0]]: opinion[1] } : {}) });
      return folderContext(root, hold);
    };
    assert.deepEqual(checkBatch(batch, ctx(text)), [], 'a draft is not judged yet');
    batch = await withFingerprints(applyEdits(batch, setFieldEdits('b.md', batch, [{ record: 0, field: 'status', value: 'approved' }])), ctx(text));
    const codes = checkBatch(batch, ctx(text))
      .map((f) => f.code)
      .sort();
    assert.deepEqual(codes, [
      'batch-appraisal',
      'batch-missing-detail',
      'batch-missing-detail',
      'batch-missing-detail',
      'batch-signatures',
      'batch-supervisors',
    ]);
    const root = tempWorkspace({ 'a.md': text });
    let filled = batch
      .replace(/^unit_head: .*$/m, SIGNED[0])
      .replace(/^archives_head: .*$/m, SIGNED[1])
      .replace(/^archives_handler: .*$/m, SIGNED[2])
      .replace(/^supervisors: .*$/m, SIGNED[3])
      .replace('method: ""', 'method: 粉碎')
      .replace('place: ""', 'place: 档案室')
      .replace('scheduled_at: ""', 'scheduled_at: 2026-12-01T10:00+08:00');
    filled = withOpinion(root, filled, folderContext(root));
    opinion = ['disposal/JD-2026-900.md', fs.readFileSync(path.join(root, 'disposal/JD-2026-900.md'), 'utf8')];
    filled = filled.replace(/^appraisal_sha256: .*\n/m, '');
    filled = await withFingerprints(filled.replace(/^fingerprints:[\s\S]*?(?=^---$)/m, ''), ctx(text));
    assert.deepEqual(checkBatch(filled, ctx(text)), []);
    const changed = checkBatch(filled, ctx(text + 'edited\n')).map((f) => f.code);
    assert.deepEqual(changed, ['batch-record-changed']);
    assert.deepEqual(
      checkBatch(filled, ctx(text, true)).map((f) => f.code),
      ['batch-record-on-hold'],
    );
  });

  test('executing deletes whole files, cuts listed documents out of a YAML stream, and writes tombstones', async () => {
    const md = comm('A', '2015-06-10');
    const stream = 'id: Y1\ncategory: other\ntitle: one\n---\nid: Y2\ncategory: other\ntitle: two\n---\nid: Y3\ncategory: other\ntitle: three\n';
    const recs = indexText('s.yaml', stream, { mtimeMs: 0, size: 0 }, opts).records;
    const items = [batchItem(entry('a.md', md), schema, md, TODAY), { ...batchItem(recs[1], schema, stream, TODAY), path: 's.yaml', index: 1 }];
    let batch = destructionBatchText('XH-2026-002', items, schema, 'en', TODAY)
      .replace('status: draft', 'status: approved')
      .replace(/^unit_head: .*$/m, SIGNED[0])
      .replace(/^archives_head: .*$/m, SIGNED[1])
      .replace(/^archives_handler: .*$/m, SIGNED[2])
      .replace(/^supervisors: .*$/m, SIGNED[3])
      .replace('method: ""', 'method: shred')
      .replace('place: ""', 'place: here')
      .replace('scheduled_at: ""', 'scheduled_at: now');
    const root = tempWorkspace({ 'a.md': md, 's.yaml': stream });
    const ctx = folderContext(root);
    batch = await withFingerprints(withOpinion(root, batch, ctx), ctx);
    const planned = planExecution(batch, ctx, TODAY, '2026-11-26T15:00+08:00');
    assert.ok(planned.ok, JSON.stringify(planned));
    const plan = planned.plan;
    assert.deepEqual(plan.deleteFiles, ['a.md']);
    assert.equal(applyEdits(stream, plan.cutDocuments.get('s.yaml')!), 'id: Y1\ncategory: other\ntitle: one\n---\nid: Y3\ncategory: other\ntitle: three\n');
    batch = applyEdits(batch, plan.batchEdits);
    const back = readBatch(batch)!;
    assert.equal(back.status, 'executed');
    assert.equal(back.data.executed_at, '2026-11-26T15:00+08:00');
    assert.deepEqual(
      (back.data.tombstones as Record<string, string>[]).map((t) => [t.id, t.destroyed_on, t.batch]),
      [
        ['A', TODAY, 'XH-2026-002'],
        ['Y2', TODAY, 'XH-2026-002'],
      ],
    );
    assert.doesNotMatch(batch, /pending/);
    assert.deepEqual(planExecution(batch, ctx, TODAY, 'x'), { ok: false, reason: 'not-approved', findings: [] }, 'an executed batch cannot run twice');
  });
});
