import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planApproval } from '../../src/core/disposal/approve';
import { readBatch, sha256 } from '../../src/core/disposal/batch';
import { checkBatch, type BatchContext } from '../../src/core/disposal/check';
import { planExecution } from '../../src/core/disposal/execute';
import { applyEdits } from '../../src/core/fix/fixes';
import { indexText } from '../../src/core/index/index-file';
import { allRules } from '../../src/core/rules';
import { defaultSchema } from '../../src/core/schema/load';
import { offlineFingerprints, SIGNED, withOpinion } from './batch-helpers';
import { batchFiles } from '../../src/core/disposal/files';
import { opinionHash } from '../../src/core/disposal/appraisal';
import { record, tempWorkspace } from './helpers';

const schema = defaultSchema();
const opts = { schema, lang: 'en' as const, rules: allRules, fileExists: () => true };
const TODAY = '2026-11-26';
const REC = record({
  id: 'GT-1',
  category: 'communication',
  customer: '张伟',
  customer_type: 'person',
  title: 't',
  date: '2015-01-01',
  channel: 'phone',
  participants: '[张伟]',
  retention: 'D3',
});

function ctx(root: string): BatchContext {
  return {
    lang: 'en',
    root,
    documents: () => batchFiles(root, 'disposal').map(([p, text]) => ({ path: p, text })),
    records: (p) => {
      const abs = path.join(root, p);
      if (!fs.existsSync(abs) || !fs.lstatSync(abs).isFile()) return undefined;
      const recs = indexText(p, fs.readFileSync(abs, 'utf8'), { mtimeMs: 0, size: 0 }, opts).records;
      return recs.length ? new Map(recs.map((r) => [r.index, r.data])) : undefined;
    },
  };
}

/** A batch as a person might write it by hand: the given list under `records:`, the details filled in. */
function batch(status: string, items: string): string {
  return [
    '---',
    'kind: destruction-batch',
    'batch_id: "XH-2026-009"',
    `status: ${status}`,
    'retention: Y',
    'appraisal_ref: ""',
    ...SIGNED,
    'method: 粉碎',
    'place: 档案室',
    'scheduled_at: 2026-12-01T10:00+08:00',
    'records:',
    items,
    '---',
    '',
    '# batch',
    '',
  ].join('\n');
}

const item = (p: string, extra = '') => `  - path: ${JSON.stringify(p)}\n    index: 0${extra}`;

function world() {
  const root = tempWorkspace({ 'communication/a.md': REC, 'notes/plain.md': '# no front matter\n', 'notes/list.txt': 'not a record\n' });
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret\n');
  fs.writeFileSync(path.join(path.dirname(root), `${path.basename(root)}-outside.md`), REC);
  fs.symlinkSync(outside, path.join(root, 'linkdir'));
  fs.symlinkSync('communication/a.md', path.join(root, 'alias.md'));
  return { root, outside };
}

async function planEdits(root: string) {
  const draft = withOpinion(root, batch('draft', item('communication/a.md')), ctx(root));
  const plan = planApproval(draft, ctx(root), TODAY, await offlineFingerprints(draft, ctx(root)));
  assert.ok(plan.ok, JSON.stringify(plan));
  return { draft, edits: plan.edits };
}

/** The findings on the entries: what these attacks are about (an approved batch by hand also lacks its appraisal). */
const ENTRY = /^batch-(item|record|status|attachment)/;
const codes = (text: string, c: BatchContext) =>
  checkBatch(text, c)
    .filter((f) => ENTRY.test(f.code))
    .map((f) => `${f.code}@${f.start.line + 1}`);

describe('a batch edited by hand cannot reach what it must not', () => {
  const attacks: [string, string, string][] = [
    ['a path outside the folder', '../OUTSIDE', 'batch-item-path'],
    ['an absolute path', '/etc/passwd', 'batch-item-path'],
    ['a path through a symlinked folder', 'linkdir/secret.txt', 'batch-item-path'],
    ['a file symlink', 'alias.md', 'batch-item-path'],
    ['a file that is not a record', 'notes/plain.md', 'batch-item-not-record'],
    ['a file outside the record globs', 'notes/list.txt', 'batch-item-not-record'],
    ['a file that does not exist', 'communication/none.md', 'batch-item-not-record'],
  ];
  for (const [what, rel, code] of attacks) {
    test(`${what}: a finding on its line; it cannot be approved or executed; every file survives`, () => {
      const { root, outside } = world();
      const target = rel === '../OUTSIDE' ? `../${path.basename(root)}-outside.md` : rel;
      const c = ctx(root);
      const draft = batch('draft', item(target));
      assert.deepEqual(codes(draft, c), [`${code}@15`]);
      const approval = planApproval(draft, c, TODAY);
      assert.equal(approval.ok, false);
      assert.equal(!approval.ok && approval.reason, 'entries');
      // Marked approved by hand, with a fingerprint of whatever is there: still refused.
      const abs = path.resolve(root, target);
      const hash = fs.existsSync(abs) ? sha256(fs.readFileSync(abs)) : '0'.repeat(64);
      const approved = batch('approved', item(target, `\n    sha256: "${hash}"`));
      assert.ok(
        codes(approved, c).some((x) => x.startsWith('batch-item-') || x.startsWith('batch-record-changed')),
        codes(approved, c).join(),
      );
      const run = planExecution(approved, c, TODAY, 'now');
      assert.equal(run.ok, false);
      assert.equal(fs.readFileSync(path.join(outside, 'secret.txt'), 'utf8'), 'secret\n');
      assert.ok(fs.existsSync(path.join(path.dirname(root), `${path.basename(root)}-outside.md`)));
      assert.ok(fs.existsSync(path.join(root, 'alias.md')) && fs.existsSync(path.join(root, 'notes/plain.md')));
    });
  }

  test('an approved item without a fingerprint cannot be executed', () => {
    const { root } = world();
    const text = batch('approved', item('communication/a.md'));
    assert.deepEqual(codes(text, ctx(root)), ['batch-item-fingerprint@15']);
    assert.equal(planExecution(text, ctx(root), TODAY, 'now').ok, false);
    assert.ok(fs.existsSync(path.join(root, 'communication/a.md')));
  });

  test('entries without a path, a bad document number and an unknown status are findings, not skipped', () => {
    const { root } = world();
    const text = batch('aproved', ['  - "communication/a.md"', '  - path: communication/a.md', '    index: -1'].join('\n'));
    assert.deepEqual(codes(text, ctx(root)).sort(), ['batch-item-not-record@16', 'batch-item-path@15', 'batch-status@4']);
  });

  test('approval fingerprints every entry — block and flow items, two documents of one file — and the result reads back', async () => {
    const root = tempWorkspace({ 'communication/a.md': REC, 's.yaml': 'id: Y1\ncategory: other\ntitle: one\n---\nid: Y2\ncategory: other\ntitle: two\n' });
    const text = withOpinion(
      root,
      batch('draft', [item('communication/a.md'), '  - {path: s.yaml, index: 0}', '  - {path: s.yaml, index: 1, sha256: "stale"}'].join('\n')),
      ctx(root),
    );
    const plan = planApproval(text, ctx(root), TODAY, await offlineFingerprints(text, ctx(root)));
    assert.ok(plan.ok, JSON.stringify(plan));
    const after = applyEdits(text, plan.edits);
    const back = readBatch(after)!;
    assert.equal(back.status, 'approved');
    assert.equal(back.data.approved_at, TODAY);
    const a = sha256(fs.readFileSync(path.join(root, 'communication/a.md')));
    const s = sha256(fs.readFileSync(path.join(root, 's.yaml')));
    assert.deepEqual(
      back.items.map((i) => [i.path, i.index, i.sha256]),
      [
        ['communication/a.md', 0, a],
        ['s.yaml', 0, s],
        ['s.yaml', 1, s],
      ],
    );
    assert.ok(after.includes('  - {path: s.yaml, index: 0, sha256: '), 'the flow item keeps its style');
    assert.ok(after.includes('attachments: []}'), 'the attachments go in the same style');
    assert.deepEqual(checkBatch(after, ctx(root)), []);
    assert.equal(planExecution(after, ctx(root), TODAY, 'now').ok, true);
  });

  test('executing needs the bytes that were approved: a file changed since is refused', async () => {
    const root = tempWorkspace({ 'communication/a.md': REC });
    const { draft, edits } = await planEdits(root);
    const approved = applyEdits(draft, edits);
    fs.appendFileSync(path.join(root, 'communication/a.md'), 'changed after approval\n');
    assert.deepEqual(codes(approved, ctx(root)), ['batch-record-changed@15']);
    assert.equal(planExecution(approved, ctx(root), TODAY, 'now').ok, false);
  });

  test('a batch whose front matter is a flow mapping is not executed rather than written broken', () => {
    const root = tempWorkspace({ 'communication/a.md': REC });
    const hash = sha256(fs.readFileSync(path.join(root, 'communication/a.md')));
    // Everything approval asks for is there, the opinion signed: only the flow style stands in the way.
    withOpinion(root, batch('draft', item('communication/a.md')).replace('XH-2026-009', 'XH-2026-010'), ctx(root));
    const opinion = opinionHash(fs.readFileSync(path.join(root, 'disposal/JD-2026-900.md'), 'utf8'));
    const flow = [
      '---',
      `{kind: destruction-batch, batch_id: XH-2026-010, status: approved, retention: Y, appraisal_ref: JD-2026-900, appraisal_sha256: "${opinion}", unit_head: 王强, archives_head: 李档案, archives_handler: 陈晨, supervisors: [{name: 李档案, role: archives}, {name: 赵工, role: it}], method: 粉碎, place: 档案室, scheduled_at: "2026-12-01T10:00+08:00", records: [{path: communication/a.md, index: 0, sha256: "${hash}"}], fingerprints: {git: false, files: [{path: communication/a.md, role: record, index: 0, sha256: "${hash}", paths: [communication/a.md], blobs: []}]}}`,
      '---',
      '',
      '# batch',
      '',
    ].join('\n');
    assert.deepEqual(checkBatch(flow, ctx(root)), []);
    const run = planExecution(flow, ctx(root), TODAY, 'now');
    assert.equal(run.ok, false);
    assert.ok(fs.existsSync(path.join(root, 'communication/a.md')));
  });
});
